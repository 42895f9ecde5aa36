"""The application workflow: every guard refuses with its message and changes nothing, every role is
allowed or refused every transition, councils, money (commit, release, payments) and notifications."""

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import Http404
from django.utils import timezone, translation

from accounts.models import AuditEntry, Notification
from enterprises.models import Enterprise
from enterprises.sizes import SizeClass
from support import services
from support.choices import CapPer, CostKind, PrioritySectorMode, Status
from support.models import Application, Attachment, BudgetAllocation, Payment, Review
from support.workflow import TRANSITIONS, TransitionError, application_transition
from tests.enterprises.factories import BILLION, make_enterprise, make_member, sector
from tests.support.factories import (
    MILLION,
    advance,
    make_allocation,
    make_application,
    make_council,
    make_people,
    make_policy,
    make_rule,
    province,
    scenario,
    transition_data,
    upload,
)

pytestmark = pytest.mark.django_db

K = CostKind


@pytest.fixture(autouse=True)
def english():
    """Messages are checked in the source language here; test_translations checks the Vietnamese."""
    with translation.override("en"):
        yield


def refused(app: Application, transition: str, by, message: str, **data) -> TransitionError:
    """The transition is refused with ``message``, and neither the status nor the event log changed."""
    app.refresh_from_db()
    status, events = app.status, app.events.count()
    with pytest.raises(TransitionError) as caught:
        application_transition(application=app, transition=transition, by=by, **data)
    assert any(message in text for text in caught.value.messages), caught.value.messages
    app.refresh_from_db()
    assert app.status == status
    assert app.events.count() == events
    return caught.value


# --- The happy path -----------------------------------------------------------------------------------------


def test_an_application_goes_from_draft_to_paid_with_an_event_and_an_audit_row_per_step():
    app, people = scenario()
    app = advance(app, Status.ACCEPTED, people)
    services.payment_record(
        application=app, by=people.staff, paid_on=dt.date(2025, 12, 1), amount=45 * MILLION, reference="UNC 1"
    )
    app.refresh_from_db()

    assert app.status == Status.PAID
    steps = list(app.events.values_list("transition", flat=True))
    assert steps == [
        "submit",
        "start_screening",
        "send_to_council",
        "approve",
        "sign_contract",
        "start_implementation",
        "request_acceptance",
        "accept",
        "mark_paid",
    ]
    audit = AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Application),
        object_id=str(app.pk),
        action=AuditEntry.Action.TRANSITION,
    )
    assert audit.count() == 9
    assert audit.filter(changes__status=["council_review", "approved"]).exists()
    assert app.decision.number == "15/QĐ-SKHCN"
    assert app.contract.number == "15/HĐ-SKHCN"
    assert app.acceptance.minutes_number == "15/BB-NT"


def test_submission_records_the_maximum_support_from_the_estimate():
    # consultancy 60 million + first audit 40 million at 50 %, capped at 45 million per system.
    app, people = scenario()
    app = advance(app, Status.SUBMITTED, people)
    assert app.max_support == 45_000_000
    assert app.submitted_at is not None


def test_no_code_outside_the_workflow_assigns_a_status():
    support_dir = Path(__file__).resolve().parents[2] / "support"
    offenders = []
    for path in support_dir.rglob("*.py"):
        if path.name == "workflow.py" or "migrations" in path.parts:
            continue
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if re.search(r"\.status\s*=(?!=)|update\([^)]*\bstatus\s*=", line):
                offenders.append(f"{path.name}:{number}: {line.strip()}")
    assert offenders == []


# --- Guards: one failing case each ------------------------------------------------------------------------


def test_submit_needs_estimated_costs():
    enterprise = make_enterprise()
    people = make_people(enterprise)
    app = make_application(member=people.member, enterprise=enterprise, rule=make_rule(), costs=())
    refused(app, "submit", people.member, "Add the estimated costs of the project.")


