"""Targets against results: what a plan set out to do, what was done, and how far along it is.

:func:`plan_progress` evaluates every target of a plan, per year (targets set per year) and per phase, from
the values :mod:`reporting.indicators` computes or reads. The reports and the dashboards render its result;
it is a stable, fully typed structure of frozen dataclasses.

How a phase adds up (the *phase value* of a target)
---------------------------------------------------
Over the years of the phase up to the year of ``as_of``:

* counts (``Target.Measure.COUNT``): the cumulative total. Sums of activities, money and entered counts add
  up year by year; counts of *distinct enterprises* (enterprises supported, award winners) are counted again
  over the whole span, so that an enterprise supported in two years counts once for the phase;
* percentages and shares: the last value known (the latest year with a value);
* growth rates: the average of the yearly rates known (arithmetic mean, rounded half up to 0.01); a target
  set per year is also judged year by year.

When a target is met (``target_met``)
-------------------------------------
With *v* the target's value (``value_min``):

* ``≥ v`` (at least): actual ≥ v;
* ``> v`` (more than): actual > v, so "more than 7 %" is not met by 7 %;
* ``= v`` (exactly, "xây dựng 10 phóng sự"): a planned quantity, met at actual ≥ v;
* ``v–w`` (range, "10 to 20 enterprises a year"): met at actual ≥ v (the upper end is a ceiling of effort,
  not a failure when exceeded);
* ``≈ v`` (approximately, "TFP ≈ 30 %"): met within ±10 % of v, i.e. from 0.9 × v (27 for 30); above
  1.1 × v the target is exceeded, which also counts as met;
* no number (qualitative): met when a value is entered (a manual value, or a computed count above zero)
  and it is above zero.

% achieved is actual ÷ v × 100, rounded half up to 0.1; none for qualitative targets and for v = 0.

Status of a period (a year, or a phase), as of a date (``evaluate``)
-------------------------------------------------------------------
* **no data**: the period has not started (its actual value is then left out), or there is no value (a
  manual indicator nothing was entered for, a growth rate without a base year, a qualitative target without
  a value);
* **achieved**: the target is met (even before the period ends);
* **not achieved**: the period has ended and the target is not met (judged, no longer "behind");
* **behind**: the period is running and a cumulative
  count is below its due share, or a percentage, share or growth rate of a phase falls short;
* **on track**: the period is running and a cumulative count has reached at least its due share:
  actual ≥ v × completed months ÷ months of the period (a month is completed on its last day; a phase
  2021-2025 as of 31/12/2023 has completed 36 of 60 months, so 6 of "≥ 10" is on track and 5 is behind).
  A yearly percentage, share or growth rate of the current year is on track until the year ends (its figure
  is not final yet).

A target set per year also gets a phase summary: behind when any year is behind or not achieved (not
achieved once the phase has ended); achieved when every year
of the phase is achieved; no data when no year has data; otherwise on track.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from django.db.models import Count, Prefetch, Q, Sum
from django.db.models.functions import Coalesce, ExtractYear
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from plans.budget import plan_budget_summary
from plans.models import STATE_SOURCES, Activity, BudgetLine, BudgetSource, Indicator, Phase, Plan, Target

from .indicators import Aggregation, IndicatorSeries, Scope, category_codes, compute

HUNDRED = Decimal(100)
TENTH = Decimal("0.1")
CENT = Decimal("0.01")
APPROXIMATE_TOLERANCE = Decimal("0.10")  # "≈ v" is met within ±10 % of v


class Status(StrEnum):
    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    NOT_ACHIEVED = "not_achieved"
    NO_DATA = "no_data"

    @property
    def label(self) -> str:
        return str(STATUS_LABELS[self])

    @property
    def pill(self) -> str:
        """The CSS class of the status pill."""
        return {
            Status.ACHIEVED: "ok",
            Status.ON_TRACK: "warn",
            Status.BEHIND: "bad",
            Status.NOT_ACHIEVED: "bad",
        }.get(self, "")


STATUS_LABELS = {
    Status.ACHIEVED: _("achieved"),
    Status.ON_TRACK: _("on track"),
    Status.BEHIND: _("behind"),
    Status.NOT_ACHIEVED: _("not achieved"),
    Status.NO_DATA: _("no data"),
}


class PhaseRule(StrEnum):
    """How a target's phase value was obtained."""

    SUM = "sum"
    DISTINCT = "distinct"
    LAST = "last"
    AVERAGE = "average"


