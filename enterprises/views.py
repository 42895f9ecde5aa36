"""Enterprise pages: registration, the profile, the staff's list, verification and claims.

Thin: each view reads through ``selectors`` / ``accounts.access``, validates with a form, calls a
service and redirects."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts import access, ratelimit
from accounts.audit import history_for

from . import selectors, services
from .forms import (
    AwardForm,
    CertificateForm,
    ContactForm,
    EnterpriseFilterForm,
    EnterpriseForm,
    MemberAddForm,
    MemberRemoveForm,
    ReasonForm,
    RegistrationForm,
    add_service_errors,
)
from .models import Award, Certificate, Contact, Enterprise, EnterpriseClaim

# --- Registration --------------------------------------------------------------------------------


def register(request):
    """Public: an account and the enterprise in one form."""
    if request.user.is_authenticated:
        messages.info(request, _("You are signed in already: a colleague can be added by the Department."))
        return redirect("home")
    form = RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        attempt = ratelimit.Attempt([("register_ip", ratelimit.client_ip(request))])
        try:
            attempt.begin()  # counted first, then decided; a registration refused below gives its place back
        except ratelimit.TooManyAttemptsError as exc:
            form.add_error(None, exc)
            return render(request, "enterprises/register.html", {"form": form}, status=429)
        try:
            result = services.enterprise_register(
                email=data["email"],
                password=data["password1"],
                full_name=data["full_name"],
                phone=data["phone"],
                position=data["position"],
                tax_code=data["tax_code"],
                enterprise_data=form.enterprise_data(),
                message=data["message"],
            )
        except ValidationError as exc:
            attempt.cancel()
            add_service_errors(form, exc)
        else:
            login(request, result.user)
            if result.enterprise is not None:
                messages.success(request, _("Your enterprise is registered. It now awaits verification."))
                return redirect(result.enterprise.get_absolute_url())
            return redirect("enterprises:claim_submitted")
    return render(request, "enterprises/register.html", {"form": form})


@login_required
def claim_submitted(request):
    return render(request, "enterprises/claim_submitted.html")


# --- The profile -----------------------------------------------------------------------------------


@login_required
def my_enterprise(request):
    """ "Hồ sơ doanh nghiệp": straight to the person's enterprise, or a choice when they have several."""
    enterprises = list(selectors.enterprises_of(user=request.user).select_related("province"))
    if len(enterprises) == 1:
        return redirect(enterprises[0].get_absolute_url())
    if not enterprises:
        raise Http404
    return render(request, "enterprises/my_enterprises.html", {"enterprises": enterprises})


@login_required
def enterprise_list(request):
    if not access.can(request.user, "enterprise.view"):
        raise PermissionDenied
    form = EnterpriseFilterForm(request.GET or None, province_ids=access.province_ids(request.user, "enterprise.view"))
    enterprises = selectors.enterprise_list(user=request.user, **form.filters())
    page = Paginator(enterprises, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "enterprises/enterprise_list.html",
        {
            "form": form,
            "page": page,
            "can_manage_members": access.can(request.user, "enterprise.manage_members"),
        },
    )


@login_required
def enterprise_detail(request, pk: int):
    enterprise = selectors.enterprise_detail(user=request.user, pk=pk)
    history = access.scope(request.user, "audit.view", history_for(enterprise))[:10]
    can_verify = access.can(request.user, "enterprise.verify", enterprise)
    actions = [a for a in ("verify", "reject", "suspend") if enterprise.status in services.TRANSITIONS[a][0]]
    return render(
        request,
        "enterprises/enterprise_detail.html",
        {
            "enterprise": enterprise,
            "can_change": access.can(request.user, "enterprise.change", enterprise),
            "can_verify": can_verify,
            "actions": actions if can_verify else [],
            "can_manage_members": access.can(request.user, "enterprise.manage_members", enterprise),
            "history": history,
        },
    )


