"""The application workflow, declared as data and enforced by one function.

``STATES`` says what each state means; ``TRANSITIONS`` lists every move: its name, the states it starts
from, the state it leads to, the ``accounts.access`` permission that decides who may do it (and on which
applications), the data it needs, its guards (each returns a translated reason when it fails) and its
effects. :func:`application_transition` is the only code that changes an application's ``status``:

1. access: 404 when the person cannot see the application, 403 when they see it but may not act;
2. the application row is locked (``select_for_update``) and re-read;
3. the state, the data and every guard are checked; any failure raises :class:`TransitionError` with
   all the reasons, and nothing changes;
4. the effects run (record the decision, commit or release money, ...), the status changes, an
   ``ApplicationEvent`` and an audit row are written, all in the same transaction;
5. once the transaction commits, the enterprise's members (and whoever else the transition names) are
   told in the portal and by e-mail.

    application_transition(application=app, transition="approve", by=staff, decision_number="12/QĐ-SKHCN",
                           decision_date=date(2024, 5, 6), signer_name="Trần Văn Minh", approved_amount=45_000_000)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from accounts import access
from accounts.audit import audit_record, diff, snapshot
from accounts.models import AuditEntry

from .choices import Status
from .models import (
    Acceptance,
    Application,
    ApplicationEvent,
    Attachment,
    BudgetAllocation,
    Contract,
    Council,
    Decision,
)
from .quote import CostLine, quote_support


class TransitionError(ValidationError):
    """A transition was refused: wrong state, missing or invalid data, or a failing guard. The messages
    are translated; field errors are keyed by the data's name, the rest by ``NON_FIELD_ERRORS``."""


# --- States ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StateInfo:
    dossier_editable: bool = False  # the enterprise may change the dossier (costs, documents, description)
    actuals_editable: bool = False  # the enterprise may enter actual costs and evidence
    claims_content: bool = False  # counts for "once per enterprise per content"
    money_committed: bool = False  # approved money is committed against the allocation
    terminal: bool = False


STATES: dict[str, StateInfo] = {
    Status.DRAFT: StateInfo(dossier_editable=True),
    Status.SUBMITTED: StateInfo(claims_content=True),
    Status.SCREENING: StateInfo(claims_content=True),
    Status.CHANGES_REQUESTED: StateInfo(dossier_editable=True, claims_content=True),
    Status.COUNCIL_REVIEW: StateInfo(claims_content=True),
    Status.APPROVED: StateInfo(claims_content=True, money_committed=True),
    Status.REJECTED: StateInfo(terminal=True),
    Status.CONTRACTED: StateInfo(claims_content=True, money_committed=True),
    Status.IMPLEMENTING: StateInfo(actuals_editable=True, claims_content=True, money_committed=True),
    Status.ACCEPTANCE: StateInfo(claims_content=True, money_committed=True),
    Status.ACCEPTED: StateInfo(claims_content=True, money_committed=True),
    Status.PAID: StateInfo(claims_content=True, money_committed=True, terminal=True),
    Status.WITHDRAWN: StateInfo(terminal=True),
    Status.CANCELLED: StateInfo(terminal=True),
}


def states_where(flag: str) -> frozenset[str]:
    return frozenset(status for status, info in STATES.items() if getattr(info, flag))


REQUIRED_DOCUMENTS = (
    Attachment.Kind.APPLICATION_FORM,
    Attachment.Kind.BUSINESS_REGISTRATION,
    Attachment.Kind.PROJECT_DESCRIPTION,
    Attachment.Kind.QUOTATION,
)
ACCEPTANCE_DOCUMENTS = (Attachment.Kind.INVOICE, Attachment.Kind.ACCEPTANCE_EVIDENCE)


# --- Transition context, data fields ------------------------------------------------------------------


@dataclass
class Context:
    """What guards and effects see: the locked application, who acts, the comment and the cleaned data.
    ``scratch`` passes what a guard found (the locked allocation) to the effects."""

    application: Application
    transition: Transition
    by: Any
    comment: str
    data: dict[str, Any]
    scratch: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class DataField:
    label: Promise
    kind: str  # "text", "date", "vnd", "council"


