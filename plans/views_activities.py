"""Pages of what was done under a plan: its activities, the progress of its tasks ("Báo cáo tiến độ") and the
values of indicators entered with their source. Thin: access through ``accounts.access``, input through a form,
writes through ``plans.services_activities``."""

from __future__ import annotations

import copy

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import access

from . import forms_activities as forms
from . import selectors_activities as selectors
from . import services_activities as services
from .models import Activity, IndicatorValue, Plan, Task, TaskProgress

# --- Activities -------------------------------------------------------------------------------------------------


def _plan(request, pk: int, permission: str) -> Plan:
    return access.get_object_or_404(request.user, permission, Plan.objects.select_related("province"), pk=pk)


def _activities_url(plan: Plan) -> str:
    return reverse("plans:activity_list", args=[plan.pk])


@login_required
def activity_list(request, pk: int):
    plan = _plan(request, pk, "activity.view")
    filters = forms.ActivityFilterForm(request.GET or None, plan=plan)
    activities = selectors.activity_queryset(plan)
    if filters.is_bound and filters.is_valid():
        activities = selectors.activity_filter(
            activities, kind=filters.cleaned_data.get("kind") or "", year=filters.cleaned_data.get("year")
        )
    page = Paginator(activities, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "plans/activities/activity_list.html",
        {
            "plan": plan,
            "page": page,
            "filters": filters,
            "can_change": access.can(request.user, "activity.change", plan),
        },
    )


@login_required
def activity_create(request, pk: int):
    plan = _plan(request, pk, "activity.change")
    form = forms.ActivityForm(plan, request.POST or None, initial={"quantity": 1})
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_create(plan=plan, by=request.user, data=form.service_data())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The activity was recorded."))
            if "save_and_add" in request.POST:
                return redirect(request.get_full_path())
            return redirect(_activities_url(plan))
    return render(request, "plans/activities/activity_form.html", {"plan": plan, "form": form, "activity": None})


def _activity(request, plan: Plan, activity_pk: int) -> Activity:
    return access.get_object_or_404(
        request.user, "activity.change", Activity.objects.filter(plan=plan).select_related("plan"), pk=activity_pk
    )


@login_required
def activity_update(request, pk: int, activity_pk: int):
    plan = _plan(request, pk, "activity.change")
    activity = _activity(request, plan, activity_pk)
    form = forms.ActivityForm(plan, request.POST or None, instance=copy.copy(activity))
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_update(activity=activity, by=request.user, data=form.service_data())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The activity was saved."))
            return redirect(_activities_url(plan))
    return render(request, "plans/activities/activity_form.html", {"plan": plan, "form": form, "activity": activity})


@login_required
def activity_delete(request, pk: int, activity_pk: int):
    plan = _plan(request, pk, "activity.change")
    activity = _activity(request, plan, activity_pk)
    if request.method == "POST":
        services.activity_delete(activity=activity, by=request.user)
        messages.success(request, _("The activity was deleted."))
        return redirect(_activities_url(plan))
    return render(
        request,
        "plans/activities/confirm_delete.html",
        {"plan": plan, "object": activity, "cancel_url": _activities_url(plan)},
    )


# --- Progress of tasks ------------------------------------------------------------------------------------------


