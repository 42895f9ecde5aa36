"""Pages of the reports: the province's list and report page (narrative, generation, versions, downloads,
submission), the Ministry's submission matrix and compilations, and the decision and contract PDFs of an
application. Views are thin: access through ``accounts.access`` (via the selectors), input through a form,
writes through ``reporting.services``."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts import access

from . import forms, render_pdf, selectors, services
from .models import GenerationStatus, Report, ReportVersion

FORMATS = {
    "pdf": ("pdf", "application/pdf"),
    "xlsx": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


def _errors(error: ValidationError) -> str:
    return " ".join(error.messages)


# --- The province's reports ---------------------------------------------------------------------------------


@login_required
def report_list(request):
    if not access.can(request.user, "report.view"):
        if access.can(request.user, "report.view_submitted"):
            return redirect("reporting:ministry_matrix")
        raise PermissionDenied
    filters = forms.ReportFilterForm(request.GET or None)
    chosen = filters.cleaned_data if filters.is_bound and filters.is_valid() else {}
    reports = selectors.report_list(user=request.user, year=chosen.get("year"), kind=chosen.get("kind", ""))
    page = Paginator(reports, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    for report in page.object_list:
        status = GenerationStatus(report.latest_status) if report.latest_status else None
        report.latest_status_label = status.label if status else ""
        report.latest_pill = ReportVersion(status=status).status_pill if status else ""
    return render(
        request,
        "reporting/report_list.html",
        {"page": page, "filters": filters, "can_add": access.can(request.user, "report.change")},
    )


@login_required
def report_create(request):
    if not access.can(request.user, "report.change"):
        raise PermissionDenied
    plans = selectors.plans_for_reports(user=request.user)
    form = forms.ReportCreateForm(request.POST or None, plans=plans, initial={"start_year": timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report = services.report_create(
                by=request.user,
                plan=data["plan"],
                kind=data["kind"],
                start_year=data["start_year"],
                end_year=data.get("end_year"),
            )
        except ValidationError as error:
            forms._apply(form, error)
        else:
            messages.success(request, _("The report was created: write its narrative, then generate it."))
            return redirect(report)
    return render(request, "reporting/report_create.html", {"form": form})


def _report_page(request, report: Report, form: forms.ReportForm, status: int = 200):
    versions = selectors.report_versions(report)
    return render(
        request,
        "reporting/report_detail.html",
        {
            "report": report,
            "form": form,
            "versions": versions,
            "pending": any(v.is_pending for v in versions),
            "can_change": access.can(request.user, "report.change", report),
            "can_submit": access.can(request.user, "report.submit", report),
        },
        status=status,
    )


@login_required
def report_detail(request, pk: int):
    if request.method == "POST":
        report = selectors.report_detail(user=request.user, pk=pk, permission="report.change")
        form = forms.ReportForm(request.POST, instance=Report.objects.get(pk=report.pk))
        if form.is_valid():
            try:
                services.report_update(report=report, by=request.user, data=form.cleaned_data)
            except ValidationError as error:
                forms._apply(form, error)
            else:
                messages.success(request, _("The report was saved."))
                if "generate" in request.POST:
                    return _generate(request, report)
                return redirect(report)
        report.refresh_from_db()
        return _report_page(request, report, form, status=400)
    report = selectors.report_detail(user=request.user, pk=pk)
    return _report_page(request, report, forms.ReportForm(instance=report))


def _generate(request, report: Report):
    asked_at = timezone.now()
    version = services.report_version_request(report=report, by=request.user)
    if version.requested_at >= asked_at:
        messages.success(request, _("Version %(number)s is being generated.") % {"number": version.number})
    else:
        messages.info(
            request,
            _("Nothing changed since version %(number)s: that version is the one for this request.")
            % {"number": version.number},
        )
    return redirect(report)


@login_required
@require_POST
def report_generate(request, pk: int):
    report = selectors.report_detail(user=request.user, pk=pk, permission="report.change")
    return _generate(request, report)


@login_required
@require_POST
def version_retry(request, pk: int):
    version = selectors.version_detail(user=request.user, pk=pk, permission="report.change")
    try:
        retried = services.report_version_retry(version=version, by=request.user)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, _("Version %(number)s is being generated again.") % {"number": retried.number})
    return redirect(version.report)


@login_required
@require_POST
def version_submit(request, pk: int):
    version = selectors.version_detail(user=request.user, pk=pk, permission="report.submit")
    try:
        services.report_version_submit(version=version, by=request.user)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, _("Version %(number)s was submitted to the Ministry.") % {"number": version.number})
    return redirect(version.report)


def _status_payload(obj, download_name: str) -> dict:
    done = obj.is_done
    return {
        "id": obj.pk,
        "number": obj.number,
        "status": obj.status,
        "status_label": str(obj.get_status_display()),
        "pending": obj.is_pending,
        "done": done,
        "error": obj.error,
        "pdf_url": reverse(download_name, args=[obj.pk, "pdf"]) if done else None,
        "xlsx_url": reverse(download_name, args=[obj.pk, "xlsx"]) if done else None,
    }


@login_required
@require_GET
def version_status(request, pk: int):
    """JSON for the page's polling script: where the generation stands."""
    version = selectors.version_visible(user=request.user, pk=pk)
    return JsonResponse(_status_payload(version, "reporting:version_download"))