DATA_FIELDS: dict[str, DataField] = {
    "council": DataField(gettext_lazy("council"), "council"),
    "decision_number": DataField(gettext_lazy("decision number"), "text"),
    "decision_date": DataField(gettext_lazy("decision date"), "date"),
    "signer_name": DataField(gettext_lazy("signed by"), "text"),
    "signer_title": DataField(gettext_lazy("signer's title"), "text"),
    "approved_amount": DataField(gettext_lazy("approved support"), "vnd"),
    "contract_number": DataField(gettext_lazy("contract number"), "text"),
    "contract_date": DataField(gettext_lazy("date signed"), "date"),
    "contract_signer": DataField(gettext_lazy("signed by"), "text"),
    "accepted_on": DataField(gettext_lazy("acceptance date"), "date"),
    "minutes_number": DataField(gettext_lazy("minutes number"), "text"),
}


def _clean_value(name: str, value: Any) -> tuple[Any, str | None]:
    spec = DATA_FIELDS[name]
    if spec.kind == "text":
        if value is None:
            return "", None
        if not isinstance(value, str):
            return None, _("Enter the %(field)s as text.") % {"field": spec.label}
        return value.strip(), None
    if spec.kind == "date":
        if value is None:
            return None, None
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            return None, _("Enter the %(field)s as a date.") % {"field": spec.label}
        return value, None
    if spec.kind == "vnd":
        if value is None:
            return None, None
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            return None, _("The %(field)s must be a whole number of đồng above zero.") % {"field": spec.label}
        return value, None
    if value is not None and not isinstance(value, Council):
        return None, _("Choose a %(field)s.") % {"field": spec.label}
    return value, None


# --- Guards: each returns None when satisfied, else the translated reason ----------------------------

Guard = Callable[[Context], str | None]
Effect = Callable[[Context], None]


def documents_present(ctx: Context) -> str | None:
    present = set(ctx.application.attachments.values_list("kind", flat=True))
    missing = [str(Attachment.Kind(kind).label) for kind in REQUIRED_DOCUMENTS if kind not in present]
    if missing:
        return _("The dossier lacks: %(documents)s.") % {"documents": ", ".join(missing)}
    return None


def costs_estimated(ctx: Context) -> str | None:
    if not ctx.application.cost_items.filter(estimated_amount__gt=0).exists():
        return _("Add the estimated costs of the project.")
    return None


def enterprise_verified(ctx: Context) -> str | None:
    from enterprises.selectors import enterprise_can_apply

    allowed, reason = enterprise_can_apply(ctx.application.enterprise)
    return None if allowed else reason


def eligible(ctx: Context) -> str | None:
    from .selectors import eligibility_problems

    app = ctx.application
    problems = eligibility_problems(enterprise=app.enterprise, rule=app.rule, year=app.budget_year)
    return " ".join(problems) if problems else None


def once_per_content(ctx: Context) -> str | None:
    """An enterprise is supported once per content when the rule says so. The enterprise row is locked
    so that two applications of the same enterprise cannot both pass at the same moment."""
    from enterprises.models import Enterprise

    app = ctx.application
    if not app.rule.once_per_enterprise:
        return None
    list(Enterprise.objects.select_for_update().filter(pk=app.enterprise_id).values_list("pk", flat=True))
    other = (
        Application.objects.filter(
            enterprise_id=app.enterprise_id,
            rule__category_id=app.rule.category_id,
            province_id=app.province_id,
            status__in=states_where("claims_content"),
        )
        .exclude(pk=app.pk)
        .order_by("pk")
        .first()
    )
    if other is not None:
        return _(
            "The enterprise is supported only once for %(content)s and already has application "
            "#%(number)s (%(status)s)."
        ) % {"content": app.rule.category.name, "number": other.pk, "status": other.get_status_display()}
    return None