# --- Rules -----------------------------------------------------------------------------------------------------


def completed_share(start_year: int, end_year: int, as_of: dt.date) -> Decimal:
    """The share of the months of ``start_year``-``end_year`` completed by ``as_of`` (0 to 1). A month is
    completed on its last day."""
    total = (end_year - start_year + 1) * 12
    last_day = calendar.monthrange(as_of.year, as_of.month)[1]
    done = (as_of.year - start_year) * 12 + as_of.month - 1 + (1 if as_of.day == last_day else 0)
    return Decimal(max(0, min(done, total))) / Decimal(total)


def target_met(target: Target, actual: Decimal | None) -> bool:
    """Is ``actual`` enough for ``target``? (The rules of the module docstring.)"""
    if actual is None:
        return False
    comparator, low = target.comparator, target.value_min
    if comparator == Target.Comparator.QUALITATIVE:
        return actual > 0
    if low is None:
        return False
    if comparator == Target.Comparator.MORE_THAN:
        return actual > low
    if comparator == Target.Comparator.APPROXIMATELY:
        return actual >= low * (1 - APPROXIMATE_TOLERANCE)
    return actual >= low  # at least, exactly, range (from its lower bound)


def percent_achieved(target: Target, actual: Decimal | None) -> Decimal | None:
    if target.comparator == Target.Comparator.QUALITATIVE:
        return None
    return percent_achieved_of(actual, target.value_min)


def percent_achieved_of(actual: Decimal | None, low: Decimal | None) -> Decimal | None:
    """``actual`` as a percentage of ``low``, rounded half up to 0.1; none without both or for ``low`` = 0."""
    if actual is None or low is None or low == 0:
        return None
    return (Decimal(actual) * HUNDRED / low).quantize(TENTH, ROUND_HALF_UP)


def evaluate(
    target: Target,
    actual: Decimal | None,
    *,
    start_year: int,
    end_year: int,
    as_of: dt.date,
    cumulative: bool,
    entered: bool = True,
) -> tuple[Status, Decimal | None]:
    """The status of ``actual`` against ``target`` over a period, as of a date, and the part of the target
    due by then (for cumulative counts of a running period). ``entered`` says whether a value of a
    qualitative target counts as entered (a computed zero does not)."""
    if target.comparator == Target.Comparator.QUALITATIVE and (actual is None or not entered):
        return Status.NO_DATA, None
    if actual is None or as_of < dt.date(start_year, 1, 1):
        return Status.NO_DATA, None
    if target_met(target, actual):
        return Status.ACHIEVED, None
    if as_of >= dt.date(end_year, 12, 31):
        return Status.NOT_ACHIEVED, None  # the period is over: judged, no longer "behind schedule"
    if target.comparator == Target.Comparator.QUALITATIVE:
        return Status.ON_TRACK, None
    if cumulative:
        due = (target.value_min * completed_share(start_year, end_year, as_of)).quantize(CENT, ROUND_HALF_UP)
        return (Status.ON_TRACK if actual >= due else Status.BEHIND), due
    if start_year == end_year:  # this year's figure is not final until the year ends
        return Status.ON_TRACK, None
    return Status.BEHIND, None


def summarise_years(statuses: Sequence[Status], *, ended: bool = False) -> Status:
    """The phase status of a target set per year, from the statuses of every year of the phase; once the
    phase has ended (``ended``) a phase that fell short is not achieved rather than behind."""
    if any(s in (Status.BEHIND, Status.NOT_ACHIEVED) for s in statuses):
        return Status.NOT_ACHIEVED if ended else Status.BEHIND
    if statuses and all(s == Status.ACHIEVED for s in statuses):
        return Status.ACHIEVED
    if all(s == Status.NO_DATA for s in statuses):
        return Status.NO_DATA
    return Status.ON_TRACK


