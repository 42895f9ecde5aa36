"""Reports: due dates, defaults, idempotent requests, generation, failure and retry, immutability, reminders."""

from __future__ import annotations

import datetime as dt
import hashlib
import threading

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from accounts.models import AuditEntry
from plans.models import ReportingDuty
from reporting import render_pdf, services
from reporting.models import GenerationStatus, Report, ReportReminder, ReportVersion
from tests.plans.factories import make_full_plan, make_plan, make_reporting_duty
from tests.reporting.factories import enterprise, make_application_row
from tests.reporting.reports_data import annual_report, generated, leader, province, staff, submitted

pytestmark = pytest.mark.django_db
READY, FAILED, SUBMITTED = GenerationStatus.READY, GenerationStatus.FAILED, GenerationStatus.SUBMITTED


@pytest.fixture
def plan():
    return make_full_plan(province=province("kon-tum"), start_year=2021, end_year=2025)


@pytest.fixture
def kon_tum_staff():
    return staff("kon-tum")


# --- Due dates and defaults -----------------------------------------------------------------------------------


def test_an_annual_report_falls_due_on_30_november_when_the_plan_says_nothing():
    plan = make_plan(province=province("kon-tum"))
    assert services.report_due_date(plan=plan, kind="annual", start_year=2023, end_year=2023) == dt.date(2023, 11, 30)


def test_the_annual_due_date_follows_the_plans_reporting_duty():
    plan = make_plan(province=province("hau-giang"), start_year=2016, end_year=2020)
    # Hậu Giang: "Định kỳ tháng 5, tháng 12 hàng năm": the December report covers the year; no day → the 31st.
    make_reporting_duty(plan=plan, kind=ReportingDuty.Kind.ANNUAL, due_month=5)
    make_reporting_duty(plan=plan, kind=ReportingDuty.Kind.ANNUAL, due_month=12)
    assert services.report_due_date(plan=plan, kind="annual", start_year=2018, end_year=2018) == dt.date(2018, 12, 31)

    other = make_plan(province=province("kon-tum"))
    make_reporting_duty(plan=other, kind=ReportingDuty.Kind.ANNUAL, due_month=10, due_day=15)
    assert services.report_due_date(plan=other, kind="annual", start_year=2022, end_year=2022) == dt.date(2022, 10, 15)


def test_reviews_fall_due_in_their_last_year_and_ad_hoc_reports_have_no_due_date():
    plan = make_plan(province=province("kon-tum"))
    assert services.report_due_date(plan=plan, kind="mid_term", start_year=2021, end_year=2025) == dt.date(2025, 11, 30)
    assert services.report_due_date(plan=plan, kind="ad_hoc", start_year=2022, end_year=2023) is None


def test_a_new_report_starts_with_the_heading_and_recipients_of_its_province(plan, kon_tum_staff):
    report = annual_report(plan, by=kon_tum_staff)

    assert report.province == province("kon-tum")
    assert report.parent_agency == "UBND TỈNH KON TUM"
    assert report.agency == "SỞ KHOA HỌC VÀ CÔNG NGHỆ"
    assert report.place == "Kon Tum"
    assert report.due_date == dt.date(2023, 11, 30)
    assert report.recipients.splitlines()[-1] == "Lưu: VT"
    assert report.signer_title.splitlines() == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    assert report.title.endswith("năm 2023")
    assert AuditEntry.objects.filter(object_id=str(report.pk), action="create").exists()


def test_a_city_is_headed_by_its_city_peoples_committee():
    hanoi = make_plan(province=province("ha-noi"))
    report = annual_report(hanoi, by=staff("ha-noi"))
    assert report.parent_agency == "UBND THÀNH PHỐ HÀ NỘI"


@pytest.mark.parametrize(
    ("kind", "start", "end", "field"),
    [
        ("annual", 2020, None, "start_year"),  # before the plan
        ("annual", 2026, None, "start_year"),  # after it
        ("mid_term", 2021, 2023, "start_year"),  # not one of the plan's phases
        ("ad_hoc", 2023, 2022, "end_year"),  # ends before it starts
    ],
)
def test_a_report_must_stay_within_its_plan(plan, kon_tum_staff, kind, start, end, field):
    with pytest.raises(ValidationError) as caught:
        services.report_create(by=kon_tum_staff, plan=plan, kind=kind, start_year=start, end_year=end)
    assert field in caught.value.error_dict
    assert not Report.objects.exists()


def test_a_final_review_covers_the_whole_plan_and_an_annual_report_exists_once(plan, kon_tum_staff):
    final = services.report_create(by=kon_tum_staff, plan=plan, kind="final", start_year=2023)
    assert (final.start_year, final.end_year) == (2021, 2025)
    annual_report(plan, by=kon_tum_staff, year=2023)
    with pytest.raises(ValidationError):
        annual_report(plan, by=kon_tum_staff, year=2023)
    assert Report.objects.filter(kind="annual").count() == 1


