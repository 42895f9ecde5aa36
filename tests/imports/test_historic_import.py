"""Historic beneficiaries (support given in 2021-2025, before the portal): the service that enters one, and the
import of a file of them, all rows or none."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError

from accounts import import_jobs
from accounts.models import AuditEntry, ImportJob, Role
from support.choices import Status
from support.models import Acceptance, Application, ApplicationEvent, BudgetAllocation, Decision, Payment
from support.services import application_import_historic
from tests.accounts.factories import make_user
from tests.enterprises.factories import make_enterprise
from tests.imports.factories import csv_bytes, upload, xlsx_bytes
from tests.support.factories import make_allocation, make_policy, make_rule, province

pytestmark = pytest.mark.django_db

MILLION = 1_000_000
HEADERS = [
    "Mã số thuế",
    "Nội dung hỗ trợ",
    "Năm",
    "Kinh phí được duyệt",
    "Kinh phí quyết toán",
    "Đã thanh toán",
    "Số quyết định",
    "Ngày quyết định",
    "Ngày nghiệm thu",
    "Ngày thanh toán",
]


@pytest.fixture
def setting():
    """Kon Tum's policy (2021-2025) certifying management systems, 100 million allocated for 2023."""
    rule = make_rule(policy=make_policy(province_key="kon-tum"), category="system-certification")
    return {
        "rule": rule,
        "allocation": make_allocation(rule=rule, year=2023, amount=100 * MILLION),
        "staff": make_user(role=Role.PROVINCE_STAFF, province=province("kon-tum")),
        "first": make_enterprise(province_key="kon-tum", name="Công ty Cà phê Đăk Tô"),
        "second": make_enterprise(province_key="kon-tum", name="HTX Sâm Ngọc Linh"),
    }


def _historic(setting, enterprise, **changes):
    values = {
        "by": setting["staff"],
        "enterprise": enterprise,
        "rule": setting["rule"],
        "budget_year": 2023,
        "approved_amount": 45 * MILLION,
        "final_amount": 42_500_000,
        "paid_amount": 42_500_000,
        "decision_number": "125/QĐ-SKHCN",
        "decision_date": dt.date(2023, 5, 12),
        "accepted_on": dt.date(2023, 11, 20),
        "paid_on": dt.date(2023, 12, 15),
    }
    values.update(changes)
    return application_import_historic(**values)


# --- The service ------------------------------------------------------------------------------------------------


def test_a_historic_support_is_entered_paid_with_its_decision_acceptance_payment_and_history(setting):
    app = _historic(setting, setting["first"])

    app.refresh_from_db()
    assert (app.status, app.approved_amount, app.final_amount, app.paid_total) == (
        Status.PAID,
        45 * MILLION,
        42_500_000,
        42_500_000,
    )
    assert app.max_support == 45 * MILLION and app.province_id == setting["rule"].policy.province_id
    decision = Decision.objects.get(application=app)
    assert (decision.number, decision.decided_on, decision.approved_amount) == (
        "125/QĐ-SKHCN",
        dt.date(2023, 5, 12),
        45 * MILLION,
    )
    assert Acceptance.objects.get(application=app).final_amount == 42_500_000
    payment = Payment.objects.get(application=app)
    assert (payment.amount, payment.paid_on) == (42_500_000, dt.date(2023, 12, 15))
    events = list(ApplicationEvent.objects.filter(application=app).order_by("at"))
    assert [(e.from_status, e.to_status, e.at.date()) for e in events] == [
        (Status.DRAFT, Status.APPROVED, dt.date(2023, 5, 12)),
        (Status.APPROVED, Status.ACCEPTED, dt.date(2023, 11, 20)),
        (Status.ACCEPTED, Status.PAID, dt.date(2023, 12, 15)),
    ]
    allocation = BudgetAllocation.objects.get(pk=setting["allocation"].pk)
    assert (allocation.committed, allocation.disbursed) == (42_500_000, 42_500_000)
    audited = AuditEntry.objects.filter(action=AuditEntry.Action.IMPORT, actor=setting["staff"])
    assert sorted(e.content_type.model for e in audited) == ["acceptance", "application", "decision", "payment"]


