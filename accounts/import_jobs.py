"""Import jobs: a person uploads a spreadsheet, the portal checks every row (a dry run: nothing is saved) and
shows the invalid ones; once confirmed, the rows are imported all together or not at all.

Small files are checked and imported within the request. Larger ones (more than ``IMPORT_SYNC_MAX_ROWS``
rows) go to Celery, queued with ``transaction.on_commit``; the tasks take the job's id and are safe to run
twice (each step starts only from the status it expects). The import runs in one transaction, so its progress
cannot be written to the job's row meanwhile: it is kept in the cache (Redis in production; with the embedded
in-process cache, a small file cache that the web server and the worker share) and the job's row gets the
final count with the data.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from . import access
from .audit import audit_record
from .importing import (
    FileError,
    ImportKind,
    ImportRefusedError,
    MappedTable,
    Report,
    dry_run,
    import_all,
    import_kind,
    map_columns,
    max_upload_bytes,
    read_table,
    sync_max_rows,
)
from .models import AuditEntry, ImportJob, User

logger = logging.getLogger(__name__)

Status = ImportJob.Status


# --- Reads -----------------------------------------------------------------------------------------------------


def job_queryset(user) -> QuerySet[ImportJob]:
    """The import jobs the person may see: those of their province(s)."""
    return access.scope(user, "import.view", ImportJob.objects.select_related("created_by", "confirmed_by"))


# --- Progress ----------------------------------------------------------------------------------------------------


def _progress_cache():
    from django.core.cache import cache
    from django.core.cache.backends.locmem import LocMemCache

    if not isinstance(cache, LocMemCache):
        return cache
    from django.core.cache.backends.filebased import FileBasedCache

    return FileBasedCache(os.path.join(settings.MEDIA_ROOT, "private", "import-progress"), {"TIMEOUT": 86_400})


def _progress_key(job_id: int) -> str:
    return f"nscl:import-progress:{job_id}"


def _progress_writer(job: ImportJob, phase: str) -> Callable[[int], None]:
    cache = _progress_cache()
    key = _progress_key(job.pk)
    cache.set(key, {"phase": phase, "done": 0}, 86_400)

    def write(done: int) -> None:
        cache.set(key, {"phase": phase, "done": min(done, job.rows_total)}, 86_400)

    return write


def import_job_progress(job: ImportJob) -> dict[str, Any]:
    """{status, done, total, percent, running} for the job's page (polled while a task runs)."""
    done = job.rows_done
    if job.is_running:
        cached = _progress_cache().get(_progress_key(job.pk))
        same_phase = bool(cached) and cached.get("phase") == job.status
        done = max(done, int(cached.get("done") or 0)) if same_phase else 0
    total = job.rows_total
    return {
        "status": job.status,
        "status_label": str(job.get_status_display()),
        "done": done,
        "total": total,
        "percent": 100 if not total else min(100, done * 100 // total),
        "running": job.is_running,
    }


# --- Upload -----------------------------------------------------------------------------------------------------


def _job_province_id(user) -> int | None:
    """The province a job is filed under (its staff see it): the person's current province, if any."""
    from plans.models import Province

    ids = access.province_ids(user, "import.view")
    if not ids:
        return None
    current = Province.objects.filter(pk__in=ids, valid_to__isnull=True).order_by("pk").values_list("pk", flat=True)
    return current.first() or min(ids)


def _kind_for(user, key: str) -> ImportKind:
    try:
        kind = import_kind(key)
    except LookupError as exc:
        raise ValueError(f"unknown import kind {key!r}") from exc
    if not (access.can(user, "import.view") and access.can(user, kind.permission)):
        raise PermissionDenied(_("You may not import %(kind)s.") % {"kind": kind.label})
    return kind


def _read_mapped(job: ImportJob, kind: ImportKind) -> MappedTable:
    with job.file.open("rb") as handle:
        content = handle.read()
    return map_columns(read_table(content, job.original_name), kind.columns)


@transaction.atomic
def import_job_create(*, by: User, kind: str, file: UploadedFile) -> ImportJob:
    """Keep an uploaded file for import after checking its type (extension and content), size and columns, and
    check its rows: at once for a small file, in Celery for a large one. A refused file leaves nothing behind
    (``ValidationError`` keyed "file", translated)."""
    spec = _kind_for(by, kind)
    name = os.path.basename(file.name or "")
    if (file.size or 0) > max_upload_bytes():
        raise ValidationError(
            {
                "file": _("The file is larger than %(size)s MB: split it into smaller files.")
                % {"size": max_upload_bytes() // (1024 * 1024)}
            }
        )
    file.seek(0)
    content = file.read()
    try:
        mapped = map_columns(read_table(content, name), spec.columns)
    except FileError as exc:
        raise ValidationError({"file": exc.messages}) from exc
    job = ImportJob(
        kind=spec.key,
        original_name=name[:255],
        size=len(content),
        rows_total=len(mapped.dataset),
        province_id=_job_province_id(by),
        created_by=by,
        report={"sha256": hashlib.sha256(content).hexdigest()},
    )
    job.file.save(name, ContentFile(content), save=False)
    stored = job.file.name
    try:
        job.save()
    except Exception:
        job.file.storage.delete(stored)
        raise
    if job.rows_total <= sync_max_rows():
        return import_job_check(job_id=job.pk, mapped=mapped) or job
    from .tasks_imports import check_import_job

    transaction.on_commit(lambda: check_import_job.delay(job.pk))
    return job


# --- Check (dry run) ----------------------------------------------------------------------------------------------


def _save_report(job_id: int, *, from_status: str, to_status: str, report: Report, **extra) -> None:
    data = report.as_json()
    ImportJob.objects.filter(pk=job_id, status=from_status).update(
        status=to_status,
        report=data,
        created_count=report.new,
        updated_count=report.updated,
        unchanged_count=report.unchanged,
        invalid_count=report.invalid_rows,
        **extra,
    )


def import_job_check(*, job_id: int, mapped: MappedTable | None = None) -> ImportJob | None:
    """The dry run of a job being checked, with the access of the person who uploaded it; the report is saved on
    the job (ready to import, or has errors). Does nothing unless the job awaits its check. ``mapped``: the file's
    rows when the caller has just read them."""
    job = ImportJob.objects.select_related("created_by").filter(pk=job_id).first()
    if job is None or job.status != Status.CHECKING:
        return job
    kind = import_kind(job.kind)
    try:
        report = dry_run(
            kind,
            user=job.created_by,
            mapped=mapped or _read_mapped(job, kind),
            progress=_progress_writer(job, Status.CHECKING),
        )
    except FileError as exc:
        report = Report(total=job.rows_total, file_errors=exc.messages)
    _save_report(
        job.pk,
        from_status=Status.CHECKING,
        to_status=Status.READY if report.ok else Status.INVALID,
        report=report,
        rows_done=job.rows_total,
        checked_at=timezone.now(),
    )
    job.refresh_from_db()
    return job


# --- Confirm and import -------------------------------------------------------------------------------------------


@transaction.atomic
def import_job_confirm(*, job: ImportJob, by: User) -> ImportJob:
    """Import a checked file: refused while it has invalid rows. Small files are imported at once (all rows or
    none), large ones in Celery."""
    job = access.get_object_or_404(by, "import.view", ImportJob.objects.select_for_update(), pk=job.pk)
    _kind_for(by, job.kind)
    if job.status == Status.INVALID:
        raise ValidationError(
            _("The file has invalid rows: nothing can be imported. Correct them and upload the file again.")
        )
    if job.status != Status.READY:
        raise ValidationError(
            _("This import is %(status)s: it cannot be confirmed now.") % {"status": job.get_status_display()}
        )
    job.status, job.confirmed_by, job.confirmed_at, job.rows_done = Status.IMPORTING, by, timezone.now(), 0
    job.save(update_fields=["status", "confirmed_by", "confirmed_at", "rows_done"])
    if job.rows_total <= sync_max_rows():
        return import_job_run(job_id=job.pk) or job
    from .tasks_imports import run_import_job

    transaction.on_commit(lambda: run_import_job.delay(job.pk))
    return job


def import_job_run(*, job_id: int) -> ImportJob | None:
    """Import a confirmed job's rows in one transaction, with the access of the person who confirmed it, and an
    audit row (action "import") for each object created or changed. When a row has become invalid since the
    check, nothing is saved and the job shows the errors again. Does nothing unless the job awaits its import."""
    try:
        with transaction.atomic():
            job = (
                ImportJob.objects.select_for_update(of=("self",))
                .select_related("created_by", "confirmed_by")
                .filter(pk=job_id)
                .first()
            )
            if job is None or job.status != Status.IMPORTING:
                return job
            kind = import_kind(job.kind)
            by = job.confirmed_by or job.created_by
            report = import_all(
                kind, user=by, mapped=_read_mapped(job, kind), progress=_progress_writer(job, Status.IMPORTING)
            )
            job.status, job.rows_done, job.finished_at = Status.DONE, job.rows_total, timezone.now()
            job.created_count, job.updated_count, job.unchanged_count = report.new, report.updated, report.unchanged
            job.invalid_count, job.report = 0, {**job.report, **report.as_json()}
            job.save()
            audit_record(
                actor=by,
                action=AuditEntry.Action.IMPORT,
                instance=job,
                changes={"created": report.new, "updated": report.updated, "unchanged": report.unchanged},
                comment=_("%(kind)s imported from %(file)s.") % {"kind": kind.label, "file": job.original_name},
                province_id=job.province_id,
            )
            return job
    except ImportRefusedError as exc:
        _save_report(job_id, from_status=Status.IMPORTING, to_status=Status.INVALID, report=exc.report)
    except FileError as exc:
        _save_report(
            job_id, from_status=Status.IMPORTING, to_status=Status.INVALID, report=Report(file_errors=exc.messages)
        )
    return ImportJob.objects.filter(pk=job_id).first()


def import_job_fail(*, job_id: int, error: BaseException) -> None:
    """A task stopped on an unexpected error: nothing was saved; the job says so."""
    message = _("The work stopped on an unexpected error; nothing was saved. Try again, or tell the administrator.")
    ImportJob.objects.filter(pk=job_id, status__in=[Status.CHECKING, Status.IMPORTING]).update(
        status=Status.FAILED, report={"file_errors": [message], "error": str(error)[:500]}
    )
