"""Budget arithmetic of a plan, for the plan page and the reports.

A plan's cost estimate is a tree of :class:`~plans.models.BudgetLine` rows: headings (I, II, III) sum
the lines under them; a leaf line has an estimate and the share the state supports. The state's share of
a leaf is its estimate × rate rounded half up to the VND (:attr:`BudgetLine.state_amount`); the
enterprises' counterpart is the rest. Totals are sums of the leaves' rounded amounts, so they match the
lines shown. :class:`~plans.models.BudgetAmount` rows spread money over years and sources; they may sit on
a heading (Hậu Giang's state share per year is given per heading) or on a line.

:func:`plan_budget_summary` reads everything in two queries (none when the plan was loaded with
``prefetch_related("budget_lines__amounts")``), whatever the number of lines.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from .models import STATE_SOURCES, BudgetAmount, BudgetLine, BudgetSource, Plan

SOURCE_ORDER = [source.value for source in BudgetSource]


@dataclass(frozen=True)
class LineFigures:
    """One leaf line: estimate, support rate and the split between state and enterprises (VND)."""

    line: BudgetLine
    heading_id: int  # the top-level line it counts under (itself for a top-level leaf)
    estimate: int
    rate: Decimal | None
    state: int
    enterprise: int


@dataclass(frozen=True)
class HeadingFigures:
    """A top-level line (I, II, ...) with the totals of the leaves under it and its money by year.

    ``amounts`` is {year: {source: VND}} over the heading and every line under it.
    """

    line: BudgetLine
    estimate: int
    state: int
    enterprise: int
    leaves: tuple[LineFigures, ...]
    amounts: dict[int, dict[str, int]]

    def cell(self, year: int, source: str) -> int:
        return self.amounts.get(year, {}).get(source, 0)

    @property
    def state_by_year(self) -> dict[int, int]:
        return {year: sum(v for s, v in cells.items() if s in STATE_SOURCES) for year, cells in self.amounts.items()}

    @property
    def amounts_state_total(self) -> int:
        return sum(self.state_by_year.values())


@dataclass(frozen=True)
class Inconsistency:
    """Something in the budget that does not add up. ``code`` says what (the page words it):

    * ``incomplete_line``: a line without children lacks its estimate or its support rate;
    * ``heading_estimate_mismatch``: a heading carries its own estimate, different from its lines' sum;
    * ``state_by_year_mismatch`` / ``enterprise_by_year_mismatch``: a heading's amounts by year from the
      state (or the enterprises) do not add up to the share of its lines;
    * ``state_by_year_total_mismatch``: all state amounts by year do not add up to the plan's state total;
    * ``year_outside_plan``: money planned in a year outside the plan's period.

    ``expected`` is what the lines give, ``actual`` what was found (VND, or the year).
    """

    code: str
    line: BudgetLine | None
    expected: int | None = None
    actual: int | None = None
    year: int | None = None


@dataclass(frozen=True)
class BudgetSummary:
    """Everything the plan page and the reports show about a plan's budget, in VND."""

    estimate: int
    state: int
    enterprise: int
    headings: tuple[HeadingFigures, ...]
    leaves: tuple[LineFigures, ...]
    years: tuple[int, ...]
    sources: tuple[str, ...]
    by_year: dict[int, dict[str, int]]  # {year: {source: VND}} over all lines
    inconsistencies: tuple[Inconsistency, ...] = field(default=())

    @property
    def is_empty(self) -> bool:
        return not self.headings

    @property
    def year_totals(self) -> dict[int, int]:
        """All sources together, per year."""
        return {year: sum(self.by_year.get(year, {}).values()) for year in self.years}

    @property
    def source_totals(self) -> dict[str, int]:
        return {source: sum(self.by_year.get(y, {}).get(source, 0) for y in self.years) for source in self.sources}

    @property
    def amounts_total(self) -> int:
        return sum(self.year_totals.values())

    def cell(self, year: int, source: str) -> int:
        return self.by_year.get(year, {}).get(source, 0)


def _rows(plan: Plan) -> tuple[list[BudgetLine], list[BudgetAmount]]:
    """The plan's lines and amounts, from the prefetch cache when the caller loaded them."""
    cache = getattr(plan, "_prefetched_objects_cache", {})
    if "budget_lines" in cache:
        lines = list(plan.budget_lines.all())
        if all("amounts" in getattr(line, "_prefetched_objects_cache", {}) for line in lines):
            return lines, [amount for line in lines for amount in line.amounts.all()]
    else:
        lines = list(BudgetLine.objects.filter(plan_id=plan.pk))
    return lines, list(BudgetAmount.objects.filter(line__plan_id=plan.pk))


def _add(cells: dict[int, dict[str, int]], amount: BudgetAmount) -> None:
    year = cells.setdefault(amount.year, {})
    year[amount.source] = year.get(amount.source, 0) + amount.amount


