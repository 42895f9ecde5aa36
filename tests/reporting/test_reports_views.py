"""The province's report pages: list, creation, the narrative form, generation, status and downloads."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reporting.models import GenerationStatus, Report, ReportVersion
from support.choices import Status
from tests.enterprises.factories import make_enterprise, make_member
from tests.plans.factories import make_full_plan
from tests.reporting.factories import make_application_row
from tests.reporting.reports_data import annual_report, generated, province, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    return make_full_plan(province=province("kon-tum"), start_year=2016, end_year=2030)


@pytest.fixture
def kon_tum_staff(client):
    user = staff("kon-tum")
    client.force_login(user)
    return user


def test_the_list_shows_the_provinces_reports_only(client, plan, kon_tum_staff):
    annual_report(plan, by=kon_tum_staff, year=2023)
    other = make_full_plan(province=province("hoa-binh"))
    annual_report(other, by=staff("hoa-binh"), year=2022)

    response = client.get(reverse("reporting:report_list"))

    assert response.status_code == 200
    reports = list(response.context["page"].object_list)
    assert [r.province.key for r in reports] == ["kon-tum"]
    assert "chưa tạo" in response.content.decode()


def test_the_list_is_read_in_a_fixed_number_of_queries(client, plan, kon_tum_staff):
    annual_report(plan, by=kon_tum_staff, year=2020)
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("reporting:report_list"))
    for year in range(2016, 2030):
        if year != 2020:
            report = annual_report(plan, by=kon_tum_staff, year=year)
            ReportVersion.objects.create(report=report, number=1, request_key=f"k{year}")
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("reporting:report_list"))
    assert len(response.context["page"].object_list) == 14
    assert len(many) == len(one)


def test_an_empty_list_says_so(client, kon_tum_staff):
    response = client.get(reverse("reporting:report_list"))
    assert "Chưa có báo cáo nào." in response.content.decode()


def test_creating_a_report_outside_the_plan_shows_the_error_and_creates_nothing(client, kon_tum_staff):
    plan = make_full_plan(province=province("kon-tum"), start_year=2021, end_year=2025)
    response = client.post(reverse("reporting:report_create"), {"plan": plan.pk, "kind": "annual", "start_year": 2019})
    assert response.status_code == 200
    assert "Kế hoạch thực hiện từ năm 2021 đến năm 2025" in response.content.decode()
    assert not Report.objects.exists()


def test_creating_a_report_leads_to_its_page(client, kon_tum_staff):
    plan = make_full_plan(province=province("kon-tum"), start_year=2021, end_year=2025)
    response = client.post(reverse("reporting:report_create"), {"plan": plan.pk, "kind": "annual", "start_year": 2023})
    report = Report.objects.get()
    assert response.status_code == 302 and response["Location"] == report.get_absolute_url()
    assert (report.kind, report.start_year, report.province.key) == ("annual", 2023, "kon-tum")


def test_the_plan_list_of_the_form_holds_only_the_provinces_plans(client, kon_tum_staff):
    mine = make_full_plan(province=province("kon-tum"))
    theirs = make_full_plan(province=province("hoa-binh"))
    response = client.get(reverse("reporting:report_create"))
    choices = list(response.context["form"].fields["plan"].queryset)
    assert mine in choices and theirs not in choices
    refused = client.post(reverse("reporting:report_create"), {"plan": theirs.pk, "kind": "annual", "start_year": 2023})
    assert refused.status_code == 200 and not Report.objects.exists()


def _form_data(report: Report, **changes) -> dict:
    data = {
        "title": report.title,
        "number": report.number,
        "parent_agency": report.parent_agency,
        "agency": report.agency,
        "place": report.place,
        "dated": "",
        "due_date": "30/11/2023",
        "assessment": report.assessment,
        "difficulties": report.difficulties,
        "recommendations": report.recommendations,
        "next_year_plan": report.next_year_plan,
        "recipients": report.recipients,
        "signer_title": report.signer_title,
        "signer_name": report.signer_name,
    }
    data.update(changes)
    return data


def test_the_narrative_is_saved(client, plan, kon_tum_staff):
    report = annual_report(plan, by=kon_tum_staff, year=2023)
    response = client.post(
        reverse("reporting:report_detail", args=[report.pk]),
        _form_data(report, assessment="Đã hoàn thành các nhiệm vụ.", dated="25/11/2023"),
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.assessment == "Đã hoàn thành các nhiệm vụ."
    assert report.dated.isoformat() == "2023-11-25"


def test_a_bad_date_is_shown_and_nothing_changes(client, plan, kon_tum_staff):
    report = annual_report(plan, by=kon_tum_staff, year=2023)
    response = client.post(
        reverse("reporting:report_detail", args=[report.pk]),
        _form_data(report, assessment="Không được lưu.", dated="31/02/2023", generate="1"),
    )
    assert response.status_code == 400
    assert "dd/mm/yyyy" in response.content.decode()
    report.refresh_from_db()
    assert report.assessment == "" and report.dated is None
    assert not ReportVersion.objects.exists()


def test_an_empty_title_is_refused(client, plan, kon_tum_staff):
    report = annual_report(plan, by=kon_tum_staff, year=2023)
    response = client.post(reverse("reporting:report_detail", args=[report.pk]), _form_data(report, title=""))
    assert response.status_code == 400
    report.refresh_from_db()
    assert report.title.endswith("năm 2023")


def test_save_and_generate_queues_one_version_and_the_page_follows_it(
    client, plan, kon_tum_staff, django_capture_on_commit_callbacks
):
    report = annual_report(plan, by=kon_tum_staff, year=2023)
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(
            reverse("reporting:report_detail", args=[report.pk]), _form_data(report, generate="1"), follow=True
        )
    version = ReportVersion.objects.get()
    page = response.content.decode()
    assert version.status == GenerationStatus.QUEUED
    assert f'data-status-url="{reverse("reporting:version_status", args=[version.pk])}"' in page
    assert '<noscript><meta http-equiv="refresh" content="5"></noscript>' in page

    status = client.get(reverse("reporting:version_status", args=[version.pk])).json()
    assert status == {
        "id": version.pk,
        "number": 1,
        "status": "queued",
        "status_label": "đang chờ",
        "pending": True,
        "done": False,
        "error": "",
        "pdf_url": None,
        "xlsx_url": None,
    }
    again = client.post(reverse("reporting:report_generate", args=[report.pk]), follow=True)
    assert ReportVersion.objects.count() == 1  # the same request again
    assert "Không có gì thay đổi kể từ phiên bản 1" in again.content.decode()


def test_a_ready_version_is_downloaded_as_an_attachment(client, plan, kon_tum_staff):
    version = generated(annual_report(plan, by=kon_tum_staff, year=2023), by=kon_tum_staff)

    status = client.get(reverse("reporting:version_status", args=[version.pk])).json()
    assert status["done"] and status["pdf_url"] == reverse("reporting:version_download", args=[version.pk, "pdf"])
    response = client.get(status["pdf_url"])

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"] and "kon-tum" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    xlsx = client.get(reverse("reporting:version_download", args=[version.pk, "xlsx"]))
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client.get(reverse("reporting:version_download", args=[version.pk, "doc"])).status_code == 404


def test_a_failed_version_offers_to_try_again(client, plan, kon_tum_staff, monkeypatch):
    from reporting import render_pdf

    report = annual_report(plan, by=kon_tum_staff, year=2023)
    monkeypatch.setattr(render_pdf, "report_pdf", lambda snapshot: 1 / 0)
    generated(report, by=kon_tum_staff)
    page = client.get(reverse("reporting:report_detail", args=[report.pk])).content.decode()
    assert "Thử lại" in page and "Không tạo được tệp PDF" in page


# --- Decision and contract of an application -------------------------------------------------------------------------


def test_the_decision_and_contract_are_downloaded_by_whoever_may_view_the_application(client):
    from support.models import Contract

    company = make_enterprise(province_key="kon-tum")
    application = make_application_row(enterprise=company, year=2025, status=Status.CONTRACTED)
    Contract.objects.create(application=application, number="01/HĐ", signed_on="2025-05-02", signer_name="Nguyễn An")
    urls = [
        reverse("reporting:decision_pdf", args=[application.pk]),
        reverse("reporting:contract_pdf", args=[application.pk]),
    ]

    client.force_login(make_member(company))
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200 and response.content.startswith(b"%PDF")

    client.force_login(make_member(make_enterprise(province_key="kon-tum")))
    assert all(client.get(url).status_code == 404 for url in urls)
    client.force_login(staff("hoa-binh"))
    assert all(client.get(url).status_code == 404 for url in urls)
    client.force_login(staff("kon-tum"))
    assert all(client.get(url).status_code == 200 for url in urls)


def test_an_application_without_a_decision_has_no_decision_pdf(client):
    company = make_enterprise(province_key="kon-tum")
    application = make_application_row(enterprise=company, year=2025, status=Status.SUBMITTED)
    client.force_login(make_member(company))
    assert client.get(reverse("reporting:decision_pdf", args=[application.pk])).status_code == 404
    assert client.get(reverse("reporting:contract_pdf", args=[application.pk])).status_code == 404


def test_the_report_page_is_read_in_a_fixed_number_of_queries(client, plan, kon_tum_staff):
    report = annual_report(plan, by=kon_tum_staff, year=2023)
    ReportVersion.objects.create(report=report, number=1, request_key="a", requested_by=kon_tum_staff)
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("reporting:report_detail", args=[report.pk]))
    for number in range(2, 8):
        ReportVersion.objects.create(report=report, number=number, request_key=f"k{number}", requested_by=staff())
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("reporting:report_detail", args=[report.pk]))
    assert len(response.context["versions"]) == 7
    assert len(many) == len(one)
