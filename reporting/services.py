"""Writes for reports: creating and editing a report, requesting, generating, retrying and submitting its
versions, reminders before a report falls due, and the Ministry's national compilations.

Generation runs in Celery (``reporting.tasks``), queued with ``transaction.on_commit``:

* :func:`report_version_request` makes a *queued* version holding the narrative as it was asked for, unless the
  same request (same narrative, parameters and data, hashed into ``request_key``) is already queued, generating,
  ready or submitted: then that version is returned. The report row is locked while the request is made and a
  partial unique constraint on (report, request_key) makes it hold under a race.
* :func:`report_version_generate` (the task's body, safe to run twice) snapshots the figures, renders the PDF
  and the XLSX, stores both with their SHA-256 and marks the version *ready*. Any error marks it *failed* with a
  translated message (the traceback goes to the log); nothing else changes.
* :func:`report_version_retry` tries a failed version again: the **same version** goes back to *queued* with its
  ``attempts`` counted up (its number, narrative and request stay; the figures are taken afresh). If an identical
  request has meanwhile produced a live version, that one is returned instead.
* A version left queued or generating for more than ``STALE_AFTER`` (its worker died, the queue was purged) is
  marked failed by the next request, so that it can be tried again.
* A ready version changes only to be submitted (:func:`report_version_submit`); a submitted version never
  changes. Every service here refuses to touch one.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
import logging
import uuid
from functools import partial
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, models, transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts import access
from accounts.audit import audit_record, diff, snapshot
from accounts.models import AuditEntry, Membership, Role
from accounts.services import notification_create
from plans.models import Phase, Plan, Province, ReportingDuty

from . import figures
from .models import (
    LIVE_STATUSES,
    NARRATIVE_FIELDS,
    PENDING_STATUSES,
    GenerationStatus,
    NationalCompilation,
    Report,
    ReportReminder,
    ReportVersion,
)

logger = logging.getLogger(__name__)
Action = AuditEntry.Action
DEFAULT_DUE = (11, 30)  # "trước ngày 30 tháng 11 hàng năm"
REMINDER_DAYS = (14, 7, 1)
STALE_AFTER = dt.timedelta(minutes=30)  # a generation takes seconds; after this its worker is gone
PROGRAMME_PHRASE = "Chương trình hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa"
EDITABLE_FIELDS = (*NARRATIVE_FIELDS, "due_date")


# --- Helpers ------------------------------------------------------------------------------------------------


def _locked(by, permission: str, obj: models.Model) -> Any:
    """Check access to ``obj`` (404 / 403) and return it re-read under a row lock."""
    model = type(obj)
    access.get_object_or_404(by, permission, model._default_manager.all(), pk=obj.pk)
    return model._default_manager.select_for_update().get(pk=obj.pk)


def _hash(payload: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _date(year: int, month: int, day: int | None) -> dt.date:
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day or last, last))


# --- Due dates and defaults ------------------------------------------------------------------------------------


def report_due_date(*, plan: Plan, kind: str, start_year: int, end_year: int) -> dt.date | None:
    """When a report falls due.

    Annual: the plan's annual reporting duty (the latest of the year when it names several months, as Hậu
    Giang's May and December; the month's last day when it names no day), else 30 November of the year.
    Mid-term and final reviews: a duty of that kind (or "five-year") for the review's last year, else 30
    November of that year. Ad hoc reports have no fixed due date.
    """
    duties = [d for d in plan.reporting_duties.all() if d.level == ReportingDuty.Level.PROVINCE]
    if kind == Report.Kind.ANNUAL:
        dates = [_date(start_year, d.due_month, d.due_day) for d in duties if d.kind == "annual" and d.due_month]
        return max(dates) if dates else _date(start_year, *DEFAULT_DUE)
    if kind in (Report.Kind.MID_TERM, Report.Kind.FINAL):
        kinds = {kind, ReportingDuty.Kind.FIVE_YEAR}
        dates = [
            _date(end_year, d.due_month, d.due_day)
            for d in duties
            if d.kind in kinds and d.due_month and d.year in (None, end_year)
        ]
        return max(dates) if dates else _date(end_year, *DEFAULT_DUE)
    return None


def report_defaults(*, plan: Plan, kind: str, start_year: int, end_year: int) -> dict[str, Any]:
    """What a new report starts with: the document's heading, title, recipients and signature block. The
    text is the document's own (Vietnamese), not interface text."""
    province = plan.province
    period = str(start_year) if start_year == end_year else f"{start_year}-{end_year}"
    titles = {
        Report.Kind.ANNUAL: f"Tình hình thực hiện {PROGRAMME_PHRASE} năm {start_year}",
        Report.Kind.MID_TERM: f"Sơ kết giai đoạn {period} thực hiện {PROGRAMME_PHRASE}",
        Report.Kind.FINAL: f"Tổng kết giai đoạn {period} thực hiện {PROGRAMME_PHRASE}",
        Report.Kind.AD_HOC: f"Tình hình thực hiện {PROGRAMME_PHRASE} "
        + (f"năm {start_year}" if start_year == end_year else f"từ năm {start_year} đến năm {end_year}"),
    }
    prefix = "THÀNH PHỐ" if province.kind == Province.Kind.CITY else "TỈNH"
    recipients: list[str] = []
    for duty in plan.reporting_duties.all():
        if duty.level != ReportingDuty.Level.PROVINCE:  # bodies' reports to the Department
            continue
        for name in duty.recipients.replace(";", ",").split(","):
            if name.strip() and name.strip() not in recipients:
                recipients.append(name.strip())
    if not recipients:
        recipients = ["Bộ Khoa học và Công nghệ", "Ủy ban nhân dân tỉnh"]
    recipients.append("Lưu: VT")
    return {
        "title": titles[kind],
        "number": "",
        "parent_agency": f"UBND {prefix} {province.name.upper()}",
        "agency": "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
        "place": province.name,
        "recipients": "\n".join(recipients),
        "signer_title": "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
        "due_date": report_due_date(plan=plan, kind=kind, start_year=start_year, end_year=end_year),
    }


