"""The figures of a report as plain JSON: the one shape that snapshots store and the renderers read.

This is a thin adapter over :mod:`reporting.progress` (targets against results, activities, support by
category, supported enterprises, budget execution), :mod:`reporting.indicators` and :mod:`reporting.charts`:
whatever their dataclasses become, the snapshot of a report keeps the shape below (``SCHEMA``), so that a
version generated years ago renders the same and old snapshots stay readable.

Shape (schema 1). Lists called ``cells`` are aligned with ``years``. VND amounts are whole integers; decimal
values (actual values of indicators, percentages) are strings of decimals ("12", "60.5"), never floats::

    {"years": [2023],
     "targets": [{"indicator", "text", "unit", "target", "phase", "per_year", "is_money",
                  "cells": [{"year", "actual", "status", "status_label", "percent"}],
                  "cumulative": "…",   # the phase value up to the end of the report (distinct counts once)
                  "cumulative_span": "2021–2023", "cumulative_percent": "70",   # its rate, labelled as such
                  "year_percent": "30",   # an annual report: the rate of the year's own result
                  "overall": {"target_min", "target_max", "actual", "percent", "status", "status_label"},
                  "sources": ["Cục Thống kê …"]}],
     "tasks": [{"number", "content", "lead", "coordinating", "timeframe", "expected_output", "is_group",
                "depth", "progress": [{"year", "scheduled", "status", "status_label", "percent", "results"}]}],
     "support": {"rows": [{"code", "name", "cells": [{"year", "enterprises", "state", "enterprise"}],
                           "total": {"enterprises", "state", "enterprise"}}],
                 "total": {"cells": [...], "total": {...}}},   # enterprises counted once over the period
     "enterprises": [{"year", "name", "tax_code", "address", "category", "title", "state", "enterprise",
                      "paid", "status_label"}],
     "activities": {"rows": [{"kind", "label", "cells": [{"year", "count", "participants", "person_times",
                                                          "cost"}], "total": {...}}], "total": {...}},
     "budget": {"lines": [{"number", "content", "is_heading", "cells": [{"year", "planned", "committed",
                           "disbursed"}], "total": {..., "rate"}}],
                "sources": [{"source", "label", "cells": [...], "total": {...}}],
                "total": {"cells": [...], "total": {...}}},
     "summary": {"enterprises_supported", "state_support", "enterprise_support", "activities", "participants",
                 "person_times", "planned", "committed", "disbursed", "targets", "targets_achieved",
                 "targets_behind"}}
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Count, Max, Sum
from django.utils import timezone

from plans.models import Plan, Task, TaskProgress

logger = logging.getLogger(__name__)
SCHEMA = 1
TENTH = Decimal("0.1")


def _dec(value) -> str | None:
    """A decimal as a JSON string without trailing zeros ("12", "60.5"); None stays None."""
    if value is None:
        return None
    value = Decimal(value)
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def _rate(part: int, whole: int) -> str | None:
    if not whole:
        return None
    return _dec((Decimal(part) * 100 / Decimal(whole)).quantize(TENTH, ROUND_HALF_UP))


def report_as_of(years: Sequence[int], today: dt.date | None = None) -> dt.date:
    """Results are evaluated to the end of the report's last year, or to today while that year runs."""
    today = today or timezone.localdate()
    return min(today, dt.date(max(years), 12, 31))


# --- Targets ---------------------------------------------------------------------------------------------------


def _evaluation(evaluation) -> dict[str, Any]:
    status = evaluation.status
    return {
        "target_min": _dec(evaluation.target_min),
        "target_max": _dec(evaluation.target_max),
        "actual": _dec(evaluation.actual),
        "percent": _dec(evaluation.percent),
        "status": str(status),
        "status_label": status.label,
    }