def council_valid(ctx: Context) -> str | None:
    council: Council | None = ctx.data.get("council")
    if council is None:
        return None  # reported as missing data
    app = ctx.application
    if council.province_id not in (app.province_id, app.province.successor_id):
        return _("The council %(council)s belongs to another province.") % {"council": council}
    if not council.members.exists():
        return _("The council %(council)s has no members yet.") % {"council": council}
    return None


def council_has_reviewed(ctx: Context) -> str | None:
    if not ctx.application.reviews.filter(conflict_of_interest=False).exists():
        return _("No member of the council has reviewed this application yet.")
    return None


def approved_within_maximum(ctx: Context) -> str | None:
    amount = ctx.data.get("approved_amount")
    maximum = ctx.application.max_support
    if amount is None:
        return None
    if maximum is None or amount > maximum:
        return _("The approved support (%(amount)s đ) is above the maximum computed at submission (%(maximum)s đ).") % {
            "amount": _vnd(amount),
            "maximum": _vnd(maximum or 0),
        }
    return None


def allocation_for(application: Application, *, lock: bool = False) -> BudgetAllocation | None:
    """The allocation that pays for an application: the policy's allocation for the budget year, or else
    the enterprise-support budget line of the policy's plan for that year."""
    qs = BudgetAllocation.objects.select_for_update() if lock else BudgetAllocation.objects.all()
    policy = application.rule.policy
    found = qs.filter(policy_id=policy.pk, year=application.budget_year).order_by("pk").first()
    if found is None and policy.plan_id:
        from plans.models import BudgetLine

        found = (
            qs.filter(
                policy__isnull=True,
                budget_line__plan_id=policy.plan_id,
                budget_line__category=BudgetLine.Category.ENTERPRISE_SUPPORT,
                year=application.budget_year,
            )
            .order_by("pk")
            .first()
        )
    return found


def budget_available(ctx: Context) -> str | None:
    """Locks the allocation row: a second approval at the same moment waits here and then sees the
    first one's commitment."""
    amount = ctx.data.get("approved_amount")
    if amount is None:
        return None
    app = ctx.application
    allocation = allocation_for(app, lock=True)
    if allocation is None:
        return _("No budget is allocated to %(policy)s for %(year)s.") % {
            "policy": app.rule.policy,
            "year": app.budget_year,
        }
    if allocation.available < amount:
        return _(
            "Only %(available)s đ of the %(year)s allocation is still available; %(amount)s đ cannot be committed."
        ) % {
            "available": _vnd(allocation.available),
            "year": allocation.year,
            "amount": _vnd(amount),
        }
    ctx.scratch["allocation"] = allocation
    return None


def actual_costs_present(ctx: Context) -> str | None:
    items = list(ctx.application.cost_items.all())
    if not items:
        return _("The application has no cost items.")
    if any(item.actual_amount is None for item in items):
        return _("Enter the actual amount of every cost item.")
    return None


def evidence_present(ctx: Context) -> str | None:
    present = set(ctx.application.attachments.values_list("kind", flat=True))
    missing = [str(Attachment.Kind(kind).label) for kind in ACCEPTANCE_DOCUMENTS if kind not in present]
    if missing:
        return _("Attach the evidence for acceptance: %(documents)s.") % {"documents": ", ".join(missing)}
    return None


def fully_paid(ctx: Context) -> str | None:
    app = ctx.application
    if app.final_amount is None or app.paid_total < app.final_amount:
        return _("%(left)s đ of the final support remain to be paid.") % {"left": _vnd(app.remaining_to_pay)}
    return None


# --- Effects ---------------------------------------------------------------------------------------------


def already_supported(application: Application) -> int:
    """Support the enterprise already has under the same rule (for a cap per enterprise): the final amount
    of accepted applications, the approved amount of those not yet accepted."""
    total = 0
    others = Application.objects.filter(
        enterprise_id=application.enterprise_id, rule_id=application.rule_id, status__in=states_where("money_committed")
    ).exclude(pk=application.pk)
    for approved, final in others.values_list("approved_amount", "final_amount"):
        total += final if final is not None else approved or 0
    return total