# --- Results ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Evaluation:
    """A target against its result over one period: a year, or a phase."""

    start_year: int
    end_year: int
    target_min: Decimal | None
    target_max: Decimal | None
    actual: Decimal | None
    percent: Decimal | None
    status: Status
    due: Decimal | None = None  # the part of a cumulative target due by ``as_of`` (running periods)
    years_achieved: int | None = None  # phase summary of a target set per year
    years_counted: int | None = None

    @property
    def label(self) -> str:
        return str(self.start_year) if self.start_year == self.end_year else f"{self.start_year}-{self.end_year}"

    @property
    def is_year(self) -> bool:
        return self.start_year == self.end_year


@dataclass(frozen=True)
class TargetProgress:
    target: Target
    phase: Phase
    indicator: Indicator
    series: IndicatorSeries
    years: tuple[Evaluation, ...]  # one per year asked for, for targets set per year; empty otherwise
    phase_result: Evaluation  # the phase value of the target (and, per year, the summary of its years)
    phase_rule: PhaseRule

    @property
    def is_per_year(self) -> bool:
        return self.target.period == Target.Period.YEAR

    @property
    def status(self) -> Status:
        return self.phase_result.status

    @property
    def sources(self) -> dict[int, str]:
        return self.series.sources

    @property
    def distinct_sources(self) -> tuple[str, ...]:
        """Where entered values come from, each source once, in the order of the years."""
        return tuple(dict.fromkeys(source for _year, source in sorted(self.series.sources.items()) if source))


@dataclass(frozen=True)
class PhaseProgress:
    phase: Phase
    targets: tuple[TargetProgress, ...]


@dataclass(frozen=True)
class PlanProgress:
    plan: Plan
    as_of: dt.date
    years: tuple[int, ...]
    phases: tuple[PhaseProgress, ...]
    indicators: dict[int, IndicatorSeries] = field(default_factory=dict)

    @property
    def targets(self) -> tuple[TargetProgress, ...]:
        return tuple(t for phase in self.phases for t in phase.targets)

    @property
    def status_counts(self) -> dict[Status, int]:
        counts = dict.fromkeys(Status, 0)
        for t in self.targets:
            counts[t.status] += 1
        return counts


# --- Evaluation ------------------------------------------------------------------------------------------------


def _last_year(phase: Phase, as_of: dt.date) -> int:
    return min(phase.end_year, max(as_of.year, phase.start_year))


def _phase_value(
    target: Target, series: IndicatorSeries, phase: Phase, as_of: dt.date
) -> tuple[Decimal | None, PhaseRule]:
    last = _last_year(phase, as_of)
    if as_of.year < phase.start_year:
        years: list[int] = []
    else:
        years = list(range(phase.start_year, last + 1))
    known = [(y, series.value(y)) for y in years if series.value(y) is not None]
    measure = target.measure
    if measure == Target.Measure.COUNT or target.comparator == Target.Comparator.QUALITATIVE:
        if series.aggregation == Aggregation.DISTINCT:
            return (series.by_span.get((phase.start_year, last)) if years else None), PhaseRule.DISTINCT
        if series.aggregation == Aggregation.GROWTH:
            return _average(known), PhaseRule.AVERAGE
        return (sum((v for _y, v in known), Decimal(0)) if known else None), PhaseRule.SUM
    if measure == Target.Measure.GROWTH_RATE:
        return _average(known), PhaseRule.AVERAGE
    return (known[-1][1] if known else None), PhaseRule.LAST


def _average(known: list[tuple[int, Decimal | None]]) -> Decimal | None:
    values = [v for _y, v in known if v is not None]
    if not values:
        return None
    return (sum(values, Decimal(0)) / len(values)).quantize(CENT, ROUND_HALF_UP)


def _entered(series: IndicatorSeries, actual: Decimal | None) -> bool:
    """A qualitative target's value counts as entered when typed in, or when a computed count is above zero."""
    if actual is None:
        return False
    return not series.is_computed or actual > 0


