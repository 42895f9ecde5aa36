"""Who may do what with reports: every role against every action, and a denied action changes nothing."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import Role
from plans.models import Plan
from reporting import services
from reporting.models import GenerationStatus, Report, ReportVersion
from tests.accounts.factories import make_user
from tests.enterprises.factories import make_enterprise, make_member
from tests.plans.factories import make_full_plan, make_unit
from tests.reporting.reports_data import annual_report, generated, leader, ministry, province, staff, submitted

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    plan = make_full_plan(province=province("kon-tum"), start_year=2021, end_year=2025)
    author = staff("kon-tum")
    ready = annual_report(plan, by=author, year=2023)
    ready_version = generated(ready, by=author)
    sent = annual_report(plan, by=author, year=2022)
    sent_version = submitted(sent, by=author)
    return {"plan": plan, "ready": ready, "ready_version": ready_version, "sent": sent, "sent_version": sent_version}


def person(role: str):
    kon_tum = province("kon-tum")
    return {
        "staff": lambda: staff("kon-tum"),
        "leader": lambda: leader("kon-tum"),
        "successor_staff": lambda: staff("quang-ngai-2025"),  # Quảng Ngãi after the merger inherits Kon Tum's data
        "other_staff": lambda: staff("hoa-binh"),
        "other_leader": lambda: leader("hoa-binh"),
        "council": lambda: make_user(role=Role.COUNCIL_MEMBER, province=kon_tum),
        "unit_reporter": lambda: make_user(role=Role.UNIT_REPORTER, unit=make_unit(province=kon_tum)),
        "enterprise": lambda: make_member(make_enterprise(province_key="kon-tum")),
        "ministry": ministry,
    }[role]()


def get(client, user, url):
    if user is not None:
        client.force_login(user)
    return client.get(url)


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("staff", 200),
        ("leader", 200),
        ("successor_staff", 200),
        ("other_staff", 404),
        ("council", 404),
        ("unit_reporter", 404),
        ("enterprise", 404),
        ("ministry", 404),  # the Ministry sees submitted versions only, not the province's working page
    ],
)
def test_report_page_by_role(client, world, role, expected):
    response = get(client, person(role), reverse("reporting:report_detail", args=[world["ready"].pk]))
    assert response.status_code == expected


def test_anonymous_people_are_sent_to_sign_in(client, world):
    response = client.get(reverse("reporting:report_detail", args=[world["ready"].pk]))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize(
    ("role", "ready", "submitted_one"),
    [
        ("staff", 200, 200),
        ("leader", 200, 200),
        ("successor_staff", 200, 200),
        ("other_staff", 404, 404),
        ("council", 404, 404),
        ("enterprise", 404, 404),
        ("ministry", 404, 200),  # only submitted versions
    ],
)
def test_downloads_by_role(client, world, role, ready, submitted_one):
    user = person(role)
    client.force_login(user)
    for version, expected in ((world["ready_version"], ready), (world["sent_version"], submitted_one)):
        for fmt in ("pdf", "xlsx"):
            response = client.get(reverse("reporting:version_download", args=[version.pk, fmt]))
            assert response.status_code == expected, (version.status, fmt)
        status = client.get(reverse("reporting:version_status", args=[version.pk]))
        assert status.status_code == expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [("staff", 403), ("other_leader", 404), ("ministry", 404), ("enterprise", 404), ("leader", 302)],
)
def test_only_a_leader_of_the_province_submits(client, world, role, expected):
    version = world["ready_version"]
    client.force_login(person(role))

    response = client.post(reverse("reporting:version_submit", args=[version.pk]))

    assert response.status_code == expected
    version.refresh_from_db()
    assert version.status == (GenerationStatus.SUBMITTED if expected == 302 else GenerationStatus.READY)


@pytest.mark.parametrize(
    ("role", "expected"),
    [("staff", 302), ("leader", 302), ("other_staff", 404), ("ministry", 404), ("enterprise", 404), ("council", 404)],
)
def test_generating_and_editing_belong_to_the_provinces_people(client, world, role, expected):
    report = world["ready"]
    client.force_login(person(role))
    before = ReportVersion.objects.count()

    edit = client.post(reverse("reporting:report_detail", args=[report.pk]), {"title": "Tiêu đề mới", "place": "X"})
    generate = client.post(reverse("reporting:report_generate", args=[report.pk]))

    assert generate.status_code == expected
    if expected == 404:
        assert edit.status_code == 404
        assert ReportVersion.objects.count() == before
        assert Report.objects.get(pk=report.pk).title == report.title


@pytest.mark.parametrize(
    ("role", "matrix", "compilations"),
    [("ministry", 200, 200), ("staff", 403, 403), ("leader", 403, 403), ("enterprise", 403, 403)],
)
def test_ministry_pages_are_the_ministrys(client, world, role, matrix, compilations):
    client.force_login(person(role))
    assert client.get(reverse("reporting:ministry_matrix")).status_code == matrix
    assert client.get(reverse("reporting:compilation_list")).status_code == compilations
    response = client.post(reverse("reporting:compilation_list"), {"kind": "year", "start_year": 2023})
    assert response.status_code in ((302,) if compilations == 200 else (403,))


def test_the_ministry_sees_only_submitted_reports(client, world):
    client.force_login(ministry())
    assert client.get(reverse("reporting:ministry_report", args=[world["sent"].pk])).status_code == 200
    assert client.get(reverse("reporting:ministry_report", args=[world["ready"].pk])).status_code == 404


@pytest.mark.parametrize(("role", "expected"), [("staff", 200), ("enterprise", 403), ("ministry", 302)])
def test_the_report_list_is_the_provinces(client, world, role, expected):
    client.force_login(person(role))
    response = client.get(reverse("reporting:report_list"))
    assert response.status_code == expected


# --- The Ministry reads what was submitted, never the draft: pages and API alike ---------------------------------

SUBMITTED_TEXT = "Nhận xét đã gửi Bộ."
DRAFT_TEXT = "Bản nháp chưa gửi: số liệu còn phải kiểm tra."


def _version(report, number: int, status: str) -> ReportVersion:
    """A version of the report's narrative as it is now, made directly (generating PDFs is not what is tested)."""
    version = ReportVersion(
        report=report, number=number, status=status, request_key=f"k{number}", narrative=report.narrative
    )
    version.pdf.save(f"v{number}.pdf", ContentFile(b"%PDF-1.7 v"), save=False)
    version.xlsx.save(f"v{number}.xlsx", ContentFile(b"PK v"), save=False)
    version.pdf_sha256 = version.xlsx_sha256 = "0" * 64
    version.generated_at = timezone.now()
    version.submitted_at = timezone.now() if status == GenerationStatus.SUBMITTED else None
    version.save()
    return version


