"""Reads for the activity, progress and indicator value pages: planned queries, none per row."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from .models import Activity, Indicator, IndicatorValue, Plan, Task, TaskProgress


def activity_queryset(plan: Plan) -> QuerySet[Activity]:
    return Activity.objects.filter(plan=plan).select_related("task").order_by("-start_date", "-id")


def activity_filter(queryset: QuerySet[Activity], *, kind: str = "", year: int | None = None) -> QuerySet[Activity]:
    if kind:
        queryset = queryset.filter(kind=kind)
    if year:
        queryset = queryset.filter(start_date__year=year)
    return queryset


def progress_tasks(tasks: QuerySet[Task], *, year: int) -> QuerySet[Task]:
    """Tasks (not group rows) with their plan, units and the progress reported for ``year`` loaded."""
    return (
        tasks.filter(is_group=False)
        .select_related("plan__province", "lead_unit", "parent")
        .prefetch_related(
            "coordinating_units",
            Prefetch(
                "progress_reports",
                queryset=TaskProgress.objects.filter(year=year).select_related("unit").order_by("unit__name", "id"),
                to_attr="year_reports",
            ),
        )
        .order_by("plan__province__name", "plan__start_year", "plan_id", "position", "id")
    )


@dataclass(frozen=True)
class ValueRow:
    """A manual indicator of the plan with what was entered per year (None where nothing was)."""

    indicator: Indicator
    cells: tuple[tuple[int, IndicatorValue | None], ...]


def indicator_value_rows(plan: Plan) -> list[ValueRow]:
    """The manual indicators the plan's targets use (and any other with values entered), by year. Two queries."""
    values = list(IndicatorValue.objects.filter(plan=plan).select_related("indicator", "entered_by"))
    used = list(Indicator.objects.filter(source=Indicator.Source.MANUAL, targets__plan=plan).distinct())
    indicators = {i.pk: i for i in used}
    for value in values:
        indicators.setdefault(value.indicator_id, value.indicator)
    by_cell = {(v.indicator_id, v.year): v for v in values}
    return [
        ValueRow(indicator, tuple((year, by_cell.get((indicator.pk, year))) for year in plan.years))
        for indicator in sorted(indicators.values(), key=lambda i: i.name)
    ]