def _evaluation(target: Target, series: IndicatorSeries, actual, start: int, end: int, as_of, cumulative):
    if as_of < dt.date(start, 1, 1):
        actual = None  # a year still to come has no result yet, not a result of zero
    status, due = evaluate(
        target,
        actual,
        start_year=start,
        end_year=end,
        as_of=as_of,
        cumulative=cumulative,
        entered=_entered(series, actual),
    )
    return Evaluation(
        start_year=start,
        end_year=end,
        target_min=target.value_min,
        target_max=target.value_max,
        actual=actual,
        percent=percent_achieved(target, actual),
        status=status,
        due=due,
    )


def target_progress(target: Target, series: IndicatorSeries, *, years: Iterable[int], as_of: dt.date) -> TargetProgress:
    phase = target.phase
    cumulative = target.measure == Target.Measure.COUNT
    phase_actual, rule = _phase_value(target, series, phase, as_of)
    if target.period == Target.Period.YEAR:
        per_year = {y: _evaluation(target, series, series.value(y), y, y, as_of, cumulative) for y in phase.years}
        statuses = [e.status for e in per_year.values()]
        summary = Evaluation(
            start_year=phase.start_year,
            end_year=phase.end_year,
            target_min=target.value_min,
            target_max=target.value_max,
            actual=phase_actual,
            percent=None,
            status=summarise_years(statuses, ended=as_of >= dt.date(phase.end_year, 12, 31)),
            years_achieved=sum(1 for s in statuses if s == Status.ACHIEVED),
            years_counted=sum(1 for y in phase.years if y <= as_of.year),
        )
        rows = tuple(per_year[y] for y in sorted(set(years)) if y in per_year)
        return TargetProgress(target, phase, target.indicator, series, rows, summary, rule)
    result = _evaluation(target, series, phase_actual, phase.start_year, phase.end_year, as_of, cumulative)
    return TargetProgress(target, phase, target.indicator, series, (), result, rule)


def _spans(targets: Iterable[Target], as_of: dt.date) -> set[tuple[int, int]]:
    return {(t.phase.start_year, _last_year(t.phase, as_of)) for t in targets if as_of.year >= t.phase.start_year}


def plans_progress(
    plans: Sequence[Plan], *, years: list[int] | None = None, as_of: dt.date | None = None
) -> dict[int, PlanProgress]:
    """:func:`plan_progress` for several plans at once: the same queries for plans of one province."""
    as_of = as_of or timezone.localdate()
    plans = list(plans)
    if not plans:
        return {}
    plan_ids = [p.pk for p in plans]
    targets = list(
        Target.objects.filter(plan_id__in=plan_ids)
        .select_related("phase", "indicator")
        .order_by("plan_id", "phase__start_year", "position", "id")
    )
    phases = list(Phase.objects.filter(plan_id__in=plan_ids).order_by("start_year", "position"))
    result: dict[int, PlanProgress] = {}
    by_province: dict[int, list[Plan]] = {}
    for plan in plans:
        by_province.setdefault(plan.province_id, []).append(plan)
    for province_id, group in by_province.items():
        group_ids = {p.pk for p in group}
        group_targets = [t for t in targets if t.plan_id in group_ids]
        all_years = {y for t in group_targets for y in t.phase.years}
        all_years |= set(years) if years is not None else {y for plan in group for y in plan.years}
        series = compute(
            scope=Scope.for_province(province_id),
            plan_ids=[p.pk for p in group],
            indicators=[t.indicator for t in group_targets],
            years=all_years,
            spans=_spans(group_targets, as_of),
        )
        for plan in group:
            asked = sorted(years) if years is not None else list(plan.years)
            by_phase: dict[int, list[TargetProgress]] = {}
            for t in group_targets:
                if t.plan_id == plan.pk:
                    by_phase.setdefault(t.phase_id, []).append(
                        target_progress(t, series[(plan.pk, t.indicator_id)], years=asked, as_of=as_of)
                    )
            result[plan.pk] = PlanProgress(
                plan=plan,
                as_of=as_of,
                years=tuple(asked),
                phases=tuple(
                    PhaseProgress(phase, tuple(by_phase.get(phase.pk, ())))
                    for phase in phases
                    if phase.plan_id == plan.pk
                ),
                indicators={ind_id: s for (p_id, ind_id), s in series.items() if p_id == plan.pk},
            )
    return result


