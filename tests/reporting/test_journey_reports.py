"""Browser journey of the reports, in real headless Chromium (Celery runs eagerly for the live server):
Kon Tum's staff write the narrative and generate the 2023 annual report, open its PDF; the leader submits it;
the Ministry sees it in the matrix, downloads it and generates a national compilation."""

from __future__ import annotations

import io
import re

import pytest
from django.conf import settings
from pypdf import PdfReader

from accounts.demo import load as load_demo_accounts
from plans.models import Plan
from plans.seeding import seed_plans_load

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    seed_plans_load()
    load_demo_accounts()
    return Plan.objects.get(province__key="kon-tum")


def sign_in(page, email: str) -> None:
    page.context.clear_cookies()
    page.goto("/tai-khoan/dang-nhap/")
    page.get_by_label("Thư điện tử").fill(email)
    page.get_by_label("Mật khẩu").fill(settings.DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()


def fetch_pdf_text(page, href: str) -> str:
    """Fetch a download link with the page's cookies, as the browser would, and read the PDF's text."""
    response = page.request.get(href)
    assert response.ok, response.status
    body = response.body()
    assert body.startswith(b"%PDF")
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(body)).pages)


def test_a_report_goes_from_the_province_to_the_ministry(page, demo):
    plan = demo

    # Kon Tum's staff create the 2023 annual report and write its narrative.
    sign_in(page, "canbo.kontum@demo.nscl.vn")
    page.goto("/bao-cao/")
    page.get_by_role("link", name="Tạo báo cáo").click()
    page.get_by_label("Kế hoạch").select_option(str(plan.pk))
    page.get_by_label("Loại báo cáo").select_option("annual")
    page.get_by_label("Năm (từ)").fill("2023")
    page.get_by_role("button", name="Tạo báo cáo").click()
    page.get_by_role("heading", name=re.compile("Báo cáo năm 2023 · Kon Tum")).wait_for()

    page.get_by_label("Ngày của văn bản").fill("25/11/2023")
    page.get_by_label("Đánh giá chung").fill("Năm 2023 Sở đã triển khai đầy đủ các nhiệm vụ của Kế hoạch.")
    page.get_by_label("Người ký").fill("Trần Văn Minh")
    page.get_by_role("button", name="Lưu và tạo báo cáo").click()

    # The version finishes (the page polls its status; here the worker ran eagerly) and offers its files.
    versions = page.locator("#versions tbody tr")
    versions.first.locator("[data-role=status]").filter(has_text="sẵn sàng").wait_for()
    assert versions.count() == 1
    text = fetch_pdf_text(page, versions.first.locator("a[data-role=pdf]").get_attribute("href"))
    assert "Kon Tum, ngày 25 tháng 11 năm 2023" in text
    assert "Năm 2023 Sở đã triển khai đầy đủ các nhiệm vụ của Kế hoạch." in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    report_url = page.url

    # The leader submits it.
    sign_in(page, "lanhdao.kontum@demo.nscl.vn")
    page.goto(report_url)
    page.get_by_role("button", name="Gửi Bộ").click()
    page.get_by_text("Đã gửi phiên bản 1 cho Bộ.").wait_for()
    assert "đã gửi lúc" in page.locator("#versions").inner_text()

    # The Ministry sees it in the matrix of 2023, downloads it and compiles the provinces.
    sign_in(page, "bo.khcn@demo.nscl.vn")
    page.goto("/bao-cao/bo/?year=2023")
    row = page.locator('#matrix tr[data-province="kon-tum"]')
    assert "đã gửi" in row.inner_text()
    assert page.locator("#matrix tbody tr").count() == 63
    text = fetch_pdf_text(page, row.locator("a[data-role=pdf]").get_attribute("href"))
    assert "UBND TỈNH KON TUM" in text

    page.get_by_role("link", name="Tổng hợp toàn quốc").click()
    page.get_by_label("Kỳ").select_option("year")
    page.get_by_label("Năm (từ)").fill("2023")
    page.get_by_role("button", name="Tạo báo cáo tổng hợp").click()
    compilation = page.locator("#versions tbody tr").first
    compilation.locator("[data-role=status]").filter(has_text="sẵn sàng").wait_for()
    text = fetch_pdf_text(page, compilation.locator("a[data-role=pdf]").get_attribute("href"))
    assert "Toàn quốc" in text and "Kon Tum" in text