def test_a_historic_support_partly_paid_stays_accepted_with_the_rest_to_pay(setting):
    app = _historic(setting, setting["first"], approved_amount=40 * MILLION, final_amount=40 * MILLION, paid_amount=0)

    assert (app.status, app.paid_total, app.remaining_to_pay) == (Status.ACCEPTED, 0, 40 * MILLION)
    assert not Payment.objects.exists()
    allocation = BudgetAllocation.objects.get(pk=setting["allocation"].pk)
    assert (allocation.committed, allocation.disbursed) == (40 * MILLION, 0)


def test_a_historic_support_that_would_overspend_the_allocation_is_refused_and_changes_nothing(setting):
    _historic(setting, setting["first"], approved_amount=45 * MILLION, final_amount=45 * MILLION, paid_amount=0)

    with pytest.raises(ValidationError) as refused:
        # 100 - 45 = 55 million left; 60 million cannot be committed
        _historic(setting, setting["second"], approved_amount=60 * MILLION, final_amount=60 * MILLION, paid_amount=0)

    assert refused.value.message_dict["final_amount"] == [
        "Dự toán năm 2023 chỉ còn 55.000.000 đ; không thể cam kết 60.000.000 đ."
    ]
    assert Application.objects.count() == 1
    assert BudgetAllocation.objects.get(pk=setting["allocation"].pk).committed == 45 * MILLION


def test_a_historic_support_with_inconsistent_amounts_or_dates_is_refused(setting):
    with pytest.raises(ValidationError) as refused:
        _historic(
            setting,
            setting["first"],
            budget_year=2019,
            final_amount=50 * MILLION,
            paid_amount=60 * MILLION,
            decision_number=" ",
        )
    errors = refused.value.message_dict
    assert errors["budget_year"] == ["Dữ liệu hỗ trợ trước đây chỉ nhập cho giai đoạn 2021-2025."]
    assert errors["final_amount"] == ["Kinh phí quyết toán không được lớn hơn kinh phí được duyệt."]
    assert errors["paid_amount"] == ["Số tiền đã thanh toán không được lớn hơn kinh phí quyết toán."]
    assert "decision_number" in errors
    with pytest.raises(ValidationError) as refused:
        _historic(setting, setting["first"], accepted_on=dt.date(2023, 1, 2))
    assert refused.value.message_dict["accepted_on"] == ["Ngày nghiệm thu không được trước ngày quyết định phê duyệt."]
    assert not Application.objects.exists()


def test_a_support_already_recorded_is_not_entered_twice(setting):
    first = _historic(setting, setting["first"])
    with pytest.raises(ValidationError) as refused:
        _historic(setting, setting["first"])
    assert refused.value.message_dict["decision_number"] == [f"Khoản hỗ trợ này đã được ghi nhận: hồ sơ số {first.pk}."]
    assert Application.objects.count() == 1


def test_staff_of_another_province_cannot_enter_historic_support(setting):
    outsider = make_user(role=Role.PROVINCE_STAFF, province=province("hoa-binh"))
    with pytest.raises(PermissionDenied):
        _historic(setting, setting["first"], by=outsider)
    assert not Application.objects.exists()


# --- The import -------------------------------------------------------------------------------------------------


def _row(enterprise, **changes):
    values = {
        "Mã số thuế": enterprise.tax_code,
        "Nội dung hỗ trợ": "Chứng nhận hệ thống quản lý",
        "Năm": 2023,
        "Kinh phí được duyệt": "45.000.000",
        "Kinh phí quyết toán": "42.500.000",
        "Đã thanh toán": "",
        "Số quyết định": "125/QĐ-SKHCN",
        "Ngày quyết định": "12/05/2023",
        "Ngày nghiệm thu": "20/11/2023",
        "Ngày thanh toán": "15/12/2023",
    }
    values.update(changes)
    return [values[h] for h in HEADERS]