def plan_progress(plan: Plan, *, years: list[int] | None = None, as_of: dt.date | None = None) -> PlanProgress:
    """Every target of ``plan`` against its results: per year asked for (default: the plan's years) for
    targets set per year, and per phase, as of ``as_of`` (default: today). A fixed number of queries."""
    return plans_progress([plan], years=years, as_of=as_of)[plan.pk]


# --- Figures for the reports -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActivityFigures:
    """Totals of a kind of activity (or of all, ``kind == ""``) in a year."""

    kind: str
    communication_type: str
    label: str
    records: int
    quantity: int
    participants: int
    person_times: int
    experts_trained: int
    experts_certified: int
    enterprises: int
    cost_state_central: int
    cost_state_local: int
    cost_enterprise: int
    cost_other: int

    @property
    def cost_state(self) -> int:
        return self.cost_state_central + self.cost_state_local

    @property
    def cost_total(self) -> int:
        return self.cost_state + self.cost_enterprise + self.cost_other


@dataclass(frozen=True)
class ActivityTotals:
    year: int
    rows: tuple[ActivityFigures, ...]
    total: ActivityFigures


_ACTIVITY_SUMS = (
    "quantity",
    "participants",
    "person_times",
    "experts_trained",
    "experts_certified",
    "enterprises",
    "cost_state_central",
    "cost_state_local",
    "cost_enterprise",
    "cost_other",
)


def plan_activity_totals(plan: Plan, year: int, *, scope: Scope | None = None) -> ActivityTotals:
    """What the activities of the plan's province (and, for a successor, of the provinces merged into it since
    1 July 2025) add up to in ``year``, by kind and communication type. Two queries."""
    scope = scope or Scope.for_plan(plan)
    rows = list(
        Activity.objects.filter(scope.q("plan__province_id", date_path="start_date"), start_date__year=year)
        .values("kind", "communication_type")
        .annotate(records=Count("pk"), **{name: Coalesce(Sum(name), 0) for name in _ACTIVITY_SUMS})
        .order_by("kind", "communication_type")
    )
    kind_order = list(Activity.Kind.values)
    type_order = ["", *Activity.CommunicationType.values]
    rows.sort(key=lambda r: (kind_order.index(r["kind"]), type_order.index(r["communication_type"] or "")))
    kinds = dict(Activity.Kind.choices)
    types = dict(Activity.CommunicationType.choices)
    figures = tuple(
        ActivityFigures(
            kind=r["kind"],
            communication_type=r["communication_type"],
            label=str(types[r["communication_type"]] if r["communication_type"] else kinds[r["kind"]]),
            records=r["records"],
            **{name: int(r[name]) for name in _ACTIVITY_SUMS},
        )
        for r in rows
    )
    total = ActivityFigures(
        kind="",
        communication_type="",
        label=str(_("Total")),
        records=sum(f.records for f in figures),
        **{name: sum(getattr(f, name) for f in figures) for name in _ACTIVITY_SUMS},
    )
    return ActivityTotals(year=year, rows=figures, total=total)


@dataclass(frozen=True)
class CategorySupport:
    """Support of a year in one support category: enterprises, applications and money (VND)."""

    category_id: int | None
    code: str
    name: str
    enterprises: int
    applications: int
    approved: int  # support approved by decision
    final: int  # support fixed at acceptance
    paid: int  # support paid
    state_amount: int  # the state's support: the final amount where accepted, else the approved amount
    enterprise_amount: int  # the enterprises' counterpart funds


@dataclass(frozen=True)
class SupportByCategory:
    year: int
    rows: tuple[CategorySupport, ...]
    total: CategorySupport


def _supported_applications(scope: Scope, year: int):
    from support.models import Application
    from support.workflow import states_where

    return Application.objects.filter(
        scope.q("province_id", date_path="decision__decided_on", year_path="budget_year"),
        budget_year=year,
        status__in=list(states_where("money_committed")),
    )


