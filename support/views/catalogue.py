"""Policies and what they give (the quote), budget usage, and appraisal councils."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import access
from enterprises import selectors as enterprise_selectors
from plans.models import Plan, Province

from .. import selectors, services
from ..forms import (
    AllocationForm,
    CostLineFormSet,
    CouncilForm,
    CouncilMemberForm,
    PolicyForm,
    QuoteForm,
    RuleForm,
    YearFilterForm,
    add_service_errors,
    policy_initial,
    rule_initial,
    this_year,
)
from ..models import Application, BudgetAllocation, Council, CouncilMember, SupportPolicy, SupportRule
from ..quote import CostLine, QuoteError
from .common import page_of, posted

# --- Policies --------------------------------------------------------------------------------------------


@login_required
def policy_list(request):
    """Policies in plain words. An enterprise's members first see what is open to their enterprise in the
    chosen year, and why a content is not."""
    if not access.can(request.user, "policy.view"):
        raise PermissionDenied
    form = YearFilterForm(request.GET or None)
    filters = form.filters()
    year = filters.get("year") or this_year()
    enterprises = list(enterprise_selectors.enterprises_of(user=request.user).select_related("province"))
    open_rules = [(e, selectors.rules_open_to(enterprise=e, year=year)) for e in enterprises]
    policies = selectors.policy_list(user=request.user, province=filters.get("province"), year=filters.get("year"))
    return render(
        request,
        "support/policy_list.html",
        {
            "form": form,
            "year": year,
            "open_rules": open_rules,
            "page": page_of(request, policies),
            "filtered": bool(filters.get("year") or filters.get("province")),
            "can_apply": access.can(request.user, "application.add"),
            "can_add": access.can(request.user, "policy.change"),
        },
    )


@login_required
def policy_detail(request, pk: int):
    policy = selectors.policy_detail(user=request.user, pk=pk)
    return render(
        request,
        "support/policy_detail.html",
        {
            "policy": policy,
            "can_change": access.can(request.user, "policy.change", policy),
            "can_apply": access.can(request.user, "application.add"),
        },
    )


# --- The quote ---------------------------------------------------------------------------------------------


@login_required
def quote(request):
    """What a content would give for a set of costs and a quantity, with the rule's reasoning. Writes nothing:
    anyone who reads policies may try it, before applying."""
    if not access.can(request.user, "policy.view"):
        raise PermissionDenied
    enterprises = list(enterprise_selectors.enterprises_of(user=request.user).select_related("province"))
    enterprise = enterprises[0] if enterprises else None
    if enterprise is not None:
        rules = selectors.enterprise_rules(enterprise=enterprise)
    else:
        visible = selectors.policy_list(user=request.user).values("pk")
        rules = (
            SupportRule.objects.filter(policy__in=visible)
            .select_related("policy__province", "category")
            .prefetch_related("cost_kinds")
            .order_by("policy__province__name", "-policy__effective_from", "position", "pk")
        )
    initial = {"rule": int(request.GET["rule"])} if request.GET.get("rule", "").isdigit() else {}
    form = QuoteForm(posted(request), rules=rules, initial=initial)
    lines = CostLineFormSet(posted(request), prefix="lines")
    result = None
    if request.method == "POST" and form.is_valid() and lines.is_valid():
        try:
            result = selectors.quote_preview(
                rule=form.cleaned_data["rule"],
                lines=[CostLine(**line) for line in lines.lines()],
                quantity=form.cleaned_data["quantity"],
                enterprise=enterprise,
            )
        except QuoteError as exc:
            form.add_error(None, str(exc))
    return render(
        request,
        "support/quote.html",
        {
            "form": form,
            "lines": lines,
            "result": result,
            "rule": form.cleaned_data.get("rule") if result else None,
            "enterprise": enterprise,
            "can_apply": enterprise is not None and access.can(request.user, "application.add"),
        },
    )


# --- Budget --------------------------------------------------------------------------------------------------


@login_required
def budget_usage(request):
    """Allocated, committed, disbursed and available money per policy and year."""
    if not access.can(request.user, "budget.view"):
        raise PermissionDenied
    form = YearFilterForm(request.GET or None, province_ids=access.province_ids(request.user, "budget.view"))
    rows = selectors.budget_usage(user=request.user, **form.filters())
    totals = {
        name: sum(getattr(row, name) for row in rows)
        for name in ("allocated", "committed", "disbursed", "available", "requested")
    }
    changeable = access.province_ids(request.user, "budget.change")
    editable = {row.allocation.pk for row in rows if changeable is None or row.allocation.province_id in changeable}
    return render(
        request,
        "support/budget_usage.html",
        {
            "form": form,
            "page": page_of(request, rows),
            "totals": totals,
            "filtered": bool(form.filters()),
            "editable": editable,
            "can_add": access.can(request.user, "budget.change"),
        },
    )


# --- Councils -------------------------------------------------------------------------------------------------


@login_required
def council_list(request):
    if not access.can(request.user, "council.view"):
        raise PermissionDenied
    form = YearFilterForm(request.GET or None, province_ids=access.province_ids(request.user, "council.view"))
    councils = selectors.council_list(user=request.user, **form.filters()).order_by("province__name", "-year", "-round")
    return render(
        request,
        "support/council_list.html",
        {
            "form": form,
            "page": page_of(request, councils),
            "filtered": bool(form.filters()),
            "can_add": access.can(request.user, "council.change"),
        },
    )


def _council_provinces(request):
    ids = access.province_ids(request.user, "council.change")
    provinces = Province.objects.all() if ids is None else Province.objects.filter(pk__in=ids)
    return provinces.order_by("name", "valid_from")


@login_required
def council_create(request):
    if not access.can(request.user, "council.change"):
        raise PermissionDenied
    form = CouncilForm(posted(request), provinces=_council_provinces(request))
    if request.method == "POST" and form.is_valid():
        try:
            council = services.council_create(by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The council is set up. Now seat its members."))
            return redirect("support:council_detail", pk=council.pk)
    return render(
        request,
        "support/form_page.html",
        {
            "form": form,
            "title": _("New appraisal council"),
            "submit": _("Set up the council"),
            "cancel_url": reverse("support:council_list"),
        },
    )


def _council_context(request, pk: int, member_form=None) -> dict:
    council = access.get_object_or_404(
        request.user,
        "council.view",
        Council.objects.select_related("province").prefetch_related(
            Prefetch("members", queryset=CouncilMember.objects.select_related("user").order_by("role", "pk"))
        ),
        pk=pk,
    )
    can_change = access.can(request.user, "council.change", council)
    applications = access.scope(
        request.user,
        "application.view",
        Application.objects.filter(council=council).select_related("enterprise", "rule__category"),
    ).order_by("submitted_at", "pk")
    return {
        "council": council,
        "can_change": can_change,
        "applications": applications,
        "member_form": (member_form or CouncilMemberForm()) if can_change else None,
    }


@login_required
def council_detail(request, pk: int):
    return render(request, "support/council_detail.html", _council_context(request, pk))


@login_required
@require_POST
def council_member_add(request, pk: int):
    council = access.get_object_or_404(request.user, "council.change", Council.objects.all(), pk=pk)
    form = CouncilMemberForm(request.POST)
    if form.is_valid():
        try:
            member = services.council_member_add(
                council=council, by=request.user, user=form.user, role=form.cleaned_data["role"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("%(person)s now sits on the council.") % {"person": member.user})
            return redirect("support:council_detail", pk=council.pk)
    return render(request, "support/council_detail.html", _council_context(request, pk, member_form=form))


@login_required
@require_POST
def council_member_remove(request, pk: int, member_pk: int):
    member = access.get_object_or_404(
        request.user,
        "council.change",
        CouncilMember.objects.filter(council_id=pk).select_related("user", "council"),
        pk=member_pk,
    )
    try:
        services.council_member_remove(member=member, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("%(person)s no longer sits on the council.") % {"person": member.user})
    return redirect("support:council_detail", pk=pk)


# --- Budget allocations -----------------------------------------------------------------------------------------


@login_required
def allocation_create(request):
    if not access.can(request.user, "budget.change"):
        raise PermissionDenied
    policies = access.scope(request.user, "budget.change", SupportPolicy.objects.select_related("province"))
    form = AllocationForm(posted(request), policies=policies.order_by("province__name", "-effective_from"))
    if request.method == "POST" and form.is_valid():
        policy = form.cleaned_data["policy"]
        try:
            services.allocation_create(
                by=request.user,
                province=policy.province,
                policy=policy,
                year=form.cleaned_data["year"],
                amount=form.cleaned_data["amount"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The budget is allocated."))
            return redirect("support:budget_usage")
    return render(
        request,
        "support/form_page.html",
        {
            "form": form,
            "title": _("Allocate a budget to a policy"),
            "submit": _("Save"),
            "cancel_url": reverse("support:budget_usage"),
        },
    )


@login_required
def allocation_update(request, pk: int):
    """Change the amount allocated (never below what is committed) and its note."""
    allocation = access.get_object_or_404(
        request.user, "budget.change", BudgetAllocation.objects.select_related("policy", "province"), pk=pk
    )
    form = AllocationForm(posted(request), initial={"amount": allocation.amount, "note": allocation.note})
    if request.method == "POST" and form.is_valid():
        try:
            services.allocation_update(allocation=allocation, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The budget is saved."))
            return redirect("support:budget_usage")
    return render(
        request,
        "support/form_page.html",
        {
            "form": form,
            "title": _("Budget %(year)s of %(policy)s") % {"year": allocation.year, "policy": allocation.policy},
            "facts": [
                (_("Committed"), allocation.committed),
                (_("Disbursed"), allocation.disbursed),
            ],
            "submit": _("Save"),
            "cancel_url": reverse("support:budget_usage"),
        },
    )


# --- Policies and their rules -------------------------------------------------------------------------------------


def _policy_form_choices(request):
    provinces = access.province_ids(request.user, "policy.change")
    province_qs = Province.objects.all() if provinces is None else Province.objects.filter(pk__in=provinces)
    plans = access.scope(request.user, "plan.change", Plan.objects.select_related("province")).order_by(
        "province__name", "-start_year"
    )
    return province_qs.order_by("name", "valid_from"), plans


@login_required
def policy_create(request):
    if not access.can(request.user, "policy.change"):
        raise PermissionDenied
    provinces, plans = _policy_form_choices(request)
    form = PolicyForm(posted(request), provinces=provinces, plans=plans)
    if request.method == "POST" and form.is_valid():
        try:
            policy = services.policy_create(
                by=request.user, province=form.cleaned_data["province"], data=form.service_data()
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The policy is recorded. Now add what it supports."))
            return redirect("support:policy_detail", pk=policy.pk)
    return render(
        request,
        "support/form_page.html",
        {
            "form": form,
            "title": _("New support policy"),
            "intro": _("A new resolution of the People's Council is a new policy: applications keep theirs."),
            "submit": _("Save"),
            "cancel_url": reverse("support:policy_list"),
        },
    )


@login_required
def policy_update(request, pk: int):
    policy = selectors.policy_detail(user=request.user, pk=pk, permission="policy.change")
    _provinces, plans = _policy_form_choices(request)
    form = PolicyForm(posted(request), plans=plans, initial=policy_initial(policy))
    if request.method == "POST" and form.is_valid():
        try:
            services.policy_update(policy=policy, by=request.user, data=form.service_data())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The policy is saved."))
            return redirect("support:policy_detail", pk=policy.pk)
    return render(
        request,
        "support/form_page.html",
        {
            "form": form,
            "title": _("Edit the policy"),
            "submit": _("Save"),
            "cancel_url": reverse("support:policy_detail", args=[policy.pk]),
        },
    )


@login_required
def rule_edit(request, pk: int, rule_pk: int | None = None):
    """Add (no ``rule_pk``) or change a support content of a policy, with its kinds of cost."""
    policy = selectors.policy_detail(user=request.user, pk=pk, permission="policy.change")
    rule = None
    if rule_pk is not None:
        rule = access.get_object_or_404(
            request.user,
            "policy.change",
            SupportRule.objects.filter(policy=policy).prefetch_related("cost_kinds"),
            pk=rule_pk,
        )
    initial = rule_initial(rule) if rule else {"position": policy.rules.count() + 1}
    form = RuleForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if rule is None:
                services.rule_create(
                    policy=policy, by=request.user, data=form.service_data(), cost_kinds=form.cost_kinds()
                )
            else:
                services.rule_update(rule=rule, by=request.user, data=form.service_data(), cost_kinds=form.cost_kinds())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The support content is saved."))
            return redirect("support:policy_detail", pk=policy.pk)
    return render(request, "support/rule_form.html", {"form": form, "policy": policy, "rule": rule})
