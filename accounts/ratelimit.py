"""Limits on the portal's public doors: signing in (the portal page, the Django admin, the API token, the current
password asked by the password change), registering an enterprise and asking for a password reset.

Each limit is a *bucket*: a scope (what is counted) and a value (whose attempts: an address, an account, an account
at an address). Counters live in the cache, which is Redis in production and so shared by every web process: at
most ``attempts`` in a window of ``seconds`` that opens with the bucket's first counted attempt.

**Count first, then decide.** An attempt first takes its place in each of its buckets (``cache.add`` then
``cache.incr``: ``SET NX EX`` and ``INCRBY`` on Redis, one lock in the local-memory cache, atomic either way), and
only then is decided by the count it got: above the limit, it is refused before the password is even looked at, and
gives its places back (a refused attempt does not count). Twenty-five guesses sent at once get the counts 1 to 25,
and only the first five are evaluated; there is no moment between a check and a count for a parallel request to
slip through. A full bucket refuses with :class:`TooManyAttemptsError`, which says in the person's language when to
try again.

**Sign-in** (:class:`SignInGuard`, applied by the authentication backend, so every door that signs in goes through
it) counts in three buckets:

- ``signin_account_ip``: attempts at one account from one address (5 in 15 minutes). This is the limit a person who
  mistypes meets; a colleague behind the same address (a Department's staff share one) has their own bucket;
- ``signin_account``: attempts at one account from anywhere (20 in 15 minutes), against a guess spread over many
  addresses. Refused attempts are not counted, so a single address cannot fill it (it stops at 5);
- ``signin_ip``: the *accounts* with attempts from one address (40 in 15 minutes), against one address trying
  many accounts (password spraying). An account is counted once, when its first attempt from the address is
  made, and forgotten when it signs in there; guesses at one account never fill it, and when it is full only
  accounts new to that address are refused.

A successful sign-in empties the account's bucket at that address and gives its places back.

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
from collections.abc import Iterable

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import ngettext

logger = logging.getLogger(__name__)

DEFAULT_LIMITS: dict[str, tuple[int, int]] = {
    # sign-in attempts at one account from one address (a colleague at the same address has their own bucket)
    "signin_account_ip": (5, 15 * 60),
    # sign-in attempts at one account from any address: a guess spread over many addresses
    "signin_account": (20, 15 * 60),
    # accounts tried from one address: one address guessing many accounts
    "signin_ip": (40, 15 * 60),
    # enterprises registered from one address: generous, as a Department's workshop registers many from one room
    "register_ip": (30, 60 * 60),
    # password-reset requests from one address, and for one e-mail address (no flood of mails to a person)
    "password_reset_ip": (10, 60 * 60),
    "password_reset_account": (3, 60 * 60),
}

Bucket = tuple[str, str]  # (scope, value)


class TooManyAttemptsError(ValidationError):
    """A bucket is full; ``wait`` is the number of seconds until it empties. A ``ValidationError`` (code
    ``rate_limited``), so that a form that signs in shows it like any other reason."""

    def __init__(self, wait: int):
        self.wait = wait
        super().__init__(wait_message(wait), code="rate_limited")


def wait_message(wait: int) -> str:
    minutes = max(1, math.ceil(wait / 60))
    return ngettext(
        "Too many attempts. Try again in %(minutes)d minute.",
        "Too many attempts. Try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


def client_ip(request) -> str:
    """The person's address: ``REMOTE_ADDR``, or the one the nearest trusted proxy saw."""
    if request is None:
        return "local"
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


def _take(scope: str, value: str) -> int | None:
    """Count one attempt in the bucket and return its count, this attempt included (None: the cache failed)."""
    _attempts, seconds = _limit(scope)
    count_key, opened_key = _keys(scope, value)
    try:
        for _try in range(2):
            created = cache.add(count_key, 0, seconds)
            try:
                count = cache.incr(count_key)
            except ValueError:  # the window closed between add and incr: this attempt opens the next one
                continue
            if count == 1:
                # The first counted attempt opens the window. A counter that had been given back to 0, or that lost
                # its expiry in a race with the end of the window, is given the full window from now.
                if not created:
                    cache.touch(count_key, seconds)
                cache.set(opened_key, time.time(), seconds)
            return count
    except Exception:
        logger.exception("Rate limit %s could not be counted; the request goes through.", scope)
    return None