def _targets(plan: Plan, years: list[int], as_of: dt.date) -> list[dict[str, Any]]:
    from . import progress

    result = progress.plan_progress(plan, years=years, as_of=as_of)
    first, last = min(years), max(years)
    rows = []
    for tp in result.targets:
        if tp.phase.end_year < first or tp.phase.start_year > last:
            continue  # a target of another phase
        by_year = {e.start_year: e for e in tp.years}
        cells = []
        for year in years:
            evaluation = by_year.get(year)
            in_phase = tp.phase.start_year <= year <= tp.phase.end_year
            cells.append(
                {
                    "year": year,
                    "actual": _dec(tp.series.value(year)) if in_phase else None,
                    "status": str(evaluation.status) if evaluation else "",
                    "status_label": evaluation.status.label if evaluation else "",
                    "percent": _dec(evaluation.percent) if evaluation else None,
                }
            )
        if tp.is_per_year and len(years) == 1 and years[0] in by_year:
            overall = _evaluation(by_year[years[0]])  # an annual report judges the year
        else:
            overall = _evaluation(tp.phase_result)
        year_actual = cells[-1]["actual"] if len(years) == 1 else None
        rows.append(
            {
                "indicator": tp.indicator.name,
                "text": tp.target.text,
                "unit": tp.target.unit or tp.indicator.unit,
                "target": tp.target.value_display,
                "phase": tp.phase.period,
                "per_year": tp.is_per_year,
                "is_money": bool(tp.series.is_money),
                "cells": cells,
                "cumulative": _dec(tp.phase_result.actual),
                # the two figures an annual report prints, each with its own rate (schema 1, added keys)
                "year_percent": _dec(_year_percent(tp, year_actual)) if year_actual is not None else None,
                "cumulative_span": f"{tp.phase.start_year}–{min(tp.phase.end_year, last)}",
                "cumulative_percent": _dec(_cumulative_percent(tp)),
                "overall": overall,
                "sources": sorted({source for source in tp.sources.values() if source}),
            }
        )
    return rows


def _year_percent(tp, actual) -> Decimal | None:
    """The rate of one year's result: against the yearly target, or against the phase's target."""
    from . import progress

    return progress.percent_achieved(tp.target, Decimal(actual))


def _cumulative_percent(tp) -> Decimal | None:
    """The rate of the cumulative result since the phase began: against the phase's target, or, for a count
    set per year, against that yearly figure times the years counted (5 against "≥ 2 a year" over 3 years:
    5 ÷ 6)."""
    from . import progress

    result = tp.phase_result
    if not tp.is_per_year:
        return result.percent
    years = result.years_counted or 0
    low = tp.target.value_min
    if result.actual is None or not years or low is None or tp.target.measure != tp.target.Measure.COUNT:
        return None
    return progress.percent_achieved_of(Decimal(result.actual), low * years)


# --- Tasks -----------------------------------------------------------------------------------------------------

_STATUS_ORDER = ["delayed", "not_started", "in_progress", "done", "cancelled"]


def _merge_progress(rows: list[TaskProgress]) -> dict[str, Any] | None:
    """One cell from the progress reports of a task in a year: the Department's own report when there is one,
    else the units' reports put together (done when all are done, delayed when any is, the mean percent)."""
    if not rows:
        return None
    own = [r for r in rows if r.unit_id is None]
    if own:
        r = own[0]
        return {
            "status": r.status,
            "status_label": str(r.get_status_display()),
            "percent": r.percent_complete,
            "results": r.results,
        }
    statuses = {r.status for r in rows}
    if statuses == {"done"}:
        status = "done"
    elif statuses == {"cancelled"}:
        status = "cancelled"
    elif "delayed" in statuses:
        status = "delayed"
    elif statuses <= {"not_started"}:
        status = "not_started"
    else:
        status = "in_progress"
    percent = int((Decimal(sum(r.percent_complete for r in rows)) / len(rows)).quantize(Decimal(1), ROUND_HALF_UP))
    results = "; ".join(f"{r.unit}: {r.results}" if r.unit_id else r.results for r in rows if r.results)
    return {
        "status": status,
        "status_label": str(TaskProgress.Status(status).label),
        "percent": percent,
        "results": results,
    }


