"""Reads for plans: the querysets pages list and show, planned so that their query count does not grow
with the number of rows. Access is applied by the caller with ``accounts.access``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import F, Prefetch, Q, QuerySet

from .models import (
    Board,
    BoardMember,
    BudgetAmount,
    BudgetLine,
    Phase,
    Plan,
    PlanLegalBasis,
    Province,
    ReportingDuty,
    Responsibility,
    Target,
    Task,
    Unit,
)
from .standing import with_standing


def plan_list_queryset() -> QuerySet[Plan]:
    """Plans with their province and their standing today (``Plan.standing``)."""
    return with_standing(Plan.objects.select_related("province__successor"))


def plan_filter(
    plans: QuerySet[Plan],
    *,
    province_id: int | None = None,
    status: str = "",
    standing: str = "",
    programme: str = "",
    year: int | None = None,
    text: str = "",
) -> QuerySet[Plan]:
    """Narrow a list of plans: by province (a merged province includes the provinces merged into it),
    recorded status, standing today (the queryset must come from :func:`plan_list_queryset`), programme, a
    year the plan covers and words of its title, number or province."""
    if province_id:
        plans = plans.filter(Q(province_id=province_id) | Q(province__successor_id=province_id))
    if status:
        plans = plans.filter(status=status)
    if standing:
        plans = plans.filter(standing_now=standing)
    if programme:
        plans = plans.filter(programme=programme)
    if year:
        plans = plans.filter(start_year__lte=year, end_year__gte=year)
    for word in text.split():
        plans = plans.filter(Q(title__icontains=word) | Q(number__icontains=word) | Q(province__name__icontains=word))
    return plans


def provinces_of(plans: QuerySet[Plan]) -> QuerySet[Province]:
    """The provinces the given plans belong to, for a filter's choices."""
    return Province.objects.filter(pk__in=plans.values("province_id")).order_by("name", "valid_from")


def unit_list_queryset() -> QuerySet[Unit]:
    return Unit.objects.select_related("province__successor")


def unit_filter(
    units: QuerySet[Unit], *, province_id: int | None = None, kind: str = "", text: str = ""
) -> QuerySet[Unit]:
    """Narrow a list of units by province, kind and words of any of their names."""
    if province_id:
        units = units.filter(province_id=province_id)
    if kind:
        units = units.filter(kind=kind)
    for word in text.split():
        units = units.filter(Q(name__icontains=word) | Q(short_name__icontains=word) | Q(aliases__icontains=word))
    return units


def provinces_of_units(units: QuerySet[Unit]) -> QuerySet[Province]:
    return Province.objects.filter(pk__in=units.values("province_id")).order_by("name", "valid_from")


def plan_detail_queryset() -> QuerySet[Plan]:
    """A plan with everything its page shows, in a fixed number of queries."""
    return with_standing(Plan.objects.select_related("province__successor")).prefetch_related(
        Prefetch("basis_links", queryset=PlanLegalBasis.objects.select_related("document")),
        "objectives",
        "phases",
        Prefetch("targets", queryset=Target.objects.select_related("indicator", "phase")),
        Prefetch(
            "tasks",
            queryset=Task.objects.select_related("lead_unit").prefetch_related(
                Prefetch("coordinating_units", queryset=Unit.objects.order_by("name"))
            ),
        ),
        Prefetch("budget_lines", queryset=BudgetLine.objects.prefetch_related("amounts")),
        Prefetch(
            "reporting_duties",
            queryset=ReportingDuty.objects.select_related("reporter").prefetch_related("recipient_units"),
        ),
        "support_lines",
        Prefetch(
            "responsibilities",
            queryset=Responsibility.objects.select_related("unit").prefetch_related(
                Prefetch(
                    "reporting_duties",
                    queryset=ReportingDuty.objects.select_related("reporter").prefetch_related("recipient_units"),
                    to_attr="duties",
                )
            ),
        ),
        Prefetch(
            "boards",
            queryset=Board.objects.select_related("unit").prefetch_related(
                Prefetch("members", queryset=BoardMember.objects.select_related("unit"))
            ),
        ),
    )


def duties_without_responsibility(plan: Plan) -> list[ReportingDuty]:
    """The plan's reporting duties that no responsibility creates (entered on their own); prefetched rows."""
    return [duty for duty in plan.reporting_duties.all() if duty.responsibility_id is None]


def units_for_plan(plan: Plan) -> QuerySet[Unit]:
    """Units a plan's tasks may name: the province's own, then the national ones."""
    return Unit.objects.filter(Q(province_id=plan.province_id) | Q(province__isnull=True)).order_by(
        F("province_id").asc(nulls_last=True), "kind", "name"
    )


