"""The pages of one application: the form with its cost estimate, the page itself (dossier, timeline,
messages, council reviews, money), documents, workflow actions, actual costs, payments and reviews.

Thin: every page reads through ``support.selectors`` / ``accounts.access``, checks input with a form, calls
one service and redirects. A refused service call shows its translated reason and changes nothing."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import access
from accounts.audit import history_for
from enterprises import selectors as enterprise_selectors

from .. import selectors, services
from ..choices import Status
from ..forms import (
    ActualCostsForm,
    ApplicationForm,
    AttachmentForm,
    ConflictForm,
    CostItemFormSet,
    MessageForm,
    PaymentForm,
    ReviewForm,
    TransitionForm,
    add_service_errors,
    cost_item_initial,
    default_year,
)
from ..models import Application, Attachment
from ..workflow import REQUIRED_DOCUMENTS, STATES, TRANSITIONS_BY_NAME, allocation_for
from .common import posted

DETAIL_TEMPLATE = "support/application_detail.html"
# Transitions done with one click on the application's page; the others open a small form first.
ONE_CLICK = frozenset({"submit", "resubmit", "start_screening", "start_implementation", "request_acceptance"})
DANGER = frozenset({"reject", "cancel", "withdraw"})
HISTORY_ROWS = 50


def detail_url(application_or_pk, anchor: str = "") -> str:
    pk = getattr(application_or_pk, "pk", application_or_pk)
    return reverse("support:application_detail", args=[pk]) + (f"#{anchor}" if anchor else "")


def _application(request, permission: str, pk: int) -> Application:
    return access.get_object_or_404(
        request.user,
        permission,
        Application.objects.select_related("rule__policy", "rule__category", "enterprise", "province", "council"),
        pk=pk,
    )


# --- The form: a draft and its cost estimate -----------------------------------------------------------


@login_required
def application_create(request):
    """A new draft of one of the person's enterprises, with its cost lines."""
    if not access.can(request.user, "application.add"):
        raise PermissionDenied
    enterprises = list(enterprise_selectors.enterprises_of(user=request.user).select_related("province"))
    chosen = request.POST.get("enterprise") or request.GET.get("enterprise")
    if len(enterprises) == 1:
        enterprise = enterprises[0]
    else:
        enterprise = next((e for e in enterprises if str(e.pk) == chosen), None)
        if enterprise is None:
            return render(request, "support/choose_enterprise.html", {"enterprises": enterprises})
    rules = selectors.enterprise_rules(enterprise=enterprise)
    initial = {}
    rule = rules.filter(pk=request.GET["rule"]).first() if request.GET.get("rule", "").isdigit() else None
    if rule is not None:
        initial.update(rule=rule.pk, budget_year=default_year(rule))
    if request.GET.get("quantity", "").isdigit():
        initial["quantity"] = int(request.GET["quantity"])
    form = ApplicationForm(posted(request), rules=rules, initial=initial)
    costs = CostItemFormSet(posted(request), prefix="costs")
    if request.method == "POST" and form.is_valid() and costs.is_valid():
        try:
            application = services.application_draft_save(
                by=request.user,
                data=form.service_data(),
                cost_lines=costs.cost_lines(),
                enterprise=enterprise,
                rule=form.cleaned_data["rule"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The draft is saved. Add the documents of the dossier, then submit it."))
            return redirect(detail_url(application))
    return render(
        request,
        "support/application_form.html",
        {"form": form, "costs": costs, "enterprise": enterprise, "application": None},
    )


@login_required
def application_edit(request, pk: int):
    """Change a draft (or an application whose changes were requested) and its cost lines."""
    application = _application(request, "application.edit", pk)
    if not STATES[application.status].dossier_editable:
        messages.error(
            request,
            _("The dossier can no longer be changed: the application is %(status)s.")
            % {"status": application.get_status_display()},
        )
        return redirect(detail_url(application))
    items = list(application.cost_items.all())
    initial = {
        "title": application.title,
        "description": application.description,
        "budget_year": application.budget_year,
        "quantity": application.quantity,
        "counterpart_funds": application.counterpart_funds,
    }
    form = ApplicationForm(posted(request), initial=initial)
    costs = CostItemFormSet(posted(request), prefix="costs", items=items, initial=cost_item_initial(items))
    if request.method == "POST" and form.is_valid() and costs.is_valid():
        try:
            services.application_draft_save(
                by=request.user, application=application, data=form.service_data(), cost_lines=costs.cost_lines()
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The draft is saved."))
            return redirect(detail_url(application))
    return render(
        request,
        "support/application_form.html",
        {"form": form, "costs": costs, "enterprise": application.enterprise, "application": application},
    )


# --- The application's page ----------------------------------------------------------------------------


def _detail_context(request, pk: int, **forms) -> dict:
    user = request.user
    detail = selectors.application_detail(user=user, pk=pk, check_guards=True)
    app = detail.application
    state = STATES[app.status]
    can = selectors.permission_checker(user, app)
    my_review = next((r for r in detail.reviews if r.member.user_id == user.pk), None)
    present = {a.kind for a in detail.attachments}
    missing = [Attachment.Kind(kind) for kind in REQUIRED_DOCUMENTS if kind not in present]
    if detail.can_attach and "attachment_form" not in forms:
        kind = Attachment.Kind.INVOICE if state.actuals_editable else (missing[0] if missing else Attachment.Kind.OTHER)
        forms["attachment_form"] = AttachmentForm(initial={"kind": kind})
    if detail.messages is not None and detail.can_message and "message_form" not in forms:
        forms["message_form"] = MessageForm()
    conflict = my_review is not None and my_review.conflict_of_interest
    if detail.can_review and not conflict:
        if "review_form" not in forms:
            initial = {}
            if my_review is not None:
                initial = {
                    "score": my_review.score,
                    "recommendation": my_review.recommendation,
                    "opinion": my_review.opinion,
                }
            forms["review_form"] = ReviewForm(initial=initial)
        forms.setdefault("conflict_form", ConflictForm())
    actions = [
        {"spec": spec, "reasons": reasons, "one_click": spec.name in ONE_CLICK, "danger": spec.name in DANGER}
        for spec, reasons in detail.transitions
    ]
    return {
        "detail": detail,
        "app": app,
        "actions": actions,
        "missing_documents": missing if state.dossier_editable else [],
        "is_enterprise": app.enterprise_id in access.principal_for(user).enterprise_ids,
        "is_staff": can("application.screen"),
        "can_list": access.can(user, "application.list"),
        "can_appraise": access.can(user, "application.review"),
        "my_review": my_review,
        "can_delete_documents": (state.dossier_editable or state.actuals_editable) and can("application.edit"),
        "can_enter_actuals": state.actuals_editable and can("application.implement"),
        "history": access.scope(user, "audit.view", history_for(app))[:HISTORY_ROWS]
        if access.can(user, "audit.view")
        else None,
        **forms,
    }


@login_required
def application_detail(request, pk: int):
    return render(request, DETAIL_TEMPLATE, _detail_context(request, pk))


def _detail_with_errors(request, pk: int, **forms):
    """The application's page again, with the refused form and its errors where it was filled in."""
    return render(request, DETAIL_TEMPLATE, _detail_context(request, pk, **forms))


# --- Documents --------------------------------------------------------------------------------------------


@login_required
@require_POST
def attachment_upload(request, pk: int):
    application = _application(request, "application.attach", pk)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            attachment = services.attachment_upload(
                application=application, by=request.user, kind=form.cleaned_data["kind"], file=form.cleaned_data["file"]
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("“%(name)s” is added to the dossier as %(kind)s.")
                % {"name": attachment.original_name, "kind": attachment.get_kind_display()},
            )
            return redirect(detail_url(application, "documents"))
    return _detail_with_errors(request, pk, attachment_form=form)


@login_required
def attachment_download(request, pk: int, attachment_pk: int):
    """The file, streamed from private storage to whoever may read its application (never a media URL)."""
    attachment = selectors.attachment_for_download(user=request.user, pk=attachment_pk)
    if attachment.application_id != pk:
        raise Http404
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(
        handle, as_attachment=True, filename=attachment.original_name, content_type=attachment.content_type
    )


@login_required
@require_POST
def attachment_delete(request, pk: int, attachment_pk: int):
    attachment = access.get_object_or_404(
        request.user, "application.edit", Attachment.objects.filter(application_id=pk), pk=attachment_pk
    )
    try:
        services.attachment_delete(attachment=attachment, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("“%(name)s” is removed from the dossier.") % {"name": attachment.original_name})
    return redirect(detail_url(pk, "documents"))


# --- Messages ------------------------------------------------------------------------------------------------


@login_required
@require_POST
def message_post(request, pk: int):
    application = _application(request, "application.message", pk)
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            services.message_post(application=application, by=request.user, body=form.cleaned_data["body"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The message is sent."))
            return redirect(detail_url(application, "messages"))
    return _detail_with_errors(request, pk, message_form=form)


# --- Actual costs ----------------------------------------------------------------------------------------


@login_required
def actual_costs(request, pk: int):
    """The actual amount of every cost item, from the invoices, during implementation."""
    application = _application(request, "application.implement", pk)
    items = list(application.cost_items.all())
    form = ActualCostsForm(posted(request), items=items)
    if request.method == "POST" and form.is_valid():
        try:
            services.actual_costs_record(application=application, by=request.user, amounts=form.amounts())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The actual costs are saved."))
            return redirect(detail_url(application, "costs"))
    return render(
        request,
        "support/form_page.html",
        {
            "app": application,
            "form": form,
            "title": _("Actual costs"),
            "intro": _(
                "Enter what each cost actually came to, from the invoices. Attach the invoices and the evidence "
                "of the results to the dossier, then ask for acceptance."
            ),
            "submit": _("Save the actual costs"),
        },
    )


# --- Workflow actions -----------------------------------------------------------------------------------------


def _initial(transition: str, application: Application) -> dict:
    today = timezone.localdate()
    if transition == "approve":
        return {"approved_amount": application.max_support, "decision_date": today}
    if transition == "sign_contract":
        return {"contract_date": today, "contract_signer": application.enterprise.representative_name}
    if transition == "accept":
        return {"accepted_on": today}
    return {}


def _councils(request, application: Application):
    province_ids = [application.province_id]
    if application.province.successor_id:
        province_ids.append(application.province.successor_id)
    return selectors.council_list(user=request.user).filter(province_id__in=province_ids).order_by("-year", "-round")


@login_required
def application_transition(request, pk: int, transition: str):
    """One move of the workflow: the small form of the data it needs, then the one workflow function."""
    spec = TRANSITIONS_BY_NAME.get(transition)
    if spec is None or spec.automatic:
        raise Http404
    application = _application(request, spec.permission, pk)
    accepting = transition == "accept"
    cost_items = list(application.cost_items.all()) if accepting else []
    form = TransitionForm(
        posted(request),
        spec=spec,
        councils=_councils(request, application) if "council" in spec.fields else None,
        cost_items=cost_items,
        initial=_initial(transition, application),
    )
    if request.method == "POST" and form.is_valid():
        comment = form.cleaned_data.get("comment", "")
        try:
            if accepting:
                updated = services.application_accept(
                    application=application,
                    by=request.user,
                    comment=comment,
                    actual_amounts=form.actual_amounts(),
                    **form.transition_data(),
                )
            else:
                updated = services.application_transition(
                    application=application,
                    transition=transition,
                    by=request.user,
                    comment=comment,
                    **form.transition_data(),
                )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("Done: %(action)s. The application is now %(status)s.")
                % {"action": spec.label, "status": updated.get_status_display()},
            )
            return redirect(detail_url(updated, "timeline"))
    context = {"app": application, "spec": spec, "form": form}
    if transition == "approve":
        context["allocation"] = allocation_for(application)
        if access.can(request.user, "application.screen", application):
            context["summary"] = selectors.review_summary(user=request.user, application=application)
    if accepting:
        context["cost_items"] = cost_items
    return render(request, "support/transition_form.html", context)


# --- Payments ----------------------------------------------------------------------------------------------


@login_required
def payment_create(request, pk: int):
    application = _application(request, "application.pay", pk)
    form = PaymentForm(
        posted(request), initial={"amount": application.remaining_to_pay, "paid_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.payment_record(application=application, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            application.refresh_from_db(fields=["status", "paid_total"])
            if application.status == Status.PAID:
                messages.success(request, _("The payment is recorded. The support is now paid in full."))
            else:
                messages.success(request, _("The payment is recorded."))
            return redirect(detail_url(application, "payments"))
    return render(
        request,
        "support/form_page.html",
        {
            "app": application,
            "form": form,
            "title": _("Record a payment"),
            "facts": [
                (_("Final support"), application.final_amount),
                (_("Paid so far"), application.paid_total),
                (_("Remaining to pay"), application.remaining_to_pay),
            ],
            "submit": _("Record the payment"),
        },
    )


# --- Council reviews -------------------------------------------------------------------------------------


@login_required
@require_POST
def review_submit(request, pk: int):
    application = _application(request, "application.review", pk)
    form = ReviewForm(request.POST)
    if form.is_valid():
        try:
            services.review_submit(application=application, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Your review is saved."))
            return redirect(detail_url(application, "review"))
    return _detail_with_errors(request, pk, review_form=form)


@login_required
@require_POST
def conflict_declare(request, pk: int):
    application = _application(request, "application.review", pk)
    form = ConflictForm(request.POST)
    if form.is_valid():
        try:
            services.conflict_declare(application=application, by=request.user, note=form.cleaned_data["note"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Your conflict of interest is recorded: you will not score this application."))
            return redirect(detail_url(application, "review"))
    return _detail_with_errors(request, pk, conflict_form=form)
