"""plan_budget_summary on small hand-made budgets: totals, rounding, money by year, inconsistencies."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db.models import Prefetch

from plans.budget import plan_budget_summary
from plans.models import BudgetAmount, BudgetLine, Plan, Province

pytestmark = pytest.mark.django_db


def make_plan(**extra) -> Plan:
    fields = {"title": "Kế hoạch thử", "start_year": 2021, "end_year": 2023, **extra}
    return Plan.objects.create(province=Province.objects.get(key="kon-tum"), **fields)


def heading(plan: Plan, number: str, position: int, **extra) -> BudgetLine:
    return BudgetLine.objects.create(plan=plan, number=number, content=f"Nhóm {number}", position=position, **extra)


def line(plan: Plan, parent: BudgetLine | None, number: str, estimate: int | None, rate: str | None, position: int):
    return BudgetLine.objects.create(
        plan=plan,
        parent=parent,
        number=number,
        content=f"Dòng {number}",
        position=position,
        estimate=estimate,
        support_rate=None if rate is None else Decimal(rate),
    )


def amount(budget_line: BudgetLine, year: int, value: int, source: str = "state_local") -> BudgetAmount:
    return BudgetAmount.objects.create(line=budget_line, year=year, source=source, amount=value)


@pytest.fixture
def small_plan() -> Plan:
    """I: 1 000 000 at 100 % and 333 333 at 30 % (state 99 999.9 -> 100 000);  II: 5 000 000 at 50 %."""
    plan = make_plan()
    one = heading(plan, "I", 1)
    line(plan, one, "1", 1_000_000, "100", 2)
    line(plan, one, "2", 333_333, "30", 3)
    two = heading(plan, "II", 4)
    line(plan, two, "1", 5_000_000, "50", 5)
    amount(one, 2021, 600_000)
    amount(one, 2022, 500_000)
    amount(two, 2022, 2_500_000)
    amount(two, 2023, 2_500_000, source="enterprise")
    return plan


def test_totals_per_heading_and_per_line_with_half_up_rounding(small_plan):
    summary = plan_budget_summary(small_plan)
    assert (summary.estimate, summary.state, summary.enterprise) == (6_333_333, 3_600_000, 2_733_333)
    assert [(h.line.number, h.estimate, h.state, h.enterprise) for h in summary.headings] == [
        ("I", 1_333_333, 1_100_000, 233_333),
        ("II", 5_000_000, 2_500_000, 2_500_000),
    ]
    rounded = summary.headings[0].leaves[1]
    assert (rounded.estimate, rounded.rate, rounded.state, rounded.enterprise) == (
        333_333,
        Decimal(30),
        100_000,
        233_333,
    )
    assert [leaf.line.content for leaf in summary.leaves] == ["Dòng 1", "Dòng 2", "Dòng 1"]


def test_money_by_year_and_source(small_plan):
    summary = plan_budget_summary(small_plan)
    assert summary.years == (2021, 2022, 2023)
    assert summary.sources == ("state_local", "enterprise")
    assert summary.year_totals == {2021: 600_000, 2022: 3_000_000, 2023: 2_500_000}
    assert summary.source_totals == {"state_local": 3_600_000, "enterprise": 2_500_000}
    assert summary.cell(2022, "state_local") == 3_000_000
    assert summary.headings[0].cell(2021, "state_local") == 600_000
    assert summary.headings[1].state_by_year == {2022: 2_500_000, 2023: 0}
    assert summary.inconsistencies == ()


def test_state_amounts_that_do_not_add_up_are_reported(small_plan):
    BudgetAmount.objects.filter(line__number="I", year=2022).update(amount=400_000)
    summary = plan_budget_summary(small_plan)
    found = [(i.code, i.line.number if i.line else None, i.expected, i.actual) for i in summary.inconsistencies]
    assert found == [
        ("state_by_year_mismatch", "I", 1_100_000, 1_000_000),
        ("state_by_year_total_mismatch", None, 3_600_000, 3_500_000),
    ]


def test_incomplete_lines_heading_estimates_and_years_outside_the_plan_are_reported():
    plan = make_plan()
    one = heading(plan, "I", 1, estimate=999)
    line(plan, one, "1", 1_000, "100", 2)
    line(plan, one, "2", 2_000, None, 3)
    amount(one, 2030, 1_000)
    summary = plan_budget_summary(plan)
    found = {(i.code, i.line.number, i.expected, i.actual) for i in summary.inconsistencies}
    assert found == {
        ("year_outside_plan", "I", None, 2030),
        ("incomplete_line", "2", None, None),
        ("heading_estimate_mismatch", "I", 3_000, 999),
    }
    assert (summary.estimate, summary.state, summary.enterprise) == (3_000, 1_000, 2_000)
    assert 2030 in summary.years


def test_a_plan_without_budget_is_empty():
    summary = plan_budget_summary(make_plan())
    assert summary.is_empty
    assert (summary.estimate, summary.state, summary.amounts_total, summary.inconsistencies) == (0, 0, 0, ())


def _grow(plan: Plan, headings: int, lines_per_heading: int) -> None:
    position = 0
    for h in range(headings):
        position += 1
        top = heading(plan, f"H{h}", position)
        for n in range(lines_per_heading):
            position += 1
            line(plan, top, str(n), 1_000_000, "30", position)
        amount(top, 2021, 300_000 * lines_per_heading)


@pytest.mark.parametrize(("headings", "lines_per_heading"), [(1, 1), (4, 10)])
def test_query_count_does_not_grow_with_lines(django_assert_num_queries, headings, lines_per_heading):
    plan = make_plan()
    _grow(plan, headings, lines_per_heading)
    plan = Plan.objects.get(pk=plan.pk)
    with django_assert_num_queries(2):
        summary = plan_budget_summary(plan)
    assert summary.state == 300_000 * headings * lines_per_heading
    assert summary.inconsistencies == ()


def test_prefetched_budget_is_read_without_queries(django_assert_num_queries):
    plan = make_plan()
    _grow(plan, 3, 5)
    plan = Plan.objects.prefetch_related(
        Prefetch("budget_lines", queryset=BudgetLine.objects.prefetch_related("amounts"))
    ).get(pk=plan.pk)
    with django_assert_num_queries(0):
        summary = plan_budget_summary(plan)
    assert (summary.estimate, summary.state) == (15_000_000, 4_500_000)
