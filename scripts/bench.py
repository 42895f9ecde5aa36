#!/usr/bin/env python
"""The portal against its performance budgets, at national scale (``make bench``).

    .venv/bin/python scripts/bench.py                      # everything, full scale (docs/performance.md)
    .venv/bin/python scripts/bench.py --skip-load --repeat 10
    .venv/bin/python scripts/bench.py --database-url postgres://postgres@127.0.0.1:5432/nscl_bench_small \\
        --enterprises 500 --applications 1000              # the same pages at 1,000 applications

1. Uses a dedicated PostgreSQL database (default ``postgres://postgres@127.0.0.1:5432/nscl_bench``), created if
   missing; refuses SQLite. Migrates it.
2. Generates the national-scale data (``support.scale``: 63 + 23 provinces, 100,000 enterprises, 300,000
   applications ...) unless the database already holds generated data of the size asked for.
3. Pages and API lists: each measured ``--repeat`` times in this process through Django's test client (server
   time: request in, response out), with the number of queries, beside a floor (a bench-only view rendering the
   base template with no query, registered in ``scripts/bench_urls.py``).
4. Reports (one province's annual report PDF, the national compilation of 63 provinces): each in a process of
   its own, for its time and peak memory (maximum resident set size).
5. Import rows per second: ``scripts/bench_import.py``, when present.
6. A load run: gunicorn on a free port against the same database, many staff, enterprise and Ministry users at
   once (threads), signed in with generated accounts: throughput, latency percentiles, errors.

Prints a table and writes ``var/bench/results.json``; exits 1 when a budget is missed.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import random
import re
import resource
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/nscl_bench"
PYTHON = sys.executable
REPORT_BUDGET_S = 10
COMPILATION_BUDGET_S = 90
COMPILATION_MEMORY_MB = 600
IMPORT_BUDGET_ROWS_S = 1000


def say(message: str) -> None:
    print(message, flush=True)


def peak_rss_mb() -> float:
    """This process's peak resident set size. VmHWM belongs to the address space, which exec replaces, so a stage
    run in a child process does not inherit the parent's peak (``ru_maxrss`` does, across exec, on Linux)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


# --- Database -------------------------------------------------------------------------------------------------


def ensure_database(url: str) -> None:
    """Create the bench database when it does not exist."""
    import psycopg2
    from psycopg2 import sql

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    admin = psycopg2.connect(
        dbname="postgres",
        user=parsed.username or "postgres",
        password=parsed.password or None,
        host=parsed.hostname or "127.0.0.1",
        port=parsed.port or 5432,
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone():
            say(f"Database {name} exists.")
        else:
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            say(f"Database {name} did not exist: created it.")
    admin.close()


def django_environment(url: str) -> dict[str, str]:
    """The settings the measurements run with: production-like (no DEBUG), generated accounts allowed."""
    env = dict(os.environ)
    env.update(
        {
            "DATABASE_URL": url,
            "DJANGO_SETTINGS_MODULE": "config.settings.base",
            "DJANGO_DEBUG": "0",
            "NSCL_DEMO_MODE": "1",  # generated accounts have a published password, like the demo ones
            "LOG_LEVEL": "WARNING",
        }
    )
    env.pop("REDIS_URL", None)
    return env


def setup_django(url: str) -> None:
    os.environ.update(django_environment(url))
    import django

    django.setup()


def machine() -> dict:
    from django.db import connection

    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        pg = cursor.fetchone()[0]
        settings = {}
        for name in ("shared_buffers", "work_mem", "effective_cache_size", "random_page_cost", "jit"):
            cursor.execute(f"SHOW {name}")
            settings[name] = cursor.fetchone()[0]
    import django

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gb": ram,
        "postgresql": pg,
        "postgresql_settings": settings,
        "python": platform.python_version(),
        "django": django.get_version(),
        "load_average_at_start": list(os.getloadavg()),
    }


