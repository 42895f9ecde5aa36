"""E-mail goes out through a real Celery worker: a page queues the task, the worker sends it."""

import time

import pytest
from django.core import mail
from django.urls import reverse

from tests.accounts.factories import make_user


def _wait_for(condition, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
def test_password_reset_page_queues_an_email_that_a_real_worker_sends(celery_worker, client):
    make_user(email="nguoidung@example.vn")
    mail.outbox = []

    response = client.post(reverse("accounts:password_reset"), {"email": "nguoidung@example.vn"})

    assert response.status_code == 302
    assert _wait_for(lambda: len(mail.outbox) == 1), "the worker did not send the e-mail"
    assert mail.outbox[0].to == ["nguoidung@example.vn"]
    assert "dat-lai-mat-khau" in mail.outbox[0].body
