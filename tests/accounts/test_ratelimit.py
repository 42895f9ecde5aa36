"""Limits on the public doors: failed sign-ins (page and API token), registrations and password resets from one
address. The counters live in the real cache (Redis in CI); each test has its own key prefix (tests/conftest.py)."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import RequestFactory
from django.urls import reverse

from accounts import ratelimit
from enterprises.models import Enterprise
from tests.accounts.factories import PASSWORD, make_user
from tests.enterprises.factories import registration_form

pytestmark = pytest.mark.django_db

LOGIN = "accounts:login"


@pytest.fixture
def small_limits(settings):
    settings.NSCL_RATE_LIMITS = {
        "signin_ip": (6, 900),
        "signin_account_ip": (3, 900),
        "signin_account": (10, 900),
        "register_ip": (2, 3600),
        "password_reset_ip": (4, 3600),
        "password_reset_account": (2, 3600),
    }


def _sign_in(client, email, password, ip="10.0.0.1"):
    return client.post(reverse(LOGIN), {"username": email, "password": password}, REMOTE_ADDR=ip)


def test_after_three_failed_sign_ins_even_the_right_password_is_refused_for_a_while(client, small_limits):
    make_user(email="chuyenvien@example.vn")
    for _ in range(3):
        assert _sign_in(client, "chuyenvien@example.vn", "sai").status_code == 200

    response = _sign_in(client, "chuyenvien@example.vn", PASSWORD)

    assert response.status_code == 429
    assert "Bạn đã thử quá nhiều lần. Hãy thử lại sau 15 phút." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_same_account_can_still_be_signed_in_from_another_address(client, small_limits):
    user = make_user(email="chuyenvien@example.vn")
    for _ in range(3):
        _sign_in(client, "chuyenvien@example.vn", "sai", ip="10.0.0.1")

    response = _sign_in(client, "chuyenvien@example.vn", PASSWORD, ip="10.0.0.2")

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_a_successful_sign_in_forgives_the_accounts_earlier_failures(client, small_limits):
    make_user(email="chuyenvien@example.vn")
    for _ in range(2):
        _sign_in(client, "chuyenvien@example.vn", "sai")
    assert _sign_in(client, "chuyenvien@example.vn", PASSWORD).status_code == 302
    client.logout()

    for _ in range(2):
        assert _sign_in(client, "chuyenvien@example.vn", "sai").status_code == 200
    assert _sign_in(client, "chuyenvien@example.vn", PASSWORD).status_code == 302


def test_one_address_guessing_many_accounts_is_stopped(client, small_limits):
    make_user(email="nannhan@example.vn")
    for n in range(6):
        _sign_in(client, f"doan{n}@example.vn", "sai")

    response = _sign_in(client, "nannhan@example.vn", PASSWORD)

    assert response.status_code == 429
    assert _sign_in(client, "nannhan@example.vn", PASSWORD, ip="10.0.0.9").status_code == 302


def test_the_api_token_shares_the_sign_in_limit_and_answers_429_with_retry_after(client, small_limits):
    make_user(email="api@example.vn")
    url = reverse("api:auth-token")
    for _ in range(3):
        bad = client.post(url, {"email": "api@example.vn", "password": "sai"}, REMOTE_ADDR="10.0.0.1")
        assert bad.status_code == 400

    refused = client.post(url, {"email": "api@example.vn", "password": PASSWORD}, REMOTE_ADDR="10.0.0.1")

    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "throttled"
    assert refused.json()["error"]["message"] == "Bạn đã thử quá nhiều lần. Hãy thử lại sau 15 phút."
    assert 0 < int(refused["Retry-After"]) <= 900
    assert "token" not in refused.json()


def test_failed_token_requests_count_against_page_sign_ins(client, small_limits):
    make_user(email="api@example.vn")
    for _ in range(3):
        client.post(reverse("api:auth-token"), {"email": "api@example.vn", "password": "sai"}, REMOTE_ADDR="10.0.0.1")

    assert _sign_in(client, "api@example.vn", PASSWORD).status_code == 429


def test_registrations_from_one_address_are_limited_and_the_refused_one_creates_nothing(client, small_limits):
    url = reverse("enterprises:register")
    for tax_code, email in (("0100109106", "mot@example.vn"), ("0101248141", "hai@example.vn")):
        response = client.post(url, registration_form(tax_code=tax_code, email=email), REMOTE_ADDR="10.0.0.5")
        assert response.status_code == 302
        client.logout()
    count = Enterprise.objects.count()

    refused = client.post(url, registration_form(tax_code="0300588569", email="ba@example.vn"), REMOTE_ADDR="10.0.0.5")

    assert refused.status_code == 429
    assert "Bạn đã thử quá nhiều lần. Hãy thử lại sau 60 phút." in refused.content.decode()
    assert Enterprise.objects.count() == count
    assert not Enterprise.objects.filter(tax_code="0300588569").exists()


def test_a_registration_form_with_errors_does_not_use_up_the_limit(client, small_limits):
    url = reverse("enterprises:register")
    for _ in range(3):
        bad = client.post(url, registration_form(tax_code="0100109107"), REMOTE_ADDR="10.0.0.6")
        assert bad.status_code == 200

    ok = client.post(url, registration_form(tax_code="0100109106"), REMOTE_ADDR="10.0.0.6")

    assert ok.status_code == 302


def test_password_reset_mails_one_address_at_most_twice_an_hour(
    client, small_limits, django_capture_on_commit_callbacks
):
    make_user(email="quenmatkhau@example.vn")
    url = reverse("accounts:password_reset")
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(2):
            assert client.post(url, {"email": "quenmatkhau@example.vn"}).status_code == 302
        refused = client.post(url, {"email": "quenmatkhau@example.vn"})

    assert refused.status_code == 429
    assert "Bạn đã thử quá nhiều lần." in refused.content.decode()
    assert len(mail.outbox) == 2


def test_the_address_behind_a_trusted_proxy_is_read_from_x_forwarded_for(settings):
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.7")

    settings.NSCL_PROXY_COUNT = 0
    assert ratelimit.client_ip(request) == "127.0.0.1"
    settings.NSCL_PROXY_COUNT = 1
    assert ratelimit.client_ip(request) == "198.51.100.7"
    settings.NSCL_PROXY_COUNT = 2
    assert ratelimit.client_ip(request) == "203.0.113.9"


def test_a_forged_x_forwarded_for_is_ignored_without_a_trusted_proxy(client, small_limits, settings):
    settings.NSCL_PROXY_COUNT = 0
    make_user(email="chuyenvien@example.vn")
    for n in range(3):
        client.post(
            reverse(LOGIN),
            {"username": "chuyenvien@example.vn", "password": "sai"},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}",
        )

    assert _sign_in(client, "chuyenvien@example.vn", PASSWORD, ip="10.0.0.1").status_code == 429


def test_the_wait_is_told_in_minutes_rounded_up():
    from django.utils import translation

    with translation.override("en"):
        assert ratelimit.wait_message(61) == "Too many attempts. Try again in 2 minutes."
        assert ratelimit.wait_message(1) == "Too many attempts. Try again in 1 minute."
