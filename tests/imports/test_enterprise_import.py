"""Importing the business registry's spreadsheet of enterprises: the check lists every bad row, nothing is saved
until the import is confirmed, the import is all or nothing, a tax code on file is updated and never duplicated."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError

from accounts import import_jobs
from accounts.models import AuditEntry, ImportJob
from enterprises.models import Enterprise
from tests.enterprises.factories import make_enterprise
from tests.imports.factories import (
    BILLION,
    ENTERPRISE_HEADERS,
    csv_bytes,
    enterprise_row,
    province,
    staff,
    tax_codes,
    upload,
    xlsx_bytes,
)

pytestmark = pytest.mark.django_db

ROWS = 10_000
CHECKSUM = "Mã số thuế không hợp lệ: chữ số kiểm tra không khớp. Hãy kiểm tra lỗi gõ nhầm."
LENGTH = "Mã số thuế gồm 10 chữ số, hoặc 13 chữ số đối với chi nhánh (10 chữ số, dấu gạch ngang và 3 chữ số)."
EMPTY = "Ô này không được để trống."
NEGATIVE = "Số không được âm."


def _wrong_check_digit(code: str) -> str:
    return code[:-1] + str((int(code[-1]) + 1) % 10)


@pytest.fixture
def importer(settings):
    settings.IMPORT_SYNC_MAX_ROWS = 20_000  # checked and imported in the request here; Celery has its own test
    return staff("quang-ngai-2025")


def _import_audit_rows() -> int:
    return AuditEntry.objects.filter(
        action=AuditEntry.Action.IMPORT, content_type=ContentType.objects.get_for_model(Enterprise)
    ).count()


def test_ten_thousand_rows_with_twenty_bad_ones_are_refused_then_imported_once_fixed(importer):
    codes = list(tax_codes(ROWS, prefix="43"))
    good = [enterprise_row(code, n) for n, code in enumerate(codes, start=1)]
    # data index -> (bad row, column, reason); the sheet's row is the index + 2 (row 1 holds the headers)
    bad = {
        15: ({"Mã số thuế": _wrong_check_digit(codes[15])}, "Mã số thuế", CHECKSUM),
        480: ({"Mã số thuế": _wrong_check_digit(codes[480])}, "Mã số thuế", CHECKSUM),
        9_998: ({"Mã số thuế": _wrong_check_digit(codes[9_998])}, "Mã số thuế", CHECKSUM),
        1_200: ({"Mã số thuế": "12345"}, "Mã số thuế", LENGTH),
        2_001: ({"Mã số thuế": codes[0]}, "Mã số thuế", "Mã số thuế này đã có ở dòng 2 của tệp."),
        33: ({"Tên doanh nghiệp": ""}, "Tên doanh nghiệp", EMPTY),
        4_444: ({"Tên doanh nghiệp": "   "}, "Tên doanh nghiệp", EMPTY),
        7_000: ({"Tên doanh nghiệp": None}, "Tên doanh nghiệp", EMPTY),
        100: ({"Số lao động": -5}, "Số lao động", NEGATIVE),
        5_005: ({"Số lao động": -1}, "Số lao động", NEGATIVE),
        8_888: ({"Số lao động": "-30"}, "Số lao động", NEGATIVE),
        250: ({"Tỉnh/Thành phố": "Mộc Châu"}, "Tỉnh/Thành phố", "Không có tỉnh, thành phố “Mộc Châu”."),
        6_100: ({"Tỉnh/Thành phố": "Tỉnh Sông Bé"}, "Tỉnh/Thành phố", "Không có tỉnh, thành phố “Tỉnh Sông Bé”."),
        300: ({"Tỉnh/Thành phố": "Hà Nội"}, "Tỉnh/Thành phố", "Bạn không được nhập doanh nghiệp của Hà Nội."),
        3_000: (
            {"Tỉnh/Thành phố": "Thành phố Hà Nội"},
            "Tỉnh/Thành phố",
            "Bạn không được nhập doanh nghiệp của Hà Nội.",
        ),
        9_000: ({"Tỉnh/Thành phố": "Hòa Bình"}, "Tỉnh/Thành phố", "Bạn không được nhập doanh nghiệp của Hòa Bình."),
        777: (
            {"Tỉnh/Thành phố": "Kon Tum"},
            "Tỉnh/Thành phố",
            "Kon Tum đã hợp nhất vào Quảng Ngãi từ ngày 01/07/2025: hãy ghi Quảng Ngãi.",
        ),
        1_500: ({"Email": "lienhe@"}, "Email", "Địa chỉ e-mail không hợp lệ."),
        2_500: (
            {"Ngành nghề kinh doanh chính": "Z"},
            "Ngành nghề kinh doanh chính",
            "Ngành Z không có trong danh mục ngành của Cổng.",
        ),
        3_500: ({"Doanh thu": "năm tỷ"}, "Doanh thu", "Hãy nhập số nguyên, ví dụ 1500000000 hoặc 1.500.000.000."),
    }
    assert len(bad) == 20
    rows = list(good)
    for index, (changes, _column, _reason) in bad.items():
        rows[index] = enterprise_row(codes[index], index + 1, **changes)

    job = import_jobs.import_job_create(
        by=importer, kind="enterprises", file=upload("dang-ky-kinh-doanh.xlsx", xlsx_bytes(ENTERPRISE_HEADERS, rows))
    )

    assert job.status == ImportJob.Status.INVALID
    assert job.invalid_count == 20
    expected = sorted((index + 2, column, reason) for index, (_c, column, reason) in bad.items())
    assert [(e["row"], e["column"], e["message"]) for e in job.report["errors"]] == expected
    assert job.created_count == ROWS - 20
    assert not Enterprise.objects.exists()

    with pytest.raises(ValidationError) as refused:
        import_jobs.import_job_confirm(job=job, by=importer)
    assert "Tệp có dòng không hợp lệ" in refused.value.messages[0]
    job.refresh_from_db()
    assert job.status == ImportJob.Status.INVALID
    assert not Enterprise.objects.exists()
    assert _import_audit_rows() == 0

    fixed = import_jobs.import_job_create(
        by=importer, kind="enterprises", file=upload("dang-ky-kinh-doanh.csv", csv_bytes(ENTERPRISE_HEADERS, good))
    )
    assert fixed.status == ImportJob.Status.READY, fixed.report["errors"][:3]
    assert not Enterprise.objects.exists()
    fixed = import_jobs.import_job_confirm(job=fixed, by=importer)

    assert fixed.status == ImportJob.Status.DONE
    assert (fixed.created_count, fixed.updated_count) == (ROWS, 0)
    assert fixed.rows_done == fixed.rows_total == ROWS
    assert Enterprise.objects.count() == ROWS
    assert _import_audit_rows() == ROWS
    third = Enterprise.objects.get(tax_code=codes[2])
    # 20 employees, revenue 5 billion in production (VSIC 1079 is section C): small (X <= 100, T <= 50 billion)
    assert (third.name, third.size_class, third.kind) == ("Công ty TNHH Nông sản 3", "small", "company")
    assert (third.province, third.status, third.main_sector.code) == (province("quang-ngai-2025"), "pending", "C")
    job_type = ContentType.objects.get_for_model(ImportJob)
    assert AuditEntry.objects.filter(action="import", content_type=job_type, object_id=str(fixed.pk)).count() == 1

    # The same file again, with 50 names corrected and one enterprise grown to 150 employees.
    again = [list(row) for row in good]
    for index in range(0, 500, 10):
        again[index][ENTERPRISE_HEADERS.index("Tên doanh nghiệp")] = f"Công ty Cổ phần Nông sản {index + 1}"
    again[2][ENTERPRISE_HEADERS.index("Số lao động")] = 150
    third_before = third.updated_at
    rerun = import_jobs.import_job_create(
        by=importer, kind="enterprises", file=upload("dang-ky-kinh-doanh-2.csv", csv_bytes(ENTERPRISE_HEADERS, again))
    )
    assert (rerun.status, rerun.created_count, rerun.updated_count, rerun.unchanged_count) == (
        ImportJob.Status.READY,
        0,
        51,
        ROWS - 51,
    )
    rerun = import_jobs.import_job_confirm(job=rerun, by=importer)

    assert rerun.status == ImportJob.Status.DONE
    assert Enterprise.objects.count() == ROWS
    assert _import_audit_rows() == ROWS + 51
    third.refresh_from_db()
    # 150 employees and revenue 5 billion in production: medium (X <= 200, T <= 200 billion)
    assert (third.employees, third.size_class) == (150, "medium")
    assert third.updated_at > third_before
    assert Enterprise.objects.get(tax_code=codes[10]).name == "Công ty Cổ phần Nông sản 11"
    entry = AuditEntry.objects.filter(
        action="import", content_type=ContentType.objects.get_for_model(Enterprise), object_id=str(third.pk)
    ).latest("id")
    assert entry.changes["employees"] == [20, 150] and entry.changes["size_class"] == ["small", "medium"]
    assert entry.actor == importer and entry.province_id == third.province_id


def test_a_tax_code_of_an_enterprise_of_another_province_is_refused_and_left_alone(importer):
    other = make_enterprise(province_key="hoa-binh", name="Công ty Hòa Bình Xanh")
    job = import_jobs.import_job_create(
        by=importer,
        kind="enterprises",
        file=upload("dn.csv", csv_bytes(ENTERPRISE_HEADERS, [enterprise_row(other.tax_code, 1)])),
    )

    assert job.status == ImportJob.Status.INVALID
    assert [(e["row"], e["column"], e["message"]) for e in job.report["errors"]] == [
        (2, "Mã số thuế", "Mã số thuế này là của một doanh nghiệp của Hòa Bình, bạn không được thay đổi.")
    ]
    other.refresh_from_db()
    assert other.name == "Công ty Hòa Bình Xanh"


def test_an_enterprise_on_file_is_updated_by_its_tax_code_and_keeps_its_verification(importer):
    on_file = make_enterprise(province_key="quang-ngai-2025", name="Tên cũ", employees=5, revenue=BILLION)
    row = enterprise_row(on_file.tax_code, 1, **{"Tên doanh nghiệp": "Tên mới", "Số lao động": "1.500"})
    job = import_jobs.import_job_create(
        by=importer, kind="enterprises", file=upload("dn.csv", csv_bytes(ENTERPRISE_HEADERS, [row], delimiter=";"))
    )
    assert (job.status, job.created_count, job.updated_count) == (ImportJob.Status.READY, 0, 1)

    import_jobs.import_job_confirm(job=job, by=importer)

    on_file.refresh_from_db()
    # 1,500 employees is above every SME limit: large
    assert (on_file.name, on_file.employees, on_file.size_class) == ("Tên mới", 1500, "large")
    assert on_file.status == Enterprise.Status.VERIFIED
    assert Enterprise.objects.count() == 1


def test_the_registry_wording_of_types_and_vsic_codes_is_understood(importer):
    codes = list(tax_codes(4))
    rows = [
        enterprise_row(codes[0], 1, **{"Loại hình": "Hợp tác xã", "Ngành nghề kinh doanh chính": "0111"}),
        enterprise_row(codes[1], 2, **{"Loại hình": "Hộ kinh doanh", "Ngành nghề kinh doanh chính": "G4711"}),
        enterprise_row(
            codes[2], 3, **{"Loại hình": "Công ty TNHH có vốn đầu tư nước ngoài", "Ngành nghề kinh doanh chính": "C"}
        ),
        enterprise_row(codes[3], 4, **{"Loại hình": "cong ty co phan", "Ngành nghề kinh doanh chính": "Xây dựng"}),
    ]
    job = import_jobs.import_job_create(
        by=importer, kind="enterprises", file=upload("dn.xlsx", xlsx_bytes(ENTERPRISE_HEADERS, rows))
    )
    import_jobs.import_job_confirm(job=job, by=importer)

    found = {e.tax_code: e for e in Enterprise.objects.select_related("main_sector")}
    assert (found[codes[0]].kind, found[codes[0]].main_sector.code) == ("cooperative", "A")
    assert (found[codes[1]].kind, found[codes[1]].main_sector.code) == ("household", "G")
    assert (found[codes[2]].ownership, found[codes[2]].main_sector.code) == ("fdi", "C")
    assert (found[codes[3]].kind, found[codes[3]].main_sector.code) == ("company", "F")


def test_a_tax_code_typed_as_a_number_gets_its_leading_zero_back(importer):
    code = next(tax_codes(1, prefix="01"))
    job = import_jobs.import_job_create(
        by=importer,
        kind="enterprises",
        file=upload("dn.xlsx", xlsx_bytes(ENTERPRISE_HEADERS, [enterprise_row(int(code), 1)])),
    )
    import_jobs.import_job_confirm(job=job, by=importer)
    assert Enterprise.objects.get().tax_code == code


def test_a_row_that_became_invalid_after_the_check_makes_the_import_save_nothing(importer):
    codes = list(tax_codes(3))
    rows = [enterprise_row(code, n) for n, code in enumerate(codes, start=1)]
    job = import_jobs.import_job_create(
        by=importer, kind="enterprises", file=upload("dn.csv", csv_bytes(ENTERPRISE_HEADERS, rows))
    )
    assert job.status == ImportJob.Status.READY
    make_enterprise(province_key="hoa-binh", tax_code=codes[1], name="Đăng ký ở Hòa Bình trong lúc chờ")

    job = import_jobs.import_job_confirm(job=job, by=importer)

    assert job.status == ImportJob.Status.INVALID
    assert [(e["row"], e["column"], e["message"]) for e in job.report["errors"]] == [
        (3, "Mã số thuế", "Mã số thuế này là của một doanh nghiệp của Hòa Bình, bạn không được thay đổi.")
    ]
    assert list(Enterprise.objects.filter(tax_code__in=codes).values_list("name", flat=True)) == [
        "Đăng ký ở Hòa Bình trong lúc chờ"
    ]
    assert _import_audit_rows() == 0
