"""Browser journey of the foundation issue, in real headless Chromium:
province staff of Kon Tum sign in and read Kon Tum's plan with all its targets and tasks; staff of another
province cannot open it for editing."""

import re

import pytest
from django.conf import settings

from accounts.demo import load as load_demo_accounts
from plans.models import Plan
from plans.seeding import seed_plans_load

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    seed_plans_load()
    load_demo_accounts()
    return Plan.objects.get(province__key="kon-tum")


def sign_in(page, email: str) -> None:
    page.goto("/tai-khoan/dang-nhap/")
    page.get_by_label("Thư điện tử").fill(email)
    page.get_by_label("Mật khẩu").fill(settings.DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()


def test_kon_tum_staff_read_their_plan_and_other_provinces_cannot_edit_it(page, demo):
    plan = demo

    # The browser asks for English (see the page fixture); the portal still speaks Vietnamese.
    sign_in(page, "canbo.kontum@demo.nscl.vn")
    page.get_by_role("link", name=re.compile("Kon Tum")).first.click()
    assert page.url.endswith(f"/ke-hoach/{plan.pk}/")

    page.get_by_role("heading", name="Mục tiêu", exact=True).wait_for()
    # The five specific targets of section I.2 of the document, every one in the table.
    targets = page.locator("#muc-tieu ~ table.table").first.locator("tbody tr")
    assert targets.count() == 5
    text = page.locator("main").inner_text()
    assert "Hàng năm hướng dẫn, hỗ trợ từ 10 đến 20 doanh nghiệp" in text
    assert "10–20" in text  # the range per year, as a number pair
    # The task table: two groups (Nhiệm vụ 1, Nhiệm vụ 2) and their nine tasks 1.1-1.5, 2.1-2.4.
    tasks = page.locator("table.tasks tbody tr")
    assert tasks.count() == 11
    assert page.locator("table.tasks tr.group").count() == 2
    communication = tasks.nth(2).inner_text()  # row 1.2, coordinated with the radio and the newspaper
    assert communication.startswith("1.2") and "Báo Kon Tum" in communication
    # The province of its time, with today's successor.
    assert "Quảng Ngãi" in text
    # Staff may edit their own plan.
    page.get_by_role("link", name="Sửa kế hoạch").first.click()
    assert page.get_by_label("Từ năm").input_value() == "2021"

    # Staff of Hòa Bình: Kon Tum's plan does not exist for them, not even its edit page.
    page.context.clear_cookies()
    sign_in(page, "canbo.hoabinh@demo.nscl.vn")
    listing = page.locator("main").inner_text()
    assert "Hòa Bình" in listing and "Kon Tum" not in listing
    response = page.goto(f"/ke-hoach/{plan.pk}/sua/")
    assert response.status == 404
    assert "Không tìm thấy" in page.locator("main").inner_text()
    response = page.goto(f"/ke-hoach/{plan.pk}/")
    assert response.status == 404