def ensure_data(args) -> dict:
    """Generate the data unless generated data of the asked size is there."""
    from django.core.management import call_command

    from support import scale

    call_command("migrate", verbosity=0, interactive=False)
    mark = scale.marker()
    wanted = {"enterprises": args.enterprises, "applications": args.applications}
    have = mark and all(mark["options"].get(k) == v for k, v in wanted.items()) and not args.regenerate
    if have:
        say(
            f"Generated data present ({mark['counts'].get('support.Application', 0):,} applications, "
            f"{sum(mark['counts'].values()):,} rows, as of {mark['options']['as_of']})."
        )
        return mark
    say(f"Generating {args.enterprises:,} enterprises and {args.applications:,} applications ...")
    result = scale.generate(
        scale.ScaleOptions(enterprises=args.enterprises, applications=args.applications, seed=args.seed),
        log=lambda m: say("  " + m),
    )
    say(f"Generated {sum(result.counts.values()):,} rows in {result.seconds:.0f} s.")
    return scale.marker()


# --- Pages and API lists ----------------------------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def measure_pages(args) -> tuple[dict, list[dict], dict]:
    from django.db import connection, reset_queries
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    from accounts.models import User
    from support import scale

    subjects = scale.bench_subjects()
    cases = [case for case in scale.bench_cases(subjects) if args.only in case.name]
    clients: dict[int | None, Client] = {}

    def client_for(user_id: int | None) -> Client:
        if user_id not in clients:
            client = Client(raise_request_exception=False)
            if user_id is not None:
                client.force_login(User.objects.get(pk=user_id))
            clients[user_id] = client
        return clients[user_id]

    def measure(name: str, url: str, user_id: int | None) -> dict:
        client = client_for(user_id)
        for _ in range(args.warmup):
            client.get(url)
        times = []
        status = None
        size = 0
        for _ in range(args.repeat):
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            status = response.status_code
            size = len(response.content)
        with CaptureQueriesContext(connection) as context:
            client.get(url)
        queries = list(context.captured_queries)  # read before the log is reset
        slowest = max(queries, key=lambda q: float(q["time"]), default=None)
        reset_queries()
        return {
            "name": name,
            "url": url,
            "status": status,
            "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(percentile(times, 95), 1),
            "min_ms": round(min(times), 1),
            "max_ms": round(max(times), 1),
            "queries": len(queries),
            "slowest_query_ms": round(float(slowest["time"]) * 1000, 1) if slowest else 0,
            "slowest_query": slowest["sql"] if slowest else "",
            "bytes": size,
        }

    roles = {subjects.staff: "staff", subjects.ministry: "ministry", subjects.member: "enterprise"}
    results = []
    with override_settings(ROOT_URLCONF="bench_urls"):
        floor = measure("floor: base template, no query (bench-only view)", "/__bench__/floor/", None)
        floor.update(kind="floor", budget_ms=None, within_budget=None, role="anonymous")
        say(_row(floor))
        for case in cases:
            row = measure(case.name, case.url, case.user_id)
            within = None if case.budget_ms is None else row["status"] == 200 and row["p95_ms"] <= case.budget_ms
            row.update(kind=case.kind, role=roles.get(case.user_id, ""), budget_ms=case.budget_ms, within_budget=within)
            say(_row(row))
            results.append(row)
    return floor, results, subjects.__dict__


def _row(row: dict) -> str:
    budget = "—" if row.get("budget_ms") is None else str(row["budget_ms"])
    verdict = {True: "ok", False: "MISSED", None: "(no budget)" if row.get("kind") != "floor" else ""}[
        row.get("within_budget")
    ]
    status = "" if row["status"] == 200 else f" HTTP {row['status']}"
    return (
        f"{row['name'][:58]:<58} {row['p50_ms']:>8.1f} {row['p95_ms']:>8.1f} {row['queries']:>7} "
        f"{budget:>7} {verdict}{status}"
    )


def explain(rows: list[dict], path: Path) -> None:
    """EXPLAIN (ANALYZE, BUFFERS) of the slowest query of each page, for docs/performance.md."""
    from django.db import connection

    lines = []
    for row in rows:
        sql = row.get("slowest_query") or ""
        if not sql.lstrip().upper().startswith("SELECT"):
            continue
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
            plan = "\n".join(r[0] for r in cursor.fetchall())
        lines += [f"### {row['name']} ({row['slowest_query_ms']} ms)", "", sql, "", plan, "", ""]
    path.write_text("\n".join(lines))
    say(f"Query plans written to {path}")


# --- Reports (each in a process of its own: its maximum RSS is the stage's) -------------------------------------