def report_period_check(*, plan: Plan, kind: str, start_year: int | None, end_year: int | None) -> tuple[int, int]:
    """The period a report of ``kind`` covers, checked against the plan; raises ValidationError."""
    if kind not in Report.Kind.values:
        raise ValidationError({"kind": _("Choose the kind of report.")})
    if start_year is None:
        raise ValidationError({"start_year": _("Enter the year the report starts with.")})
    if kind == Report.Kind.ANNUAL:
        end_year = start_year
    elif kind == Report.Kind.FINAL:
        start_year, end_year = plan.start_year, plan.end_year
    elif end_year is None:
        raise ValidationError({"end_year": _("Enter the year the report ends with.")})
    if end_year < start_year:
        raise ValidationError({"end_year": _("The period cannot end before it starts.")})
    if start_year < plan.start_year or end_year > plan.end_year:
        raise ValidationError(
            {
                "start_year": _("The plan runs from %(start)s to %(end)s: the report must stay within it.")
                % {"start": plan.start_year, "end": plan.end_year}
            }
        )
    if (
        kind == Report.Kind.MID_TERM
        and not Phase.objects.filter(plan=plan, start_year=start_year, end_year=end_year).exists()
    ):
        raise ValidationError({"start_year": _("A mid-term review covers one of the plan's phases.")})
    return start_year, end_year


# --- Reports ---------------------------------------------------------------------------------------------------


def _clean_data(data: dict[str, Any]) -> dict[str, Any]:
    values = {name: value for name, value in data.items() if name in EDITABLE_FIELDS}
    for name, value in values.items():
        if isinstance(value, str):
            values[name] = value.strip().replace("\r\n", "\n")
    if "title" in values and not values["title"]:
        raise ValidationError({"title": _("Enter the title of the report.")})
    return values