def quote_application(application: Application, *, actual: bool = False):
    """The quote for the application's estimated (or actual) costs."""
    lines = [
        CostLine(
            kind=item.kind,
            amount=(item.actual_amount or 0) if actual else item.estimated_amount,
            description=item.description,
        )
        for item in application.cost_items.all()
    ]
    return quote_support(
        rule=application.rule,
        lines=lines,
        quantity=application.quantity,
        already_supported=already_supported(application),
    )


def compute_maximum(ctx: Context) -> None:
    app = ctx.application
    app.max_support = quote_application(app).support
    app.submitted_at = timezone.now()


def assign_council(ctx: Context) -> None:
    ctx.application.council = ctx.data["council"]


def record_decision(ctx: Context) -> None:
    app, data = ctx.application, ctx.data
    Decision.objects.update_or_create(
        application=app,
        defaults={
            "number": data["decision_number"],
            "decided_on": data["decision_date"],
            "signer_name": data["signer_name"],
            "signer_title": data.get("signer_title") or "",
            "approved_amount": data["approved_amount"],
            "recorded_by": ctx.by,
            "recorded_at": timezone.now(),
        },
    )
    app.approved_amount = data["approved_amount"]


def commit_budget(ctx: Context) -> None:
    """The allocation row was locked by ``budget_available``; the constraint committed ≤ amount backs it."""
    allocation: BudgetAllocation = ctx.scratch["allocation"]
    amount = ctx.data["approved_amount"]
    BudgetAllocation.objects.filter(pk=allocation.pk).update(committed=F("committed") + amount)
    ctx.application.allocation = allocation


def record_contract(ctx: Context) -> None:
    data = ctx.data
    Contract.objects.update_or_create(
        application=ctx.application,
        defaults={
            "number": data["contract_number"],
            "signed_on": data["contract_date"],
            "signer_name": data["contract_signer"],
            "recorded_by": ctx.by,
            "recorded_at": timezone.now(),
        },
    )


def _release(application: Application, amount: int) -> None:
    if amount <= 0 or application.allocation_id is None:
        return
    BudgetAllocation.objects.select_for_update().filter(pk=application.allocation_id).first()
    BudgetAllocation.objects.filter(pk=application.allocation_id).update(committed=F("committed") - amount)


def record_acceptance(ctx: Context) -> None:
    """Final support = min(support on the actual costs, approved support); the difference is released."""
    app = ctx.application
    quote = quote_application(app, actual=True)
    final = min(quote.support, app.approved_amount or 0)
    Acceptance.objects.update_or_create(
        application=app,
        defaults={
            "accepted_on": ctx.data["accepted_on"],
            "minutes_number": ctx.data["minutes_number"],
            "actual_cost": sum(item.actual_amount or 0 for item in app.cost_items.all()),
            "eligible_actual_cost": quote.eligible_cost,
            "quoted_support": quote.support,
            "final_amount": final,
            "explanation": list(quote.explanation),
            "recorded_by": ctx.by,
            "recorded_at": timezone.now(),
        },
    )
    _release(app, (app.approved_amount or 0) - final)
    app.final_amount = final


def release_budget(ctx: Context) -> None:
    """Cancelling after approval gives back what was committed and not paid."""
    app = ctx.application
    _release(app, (app.approved_amount or 0) - app.paid_total)


# --- The table ----------------------------------------------------------------------------------------

ENTERPRISE, STAFF, COUNCIL = "enterprise", "staff", "council"


@dataclass(frozen=True)
class Transition:
    """One move of the workflow. Who may do it is ``permission``, a rule of ``accounts.access.RULES``
    (which roles, reaching which applications); ``fields`` is the data it needs, ``guards`` what must hold,
    ``effects`` what it does besides changing the status, ``notify`` who is told afterwards."""

    name: str
    label: Promise
    sources: frozenset[str]
    target: str
    permission: str
    fields: tuple[str, ...] = ()  # required data
    optional: tuple[str, ...] = ()  # optional data
    guards: tuple[Guard, ...] = ()
    effects: tuple[Effect, ...] = ()
    comment_required: bool = False
    notify: tuple[str, ...] = (ENTERPRISE,)
    automatic: bool = False  # done by the portal itself (the last payment), not offered as a button


