"""Who may see and change what. The one place access is decided.

Every page, API view, export and file download asks this module, either for a scoped queryset
(:func:`scope`) or for a yes/no on one object (:func:`can`, :func:`get_object_or_404`).

Two tables drive it:

* ``RULES``: for each permission, which roles grant it and how far each role reaches
  (everything, the role's provinces, the person's units, enterprises or councils);
* ``PATHS``: for each model, the lookups that lead from a row to its province, unit, enterprise or
  council. Domain apps add nothing here but a line per model; they never check roles themselves;
* ``CONDITIONS``: what a permission is about, when that is narrower than the rows it reaches (the Ministry's
  "report.view_submitted" reaches every province, but only what was submitted).

A user's memberships are read once per request (:func:`principal_for`) and cached on the user.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from .models import Role


class Reach(StrEnum):
    ALL = "all"  # every row (Ministry reads, administrators)
    PROVINCE = "province"  # rows of the provinces the role is held in (and their predecessors)
    UNIT = "unit"  # rows where one of the person's units is involved
    ENTERPRISE = "enterprise"  # rows of the person's enterprises
    COUNCIL = "council"  # rows assigned to a council the person sits on
    SELF = "self"  # rows that belong to the person


S, L, C, U, E, M = (
    Role.PROVINCE_STAFF,
    Role.PROVINCE_LEADER,
    Role.COUNCIL_MEMBER,
    Role.UNIT_REPORTER,
    Role.ENTERPRISE_MEMBER,
    Role.MINISTRY,
)
P = Reach.PROVINCE

# permission -> {role: reach}. Superusers (technical administrators) pass every rule.
RULES: dict[str, dict[str, Reach]] = {
    # Reference data: provinces are public to every signed-in person; units are province data.
    "province.view": {S: Reach.ALL, L: Reach.ALL, C: Reach.ALL, U: Reach.ALL, E: Reach.ALL, M: Reach.ALL},
    "unit.view": {S: P, L: P, U: P, M: Reach.ALL},
    "unit.change": {S: P, L: P},
    # Plans and everything inside them (phases, objectives, targets, tasks, budget lines).
    "plan.view": {S: P, L: P, U: P, M: Reach.ALL},
    "plan.change": {S: P, L: P},
    "plan.add": {S: P, L: P},
    "task.report_progress": {S: P, L: P, U: Reach.UNIT},
    # What was done under a plan: activities, progress of tasks, indicator values entered with their source.
    "activity.view": {S: P, L: P, U: P, M: Reach.ALL},
    "activity.change": {S: P, L: P},
    "progress.view": {S: P, L: P, U: Reach.UNIT, M: Reach.ALL},
    "indicatorvalue.view": {S: P, L: P, U: P, M: Reach.ALL},
    "indicatorvalue.change": {S: P, L: P},
    # Legal documents plans cite (national reference data): read by whoever reads plans, added by plan editors.
    "legaldocument.view": {S: Reach.ALL, L: Reach.ALL, U: Reach.ALL, M: Reach.ALL},
    "legaldocument.add": {S: Reach.ALL, L: Reach.ALL},
    # The national catalogue of indicators targets are measured by: read by whoever reads plans.
    "indicator.view": {S: Reach.ALL, L: Reach.ALL, U: Reach.ALL, M: Reach.ALL},
    # Audit trail of a province.
    "audit.view": {S: P, L: P, M: Reach.ALL},
    # Enterprises and their profile (contacts, certificates, awards): their province's staff, their own
    # members; verification, claims and adding members are the province's.
    "enterprise.view": {S: P, L: P, E: Reach.ENTERPRISE, M: Reach.ALL},
    "enterprise.change": {S: P, L: P, E: Reach.ENTERPRISE},
    "enterprise.verify": {S: P, L: P},
    "enterprise.manage_members": {S: P, L: P},
    "enterprise.list": {S: P, L: P, M: Reach.ALL},  # the staff's list of enterprises (menu and page)
    "enterprise.own": {E: Reach.ENTERPRISE},  # an enterprise member's own profile (menu)
    # The catalogue of business sectors (VSIC sections): public to every signed-in person.
    "sector.view": {S: Reach.ALL, L: Reach.ALL, C: Reach.ALL, U: Reach.ALL, E: Reach.ALL, M: Reach.ALL},
    # Support (support app). Policies and the national catalogue are public to signed-in people; the
    # province's staff keep their policies, budgets and councils.
    "supportcategory.view": {S: Reach.ALL, L: Reach.ALL, C: Reach.ALL, U: Reach.ALL, E: Reach.ALL, M: Reach.ALL},
    "supportcategory.change": {M: Reach.ALL},
    "policy.view": {S: Reach.ALL, L: Reach.ALL, C: Reach.ALL, U: Reach.ALL, E: Reach.ALL, M: Reach.ALL},
    "policy.change": {S: P, L: P},
    "budget.view": {S: P, L: P, M: Reach.ALL},
    "budget.change": {S: P, L: P},
    "council.view": {S: P, L: P, C: Reach.COUNCIL, M: Reach.ALL},
    "council.change": {S: P, L: P},
    # Applications: the enterprise's own members, the province's staff, the members of the council the
    # application is assigned to; the Ministry reads. Parts (costs, documents, events, decision, ...)
    # follow their application. "application.add" is checked on the enterprise.
    "application.view": {S: P, L: P, C: Reach.COUNCIL, E: Reach.ENTERPRISE, M: Reach.ALL},
    "application.list": {S: P, L: P, M: Reach.ALL},  # the staff's queue of applications (menu and page)
    "application.add": {E: Reach.ENTERPRISE},
    "application.edit": {E: Reach.ENTERPRISE},
    "application.submit": {E: Reach.ENTERPRISE},
    "application.attach": {S: P, L: P, E: Reach.ENTERPRISE},
    "application.implement": {S: P, L: P, E: Reach.ENTERPRISE},
    "application.message": {S: P, L: P, E: Reach.ENTERPRISE},
    "application.screen": {S: P, L: P},
    "application.decide": {S: P, L: P},
    "application.manage": {S: P, L: P},
    "application.pay": {S: P, L: P},
    "application.review": {C: Reach.COUNCIL},
    "message.view": {S: P, L: P, E: Reach.ENTERPRISE, M: Reach.ALL},
    "review.view": {S: P, L: P, C: Reach.COUNCIL, M: Reach.ALL},
    # Reports to the Ministry (reporting app): the province prepares them (the working report: its narrative as
    # it is being written, every generated version), its leader submits them; the Ministry reads what was
    # submitted, never a draft (CONDITIONS below), and compiles all provinces.
    "report.view": {S: P, L: P},
    "report.change": {S: P, L: P},
    "report.submit": {L: P},
    "report.view_submitted": {M: Reach.ALL},
    "compilation.view": {M: Reach.ALL},
    "compilation.generate": {M: Reach.ALL},
    # Imports of programme data from spreadsheets (accounts.importing): the province's staff import into their
    # province; each kind also needs the permission on the rows it writes ("activity.change", ...).
    "import.view": {S: P, L: P},
    "enterprise.import": {S: P, L: P},
    "application.import": {S: P, L: P},
}

# Parts of a support application reach whoever reaches the application.
_APPLICATION_PART: dict[str, str | tuple[str, ...]] = {
    Reach.PROVINCE: "application__province_id",
    Reach.ENTERPRISE: "application__enterprise_id",
    Reach.COUNCIL: "application__council__members__user_id",
}

# model label -> {reach: lookup path(s) from the model to the scope's id}
PATHS: dict[str, dict[str, str | tuple[str, ...]]] = {
    "plans.province": {Reach.PROVINCE: "pk"},
    "plans.unit": {Reach.PROVINCE: "province_id"},
    "plans.plan": {Reach.PROVINCE: "province_id"},
    "plans.phase": {Reach.PROVINCE: "plan__province_id"},
    "plans.objective": {Reach.PROVINCE: "plan__province_id"},
    "plans.target": {Reach.PROVINCE: "plan__province_id"},
    "plans.task": {Reach.PROVINCE: "plan__province_id", Reach.UNIT: ("lead_unit_id", "coordinating_units")},
    "plans.budgetline": {Reach.PROVINCE: "plan__province_id"},
    "plans.budgetamount": {Reach.PROVINCE: "line__plan__province_id"},
    "plans.reportingduty": {Reach.PROVINCE: "plan__province_id"},
    "plans.activity": {Reach.PROVINCE: "plan__province_id"},
    "plans.taskprogress": {
        Reach.PROVINCE: "task__plan__province_id",
        Reach.UNIT: ("task__lead_unit_id", "task__coordinating_units"),
    },
    "plans.indicatorvalue": {Reach.PROVINCE: "plan__province_id"},
    "plans.legaldocument": {},  # national reference data: only rules with Reach.ALL apply
    "plans.indicator": {},  # national catalogue: only rules with Reach.ALL apply
    "accounts.auditentry": {Reach.PROVINCE: "province_id"},
    "enterprises.enterprise": {Reach.PROVINCE: "province_id", Reach.ENTERPRISE: "pk"},
    "enterprises.contact": {Reach.PROVINCE: "enterprise__province_id", Reach.ENTERPRISE: "enterprise_id"},
    "enterprises.certificate": {Reach.PROVINCE: "enterprise__province_id", Reach.ENTERPRISE: "enterprise_id"},
    "enterprises.award": {Reach.PROVINCE: "enterprise__province_id", Reach.ENTERPRISE: "enterprise_id"},
    "enterprises.enterpriseclaim": {Reach.PROVINCE: "enterprise__province_id"},
    "enterprises.sector": {},  # national catalogue: only rules with Reach.ALL apply
    "support.supportcategory": {},  # national catalogue: only rules with Reach.ALL apply
    "support.supportpolicy": {Reach.PROVINCE: "province_id"},
    "support.supportrule": {Reach.PROVINCE: "policy__province_id"},
    "support.rulecostkind": {Reach.PROVINCE: "rule__policy__province_id"},
    "support.budgetallocation": {Reach.PROVINCE: "province_id"},
    "support.council": {Reach.PROVINCE: "province_id", Reach.COUNCIL: "members__user_id"},
    "support.councilmember": {Reach.PROVINCE: "council__province_id", Reach.COUNCIL: "council__members__user_id"},
    "support.application": {
        Reach.PROVINCE: "province_id",
        Reach.ENTERPRISE: "enterprise_id",
        Reach.COUNCIL: "council__members__user_id",
    },
    "support.costitem": _APPLICATION_PART,
    "support.attachment": _APPLICATION_PART,
    "support.applicationevent": _APPLICATION_PART,
    "support.applicationmessage": _APPLICATION_PART,
    "support.decision": _APPLICATION_PART,
    "support.contract": _APPLICATION_PART,
    "support.acceptance": _APPLICATION_PART,
    "support.payment": _APPLICATION_PART,
    # A council member reaches their own reviews only.
    "support.review": {Reach.PROVINCE: "application__province_id", Reach.COUNCIL: "member__user_id"},
    "reporting.report": {Reach.PROVINCE: "province_id"},
    "reporting.reportversion": {Reach.PROVINCE: "report__province_id"},
    "reporting.reportreminder": {Reach.PROVINCE: "report__province_id"},
    "reporting.nationalcompilation": {},  # the Ministry's: only rules with Reach.ALL apply
    "accounts.importjob": {Reach.PROVINCE: "province_id"},
}


# permission -> {model label: (lookup, value)}: a condition every row the permission reaches must also meet,
# whoever asks (superusers included). It says what the permission is about, where RULES say who holds it and how
# far. A model the permission is applied to but that is missing here raises LookupError, like PATHS.
CONDITIONS: dict[str, dict[str, tuple[str, object]]] = {
    # What was submitted to the Ministry: reports with a submitted version, and those versions only.
    "report.view_submitted": {
        "reporting.report": ("versions__status", "submitted"),
        "reporting.reportversion": ("status", "submitted"),
    },
}


@dataclass(frozen=True)
class Principal:
    """What a signed-in person holds: roles, and for each role the ids it reaches."""

    user_id: int | None
    is_superuser: bool = False
    provinces: dict[str, frozenset[int]] = field(default_factory=dict)  # role -> province ids
    unit_ids: frozenset[int] = frozenset()
    enterprise_ids: frozenset[int] = frozenset()
    roles: frozenset[str] = frozenset()

    def has_role(self, *roles: str) -> bool:
        return self.is_superuser or any(role in self.roles for role in roles)

    @property
    def all_province_ids(self) -> frozenset[int]:
        ids: set[int] = set()
        for province_ids in self.provinces.values():
            ids |= province_ids
        return frozenset(ids)


ANONYMOUS = Principal(user_id=None)


def principal_for(user) -> Principal:
    """The person's roles and scopes, read from active memberships once per user object."""
    if user is None or not user.is_authenticated:
        return ANONYMOUS
    cached = getattr(user, "_nscl_principal", None)
    if cached is not None:
        return cached
    from plans.models import Province  # accounts sits below plans: imported when first needed

    provinces: dict[str, set[int]] = {}
    unit_ids: set[int] = set()
    enterprise_ids: set[int] = set()
    roles: set[str] = set()
    for role, province_id, unit_id, enterprise_id in _membership_rows(user):
        roles.add(role)
        if province_id:
            provinces.setdefault(role, set()).add(province_id)
        if unit_id:
            unit_ids.add(unit_id)
        if enterprise_id:
            enterprise_ids.add(enterprise_id)
    if provinces:
        # A province formed by the 2025 merger inherits the data of the provinces merged into it.
        all_ids = set().union(*provinces.values())
        predecessors: dict[int, set[int]] = {}
        for pk, successor_id in Province.objects.filter(successor_id__in=all_ids).values_list("pk", "successor_id"):
            predecessors.setdefault(successor_id, set()).add(pk)
        for ids in provinces.values():
            for successor_id in list(ids):
                ids.update(predecessors.get(successor_id, set()))
    principal = Principal(
        user_id=user.pk,
        is_superuser=user.is_superuser,
        provinces={role: frozenset(ids) for role, ids in provinces.items()},
        unit_ids=frozenset(unit_ids),
        enterprise_ids=frozenset(enterprise_ids),
        roles=frozenset(roles),
    )
    user._nscl_principal = principal
    return principal


