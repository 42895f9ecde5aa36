"""Demo accounts for every role (embedded default only; their password is published in README.md)."""

from __future__ import annotations

from django.conf import settings

from .models import Membership, Role, User

# (e-mail, full name, role, province key, unit name, position)
DEMO_USERS: list[tuple[str, str, str, str | None, str | None, str]] = [
    ("canbo.kontum@demo.nscl.vn", "Nguyễn Thị Hoa", Role.PROVINCE_STAFF, "kon-tum", None, "Chuyên viên Chi cục TĐC"),
    ("lanhdao.kontum@demo.nscl.vn", "Trần Văn Minh", Role.PROVINCE_LEADER, "kon-tum", None, "Phó Giám đốc Sở KH&CN"),
    (
        "hoidong.kontum@demo.nscl.vn",
        "Lê Quang Huy",
        Role.COUNCIL_MEMBER,
        "kon-tum",
        None,
        "Thành viên Hội đồng thẩm định",
    ),
    (
        "baocao.kontum@demo.nscl.vn",
        "Phạm Thu Trang",
        Role.UNIT_REPORTER,
        "kon-tum",
        "Đài Phát thanh và Truyền hình tỉnh Kon Tum",
        "Phóng viên",
    ),
    (
        "canbo.quangngai@demo.nscl.vn",
        "Đặng Văn Sơn",
        Role.PROVINCE_STAFF,
        "quang-ngai-2025",
        None,
        "Chuyên viên Sở KH&CN (sau sáp nhập)",
    ),
    ("canbo.hoabinh@demo.nscl.vn", "Bùi Thị Lan", Role.PROVINCE_STAFF, "hoa-binh", None, "Chuyên viên Chi cục TĐC"),
    ("canbo.baclieu@demo.nscl.vn", "Huỳnh Văn Tài", Role.PROVINCE_STAFF, "bac-lieu", None, "Chuyên viên Sở GD, KH&CN"),
    ("canbo.haiduong@demo.nscl.vn", "Vũ Thị Mai", Role.PROVINCE_STAFF, "hai-duong", None, "Chuyên viên Sở KH&CN"),
    ("canbo.haugiang@demo.nscl.vn", "Lý Văn Phúc", Role.PROVINCE_STAFF, "hau-giang", None, "Chuyên viên Chi cục TĐC"),
    ("bo.khcn@demo.nscl.vn", "Hoàng Minh Đức", Role.MINISTRY, None, None, "Chuyên viên Bộ KH&CN"),
    ("quantri@demo.nscl.vn", "Quản trị kỹ thuật", Role.ADMINISTRATOR, None, None, "Quản trị hệ thống"),
]


def load() -> str:
    from plans.models import Province, Unit

    created = 0
    for email, name, role, province_key, unit_name, title in DEMO_USERS:
        user, was_created = User.objects.get_or_create(email=email, defaults={"full_name": name, "is_demo": True})
        if was_created:
            user.set_password(settings.DEMO_PASSWORD)
            created += 1
        user.full_name, user.is_demo = name, True
        user.is_staff = user.is_superuser = role == Role.ADMINISTRATOR
        user.save()
        province = Province.objects.get(key=province_key) if province_key else None
        unit = Unit.objects.get(province=province, name=unit_name) if unit_name else None
        Membership.objects.update_or_create(
            user=user, role=role, province=province, unit=unit, defaults={"title": title, "is_active": True}
        )
    return f"{len(DEMO_USERS)} demo accounts ({created} new)"