_SUBMIT_GUARDS: tuple[Guard, ...] = (
    costs_estimated,
    documents_present,
    enterprise_verified,
    eligible,
    once_per_content,
)
_BEFORE_APPROVAL = frozenset(
    {Status.DRAFT, Status.SUBMITTED, Status.SCREENING, Status.CHANGES_REQUESTED, Status.COUNCIL_REVIEW}
)
_AFTER_APPROVAL = frozenset({Status.APPROVED, Status.CONTRACTED, Status.IMPLEMENTING, Status.ACCEPTANCE})

TRANSITIONS: tuple[Transition, ...] = (
    Transition(
        "submit",
        pgettext_lazy("application action", "Submit"),
        frozenset({Status.DRAFT}),
        Status.SUBMITTED,
        "application.submit",
        guards=_SUBMIT_GUARDS,
        effects=(compute_maximum,),
        notify=(ENTERPRISE, STAFF),
    ),
    Transition(
        "resubmit",
        pgettext_lazy("application action", "Submit again"),
        frozenset({Status.CHANGES_REQUESTED}),
        Status.SUBMITTED,
        "application.submit",
        guards=_SUBMIT_GUARDS,
        effects=(compute_maximum,),
        notify=(ENTERPRISE, STAFF),
    ),
    Transition(
        "start_screening",
        pgettext_lazy("application action", "Start screening"),
        frozenset({Status.SUBMITTED}),
        Status.SCREENING,
        "application.screen",
    ),
    Transition(
        "request_changes",
        pgettext_lazy("application action", "Ask for changes"),
        frozenset({Status.SUBMITTED, Status.SCREENING}),
        Status.CHANGES_REQUESTED,
        "application.screen",
        comment_required=True,
    ),
    Transition(
        "send_to_council",
        pgettext_lazy("application action", "Send to the appraisal council"),
        frozenset({Status.SCREENING}),
        Status.COUNCIL_REVIEW,
        "application.screen",
        fields=("council",),
        guards=(council_valid,),
        effects=(assign_council,),
        notify=(ENTERPRISE, COUNCIL),
    ),
    Transition(
        "reject",
        pgettext_lazy("application action", "Reject"),
        frozenset({Status.SUBMITTED, Status.SCREENING, Status.COUNCIL_REVIEW}),
        Status.REJECTED,
        "application.decide",
        comment_required=True,
    ),
    Transition(
        "approve",
        pgettext_lazy("application action", "Approve"),
        frozenset({Status.COUNCIL_REVIEW}),
        Status.APPROVED,
        "application.decide",
        fields=("decision_number", "decision_date", "signer_name", "approved_amount"),
        optional=("signer_title",),
        guards=(enterprise_verified, eligible, council_has_reviewed, approved_within_maximum, budget_available),
        effects=(record_decision, commit_budget),
    ),
    Transition(
        "sign_contract",
        pgettext_lazy("application action", "Record the contract"),
        frozenset({Status.APPROVED}),
        Status.CONTRACTED,
        "application.manage",
        fields=("contract_number", "contract_date", "contract_signer"),
        effects=(record_contract,),
    ),
    Transition(
        "start_implementation",
        pgettext_lazy("application action", "Start implementation"),
        frozenset({Status.CONTRACTED}),
        Status.IMPLEMENTING,
        "application.implement",
        notify=(ENTERPRISE, STAFF),
    ),
    Transition(
        "request_acceptance",
        pgettext_lazy("application action", "Ask for acceptance"),
        frozenset({Status.IMPLEMENTING}),
        Status.ACCEPTANCE,
        "application.implement",
        guards=(actual_costs_present, evidence_present),
        notify=(ENTERPRISE, STAFF),
    ),
    Transition(
        "return_to_implementation",
        pgettext_lazy("application action", "Return for completion"),
        frozenset({Status.ACCEPTANCE}),
        Status.IMPLEMENTING,
        "application.manage",
        comment_required=True,
    ),
    Transition(
        "accept",
        pgettext_lazy("application action", "Record the acceptance"),
        frozenset({Status.ACCEPTANCE}),
        Status.ACCEPTED,
        "application.manage",
        fields=("accepted_on", "minutes_number"),
        guards=(actual_costs_present, evidence_present),
        effects=(record_acceptance,),
    ),
    Transition(
        "mark_paid",
        pgettext_lazy("application action", "Mark as paid"),
        frozenset({Status.ACCEPTED}),
        Status.PAID,
        "application.pay",
        guards=(fully_paid,),
        automatic=True,
    ),
    Transition(
        "withdraw",
        pgettext_lazy("application action", "Withdraw"),
        _BEFORE_APPROVAL,
        Status.WITHDRAWN,
        "application.submit",
        notify=(ENTERPRISE, STAFF),
    ),
    Transition(
        "cancel",
        pgettext_lazy("application action", "Cancel"),
        _AFTER_APPROVAL,
        Status.CANCELLED,
        "application.decide",
        effects=(release_budget,),
        comment_required=True,
    ),
)