def test_submit_needs_every_required_document():
    enterprise = make_enterprise()
    people = make_people(enterprise)
    app = make_application(
        member=people.member,
        enterprise=enterprise,
        rule=make_rule(),
        documents=(Attachment.Kind.APPLICATION_FORM, Attachment.Kind.BUSINESS_REGISTRATION),
    )
    refused(app, "submit", people.member, "The dossier lacks: project description with cost estimate, quotation.")


def test_submit_needs_a_verified_enterprise():
    app, people = scenario()
    Enterprise.objects.filter(pk=app.enterprise_id).update(status=Enterprise.Status.PENDING, verified_at=None)
    refused(app, "submit", people.member, "has not been verified yet")


def test_submit_needs_the_policy_in_force_in_the_budget_year():
    app, people = scenario()
    app.rule.policy.__class__.objects.filter(pk=app.rule.policy_id).update(effective_to=dt.date(2024, 12, 31))
    refused(app, "submit", people.member, "is not in force in 2025")


def test_submit_refuses_an_enterprise_too_large_for_an_sme_policy():
    policy = make_policy(sizes=[SizeClass.MICRO, SizeClass.SMALL, SizeClass.MEDIUM])
    app, people = scenario(rule=make_rule(policy=policy), employees=500, revenue=500 * BILLION, capital=300 * BILLION)
    assert app.enterprise.size_class == SizeClass.LARGE
    refused(app, "submit", people.member, "The policy supports micro, small, medium enterprises only")


def test_submit_refuses_a_type_of_enterprise_the_policy_does_not_support():
    policy = make_policy(types=[Enterprise.Kind.COMPANY])
    app, people = scenario(rule=make_rule(policy=policy), kind=Enterprise.Kind.COOPERATIVE)
    refused(app, "submit", people.member, "The policy supports only: company")


def test_submit_refuses_an_excluded_ownership():
    policy = make_policy(excluded_ownerships=[Enterprise.Ownership.FDI])
    app, people = scenario(rule=make_rule(policy=policy), ownership=Enterprise.Ownership.FDI)
    refused(app, "submit", people.member, "does not support foreign-invested (FDI) enterprises")


def test_submit_refuses_an_enterprise_outside_required_priority_sectors():
    policy = make_policy(sector_mode=PrioritySectorMode.REQUIRED, sectors=[sector("A")])
    app, people = scenario(rule=make_rule(policy=policy), sector_code="C")
    refused(app, "submit", people.member, "only enterprises of its priority sectors")


def test_priority_sectors_that_are_only_preferred_do_not_refuse():
    policy = make_policy(sector_mode=PrioritySectorMode.PRIORITISED, sectors=[sector("A")])
    app, people = scenario(rule=make_rule(policy=policy), sector_code="C")
    assert advance(app, Status.SUBMITTED, people).status == Status.SUBMITTED


def test_an_enterprise_of_another_sector_listed_as_other_sector_is_eligible():
    policy = make_policy(sector_mode=PrioritySectorMode.REQUIRED, sectors=[sector("A")])
    app, people = scenario(rule=make_rule(policy=policy), sector_code="C")
    app.enterprise.other_sectors.add(sector("A"))
    assert advance(app, Status.SUBMITTED, people).status == Status.SUBMITTED


def test_submit_refuses_an_enterprise_of_another_province():
    app, people = scenario(province_key="hoa-binh")
    refused(app, "submit", people.member, "applies to enterprises of Kon Tum only")


def test_submit_refuses_a_second_application_for_a_content_supported_once():
    rule = make_rule(once=True)
    first, people = scenario(rule=rule)
    advance(first, Status.SUBMITTED, people)
    second = make_application(member=people.member, enterprise=first.enterprise, rule=rule)
    refused(
        second,
        "submit",
        people.member,
        f"supported only once for Chứng nhận hệ thống quản lý and already has application #{first.pk}",
    )


