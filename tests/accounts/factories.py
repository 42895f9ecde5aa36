"""Users with roles, for tests."""

from __future__ import annotations

import itertools

from accounts.models import Membership, Role, User

_counter = itertools.count(1)
PASSWORD = "correct-horse-battery-9"


def make_user(
    *, role: str | None = None, province=None, unit=None, enterprise=None, password: str = PASSWORD, **extra
) -> User:
    """A user holding ``role`` in ``province``, ``unit`` or ``enterprise``; no role when ``role`` is None."""
    n = next(_counter)
    extra.setdefault("full_name", f"Người dùng {n}")
    user = User.objects.create_user(email=extra.pop("email", f"user{n}@example.vn"), password=password, **extra)
    if role == Role.ADMINISTRATOR:
        user.is_staff = user.is_superuser = True
        user.save(update_fields=["is_staff", "is_superuser"])
        Membership.objects.create(user=user, role=role)
    elif role:
        if unit is not None and province is None:
            province = unit.province
        Membership.objects.create(user=user, role=role, province=province, unit=unit, enterprise=enterprise)
    return user