def test_staff_of_another_province_cannot_create_a_report(plan):
    with pytest.raises(PermissionDenied):
        annual_report(plan, by=staff("hoa-binh"))
    assert not Report.objects.exists()


# --- Requests are idempotent --------------------------------------------------------------------------------------


def test_the_same_request_twice_makes_one_version(plan, kon_tum_staff):
    report = annual_report(plan, by=kon_tum_staff, assessment="Đã triển khai.")

    first = services.report_version_request(report=report, by=kon_tum_staff)
    second = services.report_version_request(report=report, by=kon_tum_staff)

    assert first.pk == second.pk
    assert report.versions.count() == 1
    assert first.status == GenerationStatus.QUEUED and first.number == 1
    assert first.narrative["assessment"] == "Đã triển khai."


def test_the_same_request_after_generation_returns_the_ready_version(plan, kon_tum_staff):
    report = annual_report(plan, by=kon_tum_staff)
    version = generated(report, by=kon_tum_staff)
    assert version.status == READY
    again = services.report_version_request(report=report, by=kon_tum_staff)
    assert again.pk == version.pk
    assert report.versions.count() == 1


def test_a_changed_narrative_makes_a_new_version(plan, kon_tum_staff):
    report = annual_report(plan, by=kon_tum_staff)
    first = services.report_version_request(report=report, by=kon_tum_staff)
    services.report_update(report=report, by=kon_tum_staff, data={"difficulties": "Kinh phí còn hạn chế."})

    second = services.report_version_request(report=report, by=kon_tum_staff)

    assert second.pk != first.pk
    assert (first.number, second.number) == (1, 2)
    assert second.narrative["difficulties"] == "Kinh phí còn hạn chế."
    assert first.narrative["difficulties"] == ""


def test_new_data_makes_a_new_version_even_with_the_same_narrative(plan, kon_tum_staff):
    report = annual_report(plan, by=kon_tum_staff)
    first = services.report_version_request(report=report, by=kon_tum_staff)
    make_application_row(enterprise=enterprise("kon-tum"), year=2023)

    second = services.report_version_request(report=report, by=kon_tum_staff)

    assert second.pk != first.pk
    assert second.data_fingerprint != first.data_fingerprint


def test_the_task_is_queued_only_when_the_request_commits(plan, kon_tum_staff, django_capture_on_commit_callbacks):
    report = annual_report(plan, by=kon_tum_staff)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        version = services.report_version_request(report=report, by=kon_tum_staff)
    assert len(callbacks) == 1
    version.refresh_from_db()
    assert version.status == GenerationStatus.QUEUED  # nothing ran inside the transaction

    callbacks[0]()  # the commit: Celery runs eagerly in the tests

    version.refresh_from_db()
    assert version.status == READY


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_identical_requests_make_one_version_on_postgresql():
    plan = make_full_plan(province=province("kon-tum"))
    person = staff("kon-tum")
    report = annual_report(plan, by=person)
    barrier = threading.Barrier(2)
    results, errors = [], []

    def request():
        try:
            barrier.wait(timeout=10)
            results.append(services.report_version_request(report=Report.objects.get(pk=report.pk), by=person).pk)
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=request) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert not errors
    assert len(results) == 2 and results[0] == results[1]
    assert ReportVersion.objects.filter(report=report).count() == 1


# --- Generation, failure and retry ------------------------------------------------------------------------------


def test_generation_stores_the_pdf_and_the_xlsx_with_their_checksums(plan, kon_tum_staff):
    report = annual_report(plan, by=kon_tum_staff)
    version = generated(report, by=kon_tum_staff)

    assert version.status == READY and version.generated_at is not None
    pdf = version.pdf.read()
    assert pdf.startswith(b"%PDF")
    assert hashlib.sha256(pdf).hexdigest() == version.pdf_sha256
    xlsx = version.xlsx.read()
    assert xlsx.startswith(b"PK")  # a zip: an Office Open XML workbook
    assert hashlib.sha256(xlsx).hexdigest() == version.xlsx_sha256
    assert version.snapshot["province"]["name"] == "Kon Tum"
    assert version.snapshot["figures"]["years"] == [2023]
    assert version.pdf.name.startswith(f"reports/{report.pk}/")


def test_running_the_task_twice_changes_nothing(plan, kon_tum_staff):
    version = generated(annual_report(plan, by=kon_tum_staff), by=kon_tum_staff)
    before = (version.pdf.name, version.pdf_sha256, version.generated_at, version.snapshot)

    services.report_version_generate(version_id=version.pk)

    version.refresh_from_db()
    assert (version.pdf.name, version.pdf_sha256, version.generated_at, version.snapshot) == before