def test_once_per_content_does_not_count_withdrawn_applications():
    rule = make_rule(once=True)
    first, people = scenario(rule=rule)
    advance(first, Status.SUBMITTED, people)
    application_transition(application=first, transition="withdraw", by=people.member)
    second = make_application(member=people.member, enterprise=first.enterprise, rule=rule)
    assert application_transition(application=second, transition="submit", by=people.member).status == Status.SUBMITTED


def test_a_transition_from_the_wrong_state_is_refused():
    app, people = scenario()
    refused(
        app,
        "approve",
        people.staff,
        "is not possible while the application is draft",
        **transition_data("approve", app, people),
    )


def test_asking_for_changes_needs_a_reason():
    app, people = scenario()
    app = advance(app, Status.SUBMITTED, people)
    error = refused(app, "request_changes", people.staff, "Give the reason")
    assert "comment" in error.message_dict


def test_sending_to_council_needs_a_council():
    app, people = scenario()
    app = advance(app, Status.SCREENING, people)
    error = refused(app, "send_to_council", people.staff, "Enter the council")
    assert "council" in error.message_dict


def test_sending_to_a_council_of_another_province_is_refused():
    app, people = scenario()
    app = advance(app, Status.SCREENING, people)
    elsewhere = make_council(province_obj=province("hoa-binh"))
    refused(app, "send_to_council", people.staff, "belongs to another province", council=elsewhere)


def test_sending_to_a_council_without_members_is_refused():
    app, people = scenario()
    app = advance(app, Status.SCREENING, people)
    empty = make_council(province_obj=province("kon-tum"), seats=0)
    refused(app, "send_to_council", people.staff, "has no members yet", council=empty)


def test_approval_needs_a_council_review():
    app, people = scenario()
    app = advance(app, Status.COUNCIL_REVIEW, people)
    refused(
        app, "approve", people.staff, "No member of the council has reviewed", **transition_data("approve", app, people)
    )


def test_approval_above_the_maximum_is_refused():
    app, people = scenario()
    app = advance(app, Status.COUNCIL_REVIEW, people)
    services.review_submit(application=app, by=people.council_member, score=90, recommendation="approve")
    data = transition_data("approve", app, people, approved_amount=45_000_001)
    refused(app, "approve", people.staff, "above the maximum computed at submission (45,000,000 đ)", **data)
    assert BudgetAllocation.objects.get().committed == 0


def test_approval_needs_an_allocation_for_the_year():
    app, people = scenario(allocation=None)
    app = advance(app, Status.COUNCIL_REVIEW, people)
    services.review_submit(application=app, by=people.council_member, score=90, recommendation="approve")
    refused(app, "approve", people.staff, "No budget is allocated", **transition_data("approve", app, people))


def test_approval_beyond_the_available_budget_is_refused():
    app, people = scenario(allocation=40 * MILLION)
    app = advance(app, Status.COUNCIL_REVIEW, people)
    services.review_submit(application=app, by=people.council_member, score=90, recommendation="approve")
    refused(
        app,
        "approve",
        people.staff,
        "Only 40,000,000 đ of the 2025 allocation",
        **transition_data("approve", app, people),
    )
    assert BudgetAllocation.objects.get().committed == 0


def test_approval_rechecks_that_the_enterprise_is_still_verified():
    app, people = scenario()
    app = advance(app, Status.COUNCIL_REVIEW, people)
    services.review_submit(application=app, by=people.council_member, score=90, recommendation="approve")
    Enterprise.objects.filter(pk=app.enterprise_id).update(status=Enterprise.Status.SUSPENDED, status_reason="Giải thể")
    refused(app, "approve", people.staff, "The enterprise is suspended", **transition_data("approve", app, people))


def test_approval_data_must_be_well_formed():
    app, people = scenario()
    app = advance(app, Status.COUNCIL_REVIEW, people)
    data = transition_data("approve", app, people, approved_amount=1.5, decision_date="06/05/2025")
    error = refused(app, "approve", people.staff, "whole number of đồng above zero", **data)
    assert set(error.message_dict) == {"approved_amount", "decision_date"}