@login_required
def progress_list(request):
    """ "Báo cáo tiến độ": the tasks the person follows, with what was reported for a year. A unit reporter sees
    the tasks their unit leads or coordinates; the province's staff every task of their province."""
    if not access.can(request.user, "progress.view"):
        raise PermissionDenied
    visible = access.scope(request.user, "progress.view", Task.objects.all())
    plans = access.scope(request.user, "plan.view", Plan.objects.select_related("province")).filter(
        pk__in=visible.values("plan_id")
    )
    filters = forms.ProgressFilterForm(request.GET or None, plans=plans)
    year = timezone.localdate().year
    tasks = visible
    if filters.is_bound and filters.is_valid():
        year = filters.cleaned_data.get("year") or year
        if filters.cleaned_data.get("plan"):
            tasks = tasks.filter(plan=filters.cleaned_data["plan"])
    tasks = selectors.progress_tasks(tasks, year=year)
    page = Paginator(tasks, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    reportable = set(
        access.scope(
            request.user, "task.report_progress", Task.objects.filter(pk__in=[t.pk for t in page])
        ).values_list("pk", flat=True)
    )
    for task in page:
        task.can_report = task.pk in reportable and task.plan.start_year <= year <= task.plan.end_year
        task.scheduled = task.active_in(year)
    return render(
        request,
        "plans/activities/progress_list.html",
        {"page": page, "filters": filters, "year": year},
    )


@login_required
def progress_report(request, task_pk: int, year: int):
    """Report (or correct) a task's progress for a year: one report per task, year and unit."""
    task = access.get_object_or_404(
        request.user,
        "task.report_progress",
        Task.objects.select_related("plan__province", "lead_unit").prefetch_related("coordinating_units"),
        pk=task_pk,
    )
    if not task.plan.start_year <= year <= task.plan.end_year:
        raise PermissionDenied(_("The year lies outside the plan period."))
    existing = {p.unit_id: p for p in task.progress_reports.filter(year=year).select_related("unit")}
    if request.method == "POST":
        form = forms.TaskProgressForm(request.POST, task=task, by=request.user, year=year)
    else:
        units, whole = services.reporting_units_for(request.user, task)
        asked = request.GET.get("unit", "")
        unit_id = int(asked) if asked.isdigit() else (None if whole or not units else units[0].pk)
        current = existing.get(unit_id)
        initial = {"unit": unit_id, "status": TaskProgress.Status.IN_PROGRESS, "percent_complete": 0}
        if current is not None:
            initial.update({name: getattr(current, name) for name in services.PROGRESS_FIELDS})
        form = forms.TaskProgressForm(initial=initial, task=task, by=request.user, year=year)
    if request.method == "POST" and form.is_valid():
        try:
            services.task_progress_save(
                task=task, by=request.user, year=year, unit=form.cleaned_data.get("unit"), data=form.service_data()
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The progress was reported."))
            return redirect(f"{reverse('plans:progress_list')}?plan={task.plan_id}&year={year}")
    return render(
        request,
        "plans/activities/progress_form.html",
        {
            "task": task,
            "year": year,
            "form": form,
            "reports": sorted(existing.values(), key=lambda p: (p.unit_id is not None, p.pk)),
        },
    )


# --- Indicator values entered with their source ---------------------------------------------------------------------


def _values_url(plan: Plan) -> str:
    return reverse("plans:indicator_value_list", args=[plan.pk])


@login_required
def indicator_value_list(request, pk: int):
    plan = _plan(request, pk, "indicatorvalue.view")
    return render(
        request,
        "plans/activities/indicator_values.html",
        {
            "plan": plan,
            "rows": selectors.indicator_value_rows(plan),
            "years": list(plan.years),
            "can_change": access.can(request.user, "indicatorvalue.change", plan),
        },
    )


@login_required
def indicator_value_create(request, pk: int):
    plan = _plan(request, pk, "indicatorvalue.change")
    initial = {name: request.GET[name] for name in ("indicator", "year") if request.GET.get(name)}
    initial.setdefault("year", services.default_year(plan))
    form = forms.IndicatorValueForm(plan, request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.indicator_value_create(plan=plan, by=request.user, data=form.service_data())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The value was entered."))
            return redirect(_values_url(plan))
    return render(request, "plans/activities/indicator_value_form.html", {"plan": plan, "form": form, "item": None})


def _value(request, plan: Plan, value_pk: int) -> IndicatorValue:
    return access.get_object_or_404(
        request.user,
        "indicatorvalue.change",
        IndicatorValue.objects.filter(plan=plan).select_related("plan", "indicator"),
        pk=value_pk,
    )


@login_required
def indicator_value_update(request, pk: int, value_pk: int):
    plan = _plan(request, pk, "indicatorvalue.change")
    item = _value(request, plan, value_pk)
    form = forms.IndicatorValueForm(plan, request.POST or None, instance=copy.copy(item))
    if request.method == "POST" and form.is_valid():
        try:
            services.indicator_value_update(item=item, by=request.user, data=form.service_data())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The value was saved."))
            return redirect(_values_url(plan))
    return render(request, "plans/activities/indicator_value_form.html", {"plan": plan, "form": form, "item": item})


@login_required
def indicator_value_delete(request, pk: int, value_pk: int):
    plan = _plan(request, pk, "indicatorvalue.change")
    item = _value(request, plan, value_pk)
    if request.method == "POST":
        services.indicator_value_delete(item=item, by=request.user)
        messages.success(request, _("The value was deleted."))
        return redirect(_values_url(plan))
    return render(
        request,
        "plans/activities/confirm_delete.html",
        {"plan": plan, "object": item, "cancel_url": _values_url(plan)},
    )
