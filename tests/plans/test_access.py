"""Every role against every plan page and action, in its own province and in another: the status code, and
that a refused POST changed nothing while an allowed one did."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.urls import reverse

from accounts.models import AuditEntry, Role
from plans.models import Plan, Task, Unit
from tests.accounts.factories import make_user
from tests.enterprises.factories import make_enterprise

from . import factories as f

pytestmark = pytest.mark.django_db

ROLES = [
    "province_staff",
    "province_leader",
    "council_member",
    "unit_reporter",
    "enterprise_member",
    "ministry",
    "administrator",
    "anonymous",
]
EDITORS = {"province_staff", "province_leader"}
PROVINCE_READERS = {"province_staff", "province_leader", "unit_reporter"}


@dataclass
class World:
    plan: Plan
    unit: Unit
    task: Task


def world(province) -> World:
    plan = f.make_plan(province=province, title="Tên gốc")
    unit = f.make_unit(province=province, name="Sở Khoa học và Công nghệ", short_name="Sở KH&CN")
    task = f.make_task(plan=plan, lead_unit=unit, content="Nhiệm vụ gốc")
    return World(plan, unit, task)


def make_role_user(role: str, home, home_unit):
    if role == "anonymous":
        return None
    if role == "enterprise_member":  # a member of an enterprise of the same province
        return make_user(role=role, enterprise=make_enterprise(province_key=home.key))
    if role in {"ministry", "administrator"}:
        return make_user(role=role)
    if role == "unit_reporter":
        return make_user(role=role, unit=home_unit)
    return make_user(role=role, province=home)


# action -> (GET url, POST data or None, check that the POST changed what it should)
def _plan_data(w: World):
    return {
        "programme": "1322",
        "kind": "plan",
        "title": "Tên mới",
        "start_year": 2021,
        "end_year": 2025,
        "status": "in_force",
    }


def _task_data(w: World):
    return {"number": "9", "content": "Nhiệm vụ thêm", "lead_unit": w.unit.pk, "timeframe": "2022"}


def _paste_data(w: World):
    return {"text": "STT\tNội dung\tĐơn vị chủ trì\n9\tNhiệm vụ dán\tSở KH&CN\n", "save": "1"}


def _unit_data(w: World):
    return {"name": "Sở Khoa học và Công nghệ", "short_name": "SKHCN", "kind": "department"}


ACTIONS = {
    "view_list": (lambda w: reverse("plans:plan_list"), None),
    "view_plan": (lambda w: w.plan.get_absolute_url(), None),
    "edit_plan": (lambda w: reverse("plans:plan_update", args=[w.plan.pk]), _plan_data),
    "add_task": (lambda w: reverse("plans:task_create", args=[w.plan.pk]), _task_data),
    "paste": (lambda w: reverse("plans:task_paste", args=[w.plan.pk]), _paste_data),
    "edit_unit": (lambda w: reverse("plans:unit_update", args=[w.unit.pk]), _unit_data),
    "delete": (lambda w: reverse("plans:task_delete", args=[w.plan.pk, w.task.pk]), lambda w: {}),
}


def state(w: World) -> tuple:
    """What the POSTs would change: the plan's title, its tasks, the unit's short name, the audit rows."""
    w.plan.refresh_from_db()
    w.unit.refresh_from_db()
    return (
        w.plan.title,
        tuple(w.plan.tasks.order_by("pk").values_list("pk", "content")),
        w.unit.short_name,
        AuditEntry.objects.count(),
    )


def expected_status(role: str, action: str, where: str) -> int:
    if role == "anonymous":
        return 302  # to the sign-in page
    if role == "administrator":
        return 200
    if action == "view_list":
        return 200 if role in PROVINCE_READERS | {"ministry"} else 403
    visible = role == "ministry" or (role in PROVINCE_READERS and where == "own")
    if not visible:
        return 404  # nobody learns that another province's plan or unit exists
    if action == "view_plan":
        return 200
    return 200 if role in EDITORS else 403


CASES = [
    (role, action, where)
    for role in ROLES
    for action in ACTIONS
    for where in (("own",) if action == "view_list" else ("own", "other"))
]


@pytest.mark.parametrize(("role", "action", "where"), CASES)
def test_every_role_against_every_plan_page(client, role, action, where):
    home = f.province("kon-tum")
    own = world(home)
    other = world(f.province("hoa-binh"))
    user = make_role_user(role, home, own.unit)
    if user is not None:
        client.force_login(user)
    target = own if where == "own" else other
    url_of, data_of = ACTIONS[action]
    url = url_of(target)
    expected = expected_status(role, action, where)

    response = client.get(url)
    assert response.status_code == expected, (role, action, where, "GET")
    if expected == 302:
        assert response.url.startswith(reverse("accounts:login"))

    if data_of is None:
        return
    before = state(target)
    response = client.post(url, data_of(target))
    if expected == 200:
        assert response.status_code == 302, (role, action, where, "POST")
        assert state(target) != before  # an allowed POST did change something
    else:
        assert response.status_code == expected, (role, action, where, "POST")
        assert state(target) == before  # a refused POST changed nothing


@pytest.mark.parametrize("role", ["ministry", "unit_reporter", "council_member"])
def test_people_who_may_not_add_plans_or_units_are_refused(client, role):
    home = f.province("kon-tum")
    unit = f.make_unit(province=home)
    client.force_login(make_role_user(role, home, unit))
    for name in ("plans:plan_create", "plans:unit_create", "plans:legal_document_create"):
        assert client.get(reverse(name)).status_code == 403
        assert client.post(reverse(name), {"name": "X", "number": "1/QĐ"}).status_code == 403
    assert not Plan.objects.exists() and Unit.objects.count() == 1 and not AuditEntry.objects.exists()


def test_staff_of_another_province_gets_404_on_every_plan_part(client):
    home, away = f.province("kon-tum"), f.province("hoa-binh")
    plan = f.make_full_plan(province=away)
    client.force_login(make_user(role=Role.PROVINCE_STAFF, province=home))
    line = plan.budget_lines.filter(parent__isnull=False).first()
    parts = {
        "phase": plan.phases.first(),
        "objective": plan.objectives.first(),
        "target": plan.targets.first(),
        "task": plan.tasks.first(),
        "budgetline": line,
        "budgetamount": line.amounts.first(),
        "reportingduty": plan.reporting_duties.first(),
    }
    for kind, child in parts.items():
        assert client.get(reverse(f"plans:{kind}_create", args=[plan.pk])).status_code == 404
        for action in ("update", "delete"):
            assert client.get(reverse(f"plans:{kind}_{action}", args=[plan.pk, child.pk])).status_code == 404
        assert client.post(reverse(f"plans:{kind}_delete", args=[plan.pk, child.pk])).status_code == 404
        assert type(child).objects.filter(pk=child.pk).exists()


def test_a_part_of_another_plan_is_not_reached_through_an_own_plan(client):
    home = f.province("kon-tum")
    mine = f.make_plan(province=home)
    theirs = f.make_plan(province=f.province("hoa-binh"))
    task = f.make_task(plan=theirs)
    client.force_login(make_user(role=Role.PROVINCE_STAFF, province=home))
    assert client.post(reverse("plans:task_delete", args=[mine.pk, task.pk])).status_code == 404
    assert Task.objects.filter(pk=task.pk).exists()


def test_staff_of_a_merged_province_edit_the_plans_of_its_predecessors(client):
    plan = f.make_plan(province=f.province("kon-tum"))
    client.force_login(make_user(role=Role.PROVINCE_LEADER, province=f.province("quang-ngai-2025")))
    assert client.get(reverse("plans:plan_update", args=[plan.pk])).status_code == 200