def _touching(tasks: list[Task], years: list[int]) -> list[Task]:
    """The tasks whose timeframe touches ``years`` (a task without a timeframe is kept, and so is every group
    above a task kept): a report of 2023 does not list a task of 2024-2025."""
    by_pk = {t.pk: t for t in tasks}
    parents = {t.parent_id for t in tasks}
    kept: set[int] = set()
    for task in tasks:
        undated = not task.is_annual and not task.timeframe_spans
        if any(task.active_in(y) for y in years) or (undated and task.pk not in parents):
            kept.add(task.pk)
    for pk in list(kept):
        parent = by_pk[pk].parent_id
        while parent in by_pk and parent not in kept:
            kept.add(parent)
            parent = by_pk[parent].parent_id
    return [t for t in tasks if t.pk in kept]


def _tasks(plan: Plan, years: list[int]) -> list[dict[str, Any]]:
    from plans.selectors import tree_rows

    tasks = list(Task.objects.filter(plan=plan).select_related("lead_unit", "plan"))
    progress: dict[tuple[int, int], list[TaskProgress]] = {}
    for row in TaskProgress.objects.filter(task__plan=plan, year__in=years).select_related("unit"):
        progress.setdefault((row.task_id, row.year), []).append(row)
    rows = []
    for tree_row in tree_rows(_touching(tasks, years)):
        task = tree_row.obj
        cells = []
        for year in years:
            merged = _merge_progress(progress.get((task.pk, year), []))
            cell = {"year": year, "scheduled": task.active_in(year)}
            cell.update(merged or {"status": "", "status_label": "", "percent": None, "results": ""})
            cells.append(cell)
        rows.append(
            {
                "number": task.number,
                "content": task.content,
                "lead": str(task.lead_unit) if task.lead_unit else "",
                "coordinating": task.coordinating_text,
                "timeframe": task.timeframe,
                "expected_output": task.expected_output,
                "is_group": bool(task.is_group),
                "depth": tree_row.depth,
                "progress": cells,
            }
        )
    return rows


# --- Support, enterprises, activities, budget --------------------------------------------------------------------


def _support(plan: Plan, years: list[int], scope) -> tuple[dict[str, Any], list[dict[str, Any]], int]:
    from enterprises.models import Enterprise

    from . import progress

    rows: dict[str, dict[str, Any]] = {}
    totals = []
    appendix = []
    enterprise_ids: dict[str, set[int]] = {}
    all_ids: set[int] = set()
    for index, year in enumerate(years):
        by_category = progress.plan_support_by_category(plan, year, scope=scope)
        for c in by_category.rows:
            row = rows.setdefault(
                c.code,
                {
                    "code": c.code,
                    "name": c.name,
                    "cells": [{"year": y, "enterprises": 0, "state": 0, "enterprise": 0} for y in years],
                },
            )
            row["cells"][index].update(enterprises=c.enterprises, state=c.state_amount, enterprise=c.enterprise_amount)
        t = by_category.total
        totals.append(
            {"year": year, "enterprises": t.enterprises, "state": t.state_amount, "enterprise": t.enterprise_amount}
        )
        for e in progress.supported_enterprises(plan, year, scope=scope):
            enterprise_ids.setdefault(e.category, set()).add(e.enterprise_id)
            all_ids.add(e.enterprise_id)
            appendix.append(
                {
                    "year": year,
                    "enterprise_id": e.enterprise_id,
                    "name": e.name,
                    "tax_code": e.tax_code,
                    "address": "",
                    "category": e.category,
                    "title": e.title,
                    "state": e.final if e.final is not None else (e.approved or 0),
                    "enterprise": e.counterpart,
                    "paid": e.paid,
                    "status_label": e.status,
                }
            )
    addresses = {
        pk: ", ".join(part for part in (address, commune) if part)
        for pk, address, commune in Enterprise.objects.filter(pk__in=all_ids).values_list("pk", "address", "commune")
    }
    for item in appendix:
        item["address"] = addresses.get(item.pop("enterprise_id"), "")
    support_rows = []
    for row in rows.values():
        row["total"] = {
            # An enterprise supported in two years of the period counts once.
            "enterprises": len(enterprise_ids.get(row["name"], set()))
            if len(years) > 1
            else row["cells"][0]["enterprises"],
            "state": sum(c["state"] for c in row["cells"]),
            "enterprise": sum(c["enterprise"] for c in row["cells"]),
        }
        support_rows.append(row)
    total = {
        "cells": totals,
        "total": {
            "enterprises": len(all_ids) if len(years) > 1 else (totals[0]["enterprises"] if totals else 0),
            "state": sum(c["state"] for c in totals),
            "enterprise": sum(c["enterprise"] for c in totals),
        },
    }
    return {"rows": support_rows, "total": total}, appendix, total["total"]["enterprises"]