def test_asking_for_acceptance_needs_every_actual_cost():
    app, people = scenario()
    app = advance(app, Status.IMPLEMENTING, people)
    upload(app, people.member, Attachment.Kind.INVOICE)
    upload(app, people.member, Attachment.Kind.ACCEPTANCE_EVIDENCE)
    refused(app, "request_acceptance", people.member, "Enter the actual amount of every cost item.")


def test_asking_for_acceptance_needs_invoices_and_evidence():
    app, people = scenario()
    app = advance(app, Status.IMPLEMENTING, people)
    for item in app.cost_items.all():
        services.cost_item_record_actual(cost_item=item, by=people.member, actual_amount=item.estimated_amount)
    upload(app, people.member, Attachment.Kind.INVOICE)
    refused(app, "request_acceptance", people.member, "Attach the evidence for acceptance: acceptance evidence.")


def test_acceptance_rechecks_the_evidence():
    app, people = scenario()
    app = advance(app, Status.ACCEPTANCE, people)
    Attachment.objects.filter(application=app, kind=Attachment.Kind.INVOICE).delete()
    refused(
        app,
        "accept",
        people.staff,
        "Attach the evidence for acceptance: invoice.",
        **transition_data("accept", app, people),
    )


def test_marking_paid_before_full_payment_is_refused():
    app, people = scenario()
    app = advance(app, Status.ACCEPTED, people)
    refused(app, "mark_paid", people.staff, "45,000,000 đ of the final support remain to be paid.")


# --- Who may do what ------------------------------------------------------------------------------------------

ROLES = [
    "member",
    "staff",
    "leader",
    "council_member",
    "ministry",
    "other_member",
    "other_staff",
    "other_council_member",
]
# transition -> (state it starts from, roles allowed). "pay" is payment_record, which ends in mark_paid.
MATRIX = {
    "submit": (Status.DRAFT, {"member"}),
    "resubmit": (Status.CHANGES_REQUESTED, {"member"}),
    "start_screening": (Status.SUBMITTED, {"staff", "leader"}),
    "request_changes": (Status.SCREENING, {"staff", "leader"}),
    "send_to_council": (Status.SCREENING, {"staff", "leader"}),
    "reject": (Status.COUNCIL_REVIEW, {"staff", "leader"}),
    "approve": (Status.COUNCIL_REVIEW, {"staff", "leader"}),
    "sign_contract": (Status.APPROVED, {"staff", "leader"}),
    "start_implementation": (Status.CONTRACTED, {"member", "staff", "leader"}),
    "request_acceptance": (Status.IMPLEMENTING, {"member", "staff", "leader"}),
    "return_to_implementation": (Status.ACCEPTANCE, {"staff", "leader"}),
    "accept": (Status.ACCEPTANCE, {"staff", "leader"}),
    "pay": (Status.ACCEPTED, {"staff", "leader"}),
    "withdraw": (Status.SCREENING, {"member"}),
    "cancel": (Status.CONTRACTED, {"staff", "leader"}),
}


def test_the_matrix_covers_every_transition():
    assert set(MATRIX) - {"pay"} | {"mark_paid"} == {t.name for t in TRANSITIONS}


def _prepared(state: str, transition: str):
    app, people = scenario()
    if state == Status.CHANGES_REQUESTED:
        app = advance(app, Status.SUBMITTED, people)
        app = application_transition(application=app, transition="request_changes", by=people.staff, comment="Bổ sung")
    elif state != Status.DRAFT:
        app = advance(app, state, people)
    if state == Status.COUNCIL_REVIEW:
        services.review_submit(application=app, by=people.council_member, score=85, recommendation="approve")
    if transition == "request_acceptance":
        for item in app.cost_items.all():
            services.cost_item_record_actual(cost_item=item, by=people.member, actual_amount=item.estimated_amount)
        upload(app, people.member, Attachment.Kind.INVOICE)
        upload(app, people.member, Attachment.Kind.ACCEPTANCE_EVIDENCE)
    app.refresh_from_db()
    return app, people