def _file_response(file_field, filename: str, content_type: str) -> FileResponse:
    if not file_field:
        raise Http404
    try:
        handle = file_field.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)


@login_required
@require_GET
def version_download(request, pk: int, fmt: str):
    if fmt not in FORMATS:
        raise Http404
    version = selectors.version_for_download(user=request.user, pk=pk)
    if not version.is_done:
        raise Http404
    ext, content_type = FORMATS[fmt]
    report = version.report
    filename = f"bao-cao-{report.province.key}-{report.kind}-{report.period}-v{version.number}.{ext}"
    return _file_response(getattr(version, fmt), filename, content_type)


# --- The Ministry -----------------------------------------------------------------------------------------------


@login_required
def ministry_matrix(request):
    if not access.can(request.user, "report.view_submitted"):
        raise PermissionDenied
    this_year = timezone.localdate().year
    form = forms.YearForm(request.GET or None, initial={"year": this_year})
    year = form.cleaned_data["year"] if form.is_bound and form.is_valid() else this_year
    cells = selectors.submission_matrix(year=year)
    return render(
        request,
        "reporting/ministry_matrix.html",
        {
            "form": form,
            "year": year,
            "cells": cells,
            "submitted": sum(1 for c in cells if c.is_submitted),
            "years": list(range(this_year, 2020, -1)),
            "can_compile": access.can(request.user, "compilation.generate"),
        },
    )


@login_required
def ministry_report(request, pk: int):
    if not access.can(request.user, "report.view_submitted"):
        raise PermissionDenied
    report, versions = selectors.submitted_report(user=request.user, pk=pk)
    return render(request, "reporting/ministry_report.html", {"report": report, "versions": versions})


@login_required
def compilation_list(request):
    if not access.can(request.user, "compilation.view"):
        raise PermissionDenied
    can_generate = access.can(request.user, "compilation.generate")
    form = forms.CompilationForm(
        request.POST or None, initial={"kind": "year", "start_year": timezone.localdate().year}
    )
    if request.method == "POST":
        if not can_generate:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            asked_at = timezone.now()
            try:
                compilation = services.compilation_request(
                    by=request.user, kind=data["kind"], start_year=data["start_year"], end_year=data.get("end_year")
                )
            except ValidationError as error:
                forms._apply(form, error)
            else:
                messages.success(
                    request,
                    _("The compilation %(period)s (version %(number)s) is being generated.")
                    % {"period": compilation.period, "number": compilation.number}
                    if compilation.requested_at >= asked_at
                    else _(
                        "Nothing changed since compilation %(period)s version %(number)s: "
                        "it is the one for this request."
                    )
                    % {"period": compilation.period, "number": compilation.number},
                )
                return redirect("reporting:compilation_list")
    compilations = selectors.compilation_list()
    page = Paginator(compilations, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "reporting/compilation_list.html",
        {
            "form": form,
            "page": page,
            "can_generate": can_generate,
            "pending": any(c.is_pending for c in page.object_list),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_GET
def compilation_status(request, pk: int):
    compilation = selectors.compilation_for(user=request.user, pk=pk)
    return JsonResponse(_status_payload(compilation, "reporting:compilation_download"))


@login_required
@require_POST
def compilation_retry(request, pk: int):
    compilation = selectors.compilation_for(user=request.user, pk=pk)
    try:
        services.compilation_retry(compilation=compilation, by=request.user)
    except ValidationError as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, _("The compilation is being generated again."))
    return redirect("reporting:compilation_list")


@login_required
@require_GET
def compilation_download(request, pk: int, fmt: str):
    if fmt not in FORMATS:
        raise Http404
    compilation = selectors.compilation_for(user=request.user, pk=pk)
    if compilation.status != GenerationStatus.READY:
        raise Http404
    ext, content_type = FORMATS[fmt]
    filename = f"tong-hop-{compilation.period}-v{compilation.number}.{ext}"
    return _file_response(getattr(compilation, fmt), filename, content_type)


# --- Decision and contract of an application ------------------------------------------------------------------------


def _pdf(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@login_required
@require_GET
def decision_pdf(request, pk: int):
    """The approval decision of an application, for whoever may view the application."""
    application = selectors.application_for_documents(user=request.user, pk=pk)
    if not hasattr(application, "decision"):
        raise Http404
    return _pdf(render_pdf.decision_pdf(application), f"quyet-dinh-ho-tro-{application.pk}.pdf")


@login_required
@require_GET
def contract_pdf(request, pk: int):
    """The support contract of an application, for whoever may view the application."""
    application = selectors.application_for_documents(user=request.user, pk=pk)
    if not hasattr(application, "contract"):
        raise Http404
    return _pdf(render_pdf.contract_pdf(application), f"hop-dong-ho-tro-{application.pk}.pdf")