def _activities(plan: Plan, years: list[int], scope) -> dict[str, Any]:
    from . import progress

    rows: dict[tuple[str, str], dict[str, Any]] = {}
    empty = {"count": 0, "participants": 0, "person_times": 0, "cost": 0}
    totals = []
    for index, year in enumerate(years):
        result = progress.plan_activity_totals(plan, year, scope=scope)
        for a in result.rows:
            row = rows.setdefault(
                (a.kind, a.communication_type),
                {
                    "kind": a.communication_type or a.kind,
                    "label": a.label,
                    "cells": [{"year": y, **empty} for y in years],
                },
            )
            row["cells"][index].update(
                count=a.quantity, participants=a.participants, person_times=a.person_times, cost=a.cost_total
            )
        t = result.total
        totals.append(
            {
                "year": year,
                "count": t.quantity,
                "participants": t.participants,
                "person_times": t.person_times,
                "cost": t.cost_total,
            }
        )

    def add_up(cells: list[dict[str, Any]]) -> dict[str, int]:
        return {name: sum(c[name] for c in cells) for name in empty}

    out = []
    for row in rows.values():
        row["total"] = add_up(row["cells"])
        out.append(row)
    return {"rows": out, "total": {"cells": totals, "total": add_up(totals)}}


def _budget(plan: Plan, years: list[int]) -> dict[str, Any]:
    from . import progress

    empty = {"planned": 0, "committed": 0, "disbursed": 0}
    lines: dict[str, dict[str, Any]] = {}
    sources: dict[str, dict[str, Any]] = {}
    totals = []
    for index, year in enumerate(years):
        execution = progress.plan_budget_execution(plan, year)
        for r in execution.rows:
            key = str(r.line.pk) if r.line is not None else f"label:{r.label}"
            line = lines.setdefault(
                key,
                {
                    "number": r.line.number if r.line is not None else "",
                    "content": r.line.content if r.line is not None else r.label,
                    "is_heading": r.line is not None,
                    "cells": [{"year": y, **empty} for y in years],
                },
            )
            cell = line["cells"][index]
            cell["planned"] += r.planned
            cell["committed"] += r.committed
            cell["disbursed"] += r.disbursed
        for source, r in execution.by_source.items():
            row = sources.setdefault(
                source,
                {"source": source, "label": r.source_label or r.label, "cells": [{"year": y, **empty} for y in years]},
            )
            row["cells"][index].update(planned=r.planned, committed=r.committed, disbursed=r.disbursed)
        t = execution.total
        totals.append({"year": year, "planned": t.planned, "committed": t.committed, "disbursed": t.disbursed})

    def add_up(cells: list[dict[str, Any]]) -> dict[str, Any]:
        total = {name: sum(c[name] for c in cells) for name in empty}
        total["rate"] = _rate(total["disbursed"], total["planned"])
        return total

    for row in [*lines.values(), *sources.values()]:
        row["total"] = add_up(row["cells"])
    return {
        "lines": list(lines.values()),
        "sources": list(sources.values()),
        "total": {"cells": totals, "total": add_up(totals)},
    }


