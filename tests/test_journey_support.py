"""Browser journey of the support lifecycle, in real headless Chromium, from registration to payment.

An enterprise registers in Quảng Ngãi (Kon Tum was merged into it in July 2025: registration offers today's
provinces) and the Department verifies it; the enterprise estimates the support of the Kon Tum policy (in
force 2021-2025), applies for the 2025 budget with its dossier (real PDF files) and submits; Kon Tum's staff
screen it and send it to the appraisal council; a council member scores it; staff approve it (decision),
record the contract; the enterprise reports its actual costs and evidence; staff accept it and record the
payment. The enterprise sees every step in its timeline, and the payment.

Numbers from the plan (Kon Tum, III.2): 50 % of the eligible cost, at most 45 million đồng per system. Costs
of 60 + 40 million give 50 million at 50 %, capped at 45 million; actual costs of 60 + 38 million give 49
million, capped again at 45 million: the final support and the payment are 45.000.000 đ.
"""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType

from accounts.demo import load as load_demo_accounts
from accounts.models import User
from enterprises.models import Enterprise
from enterprises.taxcodes import with_check_digit
from plans.models import Province
from plans.seeding import seed_plans_load
from support import demo as support_demo
from support import services
from support.models import Application, CouncilMember

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STAFF_QUANG_NGAI = "canbo.quangngai@demo.nscl.vn"  # the Department that Kon Tum's enterprises now register with
STAFF_KON_TUM = "canbo.kontum@demo.nscl.vn"
COUNCIL_MEMBER = "hoidong.kontum@demo.nscl.vn"
ENTERPRISE_EMAIL = "chatluong@sammangden.vn"
ENTERPRISE_PASSWORD = "Hoa-Lan-Rung-7391!"
COUNCIL_NAME = "Hội đồng thẩm định hồ sơ hỗ trợ năm 2025"