def _attempt(app, transition, user, people):
    if transition == "pay":
        return services.payment_record(
            application=app, by=user, paid_on=dt.date(2025, 12, 1), amount=app.final_amount, reference="UNC 9"
        )
    comment = "Lý do" if transition in ("request_changes", "reject", "cancel", "return_to_implementation") else ""
    data = transition_data(transition, app, people)
    return application_transition(application=app, transition=transition, by=user, comment=comment, **data)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("transition", list(MATRIX))
def test_each_role_may_or_may_not_do_each_transition(transition, role):
    state, allowed = MATRIX[transition]
    app, people = _prepared(state, transition)
    user = getattr(people, role)
    if role in allowed:
        _attempt(app, transition, user, people)
        app.refresh_from_db()
        assert app.status != state or transition == "pay"
        return
    before = (app.status, app.events.count(), Payment.objects.count(), BudgetAllocation.objects.get().committed)
    # Not visible at all: 404 (nobody learns it exists); visible but not allowed: 403.
    visible = role in ("member", "staff", "leader", "ministry") or (role == "council_member" and app.council_id)
    with pytest.raises(PermissionDenied if visible else Http404):
        _attempt(app, transition, user, people)
    app.refresh_from_db()
    after = (app.status, app.events.count(), Payment.objects.count(), BudgetAllocation.objects.get().committed)
    assert after == before


# --- Council ------------------------------------------------------------------------------------------------


def test_a_member_who_declared_a_conflict_cannot_score():
    app, people = scenario()
    app = advance(app, Status.COUNCIL_REVIEW, people)
    services.conflict_declare(application=app, by=people.council_member, note="Tôi là cổ đông của doanh nghiệp.")
    with pytest.raises(ValidationError, match="conflict of interest"):
        services.review_submit(application=app, by=people.council_member, score=90, recommendation="approve")
    review = Review.objects.get()
    assert (review.conflict_of_interest, review.score, review.recommendation) == (True, None, "")


def test_declaring_a_conflict_withdraws_a_score_already_given():
    app, people = scenario()
    app = advance(app, Status.COUNCIL_REVIEW, people)
    services.review_submit(application=app, by=people.council_member, score=90, recommendation="approve")
    services.conflict_declare(application=app, by=people.council_member, note="Người thân làm việc tại doanh nghiệp.")
    assert Review.objects.get().score is None
    refused(
        app, "approve", people.staff, "No member of the council has reviewed", **transition_data("approve", app, people)
    )


def test_a_review_is_scored_from_0_to_100_and_recommends():
    app, people = scenario()
    app = advance(app, Status.COUNCIL_REVIEW, people)
    for score, recommendation in ((101, "approve"), (-1, "approve"), (50, "maybe")):
        with pytest.raises(ValidationError):
            services.review_submit(
                application=app, by=people.council_member, score=score, recommendation=recommendation
            )
    assert not Review.objects.exists()


def test_a_council_member_of_another_council_cannot_review():
    app, people = scenario()
    app = advance(app, Status.COUNCIL_REVIEW, people)
    with pytest.raises(Http404):
        services.review_submit(application=app, by=people.other_council_member, score=90, recommendation="approve")


def test_the_database_refuses_a_score_next_to_a_declared_conflict():
    app, people = scenario()
    app = advance(app, Status.COUNCIL_REVIEW, people)
    review = services.conflict_declare(application=app, by=people.council_member, note="Cổ đông")
    with pytest.raises(IntegrityError), transaction.atomic():
        Review.objects.filter(pk=review.pk).update(score=90)