def test_a_failing_render_leaves_a_failed_version_with_a_clear_message_and_loses_nothing(
    plan, kon_tum_staff, monkeypatch
):
    report = annual_report(plan, by=kon_tum_staff, assessment="Nội dung đánh giá.")
    first = generated(report, by=kon_tum_staff)
    services.report_update(report=report, by=kon_tum_staff, data={"assessment": "Nội dung đánh giá, bản 2."})

    def broken(snapshot):
        raise RuntimeError("font cache unavailable")

    monkeypatch.setattr(render_pdf, "report_pdf", broken)
    second = generated(report, by=kon_tum_staff)

    assert second.status == FAILED
    assert second.error.startswith("Không tạo được tệp PDF")
    assert "font cache unavailable" in second.error
    assert "Không mất dữ liệu" in second.error
    assert not second.pdf and not second.pdf_sha256
    report.refresh_from_db()
    assert report.assessment == "Nội dung đánh giá, bản 2."
    first_again = ReportVersion.objects.get(pk=first.pk)
    assert (first_again.status, first_again.pdf_sha256) == (READY, first.pdf_sha256)
    assert first_again.pdf.read() == ReportVersion.objects.get(pk=first.pk).pdf.read()


def test_retry_generates_the_same_version_again(plan, kon_tum_staff, monkeypatch, django_capture_on_commit_callbacks):
    report = annual_report(plan, by=kon_tum_staff)
    monkeypatch.setattr(render_pdf, "report_pdf", lambda snapshot: 1 / 0)
    failed = generated(report, by=kon_tum_staff)
    assert failed.status == FAILED
    monkeypatch.undo()

    with django_capture_on_commit_callbacks(execute=True):
        retried = services.report_version_retry(version=failed, by=kon_tum_staff)

    retried.refresh_from_db()
    assert retried.pk == failed.pk and retried.number == 1
    assert retried.status == READY and retried.attempts == 2 and retried.error == ""
    assert report.versions.count() == 1


def test_only_a_failed_version_can_be_tried_again(plan, kon_tum_staff):
    version = generated(annual_report(plan, by=kon_tum_staff), by=kon_tum_staff)
    with pytest.raises(ValidationError):
        services.report_version_retry(version=version, by=kon_tum_staff)
    version.refresh_from_db()
    assert version.status == READY and version.attempts == 1


# --- Submission and immutability ------------------------------------------------------------------------------------


def test_a_leader_submits_a_ready_version(plan, kon_tum_staff):
    report = annual_report(plan, by=kon_tum_staff)
    version = generated(report, by=kon_tum_staff)
    boss = leader("kon-tum")

    services.report_version_submit(version=version, by=boss)

    version.refresh_from_db()
    report.refresh_from_db()
    assert version.status == SUBMITTED and version.submitted_by == boss and version.submitted_at
    assert report.status == Report.Status.SUBMITTED
    assert AuditEntry.objects.filter(object_id=str(version.pk), action="submit").exists()


def test_staff_may_not_submit_and_nothing_changes(plan, kon_tum_staff):
    version = generated(annual_report(plan, by=kon_tum_staff), by=kon_tum_staff)
    with pytest.raises(PermissionDenied):
        services.report_version_submit(version=version, by=kon_tum_staff)
    version.refresh_from_db()
    assert version.status == READY and version.submitted_at is None


def test_a_version_still_queued_cannot_be_submitted(plan, kon_tum_staff):
    report = annual_report(plan, by=kon_tum_staff)
    version = services.report_version_request(report=report, by=kon_tum_staff)
    with pytest.raises(ValidationError):
        services.report_version_submit(version=version, by=leader("kon-tum"))
    version.refresh_from_db()
    assert version.status == GenerationStatus.QUEUED


def test_a_submitted_version_never_changes(plan, kon_tum_staff):
    report = annual_report(plan, by=kon_tum_staff, assessment="Bản đã gửi.")
    version = submitted(report, by=kon_tum_staff)
    frozen = ReportVersion.objects.get(pk=version.pk)
    content = frozen.pdf.read()

    with pytest.raises(ValidationError):
        services.report_version_submit(version=version, by=leader("kon-tum"))
    with pytest.raises(ValidationError):
        services.report_version_retry(version=version, by=kon_tum_staff)
    services.report_version_generate(version_id=version.pk)
    services.report_update(report=report, by=kon_tum_staff, data={"assessment": "Sửa sau khi gửi."})
    newer = services.report_version_request(report=report, by=kon_tum_staff)

    after = ReportVersion.objects.get(pk=version.pk)
    assert newer.pk != version.pk
    for name in ("status", "narrative", "snapshot", "pdf_sha256", "xlsx_sha256", "submitted_at", "submitted_by_id"):
        assert getattr(after, name) == getattr(frozen, name), name
    assert after.pdf.name == frozen.pdf.name and after.pdf.read() == content
    assert after.narrative["assessment"] == "Bản đã gửi."


