"""Writes for accounts: notifications and outgoing e-mail."""

from __future__ import annotations

from functools import partial

from django.db import transaction

from .models import Notification
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
