"""Writes for accounts: notifications, outgoing e-mail and API tokens."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .audit import audit_record
from .models import ApiToken, AuditEntry, Notification
from .tasks import send_email


def email_queue(*, to: list[str], subject: str, body: str, html: str = "") -> None:
    """Send an e-mail through the Celery worker once the current transaction commits."""
    transaction.on_commit(partial(send_email.delay, to=to, subject=subject, body=body, html=html))


def notification_create(*, user, title: str, body: str = "", link: str = "", email: bool = True) -> Notification:
    """Tell a person something in the portal and, by default, by e-mail too."""
    notification = Notification.objects.create(user=user, title=title, body=body, link=link)
    if email and user.email:
        from django.conf import settings

        text = body + (f"\n\n{settings.SITE_URL}{link}" if link else "")
        email_queue(to=[user.email], subject=title, body=text)
    return notification


def notifications_mark_read(*, user, ids: list[int] | None = None) -> int:
    from django.utils import timezone

    qs = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=ids)
    return qs.update(read_at=timezone.now())


# --- API tokens ---------------------------------------------------------------------------------------

# A person keeps at most this many live tokens (one per program, say); issuing one more revokes the oldest.
API_TOKENS_PER_PERSON = 10


def api_token_digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def api_token_issue(*, user) -> tuple[ApiToken, str]:
    """A new API token for the person, valid ``NSCL_API_TOKEN_DAYS`` days; returns the row and the key, which is
    shown once and never stored (only its digest is). The person's expired tokens are deleted on the way."""
    from django.conf import settings

    now = timezone.now()
    user.api_tokens.filter(expires_at__lte=now).delete()
    surplus = list(
        user.api_tokens.order_by("-created_at", "-id").values_list("pk", flat=True)[API_TOKENS_PER_PERSON - 1 :]
    )
    if surplus:
        ApiToken.objects.filter(pk__in=surplus).delete()
    key = secrets.token_hex(20)
    token = ApiToken.objects.create(
        user=user,
        digest=api_token_digest(key),
        prefix=key[:8],
        password_fingerprint=user.get_session_auth_hash(),
        created_at=now,
        expires_at=now + dt.timedelta(days=settings.NSCL_API_TOKEN_DAYS),
    )
    audit_record(actor=user, action=AuditEntry.Action.CREATE, instance=token, comment=_("API token issued."))
    return token, key


@transaction.atomic
def api_tokens_revoke(*, user, by, reason: str) -> int:
    """Revoke every API token of the person (they asked to, their password changed, the account was
    deactivated); ``reason`` goes into the audit row. Returns how many were revoked."""
    count, _deleted = user.api_tokens.all().delete()
    if count:
        audit_record(
            actor=by,
            action=AuditEntry.Action.DELETE,
            instance=user,
            comment=ngettext(
                "%(count)s API token revoked: %(reason)s", "%(count)s API tokens revoked: %(reason)s", count
            )
            % {"count": count, "reason": reason},
        )
    return count