def _give_back(scope: str, value: str) -> None:
    count_key, _opened_key = _keys(scope, value)
    try:
        cache.decr(count_key)
    except ValueError:  # its window has closed meanwhile
        pass
    except Exception:
        logger.exception("Rate limit %s could not be given back.", scope)


def _clear(scope: str, value: str) -> bool:
    """Empty the bucket; True when it had a counter (so that only one of two parallel successes gives back)."""
    count_key, opened_key = _keys(scope, value)
    try:
        existed = cache.delete(count_key)
        cache.delete(opened_key)
        return bool(existed)
    except Exception:
        logger.exception("Rate limit %s could not be cleared.", scope)
        return False


def _wait(scope: str, value: str) -> int:
    """Seconds until the bucket's window closes."""
    _attempts, seconds = _limit(scope)
    _count_key, opened_key = _keys(scope, value)
    try:
        opened = cache.get(opened_key)
    except Exception:
        opened = None
    if opened is None:
        return seconds
    return max(1, math.ceil(opened + seconds - time.time()))


class Attempt:
    """One attempt at a door, counted in its buckets before it is decided::

    attempt = Attempt([("password_reset_ip", ip), ("password_reset_account", email)])
    attempt.begin()    # TooManyAttemptsError when a bucket is full (the attempt then counts nowhere)
    ...                # do what was asked
    attempt.cancel()   # when what was asked did not happen and should not count (a form with errors)
    """

    def __init__(self, buckets: Iterable[Bucket] = ()):
        self.buckets = list(buckets)
        self.taken: list[Bucket] = []
        self._full: list[Bucket] = []

    def take(self, bucket: Bucket) -> int | None:
        count = _take(*bucket)
        if count is not None:
            self.taken.append(bucket)
            if count > _limit(bucket[0])[0]:
                self._full.append(bucket)
        return count

    def begin(self) -> None:
        for bucket in self.buckets:
            self.take(bucket)
        self.decide()

    def decide(self) -> None:
        if self._full:
            wait = max(_wait(*bucket) for bucket in self._full)
            self.cancel()
            raise TooManyAttemptsError(wait)

    def cancel(self) -> None:
        for bucket in self.taken:
            _give_back(*bucket)
        self.taken = []
        self._full = []


class SignInGuard(Attempt):
    """The limits on one sign-in attempt (the module's docstring says which and why)::

    guard = SignInGuard(request, email)
    guard.begin()          # TooManyAttemptsError: refused, the password is not evaluated
    ... evaluate the password; when right: guard.succeeded()  (a wrong one stays counted)

    ``accounts.backends.PortalBackend`` applies it to every ``authenticate()``: the portal's sign-in page, the
    Django admin's, the API token; the password change form applies it to the current password it asks for.
    """

    def __init__(self, request, email: str):
        super().__init__()
        ip = client_ip(request)
        email = (email or "").strip().lower()
        self.account_ip: Bucket = ("signin_account_ip", f"{email}|{ip}")
        self.account: Bucket = ("signin_account", email)
        self.ip: Bucket = ("signin_ip", ip)

    def begin(self) -> None:
        first_from_here = self.take(self.account_ip) == 1
        self.take(self.account)
        if first_from_here:  # an account not yet tried from this address in the window: one more for the address
            self.take(self.ip)
        self.decide()

    def succeeded(self) -> None:
        """The right password: the account's failures at this address are forgiven, and the account no longer counts
        among those tried from the address; its attempt gives back its place in the account's bucket."""
        if self.account_ip in self.taken and _clear(*self.account_ip):
            _give_back(*self.ip)
        if self.account in self.taken:
            _give_back(*self.account)
        self.taken = []