@transaction.atomic
def report_create(
    *, by, plan: Plan, kind: str, start_year: int, end_year: int | None = None, data: dict[str, Any] | None = None
) -> Report:
    """A new report of a plan, starting from the defaults (heading, title, recipients, due date)."""
    if not access.can_in_province(by, "report.change", plan.province_id):
        raise PermissionDenied(_("You may not prepare reports for this province."))
    start_year, end_year = report_period_check(plan=plan, kind=kind, start_year=start_year, end_year=end_year)
    if (
        kind != Report.Kind.AD_HOC
        and Report.objects.filter(plan=plan, kind=kind, start_year=start_year, end_year=end_year).exists()
    ):
        raise ValidationError(_("This report already exists: open it from the list."))
    values = report_defaults(plan=plan, kind=kind, start_year=start_year, end_year=end_year)
    values.update(_clean_data(data or {}))
    report = Report.objects.create(
        province=plan.province, plan=plan, kind=kind, start_year=start_year, end_year=end_year, created_by=by, **values
    )
    audit_record(
        actor=by, action=Action.CREATE, instance=report, changes=snapshot(report), province_id=report.province_id
    )
    return report


@transaction.atomic
def report_update(*, report: Report, by, data: dict[str, Any]) -> Report:
    """Change the narrative, heading, recipients or signer. Versions already made keep what they were made
    with: a submitted version never changes."""
    report = _locked(by, "report.change", report)
    before = snapshot(report)
    for name, value in _clean_data(data).items():
        setattr(report, name, value)
    report.save()
    changes = diff(before, snapshot(report))
    changes.pop("updated_at", None)
    if changes:
        audit_record(actor=by, action=Action.UPDATE, instance=report, changes=changes, province_id=report.province_id)
    return report


def annual_report_ensure(*, plan: Plan, year: int) -> Report:
    """The annual report a plan owes for ``year``, created as a draft when nobody has started it yet (the
    reminders need a row to hang on)."""
    report = Report.objects.filter(plan=plan, kind=Report.Kind.ANNUAL, start_year=year).first()
    if report is not None:
        return report
    values = report_defaults(plan=plan, kind=Report.Kind.ANNUAL, start_year=year, end_year=year)
    try:
        with transaction.atomic():
            report = Report.objects.create(
                province=plan.province, plan=plan, kind=Report.Kind.ANNUAL, start_year=year, end_year=year, **values
            )
            audit_record(
                actor=None,
                action=Action.CREATE,
                instance=report,
                changes=snapshot(report),
                province_id=report.province_id,
                comment="Tạo tự động khi báo cáo năm sắp đến hạn.",
            )
    except IntegrityError:  # created meanwhile by someone else
        report = Report.objects.get(plan=plan, kind=Report.Kind.ANNUAL, start_year=year)
    return report


# --- Versions --------------------------------------------------------------------------------------------------


def request_key(*, report: Report, narrative: dict[str, Any], fingerprint: dict[str, Any]) -> str:
    """The identity of a request: the report's parameters, the narrative and the state of the data."""
    return _hash(
        {
            "report": report.pk,
            "plan": report.plan_id,
            "kind": report.kind,
            "period": [report.start_year, report.end_year],
            "narrative": narrative,
            "data": fingerprint,
        }
    )


def _enqueue_version(version_id: int, task_id: str) -> None:
    from .tasks import generate_report_version

    generate_report_version.apply_async(args=[version_id], task_id=task_id)