def report_figures(*, plan: Plan, years: Iterable[int], as_of: dt.date | None = None) -> dict[str, Any]:
    """Every figure a report of ``plan`` over ``years`` shows, in the stable JSON shape of this module."""
    from .indicators import Scope

    years = sorted(set(years))
    as_of = as_of or report_as_of(years)
    scope = Scope.for_plan(plan)
    targets = _targets(plan, years, as_of)
    support, enterprises, supported = _support(plan, years, scope)
    activities = _activities(plan, years, scope)
    budget = _budget(plan, years)
    statuses = [t["overall"]["status"] for t in targets]
    return {
        "schema": SCHEMA,
        "years": years,
        "as_of": as_of.isoformat(),
        "targets": targets,
        "tasks": _tasks(plan, years),
        "support": support,
        "enterprises": enterprises,
        "activities": activities,
        "budget": budget,
        "summary": {
            "enterprises_supported": supported,
            "state_support": support["total"]["total"]["state"],
            "enterprise_support": support["total"]["total"]["enterprise"],
            "activities": activities["total"]["total"]["count"],
            "participants": activities["total"]["total"]["participants"],
            "person_times": activities["total"]["total"]["person_times"],
            "planned": budget["total"]["total"]["planned"],
            "committed": budget["total"]["total"]["committed"],
            "disbursed": budget["total"]["total"]["disbursed"],
            "targets": len(targets),
            "targets_achieved": statuses.count("achieved"),
            "targets_behind": statuses.count("behind"),
            "targets_not_achieved": statuses.count("not_achieved"),
        },
    }


# --- What the data looks like now: part of a request's identity ----------------------------------------------------


def data_fingerprint(*, plan: Plan | None, years: Sequence[int]) -> dict[str, Any]:
    """A cheap summary of the data a report (``plan``) or a national compilation (``plan=None``) is made from:
    counts, sums and latest change times of the rows that feed its figures. Two requests with the same
    narrative and the same fingerprint are the same request; any new or changed application, payment,
    activity, progress report, value, target, task or budget row changes it."""
    from enterprises.models import Award
    from plans.models import Activity, BudgetAmount, IndicatorValue, Target
    from support.models import Application, BudgetAllocation, Payment

    from .indicators import Scope

    first, last = min(years), max(years)
    if plan is not None:
        scope = Scope.for_plan(plan)
        province_ids = [scope.province_id, *scope.predecessor_ids]
        plans = Plan.objects.filter(pk=plan.pk)
        applications = Application.objects.filter(province_id__in=province_ids)
        activities = Activity.objects.filter(plan__province_id__in=province_ids)
        awards = Award.objects.filter(enterprise__province_id__in=province_ids)
        allocations = BudgetAllocation.objects.filter(province_id__in=province_ids)
    else:
        plans = Plan.objects.filter(start_year__lte=last, end_year__gte=first)
        applications = Application.objects.all()
        activities = Activity.objects.all()
        awards = Award.objects.all()
        allocations = BudgetAllocation.objects.all()
    applications = applications.filter(budget_year__gte=first - 1, budget_year__lte=last)

    def stamp(value) -> str | None:
        return value.isoformat() if value is not None else None

    a = applications.aggregate(n=Count("pk"), changed=Max("updated_at"), paid=Sum("paid_total"))
    p = Payment.objects.filter(application__in=applications).aggregate(n=Count("pk"), latest=Max("recorded_at"))
    act = activities.filter(start_date__year__gte=first, start_date__year__lte=last).aggregate(
        n=Count("pk"), changed=Max("updated_at")
    )
    plan_rows = plans.aggregate(n=Count("pk", distinct=True), changed=Max("updated_at"))
    targets = Target.objects.filter(plan__in=plans).aggregate(n=Count("pk"), last_id=Max("pk"))
    tasks = Task.objects.filter(plan__in=plans).aggregate(n=Count("pk"), last_id=Max("pk"))
    progress_rows = TaskProgress.objects.filter(task__plan__in=plans, year__gte=first, year__lte=last).aggregate(
        n=Count("pk"), latest=Max("reported_at"), percent=Sum("percent_complete")
    )
    values = IndicatorValue.objects.filter(plan__in=plans, year__gte=first - 1, year__lte=last).aggregate(
        n=Count("pk"), latest=Max("entered_at"), total=Sum("value")
    )
    amounts = BudgetAmount.objects.filter(line__plan__in=plans, year__gte=first, year__lte=last).aggregate(
        n=Count("pk"), total=Sum("amount")
    )
    allocation = allocations.filter(year__gte=first, year__lte=last).aggregate(
        n=Count("pk"), amount=Sum("amount"), committed=Sum("committed"), disbursed=Sum("disbursed")
    )
    award = awards.filter(year__gte=first, year__lte=last).aggregate(n=Count("pk"), last_id=Max("pk"))
    return {
        "applications": [a["n"], stamp(a["changed"]), a["paid"]],
        "payments": [p["n"], stamp(p["latest"])],
        "activities": [act["n"], stamp(act["changed"])],
        "plans": [plan_rows["n"], stamp(plan_rows["changed"])],
        "targets": [targets["n"], targets["last_id"]],
        "tasks": [tasks["n"], tasks["last_id"]],
        "progress": [progress_rows["n"], stamp(progress_rows["latest"]), progress_rows["percent"]],
        "values": [values["n"], stamp(values["latest"]), _dec(values["total"])],
        "budget": [amounts["n"], amounts["total"]],
        "allocations": [allocation["n"], allocation["amount"], allocation["committed"], allocation["disbursed"]],
        "awards": [award["n"], award["last_id"]],
    }