# --- Reminders ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days_left", "sent", "owed"),
    [
        (15, set(), None),  # not yet
        (14, set(), 14),
        (10, set(), 14),  # the 14-day reminder not sent yet (report started late)
        (10, {14}, None),
        (8, {14}, None),
        (7, {14}, 7),
        (5, set(), 7),  # a missed 14-day reminder is not sent late as well
        (2, {14, 7}, None),
        (1, {14, 7}, 1),
        (0, {14, 7}, 1),  # due today and the 1-day reminder was missed
        (0, {14, 7, 1}, None),
        (-1, set(), None),  # overdue: no more reminders
    ],
)
def test_which_reminder_is_owed(days_left, sent, owed):
    due = dt.date(2023, 11, 30)
    assert services.reminder_offset(due_date=due, today=due - dt.timedelta(days=days_left), sent=sent) == owed


def _remind(on: dt.date, capture) -> int:
    with capture(execute=True):
        return services.report_reminders_send(today=on)


def test_staff_are_reminded_14_7_and_1_days_before_once_each(plan, django_capture_on_commit_callbacks):
    kon_tum = staff("kon-tum", email="canbo@kontum.example.vn")
    staff("hoa-binh", email="canbo@hoabinh.example.vn")
    mail.outbox = []

    assert _remind(dt.date(2023, 11, 15), django_capture_on_commit_callbacks) == 0  # 15 days before
    assert _remind(dt.date(2023, 11, 16), django_capture_on_commit_callbacks) == 1  # 14 days before
    assert _remind(dt.date(2023, 11, 16), django_capture_on_commit_callbacks) == 0  # the same day again
    assert _remind(dt.date(2023, 11, 20), django_capture_on_commit_callbacks) == 0
    assert _remind(dt.date(2023, 11, 23), django_capture_on_commit_callbacks) == 1  # 7 days before
    assert _remind(dt.date(2023, 11, 29), django_capture_on_commit_callbacks) == 1  # 1 day before
    assert _remind(dt.date(2023, 11, 30), django_capture_on_commit_callbacks) == 0  # due day, already reminded
    assert _remind(dt.date(2023, 12, 1), django_capture_on_commit_callbacks) == 0

    report = Report.objects.get(plan=plan, kind="annual", start_year=2023)  # created by the first reminder run
    assert sorted(ReportReminder.objects.filter(report=report).values_list("days_before", flat=True)) == [1, 7, 14]
    assert [m.to for m in mail.outbox] == [[kon_tum.email]] * 3
    assert "30/11/2023" in mail.outbox[0].subject
    assert kon_tum.notifications.count() == 3


def test_no_reminder_once_a_version_is_submitted(plan, kon_tum_staff, django_capture_on_commit_callbacks):
    report = annual_report(plan, by=kon_tum_staff)
    submitted(report, by=kon_tum_staff)
    mail.outbox = []
    assert _remind(dt.date(2023, 11, 16), django_capture_on_commit_callbacks) == 0
    assert not ReportReminder.objects.exists()
    assert mail.outbox == []


def test_a_version_stuck_without_a_worker_is_failed_and_a_new_request_goes_ahead(plan, kon_tum_staff):
    report = annual_report(plan, by=kon_tum_staff)
    stuck = services.report_version_request(report=report, by=kon_tum_staff)
    ReportVersion.objects.filter(pk=stuck.pk).update(
        status=GenerationStatus.GENERATING, requested_at=stuck.requested_at - dt.timedelta(minutes=31)
    )

    fresh = services.report_version_request(report=report, by=kon_tum_staff)

    stuck.refresh_from_db()
    assert stuck.status == FAILED and "30 phút" in stuck.error
    assert fresh.pk != stuck.pk and fresh.status == GenerationStatus.QUEUED


def test_a_version_generating_for_a_short_while_is_left_alone(plan, kon_tum_staff):
    report = annual_report(plan, by=kon_tum_staff)
    running = services.report_version_request(report=report, by=kon_tum_staff)
    ReportVersion.objects.filter(pk=running.pk).update(
        status=GenerationStatus.GENERATING, requested_at=running.requested_at - dt.timedelta(minutes=29)
    )
    assert services.report_version_request(report=report, by=kon_tum_staff).pk == running.pk
