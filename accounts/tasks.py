from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from .tasks_imports import check_import_job, run_import_job  # noqa: F401  (registers the import tasks)


@shared_task(bind=True, max_retries=5, default_retry_delay=60, acks_late=True)
def send_email(self, *, to: list[str], subject: str, body: str, html: str = "") -> int:
    """Send one e-mail. Queued with transaction.on_commit; a failed send is retried."""
    message = EmailMultiAlternatives(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=to)
    if html:
        message.attach_alternative(html, "text/html")
    try:
        return message.send()
    except OSError as exc:  # SMTP down: try again later
        raise self.retry(exc=exc) from exc
