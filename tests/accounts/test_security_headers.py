"""What the browser is told: a Content-Security-Policy without inline scripts, a Permissions-Policy, sessions whose
length follows the role; and the API's schema behind sign-in in production."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from tests.accounts.factories import PASSWORD, make_user
from tests.accounts.test_settings import PRODUCTION, _manage
from tests.enterprises.factories import make_enterprise

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def _policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {name: values for name, *values in (part.split() for part in header.split(";") if part.strip())}


def test_pages_carry_a_content_security_policy_without_inline_scripts(client):
    policy = _policy(client.get(reverse("accounts:login")))

    assert policy["script-src"] == ["'self'"]  # no 'unsafe-inline', no nonce when the page has no inline script
    assert policy["style-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]


def test_the_api_documentation_pages_keep_scripts_to_their_own_files(client):
    swagger = _policy(client.get(reverse("api:docs")))
    redoc = _policy(client.get(reverse("api:redoc")))

    assert swagger["script-src"] == redoc["script-src"] == ["'self'"]
    assert swagger["style-src"] == ["'self'"]
    assert redoc["style-src"] == ["'self'", "'unsafe-inline'"]  # Redoc writes its styles at run time
    script = client.get(reverse("api:docs"), {"script": ""})
    assert script.status_code == 200 and "SwaggerUIBundle" in script.content.decode()


def test_no_template_runs_inline_script_or_style():
    # Every page template of the portal (the print templates are read by WeasyPrint only, never by a browser).
    templates = [
        path for path in ROOT.glob("**/templates/**/*.html") if ".venv" not in path.parts and "print" not in path.parts
    ]
    offenders = []
    for path in templates:
        text = path.read_text()
        if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text) or re.search(r"<style\b", text):
            offenders.append(f"{path.relative_to(ROOT)}: inline <script> or <style>")
        if re.search(r"""\son[a-z]+\s*=\s*["']""", text) or re.search(r"""\sstyle\s*=\s*["']""", text):
            offenders.append(f"{path.relative_to(ROOT)}: on…= handler or style attribute")
        if "javascript:" in text:
            offenders.append(f"{path.relative_to(ROOT)}: javascript: URL")
    assert len(templates) > 50
    assert offenders == []


def test_every_answer_carries_a_permissions_policy(client):
    response = client.get(reverse("accounts:login"))
    api = client.get("/api/v1/auth/me/")

    for answer in (response, api):
        features = dict(part.strip().split("=", 1) for part in answer["Permissions-Policy"].split(","))
        assert features["camera"] == features["microphone"] == features["geolocation"] == "()"
        assert features["payment"] == features["usb"] == "()"


# --- Sessions by role ------------------------------------------------------------------------------------------


def _session_hours_after_sign_in(client, user) -> float:
    signed_in_at = timezone.now()
    response = client.post(reverse("accounts:login"), {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return (client.session.get_expiry_date() - signed_in_at) / dt.timedelta(hours=1)


@pytest.mark.parametrize(
    ("role", "hours"),
    [
        (Role.PROVINCE_STAFF, 8),
        (Role.PROVINCE_LEADER, 8),
        (Role.COUNCIL_MEMBER, 8),
        (Role.MINISTRY, 8),
        (Role.ADMINISTRATOR, 8),
        (Role.ENTERPRISE_MEMBER, 14 * 24),
    ],
)
def test_a_session_lasts_eight_hours_for_officials_and_fourteen_days_for_enterprises(client, role, hours):
    from plans.models import Province

    scope = {}
    if role in (Role.PROVINCE_STAFF, Role.PROVINCE_LEADER, Role.COUNCIL_MEMBER):
        scope = {"province": Province.objects.get(key="kon-tum")}
    elif role == Role.ENTERPRISE_MEMBER:
        scope = {"enterprise": make_enterprise(province_key="kon-tum")}
    user = make_user(role=role, **scope)

    measured = _session_hours_after_sign_in(client, user)

    assert hours <= measured < hours + 0.01  # measured from just before the sign-in
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    assert hours * 3600 - 60 < int(cookie["max-age"]) <= hours * 3600


def test_a_person_who_is_both_official_and_enterprise_member_gets_the_short_session(client):
    from accounts.models import Membership
    from plans.models import Province

    user = make_user(role=Role.ENTERPRISE_MEMBER, enterprise=make_enterprise(province_key="kon-tum"))
    Membership.objects.create(user=user, role=Role.PROVINCE_STAFF, province=Province.objects.get(key="kon-tum"))

    assert 8 <= _session_hours_after_sign_in(client, user) < 8.01


def test_a_session_past_its_length_is_signed_out(client, settings):
    settings.NSCL_SESSION_HOURS_STAFF = 0  # ends at once
    user = make_user(role=Role.MINISTRY)
    client.post(reverse("accounts:login"), {"username": user.email, "password": PASSWORD})

    response = client.get(reverse("accounts:profile"))

    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


# --- The API's schema in production ---------------------------------------------------------------------------


def test_the_schema_and_its_documentation_need_sign_in_when_not_public(client, settings):
    settings.NSCL_API_DOCS_PUBLIC = False

    assert client.get(reverse("api:schema")).status_code == 401
    docs = client.get(reverse("api:docs"))
    assert docs.status_code == 302 and docs["Location"].startswith(reverse("accounts:login"))
    assert client.get(reverse("api:redoc")).status_code == 302

    client.force_login(make_user())
    assert client.get(reverse("api:schema")).status_code == 200
    assert client.get(reverse("api:docs")).status_code == 200


def test_production_settings_put_the_schema_behind_sign_in():
    code = (
        "from django.test import Client; c = Client(); h = {'HTTP_HOST': 'nscl.example.gov.vn', 'secure': True}; "
        "r = c.get('/api/schema/', **h); d = c.get('/api/docs/', **h); "
        "print(r.status_code, d.status_code, d['Location'], 'unsafe-inline' in d['Content-Security-Policy'])"
    )
    result = _manage("shell", "--verbosity", "0", "-c", code, env=PRODUCTION)

    assert result.returncode == 0, result.stderr
    schema, docs, location, inline = result.stdout.strip().splitlines()[-1].split()
    assert (schema, docs, location, inline) == ("401", "302", "/tai-khoan/dang-nhap/?next=/api/docs/", "False")