def plan_budget_summary(plan: Plan) -> BudgetSummary:
    """Totals of ``plan``'s cost estimate (overall, per heading, per leaf line), its money per year and
    source, and what does not add up. At most two queries, whatever the number of lines."""
    lines, amounts = _rows(plan)
    lines.sort(key=lambda line: (line.position, line.pk))
    by_id = {line.pk: line for line in lines}
    children: dict[int, list[BudgetLine]] = defaultdict(list)
    for line in lines:
        if line.parent_id in by_id:
            children[line.parent_id].append(line)
    tops = [line for line in lines if line.parent_id not in by_id]

    def top_of(line: BudgetLine) -> BudgetLine:
        seen = set()
        while line.parent_id in by_id and line.pk not in seen:
            seen.add(line.pk)
            line = by_id[line.parent_id]
        return line

    amounts_by_top: dict[int, dict[int, dict[str, int]]] = defaultdict(dict)
    by_year: dict[int, dict[str, int]] = {}
    inconsistencies: list[Inconsistency] = []
    plan_years = range(plan.start_year, plan.end_year + 1)
    for amount in sorted(amounts, key=lambda a: (a.year, a.source)):
        line = by_id.get(amount.line_id)
        if line is None:
            continue
        _add(amounts_by_top[top_of(line).pk], amount)
        _add(by_year, amount)
        if amount.year not in plan_years:
            inconsistencies.append(Inconsistency("year_outside_plan", line, actual=amount.year, year=amount.year))

    def leaves_under(line: BudgetLine) -> list[BudgetLine]:
        if not children.get(line.pk):
            return [line]
        return [leaf for child in children[line.pk] for leaf in leaves_under(child)]

    headings: list[HeadingFigures] = []
    all_leaves: list[LineFigures] = []
    for top in tops:
        figures = []
        for leaf in leaves_under(top):
            if leaf.estimate is None or leaf.support_rate is None:
                inconsistencies.append(Inconsistency("incomplete_line", leaf))
            estimate = leaf.estimate or 0
            state = leaf.state_amount or 0
            figures.append(LineFigures(leaf, top.pk, estimate, leaf.support_rate, state, estimate - state))
        heading = HeadingFigures(
            line=top,
            estimate=sum(f.estimate for f in figures),
            state=sum(f.state for f in figures),
            enterprise=sum(f.enterprise for f in figures),
            leaves=tuple(figures),
            amounts=amounts_by_top.get(top.pk, {}),
        )
        headings.append(heading)
        all_leaves.extend(figures)
        inconsistencies.extend(_heading_checks(heading, children, leaves_under))

    state_total = sum(h.state for h in headings)
    state_amounts = sum(h.amounts_state_total for h in headings)
    has_state_amounts = any(s in STATE_SOURCES for cells in by_year.values() for s in cells)
    if has_state_amounts and state_amounts != state_total:
        inconsistencies.append(
            Inconsistency("state_by_year_total_mismatch", None, expected=state_total, actual=state_amounts)
        )
    sources = {source for cells in by_year.values() for source in cells}
    return BudgetSummary(
        estimate=sum(h.estimate for h in headings),
        state=state_total,
        enterprise=sum(h.enterprise for h in headings),
        headings=tuple(headings),
        leaves=tuple(all_leaves),
        years=tuple(sorted(set(plan_years) | set(by_year))),
        sources=tuple(s for s in SOURCE_ORDER if s in sources),
        by_year=by_year,
        inconsistencies=tuple(inconsistencies),
    )


def _heading_checks(heading: HeadingFigures, children, leaves_under) -> list[Inconsistency]:
    found = []
    stack = [heading.line]
    while stack:  # headings at any depth under this one that carry an estimate of their own
        line = stack.pop()
        if children.get(line.pk):
            stack.extend(children[line.pk])
            own = sum(leaf.estimate or 0 for leaf in leaves_under(line))
            if line.estimate is not None and line.estimate != own:
                found.append(Inconsistency("heading_estimate_mismatch", line, expected=own, actual=line.estimate))
    state_cells = [v for cells in heading.amounts.values() for s, v in cells.items() if s in STATE_SOURCES]
    if state_cells and sum(state_cells) != heading.state:
        found.append(
            Inconsistency("state_by_year_mismatch", heading.line, expected=heading.state, actual=sum(state_cells))
        )
    enterprise_cells = [
        v for cells in heading.amounts.values() for s, v in cells.items() if s == BudgetSource.ENTERPRISE
    ]
    if enterprise_cells and sum(enterprise_cells) != heading.enterprise:
        found.append(
            Inconsistency(
                "enterprise_by_year_mismatch", heading.line, expected=heading.enterprise, actual=sum(enterprise_cells)
            )
        )
    return found