@pytest.fixture
def redrafted(world):
    """The submitted report of 2022 (version 1), submitted again with a new assessment (version 2), whose narrative
    the province has since rewritten: a working draft, with a version 3 generated but not submitted."""
    author = staff("kon-tum")
    report = world["sent"]
    report = services.report_update(report=report, by=author, data={"assessment": SUBMITTED_TEXT})
    second = _version(report, 2, GenerationStatus.SUBMITTED)
    report = services.report_update(report=report, by=author, data={"assessment": DRAFT_TEXT, "title": "Tiêu đề nháp"})
    return {"report": report, "submitted": second, "draft": _version(report, 3, GenerationStatus.READY)}


def api_get(user, url):
    client = APIClient()
    client.force_authenticate(user)
    return client.get(url)


@pytest.mark.parametrize(
    ("role", "detail", "assessment", "versions"),
    [
        ("staff", 200, DRAFT_TEXT, "all"),
        ("leader", 200, DRAFT_TEXT, "all"),
        ("successor_staff", 200, DRAFT_TEXT, "all"),
        ("other_staff", 404, None, None),
        ("council", 404, None, None),
        ("unit_reporter", 404, None, None),
        ("enterprise", 404, None, None),
        ("ministry", 200, SUBMITTED_TEXT, "submitted"),
    ],
)
def test_the_api_shows_the_ministry_the_submitted_report_and_the_province_its_draft(
    world, redrafted, role, detail, assessment, versions
):
    user = person(role)
    report = redrafted["report"]

    response = api_get(user, f"/api/v1/reports/{report.pk}/")

    assert response.status_code == detail
    if detail != 200:
        return
    body = response.json()
    assert body["assessment"] == assessment
    listed = api_get(user, "/api/v1/reports/").json()["results"]
    listed_row = next(row for row in listed if row["id"] == report.pk)
    numbers = [v["number"] for v in api_get(user, f"/api/v1/reports/{report.pk}/versions/").json()["results"]]
    submitted_number, draft_number = redrafted["submitted"].number, redrafted["draft"].number
    if versions == "all":
        assert body["title"] == listed_row["title"] == "Tiêu đề nháp"
        assert (body["latest_version"], body["latest_status"]) == (draft_number, "ready")
        assert set(numbers) >= {submitted_number, draft_number}
    else:  # what the Ministry received: version 1's narrative, nothing of the draft or its version
        assert body["title"] == listed_row["title"] == redrafted["submitted"].narrative["title"] != "Tiêu đề nháp"
        assert (body["latest_version"], body["latest_status"]) == (submitted_number, "submitted")
        assert (listed_row["latest_version"], listed_row["latest_status"]) == (submitted_number, "submitted")
        assert numbers == [submitted_number, world["sent_version"].number]  # 2 and 1: the submitted ones
        assert DRAFT_TEXT not in response.content.decode()
        draft_url = f"/api/v1/reports/{report.pk}/versions/{redrafted['draft'].pk}/"
        assert api_get(user, draft_url).status_code == 404
        assert api_get(user, f"/api/v1/reports/{world['ready'].pk}/").status_code == 404  # nothing submitted


