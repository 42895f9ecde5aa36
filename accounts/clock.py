"""The portal's notion of today: the local date in Asia/Ho_Chi_Minh, or a fixed "as of" date.

Everything that depends on the date (a plan's standing, and later calls, deadlines and targets) asks
:func:`today` rather than ``date.today()`` or ``timezone.now()``, so that a demo or a test can be run as of a
chosen day: set ``NSCL_AS_OF=YYYY-MM-DD`` in the environment (read by the settings) or the setting
``NSCL_AS_OF`` itself (tests use the ``as_of`` fixture). Without it, today is the local date of the
``TIME_ZONE`` setting, so a plan does not change its standing at 17:00 UTC.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone


def as_of() -> dt.date | None:
    """The fixed date of the setting ``NSCL_AS_OF``, if one is set (a ``date`` or ``"YYYY-MM-DD"``)."""
    value = getattr(settings, "NSCL_AS_OF", None)
    if not value:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise ImproperlyConfigured(f"NSCL_AS_OF must be a date written YYYY-MM-DD, not {value!r}") from exc


def today() -> dt.date:
    """Today's date in the portal's time zone (Asia/Ho_Chi_Minh), or the ``NSCL_AS_OF`` date when set."""
    return as_of() or timezone.localdate()
