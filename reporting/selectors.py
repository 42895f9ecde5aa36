"""Reads for reports: lists and pages scoped through ``accounts.access``, downloads, the Ministry's submission
matrix. Every list is read in a fixed number of queries, whatever the number of rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.http import Http404

from accounts import access
from plans.models import Plan, Province

from .models import GenerationStatus, NationalCompilation, Report, ReportVersion
from .snapshot import provinces_of_the_time, vi_sort_key


def _latest(field_name: str, **filters) -> Subquery:
    versions = ReportVersion.objects.filter(report=OuterRef("pk"), **filters).order_by("-number")
    return Subquery(versions.values(field_name)[:1])


def report_list_queryset() -> QuerySet[Report]:
    """Reports with their plan and province, and, for each, its latest version's number and status and how
    many versions were submitted: no query per row."""
    return (
        Report.objects.select_related("province", "plan")
        .annotate(
            latest_number=_latest("number"),
            latest_status=_latest("status"),
            submitted_count=Count("versions", filter=Q(versions__status=GenerationStatus.SUBMITTED), distinct=True),
        )
        .order_by("-start_year", "province__name", "kind", "pk")
    )


def report_list(*, user, province_id: int | None = None, year: int | None = None, kind: str = "") -> QuerySet[Report]:
    reports = access.scope(user, "report.view", report_list_queryset())
    if province_id:
        reports = reports.filter(province_id=province_id)
    if year:
        reports = reports.filter(start_year__lte=year, end_year__gte=year)
    if kind:
        reports = reports.filter(kind=kind)
    return reports


def plans_for_reports(*, user) -> QuerySet[Plan]:
    """The plans the person may prepare reports for (plans of their provinces)."""
    province_ids = access.province_ids(user, "report.change")
    plans = Plan.objects.select_related("province").order_by("province__name", "-start_year", "pk")
    if province_ids is None:
        return plans
    return plans.filter(province_id__in=province_ids)


def report_detail(*, user, pk: int, permission: str = "report.view") -> Report:
    queryset = Report.objects.select_related("province", "plan", "created_by")
    return access.get_object_or_404(user, permission, queryset, pk=pk)


def report_versions(report: Report) -> list[ReportVersion]:
    return list(report.versions.select_related("requested_by", "submitted_by").defer("snapshot").order_by("-number"))


def version_detail(*, user, pk: int, permission: str) -> ReportVersion:
    """One version, for a permission of the province's people (view, change, submit): 404 when the person
    cannot see it at all."""
    return access.get_object_or_404(user, permission, ReportVersion.objects.select_related("report"), pk=pk)


# A report is read through either permission: the province's working report ("report.view": its narrative as it
# is being written, every version) or what was submitted to the Ministry ("report.view_submitted", whose condition
# in accounts.access keeps it to submitted versions). Pages and API read reports through these two only.
READ_REPORT = ("report.view", "report.view_submitted")


def reports_readable(*, user, queryset: QuerySet[Report]) -> QuerySet[Report]:
    """The reports the person may read, each with ``working``: True when they read the province's working
    report, False when they read it as submitted to the Ministry; then ``submitted_narrative`` and
    ``submitted_number`` are the latest submitted version's, which is what they are shown instead of the draft."""
    working = access.scope(user, "report.view", Report.objects.filter(pk=OuterRef("pk")))
    return access.scope_any(user, READ_REPORT, queryset).annotate(
        working=Exists(working),
        submitted_narrative=_latest("narrative", status=GenerationStatus.SUBMITTED),
        submitted_number=_latest("number", status=GenerationStatus.SUBMITTED),
    )


def versions_readable(*, user, queryset: QuerySet[ReportVersion]) -> QuerySet[ReportVersion]:
    """Versions the person may read: every version of their province's reports, submitted ones for the Ministry."""
    return access.scope_any(user, READ_REPORT, queryset)


