"""The Excel workbook of a report and of a national compilation, read back with openpyxl."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from support.choices import Status
from tests.enterprises.factories import make_enterprise
from tests.reporting.factories import make_application_row
from tests.reporting.reports_data import annual_report, generated, kon_tum_plan, staff

pytestmark = pytest.mark.django_db
MILLION = 1_000_000


def rows(sheet) -> list[list]:
    return [list(row) for row in sheet.iter_rows(min_row=4, values_only=True)]


def test_the_report_workbook_has_the_tables_of_the_pdf_with_numbers_not_text():
    plan = kon_tum_plan()
    coffee = make_enterprise(province_key="kon-tum", name="Công ty TNHH Cà phê Đăk Hà")
    ginseng = make_enterprise(province_key="kon-tum", name="Hợp tác xã Sâm Ngọc Linh")
    make_application_row(enterprise=coffee, year=2023, approved=45 * MILLION, counterpart=50 * MILLION)
    make_application_row(
        enterprise=ginseng,
        year=2023,
        status=Status.PAID,
        category="product-certification",
        approved=15 * MILLION,
        final=12_500_000,
        paid=12_500_000,
        counterpart=15 * MILLION,
    )
    person = staff("kon-tum")
    version = generated(annual_report(plan, by=person, year=2023), by=person)

    book = load_workbook(io.BytesIO(version.xlsx.read()))

    assert book.sheetnames == ["Thông tin", "Chỉ tiêu", "Nhiệm vụ", "Hỗ trợ", "Doanh nghiệp", "Hoạt động", "Kinh phí"]
    info = {row[0]: row[1] for row in book["Thông tin"].iter_rows(min_row=4, values_only=True)}
    assert info["Tỉnh, thành phố"] == "Kon Tum" and info["Kỳ báo cáo"] == "2023"

    targets = rows(book["Chỉ tiêu"])
    assert len(targets) == 5  # Kon Tum's five targets
    supported = next(r for r in targets if r[1].startswith("Số doanh nghiệp được hướng dẫn, hỗ trợ"))
    assert supported[3] == "10–20/năm"
    assert supported[4] == 2  # 2023: two enterprises, a number
    assert supported[5] == 20  # the year's rate: 2 of at least 10: 20 %
    assert supported[6] == 2  # cumulative since 2021: the same two enterprises
    assert supported[7] == pytest.approx(6.7)  # the cumulative rate: 2 of 10 × 3 years
    assert supported[8] == "không đạt"  # 2023 is over: judged, not "behind"
    heads = [c.value for c in book["Chỉ tiêu"][3]]
    assert heads[5:8] == ["Tỷ lệ đạt của năm (%)", "Lũy kế từ đầu giai đoạn", "Tỷ lệ đạt lũy kế (%)"]

    support = rows(book["Hỗ trợ"])
    by_name = {r[1]: r for r in support}
    assert by_name["Chứng nhận hệ thống quản lý"][2:5] == [1, 45 * MILLION, 50 * MILLION]
    assert by_name["Chứng nhận sản phẩm, hàng hóa"][2:5] == [1, 12_500_000, 15 * MILLION]
    assert by_name["Tổng cộng"][2:5] == [2, 57_500_000, 65 * MILLION]
    assert book["Hỗ trợ"]["D4"].number_format == "#,##0"
    assert book["Hỗ trợ"]["A3"].value == "TT" and book["Hỗ trợ"].freeze_panes == "A4"

    enterprises = rows(book["Doanh nghiệp"])
    assert [r[2] for r in enterprises] == ["Công ty TNHH Cà phê Đăk Hà", "Hợp tác xã Sâm Ngọc Linh"]
    assert enterprises[1][7:10] == [12_500_000, 15 * MILLION, 12_500_000]

    tasks = rows(book["Nhiệm vụ"])
    assert tasks[0][0] == "1" and tasks[0][1] == "Nhiệm vụ 1 - Thúc đẩy hoạt động NSCL"
