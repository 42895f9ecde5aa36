"""Spreadsheets (XLSX and CSV) and people for the import and export tests."""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from accounts.models import Role
from enterprises.taxcodes import with_check_digit
from plans.models import Province
from tests.accounts.factories import make_user

ENTERPRISE_HEADERS = [
    "Mã số thuế",
    "Tên doanh nghiệp",
    "Loại hình",
    "Địa chỉ",
    "Tỉnh/Thành phố",
    "Xã/Phường",
    "Điện thoại",
    "Email",
    "Ngành nghề kinh doanh chính",
    "Số lao động",
    "Doanh thu",
    "Tổng nguồn vốn",
    "Người đại diện",
]
BILLION = 1_000_000_000
_prefixes = itertools.count(10)


def province(key: str) -> Province:
    return Province.objects.get(key=key)


def staff(key: str = "quang-ngai-2025", role: str = Role.PROVINCE_STAFF):
    return make_user(role=role, province=province(key))


def tax_codes(count: int, prefix: str | None = None) -> Iterator[str]:
    """``count`` distinct valid 10-digit tax codes (python-stdnum's check digit)."""
    prefix = prefix or f"{next(_prefixes) % 90 + 10:02d}"
    made = 0
    for n in itertools.count(1):
        code = with_check_digit(f"{prefix}{n:07d}")
        if code:
            yield code
            made += 1
            if made == count:
                return


def enterprise_row(code: str, n: int = 1, **changes: Any) -> list[Any]:
    """A registry row of a small production enterprise of Quảng Ngãi: 20 employees, revenue 5 billion, capital
    2 billion, food products (VSIC 1079, section C)."""
    values = {
        "Mã số thuế": code,
        "Tên doanh nghiệp": f"Công ty TNHH Nông sản {n}",
        "Loại hình": "Công ty TNHH một thành viên",
        "Địa chỉ": f"{n} Lê Lợi",
        "Tỉnh/Thành phố": "Quảng Ngãi",
        "Xã/Phường": "Phường Cẩm Thành",
        "Điện thoại": "0255 3822 111",
        "Email": f"lienhe{n}@nongsan.vn",
        "Ngành nghề kinh doanh chính": "1079",
        "Số lao động": 20,
        "Doanh thu": 5 * BILLION,
        "Tổng nguồn vốn": 2 * BILLION,
        "Người đại diện": "Trần Văn Bình",
    }
    values.update(changes)
    return [values[h] for h in ENTERPRISE_HEADERS]


def xlsx_bytes(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(headers: Sequence[str], rows: Iterable[Sequence[Any]], delimiter: str = ",") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)