def stage_report(args) -> dict:
    """One province's annual report: figures snapshot, PDF, XLSX (in a transaction rolled back afterwards)."""
    from django.db import transaction
    from django.utils import translation

    from accounts.models import User
    from plans.models import Plan
    from reporting import render_pdf, render_xlsx, services, snapshot
    from reporting.models import Report, ReportVersion
    from support import scale

    translation.activate("vi")
    subjects = scale.bench_subjects()
    plan = Plan.objects.select_related("province").get(pk=subjects.old_plan)
    year = min(plan.end_year, subjects.year)
    staff = User.objects.get(
        memberships__province_id=plan.province_id, memberships__role="province_staff", email__startswith="canbo1."
    )
    stages = {}
    with transaction.atomic():
        started = time.perf_counter()
        report = services.report_create(by=staff, plan=plan, kind=Report.Kind.ANNUAL, start_year=year)
        version = ReportVersion(report=report, number=1, narrative=report.narrative)
        snap = snapshot.report_snapshot(report=report, version=version)
        stages["snapshot_s"] = round(time.perf_counter() - started, 2)
        started = time.perf_counter()
        pdf = render_pdf.report_pdf(snap)
        stages["pdf_s"] = round(time.perf_counter() - started, 2)
        started = time.perf_counter()
        render_xlsx.report_xlsx(snap)
        stages["xlsx_s"] = round(time.perf_counter() - started, 2)
        transaction.set_rollback(True)
    total = stages["snapshot_s"] + stages["pdf_s"]
    return {
        "name": f"annual report {year} of {plan.province.name}: figures and PDF",
        "seconds": round(total, 2),
        "stages": stages,
        "pdf_kb": round(len(pdf) / 1024, 1),
        "max_rss_mb": peak_rss_mb(),
        "budget_s": REPORT_BUDGET_S,
        "within_budget": total <= REPORT_BUDGET_S,
    }


def stage_compilation(args) -> dict:
    """The national compilation of a year of 2021-2025 (63 provinces): snapshot, PDF, XLSX."""
    from django.utils import translation

    from reporting import render_pdf, render_xlsx, snapshot
    from reporting.models import NationalCompilation
    from support import scale

    translation.activate("vi")
    year = min(2024, scale.bench_subjects().year)
    baseline = peak_rss_mb()
    compilation = NationalCompilation(kind=NationalCompilation.Kind.YEAR, start_year=year, end_year=year, number=1)
    stages = {}
    started = time.perf_counter()
    snap = snapshot.compilation_snapshot(compilation=compilation)
    stages["snapshot_s"] = round(time.perf_counter() - started, 2)
    started = time.perf_counter()
    pdf = render_pdf.compilation_pdf(snap)
    stages["pdf_s"] = round(time.perf_counter() - started, 2)
    started = time.perf_counter()
    xlsx = render_xlsx.compilation_xlsx(snap)
    stages["xlsx_s"] = round(time.perf_counter() - started, 2)
    total = sum(stages.values())
    peak = peak_rss_mb()
    provinces = len(snap.get("by_time", []))  # the provinces of the time (63 for a year before the merger)
    return {
        "name": f"national compilation {year}: figures, PDF and XLSX",
        "provinces": provinces,
        "seconds": round(total, 2),
        "stages": stages,
        "pdf_kb": round(len(pdf) / 1024, 1),
        "xlsx_kb": round(len(xlsx) / 1024, 1),
        "max_rss_mb": round(peak, 1),
        "rss_before_mb": round(baseline, 1),
        "budget_s": COMPILATION_BUDGET_S,
        "memory_budget_mb": COMPILATION_MEMORY_MB,
        "within_budget": total <= COMPILATION_BUDGET_S and peak <= COMPILATION_MEMORY_MB,
    }


STAGES = {"report": stage_report, "compilation": stage_compilation}


def run_stage(stage: str, args) -> dict:
    say(f"Running the {stage} stage in its own process ...")
    out = ROOT / "var" / "bench" / f"stage-{stage}.json"
    command = [PYTHON, str(Path(__file__)), "--stage", stage, "--stage-output", str(out), "--database-url", args.url]
    completed = subprocess.run(command, check=False, env=django_environment(args.url), capture_output=True, text=True)
    if completed.returncode != 0:
        say(completed.stdout[-3000:] + completed.stderr[-3000:])
        return {"name": stage, "error": (completed.stderr or completed.stdout)[-2000:], "within_budget": False}
    result = json.loads(out.read_text())
    say(
        f"  {result['name']}: {result['seconds']} s {result['stages']}, max RSS {result['max_rss_mb']} MB "
        f"{'ok' if result['within_budget'] else 'MISSED'}"
    )
    return result


