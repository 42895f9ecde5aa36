#!/usr/bin/env python
"""Time and memory of the reports: one province's annual report and the national compilation of 63 provinces.

Runs inside a throw-away database (Django's test database: in memory for SQLite, ``test_<name>`` on PostgreSQL
when ``DATABASE_URL`` is set), fills it with generated data (a plan per province with targets, tasks and budget,
enterprises, approved and paid applications, activities), then measures each stage: the figures snapshot, the
PDF (WeasyPrint) and the XLSX (openpyxl). For every stage: wall time, the peak of Python allocations
(``tracemalloc``) and the process's maximum resident set size so far (``resource.getrusage``).

    .venv/bin/python scripts/bench_reports.py [--provinces 63] [--applications 12] [--json var/bench/reports.json]

Prints a table and writes the same figures as JSON.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
MILLION = 1_000_000


def _max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


class Bench:
    def __init__(self) -> None:
        self.rows: list[dict] = []

    def measure(self, name: str, fn, *, repeat_for_memory: bool = True):
        """Time ``fn`` on its own (tracemalloc slows allocations down several times), then, when it can run
        again, run it once more under tracemalloc for the peak of Python allocations."""
        started = time.perf_counter()
        result = fn()
        seconds = time.perf_counter() - started
        peak_mb = None
        if repeat_for_memory:
            tracemalloc.start()
            fn()
            _current, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            peak_mb = round(peak / 1024 / 1024, 1)
        self.rows.append(
            {
                "stage": name,
                "seconds": round(seconds, 3),
                "python_peak_mb": peak_mb,
                "max_rss_mb": round(_max_rss_mb(), 1),
            }
        )
        return result

    def table(self) -> str:
        lines = [f"{'stage':<44} {'seconds':>9} {'py peak MB':>11} {'max RSS MB':>11}"]
        for row in self.rows:
            peak = "—" if row["python_peak_mb"] is None else f"{row['python_peak_mb']:.1f}"
            lines.append(f"{row['stage']:<44} {row['seconds']:>9.3f} {peak:>11} {row['max_rss_mb']:>11.1f}")
        return "\n".join(lines)


def generate_data(*, provinces: int, applications: int) -> dict:
    """A plan per province of the time (2023) with the kinds of rows real plans have, and support given."""
    from accounts.models import Membership, Role, User
    from enterprises.models import Enterprise, Sector
    from plans.models import Activity, BudgetAmount, BudgetLine, Indicator, Phase, Plan, Target, Task
    from reporting.snapshot import provinces_of_the_time
    from support.models import Application, Decision, Payment, SupportCategory, SupportPolicy, SupportRule

    sector = Sector.objects.order_by("pk").first()
    categories = list(SupportCategory.objects.order_by("position")[:6])
    indicators = {
        i.code: i
        for i in Indicator.objects.filter(
            code__in=["enterprises_supported", "officials_trained", "nqa_winners", "tfp_share"]
        )
    }
    chosen = provinces_of_the_time(2023)[:provinces]
    plans = []
    tax = 1_000_000_000
    for index, province in enumerate(chosen):
        plan = Plan.objects.create(
            province=province,
            title=f"Kế hoạch NSCL tỉnh {province.name} giai đoạn 2021-2025",
            start_year=2021,
            end_year=2025,
        )
        phase = Phase.objects.create(plan=plan, name="Giai đoạn 2021-2025", start_year=2021, end_year=2025)
        Target.objects.bulk_create(
            [
                Target(
                    plan=plan,
                    phase=phase,
                    position=1,
                    text="Hỗ trợ 10-20 doanh nghiệp mỗi năm",
                    indicator=indicators["enterprises_supported"],
                    period="year",
                    comparator="range",
                    value_min=10,
                    value_max=20,
                    unit="doanh nghiệp",
                ),
                Target(
                    plan=plan,
                    phase=phase,
                    position=2,
                    text="Đào tạo ít nhất 10 cán bộ",
                    indicator=indicators["officials_trained"],
                    comparator="at_least",
                    value_min=10,
                    unit="người",
                ),
                Target(
                    plan=plan,
                    phase=phase,
                    position=3,
                    text="Ít nhất 1 doanh nghiệp đạt giải mỗi năm",
                    indicator=indicators["nqa_winners"],
                    period="year",
                    comparator="at_least",
                    value_min=1,
                    unit="doanh nghiệp",
                ),
                Target(
                    plan=plan,
                    phase=phase,
                    position=4,
                    text="TFP khoảng 30 %",
                    indicator=indicators["tfp_share"],
                    measure="share",
                    comparator="approximately",
                    value_min=30,
                    unit="%",
                ),
            ]
        )
        group = Task.objects.create(
            plan=plan, number="I", content="Nhóm nhiệm vụ tuyên truyền", position=0, is_group=True
        )
        Task.objects.bulk_create(
            [
                Task(
                    plan=plan,
                    parent=group,
                    number=str(n),
                    content=f"Nhiệm vụ số {n} của kế hoạch",
                    position=n,
                    timeframe="Hàng năm",
                    is_annual=True,
                    timeframe_spans=[[2021, 2025]],
                )
                for n in range(1, 12)
            ]
        )
        heading = BudgetLine.objects.create(
            plan=plan, number="I", content="Chi hỗ trợ doanh nghiệp", category="enterprise_support"
        )
        for n in range(1, 4):
            line = BudgetLine.objects.create(
                plan=plan,
                parent=heading,
                number=str(n),
                content=f"Dòng dự toán {n}",
                estimate=300 * MILLION,
                support_rate=30,
                position=n,
            )
            BudgetAmount.objects.create(line=line, year=2023, source="state_local", amount=90 * MILLION)
        Activity.objects.bulk_create(
            [
                Activity(
                    plan=plan,
                    kind="training_course",
                    title=f"Lớp tập huấn {n}",
                    start_date=dt.date(2023, 3 + n, 10),
                    participants=40,
                    person_times=60,
                    enterprises=12,
                    audience="officials",
                    cost_state_local=20 * MILLION,
                )
                for n in range(3)
            ]
        )
        policy = SupportPolicy.objects.create(
            province=province, plan=plan, name=f"Chính sách {province.name}", effective_from=dt.date(2021, 1, 1)
        )
        rules = [SupportRule.objects.create(policy=policy, category=c, rate=50, cap=45 * MILLION) for c in categories]
        firms = []
        for n in range(applications):
            tax += 1
            firms.append(
                Enterprise(
                    tax_code=str(tax),
                    name=f"Công ty TNHH Thử nghiệm {index}-{n}",
                    main_sector=sector,
                    employees=30,
                    revenue=20_000 * MILLION,
                    capital=10_000 * MILLION,
                    size_class="small",
                    province=province,
                    address="01 Trần Hưng Đạo",
                    status="verified",
                    verified_at=dt.datetime(2023, 1, 1, tzinfo=dt.UTC),
                )
            )
        firms = Enterprise.objects.bulk_create(firms)
        apps = Application.objects.bulk_create(
            [
                Application(
                    enterprise=firm,
                    rule=rules[n % len(rules)],
                    province=province,
                    budget_year=2023,
                    title=f"Áp dụng ISO 9001 {n}",
                    counterpart_funds=40 * MILLION,
                    status="paid" if n % 2 else "approved",
                    max_support=45 * MILLION,
                    approved_amount=45 * MILLION,
                    final_amount=40 * MILLION if n % 2 else None,
                    paid_total=40 * MILLION if n % 2 else 0,
                )
                for n, firm in enumerate(firms)
            ]
        )
        Decision.objects.bulk_create(
            [
                Decision(
                    application=a,
                    number=f"{a.pk}/QĐ-SKHCN",
                    decided_on=dt.date(2023, 5, 6),
                    signer_name="Nguyễn Văn A",
                    approved_amount=45 * MILLION,
                )
                for a in apps
            ]
        )
        Payment.objects.bulk_create(
            [
                Payment(application=a, paid_on=dt.date(2023, 10, 1), amount=40 * MILLION, reference=f"UNC {a.pk}")
                for a in apps
                if a.status == "paid"
            ]
        )
        plans.append(plan)
    first = plans[0]
    user = User.objects.create_user(email="bench@example.vn", password="x", full_name="Cán bộ đo hiệu năng")
    Membership.objects.create(user=user, role=Role.PROVINCE_STAFF, province=first.province)
    ministry = User.objects.create_user(email="bo@example.vn", password="x", full_name="Bộ KH&CN")
    Membership.objects.create(user=ministry, role=Role.MINISTRY)
    return {"plan": first, "staff": user, "ministry": ministry, "plans": len(plans)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--provinces", type=int, default=63)
    parser.add_argument("--applications", type=int, default=12, help="supported applications per province")
    parser.add_argument("--json", default=str(ROOT / "var" / "bench" / "reports.json"))
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.utils import translation

    from reporting import render_pdf, render_xlsx, services, snapshot
    from reporting.models import NationalCompilation, Report, ReportVersion

    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    bench = Bench()
    try:
        translation.activate("vi")
        data = bench.measure(
            f"generate data ({args.provinces} provinces)",
            lambda: generate_data(provinces=args.provinces, applications=args.applications),
            repeat_for_memory=False,
        )
        report = services.report_create(by=data["staff"], plan=data["plan"], kind=Report.Kind.ANNUAL, start_year=2023)
        version = ReportVersion(report=report, number=1, narrative=report.narrative)
        snap = bench.measure(
            "annual report: figures snapshot", lambda: snapshot.report_snapshot(report=report, version=version)
        )
        pdf = bench.measure("annual report: PDF", lambda: render_pdf.report_pdf(snap))
        xlsx = bench.measure("annual report: XLSX", lambda: render_xlsx.report_xlsx(snap))
        compilation = NationalCompilation(kind="year", start_year=2023, end_year=2023, number=1)
        comp = bench.measure(
            f"compilation 2023 ({data['plans']} provinces): snapshot",
            lambda: snapshot.compilation_snapshot(compilation=compilation),
        )
        comp_pdf = bench.measure("compilation 2023: PDF", lambda: render_pdf.compilation_pdf(comp))
        comp_xlsx = bench.measure("compilation 2023: XLSX", lambda: render_xlsx.compilation_xlsx(comp))
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print(bench.table())
    sizes = {
        "report_pdf_kb": round(len(pdf) / 1024, 1),
        "report_xlsx_kb": round(len(xlsx) / 1024, 1),
        "compilation_pdf_kb": round(len(comp_pdf) / 1024, 1),
        "compilation_xlsx_kb": round(len(comp_xlsx) / 1024, 1),
    }
    print("sizes: " + ", ".join(f"{k} {v}" for k, v in sizes.items()))
    output = Path(args.json)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(
        json.dumps(
            {
                "benchmark": "reports",
                "provinces": args.provinces,
                "applications_per_province": args.applications,
                "database": connection.vendor,
                "stages": bench.rows,
                "sizes": sizes,
            },
            ensure_ascii=False,
            indent=2,
        )
    )
    print(f"written {output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
