"""Writes for enterprises: self-registration and claims, the profile and its size class, verification,
members, contacts, certificates and awards. Each write is atomic and records an audit row; people are
told through ``accounts.services`` (sent once the transaction commits)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from accounts.audit import audit_record, diff, snapshot
from accounts.models import AuditEntry, Membership, Role, User
from accounts.services import email_queue, notification_create

from . import selectors, sizes
from .models import Award, Certificate, Contact, Enterprise, EnterpriseClaim, Sector
from .taxcodes import normalise_tax_code

# What the profile form may change; the tax code and province are fixed at registration except by staff.
PROFILE_FIELDS = (
    "name",
    "short_name",
    "english_name",
    "kind",
    "ownership",
    "main_sector",
    "employees",
    "revenue",
    "capital",
    "priority_products",
    "ocop_stars",
    "commune",
    "address",
    "phone",
    "email",
    "website",
    "representative_name",
    "representative_title",
)
STAFF_FIELDS = ("tax_code", "province")
REGISTRATION_REQUIRED = ("name", "kind", "ownership", "main_sector", "employees", "revenue", "capital", "province")

# Verification as data: action -> (statuses it starts from, status it leads to).
TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "verify": (
        frozenset({Enterprise.Status.PENDING, Enterprise.Status.REJECTED, Enterprise.Status.SUSPENDED}),
        Enterprise.Status.VERIFIED,
    ),
    "reject": (frozenset({Enterprise.Status.PENDING}), Enterprise.Status.REJECTED),
    "suspend": (frozenset({Enterprise.Status.VERIFIED}), Enterprise.Status.SUSPENDED),
    "resubmit": (frozenset({Enterprise.Status.REJECTED}), Enterprise.Status.PENDING),
}


@dataclass(frozen=True)
class Registration:
    """What a registration created: always the account; a new enterprise, or a claim to an existing one."""

    user: User
    enterprise: Enterprise | None = None
    claim: EnterpriseClaim | None = None


# --- Size class --------------------------------------------------------------------------------


def enterprise_size_class(*, main_sector: Sector, employees: int, revenue: int, capital: int) -> str:
    """The Decree 80/2021 size class for these inputs (see ``sizes``)."""
    return sizes.size_class(sector_group=main_sector.group, employees=employees, revenue=revenue, capital=capital)


def _classify(enterprise: Enterprise) -> None:
    enterprise.size_class = enterprise_size_class(
        main_sector=enterprise.main_sector,
        employees=enterprise.employees,
        revenue=enterprise.revenue,
        capital=enterprise.capital,
    )


# --- Registration and claims -------------------------------------------------------------------


def _normalise_email(email: str) -> str:
    return User.objects.normalize_email((email or "").strip()).lower()


@transaction.atomic
def enterprise_register(
    *,
    email: str,
    password: str,
    full_name: str,
    tax_code: str,
    phone: str = "",
    position: str = "",
    enterprise_data: dict[str, Any] | None = None,
    message: str = "",
) -> Registration:
    """Create the person's account and, for a new tax code, the enterprise (awaiting verification) with
    the person as its member. A tax code already on file gives a claim for the province's staff to
    decide: the person is never attached to an existing enterprise without that decision."""
    email = _normalise_email(email)
    tax_code = normalise_tax_code(tax_code)
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError(
            {"email": _("An account with this e-mail address already exists. Sign in, or reset your password.")}
        )
    validate_password(password, user=User(email=email, full_name=full_name))

    existing = Enterprise.objects.filter(tax_code=tax_code).first()
    enterprise = None
    if existing is None:
        enterprise = _enterprise_build(tax_code=tax_code, data=enterprise_data or {})
    user = User.objects.create_user(email=email, password=password, full_name=full_name.strip(), phone=phone)
    if enterprise is not None:
        try:
            with transaction.atomic():  # a savepoint: someone may register the same tax code right now
                enterprise.save()
        except IntegrityError:
            existing = Enterprise.objects.filter(tax_code=tax_code).first()
            if existing is None:
                raise
            enterprise = None
    if enterprise is not None:
        enterprise.other_sectors.set((enterprise_data or {}).get("other_sectors") or [])
        Membership.objects.create(user=user, role=Role.ENTERPRISE_MEMBER, enterprise=enterprise, title=position)
        audit_record(
            actor=user,
            action=AuditEntry.Action.CREATE,
            instance=enterprise,
            changes=snapshot(enterprise),
            comment=_("Registered by %(name)s <%(email)s>.") % {"name": user.full_name, "email": user.email},
            province_id=enterprise.province_id,
        )
        _tell_staff(
            enterprise=enterprise,
            permission="enterprise.verify",
            title=_("New enterprise registration to verify: %(name)s") % {"name": enterprise.name},
            body=_("%(name)s (tax code %(tax_code)s) registered on the portal and awaits verification.")
            % {"name": enterprise.name, "tax_code": enterprise.tax_code},
            link=enterprise.get_absolute_url(),
        )
        return Registration(user=user, enterprise=enterprise)

    claim = EnterpriseClaim.objects.create(user=user, enterprise=existing, position=position, message=message)
    audit_record(
        actor=user,
        action=AuditEntry.Action.CREATE,
        instance=claim,
        changes=snapshot(claim),
        comment=_("Registered with the tax code of an enterprise already on file."),
        province_id=existing.province_id,
    )
    _tell_staff(
        enterprise=existing,
        permission="enterprise.manage_members",
        title=_("%(person)s asks to join %(name)s") % {"person": user.full_name, "name": existing.name},
        body=_(
            "%(person)s <%(email)s> registered with the tax code %(tax_code)s, which is already on file. "
            "Approve or reject the request."
        )
        % {"person": user.full_name, "email": user.email, "tax_code": existing.tax_code},
        link=reverse("enterprises:claim_list"),
    )
    return Registration(user=user, claim=claim)


def _enterprise_build(*, tax_code: str, data: dict[str, Any]) -> Enterprise:
    """An unsaved, validated, classified enterprise for a registration."""
    missing = {name: _("This field is required.") for name in REGISTRATION_REQUIRED if data.get(name) in (None, "")}
    if missing:
        raise ValidationError(missing)
    province = data["province"]
    if not province.is_current:
        raise ValidationError({"province": _("Choose one of today's provinces.")})
    fields = {name: data[name] for name in PROFILE_FIELDS if name in data and data[name] is not None}
    enterprise = Enterprise(tax_code=tax_code, province=province, **fields)
    _classify(enterprise)
    enterprise.full_clean(exclude=["tax_code"])  # the tax code was just found free
    return enterprise


@transaction.atomic
def claim_approve(*, claim: EnterpriseClaim, by: User) -> EnterpriseClaim:
    """Attach the claimant to the enterprise as an active member."""
    claim = _locked_claim(claim)
    before = snapshot(claim)
    membership, created = Membership.objects.get_or_create(
        user=claim.user,
        role=Role.ENTERPRISE_MEMBER,
        enterprise=claim.enterprise,
        defaults={"title": claim.position, "is_active": True},
    )
    if not created and not membership.is_active:
        membership.is_active = True
        membership.save(update_fields=["is_active"])
    claim.status, claim.decided_by, claim.decided_at = EnterpriseClaim.Status.APPROVED, by, timezone.now()
    claim.save(update_fields=["status", "decided_by", "decided_at"])
    audit_record(
        actor=by,
        action=AuditEntry.Action.TRANSITION,
        instance=claim,
        changes=diff(before, snapshot(claim)),
        province_id=claim.enterprise.province_id,
    )
    enterprise = claim.enterprise
    notification_create(
        user=claim.user,
        title=_("You are now a member of %(name)s") % {"name": enterprise.name},
        body=_("Your request to join %(name)s was approved.") % {"name": enterprise.name},
        link=enterprise.get_absolute_url(),
    )
    _tell_members(
        enterprise=enterprise,
        title=_("%(person)s joined %(name)s on the portal") % {"person": claim.user.full_name, "name": enterprise.name},
        body=_("The Department of Science and Technology approved the request of %(person)s <%(email)s>.")
        % {"person": claim.user.full_name, "email": claim.user.email},
        exclude=claim.user,
    )
    return claim


@transaction.atomic
def claim_reject(*, claim: EnterpriseClaim, by: User, reason: str) -> EnterpriseClaim:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the request is rejected.")})
    claim = _locked_claim(claim)
    before = snapshot(claim)
    claim.status, claim.decided_by, claim.decided_at = EnterpriseClaim.Status.REJECTED, by, timezone.now()
    claim.reason = reason
    claim.save(update_fields=["status", "decided_by", "decided_at", "reason"])
    audit_record(
        actor=by,
        action=AuditEntry.Action.TRANSITION,
        instance=claim,
        changes=diff(before, snapshot(claim)),
        comment=reason,
        province_id=claim.enterprise.province_id,
    )
    notification_create(
        user=claim.user,
        title=_("Your request to join %(name)s was rejected") % {"name": claim.enterprise.name},
        body=_("Reason: %(reason)s") % {"reason": reason},
    )
    return claim


def _locked_claim(claim: EnterpriseClaim) -> EnterpriseClaim:
    locked = (
        EnterpriseClaim.objects.select_for_update(of=("self",)).select_related("user", "enterprise").get(pk=claim.pk)
    )
    if locked.status != EnterpriseClaim.Status.PENDING:
        raise ValidationError(_("This request has already been decided."))
    return locked


# --- Profile and verification ------------------------------------------------------------------


@transaction.atomic
def enterprise_update(*, enterprise: Enterprise, by: User, data: dict[str, Any]) -> Enterprise:
    """Change the profile (fields of ``PROFILE_FIELDS``, ``other_sectors``, and for staff ``STAFF_FIELDS``)
    and recompute the size class. Editing a rejected registration sends it back for verification."""
    unknown = set(data) - set(PROFILE_FIELDS) - set(STAFF_FIELDS) - {"other_sectors"}
    if unknown:
        raise ValueError(f"enterprise_update cannot change {sorted(unknown)}")
    enterprise = Enterprise.objects.select_for_update(of=("self",)).select_related("main_sector").get(pk=enterprise.pk)
    before = snapshot(enterprise)
    values = dict(data)
    other_sectors = values.pop("other_sectors", None)
    if "tax_code" in values:
        values["tax_code"] = normalise_tax_code(values["tax_code"])
    if "province" in values and values["province"].pk != enterprise.province_id and not values["province"].is_current:
        raise ValidationError({"province": _("Choose one of today's provinces.")})
    for name, value in values.items():
        setattr(enterprise, name, value)
    _classify(enterprise)
    resubmitted = enterprise.status in TRANSITIONS["resubmit"][0]
    if resubmitted:
        enterprise.status, enterprise.status_reason = TRANSITIONS["resubmit"][1], ""
    enterprise.full_clean()
    enterprise.save()
    if other_sectors is not None:
        enterprise.other_sectors.set(other_sectors)
    changes = diff(before, snapshot(enterprise))
    audit_record(
        actor=by,
        action=AuditEntry.Action.UPDATE,
        instance=enterprise,
        changes=changes,
        comment=_("Sent back for verification after the rejection.") if resubmitted else "",
        province_id=enterprise.province_id,
    )
    if resubmitted:
        _tell_staff(
            enterprise=enterprise,
            permission="enterprise.verify",
            title=_("Corrected registration to verify: %(name)s") % {"name": enterprise.name},
            body=_("%(name)s corrected its profile after the rejection and awaits verification again.")
            % {"name": enterprise.name},
            link=enterprise.get_absolute_url(),
        )
    return enterprise


def _transition(*, enterprise: Enterprise, by: User, action: str, reason: str = "") -> Enterprise:
    sources, target = TRANSITIONS[action]
    enterprise = Enterprise.objects.select_for_update(of=("self",)).get(pk=enterprise.pk)
    if enterprise.status not in sources:
        raise ValidationError(
            _("This cannot be done while the enterprise is %(status)s.") % {"status": enterprise.get_status_display()}
        )
    before = snapshot(enterprise, ["status", "status_reason", "verified_by", "verified_at"])
    enterprise.status = target
    enterprise.status_reason = reason
    if target == Enterprise.Status.VERIFIED:
        enterprise.verified_by, enterprise.verified_at = by, timezone.now()
    enterprise.save(update_fields=["status", "status_reason", "verified_by", "verified_at", "updated_at"])
    audit_record(
        actor=by,
        action=AuditEntry.Action.TRANSITION,
        instance=enterprise,
        changes=diff(before, snapshot(enterprise, ["status", "status_reason", "verified_by", "verified_at"])),
        comment=reason,
        province_id=enterprise.province_id,
    )
    return enterprise


def _required_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason: the enterprise will read it.")})
    return reason


@transaction.atomic
def enterprise_verify(*, enterprise: Enterprise, by: User) -> Enterprise:
    """The Department checked the registration (or lifts a suspension): the enterprise may apply for support."""
    enterprise = _transition(enterprise=enterprise, by=by, action="verify")
    _tell_members(
        enterprise=enterprise,
        title=_("%(name)s is verified") % {"name": enterprise.name},
        body=_("The Department of Science and Technology verified your enterprise. You can now apply for support."),
    )
    return enterprise


@transaction.atomic
def enterprise_reject(*, enterprise: Enterprise, by: User, reason: str) -> Enterprise:
    reason = _required_reason(reason)
    enterprise = _transition(enterprise=enterprise, by=by, action="reject", reason=reason)
    _tell_members(
        enterprise=enterprise,
        title=_("The registration of %(name)s was rejected") % {"name": enterprise.name},
        body=_("Reason: %(reason)s\nCorrect the profile and save it: it will be verified again.") % {"reason": reason},
    )
    return enterprise


@transaction.atomic
def enterprise_suspend(*, enterprise: Enterprise, by: User, reason: str) -> Enterprise:
    reason = _required_reason(reason)
    enterprise = _transition(enterprise=enterprise, by=by, action="suspend", reason=reason)
    _tell_members(
        enterprise=enterprise,
        title=_("%(name)s is suspended") % {"name": enterprise.name},
        body=_("Reason: %(reason)s\nWhile suspended, the enterprise cannot apply for support.") % {"reason": reason},
    )
    return enterprise


# --- Members -----------------------------------------------------------------------------------


@transaction.atomic
def enterprise_member_add(
    *, enterprise: Enterprise, by: User, email: str, full_name: str = "", position: str = ""
) -> Membership:
    """Make a colleague a member of the enterprise. Someone without an account gets one, and an e-mail
    with a link to choose their password."""
    email = _normalise_email(email)
    user = User.objects.filter(email__iexact=email).first()
    is_new = user is None
    if is_new:
        if not (full_name or "").strip():
            raise ValidationError({"full_name": _("Give the person's full name: they have no account yet.")})
        user = User.objects.create_user(email=email, password=None, full_name=full_name.strip())
    membership = Membership.objects.filter(user=user, role=Role.ENTERPRISE_MEMBER, enterprise=enterprise).first()
    if membership is not None and membership.is_active:
        raise ValidationError({"email": _("This person is already a member of the enterprise.")})
    if membership is None:
        membership = Membership.objects.create(
            user=user, role=Role.ENTERPRISE_MEMBER, enterprise=enterprise, title=position
        )
    else:
        membership.is_active, membership.title = True, position or membership.title
        membership.save(update_fields=["is_active", "title"])
    audit_record(
        actor=by,
        action=AuditEntry.Action.CREATE,
        instance=membership,
        changes={"user": user.email, "enterprise": enterprise.name, "title": membership.title},
        comment=_("Member added to %(name)s.") % {"name": enterprise.name},
        province_id=enterprise.province_id,
    )
    if is_new:
        _email_new_member(user=user, enterprise=enterprise)
    else:
        notification_create(
            user=user,
            title=_("You are now a member of %(name)s") % {"name": enterprise.name},
            body=_("The Department of Science and Technology added you to %(name)s on the portal.")
            % {"name": enterprise.name},
            link=enterprise.get_absolute_url(),
        )
    return membership


@transaction.atomic
def enterprise_member_remove(*, membership: Membership, by: User, reason: str = "") -> Membership:
    """End a person's membership of an enterprise (they left it, or should not act for it): they keep their
    account but no longer reach the enterprise, its applications or its documents. Adding them again later
    restores the same membership."""
    membership = (
        Membership.objects.select_for_update(of=("self",)).select_related("user", "enterprise").get(pk=membership.pk)
    )
    if membership.role != Role.ENTERPRISE_MEMBER or membership.enterprise_id is None:
        raise ValidationError(_("Only a membership of an enterprise can be ended here."))
    if not membership.is_active:
        raise ValidationError(_("This person is no longer a member of the enterprise."))
    enterprise = membership.enterprise
    membership.is_active = False
    membership.save(update_fields=["is_active"])
    reason = (reason or "").strip()
    audit_record(
        actor=by,
        action=AuditEntry.Action.UPDATE,
        instance=membership,
        changes={"is_active": [True, False]},
        comment=reason
        or _("%(person)s removed from %(name)s.") % {"person": membership.user.email, "name": enterprise.name},
        province_id=enterprise.province_id,
    )
    body = _("The Department of Science and Technology removed you from %(name)s on the portal.") % {
        "name": enterprise.name
    }
    if reason:
        body += "\n" + _("Reason: %(reason)s") % {"reason": reason}
    notification_create(
        user=membership.user,
        title=_("You are no longer a member of %(name)s") % {"name": enterprise.name},
        body=body,
    )
    return membership


def _email_new_member(*, user: User, enterprise: Enterprise) -> None:
    from django.conf import settings

    link = settings.SITE_URL + reverse(
        "accounts:password_reset_confirm",
        args=[urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user)],
    )
    email_queue(
        to=[user.email],
        subject=_("An account on the NSCL portal for %(name)s") % {"name": enterprise.name},
        body=_(
            "The Department of Science and Technology added you as a member of %(name)s on the portal of the "
            "productivity and quality programme.\n\nChoose your password here to sign in:\n%(link)s"
        )
        % {"name": enterprise.name, "link": link},
    )


# --- Contacts, certificates, awards ------------------------------------------------------------


def _child_create(*, model: type[models.Model], enterprise: Enterprise, by: User, data: dict[str, Any]):
    obj = model(enterprise=enterprise, **data)
    obj.full_clean()
    obj.save()
    audit_record(
        actor=by,
        action=AuditEntry.Action.CREATE,
        instance=obj,
        changes=snapshot(obj),
        comment=str(enterprise),
        province_id=enterprise.province_id,
    )
    return obj


def _child_update(*, obj: models.Model, by: User, data: dict[str, Any]):
    # Read the row again: a bound ModelForm has already changed the instance it was given.
    obj = type(obj).objects.select_for_update(of=("self",)).select_related("enterprise").get(pk=obj.pk)
    before = snapshot(obj)
    for name, value in data.items():
        if name in ("enterprise", "enterprise_id", "id", "pk"):
            raise ValueError(f"cannot change {name}")
        setattr(obj, name, value)
    obj.full_clean()
    obj.save()
    audit_record(
        actor=by,
        action=AuditEntry.Action.UPDATE,
        instance=obj,
        changes=diff(before, snapshot(obj)),
        comment=str(obj.enterprise),
        province_id=obj.enterprise.province_id,
    )
    return obj


def _child_delete(*, obj: models.Model, by: User) -> None:
    audit_record(
        actor=by,
        action=AuditEntry.Action.DELETE,
        instance=obj,
        changes=snapshot(obj),
        comment=str(obj.enterprise),
        province_id=obj.enterprise.province_id,
    )
    obj.delete()


@transaction.atomic
def contact_create(*, enterprise: Enterprise, by: User, data: dict[str, Any]) -> Contact:
    return _child_create(model=Contact, enterprise=enterprise, by=by, data=data)


@transaction.atomic
def contact_update(*, contact: Contact, by: User, data: dict[str, Any]) -> Contact:
    return _child_update(obj=contact, by=by, data=data)


@transaction.atomic
def contact_delete(*, contact: Contact, by: User) -> None:
    _child_delete(obj=contact, by=by)


@transaction.atomic
def certificate_create(*, enterprise: Enterprise, by: User, data: dict[str, Any]) -> Certificate:
    return _child_create(model=Certificate, enterprise=enterprise, by=by, data=data)


@transaction.atomic
def certificate_update(*, certificate: Certificate, by: User, data: dict[str, Any]) -> Certificate:
    return _child_update(obj=certificate, by=by, data=data)


@transaction.atomic
def certificate_delete(*, certificate: Certificate, by: User) -> None:
    _child_delete(obj=certificate, by=by)


@transaction.atomic
def award_create(*, enterprise: Enterprise, by: User, data: dict[str, Any]) -> Award:
    return _child_create(model=Award, enterprise=enterprise, by=by, data=data)


@transaction.atomic
def award_update(*, award: Award, by: User, data: dict[str, Any]) -> Award:
    return _child_update(obj=award, by=by, data=data)


@transaction.atomic
def award_delete(*, award: Award, by: User) -> None:
    _child_delete(obj=award, by=by)


# --- Telling people ----------------------------------------------------------------------------


def _tell_members(*, enterprise: Enterprise, title: str, body: str, exclude: User | None = None) -> None:
    for user in selectors.enterprise_member_users(enterprise=enterprise):
        if exclude is None or user.pk != exclude.pk:
            notification_create(user=user, title=title, body=body, link=enterprise.get_absolute_url())


def _tell_staff(*, enterprise: Enterprise, permission: str, title: str, body: str, link: str) -> None:
    for user in selectors.enterprise_staff_users(enterprise=enterprise, permission=permission):
        notification_create(user=user, title=title, body=body, link=link)
