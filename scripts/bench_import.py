#!/usr/bin/env python
"""Speed of the enterprise import and of the exports: a 10,000-row business-registry file, as XLSX and CSV.

Runs inside a throw-away database (Django's test database: in memory for SQLite, ``test_<name>`` on PostgreSQL
when ``DATABASE_URL`` is set) and measures each stage of ``accounts.importing`` as the import jobs run them:
reading the file, the dry run (every row checked, nothing saved), the import (all rows in one transaction, with
an audit row per enterprise), the dry run of the same file again (every row unchanged), then the streamed CSV
export and the write-only XLSX export of the imported enterprises, with the peak of Python allocations of each
export (``tracemalloc``: it should not grow with the rows).

    .venv/bin/python scripts/bench_import.py [--rows 10000] [--json var/bench/import.json]

Prints a table (seconds and rows per second) and writes the same figures as JSON.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

HEADERS = [
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
SECTIONS = ("1079", "C", "4711", "F", "0111", "5510")


class Bench:
    def __init__(self) -> None:
        self.rows: list[dict] = []

    def measure(self, stage: str, rows: int, fn, *, memory: bool = False):
        """Time ``fn``; with ``memory``, run it once more under tracemalloc (which slows allocations down several
        times) for the peak of Python allocations."""
        started = time.perf_counter()
        result = fn()
        seconds = time.perf_counter() - started
        peak_mb = None
        if memory:
            tracemalloc.start()
            fn()
            _current, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            peak_mb = round(peak / 1024 / 1024, 1)
        self.rows.append(
            {
                "stage": stage,
                "rows": rows,
                "seconds": round(seconds, 3),
                "rows_per_second": round(rows / seconds) if seconds else None,
                "python_peak_mb": peak_mb,
                "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            }
        )
        return result

    def table(self) -> str:
        lines = [f"{'stage':<42} {'rows':>7} {'seconds':>9} {'rows/s':>8} {'py peak MB':>11} {'max RSS MB':>11}"]
        for r in self.rows:
            peak = "—" if r["python_peak_mb"] is None else f"{r['python_peak_mb']:.1f}"
            lines.append(
                f"{r['stage']:<42} {r['rows']:>7} {r['seconds']:>9.3f} {r['rows_per_second'] or 0:>8} {peak:>11} "
                f"{r['max_rss_mb']:>11.1f}"
            )
        return "\n".join(lines)


def registry_rows(count: int) -> list[list]:
    """``count`` rows of distinct enterprises of Quảng Ngãi with valid tax codes (python-stdnum's check digit)."""
    from enterprises.taxcodes import with_check_digit

    rows, n = [], 0
    while len(rows) < count:
        n += 1
        code = with_check_digit(f"43{n:07d}")
        if code is None:
            continue
        i = len(rows) + 1
        rows.append(
            [
                code,
                f"Công ty TNHH Đo hiệu năng {i}",
                "Công ty TNHH một thành viên",
                f"{i} Lê Lợi",
                "Quảng Ngãi",
                "Phường Cẩm Thành",
                "0255 3822 111",
                f"lienhe{i}@vidu.vn",
                SECTIONS[i % len(SECTIONS)],
                5 + i % 300,
                (1 + i % 90) * 1_000_000_000,
                (1 + i % 40) * 1_000_000_000,
                "Trần Văn Bình",
            ]
        )
    return rows


def xlsx_bytes(rows: list[list]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows: list[list]) -> bytes:
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADERS)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--json", default=str(ROOT / "var" / "bench" / "import.json"))
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection, transaction
    from django.utils import translation

    from accounts.exporting import csv_lines, write_xlsx
    from accounts.importing import dry_run, import_all, map_columns, read_table
    from accounts.models import AuditEntry, Membership, Role, User
    from enterprises.exports import ENTERPRISE_COLUMNS
    from enterprises.imports import KIND
    from enterprises.models import Enterprise
    from plans.models import Province

    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    bench = Bench()
    n = args.rows
    try:
        translation.activate("vi")
        staff = User.objects.create_user(email="bench@example.vn", password="x", full_name="Cán bộ đo hiệu năng")
        Membership.objects.create(
            user=staff, role=Role.PROVINCE_STAFF, province=Province.objects.get(key="quang-ngai-2025")
        )
        rows = registry_rows(n)
        xlsx, csv_content = xlsx_bytes(rows), csv_bytes(rows)
        table = bench.measure("read XLSX", n, lambda: read_table(xlsx, "dn.xlsx"))
        bench.measure("read CSV", n, lambda: read_table(csv_content, "dn.csv"))
        mapped = map_columns(table, KIND.columns)
        report = bench.measure(
            "dry run (check every row, save nothing)", n, lambda: dry_run(KIND, user=staff, mapped=mapped)
        )
        assert report.ok and report.new == n, report.as_json()

        def run_import():
            with transaction.atomic():
                return import_all(KIND, user=staff, mapped=mapped)

        report = bench.measure("import (one transaction, audit rows)", n, run_import)
        assert Enterprise.objects.count() == n and AuditEntry.objects.filter(action="import").count() == n
        again = bench.measure(
            "dry run of the same file (all unchanged)", n, lambda: dry_run(KIND, user=staff, mapped=mapped)
        )
        assert again.unchanged == n, again.as_json()
        queryset = Enterprise.objects.select_related("province", "main_sector").order_by("name", "id")
        bench.measure(
            "export CSV (streamed)",
            n,
            lambda: sum(len(line) for line in csv_lines(queryset, ENTERPRISE_COLUMNS)),
            memory=True,
        )

        def export_xlsx():
            with tempfile.TemporaryFile() as handle:
                write_xlsx(handle, rows=queryset, columns=ENTERPRISE_COLUMNS, title="Doanh nghiệp")
                return handle.tell()

        bench.measure("export XLSX (write-only)", n, export_xlsx, memory=True)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print(bench.table())
    output = Path(args.json)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(
        json.dumps(
            {
                "benchmark": "import",
                "rows": n,
                "database": connection.vendor,
                "file_kb": {"xlsx": round(len(xlsx) / 1024, 1), "csv": round(len(csv_content) / 1024, 1)},
                "stages": bench.rows,
            },
            ensure_ascii=False,
            indent=2,
        )
    )
    print(f"written {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