def units_for_matching(plan: Plan) -> list[Unit]:
    """The province's units before the national ones, so a province's name wins over a national one."""
    units = list(units_for_plan(plan))
    return [u for u in units if u.province_id] + [u for u in units if not u.province_id]


@dataclass
class Row:
    obj: Task | BudgetLine
    depth: int  # 0 for a top-level row, 1 for a row inside a group or under a heading


def tree_rows(items: Iterable[Task | BudgetLine]) -> list[Row]:
    """Task or budget rows in reading order: each top-level row, then the rows under it (depth first)."""
    items = sorted(items, key=lambda t: (t.position, t.pk))
    known = {t.pk for t in items}
    children: dict[int | None, list] = {}
    for item in items:
        children.setdefault(item.parent_id if item.parent_id in known else None, []).append(item)
    rows: list[Row] = []

    def walk(parent_id: int | None, depth: int) -> None:
        for item in children.get(parent_id, []):
            rows.append(Row(item, depth))
            if item.pk != parent_id:
                walk(item.pk, depth + 1)

    walk(None, 0)
    return rows


@dataclass
class PhaseTargets:
    phase: Phase
    targets: list[Target] = field(default_factory=list)


def targets_by_phase(plan: Plan) -> list[PhaseTargets]:
    """Specific targets grouped by phase, phases in time order (uses the prefetched rows)."""
    groups = {phase.pk: PhaseTargets(phase) for phase in plan.phases.all()}
    for target in plan.targets.all():
        groups[target.phase_id].targets.append(target)
    return sorted(groups.values(), key=lambda g: (g.phase.start_year, g.phase.position))


@dataclass
class BudgetRow:
    line: BudgetLine
    depth: int
    figures: object | None  # budget.HeadingFigures for a top-level line, budget.LineFigures for a leaf
    is_heading: bool  # has lines under it


@dataclass
class BudgetView:
    """The budget section of the plan page: plans.budget's summary laid out as the page's tables."""

    summary: object  # plans.budget.BudgetSummary
    rows: list[BudgetRow]
    sources: list[tuple[str, str]]  # (code, label) of the columns of the table by year
    years: list[tuple[int, list[int], int]]  # (year, amount per source, total)
    source_totals: list[int]
    amounts: list[BudgetAmount]


def budget_view(plan: Plan) -> BudgetView:
    """The plan's budget lines in reading order with their figures, and its money by year and source.
    Uses the prefetched lines and amounts (plan_detail_queryset): no query."""
    from .budget import SOURCE_ORDER, plan_budget_summary
    from .models import BudgetSource

    summary = plan_budget_summary(plan)
    figures = {h.line.pk: h for h in summary.headings} | {leaf.line.pk: leaf for leaf in summary.leaves}
    parents = {line.parent_id for line in plan.budget_lines.all()}
    rows = [
        BudgetRow(row.obj, row.depth, figures.get(row.obj.pk), row.obj.pk in parents)
        for row in tree_rows(plan.budget_lines.all())
    ]
    labels = dict(BudgetSource.choices)
    years = [
        (year, [summary.cell(year, source) for source in summary.sources], summary.year_totals[year])
        for year in summary.years
        if year in summary.by_year
    ]
    # Rows of the editors' list of amounts: by line in reading order, then year and source.
    amounts = [
        amount
        for row in rows
        for amount in sorted(row.line.amounts.all(), key=lambda a: (a.year, SOURCE_ORDER.index(a.source)))
    ]
    return BudgetView(
        summary=summary,
        rows=rows,
        sources=[(source, labels[source]) for source in summary.sources],
        years=years,
        source_totals=[summary.source_totals[source] for source in summary.sources],
        amounts=amounts,
    )


def deletion_effects(child) -> list[tuple[str, int]]:
    """What deleting a part of a plan takes with it, as (name, count): a group's tasks, a heading's lines
    and amounts, a phase's targets."""
    from django.contrib.admin.utils import NestedObjects

    collector = NestedObjects(using=child._state.db or "default")
    collector.collect([child])
    counts: list[tuple[str, int]] = []
    for model, objects in collector.model_objs.items():
        others = [o for o in objects if o != child]
        if others and not model._meta.auto_created:
            counts.append((str(model._meta.verbose_name_plural), len(others)))
    return sorted(counts)


def group_rows(plan: Plan) -> QuerySet[Task]:
    """The rows of a plan's task table that may hold tasks."""
    return plan.tasks.filter(is_group=True)