_SUPPORT_SUMS = {
    "applications": Count("pk", distinct=True),
    "enterprises": Count("enterprise_id", distinct=True),
    "approved": Coalesce(Sum("approved_amount"), 0),
    "final": Coalesce(Sum("final_amount"), 0),
    "paid": Coalesce(Sum("paid_total"), 0),
    "state_amount": Coalesce(Sum(Coalesce("final_amount", "approved_amount")), 0),
    "enterprise_amount": Coalesce(Sum("counterpart_funds"), 0),
}


def plan_support_by_category(plan: Plan, year: int, *, scope: Scope | None = None) -> SupportByCategory:
    """Enterprises supported in ``year`` (applications approved or later, not cancelled, of that budget year)
    and the money, per support category, with a total that counts each enterprise once. Three queries."""
    scope = scope or Scope.for_plan(plan)
    applications = _supported_applications(scope, year)
    rows = applications.values(
        "rule__category_id", "rule__category__code", "rule__category__name", "rule__category__position"
    ).annotate(**_SUPPORT_SUMS)
    rows = sorted(rows, key=lambda r: (r["rule__category__position"], r["rule__category__code"]))
    figures = tuple(
        CategorySupport(
            category_id=r["rule__category_id"],
            code=r["rule__category__code"],
            name=r["rule__category__name"],
            **{name: int(r[name]) for name in _SUPPORT_SUMS},
        )
        for r in rows
    )
    totals = applications.aggregate(**_SUPPORT_SUMS)
    total = CategorySupport(
        category_id=None, code="", name=str(_("Total")), **{name: int(totals[name] or 0) for name in _SUPPORT_SUMS}
    )
    return SupportByCategory(year=year, rows=figures, total=total)


@dataclass(frozen=True)
class SupportedEnterprise:
    """A row of the appendix: an application of the year and its enterprise (amounts in VND)."""

    application_id: int
    enterprise_id: int
    name: str
    tax_code: str
    category: str
    title: str
    status: str
    approved: int | None
    final: int | None
    paid: int
    counterpart: int


def supported_enterprises(
    plan: Plan, year: int, *, scope: Scope | None = None, categories: Iterable[str] = ()
) -> tuple[SupportedEnterprise, ...]:
    """The enterprises supported in ``year``, one row per application, by enterprise name. One query.
    ``categories`` (codes or the catalogue's short names) narrows the list."""
    scope = scope or Scope.for_plan(plan)
    applications = _supported_applications(scope, year)
    codes = category_codes(Indicator(parameter=",".join(categories))) if categories else []
    if codes:
        applications = applications.filter(rule__category__code__in=codes)
    applications = applications.select_related("enterprise", "rule__category").order_by("enterprise__name", "pk")
    return tuple(
        SupportedEnterprise(
            application_id=a.pk,
            enterprise_id=a.enterprise_id,
            name=a.enterprise.name,
            tax_code=a.enterprise.tax_code,
            category=a.rule.category.name,
            title=a.title,
            status=str(a.get_status_display()),
            approved=a.approved_amount,
            final=a.final_amount,
            paid=a.paid_total,
            counterpart=a.counterpart_funds,
        )
        for a in applications
    )


@dataclass(frozen=True)
class BudgetExecutionRow:
    """Money of a year on a top-level budget line (or on support policies not tied to a line), by source:
    planned in the plan's budget, allocated, committed by approved applications, disbursed (VND)."""

    line: BudgetLine | None
    label: str
    source: str
    planned: int
    allocated: int
    committed: int
    disbursed: int

    @property
    def source_label(self) -> str:
        return str(BudgetSource(self.source).label) if self.source in BudgetSource.values else ""

    @property
    def is_state(self) -> bool:
        return self.source in STATE_SOURCES


@dataclass(frozen=True)
class BudgetExecution:
    year: int
    rows: tuple[BudgetExecutionRow, ...]
    by_source: dict[str, BudgetExecutionRow]
    total: BudgetExecutionRow


