"""How long a signed-in session lasts, by role.

The people of a Department, a council, a unit, the Ministry and the administrators reach data of many enterprises
and sign decisions: their session ends ``NSCL_SESSION_HOURS_STAFF`` hours (8) after they sign in, so that a
browser left open in an office is not open the next morning. An enterprise's members reach their own enterprise
only and sign in from their own devices: ``NSCL_SESSION_DAYS_ENTERPRISE`` days (14). A person holding both kinds
of role gets the short one.

The length is set when the session is opened, by whatever door (the portal's page, the admin's, a registration
that signs the new member in, a password reset): ``user_logged_in`` is Django's one hook common to all of them,
connected in ``AccountsConfig.ready``. It sets an absolute expiry on the session (the database row and the
cookie), so nothing is written on later requests."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone

from .access import principal_for
from .models import Role


def session_length(user) -> dt.timedelta:
    principal = principal_for(user)
    if user.is_staff or principal.is_superuser or principal.roles - {Role.ENTERPRISE_MEMBER}:
        return dt.timedelta(hours=settings.NSCL_SESSION_HOURS_STAFF)
    return dt.timedelta(days=settings.NSCL_SESSION_DAYS_ENTERPRISE)


def set_session_length(sender, request, user, **kwargs) -> None:
    """``user_logged_in`` receiver: the session ends at sign-in + the role's length."""
    session = getattr(request, "session", None)
    if session is not None:
        session.set_expiry(timezone.now() + session_length(user))