def run_import(args) -> dict | None:
    script = ROOT / "scripts" / "bench_import.py"
    if not script.exists():
        say("scripts/bench_import.py is not there (yet): import rows per second not measured.")
        return None
    say("Running scripts/bench_import.py ...")
    out = ROOT / "var" / "bench" / "import.json"
    env = django_environment(args.url)
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    completed = subprocess.run(
        [PYTHON, str(script), "--json", str(out)], check=False, env=env, capture_output=True, text=True
    )
    say(completed.stdout[-2000:])
    if completed.returncode != 0 or not out.exists():
        return {"error": (completed.stderr or completed.stdout)[-2000:], "within_budget": False}
    data = json.loads(out.read_text())
    # What a person waits for: the file read, every row checked (dry run), then imported.
    stages = {row["stage"]: row for row in data.get("stages", [])}
    path = [name for name in stages if name.startswith(("read XLSX", "dry run (", "import ("))]
    seconds = sum(stages[name]["seconds"] for name in path)
    rows = stages[path[0]]["rows"] if path else 0
    rate = round(rows / seconds) if seconds else None
    say(f"  import end to end (read XLSX, check, import {rows:,} rows): {seconds:.1f} s, {rate} rows/s")
    return {
        "result": data,
        "end_to_end_stages": path,
        "end_to_end_seconds": round(seconds, 2),
        "rows": rows,
        "rows_per_second": rate,
        "budget_rows_per_second": IMPORT_BUDGET_ROWS_S,
        # Each step a person starts (check, then import) handles at least the budgeted rows per second.
        "within_budget": len(path) == 3
        and all(stages[name]["rows_per_second"] >= IMPORT_BUDGET_ROWS_S for name in path),
    }


# --- The load run ------------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def load_scenario(users_per_role: dict[str, int], seed: int) -> list[dict]:
    """Virtual users: generated accounts with what each will look at."""
    from django.urls import NoReverseMatch, reverse

    from accounts.models import Membership, Role
    from plans.models import Plan, Province
    from support import scale
    from support.models import Application

    rng = random.Random(seed)
    domain = "@" + scale.SCALE_EMAIL_DOMAIN
    subjects = scale.bench_subjects()
    users = []
    current = list(Province.objects.filter(valid_to__isnull=True).values_list("pk", flat=True))
    staff = list(
        Membership.objects.filter(role=Role.PROVINCE_STAFF, province_id__in=current, user__email__endswith=domain)
        .order_by("pk")
        .values_list("user__email", "province_id")
    )
    rng.shuffle(staff)
    queue = reverse("support:application_queue")
    for email, province_id in staff[: users_per_role["staff"]]:
        scope = [province_id, *Province.objects.filter(successor_id=province_id).values_list("pk", flat=True)]
        apps = list(
            Application.objects.filter(province_id__in=scope).order_by("?").values_list("pk", "enterprise_id")[:20]
        )
        plan = Plan.objects.filter(province_id=province_id).values_list("pk", flat=True).first()
        urls = [
            queue,
            f"{queue}?status=council_review&ordering=-submitted",
            f"{queue}?status=paid&ordering=amount",
            reverse("enterprises:enterprise_list"),
            reverse("support:budget_usage"),
            reverse("dashboard:province", args=[province_id]),
        ]
        urls += [reverse("support:application_detail", args=[a]) for a, _e in apps]
        urls += [reverse("enterprises:enterprise_detail", args=[e]) for _a, e in apps[:5]]
        if plan:
            urls += [reverse("plans:plan_detail", args=[plan]), reverse("dashboard:plan", args=[plan])]
        users.append({"role": "staff", "email": email, "urls": urls})
    members = list(
        Membership.objects.filter(
            role=Role.ENTERPRISE_MEMBER,
            user__email__endswith=domain,
            enterprise__support_applications__isnull=False,
        )
        .distinct()
        .order_by("pk")
        .values_list("user__email", "enterprise_id")[: users_per_role["enterprise"] * 20]
    )
    rng.shuffle(members)
    for email, enterprise_id in members[: users_per_role["enterprise"]]:
        apps = list(Application.objects.filter(enterprise_id=enterprise_id).values_list("pk", flat=True))
        urls = [
            reverse("support:my_applications"),
            reverse("enterprises:my_enterprise"),
            reverse("support:policy_list"),
        ]
        urls += [reverse("support:application_detail", args=[a]) for a in apps]
        users.append({"role": "enterprise", "email": email, "urls": urls})
    ministry = list(
        Membership.objects.filter(role=Role.MINISTRY, user__email__endswith=domain).values_list(
            "user__email", flat=True
        )
    )
    plans = list(Plan.objects.order_by("?").values_list("pk", flat=True)[:10])
    for n in range(users_per_role["ministry"]):
        urls = [
            queue,
            f"{queue}?status=paid&year={subjects.year}",
            reverse("enterprises:enterprise_list"),
            reverse("dashboard:index"),
            reverse("dashboard:province", args=[subjects.province]),
        ]
        urls += [reverse("dashboard:plan", args=[p]) for p in plans[:4]]
        for name in ("reporting:ministry_matrix",):
            with contextlib.suppress(NoReverseMatch):  # the page is not there in this version
                urls.append(reverse(name))
        users.append({"role": "ministry", "email": ministry[n % len(ministry)], "urls": urls})
    return users


