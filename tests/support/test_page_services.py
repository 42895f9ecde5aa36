"""The few domain functions the pages added: the application form in one step, actual costs at once, the
acceptance with corrected actual costs, the contents open to an enterprise's form and the quote before
applying."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from accounts.audit import history_for
from support import selectors, services
from support.choices import CapPer, CostKind, Status
from support.models import Application, BudgetAllocation, CostItem
from support.quote import CostLine
from tests.enterprises.factories import make_enterprise
from tests.support.factories import (
    MILLION,
    advance,
    make_application,
    make_people,
    make_policy,
    make_rule,
    scenario,
)

pytestmark = pytest.mark.django_db

DATA = {
    "title": "Chứng nhận ISO 9001",
    "description": "",
    "budget_year": 2025,
    "quantity": 1,
    "counterpart_funds": 0,
}


def _line(item=None, kind=CostKind.CONSULTANCY, amount=MILLION, delete=False):
    return {"item": item, "kind": kind, "description": "", "estimated_amount": amount, "delete": delete}


# --- application_draft_save ---------------------------------------------------------------------------------------


def test_draft_save_creates_the_draft_with_its_lines():
    app, people = scenario()
    created = services.application_draft_save(
        by=people.member,
        data=DATA,
        cost_lines=[_line(amount=30 * MILLION), _line(kind=CostKind.CERTIFICATION_AUDIT, amount=20 * MILLION)],
        enterprise=app.enterprise,
        rule=app.rule,
    )
    assert created.status == Status.DRAFT
    assert list(created.cost_items.values_list("kind", "estimated_amount", "position")) == [
        ("consultancy", 30 * MILLION, 1),
        ("certification_audit", 20 * MILLION, 2),
    ]


def test_draft_save_changes_adds_and_removes_lines_and_leaves_unchanged_ones_alone():
    app, people = scenario()
    consultancy, audit = app.cost_items.order_by("position")
    services.application_draft_save(
        by=people.member,
        application=app,
        data={**DATA, "title": "Tên mới"},
        cost_lines=[
            _line(item=consultancy, amount=consultancy.estimated_amount),  # unchanged: no write, no audit
            _line(item=audit, kind=CostKind.CERTIFICATION_AUDIT, amount=audit.estimated_amount, delete=True),
            _line(kind=CostKind.TESTING, amount=5 * MILLION),
        ],
    )
    app.refresh_from_db()
    assert app.title == "Tên mới"
    assert sorted(app.cost_items.values_list("kind", "estimated_amount")) == [
        ("consultancy", 60 * MILLION),
        ("testing", 5 * MILLION),
    ]
    assert [e.action for e in history_for(consultancy)] == ["create"]


def test_draft_save_is_all_or_nothing():
    app, people = scenario()
    before = list(app.cost_items.values_list("pk", "kind", "estimated_amount"))
    with pytest.raises(ValidationError) as caught:
        services.application_draft_save(
            by=people.member,
            application=app,
            data={**DATA, "title": "Không được lưu"},
            cost_lines=[_line(kind=CostKind.TESTING, amount=5 * MILLION), _line(amount=-1)],
        )
    assert caught.value.message_dict["estimated_amount"] == ["Số tiền dự toán không được âm."]
    app.refresh_from_db()
    assert app.title != "Không được lưu"
    assert list(app.cost_items.values_list("pk", "kind", "estimated_amount")) == before


def test_draft_save_refuses_a_line_of_another_application():
    app, people = scenario()
    other = make_application(member=people.member, enterprise=app.enterprise, rule=app.rule)
    with pytest.raises(ValueError, match="belongs to another application"):
        services.application_draft_save(
            by=people.member, application=app, data=DATA, cost_lines=[_line(item=other.cost_items.first(), delete=True)]
        )
    assert other.cost_items.count() == 2


def test_draft_save_by_another_enterprise_is_not_found():
    app, people = scenario()
    with pytest.raises(Http404):
        services.application_draft_save(by=people.other_member, application=app, data=DATA, cost_lines=[])


# --- actual_costs_record ------------------------------------------------------------------------------------------


def test_actual_costs_are_recorded_together_or_not_at_all():
    app, people = scenario()
    app = advance(app, Status.IMPLEMENTING, people)
    consultancy, audit = app.cost_items.order_by("position")
    with pytest.raises(ValidationError):
        services.actual_costs_record(
            application=app, by=people.member, amounts={consultancy.pk: 50 * MILLION, audit.pk: -3}
        )
    assert set(CostItem.objects.values_list("actual_amount", flat=True)) == {None}
    services.actual_costs_record(application=app, by=people.member, amounts={consultancy.pk: 50 * MILLION, audit.pk: 0})
    assert sorted(CostItem.objects.values_list("actual_amount", flat=True)) == [0, 50 * MILLION]


def test_actual_costs_of_another_application_or_by_the_ministry_are_refused():
    app, people = scenario()
    app = advance(app, Status.IMPLEMENTING, people)
    other = make_application(member=people.member, enterprise=app.enterprise, rule=app.rule)
    with pytest.raises(ValueError, match="do not belong"):
        services.actual_costs_record(application=app, by=people.member, amounts={other.cost_items.first().pk: 1})
    with pytest.raises(PermissionDenied):
        services.actual_costs_record(application=app, by=people.ministry, amounts={})
    with pytest.raises(Http404):
        services.actual_costs_record(application=app, by=people.other_member, amounts={})


# --- application_accept -------------------------------------------------------------------------------------------


def test_acceptance_with_corrected_actual_costs_computes_the_final_support_from_them():
    app, people = scenario()
    app = advance(app, Status.ACCEPTANCE, people)  # actual costs = the estimate: 60 + 40 million
    consultancy, audit = app.cost_items.order_by("position")
    app = services.application_accept(
        application=app,
        by=people.staff,
        accepted_on=dt.date(2025, 11, 10),
        minutes_number="15/BB-NT",
        actual_amounts={consultancy.pk: 30 * MILLION, audit.pk: 40 * MILLION},
        comment="Một hóa đơn tư vấn không hợp lệ",
    )
    # 50 % of 70 million = 35 million, below the approved 45 million.
    assert (app.status, app.final_amount) == (Status.ACCEPTED, 35 * MILLION)
    assert app.events.last().comment == "Một hóa đơn tư vấn không hợp lệ"
    assert BudgetAllocation.objects.get().committed == 35 * MILLION
    corrected = history_for(consultancy).first()
    assert corrected.changes == {"actual_amount": [60 * MILLION, 30 * MILLION]}
    assert corrected.actor == people.staff
    # An amount left as it was writes nothing.
    assert [e.action for e in history_for(audit)] == ["update", "create"]


def test_a_refused_acceptance_keeps_the_actual_costs_the_enterprise_entered():
    app, people = scenario()
    app = advance(app, Status.IMPLEMENTING, people)
    consultancy = app.cost_items.order_by("position").first()
    with pytest.raises(ValidationError):  # not yet asked for acceptance
        services.application_accept(
            application=app,
            by=people.staff,
            accepted_on=dt.date(2025, 11, 10),
            minutes_number="1",
            actual_amounts={consultancy.pk: 1},
        )
    consultancy.refresh_from_db()
    assert consultancy.actual_amount is None
    with pytest.raises(PermissionDenied):
        services.application_accept(
            application=app, by=people.member, accepted_on=dt.date(2025, 11, 10), minutes_number="1"
        )
    assert Application.objects.get(pk=app.pk).status == Status.IMPLEMENTING


# --- enterprise_rules, quote_preview ------------------------------------------------------------------------------


def test_the_form_offers_the_rules_of_the_enterprises_province_and_of_its_merged_province():
    kon_tum_rule = make_rule()
    old_rule = make_rule(policy=make_policy(effective_from=dt.date(2016, 1, 1), effective_to=dt.date(2020, 12, 31)))
    hoa_binh_rule = make_rule(policy=make_policy(province_key="hoa-binh"))
    enterprise_2025 = make_enterprise(province_key="quang-ngai-2025")
    offered = set(selectors.enterprise_rules(enterprise=enterprise_2025))
    assert {kon_tum_rule, old_rule} <= offered  # Kon Tum was merged into Quảng Ngãi (2025); any period
    assert hoa_binh_rule not in offered


def test_the_quote_before_applying_counts_what_the_enterprise_already_has_under_a_cap_per_enterprise():
    rule = make_rule(cap=50 * MILLION, cap_per=CapPer.ENTERPRISE, kinds=(CostKind.CONSULTANCY,))
    enterprise = make_enterprise()
    people = make_people(enterprise)
    BudgetAllocation.objects.create(province=rule.policy.province, policy=rule.policy, year=2025, amount=10**9)
    first = make_application(
        member=people.member, enterprise=enterprise, rule=rule, costs=((CostKind.CONSULTANCY, 60 * MILLION),)
    )
    advance(first, Status.APPROVED, people)  # 50 % of 60 million = 30 million approved
    lines = [CostLine(kind=CostKind.CONSULTANCY, amount=60 * MILLION)]
    quote = selectors.quote_preview(rule=rule, lines=lines, quantity=1, enterprise=enterprise)
    assert (quote.cap_total, quote.support) == (20 * MILLION, 20 * MILLION)
    assert selectors.quote_preview(rule=rule, lines=lines, quantity=1).support == 30 * MILLION