@pytest.mark.parametrize(
    ("role", "working_page", "ministry_page", "draft_download"),
    [
        ("staff", 200, 403, 200),
        ("leader", 200, 403, 200),
        ("other_staff", 404, 403, 404),
        ("enterprise", 404, 403, 404),
        ("ministry", 404, 200, 404),
    ],
)
def test_the_pages_show_the_ministry_the_submitted_versions_and_the_province_its_draft(
    client, world, redrafted, role, working_page, ministry_page, draft_download
):
    client.force_login(person(role))
    report = redrafted["report"]

    assert client.get(reverse("reporting:report_detail", args=[report.pk])).status_code == working_page
    ministry = client.get(reverse("reporting:ministry_report", args=[report.pk]))
    assert ministry.status_code == ministry_page
    if ministry_page == 200:
        assert [v.number for v in ministry.context["versions"]] == [2, 1]  # the submitted ones, not the draft 3
        assert DRAFT_TEXT not in ministry.content.decode()
    download = client.get(reverse("reporting:version_download", args=[redrafted["draft"].pk, "pdf"]))
    assert download.status_code == draft_download


def test_the_submitted_only_rule_is_the_access_modules():
    # One rule: "report.view_submitted" reaches every province for the Ministry, and only what was submitted, for
    # every caller of accounts.access (superusers included); the pages and the API add no filter of their own.
    from accounts import access

    assert access.CONDITIONS["report.view_submitted"] == {
        "reporting.report": ("versions__status", "submitted"),
        "reporting.reportversion": ("status", "submitted"),
    }
    with pytest.raises(LookupError):
        access.scope(ministry(), "report.view_submitted", Plan.objects.all())
