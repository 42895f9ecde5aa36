"""Importing activities and indicator values into plans: good files, bad files, all rows or none, updates by key."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType

from accounts import import_jobs
from accounts.models import AuditEntry, ImportJob, Role
from plans.models import Activity, Indicator, IndicatorValue
from tests.accounts.factories import make_user
from tests.imports.factories import csv_bytes, upload, xlsx_bytes
from tests.plans.factories import make_plan, make_task, province

pytestmark = pytest.mark.django_db

ACTIVITY_HEADERS = [
    "Kế hoạch",
    "Nhiệm vụ",
    "Loại hoạt động",
    "Loại sản phẩm",
    "Tên hoạt động",
    "Ngày bắt đầu",
    "Ngày kết thúc",
    "Số người tham dự",
    "Số lượt người",
    "Số doanh nghiệp tham gia",
    "Số lượng",
    "Kinh phí NSĐP",
]
VALUE_HEADERS = ["Kế hoạch", "Mã chỉ số", "Năm", "Giá trị", "Nguồn", "Ghi chú"]
SOURCE = "Cục Thống kê tỉnh, Niên giám 2023"


@pytest.fixture
def plan():
    plan = make_plan(province=province("kon-tum"), number="187/KH-UBND", start_year=2021, end_year=2025)
    make_task(plan=plan, number="2.1", content="Tuyên truyền về năng suất chất lượng")
    return plan


@pytest.fixture
def staff():
    return make_user(role=Role.PROVINCE_STAFF, province=province("kon-tum"))


def _activity(plan, **changes):
    values = {
        "Kế hoạch": "187/KH-UBND",
        "Nhiệm vụ": "",
        "Loại hoạt động": "hội nghị, hội thảo",
        "Loại sản phẩm": "",
        "Tên hoạt động": "Hội thảo giới thiệu công cụ Lean",
        "Ngày bắt đầu": "15/06/2023",
        "Ngày kết thúc": "",
        "Số người tham dự": 80,
        "Số lượt người": "",
        "Số doanh nghiệp tham gia": 35,
        "Số lượng": "",
        "Kinh phí NSĐP": "45.000.000",
    }
    values.update(changes)
    return [values[h] for h in ACTIVITY_HEADERS]


def _job(staff, kind, name, content):
    return import_jobs.import_job_create(by=staff, kind=kind, file=upload(name, content))


def test_activities_are_imported_and_a_second_import_updates_them(plan, staff):
    rows = [
        _activity(plan),
        _activity(
            plan,
            **{
                "Kế hoạch": plan.pk,
                "Nhiệm vụ": "2.1",
                "Loại hoạt động": "communication product",
                "Loại sản phẩm": "Tọa đàm",
                "Tên hoạt động": "Tọa đàm năng suất trên truyền hình tỉnh",
                "Ngày bắt đầu": "2023-09-01",
                "Số người tham dự": 0,
                "Số doanh nghiệp tham gia": 0,
                "Số lượng": 3,
                "Kinh phí NSĐP": 30_000_000,
            },
        ),
    ]
    job = _job(staff, "activities", "hoat-dong.xlsx", xlsx_bytes(ACTIVITY_HEADERS, rows))
    assert (job.status, job.created_count) == (ImportJob.Status.READY, 2), job.report
    import_jobs.import_job_confirm(job=job, by=staff)

    workshop = Activity.objects.get(kind=Activity.Kind.CONFERENCE)
    assert (workshop.start_date, workshop.participants, workshop.person_times) == (dt.date(2023, 6, 15), 80, 80)
    assert (workshop.cost_state_local, workshop.recorded_by) == (45_000_000, staff)
    talk = Activity.objects.get(kind=Activity.Kind.COMMUNICATION)
    assert (talk.communication_type, talk.quantity, talk.task.number) == ("talk_show", 3, "2.1")

    rows[0][ACTIVITY_HEADERS.index("Số người tham dự")] = 95
    again = _job(staff, "activities", "hoat-dong.csv", csv_bytes(ACTIVITY_HEADERS, rows))
    assert (again.created_count, again.updated_count, again.unchanged_count) == (0, 1, 1)
    import_jobs.import_job_confirm(job=again, by=staff)

    assert Activity.objects.count() == 2
    workshop.refresh_from_db()
    assert (workshop.participants, workshop.person_times) == (95, 95)  # person-times empty: one per participant
    activity_type = ContentType.objects.get_for_model(Activity)
    assert AuditEntry.objects.filter(action="import", content_type=activity_type).count() == 3


def test_a_file_of_activities_with_bad_rows_imports_nothing(plan, staff):
    rows = [
        _activity(plan),
        _activity(plan, **{"Loại hoạt động": "sản phẩm truyền thông", "Tên hoạt động": "Phóng sự"}),
        _activity(plan, **{"Số người tham dự": 20, "Số lượt người": 10, "Tên hoạt động": "Lớp Kaizen"}),
        _activity(plan, **{"Ngày bắt đầu": "15/06/2019", "Tên hoạt động": "Hội nghị cũ"}),
        _activity(plan, **{"Kế hoạch": "999/KH-UBND"}),
        _activity(plan, **{"Nhiệm vụ": "9.9", "Tên hoạt động": "Hội thảo 5S"}),
        _activity(plan, **{"Ngày kết thúc": "10/06/2023", "Tên hoạt động": "Hội thảo TPM"}),
        _activity(plan, **{"Loại hoạt động": "dã ngoại", "Tên hoạt động": "Dã ngoại"}),
    ]
    job = _job(staff, "activities", "hoat-dong.csv", csv_bytes(ACTIVITY_HEADERS, rows))

    assert job.status == ImportJob.Status.INVALID
    errors = [(e["row"], e["column"], e["message"]) for e in job.report["errors"]]
    assert errors[:6] == [
        (3, "Loại sản phẩm", "Hãy chọn loại sản phẩm truyền thông."),
        (4, "Số lượt người", "Số lượt người không được ít hơn số người tham dự."),
        (5, "Ngày bắt đầu", "Phải nằm trong thời kỳ của kế hoạch 2021-2025."),
        (6, "Kế hoạch", "Không có kế hoạch nào bạn được cập nhật có số hiệu hoặc mã “999/KH-UBND”."),
        (7, "Nhiệm vụ", "Kế hoạch không có nhiệm vụ số 9.9."),
        (8, "Ngày kết thúc", "Hoạt động không thể kết thúc trước khi bắt đầu."),
    ]
    assert errors[6][:2] == (9, "Loại hoạt động") and errors[6][2].startswith("“dã ngoại” không thuộc các giá trị:")
    assert len(errors) == 7
    assert not Activity.objects.exists()


def test_staff_of_another_province_cannot_import_into_the_plan(plan):
    outsider = make_user(role=Role.PROVINCE_STAFF, province=province("hoa-binh"))
    job = _job(outsider, "activities", "hoat-dong.csv", csv_bytes(ACTIVITY_HEADERS, [_activity(plan)]))
    assert [e["column"] for e in job.report["errors"]] == ["Kế hoạch"]
    assert not Activity.objects.exists()


def test_indicator_values_are_imported_and_replace_the_value_already_entered(plan, staff):
    growth = Indicator.objects.get(code="labour_productivity_growth")
    IndicatorValue.objects.create(plan=plan, indicator=growth, year=2022, value=Decimal("5.10"), source="Ước tính")
    rows = [
        ["187/KH-UBND", "labour_productivity_growth", 2023, "7,5", SOURCE, ""],
        ["187/KH-UBND", "labour_productivity_growth", 2022, "6,25", SOURCE, "Số chính thức"],
        ["187/KH-UBND", "key_products_conforming", 2023, 82, SOURCE, ""],
    ]
    job = _job(staff, "indicator_values", "so-lieu.csv", csv_bytes(VALUE_HEADERS, rows))
    assert (job.status, job.created_count, job.updated_count) == (ImportJob.Status.READY, 2, 1), job.report

    import_jobs.import_job_confirm(job=job, by=staff)

    values = {(v.indicator.code, v.year): v for v in IndicatorValue.objects.select_related("indicator")}
    assert values[("labour_productivity_growth", 2023)].value == Decimal("7.50")
    assert values[("labour_productivity_growth", 2022)].value == Decimal("6.25")
    assert values[("labour_productivity_growth", 2022)].source == SOURCE
    assert values[("key_products_conforming", 2023)].entered_by == staff
    assert IndicatorValue.objects.count() == 3


def test_a_file_of_indicator_values_with_bad_rows_imports_nothing(plan, staff):
    rows = [
        ["187/KH-UBND", "labour_productivity_growth", 2023, "7,5", SOURCE, ""],
        ["187/KH-UBND", "experts_certified", 2023, 4, SOURCE, ""],
        ["187/KH-UBND", "key_products_conforming", 2023, 120, SOURCE, ""],
        ["187/KH-UBND", "labour_productivity_growth", 2030, "7", SOURCE, ""],
        ["187/KH-UBND", "labour_productivity_growth", 2024, "7", "", ""],
        ["187/KH-UBND", "labour_productivity_growth", 2023, "8", SOURCE, ""],
        ["187/KH-UBND", "nang_suat_xanh", 2023, "7,123", SOURCE, ""],
    ]
    job = _job(staff, "indicator_values", "so-lieu.xlsx", xlsx_bytes(VALUE_HEADERS, rows))

    assert job.status == ImportJob.Status.INVALID
    assert [(e["row"], e["column"], e["message"]) for e in job.report["errors"]] == [
        (3, "Mã chỉ số", "Chỉ số này được tính từ dữ liệu của cổng: không nhập giá trị bằng tay."),
        (4, "Giá trị", "Tỷ lệ phần trăm nằm trong khoảng từ 0 đến 100."),
        (5, "Năm", "Phải nằm trong thời kỳ của kế hoạch 2021-2025."),
        (6, "Nguồn", "Ô này không được để trống."),
        (7, "Năm", "Chỉ số này đã có giá trị cho năm này."),
        (8, "Mã chỉ số", "Không có chỉ số nào có mã “nang_suat_xanh”."),
        (8, "Giá trị", "Tối đa 2 chữ số thập phân."),
    ]
    assert not IndicatorValue.objects.exists()
