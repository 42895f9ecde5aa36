"""Pages of the imports: choose a kind of data, upload a file, see its check (every invalid row), confirm the
import, follow a large file's progress; download the templates. Thin: access through ``accounts.access``, input
through a form, writes through ``accounts.import_jobs``."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import access, import_jobs
from .forms_imports import ImportFileForm
from .importing import KIND_PATHS, ImportKind, import_kind, import_kinds_for, sync_max_rows, template_workbook
from .models import ImportJob

ERRORS_PER_PAGE = 100


def _kind(request, key: str) -> ImportKind:
    if key not in KIND_PATHS:
        raise Http404
    kind = import_kind(key)
    if not (access.can(request.user, "import.view") and access.can(request.user, kind.permission)):
        raise PermissionDenied
    return kind


def _exports(user) -> list[tuple[str, str]]:
    """The lists the person may export in full from here (filtered exports are on each list's page)."""
    lists = [
        ("plan.view", _("Plans"), "imports:export_plans"),
        ("enterprise.list", _("Enterprises"), "imports:export_enterprises"),
        ("application.list", _("Support applications"), "imports:export_applications"),
        ("budget.view", _("Support budget"), "imports:export_budget"),
    ]
    return [(label, reverse(name)) for permission, label, name in lists if access.can(user, permission)]


@login_required
def index(request):
    if not access.can(request.user, "import.view"):
        raise PermissionDenied
    jobs = import_jobs.job_queryset(request.user)
    return render(
        request,
        "imports/index.html",
        {
            "kinds": import_kinds_for(request.user),
            "exports": _exports(request.user),
            "page": Paginator(jobs, settings.PAGE_SIZE).get_page(request.GET.get("page")),
        },
    )


@login_required
def upload(request, kind: str):
    spec = _kind(request, kind)
    form = ImportFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            job = import_jobs.import_job_create(by=request.user, kind=spec.key, file=form.cleaned_data["file"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return redirect("imports:job", pk=job.pk)
    return render(request, "imports/upload.html", {"kind": spec, "form": form, "sync_max_rows": sync_max_rows()})


@login_required
def template(request, kind: str):
    spec = _kind(request, kind)
    response = HttpResponse(
        template_workbook(spec), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{spec.template_name}"'
    return response


def _job(request, pk: int) -> ImportJob:
    job = import_jobs.job_queryset(request.user).filter(pk=pk).first()
    if job is None:
        raise Http404
    return job


@login_required
def job_detail(request, pk: int):
    job = _job(request, pk)
    kind = import_kind(job.kind)
    report = job.report or {}
    errors = Paginator(report.get("errors") or [], ERRORS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "imports/job.html",
        {
            "job": job,
            "kind": kind,
            "report": report,
            "errors": errors,
            "progress": import_jobs.import_job_progress(job),
            "can_confirm": job.status == ImportJob.Status.READY and access.can(request.user, kind.permission),
        },
    )


@login_required
def job_progress(request, pk: int):
    """Polled by the job's page while a task runs."""
    return JsonResponse(import_jobs.import_job_progress(_job(request, pk)))


@login_required
@require_POST
def job_confirm(request, pk: int):
    job = _job(request, pk)
    try:
        job = import_jobs.import_job_confirm(job=job, by=request.user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("imports:job", pk=job.pk)
    if job.status == ImportJob.Status.DONE:
        messages.success(
            request,
            _("Imported: %(created)s created, %(updated)s updated, %(unchanged)s unchanged.")
            % {"created": job.created_count, "updated": job.updated_count, "unchanged": job.unchanged_count},
        )
    elif job.status == ImportJob.Status.INVALID:
        messages.error(request, _("Some rows are no longer valid: nothing was imported. See the errors below."))
    return redirect("imports:job", pk=job.pk)