def _membership_rows(user):
    """(role, province_id, unit_id, enterprise_id) for the person's active memberships."""
    return user.memberships.filter(is_active=True).values_list("role", "province_id", "unit_id", "enterprise_id")


def forget(user) -> None:
    """Drop the cached principal (after memberships change within a request)."""
    if hasattr(user, "_nscl_principal"):
        del user._nscl_principal


def _label(model: type[Model]) -> str:
    return model._meta.label_lower


def _paths(model: type[Model]) -> dict[str, str | tuple[str, ...]]:
    try:
        return PATHS[_label(model)]
    except KeyError as exc:  # a model nobody described is a programming error, never an open door
        raise LookupError(f"accounts.access.PATHS has no entry for {_label(model)}") from exc


def _reach_q(model: type[Model], reach: Reach, principal: Principal, role: str) -> Q | None:
    """The filter one role's reach puts on a model; None means no restriction (everything)."""
    if reach == Reach.ALL:
        return None
    paths = _paths(model).get(reach)
    if paths is None:
        return Q(pk__in=[])
    if isinstance(paths, str):
        paths = (paths,)
    if reach == Reach.PROVINCE:
        ids = principal.provinces.get(role, frozenset())
    elif reach == Reach.UNIT:
        ids = principal.unit_ids
    elif reach == Reach.ENTERPRISE:
        ids = principal.enterprise_ids
    elif reach in (Reach.COUNCIL, Reach.SELF):
        ids = frozenset([principal.user_id])
    else:  # pragma: no cover - exhaustive
        raise ValueError(reach)
    q = Q(pk__in=[])
    for path in paths:
        if _is_multivalued(model, path):
            # Through a to-many relation: filter by subquery so that rows are never duplicated.
            q |= Q(pk__in=model._default_manager.filter(**{f"{path}__in": ids}).values("pk"))
        else:
            q |= Q(**{f"{path}__in": ids})
    return q


