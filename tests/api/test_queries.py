"""Lists keep a fixed number of queries whatever the number of rows: the same count for 3 rows and for 30."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.audit import audit_record
from accounts.models import AuditEntry
from enterprises.models import Certificate
from plans.models import Activity, TaskProgress
from reporting.models import Report
from support.choices import CostKind
from support.models import Application, ApplicationEvent, ApplicationMessage, Attachment, CostItem
from tests.enterprises.factories import make_enterprise
from tests.plans import factories as pf
from tests.support import factories as sf

from .world import World

pytestmark = pytest.mark.django_db
_n = itertools.count(1)


def _plans(w: World, n: int) -> str:
    for _ in range(n):
        pf.cite(pf.make_plan(province=w.plan.province), pf.make_legal_document())
    return "/api/v1/plans/"


def _units(w: World, n: int) -> str:
    for _ in range(n):
        pf.make_unit(province=w.plan.province, aliases="Tên khác\nTên cũ")
    return "/api/v1/units/"


def _tasks(w: World, n: int) -> str:
    for _ in range(n):
        pf.make_task(plan=w.plan, lead_unit=w.unit, coordinating=[w.unit])
    return f"/api/v1/plans/{w.plan.pk}/tasks/"


def _budget_lines(w: World, n: int) -> str:
    for i in range(n):
        line = pf.make_budget_line(plan=w.plan, estimate=10_000_000, support_rate=30, position=i + 1)
        pf.make_budget_amount(line=line, year=2022, amount=3_000_000)
    return f"/api/v1/plans/{w.plan.pk}/budget-lines/"


def _activities(w: World, n: int) -> str:
    for i in range(n):
        Activity.objects.create(
            plan=w.plan, task=w.task, kind="conference", title=f"Hội nghị {i}", start_date=dt.date(2022, 1, 1 + i % 28)
        )
    return f"/api/v1/plans/{w.plan.pk}/activities/"


def _progress(w: World, n: int) -> str:
    for _ in range(n):
        task = pf.make_task(plan=w.plan, lead_unit=w.unit)
        TaskProgress.objects.create(task=task, year=2023, unit=w.unit, percent_complete=10)
    return "/api/v1/task-progress/"


def _enterprises(w: World, n: int) -> str:
    for _ in range(n):
        make_enterprise()
    return "/api/v1/enterprises/"


def _certificates(w: World, n: int) -> str:
    for _ in range(n):
        Certificate.objects.create(
            enterprise=w.enterprise,
            standard="iso_22000",
            number=f"C-{next(_n)}",
            certification_body="QUACERT",
            issued_on=dt.date(2023, 1, 1),
        )
    return f"/api/v1/enterprises/{w.enterprise.pk}/certificates/"


def _policies(w: World, n: int) -> str:
    for _ in range(n):
        sf.make_rule(policy=sf.make_policy())
    return "/api/v1/policies/"


def _allocations(w: World, n: int) -> str:
    for _ in range(n):
        sf.make_allocation(rule=sf.make_rule(policy=sf.make_policy()))
    return "/api/v1/allocations/"


def _councils(w: World, n: int) -> str:
    for _ in range(n):
        sf.make_council(province_obj=w.plan.province, seats=2)
    return "/api/v1/councils/"


def _applications(w: World, n: int) -> str:
    for i in range(n):
        Application.objects.create(
            enterprise=w.enterprise, rule=w.rule, province=w.rule.policy.province, budget_year=2025, title=f"Hồ sơ {i}"
        )
    return "/api/v1/applications/"


def _cost_items(w: World, n: int) -> str:
    for _ in range(n):
        CostItem.objects.create(application=w.draft, kind=CostKind.TRAINING, estimated_amount=1_000_000)
    return f"/api/v1/applications/{w.draft.pk}/cost-items/"


def _documents(w: World, n: int) -> str:
    for i in range(n):
        Attachment.objects.create(
            application=w.reviewing,
            kind="other",
            file=f"applications/{w.reviewing.pk}/x{i}.pdf",
            original_name=f"x{i}.pdf",
            size=10,
            content_type="application/pdf",
            sha256="0" * 64,
            uploaded_by=w.users["member"],
        )
    return f"/api/v1/applications/{w.reviewing.pk}/documents/"


def _events(w: World, n: int) -> str:
    for _ in range(n):
        ApplicationEvent.objects.create(
            application=w.reviewing,
            transition="submit",
            from_status="draft",
            to_status="submitted",
            actor=w.users["member"],
        )
    return f"/api/v1/applications/{w.reviewing.pk}/events/"


def _messages(w: World, n: int) -> str:
    for i in range(n):
        ApplicationMessage.objects.create(
            application=w.reviewing, author=w.users["staff"], from_enterprise=False, body=f"Tin nhắn {i}"
        )
    return f"/api/v1/applications/{w.reviewing.pk}/messages/"


def _audit(w: World, n: int) -> str:
    for _ in range(n):
        audit_record(
            actor=w.users["staff"],
            action=AuditEntry.Action.UPDATE,
            instance=w.plan,
            province_id=w.plan.province_id,
        )
    return "/api/v1/audit/"


def _reports(w: World, n: int) -> str:
    for i in range(n):
        Report.objects.create(
            province=w.plan.province,
            plan=w.plan,
            kind=Report.Kind.AD_HOC,
            start_year=2022,
            end_year=2022,
            title=f"Báo cáo {i}",
            parent_agency="UBND TỈNH KON TUM",
            agency="SỞ KHOA HỌC VÀ CÔNG NGHỆ",
            place="Kon Tum",
            created_at=timezone.now(),
        )
    return "/api/v1/reports/"


LISTS: dict[str, Callable[[World, int], str]] = {
    "plans": _plans,
    "units": _units,
    "tasks": _tasks,
    "budget-lines": _budget_lines,
    "activities": _activities,
    "task-progress": _progress,
    "enterprises": _enterprises,
    "certificates": _certificates,
    "policies": _policies,
    "allocations": _allocations,
    "councils": _councils,
    "applications": _applications,
    "cost-items": _cost_items,
    "documents": _documents,
    "events": _events,
    "messages": _messages,
    "audit": _audit,
    "reports": _reports,
}


def _count(client, url: str) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, {"page_size": 100})
    assert response.status_code == 200, response.data
    return len(queries), len(response.json()["results"])


@pytest.mark.parametrize("name", list(LISTS))
def test_a_list_costs_the_same_queries_for_3_rows_and_for_30(api, world, name):
    client = api("staff")
    url = LISTS[name](world, 3)
    few, rows_few = _count(client, url)
    LISTS[name](world, 27)
    many, rows_many = _count(client, url)
    assert rows_many == rows_few + 27
    assert many == few, f"{name}: {few} queries for {rows_few} rows, {many} for {rows_many}"
