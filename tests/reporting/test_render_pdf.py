"""The PDF of a report, of a national compilation, of an approval decision and of a contract: text extracted
with pypdf, checked against the administrative format (Decree 30/2020/NĐ-CP) and against figures worked out
by hand, with the Vietnamese diacritics exactly as written."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader

from reporting import render_pdf, services
from reporting.snapshot import date_line
from support.choices import Status
from tests.enterprises.factories import make_enterprise
from tests.reporting.factories import make_application_row
from tests.reporting.reports_data import annual_report, generated, kon_tum_plan, staff

pytestmark = pytest.mark.django_db
MILLION = 1_000_000


def pdf_text(data: bytes) -> str:
    """The text of every page, with runs of white space (line breaks inside table cells) made single spaces."""
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


@pytest.fixture
def kon_tum_2023():
    """Kon Tum's plan with support given in 2023: two enterprises of Kon Tum, one application each; plus an
    application of 2022 and one of Hòa Bình that the 2023 report of Kon Tum must leave out."""
    plan = kon_tum_plan()
    coffee = make_enterprise(province_key="kon-tum", name="Công ty TNHH Cà phê Đăk Hà", tax_code="6100100108")
    ginseng = make_enterprise(province_key="kon-tum", name="Hợp tác xã Sâm Ngọc Linh Tu Mơ Rông")
    make_application_row(
        enterprise=coffee,
        year=2023,
        status=Status.APPROVED,
        category="system-certification",
        approved=45 * MILLION,
        counterpart=50 * MILLION,
    )
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
    make_application_row(
        enterprise=coffee, year=2022, status=Status.PAID, approved=30 * MILLION, final=30 * MILLION, paid=30 * MILLION
    )
    make_application_row(enterprise=make_enterprise(province_key="hoa-binh", name="Công ty Hòa Bình Xanh"), year=2023)
    person = staff("kon-tum")
    report = annual_report(
        plan,
        by=person,
        year=2023,
        dated=dt.date(2023, 11, 25),
        number="125/BC-SKHCN",
        assessment="Năm 2023 Sở đã hướng dẫn doanh nghiệp áp dụng hệ thống quản lý chất lượng.",
        signer_name="Trần Văn Minh",
    )
    return plan, report, person


def test_the_annual_report_follows_the_administrative_format(kon_tum_2023):
    _plan, report, person = kon_tum_2023
    version = generated(report, by=person)
    text = pdf_text(version.pdf.read())

    # Heading: agency on the left, national title and motto on the right, number, place and date.
    assert "UBND TỈNH KON TUM" in text
    assert "SỞ KHOA HỌC VÀ CÔNG NGHỆ" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "Số: 125/BC-SKHCN" in text
    assert "Kon Tum, ngày 25 tháng 11 năm 2023" in text
    # Title, body, recipients, signature.
    assert "BÁO CÁO" in text
    title = "Tình hình thực hiện Chương trình hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa"
    assert f"{title} năm 2023" in text
    assert "Sở Khoa học và Công nghệ tỉnh Kon Tum báo cáo kết quả thực hiện năm 2023" in text
    assert "Năm 2023 Sở đã hướng dẫn doanh nghiệp áp dụng hệ thống quản lý chất lượng." in text
    assert "Nơi nhận:" in text and "- Bộ Khoa học và Công nghệ;" in text and "- Lưu: VT." in text
    assert "KT. GIÁM ĐỐC" in text and "PHÓ GIÁM ĐỐC" in text and "Trần Văn Minh" in text


def test_the_annual_report_shows_targets_support_and_the_appendix_of_enterprises(kon_tum_2023):
    _plan, report, person = kon_tum_2023
    text = pdf_text(generated(report, by=person).pdf.read())

    # The five targets of Kon Tum's plan, each a row of the table, with the year's column.
    assert "Kết quả năm 2023" in text
    for name in (
        "Số cán bộ, công chức được đào tạo nghiệp vụ chuyên sâu về năng suất chất lượng",
        "Số doanh nghiệp được hướng dẫn, hỗ trợ áp dụng giải pháp nâng cao năng suất, chất lượng",
        "Số doanh nghiệp đạt Giải thưởng Chất lượng Quốc gia",
    ):
        assert name in text
    # 2 enterprises supported in 2023 against "10 to 20 a year": 2 / 10 = 20 % for the year; since 2021 the
    # café (2022 and 2023) and the ginseng cooperative, 2 enterprises, against 10 × 3 years: 6,7 %; the year
    # is over: not achieved. Each rate has its own labelled column.
    assert "Tỷ lệ đạt của năm 2023 (%) Lũy kế từ đầu giai đoạn Tỷ lệ đạt lũy kế (%)" in text
    assert re.search(r"10–20/năm 2 20 2 2021–2023 6,7 không đạt", text)
    # Support by content: 45 + 12,5 = 57,5 million from the state, 50 + 15 = 65 million from the enterprises.
    assert "Số doanh nghiệp được hỗ trợ" in text
    assert "Tổng số doanh nghiệp được hỗ trợ: 2 doanh nghiệp" in text
    assert "kinh phí ngân sách nhà nước hỗ trợ 57,5 triệu đồng" in text
    assert "kinh phí đối ứng của doanh nghiệp 65 triệu đồng" in text
    assert "Tổng cộng 2 57,5 65" in text
    # The appendix lists the two enterprises of Kon Tum, not those of other years or provinces.
    assert "PHỤ LỤC" in text and "DANH SÁCH DOANH NGHIỆP ĐƯỢC HỖ TRỢ NĂM 2023" in text
    assert "Công ty TNHH Cà phê Đăk Hà" in text and "6100100108" in text
    assert "Hợp tác xã Sâm Ngọc Linh Tu Mơ Rông" in text
    assert "Hòa Bình Xanh" not in text


def test_a_mid_term_review_has_a_column_per_year(kon_tum_2023):
    plan, _report, person = kon_tum_2023
    review = services.report_create(by=person, plan=plan, kind="mid_term", start_year=2021, end_year=2025)
    text = pdf_text(generated(review, by=person).pdf.read())

    assert "Sơ kết giai đoạn 2021-2025" in text
    assert "2021 2022 2023 2024 2025 Cả giai đoạn" in text
    # Enterprises supported by year: 2022 one (the coffee company), 2023 two; over the phase the coffee
    # company counts once: 2 enterprises in all. State support: 30 in 2022, 45 + 12,5 in 2023: 87,5 million.
    assert "Tổng cộng 0 1 2 0 0 2" in text
    assert "Tổng cộng 0 30 57,5 0 0 87,5" in text
    assert "Số doanh nghiệp được hỗ trợ theo năm" in text


def test_dates_take_a_leading_zero_only_where_the_decree_says():
    assert date_line("Kon Tum", dt.date(2023, 11, 25)) == "Kon Tum, ngày 25 tháng 11 năm 2023"
    assert date_line("Hà Nội", dt.date(2024, 2, 5)) == "Hà Nội, ngày 05 tháng 02 năm 2024"
    assert date_line("Cà Mau", dt.date(2025, 7, 1)) == "Cà Mau, ngày 01 tháng 7 năm 2025"
    assert date_line("Huế", dt.date(2025, 12, 10)) == "Huế, ngày 10 tháng 12 năm 2025"


def test_the_pdf_embeds_the_shipped_font_with_vietnamese_glyphs(kon_tum_2023):
    _plan, report, person = kon_tum_2023
    reader = PdfReader(io.BytesIO(generated(report, by=person).pdf.read()))
    fonts = set()
    for page in reader.pages:
        for font in (page.get("/Resources") or {}).get("/Font", {}).values():
            fonts.add(str(font.get_object().get("/BaseFont")))
    # WeasyPrint names an embedded font after its @font-face family: "NSCL Serif" is the shipped Liberation
    # Serif; a missing file would fall back to whatever serif the machine has, under another name.
    assert any("NSCL-Serif" in name for name in fonts), fonts
    assert any(name.endswith("NSCL-Serif-Bold") for name in fonts), fonts


# --- Decision and contract --------------------------------------------------------------------------------------


def _approved_application():
    from support.models import Contract

    company = make_enterprise(
        province_key="kon-tum",
        name="Công ty Cổ phần Cà phê Măng Đen",
        representative_name="Nguyễn Văn An",
        representative_title="Giám đốc",
    )
    application = make_application_row(
        enterprise=company, year=2025, status=Status.CONTRACTED, approved=45 * MILLION, counterpart=50 * MILLION
    )
    decision = application.decision
    decision.number, decision.decided_on = "12/QĐ-SKHCN", dt.date(2025, 4, 15)
    decision.signer_title = "Phó Giám đốc Sở Khoa học và Công nghệ"
    decision.save()
    Contract.objects.create(
        application=application, number="08/HĐ-SKHCN", signed_on=dt.date(2025, 5, 2), signer_name="Nguyễn Văn An"
    )
    return application


def test_the_approval_decision_writes_the_amount_in_figures_and_in_words():
    application = _approved_application()
    text = pdf_text(render_pdf.decision_pdf(application))

    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "Độc lập - Tự do - Hạnh phúc" in text
    assert "Số: 12/QĐ-SKHCN" in text
    assert "Kon Tum, ngày 15 tháng 4 năm 2025" in text
    assert "QUYẾT ĐỊNH" in text
    assert "Công ty Cổ phần Cà phê Măng Đen" in text
    assert "45.000.000 đồng (Bằng chữ: Bốn mươi lăm triệu đồng)" in text
    assert "50.000.000 đồng (Bằng chữ: Năm mươi triệu đồng)" in text
    assert "KT. GIÁM ĐỐC" in text and "PHÓ GIÁM ĐỐC" in text and "Trần Văn Minh" in text
    assert "Nơi nhận:" in text and "- Như Điều 3;" in text


def test_the_contract_names_both_parties_and_the_amount_in_words():
    application = _approved_application()
    text = pdf_text(render_pdf.contract_pdf(application))

    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "HỢP ĐỒNG" in text and "Số: 08/HĐ-SKHCN" in text
    assert "Căn cứ Quyết định số 12/QĐ-SKHCN ngày 15 tháng 4 năm 2025" in text
    assert "BÊN A (Bên hỗ trợ): SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH KON TUM" in text
    assert "BÊN B (Bên nhận hỗ trợ): CÔNG TY CỔ PHẦN CÀ PHÊ MĂNG ĐEN" in text
    assert "45.000.000 đồng (Bằng chữ: Bốn mươi lăm triệu đồng)" in text
    assert "ĐẠI DIỆN BÊN A ĐẠI DIỆN BÊN B" in text


@pytest.mark.parametrize(
    ("title", "lines"),
    [
        ("Phó Giám đốc Sở Khoa học và Công nghệ", ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]),
        ("Giám đốc", ["GIÁM ĐỐC"]),
        ("Chi cục trưởng", ["CHI CỤC TRƯỞNG"]),
        ("", ["GIÁM ĐỐC"]),
    ],
)
def test_the_signature_block_follows_the_signers_title(title, lines):
    assert render_pdf.signature_lines(title) == lines
