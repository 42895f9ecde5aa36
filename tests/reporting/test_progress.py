"""Targets against results: every status rule at its boundaries, and a plan evaluated end to end. The
expected numbers are worked out by hand in the comments."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from enterprises.models import Award
from plans.models import Activity, Target
from reporting.figures import _targets, _tasks
from reporting.progress import (
    PhaseRule,
    Status,
    completed_share,
    evaluate,
    percent_achieved,
    plan_activity_totals,
    plan_budget_execution,
    plan_progress,
    plan_support_by_category,
    summarise_years,
    supported_enterprises,
    target_met,
)
from support.choices import Status as AppStatus
from support.models import BudgetAllocation
from tests.plans.factories import make_budget_amount, make_budget_line, make_plan, make_target, make_task, province
from tests.reporting.factories import award, enter, enterprise, indicator, make_activity, make_application_row

MILLION = 1_000_000
C = Target.Comparator
END_2023 = dt.date(2023, 12, 31)


def target(comparator=C.AT_LEAST, low=None, high=None, measure=Target.Measure.COUNT) -> Target:
    return Target(
        comparator=comparator,
        value_min=None if low is None else Decimal(low),
        value_max=None if high is None else Decimal(high),
        measure=measure,
    )


def phase_status(t: Target, actual, as_of=END_2023, cumulative=True, entered=True):
    value = None if actual is None else Decimal(str(actual))
    return evaluate(t, value, start_year=2021, end_year=2025, as_of=as_of, cumulative=cumulative, entered=entered)


def year_status(t: Target, actual, year=2023, as_of=END_2023, cumulative=True):
    value = None if actual is None else Decimal(str(actual))
    return evaluate(t, value, start_year=year, end_year=year, as_of=as_of, cumulative=cumulative)


# --- Completed share ------------------------------------------------------------------------------------------


def test_completed_share_counts_months_completed_on_their_last_day():
    assert completed_share(2021, 2025, dt.date(2023, 12, 31)) == Decimal("0.6")  # 36 of 60 months
    assert completed_share(2021, 2025, dt.date(2023, 12, 30)) == Decimal(35) / Decimal(60)
    assert completed_share(2021, 2025, dt.date(2020, 5, 1)) == 0
    assert completed_share(2021, 2025, dt.date(2026, 1, 1)) == 1
    assert completed_share(2023, 2023, dt.date(2023, 6, 30)) == Decimal("0.5")


# --- Per-phase counts: on track against the share due -------------------------------------------------------------


def test_a_phase_count_of_6_against_at_least_10_after_3_of_5_years_is_on_track():
    status, due = phase_status(target(low=10), 6)
    assert (status, due) == (Status.ON_TRACK, Decimal("6.00"))  # 10 × 36/60


def test_a_phase_count_of_5_against_at_least_10_after_3_of_5_years_is_behind():
    assert phase_status(target(low=10), 5)[0] == Status.BEHIND


def test_a_phase_count_that_reaches_its_target_early_is_achieved():
    assert phase_status(target(low=10), 10)[0] == Status.ACHIEVED


def test_a_phase_count_short_of_its_target_when_the_phase_has_ended_is_not_achieved():
    assert phase_status(target(low=10), 9, as_of=dt.date(2025, 12, 31))[0] == Status.NOT_ACHIEVED
    assert phase_status(target(low=10), 10, as_of=dt.date(2025, 12, 31))[0] == Status.ACHIEVED


def test_a_phase_that_has_not_started_has_no_data():
    assert phase_status(target(low=10), 0, as_of=dt.date(2020, 6, 1))[0] == Status.NO_DATA


def test_no_value_is_no_data():
    assert phase_status(target(low=10), None)[0] == Status.NO_DATA


# --- Comparators ---------------------------------------------------------------------------------------------------


def test_a_range_per_year_is_achieved_from_its_lower_bound():
    t = target(C.RANGE, 10, 20)
    assert year_status(t, 10)[0] == Status.ACHIEVED
    assert year_status(t, 25)[0] == Status.ACHIEVED  # above the range: more than planned
    assert year_status(t, 9)[0] == Status.NOT_ACHIEVED  # 2023 has ended on 31/12/2023


def test_more_than_needs_strictly_more():
    t = target(C.MORE_THAN, 7, measure=Target.Measure.GROWTH_RATE)
    assert not target_met(t, Decimal(7))
    assert target_met(t, Decimal("7.01"))
    assert year_status(t, 7, cumulative=False)[0] == Status.NOT_ACHIEVED
    assert year_status(t, "7.01", cumulative=False)[0] == Status.ACHIEVED


def test_approximately_is_achieved_within_ten_percent_and_above():
    t = target(C.APPROXIMATELY, 30, measure=Target.Measure.SHARE)
    assert target_met(t, Decimal(27))  # 30 − 10 %
    assert not target_met(t, Decimal("26.99"))
    assert target_met(t, Decimal(33))
    assert target_met(t, Decimal(40))  # exceeded
    assert phase_status(t, "26.99", as_of=dt.date(2025, 12, 31), cumulative=False)[0] == Status.NOT_ACHIEVED


def test_exactly_is_a_planned_quantity_met_at_or_above_it():
    t = target(C.EXACTLY, 10)
    assert year_status(t, 10)[0] == Status.ACHIEVED
    assert year_status(t, 11)[0] == Status.ACHIEVED
    assert year_status(t, 9)[0] == Status.NOT_ACHIEVED


def test_a_qualitative_target_has_no_data_unless_a_value_is_entered():
    t = target(C.QUALITATIVE)
    assert phase_status(t, None)[0] == Status.NO_DATA
    assert phase_status(t, 0, entered=False)[0] == Status.NO_DATA  # a computed zero is not a value entered
    assert phase_status(t, 1)[0] == Status.ACHIEVED
    assert phase_status(t, 0, as_of=dt.date(2025, 12, 31))[0] == Status.NOT_ACHIEVED  # entered 0, phase over
    assert phase_status(t, 0)[0] == Status.ON_TRACK  # entered 0, phase still running
    assert percent_achieved(t, Decimal(1)) is None


def test_percent_achieved_is_against_the_value_or_the_lower_bound():
    assert percent_achieved(target(low=10), Decimal(6)) == Decimal("60.0")
    assert percent_achieved(target(C.RANGE, 10, 20), Decimal(15)) == Decimal("150.0")
    assert percent_achieved(target(C.APPROXIMATELY, 30), Decimal(28)) == Decimal("93.3")
    assert percent_achieved(target(low=0), Decimal(3)) is None
    assert percent_achieved(target(low=10), None) is None


# --- The running year and non-cumulative measures -------------------------------------------------------------------


def test_a_yearly_count_during_its_year_is_on_track_against_the_months_completed():
    t = target(low=2)
    mid_year = dt.date(2023, 6, 30)  # 6 of 12 months: 1 of 2 due
    assert year_status(t, 1, as_of=mid_year) == (Status.ON_TRACK, Decimal("1.00"))
    assert year_status(t, 0, as_of=mid_year)[0] == Status.BEHIND
    assert year_status(t, 0, as_of=dt.date(2023, 1, 15)) == (Status.ON_TRACK, Decimal("0.00"))


def test_a_yearly_rate_is_on_track_until_its_year_ends_and_a_phase_share_falls_short_as_behind():
    growth = target(C.MORE_THAN, 7, measure=Target.Measure.GROWTH_RATE)
    assert year_status(growth, 5, as_of=dt.date(2023, 8, 1), cumulative=False)[0] == Status.ON_TRACK
    share = target(C.APPROXIMATELY, 30, measure=Target.Measure.SHARE)
    assert phase_status(share, 25, cumulative=False)[0] == Status.BEHIND


def test_a_future_year_has_no_data_even_with_a_value():
    assert year_status(target(low=2), 0, year=2024)[0] == Status.NO_DATA
    assert year_status(target(low=2), 5, year=2024)[0] == Status.NO_DATA


def test_the_summary_of_a_yearly_target_over_its_phase():
    a, t, b, n = Status.ACHIEVED, Status.ON_TRACK, Status.BEHIND, Status.NO_DATA
    assert summarise_years([a, b, n]) == b
    assert summarise_years([a, a, a]) == a
    assert summarise_years([n, n]) == n
    assert summarise_years([a, n]) == t
    assert summarise_years([a, t, n]) == t


# --- A plan end to end --------------------------------------------------------------------------------------------


@pytest.fixture
def kon_tum_plan(db):
    """A Kon Tum plan 2021-2025 with a target of each kind and hand-built facts for 2021-2023."""
    plan = make_plan(province=province("kon-tum"))
    experts = make_target(plan=plan, indicator=indicator("experts_certified"), value_min=10, position=0)
    supported = make_target(
        plan=plan, indicator=indicator("enterprises_supported"), value_min=2, period=Target.Period.YEAR, position=1
    )
    tfp = make_target(
        plan=plan,
        indicator=indicator("tfp_share"),
        value_min=30,
        measure=Target.Measure.SHARE,
        comparator=C.APPROXIMATELY,
        position=2,
    )
    growth = make_target(
        plan=plan,
        indicator=indicator("labour_productivity_growth"),
        value_min=7,
        measure=Target.Measure.GROWTH_RATE,
        comparator=C.MORE_THAN,
        period=Target.Period.YEAR,
        position=3,
    )
    courses = make_target(
        plan=plan, indicator=indicator("training_courses"), comparator=C.QUALITATIVE, value_min=None, position=4
    )
    for year in (2021, 2022, 2023):  # 2 experts certified a year: 6 by the end of 2023
        make_activity(plan=plan, start=dt.date(year, 4, 1), kind=Activity.Kind.EXPERT_TRAINING, experts_certified=2)
    returning = enterprise()
    make_application_row(enterprise=returning, year=2021)
    make_application_row(enterprise=enterprise(), year=2021)
    make_application_row(enterprise=enterprise(), year=2022)
    make_application_row(enterprise=returning, year=2023)
    make_application_row(enterprise=enterprise(), year=2023)
    make_application_row(enterprise=enterprise(), year=2023)
    enter(plan, "tfp_share", 2021, "25")
    enter(plan, "tfp_share", 2022, "28", source="Nghiên cứu TFP tỉnh Kon Tum 2022")
    enter(plan, "labour_productivity_growth", 2021, "7.5")
    enter(plan, "labour_productivity_growth", 2022, "7")
    return plan, {"experts": experts, "supported": supported, "tfp": tfp, "growth": growth, "courses": courses}


def by_target(progress):
    return {tp.target.pk: tp for tp in progress.targets}


def test_plan_progress_evaluates_every_target_per_year_and_phase(kon_tum_plan):
    plan, t = kon_tum_plan
    progress = plan_progress(plan, as_of=END_2023)
    rows = by_target(progress)

    experts = rows[t["experts"].pk]
    assert experts.phase_result.actual == 6
    assert experts.phase_result.percent == Decimal("60.0")
    assert experts.status == Status.ON_TRACK
    assert experts.years == ()
    assert experts.phase_rule == PhaseRule.SUM

    supported = rows[t["supported"].pk]
    assert [(e.label, e.actual, e.status) for e in supported.years] == [
        ("2021", 2, Status.ACHIEVED),
        ("2022", 1, Status.NOT_ACHIEVED),
        ("2023", 3, Status.ACHIEVED),
        ("2024", None, Status.NO_DATA),
        ("2025", None, Status.NO_DATA),
    ]
    assert supported.phase_result.actual == 5  # 6 applications, the returning enterprise counted once
    assert supported.phase_rule == PhaseRule.DISTINCT
    assert supported.status == Status.BEHIND  # 2022 fell short
    assert (supported.phase_result.years_achieved, supported.phase_result.years_counted) == (2, 3)

    tfp = rows[t["tfp"].pk]
    assert tfp.phase_result.actual == 28  # the last value known
    assert tfp.status == Status.ACHIEVED  # 28 ≥ 27
    assert tfp.phase_result.percent == Decimal("93.3")
    assert tfp.sources == {2021: "Cục Thống kê tỉnh, Niên giám", 2022: "Nghiên cứu TFP tỉnh Kon Tum 2022"}

    growth = rows[t["growth"].pk]
    assert [(e.actual, e.status) for e in growth.years[:3]] == [
        (Decimal("7.50"), Status.ACHIEVED),
        (Decimal("7.00"), Status.NOT_ACHIEVED),  # "more than 7 %" is not met by 7 %
        (None, Status.NO_DATA),
    ]
    assert growth.phase_result.actual == Decimal("7.25")  # (7.5 + 7) / 2
    assert growth.status == Status.BEHIND

    assert rows[t["courses"].pk].status == Status.NO_DATA
    assert progress.status_counts == {
        Status.ACHIEVED: 1,
        Status.ON_TRACK: 1,
        Status.BEHIND: 2,
        Status.NOT_ACHIEVED: 0,
        Status.NO_DATA: 1,
    }


def test_plan_progress_only_lists_the_years_asked_for(kon_tum_plan):
    plan, t = kon_tum_plan
    progress = plan_progress(plan, years=[2023], as_of=END_2023)
    supported = by_target(progress)[t["supported"].pk]
    assert [e.label for e in supported.years] == ["2023"]
    assert supported.status == Status.BEHIND  # the phase summary still sees 2022


def test_plan_progress_takes_a_fixed_number_of_queries(kon_tum_plan):
    plan, _targets = kon_tum_plan

    def run() -> int:
        with CaptureQueriesContext(connection) as ctx:
            plan_progress(plan, as_of=END_2023)
        return len(ctx.captured_queries)

    few = run()
    for year in (2021, 2022, 2023):
        for _ in range(4):
            make_application_row(enterprise=enterprise(), year=year)
            make_activity(plan=plan, start=dt.date(year, 9, 1), kind=Activity.Kind.EXPERT_TRAINING, experts_certified=1)
    assert run() == few


# --- Figures for the reports ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_activity_totals_of_a_year_by_kind():
    plan = make_plan(province=province("kon-tum"))
    make_activity(plan=plan, start=dt.date(2023, 3, 1), participants=20, person_times=30, cost_state_local=10 * MILLION)
    make_activity(plan=plan, start=dt.date(2023, 5, 1), participants=15, cost_enterprise=2 * MILLION)
    make_activity(
        plan=plan,
        start=dt.date(2023, 8, 1),
        kind=Activity.Kind.COMMUNICATION,
        communication_type="tv_report",
        quantity=3,
    )
    make_activity(plan=plan, start=dt.date(2022, 8, 1), participants=99)

    totals = plan_activity_totals(plan, 2023)

    rows = [(r.kind, r.communication_type, r.records, r.quantity, r.participants, r.person_times) for r in totals.rows]
    assert rows == [
        ("training_course", "", 2, 2, 35, 45),
        ("communication", "tv_report", 1, 3, 0, 0),
    ]
    assert totals.rows[0].cost_total == 12 * MILLION
    assert (totals.total.records, totals.total.quantity, totals.total.participants) == (3, 5, 35)


@pytest.mark.django_db
def test_support_by_category_and_the_appendix_list():
    plan = make_plan(province=province("kon-tum"))
    firm = enterprise()
    make_application_row(enterprise=firm, year=2023, category="system-certification", approved=40 * MILLION)
    make_application_row(
        enterprise=firm,
        year=2023,
        category="barcodes",
        approved=10 * MILLION,
        final=8 * MILLION,
        paid=8 * MILLION,
        status=AppStatus.PAID,
        counterpart=2 * MILLION,
    )
    make_application_row(enterprise=enterprise(), year=2023, category="barcodes", approved=5 * MILLION)
    make_application_row(enterprise=enterprise(), year=2023, status=AppStatus.CANCELLED)

    result = plan_support_by_category(plan, 2023)
    rows = {r.code: r for r in result.rows}
    assert (rows["barcodes"].enterprises, rows["barcodes"].state_amount) == (2, 13 * MILLION)  # 8 final + 5 approved
    assert rows["barcodes"].enterprise_amount == 32 * MILLION  # 2 + 30
    assert (rows["system-certification"].enterprises, rows["system-certification"].state_amount) == (1, 40 * MILLION)
    assert result.total.enterprises == 2  # firm counts once over both categories
    assert result.total.state_amount == 53 * MILLION
    assert result.total.paid == 8 * MILLION

    appendix = supported_enterprises(plan, 2023)
    assert len(appendix) == 3
    assert {row.tax_code for row in appendix} >= {firm.tax_code}
    assert len(supported_enterprises(plan, 2023, categories=["barcodes"])) == 2


@pytest.mark.django_db
def test_budget_execution_against_allocations():
    from tests.support.factories import make_allocation, make_rule

    plan = make_plan(province=province("kon-tum"))
    heading = make_budget_line(plan=plan, number="I", content="Hỗ trợ doanh nghiệp", category="enterprise_support")
    line = make_budget_line(plan=plan, parent=heading, number="1", estimate=100 * MILLION, support_rate=50)
    make_budget_amount(line=line, year=2023, amount=50 * MILLION)
    BudgetAllocation.objects.create(
        province=plan.province,
        budget_line=line,
        year=2023,
        amount=40 * MILLION,
        committed=30 * MILLION,
        disbursed=10 * MILLION,
    )
    rule = make_rule()
    rule.policy.plan = plan
    rule.policy.save()
    allocation = make_allocation(rule=rule, year=2023, amount=20 * MILLION)
    BudgetAllocation.objects.filter(pk=allocation.pk).update(committed=5 * MILLION)

    execution = plan_budget_execution(plan, 2023)

    assert len(execution.rows) == 1  # the policy's money goes under the only enterprise-support heading
    row = execution.rows[0]
    assert (row.planned, row.allocated, row.committed, row.disbursed) == (
        50 * MILLION,
        60 * MILLION,
        35 * MILLION,
        10 * MILLION,
    )
    assert execution.total.committed == 35 * MILLION
    assert set(execution.by_source) == {"state_local"}


def test_award_based_target_counts_winners(kon_tum_plan):
    plan, _t = kon_tum_plan
    winners = make_target(plan=plan, indicator=indicator("nqa_winners"), value_min=1, period=Target.Period.YEAR)
    award(enterprise(), 2022, Award.Result.GOLD)
    progress = plan_progress(plan, years=[2022], as_of=END_2023)
    assert by_target(progress)[winners.pk].years[0].status == Status.ACHIEVED


def test_a_target_set_per_year_is_judged_not_achieved_once_its_phase_has_ended(kon_tum_plan, as_of):
    """As of 01/12/2026 the 2021-2025 phase is over: 2022's single supported enterprise against "≥ 2 a year"
    makes the phase not achieved, no longer "behind schedule"."""
    plan, t = kon_tum_plan
    as_of(dt.date(2026, 12, 1))
    supported = by_target(plan_progress(plan, as_of=dt.date(2026, 12, 1)))[t["supported"].pk]
    assert supported.status == Status.NOT_ACHIEVED
    with translation.override("vi"):
        assert supported.status.label == "không đạt"


def test_an_annual_report_prints_the_years_result_and_the_cumulative_one_each_with_its_rate(kon_tum_plan):
    """2023: 2 experts certified against "≥ 10" for 2021-2025 is 20 % for the year, and the 6 certified since
    2021 are 60 %; 3 enterprises supported in 2023 against "≥ 2 a year" is 150 %, and the 5 distinct ones
    since 2021 against 2 × 3 years are 83.3 %."""
    plan, t = kon_tum_plan
    rows = {row["indicator"]: row for row in _targets(plan, [2023], END_2023)}
    experts = rows[t["experts"].indicator.name]
    assert (experts["cells"][0]["actual"], experts["year_percent"]) == ("2", "20")
    assert (experts["cumulative"], experts["cumulative_span"], experts["cumulative_percent"]) == (
        "6",
        "2021–2023",
        "60",
    )
    supported = rows[t["supported"].indicator.name]
    assert (supported["cells"][0]["actual"], supported["year_percent"]) == ("3", "150")
    assert (supported["cumulative"], supported["cumulative_percent"]) == ("5", "83.3")


def test_a_report_lists_only_the_tasks_whose_timeframe_touches_its_period(db):
    """A 2023 report lists a task of 2021-2025, an undated one and the group above them, and leaves out a
    task of 2024-2025 and the group whose only task is of 2024-2025."""
    plan = make_plan(province=province("kon-tum"))
    group = make_task(plan=plan, number="I", content="Tuyên truyền", position=0)
    make_task(plan=plan, parent=group, number="1", content="Cả giai đoạn", timeframe_spans=[[2021, 2025]], position=1)
    make_task(plan=plan, parent=group, number="2", content="Chưa ghi thời gian", position=2)
    make_task(plan=plan, parent=group, number="3", content="Về sau", timeframe_spans=[[2024, 2025]], position=3)
    later = make_task(plan=plan, number="II", content="Giai đoạn sau", position=4)
    make_task(plan=plan, parent=later, number="4", content="Chỉ 2025", timeframe_spans=[[2025, 2025]], position=5)

    assert [row["number"] for row in _tasks(plan, [2023])] == ["I", "1", "2"]
    assert [row["number"] for row in _tasks(plan, [2024, 2025])] == ["I", "1", "2", "3", "II", "4"]