TRANSITIONS_BY_NAME: dict[str, Transition] = {t.name: t for t in TRANSITIONS}

# Fields of the application a transition may change (recorded in the audit row).
_TRACKED = [
    "status",
    "max_support",
    "approved_amount",
    "final_amount",
    "paid_total",
    "council",
    "allocation",
    "submitted_at",
]


# --- The one function ------------------------------------------------------------------------------------


@transaction.atomic
def application_transition(*, application: Application, transition: str, by, comment: str = "", **data) -> Application:
    """Move ``application`` through ``transition`` on behalf of ``by``; returns the updated application.

    ``data`` carries what the transition needs (``Transition.fields``): ``council`` for
    ``send_to_council``; ``decision_number``, ``decision_date``, ``signer_name``, ``approved_amount``
    (and ``signer_title``) for ``approve``; ``contract_number``, ``contract_date``, ``contract_signer`` for
    ``sign_contract``; ``accepted_on``, ``minutes_number`` for ``accept``.

    Raises ``Http404`` when the person cannot see the application, ``PermissionDenied`` when they see it but
    may not do this, and :class:`TransitionError` (a ``ValidationError``) when the state, the data or a
    guard refuses. Nothing changes in any of these cases.
    """
    spec = TRANSITIONS_BY_NAME.get(transition)
    if spec is None:
        raise ValueError(f"Unknown transition {transition!r}")
    unknown = set(data) - set(spec.fields) - set(spec.optional)
    if unknown:
        raise TypeError(f"{transition} takes no data named {sorted(unknown)}")

    access.get_object_or_404(by, spec.permission, Application.objects.all(), pk=application.pk)
    app = (
        Application.objects.select_for_update(of=("self",))
        .select_related("rule__policy", "rule__category", "enterprise", "province")
        .get(pk=application.pk)
    )
    if app.status not in spec.sources:
        raise TransitionError(
            _("“%(action)s” is not possible while the application is %(status)s.")
            % {"action": spec.label, "status": app.get_status_display()}
        )

    errors: dict[str, list[str]] = {}
    comment = (comment or "").strip()
    if spec.comment_required and not comment:
        errors["comment"] = [_("Give the reason: the enterprise will read it.")]
    cleaned: dict[str, Any] = {}
    for name in (*spec.fields, *spec.optional):
        value, error = _clean_value(name, data.get(name))
        if error is None and value in (None, "") and name in spec.fields:
            error = _("Enter the %(field)s.") % {"field": DATA_FIELDS[name].label}
        if error:
            errors[name] = [error]
        else:
            cleaned[name] = value
    if errors:
        raise TransitionError(errors)

    ctx = Context(application=app, transition=spec, by=by, comment=comment, data=cleaned)
    reasons = [reason for guard in spec.guards if (reason := guard(ctx))]
    if reasons:
        raise TransitionError({NON_FIELD_ERRORS: reasons})

    before = snapshot(app, _TRACKED)
    from_status = app.status
    for effect in spec.effects:
        effect(ctx)
    app.status = spec.target
    app.save(update_fields=[*_TRACKED, "updated_at"])
    event = ApplicationEvent.objects.create(
        application=app,
        transition=spec.name,
        from_status=from_status,
        to_status=spec.target,
        actor=by if getattr(by, "pk", None) else None,
        comment=comment,
        data={name: _jsonable(value) for name, value in cleaned.items()},
    )
    audit_record(
        actor=by,
        action=AuditEntry.Action.TRANSITION,
        instance=app,
        changes=diff(before, snapshot(app, _TRACKED)),
        comment=comment or str(spec.label),
        province_id=app.province_id,
    )
    transaction.on_commit(partial(_notify, application_id=app.pk, event_id=event.pk, audiences=spec.notify))
    return app


