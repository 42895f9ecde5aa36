"""API tokens: issued with e-mail and password, stored only as a digest, expiring, and revoked when the password
changes (by any path) or the account is deactivated."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from rest_framework.test import APIClient

from accounts.models import ApiToken, AuditEntry, Role
from accounts.services import API_TOKENS_PER_PERSON, api_token_issue
from tests.accounts.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db

ME = "/api/v1/auth/me/"
NEW_PASSWORD = "Mat-khau-moi-2026"


def _api(key: str, **extra) -> APIClient:
    client = APIClient(**extra)
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


def test_a_token_is_issued_for_the_password_and_only_its_digest_is_kept(settings):
    settings.NSCL_API_TOKEN_DAYS = 30
    user = make_user(email="api@example.vn")
    before = timezone.now()

    response = APIClient().post(reverse("api:auth-token"), {"email": user.email, "password": PASSWORD}, format="json")

    assert response.status_code == 200
    key = response.json()["token"]
    token = ApiToken.objects.get(user=user)
    assert token.digest == hashlib.sha256(key.encode()).hexdigest()
    assert not ApiToken.objects.filter(digest=key).exists() and key not in str(token.__dict__)
    assert before + dt.timedelta(days=30) <= token.expires_at <= timezone.now() + dt.timedelta(days=30)
    assert AuditEntry.objects.filter(object_id=str(token.pk), action="create").exists()
    assert _api(key).get(ME).json()["email"] == user.email


def test_an_expired_token_gets_a_clear_translated_401(settings):
    user = make_user()
    token, key = api_token_issue(user=user)
    ApiToken.objects.filter(pk=token.pk).update(expires_at=dt.datetime(2026, 3, 1, 1, 30, tzinfo=dt.UTC))

    response = _api(key).get(ME)

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    # 01:30 UTC is 08:30 in Asia/Ho_Chi_Minh.
    assert response.json()["error"] == {
        "code": "token_expired",
        "message": "Mã API này đã hết hạn lúc 01/03/2026 08:30: hãy lấy mã mới bằng POST /api/v1/auth/token/.",
        "fields": {},
    }
    english = _api(key).get(ME, {"lang": "en"}).json()["error"]["message"]
    assert english == "This API token expired on 01/03/2026 08:30: get a new one with POST /api/v1/auth/token/."


def test_a_password_reset_revokes_the_tokens(client, django_capture_on_commit_callbacks):
    user = make_user(email="quen@example.vn")
    _token, key = api_token_issue(user=user)
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    link = reverse("accounts:password_reset_confirm", args=[uid, default_token_generator.make_token(user)])
    form_url = client.get(link)["Location"]  # Django moves the token into the session, then shows the form

    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})

    assert response.status_code == 302
    assert not ApiToken.objects.filter(user=user).exists()
    refused = _api(key).get(ME)
    assert refused.status_code == 401 and refused.json()["error"]["code"] == "authentication_failed"


def test_a_password_change_on_the_portal_revokes_the_tokens(client):
    user = make_user()
    _token, key = api_token_issue(user=user)
    client.force_login(user)

    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert response.status_code == 302
    assert not ApiToken.objects.filter(user=user).exists()
    assert _api(key).get(ME).status_code == 401
    assert AuditEntry.objects.filter(object_id=str(user.pk), action="delete", comment__contains="API").exists()


def test_a_password_changed_by_any_other_path_voids_the_token_too():
    # The admin's form, ``manage.py changepassword`` or a shell all end in set_password: the token was bound to
    # the old password's hash, so it no longer opens the API, and it is deleted when it is tried.
    user = make_user()
    _token, key = api_token_issue(user=user)
    user.set_password(NEW_PASSWORD)
    user.save()

    response = _api(key).get(ME)

    assert response.status_code == 401
    assert "đổi mật khẩu" in response.json()["error"]["message"]
    assert not ApiToken.objects.filter(user=user).exists()


def test_deactivating_an_account_in_the_admin_revokes_its_tokens_for_good(client):
    admin = make_user(role=Role.ADMINISTRATOR)
    user = make_user(email="nghi.viec@example.vn", full_name="Nghỉ Việc")
    _token, key = api_token_issue(user=user)
    client.force_login(admin)
    url = reverse("admin:accounts_user_change", args=[user.pk])
    form = {
        "email": user.email,
        "full_name": user.full_name,
        "phone": "",
        "date_joined_0": "01/01/2025",
        "date_joined_1": "08:00:00",
        "memberships-TOTAL_FORMS": "0",
        "memberships-INITIAL_FORMS": "0",
    }

    response = client.post(url, form)  # "is_active" left unticked

    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    user.refresh_from_db()
    assert not user.is_active
    assert not ApiToken.objects.filter(user=user).exists()
    user.is_active = True  # taken back later: the old key stays dead
    user.save()
    assert _api(key).get(ME).status_code == 401


def test_revoking_ends_every_token_of_the_person_and_no_one_elses():
    user, other = make_user(), make_user()
    keys = [api_token_issue(user=user)[1] for _ in range(2)]
    _other_token, other_key = api_token_issue(user=other)

    assert _api(keys[0]).delete(reverse("api:auth-token")).status_code == 204

    assert [_api(k).get(ME).status_code for k in keys] == [401, 401]
    assert _api(other_key).get(ME).status_code == 200


def test_a_person_keeps_at_most_ten_live_tokens_the_oldest_giving_way():
    user = make_user()
    keys = [api_token_issue(user=user)[1] for _ in range(API_TOKENS_PER_PERSON + 2)]

    assert ApiToken.objects.filter(user=user).count() == API_TOKENS_PER_PERSON
    assert _api(keys[0]).get(ME).status_code == 401  # the two oldest were revoked
    assert _api(keys[1]).get(ME).status_code == 401
    assert _api(keys[-1]).get(ME).status_code == 200
