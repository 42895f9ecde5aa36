"""One sign-in guard for every door (the portal page, the Django admin, the API token, the current password of the
password change), counted before it decides, and keyed so that one person's guessing never locks out colleagues
behind the same address. The parallel tests run real threads against the real cache (Redis)."""

from __future__ import annotations

import threading
import time

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse

from accounts.models import Role, User
from tests.accounts.factories import PASSWORD, make_user

LOGIN = "accounts:login"
ADMIN_LOGIN = "/quan-tri/login/"
OFFICE = "203.0.113.10"  # one address for a whole Department


def _sign_in(client, email, password, ip=OFFICE):
    return client.post(reverse(LOGIN), {"username": email, "password": password}, REMOTE_ADDR=ip)


# --- Who is locked out, and who is not -------------------------------------------------------------------------


@pytest.mark.django_db
def test_thirty_failures_behind_one_address_do_not_lock_out_the_colleagues_there():
    # Default limits. Ten colleagues mistype three times each: 30 failures from the Department's one address, which
    # today's address-wide count (30 failures) answered by locking out everyone at that address.
    for n in range(10):
        make_user(email=f"go.nham{n}@example.vn")
        for _ in range(3):
            assert _sign_in(Client(), f"go.nham{n}@example.vn", "sai").status_code == 200
    colleague = make_user(email="dong.nghiep@example.vn")

    response = _sign_in(Client(), "dong.nghiep@example.vn", PASSWORD)

    assert response.status_code == 302
    assert response.wsgi_request.user == colleague
    assert _sign_in(Client(), "go.nham0@example.vn", PASSWORD).status_code == 302  # each still has tries left


@pytest.mark.django_db
def test_one_person_guessing_is_refused_while_a_colleague_at_the_address_signs_in(client):
    make_user(email="hay.quen@example.vn")
    colleague = make_user(email="dong.nghiep@example.vn")
    for _ in range(30):
        _sign_in(client, "hay.quen@example.vn", "sai")

    assert _sign_in(Client(), "hay.quen@example.vn", PASSWORD).status_code == 429
    assert _sign_in(Client(), colleague.email, PASSWORD).status_code == 302


@pytest.mark.django_db
def test_refused_guesses_from_one_address_do_not_fill_the_accounts_limit_everywhere(client, settings):
    # 5 per account and address, 20 per account anywhere: an attacker at one address is stopped at 5 counted
    # attempts, so the owner elsewhere still signs in after the attacker's 100 tries.
    owner = make_user(email="chu.tai.khoan@example.vn")
    for _ in range(100):
        _sign_in(client, "chu.tai.khoan@example.vn", "sai", ip="198.51.100.66")

    response = _sign_in(Client(), "chu.tai.khoan@example.vn", PASSWORD, ip="192.0.2.7")

    assert response.status_code == 302
    assert response.wsgi_request.user == owner


@pytest.mark.django_db
def test_a_guess_spread_over_many_addresses_is_stopped_by_the_accounts_own_limit(client):
    # 4 addresses × 5 guesses = 20, the account's limit from anywhere: the 21st, from a fifth address, is refused.
    make_user(email="muc.tieu@example.vn")
    for n in range(4):
        for _ in range(5):
            assert _sign_in(client, "muc.tieu@example.vn", "sai", ip=f"198.51.100.{n}").status_code == 200

    assert _sign_in(client, "muc.tieu@example.vn", PASSWORD, ip="198.51.100.99").status_code == 429


@pytest.mark.django_db
def test_colleagues_signing_in_from_one_address_never_fill_its_limit(settings):
    # The address-wide bucket counts accounts *tried* there and forgets those that signed in: 60 colleagues (over
    # its limit of 40) signing in one after the other from the office all get in.
    users = [make_user(email=f"nhanvien{n}@example.vn") for n in range(60)]
    for user in users:
        assert _sign_in(Client(), user.email, PASSWORD).status_code == 302


@pytest.mark.django_db
def test_spraying_many_accounts_from_one_address_refuses_new_accounts_only(settings):
    settings.NSCL_RATE_LIMITS = {"signin_ip": (6, 900)}
    make_user(email="da.thu@example.vn")
    new_here = make_user(email="moi.den@example.vn")
    assert _sign_in(Client(), "da.thu@example.vn", "sai").status_code == 200  # a colleague mistypes once
    for n in range(5):  # then someone tries five more accounts: six accounts tried from the address
        _sign_in(Client(), f"doan{n}@example.vn", "sai")

    assert _sign_in(Client(), new_here.email, PASSWORD).status_code == 429  # a seventh account: refused
    assert _sign_in(Client(), "da.thu@example.vn", PASSWORD).status_code == 302  # already counted: goes on