def test_seating_someone_on_a_council_gives_them_the_council_role_in_the_province():
    from accounts.models import Membership, Role
    from tests.accounts.factories import make_user

    app, people = scenario()
    app = advance(app, Status.COUNCIL_REVIEW, people)
    expert = make_user()
    services.council_member_add(council=people.council, by=people.staff, user=expert)
    assert Membership.objects.filter(user=expert, role=Role.COUNCIL_MEMBER, province=app.province).exists()
    services.review_submit(application=app, by=expert, score=70, recommendation="approve")


# --- Money ---------------------------------------------------------------------------------------------------


def test_approval_commits_the_approved_amount_and_records_the_decision():
    app, people = scenario(allocation=100 * MILLION)
    app = advance(app, Status.COUNCIL_REVIEW, people)
    services.review_submit(application=app, by=people.council_member, score=90, recommendation="approve")
    data = transition_data("approve", app, people, approved_amount=40 * MILLION, signer_title="Phó Giám đốc")
    app = application_transition(application=app, transition="approve", by=people.leader, **data)
    allocation = BudgetAllocation.objects.get()
    assert (allocation.committed, allocation.available) == (40_000_000, 60_000_000)
    assert app.allocation == allocation
    assert (app.approved_amount, app.decision.approved_amount, app.decision.signer_title) == (
        40_000_000,
        40_000_000,
        "Phó Giám đốc",
    )


def test_the_final_amount_is_the_quote_on_actual_costs_but_never_above_the_approved_amount():
    app, people = scenario()
    app = advance(app, Status.COUNCIL_REVIEW, people)
    services.review_submit(application=app, by=people.council_member, score=90, recommendation="approve")
    app = application_transition(
        application=app,
        transition="approve",
        by=people.staff,
        **transition_data("approve", app, people, approved_amount=40 * MILLION),
    )
    # Actual costs 150 million: 50 % is 75 million, capped at 45 million; the approval said 40 million.
    app = advance(
        app, Status.ACCEPTED, people, actuals={K.CONSULTANCY: 110 * MILLION, K.CERTIFICATION_AUDIT: 40 * MILLION}
    )
    assert app.acceptance.quoted_support == 45_000_000
    assert app.final_amount == 40_000_000
    assert BudgetAllocation.objects.get().committed == 40_000_000


def test_lower_actual_costs_lower_the_final_amount_and_release_the_difference():
    app, people = scenario()
    # Approved 45 million; actual costs 70 million: 50 % is 35 million.
    app = advance(
        app, Status.ACCEPTED, people, actuals={K.CONSULTANCY: 40 * MILLION, K.CERTIFICATION_AUDIT: 30 * MILLION}
    )
    assert (app.approved_amount, app.final_amount) == (45_000_000, 35_000_000)
    assert BudgetAllocation.objects.get().committed == 35_000_000


def test_the_database_refuses_a_final_amount_above_the_approved_one():
    app, people = scenario()
    app = advance(app, Status.ACCEPTED, people)
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.filter(pk=app.pk).update(final_amount=F("approved_amount") + 1)


def test_the_database_refuses_an_approved_amount_above_the_maximum():
    app, people = scenario()
    app = advance(app, Status.APPROVED, people)
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.filter(pk=app.pk).update(approved_amount=F("max_support") + 1)


def test_payments_draw_the_allocation_down_and_the_last_one_marks_the_application_paid():
    app, people = scenario()
    app = advance(app, Status.ACCEPTED, people)
    services.payment_record(
        application=app, by=people.staff, paid_on=dt.date(2025, 12, 1), amount=20 * MILLION, reference="UNC 1"
    )
    app.refresh_from_db()
    assert (app.status, app.paid_total) == (Status.ACCEPTED, 20_000_000)
    assert BudgetAllocation.objects.get().disbursed == 20_000_000

    services.payment_record(
        application=app, by=people.staff, paid_on=dt.date(2025, 12, 20), amount=25 * MILLION, reference="UNC 2"
    )
    app.refresh_from_db()
    allocation = BudgetAllocation.objects.get()
    assert (app.status, app.paid_total) == (Status.PAID, 45_000_000)
    assert (allocation.committed, allocation.disbursed) == (45_000_000, 45_000_000)