@login_required
def enterprise_edit(request, pk: int):
    enterprise = access.get_object_or_404(
        request.user, "enterprise.change", Enterprise.objects.select_related("province", "main_sector"), pk=pk
    )
    staff = access.can(request.user, "enterprise.verify", enterprise)
    form = EnterpriseForm(
        request.POST or None,
        instance=enterprise,
        staff=staff,
        province_ids=access.province_ids(request.user, "enterprise.verify"),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.enterprise_update(enterprise=enterprise, by=request.user, data=form.service_data())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The profile is saved."))
            return redirect(enterprise.get_absolute_url())
    return render(
        request,
        "enterprises/form_page.html",
        {
            "enterprise": enterprise,
            "form": form,
            "title": _("Edit the profile of %(name)s") % {"name": enterprise.name},
            "submit": _("Save"),
        },
    )


# --- Contacts, certificates, awards ------------------------------------------------------------------

# kind -> (model, form, create service, update service, delete service, the service's keyword, names)
CHILDREN = {
    "contact": (
        Contact,
        ContactForm,
        services.contact_create,
        services.contact_update,
        services.contact_delete,
        "contact",
        (gettext_lazy("Add a contact"), gettext_lazy("Edit the contact"), gettext_lazy("Delete the contact")),
    ),
    "certificate": (
        Certificate,
        CertificateForm,
        services.certificate_create,
        services.certificate_update,
        services.certificate_delete,
        "certificate",
        (
            gettext_lazy("Add a certificate"),
            gettext_lazy("Edit the certificate"),
            gettext_lazy("Delete the certificate"),
        ),
    ),
    "award": (
        Award,
        AwardForm,
        services.award_create,
        services.award_update,
        services.award_delete,
        "award",
        (
            gettext_lazy("Add a National Quality Award result"),
            gettext_lazy("Edit the National Quality Award result"),
            gettext_lazy("Delete the National Quality Award result"),
        ),
    ),
}


def _enterprise_for_change(request, pk: int) -> Enterprise:
    return access.get_object_or_404(request.user, "enterprise.change", Enterprise.objects.all(), pk=pk)


def _child_for_change(request, kind: str, enterprise: Enterprise, child_pk: int):
    model = CHILDREN[kind][0]
    return access.get_object_or_404(
        request.user, "enterprise.change", model.objects.filter(enterprise=enterprise), pk=child_pk
    )


@login_required
def child_edit(request, pk: int, kind: str, child_pk: int | None = None):
    """Add (no ``child_pk``) or edit a contact, certificate or award of the enterprise."""
    model, form_class, create, update, _delete, keyword, titles = CHILDREN[kind]
    enterprise = _enterprise_for_change(request, pk)
    obj = _child_for_change(request, kind, enterprise, child_pk) if child_pk else model(enterprise=enterprise)
    form = form_class(request.POST or None, instance=obj)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.fields}
        try:
            if child_pk:
                update(**{keyword: obj}, by=request.user, data=data)
            else:
                create(enterprise=enterprise, by=request.user, data=data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect(enterprise.get_absolute_url() + f"#{kind}s")
    return render(
        request,
        "enterprises/form_page.html",
        {"enterprise": enterprise, "form": form, "title": titles[1] if child_pk else titles[0], "submit": _("Save")},
    )


@login_required
def child_delete(request, pk: int, kind: str, child_pk: int):
    _model, _form, _create, _update, delete, keyword, titles = CHILDREN[kind]
    enterprise = _enterprise_for_change(request, pk)
    obj = _child_for_change(request, kind, enterprise, child_pk)
    if request.method == "POST":
        delete(**{keyword: obj}, by=request.user)
        messages.success(request, _("Deleted."))
        return redirect(enterprise.get_absolute_url() + f"#{kind}s")
    return render(
        request, "enterprises/confirm_delete.html", {"enterprise": enterprise, "object": obj, "title": titles[2]}
    )


# --- Verification ----------------------------------------------------------------------------------


@login_required
@require_POST
def enterprise_verify(request, pk: int):
    enterprise = access.get_object_or_404(request.user, "enterprise.verify", Enterprise.objects.all(), pk=pk)
    try:
        services.enterprise_verify(enterprise=enterprise, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The enterprise is verified."))
    return redirect(enterprise.get_absolute_url())


REASON_ACTIONS = {
    "reject": (
        services.enterprise_reject,
        gettext_lazy("Reject the registration of %(name)s"),
        gettext_lazy("Say what is wrong and what the enterprise should correct; its members will read it."),
        gettext_lazy("The registration is rejected."),
    ),
    "suspend": (
        services.enterprise_suspend,
        gettext_lazy("Suspend %(name)s"),
        gettext_lazy("While suspended, the enterprise cannot apply for support. Its members will read the reason."),
        gettext_lazy("The enterprise is suspended."),
    ),
}


@login_required
def enterprise_reason_action(request, pk: int, action: str):
    """Reject or suspend, with a reason."""
    service, title, intro, done = REASON_ACTIONS[action]
    enterprise = access.get_object_or_404(request.user, "enterprise.verify", Enterprise.objects.all(), pk=pk)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            service(enterprise=enterprise, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, done)
            return redirect(enterprise.get_absolute_url())
    return render(
        request,
        "enterprises/form_page.html",
        {
            "enterprise": enterprise,
            "form": form,
            "title": title % {"name": enterprise.name},
            "intro": intro,
            "submit": _("Confirm"),
            "danger": True,
        },
    )


# --- Members and claims ----------------------------------------------------------------------------


@login_required
def member_add(request, pk: int):
    enterprise = access.get_object_or_404(request.user, "enterprise.manage_members", Enterprise.objects.all(), pk=pk)
    form = MemberAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.enterprise_member_add(enterprise=enterprise, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The member is added and has been told."))
            return redirect(enterprise.get_absolute_url() + "#members")
    return render(
        request,
        "enterprises/form_page.html",
        {
            "enterprise": enterprise,
            "form": form,
            "title": _("Add a member to %(name)s") % {"name": enterprise.name},
            "intro": _("A person without an account gets one, with an e-mail to choose their password."),
            "submit": _("Add"),
        },
    )


@login_required
def member_remove(request, pk: int, membership_pk: int):
    enterprise = access.get_object_or_404(request.user, "enterprise.manage_members", Enterprise.objects.all(), pk=pk)
    membership = get_object_or_404(
        selectors.enterprise_active_memberships(enterprise=enterprise).select_related("user"), pk=membership_pk
    )
    form = MemberRemoveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.enterprise_member_remove(membership=membership, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("%(person)s is no longer a member of %(name)s and has been told.")
                % {"person": membership.user.full_name, "name": enterprise.name},
            )
            return redirect(enterprise.get_absolute_url() + "#members")
    return render(
        request,
        "enterprises/form_page.html",
        {
            "enterprise": enterprise,
            "form": form,
            "title": _("Remove %(person)s from %(name)s")
            % {"person": membership.user.full_name, "name": enterprise.name},
            "intro": _(
                "The person keeps their account but no longer sees the enterprise, its applications or its "
                "documents. They can be added again later."
            ),
            "submit": _("Remove"),
            "danger": True,
        },
    )


@login_required
def claim_list(request):
    if not access.can(request.user, "enterprise.manage_members"):
        raise PermissionDenied
    status = request.GET.get("status", EnterpriseClaim.Status.PENDING)
    if status not in EnterpriseClaim.Status.values:
        status = ""
    claims = selectors.claim_list(user=request.user, status=status)
    page = Paginator(claims, settings.PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "enterprises/claim_list.html",
        {"page": page, "status": status, "statuses": EnterpriseClaim.Status.choices},
    )


def _claim(request, claim_pk: int) -> EnterpriseClaim:
    return access.get_object_or_404(
        request.user,
        "enterprise.manage_members",
        EnterpriseClaim.objects.select_related("user", "enterprise"),
        pk=claim_pk,
    )


@login_required
@require_POST
def claim_approve(request, claim_pk: int):
    claim = _claim(request, claim_pk)
    try:
        services.claim_approve(claim=claim, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("%(person)s is now a member of %(name)s.") % {"person": claim.user, "name": claim.enterprise},
        )
    return redirect("enterprises:claim_list")


@login_required
def claim_reject(request, claim_pk: int):
    claim = _claim(request, claim_pk)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.claim_reject(claim=claim, by=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The request is rejected."))
            return redirect("enterprises:claim_list")
    return render(
        request,
        "enterprises/form_page.html",
        {
            "form": form,
            "title": _("Reject the request of %(person)s to join %(name)s")
            % {"person": claim.user, "name": claim.enterprise},
            "intro": _("The person will read the reason."),
            "submit": _("Reject"),
            "danger": True,
            "cancel_url": reverse("enterprises:claim_list"),
        },
    )
