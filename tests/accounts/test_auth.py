"""Signing in and out, passwords, demo accounts, the Vietnamese-first interface."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from tests.accounts.factories import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def test_sign_in_with_email_and_password_then_sign_out(client):
    user = make_user(email="Chuyenvien@Example.vn")
    response = client.post(reverse("accounts:login"), {"username": "chuyenvien@example.vn", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)
    client.post(reverse("accounts:logout"))
    assert "_auth_user_id" not in client.session


def test_wrong_password_shows_a_vietnamese_error_and_signs_nobody_in(client):
    make_user(email="a@example.vn")
    response = client.post(reverse("accounts:login"), {"username": "a@example.vn", "password": "sai-mat-khau"})
    assert response.status_code == 200
    assert "Địa chỉ thư điện tử hoặc mật khẩu không đúng." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_pages_require_sign_in(client):
    response = client.get(reverse("plans:plan_list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_password_change_keeps_the_person_signed_in_and_rejects_a_weak_password(client):
    user = make_user()
    client.force_login(user)
    url = reverse("accounts:password_change")
    weak = client.post(url, {"old_password": PASSWORD, "new_password1": "123", "new_password2": "123"})
    assert weak.status_code == 200
    assert "Mật khẩu này quá ngắn" in weak.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)

    ok = client.post(
        url, {"old_password": PASSWORD, "new_password1": "Mat-khau-moi-2026", "new_password2": "Mat-khau-moi-2026"}
    )
    assert ok.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Mat-khau-moi-2026")


def test_password_reset_mails_a_link_that_sets_a_new_password(client, django_capture_on_commit_callbacks):
    user = make_user(email="quenmatkhau@example.vn")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:password_reset"), {"email": "quenmatkhau@example.vn"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Đặt lại mật khẩu Cổng NSCL"
    link = re.search(r"http://testserver(/\S+)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    set_url = form_page.redirect_chain[-1][0]
    client.post(set_url, {"new_password1": "Mot-mat-khau-moi-9", "new_password2": "Mot-mat-khau-moi-9"})
    user.refresh_from_db()
    assert user.check_password("Mot-mat-khau-moi-9")


def test_password_reset_for_an_unknown_address_sends_nothing_and_reveals_nothing(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:password_reset"), {"email": "khongco@example.vn"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_demo_accounts_sign_in_only_in_demo_mode(client, settings):
    make_user(email="demo@example.vn", is_demo=True)
    settings.DEMO_MODE = False
    client.post(reverse("accounts:login"), {"username": "demo@example.vn", "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    settings.DEMO_MODE = True
    client.post(reverse("accounts:login"), {"username": "demo@example.vn", "password": PASSWORD})
    assert "_auth_user_id" in client.session


def test_a_demo_session_stops_working_when_demo_mode_is_off(client, settings):
    user = make_user(is_demo=True)
    client.force_login(user)
    settings.DEMO_MODE = False
    assert client.get(reverse("accounts:profile")).status_code == 302


def test_interface_is_vietnamese_even_for_an_english_browser_until_english_is_chosen(client):
    client.force_login(make_user())
    page = client.get(reverse("accounts:profile"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Tài khoản của tôi" in page
    assert '<html lang="vi">' in page
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("accounts:profile")).content.decode()
    assert "My account" in page
    assert '<html lang="en">' in page


def test_profile_lists_the_persons_roles(client):
    from accounts.models import Role
    from plans.models import Province

    user = make_user(role=Role.PROVINCE_LEADER, province=Province.objects.get(key="kon-tum"))
    client.force_login(user)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert "Lãnh đạo Sở" in page
    assert "Kon Tum" in page


def test_notifications_are_listed_and_marked_read(client):
    from accounts.services import notification_create

    user = make_user()
    other = make_user()
    notification_create(user=user, title="Hồ sơ đã được tiếp nhận", email=False)
    notification_create(user=other, title="Thông báo của người khác", email=False)
    client.force_login(user)
    page = client.get(reverse("accounts:notifications")).content.decode()
    assert "Hồ sơ đã được tiếp nhận" in page
    assert "Thông báo của người khác" not in page
    client.post(reverse("accounts:notifications_read"))
    assert user.notifications.filter(read_at__isnull=True).count() == 0
    assert other.notifications.filter(read_at__isnull=True).count() == 1


def test_email_is_the_identity_and_is_unique():
    from django.db import IntegrityError, transaction

    users = get_user_model().objects
    users.create_user(email="trung@example.vn", password="x", full_name="A")
    with pytest.raises(IntegrityError), transaction.atomic():
        users.create_user(email="trung@example.vn", password="x", full_name="B")