def test_a_file_of_historic_beneficiaries_is_imported_with_their_money(setting):
    rows = [
        _row(setting["first"]),
        _row(
            setting["second"],
            **{
                "Nội dung hỗ trợ": "system-certification",
                "Kinh phí được duyệt": 40 * MILLION,
                "Kinh phí quyết toán": 40 * MILLION,
                "Đã thanh toán": 30 * MILLION,
                "Số quyết định": "126/QĐ-SKHCN",
            },
        ),
    ]
    staff = setting["staff"]
    job = import_jobs.import_job_create(
        by=staff, kind="beneficiaries", file=upload("da-ho-tro.csv", csv_bytes(HEADERS, rows))
    )
    assert (job.status, job.created_count) == (ImportJob.Status.READY, 2), job.report
    assert not Application.objects.exists()

    job = import_jobs.import_job_confirm(job=job, by=staff)

    assert job.status == ImportJob.Status.DONE
    first = Application.objects.get(enterprise=setting["first"])
    second = Application.objects.get(enterprise=setting["second"])
    assert (first.status, first.paid_total) == (Status.PAID, 42_500_000)
    assert (second.status, second.paid_total, second.final_amount) == (Status.ACCEPTED, 30 * MILLION, 40 * MILLION)
    allocation = BudgetAllocation.objects.get(pk=setting["allocation"].pk)
    # committed 42.5 + 40 = 82.5 million; disbursed 42.5 + 30 = 72.5 million
    assert (allocation.committed, allocation.disbursed) == (82_500_000, 72_500_000)
    assert ApplicationEvent.objects.filter(application=first).count() == 3
    assert ApplicationEvent.objects.filter(application=second).count() == 2
    application_type = ContentType.objects.get_for_model(Application)
    assert AuditEntry.objects.filter(action="import", content_type=application_type).count() == 2


def test_a_file_with_one_bad_row_imports_nothing(setting):
    unknown = "0100233488"
    rows = [
        _row(setting["first"]),
        _row(setting["second"], **{"Kinh phí được duyệt": 70 * MILLION, "Kinh phí quyết toán": 70 * MILLION}),
        _row(setting["second"], **{"Mã số thuế": unknown, "Số quyết định": "127/QĐ-SKHCN"}),
        _row(setting["second"], **{"Kinh phí quyết toán": 50 * MILLION, "Số quyết định": "128/QĐ-SKHCN"}),
        _row(setting["second"], **{"Nội dung hỗ trợ": "Đào tạo cán bộ", "Số quyết định": "129/QĐ-SKHCN"}),
    ]
    staff = setting["staff"]
    job = import_jobs.import_job_create(
        by=staff, kind="beneficiaries", file=upload("da-ho-tro.xlsx", xlsx_bytes(HEADERS, rows))
    )

    assert job.status == ImportJob.Status.INVALID
    assert [(e["row"], e["column"], e["message"]) for e in job.report["errors"]] == [
        # 100 million allocated, 42.5 committed by row 2: 57.5 left for row 3's 70 million
        (3, "Kinh phí quyết toán", "Dự toán năm 2023 chỉ còn 57.500.000 đ; không thể cam kết 70.000.000 đ."),
        (
            4,
            "Mã số thuế",
            f"Không có doanh nghiệp nào của bạn có mã số thuế {unknown}: hãy nhập doanh nghiệp trước.",
        ),
        (5, "Kinh phí quyết toán", "Kinh phí quyết toán không được lớn hơn kinh phí được duyệt."),
        (6, "Nội dung hỗ trợ", "“Đào tạo cán bộ” không phải là nội dung hỗ trợ trong danh mục quốc gia."),
    ]
    with pytest.raises(ValidationError):
        import_jobs.import_job_confirm(job=job, by=staff)
    assert not Application.objects.exists()
    allocation = BudgetAllocation.objects.get(pk=setting["allocation"].pk)
    assert (allocation.committed, allocation.disbursed) == (0, 0)


def test_a_content_no_policy_of_the_province_supports_that_year_is_reported(setting):
    rows = [_row(setting["first"], **{"Nội dung hỗ trợ": "barcodes"}), _row(setting["second"], **{"Năm": 2026})]
    job = import_jobs.import_job_create(
        by=setting["staff"], kind="beneficiaries", file=upload("da-ho-tro.csv", csv_bytes(HEADERS, rows))
    )
    assert [(e["row"], e["column"], e["message"]) for e in job.report["errors"]] == [
        (
            2,
            "Nội dung hỗ trợ",
            "Không có chính sách nào của bạn hỗ trợ “Đăng ký, sử dụng mã số mã vạch” trong năm 2023.",
        ),
        (3, "Nội dung hỗ trợ", "Không có chính sách nào của bạn hỗ trợ “Chứng nhận hệ thống quản lý” trong năm 2026."),
    ]
