"""Who may do what with reports: every role against every action, and a denied action changes nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from accounts.models import Role
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