def test_a_payment_above_what_remains_is_refused_and_changes_nothing():
    app, people = scenario()
    app = advance(app, Status.ACCEPTED, people)
    services.payment_record(
        application=app, by=people.staff, paid_on=dt.date(2025, 12, 1), amount=40 * MILLION, reference="UNC 1"
    )
    with pytest.raises(ValidationError) as caught:
        services.payment_record(
            application=app, by=people.staff, paid_on=dt.date(2025, 12, 2), amount=5_000_001, reference="UNC 2"
        )
    assert (
        "Only 5,000,000 đ of the final support (45,000,000 đ) remain to be paid." in caught.value.message_dict["amount"]
    )
    app.refresh_from_db()
    assert (app.paid_total, Payment.objects.count(), BudgetAllocation.objects.get().disbursed) == (
        40_000_000,
        1,
        40_000_000,
    )


@pytest.mark.parametrize("amount", [0, -1, 1.5])
def test_a_payment_amount_must_be_a_positive_whole_number(amount):
    app, people = scenario()
    app = advance(app, Status.ACCEPTED, people)
    with pytest.raises(ValidationError):
        services.payment_record(
            application=app, by=people.staff, paid_on=dt.date(2025, 12, 1), amount=amount, reference="UNC"
        )
    assert not Payment.objects.exists()


def test_payments_before_acceptance_are_refused():
    app, people = scenario()
    app = advance(app, Status.IMPLEMENTING, people)
    with pytest.raises(ValidationError, match="after acceptance"):
        services.payment_record(
            application=app, by=people.staff, paid_on=dt.date(2025, 12, 1), amount=1, reference="UNC"
        )


def test_the_database_refuses_payments_above_the_final_amount():
    app, people = scenario()
    app = advance(app, Status.ACCEPTED, people)
    with pytest.raises(IntegrityError), transaction.atomic():
        Application.objects.filter(pk=app.pk).update(paid_total=F("final_amount") + 1)


def test_cancelling_after_approval_releases_the_committed_money():
    app, people = scenario()
    app = advance(app, Status.CONTRACTED, people)
    assert BudgetAllocation.objects.get().committed == 45_000_000
    app = application_transition(
        application=app, transition="cancel", by=people.staff, comment="Doanh nghiệp xin dừng."
    )
    assert app.status == Status.CANCELLED
    assert BudgetAllocation.objects.get().committed == 0


def test_withdrawing_is_possible_only_before_approval():
    app, people = scenario()
    app = advance(app, Status.APPROVED, people)
    refused(app, "withdraw", people.member, "is not possible while the application is approved")