# --- Every door ----------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_admin_sign_in_is_limited_like_the_portals(client):
    admin = make_user(email="quantri@example.vn", role=Role.ADMINISTRATOR)
    for _ in range(40):
        client.post(ADMIN_LOGIN, {"username": admin.email, "password": "sai"}, REMOTE_ADDR=OFFICE)

    response = client.post(
        ADMIN_LOGIN, {"username": admin.email, "password": PASSWORD, "next": "/quan-tri/"}, REMOTE_ADDR=OFFICE
    )

    assert response.status_code == 429
    assert "Bạn đã thử quá nhiều lần." in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.get("/quan-tri/").status_code == 302  # still sent to sign in


@pytest.mark.django_db
def test_admin_failures_count_against_the_portal_sign_in(client):
    admin = make_user(email="quantri@example.vn", role=Role.ADMINISTRATOR)
    for _ in range(5):
        client.post(ADMIN_LOGIN, {"username": admin.email, "password": "sai"}, REMOTE_ADDR=OFFICE)

    assert _sign_in(client, admin.email, PASSWORD).status_code == 429


@pytest.mark.django_db
def test_the_current_password_of_the_password_change_cannot_be_guessed_without_limit(client):
    user = make_user(email="phien.mo@example.vn")
    client.force_login(user)
    url = reverse("accounts:password_change")
    form = {"new_password1": "Mat-khau-moi-2026", "new_password2": "Mat-khau-moi-2026"}
    for _ in range(5):
        assert client.post(url, {"old_password": "sai", **form}, REMOTE_ADDR=OFFICE).status_code == 200

    response = client.post(url, {"old_password": PASSWORD, **form}, REMOTE_ADDR=OFFICE)

    assert response.status_code == 429
    assert "Bạn đã thử quá nhiều lần." in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


# --- Count first, then decide: parallel attempts ----------------------------------------------------------------


def _in_parallel(n: int, attempt) -> list[int]:
    """Run ``attempt()`` in ``n`` threads released together; their status codes."""
    barrier = threading.Barrier(n)
    statuses: list[int] = []
    lock = threading.Lock()

    def run():
        try:
            barrier.wait()
            status = attempt()
            with lock:
                statuses.append(status)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return statuses


@pytest.fixture
def evaluated(monkeypatch):
    """How many passwords were actually checked; each check takes 0.2 s, so that every parallel attempt is in
    flight before the first one ends (the moment a check-then-count guard lets them all through)."""
    checked = []
    lock = threading.Lock()
    original = User.check_password

    def slow_check(self, raw_password):
        with lock:
            checked.append(self.email)
        time.sleep(0.2)
        return original(self, raw_password)

    monkeypatch.setattr(User, "check_password", slow_check)
    return checked


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_25_parallel_guesses_at_one_account_get_at_most_5_evaluated(evaluated):
    make_user(email="song.song@example.vn")

    statuses = _in_parallel(25, lambda: _sign_in(Client(), "song.song@example.vn", "sai").status_code)

    assert len(statuses) == 25
    assert len(evaluated) <= 5
    assert statuses.count(429) >= 20 and statuses.count(200) == len(evaluated)


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_25_parallel_token_requests_get_at_most_5_passwords_evaluated(evaluated):
    make_user(email="song.song@example.vn")
    url = reverse("api:auth-token")

    def ask():
        body = {"email": "song.song@example.vn", "password": "sai"}
        return Client().post(url, body, content_type="application/json", REMOTE_ADDR=OFFICE).status_code

    statuses = _in_parallel(25, ask)

    assert len(statuses) == 25
    assert len(evaluated) <= 5
    assert statuses.count(429) >= 20 and statuses.count(400) == len(evaluated)


@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_parallel_password_reset_requests_send_at_most_three_mails(settings):
    make_user(email="quen.mat.khau@example.vn")
    url = reverse("accounts:password_reset")

    statuses = _in_parallel(12, lambda: Client().post(url, {"email": "quen.mat.khau@example.vn"}).status_code)

    # 3 requests an hour for one e-mail address: three are carried out, nine refused.
    assert sorted(statuses) == [302] * 3 + [429] * 9
    assert len(mail.outbox) == 3