def _is_multivalued(model: type[Model], path: str) -> bool:
    """Does the lookup path cross a many-to-many or reverse foreign key?"""
    opts = model._meta
    for part in path.split("__"):
        if part == "pk":
            return False
        field_ = opts.get_field(part.removesuffix("_id") if part.endswith("_id") else part)
        if field_.many_to_many or field_.one_to_many:
            return True
        if not field_.is_relation:
            return False
        opts = field_.related_model._meta
    return False


def _condition_q(model: type[Model], permission: str) -> Q | None:
    """The condition of ``permission`` on the model (CONDITIONS), or None when the permission has none."""
    conditions = CONDITIONS.get(permission)
    if conditions is None:
        return None
    try:
        path, value = conditions[_label(model)]
    except KeyError as exc:
        raise LookupError(f"accounts.access.CONDITIONS[{permission!r}] has no entry for {_label(model)}") from exc
    if _is_multivalued(model, path):
        return Q(pk__in=model._default_manager.filter(**{path: value}).values("pk"))
    return Q(**{path: value})


def scope(user, permission: str, queryset: QuerySet) -> QuerySet:
    """The rows of ``queryset`` the person may use for ``permission``; none if no role grants it."""
    principal = principal_for(user)
    if principal.user_id is None:
        return queryset.none()
    condition = _condition_q(queryset.model, permission)
    if condition is not None:
        queryset = queryset.filter(condition)
    if principal.is_superuser:
        return queryset
    rule = RULES[permission]
    combined: Q | None = Q(pk__in=[])
    for role, reach in rule.items():
        if role not in principal.roles:
            continue
        q = _reach_q(queryset.model, reach, principal, role)
        if q is None:
            return queryset
        combined |= q
    return queryset.filter(combined)


