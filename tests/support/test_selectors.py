"""Reads for the pages: who sees which applications, what the detail holds, council results, budget usage,
and query counts that do not grow with the number of rows."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext

from accounts import access
from support import selectors, services
from support.choices import CostKind, Status
from support.models import Application
from tests.enterprises.factories import make_enterprise
from tests.support.factories import (
    MILLION,
    advance,
    make_allocation,
    make_application,
    make_council,
    make_rule,
    province,
    scenario,
    upload,
)

pytestmark = pytest.mark.django_db


def _queries(fn) -> int:
    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx.captured_queries)


# --- Isolation ----------------------------------------------------------------------------------------------


def test_another_enterprises_application_is_not_found():
    app, people = scenario()
    with pytest.raises(Http404):
        selectors.application_detail(user=people.other_member, pk=app.pk)
    assert not selectors.enterprise_applications(user=people.other_member).filter(pk=app.pk).exists()
    assert list(selectors.enterprise_applications(user=people.member)) == [app]


def test_staff_of_another_province_do_not_find_the_application():
    app, people = scenario()
    app = advance(app, Status.SUBMITTED, people)
    with pytest.raises(Http404):
        selectors.application_detail(user=people.other_staff, pk=app.pk)
    assert not selectors.application_queue(user=people.other_staff).exists()
    assert list(selectors.application_queue(user=people.staff)) == [app]


def test_staff_of_the_merged_province_find_the_old_provinces_applications():
    from accounts.models import Role
    from tests.accounts.factories import make_user

    app, people = scenario()
    app = advance(app, Status.SUBMITTED, people)
    successor_staff = make_user(role=Role.PROVINCE_STAFF, province=province("quang-ngai-2025"))
    assert list(selectors.application_queue(user=successor_staff)) == [app]


def test_council_members_find_only_the_applications_of_their_councils():
    app, people = scenario()
    assert not selectors.council_applications(user=people.council_member).exists()
    with pytest.raises(Http404):
        selectors.application_detail(user=people.council_member, pk=app.pk)

    app = advance(app, Status.COUNCIL_REVIEW, people)
    assert list(selectors.council_applications(user=people.council_member)) == [app]
    assert selectors.application_detail(user=people.council_member, pk=app.pk).can_review
    assert not selectors.council_applications(user=people.other_council_member).exists()
    with pytest.raises(Http404):
        selectors.application_detail(user=people.other_council_member, pk=app.pk)


def test_a_council_member_sees_their_own_review_and_not_the_consolidated_result():
    app, people = scenario()
    app = advance(app, Status.COUNCIL_REVIEW, people)
    colleague = people.council.members.create(user=make_council(province_obj=app.province).members.get().user).user
    services.review_submit(application=app, by=people.council_member, score=80, recommendation="approve")
    services.review_submit(application=app, by=colleague, score=40, recommendation="reject")
    detail = selectors.application_detail(user=people.council_member, pk=app.pk)
    assert [r.score for r in detail.reviews] == [80]
    assert detail.summary is None
    assert detail.messages is None
    with pytest.raises(PermissionDenied):
        selectors.review_summary(user=people.council_member, application=app)


def test_the_ministry_reads_every_application_but_may_do_nothing():
    app, people = scenario()
    app = advance(app, Status.SUBMITTED, people)
    detail = selectors.application_detail(user=people.ministry, pk=app.pk)
    assert detail.transitions == []
    assert not (detail.can_edit or detail.can_attach or detail.can_message or detail.can_pay)
    assert list(selectors.application_queue(user=people.ministry)) == [app]


def test_drafts_stay_out_of_the_staff_queue_unless_asked_for():
    app, people = scenario()
    assert not selectors.application_queue(user=people.staff).exists()
    assert list(selectors.application_queue(user=people.staff, include_drafts=True)) == [app]


# --- Detail --------------------------------------------------------------------------------------------------


def test_the_detail_lists_the_allowed_transitions_for_each_person():
    app, people = scenario()
    app = advance(app, Status.SUBMITTED, people)
    names = {
        role: [
            t.name for t, _reasons in selectors.application_detail(user=getattr(people, role), pk=app.pk).transitions
        ]
        for role in ("member", "staff", "leader")
    }
    assert names["member"] == ["withdraw"]
    assert names["staff"] == ["start_screening", "request_changes", "reject"]
    assert names["leader"] == names["staff"]


def test_the_detail_can_show_why_a_transition_would_be_refused():
    app, people = scenario()
    services.cost_item_add(application=app, by=people.member, kind=CostKind.TESTING, estimated_amount=1)
    app.attachments.filter(kind="quotation").delete()
    detail = selectors.application_detail(user=people.member, pk=app.pk, check_guards=True)
    reasons = {t.name: r for t, r in detail.transitions}
    assert reasons["submit"] and "báo giá" in reasons["submit"][0]
    assert reasons["withdraw"] == []


def test_the_detail_holds_everything_the_page_shows():
    app, people = scenario()
    app = advance(app, Status.ACCEPTED, people)
    services.payment_record(
        application=app, by=people.staff, paid_on=app.acceptance.accepted_on, amount=MILLION, reference="UNC 1"
    )
    detail = selectors.application_detail(user=people.staff, pk=app.pk)
    assert [i.kind for i in detail.cost_items] == [CostKind.CONSULTANCY, CostKind.CERTIFICATION_AUDIT]
    assert len(detail.attachments) == 6
    assert [e.transition for e in detail.events][-1] == "accept"
    assert all(e.actor is not None for e in detail.events)
    assert detail.decision.approved_amount == 45_000_000
    assert detail.contract is not None and detail.acceptance.final_amount == 45_000_000
    assert [p.amount for p in detail.payments] == [MILLION]
    assert detail.quote.support == 45_000_000 and detail.actual_quote.support == 45_000_000
    assert detail.summary.average_score == Decimal("80.00")
    assert detail.can_pay


def _grow(app, people, extra: int) -> None:
    """More cost items, documents, messages and events on the same application."""
    for n in range(extra):
        services.cost_item_add(application=app, by=people.member, kind=CostKind.TESTING, estimated_amount=n + 1)
        upload(app, people.member, "other")
        services.message_post(application=app, by=people.member, body=f"Câu hỏi {n}")


def test_the_detail_takes_the_same_number_of_queries_however_much_it_holds():
    small, people = scenario()
    big, big_people = scenario()
    _grow(big, big_people, 5)
    big.refresh_from_db()
    selectors.application_detail(user=people.staff, pk=small.pk)  # the person's roles are read once, then cached
    counts = [_queries(lambda a=a: selectors.application_detail(user=people.staff, pk=a.pk)) for a in (small, big)]
    assert counts[0] == counts[1]


# --- Lists and their query counts -----------------------------------------------------------------------------


def _submitted_applications(count: int, rule, people, enterprise):
    for _n in range(count):
        app = make_application(member=people.member, enterprise=enterprise, rule=rule)
        advance(app, Status.SUBMITTED, people)


def _page(qs) -> list:
    return [
        (a.enterprise.name, a.enterprise.main_sector.name, a.rule.category.name, a.rule.policy.name, a.province.name)
        for a in qs[:25]
    ]


def test_list_query_counts_do_not_grow_with_the_applications():
    app, people = scenario()
    rule, enterprise = app.rule, app.enterprise
    _submitted_applications(1, rule, people, enterprise)
    advance(app, Status.COUNCIL_REVIEW, people)

    def lists():
        access.forget(people.staff)
        access.forget(people.member)
        access.forget(people.council_member)
        return [
            _queries(lambda: _page(selectors.application_queue(user=people.staff))),
            _queries(lambda: _page(selectors.enterprise_applications(user=people.member))),
            _queries(
                lambda: [
                    len(a.my_reviews) for a in selectors.council_applications(user=people.council_member, status="")
                ]
            ),
            _queries(lambda: selectors.budget_usage(user=people.staff)),
            _queries(lambda: [len(p.rules.all()) for p in selectors.policy_list(user=people.staff)]),
        ]

    before = lists()
    _submitted_applications(6, rule, people, enterprise)
    for application in Application.objects.filter(status=Status.SUBMITTED)[:3]:
        advance(application, Status.COUNCIL_REVIEW, people)
    make_rule(policy=rule.policy, category="digital-tools")
    assert lists() == before


def test_queue_filters_by_status_content_year_size_and_sector():
    app, people = scenario()
    app = advance(app, Status.SUBMITTED, people)
    it_rule = make_rule(policy=app.rule.policy, category="digital-tools")
    farm = make_enterprise(sector_code="A", employees=5, revenue=MILLION, capital=MILLION)
    from tests.enterprises.factories import make_member

    farmer = make_member(farm)
    other = make_application(member=farmer, enterprise=farm, rule=it_rule, costs=((CostKind.SOFTWARE, 10 * MILLION),))
    services.application_transition(application=other, transition="submit", by=farmer)

    def queue(**filters):
        return set(selectors.application_queue(user=people.staff, **filters))

    assert queue() == {app, other}
    assert queue(category=it_rule.category) == {other}
    assert queue(size_class="micro") == {other}
    assert queue(size_class="small") == {app}
    assert queue(sector=farm.main_sector) == {other}
    assert queue(status=Status.SUBMITTED, year=2025) == {app, other}
    assert queue(year=2024) == set()
    assert list(selectors.application_queue(user=people.staff, ordering="enterprise")) == sorted(
        [app, other], key=lambda a: (a.enterprise.name, a.pk)
    )
    farm.other_sectors.add(app.enterprise.main_sector)
    assert queue(sector=app.enterprise.main_sector) == {app, other}


# --- Council results and budget -------------------------------------------------------------------------------


def test_the_consolidated_council_result():
    app, people = scenario()
    council = make_council(province_obj=app.province, seats=4)
    people.council = council
    seats = list(council.members.select_related("user").order_by("pk"))
    app = advance(app, Status.COUNCIL_REVIEW, people)
    services.review_submit(application=app, by=seats[0].user, score=90, recommendation="approve")
    services.review_submit(application=app, by=seats[1].user, score=75, recommendation="approve")
    services.review_submit(application=app, by=seats[2].user, score=40, recommendation="reject")
    services.conflict_declare(application=app, by=seats[3].user, note="Người thân là giám đốc doanh nghiệp.")

    summary = selectors.review_summary(user=people.staff, application=app)
    assert summary.average_score == Decimal("68.33")  # (90 + 75 + 40) / 3, the conflicted member not counted
    assert (summary.approve, summary.reject) == (2, 1)
    assert [r.member for r in summary.conflicts] == [seats[3]]
    assert summary.not_reviewed == []


def test_the_council_result_lists_who_has_not_reviewed():
    app, people = scenario()
    council = make_council(province_obj=app.province, seats=3)
    people.council = council
    seats = list(council.members.order_by("pk"))
    app = advance(app, Status.COUNCIL_REVIEW, people)
    services.review_submit(application=app, by=seats[0].user, score=88, recommendation="approve")
    summary = selectors.review_summary(user=people.staff, application=app)
    assert summary.not_reviewed == seats[1:]
    assert summary.average_score == Decimal("88.00")


def test_budget_usage_per_policy_and_year():
    app, people = scenario(allocation=100 * MILLION)
    make_allocation(rule=app.rule, year=2024, amount=50 * MILLION)
    advance(
        app,
        Status.ACCEPTED,
        people,
        actuals={CostKind.CONSULTANCY: 40 * MILLION, CostKind.CERTIFICATION_AUDIT: 40 * MILLION},
    )
    app.refresh_from_db()
    services.payment_record(
        application=app, by=people.staff, paid_on=app.acceptance.accepted_on, amount=15 * MILLION, reference="UNC 1"
    )
    waiting = make_application(member=people.member, enterprise=app.enterprise, rule=app.rule)
    advance(waiting, Status.SUBMITTED, people)

    rows = {row.allocation.year: row for row in selectors.budget_usage(user=people.staff)}
    # Final 40 million (50 % of 80 million), 15 million paid; the waiting application asks for 45 million.
    assert (rows[2025].allocated, rows[2025].committed, rows[2025].disbursed, rows[2025].available) == (
        100_000_000,
        40_000_000,
        15_000_000,
        60_000_000,
    )
    assert rows[2025].requested == 45_000_000
    assert (rows[2024].committed, rows[2024].available, rows[2024].requested) == (0, 50_000_000, 0)
    assert selectors.budget_usage(user=people.other_staff) == []
    assert selectors.budget_usage(user=people.member) == []


def test_rules_open_to_an_enterprise_say_why_not():
    from support.demo import kon_tum_policy

    kon_tum_policy()
    big = make_enterprise(employees=500, revenue=500 * MILLION * 1000, capital=300 * MILLION * 1000)
    options = selectors.rules_open_to(enterprise=big, year=2025)
    assert len(options) == 6
    assert all(not option.eligible for option in options)
    assert not selectors.rules_open_to(enterprise=big, year=2026)
