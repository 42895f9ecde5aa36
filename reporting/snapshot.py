"""Snapshots: everything a generated document shows, as JSON, taken once by the Celery task and stored with the
version. The renderers (PDF, XLSX) read the snapshot only, never the database, so a version renders the same
forever and the national compilation can be rebuilt from what was stored.

A report snapshot is ``{"schema", "kind": "report", "taken_at", "report": {...}, "province": {...},
"plan": {...}, "figures": <reporting.figures shape>}``; a compilation snapshot is described in
:func:`compilation_snapshot`.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone

from plans.models import Plan, Province

from . import figures
from .models import GenerationStatus, NationalCompilation, Report, ReportVersion

SCHEMA = 1
MERGER_DATE = dt.date(2025, 7, 1)


def date_line(place: str, day: dt.date) -> str:
    """ "Kon Tum, ngày 25 tháng 11 năm 2023" (Decree 30/2020: a day below 10 and the months 1 and 2 take a
    leading zero: "ngày 05 tháng 02", but "tháng 11", "tháng 6")."""
    day_text = f"{day.day:02d}" if day.day < 10 else str(day.day)
    month_text = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day_text} tháng {month_text} năm {day.year}"


def date_phrase(day: dt.date) -> str:
    return date_line("", day).removeprefix(", ")


def _lines(text: str) -> list[str]:
    """Lines of a text area, without the list dashes and end punctuation staff may have typed."""
    lines = []
    for raw in (text or "").splitlines():
        line = raw.strip().lstrip("-–•+ ").rstrip(";.,").strip()
        if line:
            lines.append(line)
    return lines


def _signer_lines(text: str) -> list[str]:
    lines = []
    for line in (text or "").splitlines():
        lines += [part.strip() for part in line.split(" / ") if part.strip()]
    return lines


TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
# Vietnamese alphabetical order: a < ă < â, d < đ, e < ê, o < ô < ơ, u < ư (each after every word of the base
# letter); tones only break ties.
LETTER_MARKS = {"\u0306": "{", "\u0302": "|", "\u031b": "}"}


def vi_sort_key(text: str) -> tuple[str, str]:
    """A sort key that puts Vietnamese names in dictionary order ("Bạc Liêu" < "Bắc Giang" < "Đà Nẵng" < "Gia
    Lai"), which code points do not."""
    letters, tones = [], []
    for char in unicodedata.normalize("NFD", text.lower()):
        if char in TONE_MARKS:
            tones.append(char)
        elif char in LETTER_MARKS:
            letters.append(LETTER_MARKS[char])
        elif char == "đ":
            letters.append("d~")
        else:
            letters.append(char)
    return "".join(letters), "".join(tones)


def province_label(province: Province) -> str:
    """The name, dated when the province ended or began with the 2025 merger: "Kon Tum (đến 30/6/2025)"."""
    if province.valid_to:
        return f"{province.name} (đến {province.valid_to.day}/{province.valid_to.month}/{province.valid_to.year})"
    if province.valid_from:
        return f"{province.name} (từ {province.valid_from.day}/{province.valid_from.month}/{province.valid_from.year})"
    return province.name


def province_facts(province: Province) -> dict[str, Any]:
    return {
        "id": province.pk,
        "key": province.key,
        "name": province.name,
        "label": province_label(province),
        "title": province.title,
    }


def report_snapshot(*, report: Report, version: ReportVersion, today: dt.date | None = None) -> dict[str, Any]:
    """The snapshot of one version: the narrative as it was requested, the figures as they are now."""
    today = today or timezone.localdate()
    narrative = version.narrative
    plan = report.plan
    dated = dt.date.fromisoformat(narrative["dated"]) if narrative.get("dated") else today
    years = report.years
    place = narrative.get("place") or report.province.name
    multi_year = len(years) > 1
    agency = narrative.get("agency") or "SỞ KHOA HỌC VÀ CÔNG NGHỆ"
    agency_phrase = _agency_phrase(agency, report.province)
    plan_ref = _plan_reference(plan)
    if report.kind == Report.Kind.ANNUAL:
        intro = f"Thực hiện {plan_ref}, {agency_phrase} báo cáo kết quả thực hiện năm {report.start_year} như sau:"
        next_heading = f"Phương hướng, nhiệm vụ năm {report.end_year + 1}"
        period_phrase = f"năm {report.start_year}"
    else:
        kind_word = {"mid_term": "sơ kết", "final": "tổng kết"}.get(report.kind, "kết quả thực hiện")
        intro = (
            f"Thực hiện {plan_ref}, {agency_phrase} báo cáo {kind_word} giai đoạn {report.period} như sau:"
            if report.kind in ("mid_term", "final")
            else f"Thực hiện {plan_ref}, {agency_phrase} báo cáo kết quả thực hiện "
            + (
                f"năm {report.start_year}"
                if not multi_year
                else f"từ năm {report.start_year} đến năm {report.end_year}"
            )
            + " như sau:"
        )
        next_heading = "Phương hướng, nhiệm vụ thời gian tới"
        period_phrase = f"giai đoạn {report.period}" if multi_year else f"năm {report.start_year}"
    return {
        "schema": SCHEMA,
        "kind": "report",
        "taken_at": timezone.now().isoformat(),
        "version": version.number,
        "report": {
            "id": report.pk,
            "kind": report.kind,
            "kind_label": str(report.get_kind_display()),
            "start_year": report.start_year,
            "end_year": report.end_year,
            "period": report.period,
            "multi_year": multi_year,
            "title": narrative.get("title", ""),
            "number": narrative.get("number", ""),
            "parent_agency": narrative.get("parent_agency", ""),
            "agency": agency,
            "agency_phrase": agency_phrase,
            "place": place,
            "date": dated.isoformat(),
            "date_line": date_line(place, dated),
            "date_phrase": date_phrase(dated),
            "intro": intro,
            "closing": f"Trên đây là báo cáo {period_phrase} của {agency_phrase}./.",
            "period_phrase": period_phrase,
            "next_heading": next_heading,
            "assessment": narrative.get("assessment", ""),
            "difficulties": narrative.get("difficulties", ""),
            "recommendations": narrative.get("recommendations", ""),
            "next_year_plan": narrative.get("next_year_plan", ""),
            "recipients": _lines(narrative.get("recipients", "")),
            "signer_lines": _signer_lines(narrative.get("signer_title", "")),
            "signer_name": narrative.get("signer_name", ""),
        },
        "province": province_facts(report.province),
        "plan": {
            "id": plan.pk,
            "title": plan.title,
            "number": plan.number,
            "period": plan.period,
            "issuer": plan.issuer,
            "reference": plan_ref,
        },
        "figures": figures.report_figures(plan=plan, years=years),
    }


def _agency_phrase(agency: str, province: Province) -> str:
    """ "Sở Khoa học và Công nghệ tỉnh Kon Tum" from "SỞ KHOA HỌC VÀ CÔNG NGHỆ"."""
    words = agency.lower().split()
    keep_capital = {"khoa", "công", "giáo", "sở"}
    text = " ".join(w.capitalize() if w in keep_capital or i == 0 else w for i, w in enumerate(words))
    where = "thành phố" if province.kind == Province.Kind.CITY else "tỉnh"
    return f"{text} {where} {province.name}"


def _plan_reference(plan: Plan) -> str:
    """ "Kế hoạch số 187/KH-UBND ngày 03/12/2021 của Ủy ban nhân dân tỉnh Bạc Liêu", or the title when the plan
    has no number."""
    kind = str(plan.get_kind_display()).capitalize()
    kind = {"Plan": "Kế hoạch", "Scheme": "Đề án", "Project": "Dự án"}.get(kind, kind)
    if plan.number:
        text = f"{kind} số {plan.number}"
        if plan.issued_on:
            text += f" ngày {plan.issued_on:%d/%m/%Y}"
        if plan.issuer:
            text += f" của {plan.issuer}"
        return text
    title = plan.title[:1].lower() + plan.title[1:]
    return f"{kind} {title}" + (f" của {plan.issuer}" if plan.issuer else "")


# --- National compilation ------------------------------------------------------------------------------------------


def _current(province: Province, by_id: dict[int, Province]) -> Province:
    """Today's province a province of the time rolls up into (following successor links)."""
    seen: set[int] = set()
    while province.successor_id and province.successor_id in by_id and province.pk not in seen:
        seen.add(province.pk)
        province = by_id[province.successor_id]
    return province


def _valid_in(province: Province, start: dt.date, end: dt.date) -> bool:
    return (province.valid_from is None or province.valid_from <= end) and (
        province.valid_to is None or province.valid_to >= start
    )


def _of_the_time(province: Province, by_id: dict[int, Province], start: dt.date, end: dt.date) -> Province:
    """The province a plan's figures are shown under for a period: its own when it existed then, else the
    successor that did (a 2021-2030 plan of Bạc Liêu counts under Cà Mau from 2026)."""
    seen: set[int] = set()
    while not _valid_in(province, start, end) and province.successor_id in by_id and province.pk not in seen:
        seen.add(province.pk)
        province = by_id[province.successor_id]
    return province


def provinces_of_the_time(year: int, *, on: dt.date | None = None) -> list[Province]:
    """The provinces that existed on a day (by default 30 November of ``year``, when annual reports fall due):
    the 63 before the merger, the 34 after it."""
    day = on or dt.date(year, 11, 30)
    provinces = [p for p in Province.objects.all() if _valid_in(p, day, day)]
    return sorted(provinces, key=lambda p: vi_sort_key(p.name))


SUM_FIELDS = (
    "enterprises_supported",
    "state_support",
    "enterprise_support",
    "activities",
    "participants",
    "person_times",
    "planned",
    "committed",
    "disbursed",
    "targets",
    "targets_achieved",
    "targets_behind",
)


def _empty_row(province: Province) -> dict[str, Any]:
    return {**province_facts(province), "plans": 0, "submitted": [], **dict.fromkeys(SUM_FIELDS, 0)}


def _add(row: dict[str, Any], summary: dict[str, Any]) -> None:
    for name in SUM_FIELDS:
        row[name] += summary.get(name) or 0


def compilation_snapshot(*, compilation: NationalCompilation) -> dict[str, Any]:
    """Every province for a year or a phase, two ways.

    ``by_time``: a row per province of the time (the 63 before 1 July 2025, the 34 after; for a period across
    the merger, both: data before 1 July 2025 stays with the old province). ``rolled_up``: the same figures
    added up into today's 34 provinces through the successor links. Each row: plans counted, the report
    versions submitted for the period, and the summary figures of its plans (enterprises supported, state and
    enterprise support, activities, participants, budget planned / committed / disbursed, targets achieved and
    behind). Enterprises are counted per plan and added up, so an enterprise supported under two plans of one
    province (rare) counts twice.
    """
    years = compilation.years
    start, end = dt.date(years[0], 1, 1), dt.date(years[-1], 12, 31)
    provinces = list(Province.objects.all())
    by_id = {p.pk: p for p in provinces}
    by_time: dict[int, dict[str, Any]] = {
        p.pk: _empty_row(p)
        for p in sorted(provinces, key=lambda p: (p.name, p.valid_from or dt.date.min))
        if _valid_in(p, start, end)
    }
    current = sorted({_current(p, by_id).pk for p in provinces if p.valid_to is None}, key=lambda pk: by_id[pk].name)
    rolled: dict[int, dict[str, Any]] = {pk: _empty_row(by_id[pk]) for pk in current}
    plans = Plan.objects.filter(start_year__lte=years[-1], end_year__gte=years[0]).exclude(status=Plan.Status.DRAFT)
    plans = plans.select_related("province").prefetch_related(Prefetch("reports", queryset=Report.objects.all()))
    submitted = _submitted_versions(years)
    for plan in plans.order_by("province__name", "pk"):
        plan_years = [y for y in years if plan.start_year <= y <= plan.end_year]
        summary = figures.report_figures(plan=plan, years=plan_years)["summary"]
        time_province = _of_the_time(plan.province, by_id, start, end)
        row = by_time.setdefault(time_province.pk, _empty_row(time_province))
        today_province = _current(plan.province, by_id)
        rolled_row = rolled.setdefault(today_province.pk, _empty_row(today_province))
        for target in (row, rolled_row):
            target["plans"] += 1
            _add(target, summary)
            target["submitted"] += submitted.get(plan.pk, [])
    rows_by_time = list(by_time.values())
    rows_rolled = list(rolled.values())
    totals = {"plans": 0, **dict.fromkeys(SUM_FIELDS, 0)}
    for row in rows_by_time:
        totals["plans"] += row["plans"]
        _add(totals, row)
    return {
        "schema": SCHEMA,
        "kind": "compilation",
        "taken_at": timezone.now().isoformat(),
        "version": compilation.number,
        "compilation": {
            "id": compilation.pk,
            "kind": compilation.kind,
            "start_year": years[0],
            "end_year": years[-1],
            "period": compilation.period,
            "years": years,
            "crosses_merger": start < MERGER_DATE <= end,
            "date_line": date_line("Hà Nội", timezone.localdate()),
        },
        "by_time": rows_by_time,
        "rolled_up": rows_rolled,
        "totals": totals,
        "provinces_reporting": sum(1 for row in rows_rolled if row["submitted"]),
        "provinces_with_plans": sum(1 for row in rows_rolled if row["plans"]),
    }


def _submitted_versions(years: list[int]) -> dict[int, list[dict[str, Any]]]:
    """{plan id: [submitted versions of reports covering the period]}, one query."""
    versions = (
        ReportVersion.objects.filter(
            status=GenerationStatus.SUBMITTED,
            report__start_year__gte=years[0],
            report__end_year__lte=years[-1],
        )
        .select_related("report")
        .order_by("report__plan_id", "report__start_year", "number")
    )
    out: dict[int, list[dict[str, Any]]] = {}
    for v in versions:
        out.setdefault(v.report.plan_id, []).append(
            {
                "report": v.report_id,
                "version": v.number,
                "kind": v.report.kind,
                "period": v.report.period,
                "submitted_at": timezone.localtime(v.submitted_at).date().isoformat() if v.submitted_at else None,
            }
        )
    return out