# --- Charts ----------------------------------------------------------------------------------------------------


def report_charts(snapshot: dict[str, Any]) -> dict[str, str]:
    """Server-side SVG charts of a report (WeasyPrint runs no JavaScript), from its snapshot alone, drawn by
    :mod:`reporting.charts`: enterprises supported (by support content for a year, by year for a period) and,
    for a period, the money disbursed by year."""
    from . import charts

    f = snapshot["figures"]
    years = f["years"]
    out: dict[str, str] = {}
    rows = f["support"]["rows"]
    if len(years) == 1 and rows:
        out["support"] = charts.bar_chart(
            [(str(n), row["total"]["enterprises"]) for n, row in enumerate(rows, start=1)],
            title="Số doanh nghiệp được hỗ trợ theo nội dung (số thứ tự như bảng trên)",
            width=560,
        )
    elif len(years) > 1:
        out["support"] = charts.bar_chart(
            [(str(c["year"]), c["enterprises"]) for c in f["support"]["total"]["cells"]],
            title="Số doanh nghiệp được hỗ trợ theo năm",
            width=560,
        )
        cells = f["budget"]["total"]["cells"]
        if any(c["planned"] or c["disbursed"] for c in cells):
            out["budget"] = charts.bar_chart(
                [(str(c["year"]), Decimal(c["disbursed"]) / 1_000_000) for c in cells],
                title="Kinh phí đã giải ngân theo năm (triệu đồng)",
                width=560,
            )
    return {name: str(svg) for name, svg in out.items()}


def compilation_charts(snapshot: dict[str, Any]) -> dict[str, str]:
    """The provinces that supported the most enterprises (today's provinces), as a bar chart."""
    from . import charts

    rows = sorted(snapshot["rolled_up"], key=lambda r: (-r["enterprises_supported"], r["name"]))
    rows = [r for r in rows if r["enterprises_supported"]][:15]
    if not rows:
        return {}
    svg = charts.bar_chart(
        [(r["name"][:12], r["enterprises_supported"]) for r in rows],
        title="Số doanh nghiệp được hỗ trợ: 15 tỉnh, thành phố cao nhất",
        width=900,
        height=240,
    )
    return {"provinces": str(svg)}
