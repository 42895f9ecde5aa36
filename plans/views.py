"""The staff pages of provinces' plans: list, the plan as a document, its forms, the pasted task table, units.

Views are thin: access through ``accounts.access``, input through a form, writes through ``plans.services``.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from accounts import access, clock

from . import forms, selectors, services
from .models import (
    BudgetAmount,
    BudgetLine,
    Objective,
    Phase,
    Plan,
    ReportingDuty,
    Target,
    Task,
    Unit,
)

# --- Plans -------------------------------------------------------------------------------------------------


@login_required
def plan_list(request):
    if not access.can(request.user, "plan.view"):
        raise PermissionDenied
    visible = access.scope(request.user, "plan.view", selectors.plan_list_queryset())
    filters = forms.PlanFilterForm(request.GET or None, provinces=selectors.provinces_of(visible))
    plans = visible
    if filters.is_bound:
        filters.is_valid()
        chosen = filters.cleaned_data
        plans = selectors.plan_filter(
            visible,
            province_id=chosen["province"].pk if chosen.get("province") else None,
            standing=chosen.get("status", ""),
            programme=chosen.get("programme", ""),
            year=chosen.get("year"),
            text=chosen.get("q", ""),
        )
    page = Paginator(plans, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "plans/plan_list.html",
        {"page": page, "filters": filters, "can_add": access.can(request.user, "plan.add")},
    )


@login_required
def plan_detail(request, pk: int):
    plan = access.get_object_or_404(request.user, "plan.view", selectors.plan_detail_queryset(), pk=pk)
    return render(
        request,
        "plans/plan_detail.html",
        {
            "plan": plan,
            "can_change": access.can(request.user, "plan.change", plan),
            "phase_targets": selectors.targets_by_phase(plan),
            "task_rows": selectors.tree_rows(plan.tasks.all()),
            "budget": selectors.budget_view(plan),
            "other_duties": selectors.duties_without_responsibility(plan),
            "today": clock.today(),
        },
    )


def _plan_to_change(request, pk: int) -> Plan:
    return access.get_object_or_404(request.user, "plan.change", Plan.objects.select_related("province"), pk=pk)


@login_required
def plan_create(request):
    if not access.can(request.user, "plan.add"):
        raise PermissionDenied
    form = forms.PlanForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.plan_create(
                by=request.user, data=form.service_data(), legal_basis=form.cleaned_data["legal_documents"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The plan was created with one phase covering its period."))
            return redirect(plan)
    return render(request, "plans/plan_form.html", {"form": form, "plan": None})


@login_required
def plan_update(request, pk: int):
    plan = _plan_to_change(request, pk)
    form = forms.PlanForm(request.POST or None, instance=copy.copy(plan), user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_update(
                plan=plan, by=request.user, data=form.service_data(), legal_basis=form.cleaned_data["legal_documents"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The plan was saved."))
            return redirect(plan)
    return render(request, "plans/plan_form.html", {"form": form, "plan": plan})


@login_required
def legal_document_create(request):
    if not access.can(request.user, "legaldocument.add"):
        raise PermissionDenied
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = ""
    form = forms.LegalDocumentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        document = services.legal_document_create(by=request.user, data=form.service_data())
        messages.success(request, _("“%(document)s” was added to the legal documents.") % {"document": document})
        return redirect(next_url or "plans:plan_list")
    return render(request, "plans/legaldocument_form.html", {"form": form, "next": next_url})


# --- Parts of a plan: one set of views for every kind ------------------------------------------------------


@dataclass(frozen=True)
class ChildKind:
    key: str  # URL name prefix: "task" -> plans:task_create
    slug: str  # Vietnamese URL segment
    model: type[models.Model]
    form: type[forms.PlanChildForm]
    anchor: str  # section of the plan page to return to
    plan_lookup: str = "plan"

    @property
    def verbose_name(self) -> str:
        return str(self.model._meta.verbose_name)


CHILD_KINDS: dict[str, ChildKind] = {
    kind.key: kind
    for kind in (
        ChildKind("phase", "giai-doan", Phase, forms.PhaseForm, "muc-tieu"),
        ChildKind("objective", "muc-tieu", Objective, forms.ObjectiveForm, "muc-tieu"),
        ChildKind("target", "chi-tieu", Target, forms.TargetForm, "muc-tieu"),
        ChildKind("task", "nhiem-vu", Task, forms.TaskForm, "nhiem-vu"),
        ChildKind("budgetline", "kinh-phi", BudgetLine, forms.BudgetLineForm, "kinh-phi"),
        ChildKind("budgetamount", "kinh-phi-theo-nam", BudgetAmount, forms.BudgetAmountForm, "kinh-phi", "line__plan"),
        ChildKind("reportingduty", "bao-cao", ReportingDuty, forms.ReportingDutyForm, "bao-cao"),
    )
}


def _child_to_change(request, plan: Plan, kind: ChildKind, child_pk: int) -> models.Model:
    queryset = kind.model._default_manager.filter(**{kind.plan_lookup: plan})
    return access.get_object_or_404(request.user, "plan.change", queryset, pk=child_pk)


def _back_to(plan: Plan, kind: ChildKind) -> str:
    return f"{plan.get_absolute_url()}#{kind.anchor}"


@login_required
def child_create(request, pk: int, kind: str):
    kind_ = CHILD_KINDS[kind]
    plan = _plan_to_change(request, pk)
    initial = {name: value for name, value in request.GET.items() if name in kind_.form.base_fields}
    form = kind_.form(plan, request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_child_create(plan=plan, by=request.user, model=kind_.model, data=form.service_data())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Added: %(kind)s.") % {"kind": kind_.verbose_name})
            if "save_and_add" in request.POST:
                return redirect(request.get_full_path())
            return redirect(_back_to(plan, kind_))
    return render(request, "plans/child_form.html", {"form": form, "plan": plan, "kind": kind_, "child": None})


@login_required
def child_update(request, pk: int, kind: str, child_pk: int):
    kind_ = CHILD_KINDS[kind]
    plan = _plan_to_change(request, pk)
    child = _child_to_change(request, plan, kind_, child_pk)
    form = kind_.form(plan, request.POST or None, instance=copy.copy(child))
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_child_update(child=child, by=request.user, data=form.service_data())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Saved: %(kind)s.") % {"kind": kind_.verbose_name})
            return redirect(_back_to(plan, kind_))
    return render(request, "plans/child_form.html", {"form": form, "plan": plan, "kind": kind_, "child": child})


@login_required
def child_delete(request, pk: int, kind: str, child_pk: int):
    kind_ = CHILD_KINDS[kind]
    plan = _plan_to_change(request, pk)
    child = _child_to_change(request, plan, kind_, child_pk)
    error = ""
    if request.method == "POST":
        try:
            services.plan_child_delete(child=child, by=request.user)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, _("Deleted: %(kind)s.") % {"kind": kind_.verbose_name})
            return redirect(_back_to(plan, kind_))
    return render(
        request,
        "plans/confirm_delete.html",
        {
            "plan": plan,
            "kind": kind_,
            "child": child,
            "also": selectors.deletion_effects(child),
            "error": error,
            "cancel_url": _back_to(plan, kind_),
        },
    )


@login_required
def task_paste(request, pk: int):
    """Paste a task table from Word: preview every row with its errors, then save all rows or none."""
    plan = _plan_to_change(request, pk)
    form = forms.TaskPasteForm(request.POST or None)
    table = None
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["text"]
        if "save" in request.POST:
            try:
                created = services.task_table_import(plan=plan, by=request.user, text=text)
            except services.TaskTableError as exc:
                table = exc.table
                messages.error(request, exc.messages[0])
            else:
                messages.success(request, _("%(count)s rows were added to the task table.") % {"count": len(created)})
                return redirect(f"{plan.get_absolute_url()}#nhiem-vu")
        else:
            table = services.task_table_parse(plan=plan, text=text)
    return render(
        request,
        "plans/task_paste.html",
        {"plan": plan, "form": form, "table": table},
    )


# --- Units -------------------------------------------------------------------------------------------------


@login_required
def unit_list(request):
    if not access.can(request.user, "unit.view"):
        raise PermissionDenied
    visible = access.scope(request.user, "unit.view", selectors.unit_list_queryset())
    filters = forms.UnitFilterForm(request.GET or None, provinces=selectors.provinces_of_units(visible))
    units = visible
    if filters.is_bound:
        filters.is_valid()
        chosen = filters.cleaned_data
        units = selectors.unit_filter(
            visible,
            province_id=chosen["province"].pk if chosen.get("province") else None,
            kind=chosen.get("kind", ""),
            text=chosen.get("q", ""),
        )
    editable = access.province_ids(request.user, "unit.change")
    page = Paginator(units, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    for unit in page:
        unit.editable = editable is None or unit.province_id in editable
    return render(
        request,
        "plans/unit_list.html",
        {"page": page, "filters": filters, "can_add": access.can(request.user, "unit.change")},
    )


@login_required
def unit_create(request):
    if not access.can(request.user, "unit.change"):
        raise PermissionDenied
    initial = {"province": request.GET.get("province")} if request.GET.get("province") else {}
    form = forms.UnitForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            unit = services.unit_create(by=request.user, data=form.service_data())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The unit “%(unit)s” was added.") % {"unit": unit.name})
            return redirect(unit)
    return render(request, "plans/unit_form.html", {"form": form, "unit": None})


@login_required
def unit_update(request, pk: int):
    unit = access.get_object_or_404(request.user, "unit.change", Unit.objects.select_related("province"), pk=pk)
    form = forms.UnitForm(request.POST or None, instance=copy.copy(unit), user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.unit_update(unit=unit, by=request.user, data=form.service_data())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The unit “%(unit)s” was saved.") % {"unit": unit.name})
            return redirect(unit)
    return render(request, "plans/unit_form.html", {"form": form, "unit": unit})