def scope_any(user, permissions: tuple[str, ...], queryset: QuerySet) -> QuerySet:
    """The rows of ``queryset`` that any of ``permissions`` lets the person use: a report is read by the
    province's people through "report.view" and by the Ministry, once submitted, through "report.view_submitted"."""
    granted = [permission for permission in permissions if can(user, permission)]
    if not granted:
        return queryset.none()
    if len(granted) == 1:
        return scope(user, granted[0], queryset)
    rows = queryset.model._default_manager.all()
    combined = Q(pk__in=[])
    for permission in granted:
        combined |= Q(pk__in=scope(user, permission, rows).values("pk"))
    return queryset.filter(combined)


def can_any(user, permissions: tuple[str, ...], obj: Model | None = None) -> bool:
    """May the person do any of ``permissions`` (on ``obj``)?"""
    if obj is None:
        return any(can(user, permission) for permission in permissions)
    return scope_any(user, permissions, type(obj)._default_manager.filter(pk=obj.pk)).exists()


def can(user, permission: str, obj: Model | None = None) -> bool:
    """May the person do ``permission`` on ``obj`` (or at all, when ``obj`` is None)?"""
    principal = principal_for(user)
    if principal.user_id is None:
        return False
    if obj is None:
        return principal.is_superuser or any(role in principal.roles for role in RULES[permission])
    if principal.is_superuser and permission not in CONDITIONS:
        return True
    return scope(user, permission, type(obj)._default_manager.filter(pk=obj.pk)).exists()


