"""Reports through the API (request generation, follow it, download the files; the Ministry sees submitted
versions only) and API tokens (get one with e-mail and password, use it, revoke it)."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from reporting.models import GenerationStatus, ReportVersion
from tests.accounts.factories import PASSWORD

from .world import PDF_BYTES, XLSX_BYTES

pytestmark = pytest.mark.django_db


def test_requesting_a_report_queues_a_version_to_follow(api, world):
    url = f"/api/v1/reports/{world.report.pk}/versions/"
    response = api("staff").post(url)
    assert response.status_code == 202
    version = response.json()
    assert (version["number"], version["status"], version["pending"], version["pdf"]) == (4, "queued", True, None)
    assert response["Location"] == f"{url}{version['id']}/"
    again = api("leader").post(url)  # the very same request: the queued version, not a new one
    assert again.json()["id"] == version["id"]
    polled = api("staff").get(response["Location"])
    assert polled.status_code == 200 and polled.json()["status"] == "queued"
    assert ReportVersion.objects.filter(report=world.report).count() == 4


def test_a_done_version_is_downloaded_as_pdf_and_xlsx(api, world):
    base = f"/api/v1/reports/{world.report.pk}/versions/{world.submitted_version.pk}/"
    listed = api("ministry").get(base).json()
    assert listed["done"] is True
    pdf = api("ministry").get(listed["pdf"])
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content) == PDF_BYTES
    assert "bao-cao-kon-tum-annual-2023-v1.pdf" in pdf["Content-Disposition"]
    xlsx = api("staff").get(listed["xlsx"])
    assert b"".join(xlsx.streaming_content) == XLSX_BYTES


def test_a_failed_version_has_no_file(api, world):
    url = f"/api/v1/reports/{world.report.pk}/versions/{world.failed_version.pk}/pdf/"
    assert api("staff").get(url).status_code == 404


def test_the_ministry_sees_only_submitted_versions(api, world):
    staff = [v["status"] for v in api("staff").get(f"/api/v1/reports/{world.report.pk}/versions/").json()["results"]]
    ministry = api("ministry").get(f"/api/v1/reports/{world.report.pk}/versions/").json()["results"]
    assert staff == ["ready", "failed", "submitted"]
    assert [v["status"] for v in ministry] == [GenerationStatus.SUBMITTED]


def test_a_report_of_a_plan_the_person_cannot_see_is_refused(api, world):
    response = api("staff").post(
        "/api/v1/reports/", {"plan": world.other_plan.pk, "kind": "annual", "start_year": 2023}, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["plan"]


def test_an_existing_report_is_not_created_twice(api, world):
    response = api("staff").post(
        "/api/v1/reports/", {"plan": world.plan.pk, "kind": "annual", "start_year": 2023}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["error"]["message"] == "Báo cáo này đã có: hãy mở từ danh sách."


# --- Tokens ---------------------------------------------------------------------------------------------------


def test_a_token_is_given_for_the_right_password_and_opens_the_api(world):
    client = APIClient()
    user = world.users["unit"]
    response = client.post("/api/v1/auth/token/", {"email": user.email.upper(), "password": PASSWORD}, format="json")
    assert response.status_code == 200
    token = response.json()["token"]
    assert token != world.tokens["unit"]  # a new key each time, shown once (the portal keeps only its digest)
    assert response.json()["expires_at"]
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    me = client.get("/api/v1/auth/me/").json()
    assert me["email"] == user.email
    assert [m["role"] for m in me["memberships"]] == ["unit_reporter"]


def test_a_wrong_password_gets_no_token(world):
    response = APIClient().post(
        "/api/v1/auth/token/", {"email": world.users["staff"].email, "password": "wrong"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["error"]["message"] == (
        "Địa chỉ e-mail hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa."
    )
    assert "token" not in response.json()


def test_a_revoked_token_no_longer_opens_the_api(api):
    client = api("staff")
    assert client.delete("/api/v1/auth/token/").status_code == 204
    assert client.get("/api/v1/auth/me/").status_code == 401
