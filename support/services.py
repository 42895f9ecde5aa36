"""Writes for support: applications and their dossier (cost items, documents, messages), councils and
reviews, payments, budget allocations and policies. Status changes go through
``support.workflow.application_transition``, re-exported here.

Every function is keyword-only, atomic, checks access through ``accounts.access`` (404 when the person
cannot see the object, 403 when they see it but may not act) and records an audit row in the same
transaction. Refusals raise ``ValidationError`` with translated messages (keyed by field where one is to
blame) and change nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import zipfile
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models, transaction
from django.db.models import F
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from accounts import access
from accounts.audit import audit_record, diff, snapshot
from accounts.models import AuditEntry, Membership, Role, User
from accounts.services import notification_create

from .choices import CapPer, CostKind, PrioritySectorMode, Status
from .models import (
    Application,
    ApplicationMessage,
    Attachment,
    BudgetAllocation,
    CostItem,
    Council,
    CouncilMember,
    Payment,
    Review,
    RuleCostKind,
    SupportPolicy,
    SupportRule,
)
from .workflow import STATES, TransitionError, application_link, application_transition

__all__ = [
    "TransitionError",
    "actual_costs_record",
    "allocation_create",
    "allocation_update",
    "application_accept",
    "application_create",
    "application_draft_save",
    "application_import_historic",
    "application_transition",
    "application_update",
    "attachment_delete",
    "attachment_upload",
    "conflict_declare",
    "cost_item_add",
    "cost_item_delete",
    "cost_item_record_actual",
    "cost_item_update",
    "council_create",
    "council_member_add",
    "council_member_remove",
    "message_post",
    "payment_record",
    "policy_create",
    "policy_update",
    "review_submit",
    "rule_create",
    "rule_update",
]

MAX_UPLOAD_BYTES = 10 * 1024 * 1024

# extension -> (content type, check of the first bytes / the archive)
_PDF, _PNG, _JPEG, _ZIP = b"%PDF-", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"PK\x03\x04"
ALLOWED_UPLOADS: dict[str, tuple[str, str]] = {
    ".pdf": ("application/pdf", "PDF"),
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX"),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"),
    ".jpg": ("image/jpeg", "JPG"),
    ".jpeg": ("image/jpeg", "JPG"),
    ".png": ("image/png", "PNG"),
}


# --- Helpers ------------------------------------------------------------------------------------------


def _locked(by, permission: str, obj: models.Model) -> Any:
    """Check access to ``obj`` (404 / 403) and return it re-read under a row lock."""
    model = type(obj)
    access.get_object_or_404(by, permission, model._default_manager.all(), pk=obj.pk)
    return model._default_manager.select_for_update().get(pk=obj.pk)


def _whole_vnd(value, *, name: str, label: str, positive: bool = False) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError({name: _("Enter %(field)s as a whole number of đồng.") % {"field": label}})
    if value < 0 or (positive and value == 0):
        message = _("%(field)s must be above zero.") if positive else _("%(field)s cannot be negative.")
        raise ValidationError({name: capfirst(message % {"field": label})})
    return value


def _text(value, *, name: str, label: str, required: bool = True) -> str:
    value = (value or "").strip() if isinstance(value, str) or value is None else str(value)
    if required and not value:
        raise ValidationError({name: _("Enter %(field)s.") % {"field": label}})
    return value


def _full_clean(instance: models.Model, exclude: list[str] | None = None) -> None:
    instance.full_clean(exclude=exclude, validate_unique=True, validate_constraints=True)


def _save_new(instance: models.Model, *, by, province_id: int | None) -> None:
    """Validate, save and audit a new row: the creation path every support service shares."""
    _full_clean(instance)
    instance.save()
    _audit(
        by=by,
        action=AuditEntry.Action.CREATE,
        instance=instance,
        province_id=province_id,
        changes=diff({}, snapshot(instance)),
    )


def _dossier_editable(application: Application) -> None:
    if not STATES[application.status].dossier_editable:
        raise ValidationError(
            _(
                "The dossier can be changed only while the application is a draft or changes are requested; "
                "it is %(status)s."
            )
            % {"status": application.get_status_display()}
        )


def _audit(*, by, action: str, instance: models.Model, province_id: int | None, changes=None, comment: str = ""):
    audit_record(
        actor=by, action=action, instance=instance, changes=changes or {}, comment=comment, province_id=province_id
    )


def _is_enterprise_side(user, application: Application) -> bool:
    return application.enterprise_id in access.principal_for(user).enterprise_ids


# --- Applications ---------------------------------------------------------------------------------------

APPLICATION_FIELDS = ("title", "description", "quantity", "counterpart_funds", "budget_year")


@transaction.atomic
def application_create(
    *,
    by: User,
    enterprise,
    rule: SupportRule,
    budget_year: int,
    title: str,
    description: str = "",
    quantity: int = 1,
    counterpart_funds: int = 0,
) -> Application:
    """A draft application of ``enterprise`` (one of the person's) under ``rule`` for ``budget_year``.
    Eligibility is checked in full at submission; here only that the policy is in force that year."""
    from enterprises.models import Enterprise

    access.get_object_or_404(by, "application.add", Enterprise.objects.all(), pk=enterprise.pk)
    rule = SupportRule.objects.select_related("policy__province", "category").get(pk=rule.pk)
    if not rule.policy.in_force_in(budget_year):
        raise ValidationError(
            {
                "budget_year": _("The policy “%(policy)s” is not in force in %(year)s (%(period)s).")
                % {"policy": rule.policy.name, "year": budget_year, "period": rule.policy.period}
            }
        )
    application = Application(
        enterprise=enterprise,
        rule=rule,
        province_id=rule.policy.province_id,
        budget_year=budget_year,
        title=_text(title, name="title", label=_("the title")),
        description=_text(description, name="description", label=_("the description"), required=False),
        quantity=quantity,
        counterpart_funds=_whole_vnd(counterpart_funds, name="counterpart_funds", label=_("the counterpart funds")),
        created_by=by,
    )
    _save_new(application, by=by, province_id=application.province_id)
    return application


@transaction.atomic
def application_update(*, application: Application, by: User, data: dict[str, Any]) -> Application:
    """Change the title, description, quantity, counterpart funds or budget year of a draft (or of an
    application whose changes were requested)."""
    unknown = set(data) - set(APPLICATION_FIELDS)
    if unknown:
        raise TypeError(f"application_update cannot change {sorted(unknown)}")
    app = _locked(by, "application.edit", application)
    _dossier_editable(app)
    before = snapshot(app, list(APPLICATION_FIELDS))
    for name, raw in data.items():
        value = raw
        if name == "counterpart_funds":
            value = _whole_vnd(raw, name=name, label=_("the counterpart funds"))
        elif name in ("title", "description"):
            label = _("the title") if name == "title" else _("the description")
            value = _text(raw, name=name, label=label, required=name == "title")
        setattr(app, name, value)
    if "budget_year" in data and not app.rule.policy.in_force_in(app.budget_year):
        raise ValidationError({"budget_year": _("The policy is not in force in %(year)s.") % {"year": app.budget_year}})
    _full_clean(app)
    app.save()
    _audit(
        by=by,
        action=AuditEntry.Action.UPDATE,
        instance=app,
        province_id=app.province_id,
        changes=diff(before, snapshot(app, list(APPLICATION_FIELDS))),
    )
    return app


# --- Cost items ------------------------------------------------------------------------------------------


def _kind(kind: str) -> str:
    if kind not in CostKind.values:
        raise ValidationError({"kind": _("Choose a kind of cost from the list.")})
    return kind


@transaction.atomic
def cost_item_add(
    *, application: Application, by: User, kind: str, estimated_amount: int, description: str = ""
) -> CostItem:
    app = _locked(by, "application.edit", application)
    _dossier_editable(app)
    item = CostItem.objects.create(
        application=app,
        kind=_kind(kind),
        description=_text(description, name="description", label=_("the description"), required=False),
        estimated_amount=_whole_vnd(estimated_amount, name="estimated_amount", label=_("the estimated amount")),
        position=app.cost_items.count() + 1,
    )
    _audit(
        by=by,
        action=AuditEntry.Action.CREATE,
        instance=item,
        province_id=app.province_id,
        changes=diff({}, snapshot(item)),
    )
    return item


@transaction.atomic
def cost_item_update(*, cost_item: CostItem, by: User, data: dict[str, Any]) -> CostItem:
    """Change the kind, description or estimated amount of a cost item of an editable dossier."""
    unknown = set(data) - {"kind", "description", "estimated_amount"}
    if unknown:
        raise TypeError(f"cost_item_update cannot change {sorted(unknown)}")
    app = _locked(by, "application.edit", cost_item.application)
    _dossier_editable(app)
    item = CostItem.objects.select_for_update().get(pk=cost_item.pk)
    before = snapshot(item)
    if "kind" in data:
        item.kind = _kind(data["kind"])
    if "description" in data:
        item.description = _text(data["description"], name="description", label=_("the description"), required=False)
    if "estimated_amount" in data:
        item.estimated_amount = _whole_vnd(
            data["estimated_amount"], name="estimated_amount", label=_("the estimated amount")
        )
    item.save()
    _audit(
        by=by,
        action=AuditEntry.Action.UPDATE,
        instance=item,
        province_id=app.province_id,
        changes=diff(before, snapshot(item)),
    )
    return item


@transaction.atomic
def cost_item_delete(*, cost_item: CostItem, by: User) -> None:
    app = _locked(by, "application.edit", cost_item.application)
    _dossier_editable(app)
    _audit(
        by=by,
        action=AuditEntry.Action.DELETE,
        instance=cost_item,
        province_id=app.province_id,
        changes=snapshot(cost_item),
    )
    cost_item.delete()


@transaction.atomic
def cost_item_record_actual(*, cost_item: CostItem, by: User, actual_amount: int) -> CostItem:
    """The actual amount of a cost item, entered during implementation (from the invoices)."""
    app = _locked(by, "application.implement", cost_item.application)
    if not STATES[app.status].actuals_editable:
        raise ValidationError(
            _("Actual costs are entered during implementation; the application is %(status)s.")
            % {"status": app.get_status_display()}
        )
    item = CostItem.objects.select_for_update().get(pk=cost_item.pk)
    before = snapshot(item, ["actual_amount"])
    item.actual_amount = _whole_vnd(actual_amount, name="actual_amount", label=_("the actual amount"))
    item.save(update_fields=["actual_amount"])
    _audit(
        by=by,
        action=AuditEntry.Action.UPDATE,
        instance=item,
        province_id=app.province_id,
        changes=diff(before, snapshot(item, ["actual_amount"])),
    )
    return item


@transaction.atomic
def application_draft_save(
    *,
    by: User,
    data: dict[str, Any],
    cost_lines: list[dict[str, Any]],
    application: Application | None = None,
    enterprise=None,
    rule: SupportRule | None = None,
) -> Application:
    """The application form in one step: create the draft (of ``enterprise`` under ``rule``) or update
    ``application``, then add, change and remove its cost lines. ``data`` holds ``APPLICATION_FIELDS``;
    each cost line is a dict with ``item`` (a cost item of the application, or None for a new line),
    ``kind``, ``description``, ``estimated_amount`` and ``delete``. All or nothing: when anything is refused
    the draft stays as it was."""
    if application is None:
        application = application_create(by=by, enterprise=enterprise, rule=rule, **data)
    else:
        application = application_update(application=application, by=by, data=data)
    for line in cost_lines:
        item: CostItem | None = line.get("item")
        if item is not None and item.application_id != application.pk:
            raise ValueError(f"cost item {item.pk} belongs to another application")
        if line.get("delete"):
            if item is not None:
                cost_item_delete(cost_item=item, by=by)
            continue
        values = {
            "kind": line["kind"],
            "description": line.get("description") or "",
            "estimated_amount": line["estimated_amount"],
        }
        if item is None:
            cost_item_add(application=application, by=by, **values)
        elif any(getattr(item, name) != value for name, value in values.items()):
            cost_item_update(cost_item=item, by=by, data=values)
    return application


@transaction.atomic
def actual_costs_record(*, application: Application, by: User, amounts: dict[int, int]) -> list[CostItem]:
    """The actual amounts of several cost items of the application at once (by cost item id), as the
    enterprise enters them from the invoices during implementation. All or nothing."""
    app = _locked(by, "application.implement", application)
    items = {item.pk: item for item in CostItem.objects.filter(application_id=app.pk)}
    unknown = set(amounts) - set(items)
    if unknown:
        raise ValueError(f"cost items {sorted(unknown)} do not belong to application {app.pk}")
    return [cost_item_record_actual(cost_item=items[pk], by=by, actual_amount=amount) for pk, amount in amounts.items()]


@transaction.atomic
def application_accept(
    *,
    application: Application,
    by: User,
    accepted_on: dt.date,
    minutes_number: str,
    actual_amounts: dict[int, int] | None = None,
    comment: str = "",
) -> Application:
    """Record the acceptance with the actual costs the acceptance found. The province's staff may correct the
    actual amounts the enterprise entered (``actual_amounts`` by cost item id; each change is audited) before
    the ``accept`` transition computes the final support from them. All or nothing."""
    app = _locked(by, "application.manage", application)
    if app.status == Status.ACCEPTANCE and actual_amounts:
        items = {item.pk: item for item in CostItem.objects.select_for_update().filter(application_id=app.pk)}
        unknown = set(actual_amounts) - set(items)
        if unknown:
            raise ValueError(f"cost items {sorted(unknown)} do not belong to application {app.pk}")
        for pk, raw in actual_amounts.items():
            item = items[pk]
            amount = _whole_vnd(raw, name="actual_amount", label=_("the actual amount"))
            if item.actual_amount == amount:
                continue
            before = snapshot(item, ["actual_amount"])
            item.actual_amount = amount
            item.save(update_fields=["actual_amount"])
            _audit(
                by=by,
                action=AuditEntry.Action.UPDATE,
                instance=item,
                province_id=app.province_id,
                changes=diff(before, snapshot(item, ["actual_amount"])),
                comment=_("Actual amount corrected at acceptance."),
            )
    return application_transition(
        application=app,
        transition="accept",
        by=by,
        comment=comment,
        accepted_on=accepted_on,
        minutes_number=minutes_number,
    )


# --- Documents ------------------------------------------------------------------------------------------


def _check_upload(file: UploadedFile) -> tuple[str, str]:
    """Extension, size and content signature; returns (extension, content type). Raises with a
    translated message before anything is stored."""
    name = os.path.basename(file.name or "")
    ext = os.path.splitext(name)[1].lower()
    if ext not in ALLOWED_UPLOADS:
        raise ValidationError({"file": _("Only PDF, DOCX, XLSX, JPG and PNG files are accepted.")})
    size = file.size or 0
    if size == 0:
        raise ValidationError({"file": _("The file is empty.")})
    if size > MAX_UPLOAD_BYTES:
        raise ValidationError({"file": _("The file is larger than 10 MB.")})
    content_type, label = ALLOWED_UPLOADS[ext]
    file.seek(0)
    head = file.read(16)
    file.seek(0)
    if ext == ".pdf":
        ok = head.startswith(_PDF)
    elif ext == ".png":
        ok = head.startswith(_PNG)
    elif ext in (".jpg", ".jpeg"):
        ok = head.startswith(_JPEG)
    else:
        ok = head.startswith(_ZIP) and _office_archive_has(file, "word/" if ext == ".docx" else "xl/")
        file.seek(0)
    if not ok:
        raise ValidationError(
            {"file": _("The content of the file is not a %(type)s document, whatever its name says.") % {"type": label}}
        )
    return ext, content_type


def _office_archive_has(file, folder: str) -> bool:
    try:
        with zipfile.ZipFile(file) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    return "[Content_Types].xml" in names and any(n.startswith(folder) for n in names)


@transaction.atomic
def attachment_upload(*, application: Application, by: User, kind: str, file: UploadedFile) -> Attachment:
    """Store a document of the dossier in private storage, after checking its type (extension and content)
    and size (≤ 10 MB). Refused files leave nothing behind."""
    app = _locked(by, "application.attach", application)
    if STATES[app.status].terminal:
        raise ValidationError(
            _("The application is %(status)s: no more documents.") % {"status": app.get_status_display()}
        )
    if kind not in Attachment.Kind.values:
        raise ValidationError({"kind": _("Choose the kind of document from the list.")})
    _ext, content_type = _check_upload(file)
    digest = hashlib.sha256()
    for chunk in file.chunks():
        digest.update(chunk)
    file.seek(0)
    attachment = Attachment(
        application=app,
        kind=kind,
        original_name=os.path.basename(file.name)[:255],
        size=file.size,
        content_type=content_type,
        sha256=digest.hexdigest(),
        uploaded_by=by,
    )
    attachment.file.save(file.name, file, save=False)
    stored = attachment.file.name
    try:
        attachment.save()
        _audit(
            by=by,
            action=AuditEntry.Action.CREATE,
            instance=attachment,
            province_id=app.province_id,
            changes={
                "kind": [None, kind],
                "file": [None, attachment.original_name],
                "sha256": [None, attachment.sha256],
            },
        )
    except Exception:
        attachment.file.storage.delete(stored)
        raise
    return attachment


@transaction.atomic
def attachment_delete(*, attachment: Attachment, by: User) -> None:
    """The enterprise removes one of its documents while it may still change the dossier or the evidence."""
    app = _locked(by, "application.edit", attachment.application)
    info = STATES[app.status]
    if not (info.dossier_editable or info.actuals_editable):
        raise ValidationError(
            _("Documents cannot be removed while the application is %(status)s.") % {"status": app.get_status_display()}
        )
    name, storage = attachment.file.name, attachment.file.storage
    _audit(
        by=by,
        action=AuditEntry.Action.DELETE,
        instance=attachment,
        province_id=app.province_id,
        changes={"kind": [attachment.kind, None], "file": [attachment.original_name, None]},
    )
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(name))


# --- Messages ----------------------------------------------------------------------------------------------


@transaction.atomic
def message_post(*, application: Application, by: User, body: str) -> ApplicationMessage:
    """A message from the enterprise to the province's staff or back; the other side is told."""
    app = _locked(by, "application.message", application)
    body = _text(body, name="body", label=_("the message"))
    from_enterprise = _is_enterprise_side(by, app)
    message = ApplicationMessage.objects.create(application=app, author=by, from_enterprise=from_enterprise, body=body)
    _audit(by=by, action=AuditEntry.Action.CREATE, instance=message, province_id=app.province_id)
    if from_enterprise:
        recipients = User.objects.filter(
            memberships__province_id__in=_province_and_successor(app),
            memberships__role__in=[Role.PROVINCE_STAFF, Role.PROVINCE_LEADER],
            memberships__is_active=True,
        )
    else:
        recipients = User.objects.filter(
            memberships__enterprise_id=app.enterprise_id,
            memberships__role=Role.ENTERPRISE_MEMBER,
            memberships__is_active=True,
        )
    title = _("New message on application #%(number)s “%(title)s”") % {"number": app.pk, "title": app.title}
    ids = list(recipients.filter(is_active=True).exclude(pk=by.pk).distinct().values_list("pk", flat=True))
    transaction.on_commit(lambda: _tell(ids, title=title, body=body, link=application_link(app.pk)))
    return message


def _province_and_successor(app: Application) -> list[int]:
    ids = [app.province_id]
    successor = type(app.province).objects.filter(pk=app.province_id).values_list("successor_id", flat=True).first()
    if successor:
        ids.append(successor)
    return ids


def _tell(user_ids: list[int], *, title: str, body: str, link: str) -> None:
    for user in User.objects.filter(pk__in=user_ids).order_by("pk"):
        notification_create(user=user, title=title, body=body, link=link)


# --- Councils and reviews ----------------------------------------------------------------------------------


@transaction.atomic
def council_create(
    *,
    by: User,
    province,
    name: str,
    year: int,
    round: int = 1,
    decision_number: str = "",
    decision_date: dt.date | None = None,
) -> Council:
    """An appraisal council of ``province`` (set up by a decision of the Department)."""
    if not access.can_in_province(by, "council.change", province.pk):
        raise PermissionDenied(_("You may not set up councils in %(province)s.") % {"province": province})
    council = Council(
        province=province,
        name=_text(name, name="name", label=_("the name")),
        year=year,
        round=round,
        decision_number=_text(decision_number, name="decision_number", label="", required=False),
        decision_date=decision_date,
    )
    _save_new(council, by=by, province_id=province.pk)
    return council


@transaction.atomic
def council_member_add(
    *, council: Council, by: User, user: User, role: str = CouncilMember.Role.MEMBER
) -> CouncilMember:
    """Seat ``user`` on the council. The person is given the council-member role in the council's province
    (if they do not hold it yet): that role is what lets them reach the applications of their councils."""
    council = _locked(by, "council.change", council)
    if role not in CouncilMember.Role.values:
        raise ValidationError({"role": _("Choose the role in the council from the list.")})
    if CouncilMember.objects.filter(council=council, user=user).exists():
        raise ValidationError({"user": _("%(person)s already sits on this council.") % {"person": user}})
    if role == CouncilMember.Role.CHAIR and council.members.filter(role=CouncilMember.Role.CHAIR).exists():
        raise ValidationError({"role": _("The council already has a chair.")})
    member = CouncilMember.objects.create(council=council, user=user, role=role)
    membership, created = Membership.objects.get_or_create(
        user=user, role=Role.COUNCIL_MEMBER, province=council.province, unit=None, defaults={"is_active": True}
    )
    if not created and not membership.is_active:
        membership.is_active = True
        membership.save(update_fields=["is_active"])
        created = True
    if created:
        _audit(by=by, action=AuditEntry.Action.CREATE, instance=membership, province_id=council.province_id)
    access.forget(user)
    _audit(
        by=by,
        action=AuditEntry.Action.CREATE,
        instance=member,
        province_id=council.province_id,
        changes={"user": [None, str(user)], "role": [None, role]},
    )
    return member


@transaction.atomic
def council_member_remove(*, member: CouncilMember, by: User) -> None:
    """Take a person off a council that has no review of theirs yet."""
    council = _locked(by, "council.change", member.council)
    if member.reviews.exists():
        raise ValidationError(
            _("%(person)s has already reviewed applications of this council.") % {"person": member.user}
        )
    _audit(by=by, action=AuditEntry.Action.DELETE, instance=member, province_id=council.province_id)
    member.delete()


def _seat(*, application: Application, by: User) -> tuple[Application, CouncilMember]:
    app = _locked(by, "application.review", application)
    if app.status != Status.COUNCIL_REVIEW:
        raise ValidationError(
            _("Reviews are given while the application is with the council; it is %(status)s.")
            % {"status": app.get_status_display()}
        )
    member = CouncilMember.objects.filter(council_id=app.council_id, user=by).first()
    if member is None:  # an administrator reaches every application but sits on no council
        raise PermissionDenied(_("Only the members of the application's council review it."))
    return app, member


@transaction.atomic
def review_submit(*, application: Application, by: User, score: int, recommendation: str, opinion: str = "") -> Review:
    """A council member scores the application (0-100) and recommends approval or rejection. A member who
    declared a conflict of interest on it cannot."""
    app, member = _seat(application=application, by=by)
    review = Review.objects.select_for_update().filter(application=app, member=member).first()
    if review is not None and review.conflict_of_interest:
        raise ValidationError(_("You declared a conflict of interest on this application: you cannot score it."))
    if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 100:
        raise ValidationError({"score": _("The score is a whole number from 0 to 100.")})
    if recommendation not in Review.Recommendation.values:
        raise ValidationError({"recommendation": _("Recommend approval or rejection.")})
    before = snapshot(review) if review else {}
    review = review or Review(application=app, member=member)
    review.score, review.recommendation = score, recommendation
    review.opinion = _text(opinion, name="opinion", label="", required=False)
    review.save()
    _audit(
        by=by,
        action=AuditEntry.Action.UPDATE if before else AuditEntry.Action.CREATE,
        instance=review,
        province_id=app.province_id,
        changes=diff(before, snapshot(review)),
    )
    return review


@transaction.atomic
def conflict_declare(*, application: Application, by: User, note: str) -> Review:
    """A council member declares a conflict of interest: any score they gave is withdrawn and they can no
    longer score this application."""
    app, member = _seat(application=application, by=by)
    note = _text(note, name="note", label=_("what the conflict of interest is"))
    review = Review.objects.select_for_update().filter(application=app, member=member).first()
    before = snapshot(review) if review else {}
    review = review or Review(application=app, member=member)
    review.conflict_of_interest, review.conflict_note = True, note
    review.score, review.recommendation, review.opinion = None, "", ""
    review.save()
    _audit(
        by=by,
        action=AuditEntry.Action.UPDATE if before else AuditEntry.Action.CREATE,
        instance=review,
        province_id=app.province_id,
        changes=diff(before, snapshot(review)),
        comment=_("Conflict of interest declared."),
    )
    return review


# --- Payments ------------------------------------------------------------------------------------------------


@transaction.atomic
def payment_record(*, application: Application, by: User, paid_on: dt.date, amount: int, reference: str) -> Payment:
    """Record a payment of the support (one or more, never above the final amount). The allocation's
    disbursed money grows by the amount; the last payment marks the application paid."""
    app = _locked(by, "application.pay", application)
    if app.status != Status.ACCEPTED:
        raise ValidationError(
            _(
                "Payments are recorded after acceptance and until the support is fully paid; "
                "the application is %(status)s."
            )
            % {"status": app.get_status_display()}
        )
    amount = _whole_vnd(amount, name="amount", label=_("the amount"), positive=True)
    reference = _text(reference, name="reference", label=_("the payment reference"))
    if not isinstance(paid_on, dt.date) or isinstance(paid_on, dt.datetime):
        raise ValidationError({"paid_on": _("Enter the payment date.")})
    remaining = (app.final_amount or 0) - app.paid_total
    if amount > remaining:
        from plans.formatting import format_vnd

        raise ValidationError(
            {
                "amount": _("Only %(left)s đ of the final support (%(final)s đ) remain to be paid.")
                % {"left": format_vnd(remaining), "final": format_vnd(app.final_amount or 0)}
            }
        )
    payment = Payment.objects.create(
        application=app, paid_on=paid_on, amount=amount, reference=reference, recorded_by=by
    )
    Application.objects.filter(pk=app.pk).update(paid_total=F("paid_total") + amount)
    BudgetAllocation.objects.select_for_update().filter(pk=app.allocation_id).first()
    BudgetAllocation.objects.filter(pk=app.allocation_id).update(disbursed=F("disbursed") + amount)
    app.refresh_from_db(fields=["paid_total"])
    _audit(
        by=by,
        action=AuditEntry.Action.CREATE,
        instance=payment,
        province_id=app.province_id,
        changes={"amount": [None, amount], "paid_total": [app.paid_total - amount, app.paid_total]},
    )
    if app.paid_total == app.final_amount:
        application_transition(application=app, transition="mark_paid", by=by)
    return payment


# --- Historic records ------------------------------------------------------------------------------------------

HISTORIC_YEARS = range(2021, 2026)  # the 2021-2025 phase: support given before the portal existed


@transaction.atomic
def application_import_historic(
    *,
    by: User,
    enterprise,
    rule: SupportRule,
    budget_year: int,
    approved_amount: int,
    final_amount: int,
    paid_amount: int,
    decision_number: str,
    decision_date: dt.date,
    title: str = "",
    quantity: int = 1,
    signer_name: str = "",
    accepted_on: dt.date | None = None,
    minutes_number: str = "",
    paid_on: dt.date | None = None,
    payment_reference: str = "",
) -> Application:
    """Enter support given in 2021-2025, before the portal, as it ended: approved by a decision, accepted, and
    paid (or accepted with money still to pay when ``paid_amount`` is below ``final_amount``).

    Writes the application in its final state with its decision, acceptance and payment, the events of its
    history (approve, accept, mark paid, at their dates) and an audit row "import" for each, and commits the
    final support to (and disburses the payment from) the year's allocation when the province recorded one,
    never beyond it. It is not a workflow transition: the record enters the portal already decided. Refused
    (``ValidationError`` keyed by argument, translated; ``PermissionDenied``) it changes nothing."""
    from django.utils import timezone

    from .models import Acceptance, ApplicationEvent, Decision
    from .workflow import allocation_for, states_where

    rule = SupportRule.objects.select_related("policy__province", "category").get(pk=rule.pk)
    policy = rule.policy
    if not access.can_in_province(by, "application.import", policy.province_id):
        raise PermissionDenied(_("You may not import the support of %(province)s.") % {"province": policy.province})
    if not access.can(by, "enterprise.view", enterprise):
        raise PermissionDenied(_("You may not record support for %(enterprise)s.") % {"enterprise": enterprise})

    errors: dict[str, list[str]] = {}

    def checked(check, *args, **kwargs):
        try:
            return check(*args, **kwargs)
        except ValidationError as exc:
            for name, messages in exc.message_dict.items():
                errors.setdefault(name, []).extend(messages)
            return None

    if budget_year not in HISTORIC_YEARS:
        errors["budget_year"] = [
            _("Historic support is entered for %(first)s-%(last)s.")
            % {"first": HISTORIC_YEARS[0], "last": HISTORIC_YEARS[-1]}
        ]
    elif not policy.in_force_in(budget_year):
        errors["budget_year"] = [
            _("The policy “%(policy)s” is not in force in %(year)s (%(period)s).")
            % {"policy": policy.name, "year": budget_year, "period": policy.period}
        ]
    approved = checked(
        _whole_vnd, approved_amount, name="approved_amount", label=_("the approved support"), positive=True
    )
    final = checked(_whole_vnd, final_amount, name="final_amount", label=_("the final support"), positive=True)
    paid = checked(_whole_vnd, paid_amount, name="paid_amount", label=_("the amount paid"))
    if approved is not None and final is not None and final > approved:
        errors.setdefault("final_amount", []).append(_("The final support cannot be above the approved support."))
    if final is not None and paid is not None and paid > final:
        errors.setdefault("paid_amount", []).append(_("The amount paid cannot be above the final support."))
    decision_number = checked(_text, decision_number, name="decision_number", label=_("the decision number"))
    dates = {"decision_date": decision_date, "accepted_on": accepted_on or decision_date}
    dates["paid_on"] = paid_on or dates["accepted_on"]
    for name, value in dates.items():
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            errors.setdefault(name, []).append(_("Enter the date."))
    if not errors and dates["accepted_on"] < dates["decision_date"]:
        errors["accepted_on"] = [_("The acceptance cannot come before the approval decision.")]
    if not errors and paid and dates["paid_on"] < dates["accepted_on"]:
        errors["paid_on"] = [_("The payment cannot come before the acceptance.")]
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity < 1:
        errors["quantity"] = [_("The quantity is at least 1.")]
    if errors:
        raise ValidationError(errors)

    recorded = (
        Application.objects.filter(
            enterprise_id=enterprise.pk,
            rule__category_id=rule.category_id,
            budget_year=budget_year,
            decision__number__iexact=decision_number,
        )
        .order_by("pk")
        .first()
    )
    if recorded is not None:
        raise ValidationError(
            {
                "decision_number": _("This support is already recorded: application #%(number)s.")
                % {"number": recorded.pk}
            }
        )
    if rule.once_per_enterprise:
        list(type(enterprise).objects.select_for_update().filter(pk=enterprise.pk).values_list("pk", flat=True))
        other = (
            Application.objects.filter(
                enterprise_id=enterprise.pk,
                rule__category_id=rule.category_id,
                province_id=policy.province_id,
                status__in=states_where("claims_content"),
            )
            .order_by("pk")
            .first()
        )
        if other is not None:
            raise ValidationError(
                _(
                    "The enterprise is supported only once for %(content)s and already has application "
                    "#%(number)s (%(status)s)."
                )
                % {"content": rule.category.name, "number": other.pk, "status": other.get_status_display()}
            )

    status = Status.PAID if paid == final else Status.ACCEPTED
    app = Application(
        enterprise=enterprise,
        rule=rule,
        province_id=policy.province_id,
        budget_year=budget_year,
        title=_text(title, name="title", label="", required=False)[:255]
        or f"{rule.category.name} – {enterprise.name}"[:255],
        quantity=quantity,
        counterpart_funds=0,
        status=status,
        max_support=approved,
        approved_amount=approved,
        final_amount=final,
        paid_total=paid,
        created_by=by,
    )
    allocation = allocation_for(app, lock=True)
    if allocation is not None and allocation.available < final:
        from plans.formatting import format_vnd

        raise ValidationError(
            {
                "final_amount": _(
                    "Only %(available)s đ of the %(year)s allocation are still available; %(amount)s đ cannot be "
                    "committed."
                )
                % {"available": format_vnd(allocation.available), "year": allocation.year, "amount": format_vnd(final)}
            }
        )
    app.allocation = allocation
    _full_clean(app)
    app.save()
    if allocation is not None:
        BudgetAllocation.objects.filter(pk=allocation.pk).update(
            committed=F("committed") + final, disbursed=F("disbursed") + paid
        )
    decision = Decision.objects.create(
        application=app,
        number=decision_number,
        decided_on=dates["decision_date"],
        signer_name=_text(signer_name, name="signer_name", label="", required=False),
        approved_amount=approved,
        recorded_by=by,
    )
    acceptance = Acceptance.objects.create(
        application=app,
        accepted_on=dates["accepted_on"],
        minutes_number=_text(minutes_number, name="minutes_number", label="", required=False),
        actual_cost=final,
        eligible_actual_cost=final,
        quoted_support=final,
        final_amount=final,
        explanation=[_("Entered from the records of support given before the portal.")],
        recorded_by=by,
    )
    payment = None
    if paid:
        payment = Payment.objects.create(
            application=app,
            paid_on=dates["paid_on"],
            amount=paid,
            reference=_text(payment_reference, name="reference", label="", required=False) or decision_number,
            recorded_by=by,
        )
    comment = _("Entered from historic records.")
    steps = [("approve", Status.DRAFT, Status.APPROVED, dates["decision_date"])]
    steps.append(("accept", Status.APPROVED, Status.ACCEPTED, dates["accepted_on"]))
    if status == Status.PAID:
        steps.append(("mark_paid", Status.ACCEPTED, Status.PAID, dates["paid_on"]))
    ApplicationEvent.objects.bulk_create(
        ApplicationEvent(
            application=app,
            transition=name,
            from_status=source,
            to_status=target,
            actor=by,
            at=timezone.make_aware(dt.datetime.combine(day, dt.time(12))),
            comment=comment,
            data={"imported": True},
        )
        for name, source, target, day in steps
    )
    changes = diff({}, snapshot(app))
    if allocation is not None:
        changes["allocation_committed"] = [allocation.committed, allocation.committed + final]
        changes["allocation_disbursed"] = [allocation.disbursed, allocation.disbursed + paid]
    for instance, instance_changes in (
        (app, changes),
        (decision, diff({}, snapshot(decision))),
        (acceptance, diff({}, snapshot(acceptance))),
        (payment, diff({}, snapshot(payment)) if payment else None),
    ):
        if instance is not None:
            _audit(
                by=by,
                action=AuditEntry.Action.IMPORT,
                instance=instance,
                province_id=app.province_id,
                changes=instance_changes,
                comment=comment,
            )
    return app


# --- Budget allocations ---------------------------------------------------------------------------------------


@transaction.atomic
def allocation_create(
    *,
    by: User,
    province,
    year: int,
    amount: int,
    policy: SupportPolicy | None = None,
    budget_line=None,
    note: str = "",
) -> BudgetAllocation:
    """Money set aside for a policy (or a plan's budget line) in a year."""
    if not access.can_in_province(by, "budget.change", province.pk):
        raise PermissionDenied(_("You may not allocate budgets in %(province)s.") % {"province": province})
    if policy is None and budget_line is None:
        raise ValidationError({"policy": _("Choose the policy or the budget line the money is for.")})
    if policy is not None and policy.province_id != province.pk:
        raise ValidationError({"policy": _("The policy belongs to another province.")})
    allocation = BudgetAllocation(
        province=province,
        policy=policy,
        budget_line=budget_line,
        year=year,
        amount=_whole_vnd(amount, name="amount", label=_("the amount")),
        note=_text(note, name="note", label="", required=False),
    )
    _save_new(allocation, by=by, province_id=province.pk)
    return allocation


@transaction.atomic
def allocation_update(
    *, allocation: BudgetAllocation, by: User, amount: int, note: str | None = None
) -> BudgetAllocation:
    """Change the allocated amount; it cannot go below what is already committed."""
    allocation = _locked(by, "budget.change", allocation)
    amount = _whole_vnd(amount, name="amount", label=_("the amount"))
    if amount < allocation.committed:
        from plans.formatting import format_vnd

        raise ValidationError(
            {
                "amount": _("%(committed)s đ are already committed: the allocation cannot be smaller.")
                % {"committed": format_vnd(allocation.committed)}
            }
        )
    before = snapshot(allocation)
    allocation.amount = amount
    if note is not None:
        allocation.note = note
    allocation.save()
    _audit(
        by=by,
        action=AuditEntry.Action.UPDATE,
        instance=allocation,
        province_id=allocation.province_id,
        changes=diff(before, snapshot(allocation)),
    )
    return allocation


# --- Policies and rules --------------------------------------------------------------------------------------

POLICY_FIELDS = (
    "name",
    "plan",
    "legal_basis_text",
    "effective_from",
    "effective_to",
    "allowed_size_classes",
    "allowed_enterprise_types",
    "excluded_ownerships",
    "priority_sector_mode",
    "priority_products_note",
    "notes",
)
RULE_FIELDS = ("category", "position", "wording", "rate", "cap", "cap_per", "once_per_enterprise", "notes")


def _set_policy_fields(policy: SupportPolicy, data: dict[str, Any]) -> None:
    unknown = set(data) - set(POLICY_FIELDS) - {"legal_basis", "priority_sectors"}
    if unknown:
        raise TypeError(f"policy data has unknown fields {sorted(unknown)}")
    for name in POLICY_FIELDS:
        if name in data:
            setattr(policy, name, data[name])
    if policy.priority_sector_mode not in PrioritySectorMode.values:
        raise ValidationError({"priority_sector_mode": _("Choose how priority sectors count from the list.")})
    _full_clean(policy)


@transaction.atomic
def policy_create(*, by: User, province, data: dict[str, Any]) -> SupportPolicy:
    """A support policy of ``province``. ``data`` holds ``POLICY_FIELDS`` and optionally ``legal_basis``
    (legal documents) and ``priority_sectors`` (sectors)."""
    if not access.can_in_province(by, "policy.change", province.pk):
        raise PermissionDenied(_("You may not change the policies of %(province)s.") % {"province": province})
    policy = SupportPolicy(province=province)
    _set_policy_fields(policy, data)
    policy.save()
    if "legal_basis" in data:
        policy.legal_basis.set(data["legal_basis"])
    if "priority_sectors" in data:
        policy.priority_sectors.set(data["priority_sectors"])
    _audit(
        by=by,
        action=AuditEntry.Action.CREATE,
        instance=policy,
        province_id=province.pk,
        changes=diff({}, snapshot(policy)),
    )
    return policy


@transaction.atomic
def policy_update(*, policy: SupportPolicy, by: User, data: dict[str, Any]) -> SupportPolicy:
    policy = _locked(by, "policy.change", policy)
    before = snapshot(policy)
    _set_policy_fields(policy, data)
    policy.save()
    if "legal_basis" in data:
        policy.legal_basis.set(data["legal_basis"])
    if "priority_sectors" in data:
        policy.priority_sectors.set(data["priority_sectors"])
    _audit(
        by=by,
        action=AuditEntry.Action.UPDATE,
        instance=policy,
        province_id=policy.province_id,
        changes=diff(before, snapshot(policy)),
    )
    return policy


def _set_cost_kinds(rule: SupportRule, cost_kinds: list[dict[str, Any]]) -> None:
    """Replace the rule's cost kinds: [{"kind": ..., "eligible": bool, "rate": Decimal | None, "note": str}]."""
    seen: set[str] = set()
    rule.cost_kinds.all().delete()
    for row in cost_kinds:
        kind = _kind(row["kind"])
        if kind in seen:
            raise ValidationError({"cost_kinds": _("Each kind of cost is listed once.")})
        seen.add(kind)
        rate = row.get("rate")
        if rate is not None and not isinstance(rate, Decimal):
            raise ValidationError({"cost_kinds": _("Rates are decimal percentages.")})
        item = RuleCostKind(
            rule=rule, kind=kind, eligible=row.get("eligible", True), rate=rate, note=row.get("note", "")
        )
        _full_clean(item)
        item.save()


def _set_rule_fields(rule: SupportRule, data: dict[str, Any]) -> None:
    unknown = set(data) - set(RULE_FIELDS)
    if unknown:
        raise TypeError(f"rule data has unknown fields {sorted(unknown)}")
    for name in RULE_FIELDS:
        if name in data:
            setattr(rule, name, data[name])
    if not isinstance(rule.rate, Decimal):
        raise ValidationError({"rate": _("The rate is a decimal percentage.")})
    if rule.cap_per not in CapPer.values:
        raise ValidationError({"cap_per": _("Choose what the cap is counted per from the list.")})
    _full_clean(rule)


@transaction.atomic
def rule_create(
    *, policy: SupportPolicy, by: User, data: dict[str, Any], cost_kinds: list[dict[str, Any]]
) -> SupportRule:
    """A rule of ``policy`` (one per support content) with its cost kinds."""
    policy = _locked(by, "policy.change", policy)
    rule = SupportRule(policy=policy)
    _set_rule_fields(rule, data)
    rule.save()
    _set_cost_kinds(rule, cost_kinds)
    _audit(
        by=by,
        action=AuditEntry.Action.CREATE,
        instance=rule,
        province_id=policy.province_id,
        changes={**diff({}, snapshot(rule)), "cost_kinds": [None, [str(k) for k in rule.cost_kinds.all()]]},
    )
    return rule


@transaction.atomic
def rule_update(
    *, rule: SupportRule, by: User, data: dict[str, Any], cost_kinds: list[dict[str, Any]] | None = None
) -> SupportRule:
    """Change a rule. Applications already approved keep their amounts; a rule that applications use should
    rather be replaced by a new policy version."""
    rule = _locked(by, "policy.change", rule)
    before = snapshot(rule)
    before_kinds = [str(k) for k in rule.cost_kinds.all()]
    _set_rule_fields(rule, data)
    rule.save()
    if cost_kinds is not None:
        _set_cost_kinds(rule, cost_kinds)
    changes = diff(before, snapshot(rule))
    after_kinds = [str(k) for k in rule.cost_kinds.all()]
    if after_kinds != before_kinds:
        changes["cost_kinds"] = [before_kinds, after_kinds]
    _audit(by=by, action=AuditEntry.Action.UPDATE, instance=rule, province_id=rule.policy.province_id, changes=changes)
    return rule
