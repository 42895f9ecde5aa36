"""Limits on the portal's public doors: signing in (the page and the API token), registering an enterprise and
asking for a password reset.

Each limit is a *bucket*: a scope (what is counted) and a value (whose attempts: an address, or an account at an
address). Counters live in the cache, which is Redis in production and so shared by every web process: at
most ``attempts`` in a window of ``seconds`` that opens with the bucket's first attempt. A full bucket refuses with
:class:`TooManyAttemptsError`, which says in the person's language when to try again.

Settings:

- ``NSCL_RATE_LIMITS``: ``{scope: (attempts, seconds)}`` overriding :data:`DEFAULT_LIMITS`;
- ``NSCL_PROXY_COUNT``: how many trusted proxies stand in front of the portal. 0 (the default): ``REMOTE_ADDR`` is
  the person's address; 1 (nginx in front): the last address of ``X-Forwarded-For``, and so on;
- ``NSCL_RATE_LIMIT_PREFIX``: the cache key prefix (tests give each test its own).

When the cache cannot be reached the doors stay open (the error is logged): a Redis outage must not lock every
province out of the portal.
"""

from __future__ import annotations

import hashlib
import logging
import math
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import ngettext

logger = logging.getLogger(__name__)

DEFAULT_LIMITS: dict[str, tuple[int, int]] = {
    # failed sign-ins from one address, whichever accounts they aim at
    "signin_ip": (30, 15 * 60),
    # failed sign-ins at one account from one address (a colleague elsewhere can still sign in)
    "signin_account": (5, 15 * 60),
    # enterprises registered from one address: generous, as a Department's workshop registers many from one room
    "register_ip": (30, 60 * 60),
    # password-reset requests from one address, and for one e-mail address (no flood of mails to a person)
    "password_reset_ip": (10, 60 * 60),
    "password_reset_account": (3, 60 * 60),
}


class TooManyAttemptsError(Exception):
    """A bucket is full; ``wait`` is the number of seconds until it empties."""

    def __init__(self, wait: int):
        super().__init__(wait)
        self.wait = wait

    @property
    def message(self) -> str:
        return wait_message(self.wait)


def wait_message(wait: int) -> str:
    minutes = max(1, math.ceil(wait / 60))
    return ngettext(
        "Too many attempts. Try again in %(minutes)d minute.",
        "Too many attempts. Try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


def client_ip(request) -> str:
    """The person's address: ``REMOTE_ADDR``, or the one the nearest trusted proxy saw."""
    proxies = int(getattr(settings, "NSCL_PROXY_COUNT", 0))
    if proxies > 0:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _limit(scope: str) -> tuple[int, int]:
    return getattr(settings, "NSCL_RATE_LIMITS", {}).get(scope, DEFAULT_LIMITS[scope])


def _keys(scope: str, value: str) -> tuple[str, str]:
    """The cache keys of a bucket's counter and of the moment its window opened."""
    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]
    base = f"{getattr(settings, 'NSCL_RATE_LIMIT_PREFIX', 'nscl:rl')}:{scope}:{digest}"
    return f"{base}:n", f"{base}:t"


def check(buckets: dict[str, str]) -> None:
    """Raise :class:`TooManyAttemptsError` when any of the buckets is full."""
    now = time.time()
    try:
        for scope, value in buckets.items():
            attempts, seconds = _limit(scope)
            count_key, opened_key = _keys(scope, value)
            found = cache.get_many([count_key, opened_key])
            if found.get(count_key, 0) >= attempts:
                opened = found.get(opened_key, now)
                raise TooManyAttemptsError(max(1, math.ceil(opened + seconds - now)))
    except TooManyAttemptsError:
        raise
    except Exception:
        logger.exception("Rate limits could not be read; the request goes through.")


def hit(buckets: dict[str, str]) -> None:
    """Count one attempt in each bucket; a bucket's window opens with its first attempt."""
    now = time.time()
    try:
        for scope, value in buckets.items():
            _attempts, seconds = _limit(scope)
            count_key, opened_key = _keys(scope, value)
            cache.add(opened_key, now, seconds)
            cache.add(count_key, 0, seconds)
            try:
                cache.incr(count_key)
            except ValueError:  # the window closed between add and incr
                cache.set(count_key, 1, seconds)
    except Exception:
        logger.exception("Rate limits could not be written.")


def clear(buckets: dict[str, str]) -> None:
    """Empty the buckets (after a successful sign-in, the account's own failures are forgiven)."""
    try:
        cache.delete_many([key for scope, value in buckets.items() for key in _keys(scope, value)])
    except Exception:
        logger.exception("Rate limits could not be cleared.")


class SignInGuard:
    """The limits on one sign-in attempt, by the page or for an API token::

    guard = SignInGuard(request, email)
    guard.check()          # TooManyAttemptsError when too many failures
    ... guard.failed() or guard.succeeded()
    """

    def __init__(self, request, email: str):
        ip = client_ip(request)
        self._ip = {"signin_ip": ip}
        self._account = {"signin_account": f"{(email or '').strip().lower()}|{ip}"}

    def check(self) -> None:
        check(self._ip | self._account)

    def failed(self) -> None:
        hit(self._ip | self._account)

    def succeeded(self) -> None:
        clear(self._account)
