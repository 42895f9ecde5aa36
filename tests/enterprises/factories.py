"""Enterprises, members, certificates and awards for tests."""

from __future__ import annotations

import datetime as dt
import itertools

from django.utils import timezone

from accounts.models import Membership, Role
from enterprises.models import Award, Certificate, Enterprise, EnterpriseClaim, Sector
from enterprises.sizes import size_class
from enterprises.taxcodes import with_check_digit
from plans.models import Province
from tests.accounts.factories import make_user

_numbers = itertools.count(1)
BILLION = 1_000_000_000


def province(key: str = "kon-tum") -> Province:
    return Province.objects.get(key=key)


def sector(code: str = "C") -> Sector:
    return Sector.objects.get(code=code)


def next_tax_code(prefix: str = "61") -> str:
    """A fresh valid 10-digit tax code (python-stdnum's check digit)."""
    while True:
        code = with_check_digit(f"{prefix}{next(_numbers):07d}")
        if code and not Enterprise.objects.filter(tax_code=code).exists():
            return code


def make_enterprise(
    *,
    province_key: str = "kon-tum",
    status: str = Enterprise.Status.VERIFIED,
    sector_code: str = "C",
    employees: int = 20,
    revenue: int = 10 * BILLION,
    capital: int = 5 * BILLION,
    **extra,
) -> Enterprise:
    main_sector = sector(sector_code)
    values = {
        "tax_code": next_tax_code(),
        "name": f"Công ty TNHH Thử nghiệm {next(_numbers)}",
        "address": "01 Trần Hưng Đạo",
        "kind": Enterprise.Kind.COMPANY,
        "ownership": Enterprise.Ownership.PRIVATE,
    }
    values.update(extra)
    enterprise = Enterprise(
        province=province(province_key),
        main_sector=main_sector,
        employees=employees,
        revenue=revenue,
        capital=capital,
        size_class=size_class(sector_group=main_sector.group, employees=employees, revenue=revenue, capital=capital),
        status=status,
        **values,
    )
    if status in (Enterprise.Status.VERIFIED, Enterprise.Status.SUSPENDED):
        enterprise.verified_at = timezone.now()
    if status in (Enterprise.Status.REJECTED, Enterprise.Status.SUSPENDED):
        enterprise.status_reason = "Thiếu giấy tờ"
    enterprise.save()
    return enterprise


def make_member(enterprise: Enterprise, **extra):
    """A person who is an active member of ``enterprise``."""
    user = make_user(**extra)
    Membership.objects.create(user=user, role=Role.ENTERPRISE_MEMBER, enterprise=enterprise, title="Kế toán")
    return user


def make_certificate(enterprise: Enterprise, **extra) -> Certificate:
    values = {
        "standard": Certificate.Standard.ISO_9001,
        "number": f"QMS-{next(_numbers)}",
        "certification_body": "QUACERT",
        "issued_on": dt.date(2024, 1, 10),
        "expires_on": dt.date(2027, 1, 9),
    }
    values.update(extra)
    return Certificate.objects.create(enterprise=enterprise, **values)


def make_award(enterprise: Enterprise, **extra) -> Award:
    values = {"year": 2020 + next(_numbers) % 50, "result": Award.Result.AWARD, "score": 650}
    values.update(extra)
    return Award.objects.create(enterprise=enterprise, **values)


def make_claim(enterprise: Enterprise, **extra) -> EnterpriseClaim:
    return EnterpriseClaim.objects.create(user=make_user(**extra), enterprise=enterprise, message="Tôi là kế toán")


def registration_form(**overrides):
    """The fields of the public registration form, filled in for a new Quảng Ngãi enterprise."""
    data = {
        "full_name": "Nguyễn Thị Thu Hà",
        "position": "Kế toán",
        "email": "ha@ngoclinh.vn",
        "phone": "0912345678",
        "password1": "Ngoc-Linh-2025!sam",
        "password2": "Ngoc-Linh-2025!sam",
        "tax_code": "0100233488",
        "name": "Công ty Cổ phần Dược liệu Ngọc Linh",
        "kind": "company",
        "ownership": "private",
        "main_sector": sector("C").pk,
        "province": province("quang-ngai-2025").pk,
        "address": "128 Trần Hưng Đạo",
        "employees": "8",
        "revenue": "2.500.000.000",
        "capital": "1800000000",
    }
    data.update(overrides)
    return data
