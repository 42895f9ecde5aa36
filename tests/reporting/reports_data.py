"""Plans, people and reports for the report tests (used by tests/reporting/test_reports*.py, test_render*.py,
test_submission.py, test_ministry*.py and test_journey_reports.py)."""

from __future__ import annotations

from accounts.models import Role
from plans.models import Plan, Province
from plans.seeding import seed_plans_load
from reporting import services
from reporting.models import Report, ReportVersion
from tests.accounts.factories import make_user


def province(key: str) -> Province:
    return Province.objects.get(key=key)


def kon_tum_plan() -> Plan:
    """Kon Tum's plan 2021-2025 exactly as the seed documents give it (five targets, a task table)."""
    seed_plans_load()
    return Plan.objects.get(province__key="kon-tum")


def staff(province_key: str = "kon-tum", **extra):
    return make_user(role=Role.PROVINCE_STAFF, province=province(province_key), **extra)


def leader(province_key: str = "kon-tum", **extra):
    return make_user(role=Role.PROVINCE_LEADER, province=province(province_key), **extra)


def ministry(**extra):
    return make_user(role=Role.MINISTRY, **extra)


def annual_report(plan: Plan, *, by, year: int = 2023, **narrative) -> Report:
    report = services.report_create(by=by, plan=plan, kind=Report.Kind.ANNUAL, start_year=year)
    if narrative:
        report = services.report_update(report=report, by=by, data=narrative)
    return report


def generated(report: Report, *, by) -> ReportVersion:
    """Request a version and run the task's body at once (as the worker would)."""
    version = services.report_version_request(report=report, by=by)
    services.report_version_generate(version_id=version.pk)
    version.refresh_from_db()
    return version


def submitted(report: Report, *, by, leader_user=None) -> ReportVersion:
    version = generated(report, by=by)
    services.report_version_submit(version=version, by=leader_user or leader(report.province.key))
    version.refresh_from_db()
    return version
