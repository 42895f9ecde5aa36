"""Dashboards of targets against results: per plan (every target per year and phase, a chart per computed
indicator) and per province (its plans and what was done each year). Read-only, behind ``plan.view``; a
fixed number of queries whatever the amount of data."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from accounts import access
from plans.models import Indicator, Plan, Province, Target

from . import charts
from .indicators import Aggregation, IndicatorSeries, Scope, compute
from .progress import PlanProgress, Status, TargetProgress, plans_progress, target_met

MILLION = Decimal(1_000_000)
# What the province page sums up per year (indicator codes of the national catalogue).
SUMMARY_CODES = (
    "enterprises_supported",
    "nqa_winners",
    "training_courses",
    "person_times_trained",
    "experts_certified",
    "tv_reports",
)


def _as_of(request, first: int, last: int) -> tuple[dt.date, int | None]:
    """Results as of the end of the year asked for (``?nam=2023``), or today."""
    today = timezone.localdate()
    asked = request.GET.get("nam", "")
    if asked.isdigit() and first <= int(asked) <= last:
        year = int(asked)
        return min(today, dt.date(year, 12, 31)), year
    return today, None


@dataclass(frozen=True)
class Chart:
    indicator: Indicator
    svg: SafeString


def _chart(series: IndicatorSeries, years: list[int], targets: list[TargetProgress], as_of: dt.date) -> Chart:
    indicator = series.indicator
    # A line at the target when it is a yearly figure or a level (a percentage, share or rate for the phase).
    per_year = next(
        (
            t
            for t in targets
            if t.target.value_min is not None and (t.is_per_year or t.target.measure != Target.Measure.COUNT)
        ),
        None,
    )
    target_value = per_year.target.value_min if per_year else None
    values = [series.value(y) if y <= as_of.year else None for y in years]
    if series.is_money:
        values = [None if v is None else (v / MILLION).quantize(Decimal("0.1")) for v in values]
    unit = " %" if indicator.unit.startswith("%") else ""
    points = [(str(y), v) for y, v in zip(years, values, strict=True)]
    title = f"{indicator.name} ({_('million VND') if series.is_money else indicator.unit})"
    label = _("target %(value)s") % {"value": per_year.target.value_display} if per_year else ""
    if series.aggregation == Aggregation.GROWTH or indicator.unit.startswith("%"):
        svg = charts.line_chart(points, title=title, target=target_value, target_label=label, unit=unit)
    else:
        met = [per_year is not None and target_met(per_year.target, v) for v in values]
        svg = charts.bar_chart(points, title=title, target=target_value, target_label=label, unit=unit, met=met)
    return Chart(indicator, svg)


def plan_charts(progress: PlanProgress) -> list[Chart]:
    """A chart per indicator of the plan's targets that has values: computed ones always, entered ones when
    some value is."""
    years = list(progress.plan.years)
    by_indicator: dict[int, list[TargetProgress]] = {}
    for t in progress.targets:
        by_indicator.setdefault(t.indicator.pk, []).append(t)
    result = []
    for indicator_id, targets in by_indicator.items():
        series = progress.indicators.get(indicator_id)
        if series is None or (not series.is_computed and not any(v is not None for v in series.by_year.values())):
            continue
        result.append(_chart(series, years, targets, progress.as_of))
    return result


@login_required
def plan_dashboard(request, pk: int):
    plan = access.get_object_or_404(
        request.user, "plan.view", Plan.objects.select_related("province__successor"), pk=pk
    )
    as_of, chosen = _as_of(request, plan.start_year, plan.end_year)
    progress = plans_progress([plan], as_of=as_of)[plan.pk]
    return render(
        request,
        "reporting/dashboard_plan.html",
        {
            "plan": plan,
            "progress": progress,
            "counts": [(status, progress.status_counts[status]) for status in Status],
            "charts": plan_charts(progress),
            "years": list(plan.years),
            "chosen": chosen,
        },
    )


@dataclass(frozen=True)
class PlanSummary:
    plan: Plan
    counts: list[tuple[Status, int]]
    targets: int


@login_required
def province_dashboard(request, pk: int):
    province = access.get_object_or_404(request.user, "plan.view", Province.objects.select_related("successor"), pk=pk)
    plans = list(
        access.scope(request.user, "plan.view", Plan.objects.filter(province=province))
        .select_related("province__successor")
        .order_by("-start_year", "id")
    )
    today = timezone.localdate()
    progress = plans_progress(plans, as_of=today)
    summaries = [
        PlanSummary(
            p,
            [(status, progress[p.pk].status_counts[status]) for status in Status],
            len(progress[p.pk].targets),
        )
        for p in plans
    ]
    first = min((p.start_year for p in plans), default=today.year - 4)
    last = min(max((p.end_year for p in plans), default=today.year), today.year)
    if province.valid_to is not None:  # a province merged in 2025 has no year after it
        last = min(last, province.valid_to.year)
    years = list(range(max(first, last - 9), last + 1)) if last >= first else []
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=SUMMARY_CODES)}
    ordered = [indicators[c] for c in SUMMARY_CODES if c in indicators]
    values = compute(scope=Scope.for_province(province), plan_ids=[0], indicators=ordered, years=years)
    rows = [(ind, [values[(0, ind.pk)].value(y) for y in years]) for ind in ordered]
    chart = None
    if "enterprises_supported" in indicators and years:
        series = values[(0, indicators["enterprises_supported"].pk)]
        chart = charts.bar_chart(
            [(str(y), series.value(y)) for y in years], title=indicators["enterprises_supported"].name
        )
    return render(
        request,
        "reporting/dashboard_province.html",
        {"province": province, "summaries": summaries, "years": years, "rows": rows, "chart": chart},
    )


@login_required
def dashboard_index(request):
    """The provinces whose plans the person may read; straight to the province when there is only one."""
    if not access.can(request.user, "plan.view"):
        raise PermissionDenied
    visible = access.scope(request.user, "plan.view", Plan.objects.all())
    provinces = (
        Province.objects.filter(plans__in=visible)
        .annotate(plan_count=Count("plans", distinct=True))
        .select_related("successor")
        .order_by("name", "valid_from")
    )
    page = Paginator(provinces, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    if page.paginator.count == 1:
        return redirect("dashboard:province", pk=page.object_list[0].pk)
    return render(request, "reporting/dashboard_index.html", {"page": page})