def test_the_database_refuses_an_over_commitment_written_directly():
    scenario(allocation=100 * MILLION)
    with pytest.raises(IntegrityError), transaction.atomic():
        BudgetAllocation.objects.update(committed=F("amount") + 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        BudgetAllocation.objects.update(committed=10, disbursed=11)


def test_an_allocation_cannot_shrink_below_what_is_committed():
    app, people = scenario(allocation=100 * MILLION)
    advance(app, Status.APPROVED, people)
    allocation = BudgetAllocation.objects.get()
    with pytest.raises(ValidationError, match="45,000,000 đ are already committed"):
        services.allocation_update(allocation=allocation, by=people.staff, amount=44 * MILLION)
    services.allocation_update(allocation=allocation, by=people.staff, amount=45 * MILLION)
    assert BudgetAllocation.objects.get().available == 0


def test_cap_per_enterprise_counts_earlier_approved_support():
    rule = make_rule(rate="100", cap=10 * MILLION, cap_per=CapPer.ENTERPRISE, kinds=(K.REGISTRATION_FEES,))
    make_allocation(rule=rule)
    enterprise = make_enterprise()
    people = make_people(enterprise)
    first = make_application(
        member=people.member, enterprise=enterprise, rule=rule, costs=((K.REGISTRATION_FEES, 7 * MILLION),)
    )
    advance(first, Status.APPROVED, people)
    second = make_application(
        member=people.member, enterprise=enterprise, rule=rule, costs=((K.REGISTRATION_FEES, 7 * MILLION),)
    )
    second = advance(second, Status.SUBMITTED, people)
    assert second.max_support == 3_000_000


# --- Notifications ----------------------------------------------------------------------------------------------


def test_the_enterprise_members_are_told_after_the_transaction_commits(django_capture_on_commit_callbacks):
    app, people = scenario()
    app = advance(app, Status.SUBMITTED, people)
    colleague = make_member(app.enterprise)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        application_transition(
            application=app, transition="request_changes", by=people.staff, comment="Bổ sung báo giá."
        )
    assert not Notification.objects.filter(user=colleague).exists()  # nothing before the commit
    with django_capture_on_commit_callbacks(execute=True):
        for callback in callbacks:
            callback()
    note = Notification.objects.get(user=colleague)
    assert "changes requested" in note.title
    assert "Bổ sung báo giá." in note.body
    assert any(colleague.email in message.to for message in mail.outbox)
    assert not Notification.objects.filter(user=people.other_member).exists()


def test_sending_to_the_council_tells_its_members(django_capture_on_commit_callbacks):
    app, people = scenario()
    app = advance(app, Status.SCREENING, people)
    with django_capture_on_commit_callbacks(execute=True):
        application_transition(application=app, transition="send_to_council", by=people.staff, council=people.council)
    assert Notification.objects.filter(user=people.council_member).exists()
    assert not Notification.objects.filter(user=people.other_council_member).exists()


def test_a_message_from_the_enterprise_reaches_the_province_staff(django_capture_on_commit_callbacks):
    app, people = scenario()
    with django_capture_on_commit_callbacks(execute=True):
        message = services.message_post(application=app, by=people.member, body="Xin hỏi về báo giá.")
    assert message.from_enterprise
    assert Notification.objects.filter(user=people.staff).exists()
    assert not Notification.objects.filter(user=people.other_staff).exists()


# --- Dossier editing -----------------------------------------------------------------------------------------------


def test_the_dossier_is_frozen_once_submitted():
    app, people = scenario()
    app = advance(app, Status.SUBMITTED, people)
    item = app.cost_items.first()
    with pytest.raises(ValidationError, match="only while the application is a draft"):
        services.cost_item_update(cost_item=item, by=people.member, data={"estimated_amount": 1})
    item.refresh_from_db()
    assert item.estimated_amount == 60 * MILLION


def test_actual_costs_are_entered_only_during_implementation():
    app, people = scenario()
    with pytest.raises(ValidationError, match="during implementation"):
        services.cost_item_record_actual(cost_item=app.cost_items.first(), by=people.member, actual_amount=1)


def test_another_enterprise_cannot_touch_the_dossier():
    app, people = scenario()
    with pytest.raises(Http404):
        services.cost_item_add(application=app, by=people.other_member, kind=K.CONSULTANCY, estimated_amount=1)
    with pytest.raises(Http404):
        services.application_create(
            by=people.other_member, enterprise=app.enterprise, rule=app.rule, budget_year=2025, title="Giả mạo"
        )
    assert app.cost_items.count() == 2
    assert Application.objects.count() == 1


def test_an_application_year_outside_the_policy_is_refused_at_creation():
    app, people = scenario()
    with pytest.raises(ValidationError) as caught:
        services.application_create(
            by=people.member, enterprise=app.enterprise, rule=app.rule, budget_year=2026, title="Dự án"
        )
    assert "budget_year" in caught.value.message_dict
    assert Application.objects.count() == 1


def test_rates_are_decimals_not_floats():
    app, _people = scenario()
    assert isinstance(app.rule.rate, Decimal)
    assert app.created_at <= timezone.now()