def version_for_download(*, user, pk: int) -> ReportVersion:
    """A version the person may download: any version of their province's reports (staff, leaders), or a
    submitted version of any province (the Ministry). Anything else is not found."""
    versions = ReportVersion.objects.select_related("report__province").defer("snapshot")
    version = versions_readable(user=user, queryset=versions).filter(pk=pk).first()
    if version is None:
        raise Http404
    return version


def version_visible(*, user, pk: int) -> ReportVersion:
    """A version whose status the person may follow (its province's people, or the Ministry once submitted)."""
    return version_for_download(user=user, pk=pk)


# --- Ministry -------------------------------------------------------------------------------------------------


@dataclass
class MatrixCell:
    """A province of the time and the annual reports of the year that count for it."""

    province: Province
    reports: list[Report] = field(default_factory=list)

    @property
    def submitted(self) -> list[Report]:
        return [r for r in self.reports if r.latest_submitted_id]

    @property
    def is_submitted(self) -> bool:
        return bool(self.submitted)

    @property
    def first_submitted_at(self) -> dt.datetime | None:
        dates = [r.latest_submitted_at for r in self.submitted if r.latest_submitted_at]
        return min(dates) if dates else None


def _province_of_the_time(province: Province, by_id: dict[int, Province], day: dt.date) -> Province:
    seen: set[int] = set()
    while (
        province.valid_to is not None
        and province.valid_to < day
        and province.successor_id in by_id
        and province.pk not in seen
    ):
        seen.add(province.pk)
        province = by_id[province.successor_id]
    return province


def submission_matrix(*, year: int) -> list[MatrixCell]:
    """Which provinces have submitted their annual report for ``year``: a row per province existing on
    30 November of that year (the 63 before the 2025 merger, the 34 after). A report of a province merged
    away by then counts for its successor. Three queries."""
    day = dt.date(year, 11, 30)
    provinces = list(Province.objects.all())
    by_id = {p.pk: p for p in provinces}
    cells = {p.pk: MatrixCell(p) for p in provinces_of_the_time(year, on=day)}
    reports = (
        Report.objects.filter(kind=Report.Kind.ANNUAL, start_year=year)
        .select_related("plan", "province")
        .annotate(
            latest_submitted_id=_latest("pk", status=GenerationStatus.SUBMITTED),
            latest_submitted_number=_latest("number", status=GenerationStatus.SUBMITTED),
            latest_submitted_at=_latest("submitted_at", status=GenerationStatus.SUBMITTED),
            submitted_count=Count("versions", filter=Q(versions__status=GenerationStatus.SUBMITTED), distinct=True),
        )
        .order_by("plan__start_year", "pk")
    )
    for report in reports:
        province = _province_of_the_time(by_id[report.province_id], by_id, day)
        cell = cells.get(province.pk)
        if cell is not None:
            cell.reports.append(report)
    return sorted(cells.values(), key=lambda c: vi_sort_key(c.province.name))


def submitted_report(*, user, pk: int) -> tuple[Report, list[ReportVersion]]:
    """A report as the Ministry sees it: only its submitted versions; not found when none is submitted."""
    versions = access.scope(
        user,
        "report.view_submitted",
        ReportVersion.objects.filter(report_id=pk).select_related("submitted_by").defer("snapshot").order_by("-number"),
    )
    versions = list(versions)
    if not versions:
        raise Http404
    report = Report.objects.select_related("province", "plan").get(pk=pk)
    return report, versions


def compilation_list() -> QuerySet[NationalCompilation]:
    return NationalCompilation.objects.select_related("requested_by").defer("snapshot").order_by("-requested_at", "-pk")


def compilation_for(*, user, pk: int) -> NationalCompilation:
    return access.get_object_or_404(user, "compilation.view", NationalCompilation.objects.defer("snapshot"), pk=pk)


def application_for_documents(*, user, pk: int):
    """An application whose decision and contract the person may download: whoever may view it (its
    enterprise, the province's people, its council, the Ministry). 404 otherwise."""
    from support.models import Application

    queryset = Application.objects.select_related(
        "enterprise", "province", "rule__category", "rule__policy", "decision", "contract"
    )
    return access.get_object_or_404(user, "application.view", queryset, pk=pk)