def transitions_for(
    *, application: Application, user, check_guards: bool = False, can: Callable[[str], bool] | None = None
) -> list[tuple[Transition, list[str]]]:
    """The transitions ``user`` may start from the application's state, each with the reasons its guards
    would refuse now (guards are evaluated only with ``check_guards``; data-dependent guards pass until the
    data is given). Portal-driven transitions appear only when they would pass."""
    result: list[tuple[Transition, list[str]]] = []
    allowed: dict[str, bool] = {}
    for spec in TRANSITIONS:
        if application.status not in spec.sources:
            continue
        if spec.permission not in allowed:
            allowed[spec.permission] = can(spec.permission) if can else access.can(user, spec.permission, application)
        if not allowed[spec.permission]:
            continue
        reasons: list[str] = []
        if check_guards or spec.automatic:
            ctx = Context(application=application, transition=spec, by=user, comment="", data={})
            with transaction.atomic():
                reasons = [reason for guard in spec.guards if (reason := guard(ctx))]
        if spec.automatic and reasons:
            continue
        result.append((spec, reasons))
    return result


# --- Helpers -------------------------------------------------------------------------------------------


def _vnd(value: int) -> str:
    from plans.formatting import format_vnd

    return format_vnd(value)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Council):
        return {"id": value.pk, "name": str(value)}
    return value


def application_link(application_id: int) -> str:
    """The page of an application, once the pages exist."""
    try:
        return reverse("support:application_detail", args=[application_id])
    except NoReverseMatch:
        return ""


def _notify(*, application_id: int, event_id: int, audiences: tuple[str, ...]) -> None:
    """Tell the people concerned, after the transaction committed (portal notification and e-mail)."""
    from accounts.models import Role, User
    from accounts.services import notification_create

    event = ApplicationEvent.objects.select_related("application__enterprise", "application__province").get(pk=event_id)
    app = event.application
    title = _("Application #%(number)s “%(title)s”: %(status)s") % {
        "number": app.pk,
        "title": app.title,
        "status": event.get_to_status_display(),
    }
    body = _("%(enterprise)s: the application is now %(status)s.") % {
        "enterprise": app.enterprise.name,
        "status": event.get_to_status_display(),
    }
    if event.comment:
        body += "\n\n" + event.comment
    users = User.objects.none()
    if ENTERPRISE in audiences:
        users |= User.objects.filter(
            memberships__enterprise_id=app.enterprise_id,
            memberships__role=Role.ENTERPRISE_MEMBER,
            memberships__is_active=True,
        )
    if STAFF in audiences:
        province_ids = [app.province_id]
        if app.province.successor_id:
            province_ids.append(app.province.successor_id)
        users |= User.objects.filter(
            memberships__province_id__in=province_ids,
            memberships__role__in=[Role.PROVINCE_STAFF, Role.PROVINCE_LEADER],
            memberships__is_active=True,
        )
    if COUNCIL in audiences and app.council_id:
        users |= User.objects.filter(council_seats__council_id=app.council_id)
    for user in users.filter(is_active=True).distinct().order_by("pk"):
        notification_create(user=user, title=title, body=body, link=application_link(app.pk))