def real_pdf(text: str) -> bytes:
    """A small but complete PDF (one page, one line of text, a correct cross-reference table)."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@pytest.fixture
def world(transactional_db):
    """The seed plans, the demo accounts, Kon Tum's policy with its 2025 budget, and a council of Kon Tum
    on which the demo council member sits."""
    # A transactional test that ran before (PostgreSQL's concurrency tests) flushed the tables; the content
    # types were written again with new ids, so the cached ones are stale.
    ContentType.objects.clear_cache()
    seed_plans_load()
    load_demo_accounts()
    policy = support_demo.kon_tum_policy()
    staff = User.objects.get(email=STAFF_KON_TUM)
    kon_tum = Province.objects.get(key="kon-tum")
    services.allocation_create(by=staff, province=kon_tum, year=2025, amount=300_000_000, policy=policy)
    council = services.council_create(by=staff, province=kon_tum, name=COUNCIL_NAME, year=2025)
    services.council_member_add(
        council=council, by=staff, user=User.objects.get(email=COUNCIL_MEMBER), role=CouncilMember.Role.CHAIR
    )
    return policy


def sign_in(page, email: str, password: str = "") -> None:
    page.context.clear_cookies()
    page.goto("/tai-khoan/dang-nhap/")
    page.get_by_label("Thư điện tử").fill(email)
    page.get_by_label("Mật khẩu").fill(password or settings.DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()


def follow_menu(page, label: str) -> None:
    """Click a main-menu entry, opening its section first when the menu groups it."""
    nav = page.locator("nav.mainnav")
    if not nav.get_by_role("link", name=label, exact=True).is_visible():
        nav.locator("details").filter(has_text=label).locator("summary").click()
    nav.get_by_role("link", name=label, exact=True).click()


def open_application(page, application: Application) -> None:
    page.goto(f"/ho-tro/ho-so/{application.pk}/")
    page.get_by_role("heading", name=application.title).wait_for()


def status_pill(page) -> str:
    return page.locator("main h1 + p .pill").first.inner_text()


def upload(page, kind: str, path) -> None:
    page.get_by_label("Loại tài liệu").select_option(label=kind)
    page.get_by_label("Tệp").set_input_files(path)
    page.get_by_role("button", name="Tải lên").click()
    page.get_by_text(f"Đã thêm “{path.name}” vào hồ sơ").wait_for()


def test_an_enterprise_goes_from_registration_to_payment(page, world, tmp_path):
    tax_code = with_check_digit("610777888")

    # --- The enterprise registers (the enterprises app's page) ---------------------------------------------
    page.goto("/doanh-nghiep/dang-ky/")
    page.get_by_label("Họ và tên của bạn").fill("Đinh Thị Mai")
    page.get_by_label("Thư điện tử").fill(ENTERPRISE_EMAIL)
    page.get_by_label("Mật khẩu", exact=True).fill(ENTERPRISE_PASSWORD)
    page.get_by_label("Nhập lại mật khẩu").fill(ENTERPRISE_PASSWORD)
    page.get_by_label("Mã số thuế").fill(tax_code)
    page.get_by_label("Tên doanh nghiệp").fill("Công ty TNHH Sâm Măng Đen")
    sector = page.get_by_label("Ngành nghề chính")
    sector.select_option(sector.locator("option", has_text="Công nghiệp chế biến").get_attribute("value"))
    page.get_by_label(re.compile("^Tỉnh")).select_option(label="Quảng Ngãi (từ 01/07/2025)")
    page.get_by_label("Địa chỉ").fill("12 Hùng Vương, Măng Đen")
    page.get_by_label("Số lao động").fill("25")
    page.get_by_label("Tổng doanh thu năm trước (đồng)").fill("12.000.000.000")
    page.get_by_label("Tổng nguồn vốn (đồng)").fill("6.000.000.000")
    page.get_by_label("Người đại diện theo pháp luật", exact=True).fill("Đinh Văn Hải")
    page.get_by_role("button", name="Đăng ký", exact=True).click()
    page.get_by_text("Doanh nghiệp của bạn đã được đăng ký và đang chờ xác minh.").wait_for()
    enterprise = Enterprise.objects.get(tax_code=tax_code)
    assert enterprise.status == Enterprise.Status.PENDING

    # --- The Department verifies it -------------------------------------------------------------------------
    sign_in(page, STAFF_QUANG_NGAI)
    page.goto(f"/doanh-nghiep/{enterprise.pk}/")
    page.get_by_role("button", name="Xác minh").click()
    page.get_by_text("Doanh nghiệp đã được xác minh.").wait_for()

    # --- The enterprise estimates the support, before applying ----------------------------------------------
    sign_in(page, ENTERPRISE_EMAIL, ENTERPRISE_PASSWORD)
    follow_menu(page, "Hồ sơ của tôi")
    page.get_by_text("Doanh nghiệp chưa có hồ sơ nào.").wait_for()
    page.get_by_role("link", name="Ước tính mức hỗ trợ").click()
    content = page.get_by_label("Nội dung hỗ trợ")
    content.select_option(content.locator("option", has_text="Chứng nhận hệ thống quản lý").get_attribute("value"))
    page.get_by_label("Loại chi phí, dòng 1").select_option(label="Tư vấn")
    page.get_by_label("Số tiền (đồng), dòng 1").fill("60.000.000")
    page.get_by_label("Loại chi phí, dòng 2").select_option(label="Đánh giá chứng nhận lần đầu")
    page.get_by_label("Số tiền (đồng), dòng 2").fill("40.000.000")
    page.get_by_role("button", name="Tính mức hỗ trợ").click()
    result = page.locator("#result")
    result.wait_for()
    facts = result.inner_text()
    assert "100.000.000 đ" in facts  # eligible cost
    assert "45.000.000 đ" in facts  # 50 % is 50 million, capped at 45 million per system
    assert "mức tối đa được áp dụng, mức hỗ trợ là 45.000.000 đ thay vì 50.000.000 đ" in facts

    # --- ... applies with that content, its costs and its dossier -------------------------------------------
    result.get_by_role("link", name="Lập hồ sơ cho nội dung này").click()
    assert page.get_by_label("Năm ngân sách").input_value() == "2025"
    page.get_by_label("Tên hồ sơ").fill("Chứng nhận ISO 22000 cho xưởng chế biến sâm")
    page.get_by_label("Mô tả", exact=True).fill("Xây dựng và chứng nhận hệ thống quản lý an toàn thực phẩm.")
    page.get_by_label("Vốn đối ứng (đồng)").fill("55.000.000")
    page.get_by_label("Loại chi phí, dòng 1").select_option(label="Tư vấn")
    page.get_by_label("Dự toán (đồng), dòng 1").fill("60.000.000")
    page.get_by_label("Loại chi phí, dòng 2").select_option(label="Đánh giá chứng nhận lần đầu")
    page.get_by_label("Dự toán (đồng), dòng 2").fill("40.000.000")
    page.get_by_role("button", name="Lưu bản nháp").click()
    page.get_by_text("Đã lưu bản nháp.").first.wait_for()
    application = Application.objects.get(enterprise=enterprise)
    assert application.counterpart_funds == 55_000_000
    assert sorted(application.cost_items.values_list("estimated_amount", flat=True)) == [40_000_000, 60_000_000]

    files = {}
    for kind, name in [
        ("Đơn đề nghị hỗ trợ", "don-de-nghi.pdf"),
        ("Giấy chứng nhận đăng ký doanh nghiệp", "giay-dkdn.pdf"),
        ("Thuyết minh dự án kèm dự toán", "thuyet-minh.pdf"),
        ("Báo giá", "bao-gia.pdf"),
    ]:
        files[name] = tmp_path / name
        files[name].write_bytes(real_pdf(name))
        upload(page, kind, files[name])
    page.get_by_role("button", name="Nộp hồ sơ").click()
    page.get_by_text("Hồ sơ chuyển sang trạng thái “đã nộp”").wait_for()
    assert status_pill(page) == "Đã nộp"

    # --- Kon Tum's staff screen it and send it to the council ------------------------------------------------
    sign_in(page, STAFF_KON_TUM)
    follow_menu(page, "Hồ sơ đề nghị hỗ trợ")
    page.get_by_label("Doanh nghiệp, mã số thuế hoặc tên hồ sơ").fill(tax_code)
    page.get_by_role("button", name="Lọc").click()
    page.get_by_role("link", name=application.title).click()
    with page.expect_download() as download:
        page.get_by_role("link", name="bao-gia.pdf").click()
    assert download.value.path().read_bytes() == files["bao-gia.pdf"].read_bytes()
    page.get_by_role("button", name="Bắt đầu rà soát").click()
    page.get_by_role("link", name="Chuyển hội đồng thẩm định").click()
    council = page.get_by_label("Hội đồng")
    council.select_option(council.locator("option", has_text=COUNCIL_NAME).get_attribute("value"))
    page.get_by_role("button", name=re.compile("Chuyển hội đồng thẩm định")).click()
    page.get_by_text("Hồ sơ chuyển sang trạng thái “đang thẩm định”").wait_for()

    # --- A council member scores it ----------------------------------------------------------------------------
    sign_in(page, COUNCIL_MEMBER)
    page.get_by_role("heading", name="Hồ sơ cần thẩm định").wait_for()
    page.get_by_role("link", name=application.title).click()
    page.get_by_label("Điểm (0-100)").fill("85")
    page.get_by_label("Đề nghị phê duyệt", exact=True).check()
    page.get_by_label("Ý kiến nhận xét").fill("Hồ sơ đầy đủ, dự toán hợp lý.")
    page.get_by_role("button", name="Lưu phiếu đánh giá").click()
    page.get_by_text("Đã lưu phiếu đánh giá của bạn.").wait_for()

    # --- Staff approve it (decision) and record the contract -------------------------------------------------
    sign_in(page, STAFF_KON_TUM)
    open_application(page, application)
    assert "85" in page.locator("#council").inner_text()
    page.get_by_role("link", name="Phê duyệt").click()
    assert page.get_by_label("Kinh phí hỗ trợ được phê duyệt (đồng)").input_value() == "45.000.000"
    page.get_by_label("Số quyết định").fill("125/QĐ-SKHCN")
    page.get_by_label("Ngày quyết định").fill("2025-05-06")
    page.get_by_label("Người ký", exact=True).fill("Trần Văn Minh")
    page.get_by_role("button", name=re.compile("Phê duyệt")).click()
    page.get_by_text("Hồ sơ chuyển sang trạng thái “đã phê duyệt”").wait_for()
    page.get_by_role("link", name="Ghi nhận hợp đồng").click()
    page.get_by_label("Số hợp đồng").fill("125/HĐ-SKHCN")
    page.get_by_label("Ngày ký").fill("2025-05-20")
    assert page.get_by_label("Người ký").input_value() == "Đinh Văn Hải"
    page.get_by_role("button", name=re.compile("Ghi nhận hợp đồng")).click()
    page.get_by_text("Hồ sơ chuyển sang trạng thái “đã ký hợp đồng”").wait_for()

    # --- The enterprise implements it, reports the actual costs and the evidence ------------------------------
    sign_in(page, ENTERPRISE_EMAIL, ENTERPRISE_PASSWORD)
    open_application(page, application)
    page.get_by_role("button", name="Bắt đầu thực hiện").click()
    page.get_by_text("Hồ sơ chuyển sang trạng thái “đang thực hiện”").wait_for()
    page.get_by_role("link", name="Nhập chi phí thực tế").click()
    page.get_by_label("Tư vấn").fill("60.000.000")
    page.get_by_label("Đánh giá chứng nhận lần đầu").fill("38.000.000")
    page.get_by_role("button", name="Lưu chi phí thực tế").click()
    page.get_by_text("Đã lưu chi phí thực tế.").wait_for()
    for kind, name in [("Hóa đơn", "hoa-don.pdf"), ("Tài liệu chứng minh kết quả nghiệm thu", "bien-ban.pdf")]:
        files[name] = tmp_path / name
        files[name].write_bytes(real_pdf(name))
        upload(page, kind, files[name])
    page.get_by_role("button", name="Đề nghị nghiệm thu").click()
    page.get_by_text("Hồ sơ chuyển sang trạng thái “chờ nghiệm thu”").wait_for()

    # --- Staff accept it with the actual costs and record the payment ----------------------------------------
    sign_in(page, STAFF_KON_TUM)
    open_application(page, application)
    page.get_by_role("link", name="Ghi nhận nghiệm thu").click()
    page.get_by_label("Ngày nghiệm thu").fill("2025-11-10")
    page.get_by_label("Số biên bản").fill("125/BB-NT")
    assert page.get_by_label(re.compile("Đánh giá chứng nhận lần đầu")).input_value() == "38.000.000"
    page.get_by_role("button", name=re.compile("Ghi nhận nghiệm thu")).click()
    page.get_by_text("Hồ sơ chuyển sang trạng thái “đã nghiệm thu”").wait_for()
    assert "45.000.000 đ" in page.locator("#decision").inner_text()
    page.get_by_role("link", name="Ghi nhận thanh toán").click()
    assert page.get_by_label("Số tiền (đồng)").input_value() == "45.000.000"
    page.get_by_label("Số chứng từ").fill("UNC 125")
    page.get_by_role("button", name="Ghi nhận thanh toán").click()
    page.get_by_text("Kinh phí hỗ trợ đã được thanh toán đủ.").wait_for()
    application.refresh_from_db()
    assert (application.status, application.final_amount, application.paid_total) == ("paid", 45_000_000, 45_000_000)

    # --- The enterprise sees every step and the payment --------------------------------------------------------
    sign_in(page, ENTERPRISE_EMAIL, ENTERPRISE_PASSWORD)
    follow_menu(page, "Hồ sơ của tôi")
    row = page.locator("table tbody tr", has_text=application.title)
    assert "Đã thanh toán" in row.inner_text()
    row.get_by_role("link", name=application.title).click()
    timeline = page.locator("#timeline").inner_text()
    for step in (
        "Nộp hồ sơ",
        "Bắt đầu rà soát",
        "Chuyển hội đồng thẩm định",
        "Phê duyệt",
        "Ghi nhận hợp đồng",
        "Bắt đầu thực hiện",
        "Đề nghị nghiệm thu",
        "Ghi nhận nghiệm thu",
        "Đánh dấu đã thanh toán",
    ):
        assert step in timeline, step
    assert "Số quyết định: 125/QĐ-SKHCN" in timeline and "06/05/2025" in timeline
    assert "Nguyễn Thị Hoa" in timeline  # Kon Tum's staff member acted
    payments = page.locator("#payments").inner_text()
    assert "UNC 125" in payments and "45.000.000" in payments
    # The council's scores stay with the Department.
    assert page.locator("#council").count() == 0