def plan_budget_execution(plan: Plan, year: int) -> BudgetExecution:
    """Planned money of ``year`` by top-level budget line and source (``plans.budget.plan_budget_summary``)
    against ``support.BudgetAllocation``: allocated, committed and disbursed. An allocation on a budget line
    counts under that line's heading from the line's state budget level; an allocation for a support policy
    of the plan (or of the province, when the policy names no plan) with no line counts as local state
    budget, under the plan's only "enterprise support" heading if it has exactly one, else on a row of its
    own. Three queries, whatever the number of lines or allocations."""
    from support.models import BudgetAllocation

    plan = Plan.objects.prefetch_related(
        Prefetch("budget_lines", queryset=BudgetLine.objects.prefetch_related("amounts"))
    ).get(pk=plan.pk)
    summary = plan_budget_summary(plan)
    lines = {line.pk: line for line in plan.budget_lines.all()}

    def heading_of(line_id: int) -> BudgetLine | None:
        line = lines.get(line_id)
        seen: set[int] = set()
        while line is not None and line.parent_id in lines and line.pk not in seen:
            seen.add(line.pk)
            line = lines[line.parent_id]
        return line

    cells: dict[tuple[int | None, str], dict[str, int]] = {}

    def add(heading_id: int | None, source: str, **amounts: int) -> None:
        cell = cells.setdefault((heading_id, source), {"planned": 0, "allocated": 0, "committed": 0, "disbursed": 0})
        for name, value in amounts.items():
            cell[name] += value

    for heading in summary.headings:
        for source, amount in heading.amounts.get(year, {}).items():
            add(heading.line.pk, source, planned=amount)
    support_headings = [h.line for h in summary.headings if h.line.category == BudgetLine.Category.ENTERPRISE_SUPPORT]
    policy_heading = support_headings[0].pk if len(support_headings) == 1 else None
    allocations = BudgetAllocation.objects.filter(
        Q(budget_line__plan=plan)
        | Q(budget_line__isnull=True, policy__plan=plan)
        | Q(budget_line__isnull=True, policy__plan__isnull=True, policy__province_id=plan.province_id),
        year=year,
    ).only("budget_line_id", "amount", "committed", "disbursed")
    for allocation in allocations:
        if allocation.budget_line_id:
            heading = heading_of(allocation.budget_line_id)
            line = lines.get(allocation.budget_line_id)
            source = line.state_source if line is not None else BudgetSource.STATE_LOCAL
            heading_id = heading.pk if heading else None
        else:
            source, heading_id = BudgetSource.STATE_LOCAL, policy_heading
        add(
            heading_id,
            source,
            allocated=allocation.amount,
            committed=allocation.committed,
            disbursed=allocation.disbursed,
        )
    order = {h.line.pk: i for i, h in enumerate(summary.headings)}
    source_order = [s.value for s in BudgetSource]
    rows = []
    for (heading_id, source), cell in sorted(
        cells.items(), key=lambda kv: (order.get(kv[0][0], len(order)), source_order.index(kv[0][1]))
    ):
        line = lines.get(heading_id) if heading_id else None
        label = str(line) if line is not None else str(_("Support policies"))
        rows.append(BudgetExecutionRow(line, label, source, **cell))

    def total_of(selected: list[BudgetExecutionRow], source: str, label: str) -> BudgetExecutionRow:
        return BudgetExecutionRow(
            None,
            label,
            source,
            planned=sum(r.planned for r in selected),
            allocated=sum(r.allocated for r in selected),
            committed=sum(r.committed for r in selected),
            disbursed=sum(r.disbursed for r in selected),
        )

    by_source = {
        source: total_of([r for r in rows if r.source == source], source, str(BudgetSource(source).label))
        for source in source_order
        if any(r.source == source for r in rows)
    }
    total = total_of(rows, "", str(_("Total")))
    return BudgetExecution(year=year, rows=tuple(rows), by_source=by_source, total=total)


def activity_year_counts(scope: Scope, years: Sequence[int]) -> dict[int, int]:
    """Activity records per year (start date), for summaries. One query."""
    rows = (
        Activity.objects.filter(scope.q("plan__province_id", date_path="start_date"), start_date__year__in=list(years))
        .annotate(year=ExtractYear("start_date"))
        .values("year")
        .annotate(n=Count("pk"))
        .order_by("year")
    )
    return {r["year"]: r["n"] for r in rows}
