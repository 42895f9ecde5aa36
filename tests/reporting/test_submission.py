"""A province leader submits a ready version to the Ministry through the report page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from reporting.models import GenerationStatus, Report
from tests.plans.factories import make_full_plan
from tests.reporting.reports_data import annual_report, generated, leader, ministry, province, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def ready():
    plan = make_full_plan(province=province("kon-tum"))
    author = staff("kon-tum")
    report = annual_report(plan, by=author, year=2023)
    return report, generated(report, by=author)


def test_the_leader_sees_the_submit_button_and_staff_do_not(client, ready):
    report, _version = ready
    client.force_login(staff("kon-tum"))
    page = client.get(reverse("reporting:report_detail", args=[report.pk])).content.decode()
    assert "Gửi Bộ</button>" not in page and "lãnh đạo Sở gửi" in page
    client.force_login(leader("kon-tum"))
    page = client.get(reverse("reporting:report_detail", args=[report.pk])).content.decode()
    assert "Gửi Bộ</button>" in page


def test_submitting_tells_the_ministry_and_marks_the_report(client, ready):
    report, version = ready
    desk = ministry()
    boss = leader("kon-tum")
    client.force_login(boss)

    response = client.post(reverse("reporting:version_submit", args=[version.pk]), follow=True)

    assert "Đã gửi phiên bản 1 cho Bộ." in response.content.decode()
    version.refresh_from_db()
    assert version.status == GenerationStatus.SUBMITTED and version.submitted_by == boss
    assert Report.objects.get(pk=report.pk).status == Report.Status.SUBMITTED
    notification = desk.notifications.get()
    assert "Kon Tum" in notification.title
    assert notification.link == reverse("reporting:ministry_matrix") + "?year=2023"


def test_submitting_twice_says_why_and_changes_nothing(client, ready):
    _report, version = ready
    client.force_login(leader("kon-tum"))
    client.post(reverse("reporting:version_submit", args=[version.pk]))
    version.refresh_from_db()
    first = (version.submitted_at, version.submitted_by_id)

    response = client.post(reverse("reporting:version_submit", args=[version.pk]), follow=True)

    assert "phiên bản đã gửi không bao giờ thay đổi" in response.content.decode()
    version.refresh_from_db()
    assert (version.submitted_at, version.submitted_by_id) == first


def test_the_ministry_downloads_the_submitted_version(client, ready):
    _report, version = ready
    client.force_login(leader("kon-tum"))
    client.post(reverse("reporting:version_submit", args=[version.pk]))

    client.force_login(ministry())
    matrix = client.get(reverse("reporting:ministry_matrix"), {"year": 2023}).content.decode()
    download = reverse("reporting:version_download", args=[version.pk, "pdf"])
    assert download in matrix
    response = client.get(download)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == version.pdf.read()
