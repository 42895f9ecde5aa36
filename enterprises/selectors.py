"""Reads for enterprises. Lists and pages are scoped through ``accounts.access`` and load what they
show in a fixed number of queries."""

from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from accounts import access
from accounts.models import Membership, Role, User
from plans.models import Province

from .models import Enterprise, EnterpriseClaim


def enterprise_can_apply(enterprise: Enterprise) -> tuple[bool, str]:
    """May the enterprise apply for support? Only a verified, not suspended, enterprise may.
    Returns (allowed, the reason when not), for the support app."""
    if enterprise.status == Enterprise.Status.VERIFIED:
        return True, ""
    if enterprise.status == Enterprise.Status.PENDING:
        return False, _(
            "The registration of the enterprise has not been verified yet by the Department of Science and Technology."
        )
    if enterprise.status == Enterprise.Status.REJECTED:
        return False, _("The registration of the enterprise was rejected: %(reason)s") % {
            "reason": enterprise.status_reason
        }
    return False, _("The enterprise is suspended: %(reason)s") % {"reason": enterprise.status_reason}


def province_with_predecessors(province_id: int) -> set[int]:
    """A province and the provinces merged into it (a 2025 province shows the data of its predecessors)."""
    ids = {province_id}
    frontier = {province_id}
    while frontier:
        frontier = set(Province.objects.filter(successor_id__in=frontier).values_list("pk", flat=True)) - ids
        ids |= frontier
    return ids


def enterprise_list(
    *,
    user,
    status: str = "",
    size_class: str = "",
    kind: str = "",
    ownership: str = "",
    sector=None,
    province=None,
    search: str = "",
) -> QuerySet[Enterprise]:
    """The enterprises the person may see, filtered; each row with its province and main sector."""
    qs = Enterprise.objects.select_related("province", "main_sector")
    for name, value in (("status", status), ("size_class", size_class), ("kind", kind), ("ownership", ownership)):
        if value:
            qs = qs.filter(**{name: value})
    if sector is not None:
        qs = qs.filter(
            Q(main_sector=sector)
            | Q(pk__in=Enterprise.other_sectors.through.objects.filter(sector=sector).values("enterprise_id"))
        )
    if province is not None:
        qs = qs.filter(province_id__in=province_with_predecessors(province.pk))
    search = (search or "").strip()
    if search:
        digits = search.replace(" ", "").replace(".", "")
        qs = qs.filter(
            Q(name__icontains=search)
            | Q(short_name__icontains=search)
            | Q(english_name__icontains=search)
            | Q(tax_code__startswith=digits)
        )
    return access.scope(user, "enterprise.view", qs).order_by("name", "id")


def active_members() -> QuerySet[Membership]:
    """Memberships of enterprises that are in force."""
    return Membership.objects.filter(is_active=True, role=Role.ENTERPRISE_MEMBER, enterprise__isnull=False)


def enterprise_active_memberships(*, enterprise: Enterprise) -> QuerySet[Membership]:
    """The enterprise's members in force."""
    return active_members().filter(enterprise=enterprise)


def enterprise_detail(*, user, pk: int, permission: str = "enterprise.view") -> Enterprise:
    """One enterprise with everything its page shows (404 when invisible, 403 when visible only)."""
    qs = Enterprise.objects.select_related("province", "main_sector", "verified_by").prefetch_related(
        "other_sectors",
        "contacts",
        "certificates",
        "awards",
        Prefetch(
            "memberships",
            queryset=active_members().select_related("user"),
            to_attr="active_memberships",
        ),
    )
    return access.get_object_or_404(user, permission, qs, pk=pk)


def enterprises_of(*, user) -> QuerySet[Enterprise]:
    """The enterprises the person is a member of."""
    ids = access.principal_for(user).enterprise_ids
    return access.scope(user, "enterprise.view", Enterprise.objects.filter(pk__in=ids)).order_by("name")


def enterprise_member_users(*, enterprise: Enterprise) -> QuerySet[User]:
    """Active accounts of the enterprise's active members."""
    return User.objects.filter(
        is_active=True,
        memberships__enterprise=enterprise,
        memberships__role=Role.ENTERPRISE_MEMBER,
        memberships__is_active=True,
    ).distinct()


def enterprise_staff_users(*, enterprise: Enterprise, permission: str) -> QuerySet[User]:
    """The people of the enterprise's province (or of the province it was merged into) who hold
    ``permission`` there: they are told about registrations and claims. Read from ``access.RULES``."""
    roles = [role for role, reach in access.RULES[permission].items() if reach == access.Reach.PROVINCE]
    province_ids: set[int] = set()
    current: int | None = enterprise.province_id
    while current is not None and current not in province_ids:
        province_ids.add(current)
        current = Province.objects.filter(pk=current).values_list("successor_id", flat=True).first()
    return User.objects.filter(
        is_active=True,
        memberships__is_active=True,
        memberships__role__in=roles,
        memberships__province_id__in=province_ids,
    ).distinct()


def claim_list(*, user, status: str = EnterpriseClaim.Status.PENDING) -> QuerySet[EnterpriseClaim]:
    """Claims the person may decide, with the claimant and the enterprise."""
    qs = EnterpriseClaim.objects.select_related("user", "enterprise__province", "decided_by")
    if status:
        qs = qs.filter(status=status)
    return access.scope(user, "enterprise.manage_members", qs)