def can_in_province(user, permission: str, province_id: int) -> bool:
    """May the person do ``permission`` for something that will belong to this province
    (creating a plan, adding a unit)? Decided without a query."""
    principal = principal_for(user)
    if principal.user_id is None:
        return False
    if principal.is_superuser:
        return True
    for role, reach in RULES[permission].items():
        if role not in principal.roles:
            continue
        if reach == Reach.ALL or (reach == Reach.PROVINCE and province_id in principal.provinces.get(role, ())):
            return True
    return False


def province_ids(user, permission: str) -> frozenset[int] | None:
    """Province ids the person reaches for ``permission``; None means every province."""
    principal = principal_for(user)
    if principal.is_superuser:
        return None
    ids: set[int] = set()
    for role, reach in RULES[permission].items():
        if role not in principal.roles:
            continue
        if reach == Reach.ALL:
            return None
        if reach == Reach.PROVINCE:
            ids |= principal.provinces.get(role, frozenset())
    return frozenset(ids)


def get_object_or_404(user, permission: str, queryset: QuerySet, **lookup) -> Model:
    """The object, if the person may ``permission`` it.

    Not visible at all: 404, so nobody learns that another province's or enterprise's record exists.
    Visible (through ``view_permission`` of the same family) but not allowed: 403.
    """
    obj = scope(user, permission, queryset).filter(**lookup).first()
    if obj is not None:
        return obj
    view_permission = permission.rsplit(".", 1)[0] + ".view"
    if (
        view_permission != permission
        and view_permission in RULES
        and scope(user, view_permission, queryset).filter(**lookup).exists()
    ):
        raise PermissionDenied(_("You may view this record but not change it."))
    raise Http404