@transaction.atomic
def report_version_request(*, report: Report, by) -> ReportVersion:
    """Ask for the report to be generated. Returns the new queued version, or the existing one when the very
    same request (narrative, parameters, data) is already queued, generating, ready or submitted."""
    report = _locked(by, "report.change", report)  # serialises requests for this report
    _expire_stale(report.versions.all())
    narrative = report.narrative
    fingerprint = figures.data_fingerprint(plan=report.plan, years=report.years)
    key = request_key(report=report, narrative=narrative, fingerprint=fingerprint)
    existing = report.versions.filter(request_key=key, status__in=LIVE_STATUSES).first()
    if existing is not None:
        return existing
    number = (report.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    task_id = uuid.uuid4().hex
    try:
        with transaction.atomic():
            version = ReportVersion.objects.create(
                report=report,
                number=number,
                request_key=key,
                narrative=narrative,
                data_fingerprint=fingerprint,
                task_id=task_id,
                requested_by=by,
            )
    except IntegrityError:
        # The same request won a race (the unique constraint on live request keys): use its version.
        existing = report.versions.filter(request_key=key, status__in=LIVE_STATUSES).first()
        if existing is None:
            raise
        return existing
    audit_record(
        actor=by,
        action=Action.CREATE,
        instance=version,
        changes={"number": version.number, "status": version.status},
        province_id=report.province_id,
        comment=_("Generation requested."),
    )
    transaction.on_commit(lambda: _enqueue_version(version.pk, task_id))
    return version


def _expire_stale(versions) -> int:
    """Versions queued or generating for longer than ``STALE_AFTER`` lost their worker (a crash, a purge of the
    queue): mark them failed so that they can be tried again, and a new identical request is not held back."""
    stale = versions.filter(status__in=PENDING_STATUSES, requested_at__lt=timezone.now() - STALE_AFTER)
    count = 0
    for pending in stale:
        with translation.override("vi"):
            message = _("The generation was interrupted: no result after %(minutes)s minutes. Try again.") % {
                "minutes": int(STALE_AFTER.total_seconds() // 60)
            }
        count += stale.model.objects.filter(pk=pending.pk, status__in=PENDING_STATUSES).update(
            status=GenerationStatus.FAILED, error=message
        )
    return count


def _failure_message(stage: str, exc: Exception) -> str:
    reasons = {
        "figures": _("The figures of the report could not be gathered"),
        "pdf": _("The PDF file could not be produced"),
        "xlsx": _("The Excel file could not be produced"),
        "storage": _("The files could not be stored"),
    }
    detail = str(exc).strip() or type(exc).__name__
    return _(
        "%(reason)s (%(detail)s). Nothing was lost: the narrative and the earlier versions are unchanged. Try again."
    ) % {
        "reason": reasons[stage],
        "detail": detail[:300],
    }


def _produce(stage_fns: list[tuple[str, Any]]) -> tuple[dict[str, Any], str | None, Exception | None]:
    """Run the stages in order; return their results, and the stage and error that stopped them."""
    results: dict[str, Any] = {}
    for stage, fn in stage_fns:
        try:
            results[stage] = fn(results)
        except Exception as exc:
            logger.exception("Generation failed at stage %s", stage)
            return results, stage, exc
    return results, None, None


def report_version_generate(*, version_id: int) -> ReportVersion | None:
    """The task's body: snapshot, render, store, mark ready. Safe to run twice: a version that is not queued or
    generating (done, failed, submitted) is left as it is."""
    from . import render_pdf, render_xlsx
    from . import snapshot as snapshots

    with transaction.atomic():
        version = ReportVersion.objects.select_for_update().filter(pk=version_id).first()
        if version is None or version.status not in PENDING_STATUSES:
            return version
        version.status = GenerationStatus.GENERATING
        version.started_at = timezone.now()
        version.save(update_fields=["status", "started_at"])
    report = Report.objects.select_related("province", "plan").get(pk=version.report_id)
    with translation.override("vi"):
        results, stage, error = _produce(
            [
                ("figures", lambda r: snapshots.report_snapshot(report=report, version=version)),
                ("pdf", lambda r: render_pdf.report_pdf(r["figures"])),
                ("xlsx", lambda r: render_xlsx.report_xlsx(r["figures"])),
            ]
        )
        if error is not None:
            return _version_fail(version_id, _failure_message(stage, error))
    try:
        with transaction.atomic():
            version = ReportVersion.objects.select_for_update().get(pk=version_id)
            if version.status != GenerationStatus.GENERATING:  # another run finished it meanwhile
                return version
            version.snapshot = results["figures"]
            version.pdf.save(f"bao-cao-v{version.number}.pdf", ContentFile(results["pdf"]), save=False)
            version.pdf_sha256 = _sha256(results["pdf"])
            version.xlsx.save(f"bao-cao-v{version.number}.xlsx", ContentFile(results["xlsx"]), save=False)
            version.xlsx_sha256 = _sha256(results["xlsx"])
            version.status = GenerationStatus.READY
            version.generated_at = timezone.now()
            version.error = ""
            version.save()
            audit_record(
                actor=None,
                action=Action.TRANSITION,
                instance=version,
                changes={"status": [GenerationStatus.GENERATING, GenerationStatus.READY]},
                province_id=report.province_id,
            )
            return version
    except Exception as exc:
        logger.exception("Storing report version %s failed", version_id)
        with translation.override("vi"):
            return _version_fail(version_id, _failure_message("storage", exc))


def _version_fail(version_id: int, message: str) -> ReportVersion | None:
    with transaction.atomic():
        version = ReportVersion.objects.select_for_update().select_related("report").filter(pk=version_id).first()
        if version is None or version.status not in PENDING_STATUSES:
            return version
        version.status = GenerationStatus.FAILED
        version.error = message
        version.save(update_fields=["status", "error"])
        audit_record(
            actor=None,
            action=Action.TRANSITION,
            instance=version,
            changes={"status": [GenerationStatus.GENERATING, GenerationStatus.FAILED]},
            province_id=version.report.province_id,
            comment=message,
        )
        return version


@transaction.atomic
def report_version_retry(*, version: ReportVersion, by) -> ReportVersion:
    """Try a failed version again (the same version, one more attempt). Returns the version that will hold
    the result: this one, or a live version an identical request has made meanwhile."""
    version = _locked(by, "report.change", version)
    if version.status != GenerationStatus.FAILED:
        raise ValidationError(_("Only a version whose generation failed can be tried again."))
    clash = (
        ReportVersion.objects.filter(
            report_id=version.report_id, request_key=version.request_key, status__in=LIVE_STATUSES
        )
        .exclude(pk=version.pk)
        .first()
    )
    if clash is not None:
        return clash
    version.status = GenerationStatus.QUEUED
    version.error = ""
    version.attempts += 1
    version.started_at = None
    version.requested_at, version.requested_by = timezone.now(), by  # this attempt's request
    version.task_id = uuid.uuid4().hex
    version.save(update_fields=["status", "error", "attempts", "started_at", "requested_at", "requested_by", "task_id"])
    audit_record(
        actor=by,
        action=Action.TRANSITION,
        instance=version,
        changes={"status": [GenerationStatus.FAILED, GenerationStatus.QUEUED], "attempts": version.attempts},
        province_id=Report.objects.values_list("province_id", flat=True).get(pk=version.report_id),
        comment=_("Generation tried again."),
    )
    task_id = version.task_id
    transaction.on_commit(lambda: _enqueue_version(version.pk, task_id))
    return version


@transaction.atomic
def report_version_submit(*, version: ReportVersion, by) -> ReportVersion:
    """A province leader sends a ready version to the Ministry. From then on it never changes."""
    version = _locked(by, "report.submit", version)
    if version.status == GenerationStatus.SUBMITTED:
        raise ValidationError(_("This version has already been submitted; a submitted version never changes."))
    if version.status != GenerationStatus.READY:
        raise ValidationError(_("Only a version that is ready can be submitted."))
    version.status = GenerationStatus.SUBMITTED
    version.submitted_by = by
    version.submitted_at = timezone.now()
    version.save(update_fields=["status", "submitted_by", "submitted_at"])
    report = Report.objects.select_for_update().select_related("province").get(pk=version.report_id)
    if report.status != Report.Status.SUBMITTED:
        report.status = Report.Status.SUBMITTED
        report.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=by,
        action=Action.SUBMIT,
        instance=version,
        changes={"status": [GenerationStatus.READY, GenerationStatus.SUBMITTED]},
        province_id=report.province_id,
    )
    from django.urls import reverse

    link = reverse("reporting:ministry_matrix") + f"?year={report.start_year}"
    for user in _people(roles=[Role.MINISTRY]):
        notification_create(
            user=user,
            title=_("%(province)s submitted a report: %(report)s")
            % {"province": report.province.name, "report": report},
            link=link,
            email=False,
        )
    return version


# --- Reminders -------------------------------------------------------------------------------------------------


def reminder_offset(*, due_date: dt.date, today: dt.date, sent: set[int]) -> int | None:
    """Which reminder (14, 7 or 1 days before) is owed today, if any.

    The owed one is the nearest offset not below the days left: 14 from 14 days before, 7 from 7 days before,
    1 from the day before to the due day itself. A reminder already sent for that offset is not sent again; a
    missed earlier offset is not sent late (someone 5 days from the deadline gets the 7-day one, not two).
    """
    days_left = (due_date - today).days
    if days_left < 0:
        return None
    owed = [days for days in REMINDER_DAYS if days >= days_left]
    if not owed:
        return None
    offset = min(owed)
    return None if offset in sent else offset


def _people(*, roles: list[str], province_ids: list[int] | None = None):
    from accounts.models import User

    memberships = Membership.objects.filter(is_active=True, role__in=roles, user__is_active=True)
    if province_ids is not None:
        memberships = memberships.filter(province_id__in=province_ids)
    return User.objects.filter(pk__in=memberships.values("user_id")).order_by("pk")


def report_reminders_send(*, today: dt.date | None = None) -> int:
    """E-mail province staff 14, 7 and 1 days before an annual report falls due, while no version of it is
    submitted. Each (report, offset, due date) is reminded once: a ``ReportReminder`` row, unique, records it.
    Returns how many reminders were sent."""
    from django.urls import reverse

    today = today or timezone.localdate()
    for plan in Plan.objects.filter(
        status=Plan.Status.IN_FORCE, start_year__lte=today.year, end_year__gte=today.year
    ).prefetch_related("reporting_duties"):
        annual_report_ensure(plan=plan, year=today.year)
    horizon = today + dt.timedelta(days=max(REMINDER_DAYS))
    reports = (
        Report.objects.filter(kind=Report.Kind.ANNUAL, due_date__gte=today, due_date__lte=horizon)
        .exclude(versions__status=GenerationStatus.SUBMITTED)
        .select_related("province")
        .prefetch_related("reminders")
        .distinct()
    )
    sent = 0
    for report in reports:
        offset = reminder_offset(
            due_date=report.due_date,
            today=today,
            sent={r.days_before for r in report.reminders.all() if r.due_date == report.due_date},
        )
        if offset is None:
            continue
        with transaction.atomic():
            reminder, created = _reminder_claim(report, offset)
            if not created:
                continue
            provinces = [report.province_id] + ([report.province.successor_id] if report.province.successor_id else [])
            people = list(_people(roles=[Role.PROVINCE_STAFF], province_ids=provinces))
            days_left = (report.due_date - today).days
            for user in people:
                notification_create(
                    user=user,
                    title=_("The %(report)s is due on %(date)s")
                    % {"report": report, "date": report.due_date.strftime("%d/%m/%Y")},
                    body=_(
                        "%(days)s day(s) left and no version has been submitted to the Ministry yet. Fill in the "
                        "narrative, generate the report and ask a leader to submit it."
                    )
                    % {"days": days_left},
                    link=reverse("reporting:report_detail", args=[report.pk]),
                )
            reminder.recipients = len(people)
            reminder.save(update_fields=["recipients"])
            sent += 1
    return sent


def _reminder_claim(report: Report, offset: int) -> tuple[ReportReminder, bool]:
    """Insert the reminder row first: whoever inserts it sends the e-mails (the unique constraint settles a
    race between two beat runs)."""
    try:
        with transaction.atomic():
            return ReportReminder.objects.create(report=report, days_before=offset, due_date=report.due_date), True
    except IntegrityError:
        return ReportReminder.objects.get(report=report, days_before=offset, due_date=report.due_date), False


# --- National compilations ---------------------------------------------------------------------------------------


def compilation_period_check(*, kind: str, start_year: int | None, end_year: int | None) -> tuple[int, int]:
    if kind not in NationalCompilation.Kind.values:
        raise ValidationError({"kind": _("Choose one year or a phase.")})
    if start_year is None:
        raise ValidationError({"start_year": _("Enter the year the compilation starts with.")})
    if kind == NationalCompilation.Kind.YEAR:
        end_year = start_year
    if end_year is None:
        raise ValidationError({"end_year": _("Enter the year the compilation ends with.")})
    if end_year < start_year:
        raise ValidationError({"end_year": _("The period cannot end before it starts.")})
    if end_year - start_year > 9:
        raise ValidationError({"end_year": _("A phase covers at most ten years.")})
    return start_year, end_year


def _enqueue_compilation(compilation_id: int, task_id: str) -> None:
    from .tasks import generate_compilation

    generate_compilation.apply_async(args=[compilation_id], task_id=task_id)


@transaction.atomic
def compilation_request(*, by, kind: str, start_year: int, end_year: int | None = None) -> NationalCompilation:
    """Ask for a national compilation of a year or a phase. The same request on unchanged data returns the
    compilation already queued, generating or ready."""
    if not access.can(by, "compilation.generate"):
        raise PermissionDenied(_("Only the Ministry compiles the provinces' reports."))
    start_year, end_year = compilation_period_check(kind=kind, start_year=start_year, end_year=end_year)
    _expire_stale(NationalCompilation.objects.filter(start_year=start_year, end_year=end_year))
    years = list(range(start_year, end_year + 1))
    fingerprint = figures.data_fingerprint(plan=None, years=years)
    key = _hash({"compilation": kind, "period": [start_year, end_year], "data": fingerprint})
    for _attempt in range(3):
        existing = NationalCompilation.objects.filter(request_key=key, status__in=LIVE_STATUSES).first()
        if existing is not None:
            return existing
        number = (
            NationalCompilation.objects.filter(start_year=start_year, end_year=end_year).aggregate(n=Max("number"))["n"]
            or 0
        ) + 1
        task_id = uuid.uuid4().hex
        try:
            with transaction.atomic():
                compilation = NationalCompilation.objects.create(
                    kind=kind,
                    start_year=start_year,
                    end_year=end_year,
                    number=number,
                    request_key=key,
                    data_fingerprint=fingerprint,
                    task_id=task_id,
                    requested_by=by,
                )
        except IntegrityError:
            continue  # a concurrent request took the key or the number: look again
        audit_record(
            actor=by,
            action=Action.CREATE,
            instance=compilation,
            changes={"number": number, "period": compilation.period},
            comment=_("Generation requested."),
        )
        transaction.on_commit(partial(_enqueue_compilation, compilation.pk, task_id))
        return compilation
    raise ValidationError(_("The compilation could not be requested; try again."))


def compilation_generate(*, compilation_id: int) -> NationalCompilation | None:
    """The task's body for a compilation: safe to run twice, like :func:`report_version_generate`."""
    from . import render_pdf, render_xlsx
    from . import snapshot as snapshots

    with transaction.atomic():
        compilation = NationalCompilation.objects.select_for_update().filter(pk=compilation_id).first()
        if compilation is None or compilation.status not in PENDING_STATUSES:
            return compilation
        compilation.status = GenerationStatus.GENERATING
        compilation.started_at = timezone.now()
        compilation.save(update_fields=["status", "started_at"])
    with translation.override("vi"):
        results, stage, error = _produce(
            [
                ("figures", lambda r: snapshots.compilation_snapshot(compilation=compilation)),
                ("pdf", lambda r: render_pdf.compilation_pdf(r["figures"])),
                ("xlsx", lambda r: render_xlsx.compilation_xlsx(r["figures"])),
            ]
        )
        if error is not None:
            return _compilation_fail(compilation_id, _failure_message(stage, error))
    try:
        with transaction.atomic():
            compilation = NationalCompilation.objects.select_for_update().get(pk=compilation_id)
            if compilation.status != GenerationStatus.GENERATING:
                return compilation
            compilation.snapshot = results["figures"]
            name = f"tong-hop-{compilation.period}-v{compilation.number}"
            compilation.pdf.save(f"{name}.pdf", ContentFile(results["pdf"]), save=False)
            compilation.pdf_sha256 = _sha256(results["pdf"])
            compilation.xlsx.save(f"{name}.xlsx", ContentFile(results["xlsx"]), save=False)
            compilation.xlsx_sha256 = _sha256(results["xlsx"])
            compilation.status = GenerationStatus.READY
            compilation.generated_at = timezone.now()
            compilation.save()
            audit_record(
                actor=None,
                action=Action.TRANSITION,
                instance=compilation,
                changes={"status": [GenerationStatus.GENERATING, GenerationStatus.READY]},
            )
            return compilation
    except Exception as exc:
        logger.exception("Storing compilation %s failed", compilation_id)
        with translation.override("vi"):
            return _compilation_fail(compilation_id, _failure_message("storage", exc))


def _compilation_fail(compilation_id: int, message: str) -> NationalCompilation | None:
    with transaction.atomic():
        compilation = NationalCompilation.objects.select_for_update().filter(pk=compilation_id).first()
        if compilation is None or compilation.status not in PENDING_STATUSES:
            return compilation
        compilation.status = GenerationStatus.FAILED
        compilation.error = message
        compilation.save(update_fields=["status", "error"])
        audit_record(
            actor=None,
            action=Action.TRANSITION,
            instance=compilation,
            changes={"status": [GenerationStatus.GENERATING, GenerationStatus.FAILED]},
            comment=message,
        )
        return compilation


@transaction.atomic
def compilation_retry(*, compilation: NationalCompilation, by) -> NationalCompilation:
    """Try a failed compilation again (the same row, one more attempt)."""
    if not access.can(by, "compilation.generate"):
        raise PermissionDenied(_("Only the Ministry compiles the provinces' reports."))
    compilation = NationalCompilation.objects.select_for_update().get(pk=compilation.pk)
    if compilation.status != GenerationStatus.FAILED:
        raise ValidationError(_("Only a compilation whose generation failed can be tried again."))
    clash = (
        NationalCompilation.objects.filter(request_key=compilation.request_key, status__in=LIVE_STATUSES)
        .exclude(pk=compilation.pk)
        .first()
    )
    if clash is not None:
        return clash
    compilation.status = GenerationStatus.QUEUED
    compilation.error = ""
    compilation.attempts += 1
    compilation.started_at = None
    compilation.requested_at, compilation.requested_by = timezone.now(), by
    compilation.task_id = uuid.uuid4().hex
    compilation.save(
        update_fields=["status", "error", "attempts", "started_at", "requested_at", "requested_by", "task_id"]
    )
    audit_record(
        actor=by,
        action=Action.TRANSITION,
        instance=compilation,
        changes={"status": [GenerationStatus.FAILED, GenerationStatus.QUEUED], "attempts": compilation.attempts},
        comment=_("Generation tried again."),
    )
    task_id = compilation.task_id
    transaction.on_commit(lambda: _enqueue_compilation(compilation.pk, task_id))
    return compilation