def load_run(args) -> dict:
    import requests

    from support import scale

    port = free_port()
    env = django_environment(args.url)
    log_path = ROOT / "var" / "bench" / "gunicorn.log"
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "config.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(args.gunicorn_workers),
        "--threads",
        str(args.gunicorn_threads),
        "--timeout",
        "120",
        # Longer than any think time: an idle connection is not closed under a client about to reuse it.
        "--keep-alive",
        "30",
    ]
    say(f"Load run: gunicorn on 127.0.0.1:{port} ({args.gunicorn_workers} workers x {args.gunicorn_threads} threads)")
    with log_path.open("w") as log:
        server = subprocess.Popen(command, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(120):
            try:
                requests.get(base + "/tai-khoan/dang-nhap/", timeout=2)
                break
            except requests.RequestException:
                time.sleep(0.5)
        per_role = {"staff": args.load_staff, "enterprise": args.load_enterprises, "ministry": args.load_ministry}
        users = load_scenario(per_role, args.seed)
        say(f"  signing in {len(users)} users ...")
        sessions: list[tuple[dict, requests.Session]] = []
        login_errors = 0

        def sign_in(user):
            nonlocal login_errors
            session = requests.Session()
            try:
                page = session.get(base + "/tai-khoan/dang-nhap/", timeout=60)
                token = session.cookies.get("csrftoken") or re.search(
                    r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text
                ).group(1)
                response = session.post(
                    base + "/tai-khoan/dang-nhap/",
                    data={"username": user["email"], "password": scale.SCALE_PASSWORD, "csrfmiddlewaretoken": token},
                    timeout=60,
                    allow_redirects=False,
                )
                if response.status_code != 302:
                    raise RuntimeError(f"sign-in answered {response.status_code}")
                sessions.append((user, session))
            except Exception as exc:  # counted and reported
                login_errors += 1
                say(f"  sign-in failed for {user['email']}: {exc}")

        threads = [threading.Thread(target=sign_in, args=(u,)) for u in users]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        say(f"  {len(sessions)} users signed in; running for {args.load_seconds} s ...")
        results: list[tuple[str, float, int]] = []
        errors: list[str] = []
        lock = threading.Lock()
        deadline = time.monotonic() + args.load_seconds

        def work(user, session, seed):
            rng = random.Random(seed)
            while time.monotonic() < deadline:
                url = rng.choice(user["urls"])
                started = time.perf_counter()
                try:
                    response = session.get(base + url, timeout=60)
                    elapsed = (time.perf_counter() - started) * 1000
                    with lock:
                        results.append((user["role"], elapsed, response.status_code, url))
                        if response.status_code >= 400:
                            errors.append(f"{response.status_code} {url}")
                except requests.RequestException as exc:
                    with lock:
                        errors.append(f"{type(exc).__name__} {url}")
                time.sleep(rng.uniform(0, 2 * args.think))

        started = time.monotonic()
        workers = [threading.Thread(target=work, args=(u, s, n)) for n, (u, s) in enumerate(sessions)]
        for t in workers:
            t.start()
        for t in workers:
            t.join()
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    latencies = [ms for _role, ms, _status, _url in results]
    by_role = {}
    for role in ("staff", "enterprise", "ministry"):
        values = [ms for r, ms, _s, _u in results if r == role]
        if values:
            by_role[role] = {
                "requests": len(values),
                "p50_ms": round(statistics.median(values), 1),
                "p95_ms": round(percentile(values, 95), 1),
            }
    by_page: dict[str, list[float]] = {}
    for _role, ms, _status, url in results:
        by_page.setdefault(re.sub(r"\d+", "N", url), []).append(ms)
    pages = sorted(
        (
            {
                "url": url,
                "requests": len(v),
                "p50_ms": round(statistics.median(v), 1),
                "p95_ms": round(percentile(v, 95), 1),
            }
            for url, v in by_page.items()
        ),
        key=lambda row: -row["p95_ms"],
    )
    summary = {
        "users": len(users),
        "signed_in": len(sessions),
        "seconds": round(elapsed, 1),
        "requests": len(results),
        "throughput_rps": round(len(results) / elapsed, 1) if elapsed else 0,
        "p50_ms": round(statistics.median(latencies), 1) if latencies else None,
        "p95_ms": round(percentile(latencies, 95), 1) if latencies else None,
        "max_ms": round(max(latencies), 1) if latencies else None,
        "errors": len(errors) + login_errors,
        "error_samples": errors[:10],
        "by_role": by_role,
        "by_page": pages,
        "think_time_s": args.think,
        "gunicorn": {"workers": args.gunicorn_workers, "threads": args.gunicorn_threads},
    }
    summary["within_budget"] = summary["errors"] == 0 and summary["requests"] > 0
    say(
        f"  {summary['requests']} requests in {summary['seconds']} s: {summary['throughput_rps']} req/s, "
        f"p50 {summary['p50_ms']} ms, p95 {summary['p95_ms']} ms, {summary['errors']} errors"
    )
    return summary


# --- Main -------------------------------------------------------------------------------------------------------


def markdown(path: Path) -> str:
    """The figures of a results file as the Markdown tables of docs/performance.md."""
    results = json.loads(path.read_text())
    out = ["| page or API call | who | p50 ms | p95 ms | queries | budget ms | |", "|---|---|--:|--:|--:|--:|---|"]
    rows = [results["floor"], *results.get("pages", [])] if "floor" in results else results.get("pages", [])
    for row in rows:
        verdict = {True: "ok", False: "**missed**", None: ""}[row.get("within_budget")]
        if row.get("status") not in (200, None):
            verdict += f" (HTTP {row['status']})"
        budget = "—" if row.get("budget_ms") is None else row["budget_ms"]
        out.append(
            f"| {row['name']} | {row.get('role', '')} | {row['p50_ms']} | {row['p95_ms']} | {row['queries']} "
            f"| {budget} | {verdict} |"
        )
    for report in results.get("reports", []):
        if "seconds" in report:
            provinces = f", {report['provinces']} provinces" if report.get("provinces") else ""
            stages = report["stages"]
            out.append(
                f"\n{report['name']}{provinces}: **{report['seconds']} s** (figures {stages['snapshot_s']} s, "
                f"PDF {stages['pdf_s']} s, XLSX {stages['xlsx_s']} s), peak memory "
                f"{report['max_rss_mb']} MB, budget {report['budget_s']} s"
                + (f" and {report['memory_budget_mb']} MB" if "memory_budget_mb" in report else "")
            )
    imported = results.get("import") or {}
    if "rows_per_second" in imported:
        out.append(
            f"\nImport of {imported['rows']:,} enterprises: {imported['rows_per_second']} rows/s from the file to the "
            f"database ({imported['end_to_end_seconds']} s)"
        )
    load = results.get("load")
    if load:
        out.append(
            f"\nLoad run: {load['users']} users for {load['seconds']} s, {load['requests']} requests, "
            f"{load['throughput_rps']} req/s, p50 {load['p50_ms']} ms, p95 {load['p95_ms']} ms, "
            f"{load['errors']} errors"
        )
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", dest="url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL))
    parser.add_argument("--enterprises", type=int, default=100_000)
    parser.add_argument("--applications", type=int, default=300_000)
    parser.add_argument("--seed", type=int, default=1322)
    parser.add_argument("--regenerate", action="store_true", help="generate the data again even if present")
    parser.add_argument("--repeat", type=int, default=30, help="requests measured per page")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--only", default="", help="measure only the pages whose name contains this text")
    parser.add_argument("--skip-pages", action="store_true")
    parser.add_argument("--skip-reports", action="store_true")
    parser.add_argument("--skip-import", action="store_true")
    parser.add_argument("--skip-load", action="store_true")
    parser.add_argument(
        "--explain", action="store_true", help="write EXPLAIN (ANALYZE, BUFFERS) of the slowest query of each page"
    )
    parser.add_argument("--load-seconds", type=int, default=120)
    parser.add_argument("--load-staff", type=int, default=20)
    parser.add_argument("--load-enterprises", type=int, default=30)
    parser.add_argument("--load-ministry", type=int, default=10)
    parser.add_argument("--think", type=float, default=4.0, help="mean think time between a user's requests (s)")
    parser.add_argument("--gunicorn-workers", type=int, default=4)
    parser.add_argument("--gunicorn-threads", type=int, default=2)
    parser.add_argument("--json", default=str(ROOT / "var" / "bench" / "results.json"))
    parser.add_argument("--markdown", metavar="RESULTS_JSON", help="print a results file as Markdown tables and stop")
    parser.add_argument("--stage", choices=sorted(STAGES), help=argparse.SUPPRESS)
    parser.add_argument("--stage-output", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.markdown:
        print(markdown(Path(args.markdown)))
        return 0
    if urlparse(args.url).scheme not in ("postgres", "postgresql", "pgsql"):
        say(f"The benchmarks run on PostgreSQL only (got {args.url!r}); SQLite is not what production runs on.")
        return 2
    (ROOT / "var" / "bench").mkdir(parents=True, exist_ok=True)

    if args.stage:
        setup_django(args.url)
        result = STAGES[args.stage](args)
        Path(args.stage_output).write_text(json.dumps(result, ensure_ascii=False, indent=2))
        return 0

    ensure_database(args.url)
    setup_django(args.url)
    started = time.perf_counter()
    mark = ensure_data(args)
    results: dict = {
        "generated_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "database": re.sub(r"//[^@/]*@", "//", args.url),
        "machine": machine(),
        "data": {"options": mark["options"], "counts": mark["counts"], "generation_seconds": mark["seconds"]},
        "settings": {"repeat": args.repeat, "warmup": args.warmup},
    }
    header = f"{'page':<58} {'p50 ms':>8} {'p95 ms':>8} {'queries':>7} {'budget':>7}"
    if not args.skip_pages:
        say("\n" + header)
        floor, pages, subjects = measure_pages(args)
        results.update(floor=floor, pages=pages, subjects=subjects)
        if args.explain:
            explain(pages, ROOT / "var" / "bench" / "explain.txt")
    if not args.skip_reports:
        results["reports"] = [run_stage("report", args), run_stage("compilation", args)]
    if not args.skip_import:
        results["import"] = run_import(args)
    if not args.skip_load:
        results["load"] = load_run(args)
    results["seconds"] = round(time.perf_counter() - started, 1)
    for row in results.get("pages", []):
        row.pop("slowest_query", None)
    Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=2))

    missed = [p["name"] for p in results.get("pages", []) if p["within_budget"] is False]
    missed += [r["name"] for r in results.get("reports", []) if not r.get("within_budget")]
    if results.get("import") and not results["import"]["within_budget"]:
        missed.append("import")
    if results.get("load") and not results["load"]["within_budget"]:
        missed.append("load run")
    say("\n" + header)
    if "floor" in results:
        say(_row(results["floor"]))
    for row in results.get("pages", []):
        say(_row(row))
    for report in results.get("reports", []):
        if "seconds" in report:
            say(f"{report['name']}: {report['seconds']} s, max RSS {report['max_rss_mb']} MB")
    if results.get("import") and "rows_per_second" in results["import"]:
        imported = results["import"]
        say(f"import: {imported['rows']:,} rows read, checked and imported at {imported['rows_per_second']} rows/s")
    if results.get("load"):
        load = results["load"]
        say(
            f"load run: {load['users']} users, {load['throughput_rps']} req/s, p95 {load['p95_ms']} ms, "
            f"{load['errors']} errors"
        )
    say(f"\nResults written to {args.json}")
    if missed:
        say("Budgets missed: " + "; ".join(missed))
        return 1
    say("Every budget met.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
