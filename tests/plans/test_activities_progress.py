"""Progress of tasks ("Báo cáo tiến độ"): a unit reporter reports only on the tasks their unit leads or
coordinates, and only for their unit; the province's staff on every task of the province; bad input changes
nothing; one report per task, year and unit."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _

from accounts.models import AuditEntry, Role
from plans.models import TaskProgress
from plans.services_activities import task_progress_save
from tests.accounts.factories import make_user

from . import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    kon_tum = f.province("kon-tum")
    plan = f.make_plan(province=kon_tum, number="187/KH-UBND")
    department = f.make_unit(province=kon_tum, name="Sở Khoa học và Công nghệ")
    industry = f.make_unit(province=kon_tum, name="Sở Công Thương")
    district = f.make_unit(province=kon_tum, name="UBND huyện Đắk Hà")
    group = f.make_task(plan=plan, number="I", content="Nhóm truyền thông", is_group=True, position=0)
    led = f.make_task(
        plan=plan, parent=group, lead_unit=industry, content="Hỗ trợ doanh nghiệp công nghiệp", position=1
    )
    coordinated = f.make_task(
        plan=plan,
        parent=group,
        lead_unit=department,
        coordinating=[industry],
        content="Tổ chức hội nghị năng suất",
        position=2,
    )
    other = f.make_task(plan=plan, parent=group, lead_unit=district, content="Tuyên truyền ở huyện", position=3)
    reporter = make_user(role=Role.UNIT_REPORTER, unit=industry)
    staff = make_user(role=Role.PROVINCE_STAFF, province=kon_tum)
    return {
        "plan": plan,
        "department": department,
        "industry": industry,
        "district": district,
        "led": led,
        "coordinated": coordinated,
        "other": other,
        "reporter": reporter,
        "staff": staff,
    }


def report_url(task, year=2023) -> str:
    return reverse("plans:progress_report", args=[task.pk, year])


def data(**overrides) -> dict[str, str]:
    values = {
        "unit": "",
        "status": "in_progress",
        "percent_complete": "60",
        "results": "Đã tổ chức 02 lớp tập huấn cho 45 doanh nghiệp.",
        "difficulties": "",
    }
    values.update(overrides)
    return values


def html(response) -> str:
    return response.content.decode()


def test_a_unit_reporter_sees_only_the_tasks_of_their_unit(client, world):
    client.force_login(world["reporter"])
    page = html(client.get(reverse("plans:progress_list"), {"year": 2023}))
    assert "Hỗ trợ doanh nghiệp công nghiệp" in page  # led by their unit
    assert "Tổ chức hội nghị năng suất" in page  # coordinated by their unit
    assert "Tuyên truyền ở huyện" not in page
    assert "Nhóm truyền thông" not in page  # group rows are not reported on


def test_a_unit_reporter_gets_404_on_another_units_task(client, world):
    client.force_login(world["reporter"])
    assert client.get(report_url(world["other"])).status_code == 404
    assert client.post(report_url(world["other"]), data(unit=str(world["district"].pk))).status_code == 404
    assert not TaskProgress.objects.exists()


def test_a_unit_reporter_reports_for_their_unit_with_an_audit_row(client, world):
    client.force_login(world["reporter"])
    response = client.post(report_url(world["led"]), data(unit=str(world["industry"].pk)))

    assert response.status_code == 302
    progress = TaskProgress.objects.get()
    assert (progress.task, progress.year, progress.unit, progress.percent_complete) == (
        world["led"],
        2023,
        world["industry"],
        60,
    )
    assert progress.reported_by == world["reporter"]
    assert AuditEntry.objects.filter(object_id=str(progress.pk), action=AuditEntry.Action.CREATE).exists()


def test_a_unit_reporter_cannot_report_for_another_unit_or_for_the_department(client, world):
    client.force_login(world["reporter"])
    url = report_url(world["coordinated"])
    for unit in (str(world["department"].pk), ""):
        response = client.post(url, data(unit=unit))
        assert response.status_code == 200
        assert response.context["form"].errors
    assert not TaskProgress.objects.exists()


def test_staff_report_for_the_department_on_any_task_of_the_province(client, world):
    client.force_login(world["staff"])
    client.post(report_url(world["other"]), data())
    progress = TaskProgress.objects.get()
    assert progress.unit is None and progress.task == world["other"]


def test_reporting_again_corrects_the_same_report(client, world):
    client.force_login(world["staff"])
    client.post(report_url(world["other"]), data())
    client.post(report_url(world["other"]), data(status="done", percent_complete="100"))

    progress = TaskProgress.objects.get()
    assert (progress.status, progress.percent_complete) == ("done", 100)
    update = AuditEntry.objects.get(object_id=str(progress.pk), action=AuditEntry.Action.UPDATE)
    assert update.changes["percent_complete"] == [60, 100]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"status": "done", "percent_complete": "50"}, "A task that is done is 100 percent complete."),
        ({"status": "not_started", "percent_complete": "10"}, "A task that has not started is 0 percent complete."),
        ({"percent_complete": "120"}, None),
        ({"status": "finished"}, None),
    ],
)
def test_bad_progress_input_shows_the_error_and_saves_nothing(client, world, overrides, message):
    client.force_login(world["staff"])
    response = client.post(report_url(world["led"]), data(**overrides))
    assert response.status_code == 200
    assert response.context["form"].errors
    if message:
        assert escape(_(message)) in html(response)
    assert not TaskProgress.objects.exists()


def test_a_year_outside_the_plan_is_refused(client, world):
    client.force_login(world["staff"])
    assert client.post(report_url(world["led"], year=2030), data()).status_code == 403
    assert not TaskProgress.objects.exists()


def test_the_service_refuses_a_person_who_may_not_report(world):
    outsider = make_user(role=Role.PROVINCE_STAFF, province=f.province("hoa-binh"))
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        task_progress_save(task=world["led"], by=outsider, year=2023, unit=None, data={"status": "in_progress"})
    assert not TaskProgress.objects.exists()


def test_the_menu_leads_unit_reporters_to_their_progress_page(client, world):
    client.force_login(world["reporter"])
    page = html(client.get(reverse("plans:progress_list")))
    assert reverse("plans:progress_list") in page
    assert escape(_("Progress reports")) in page


def test_an_enterprise_member_has_no_progress_page(client, world):
    client.force_login(make_user())
    assert client.get(reverse("plans:progress_list")).status_code == 403


def test_the_progress_list_takes_a_constant_number_of_queries(client, world, settings):
    settings.PAGE_SIZE = 50
    client.force_login(world["staff"])
    url = reverse("plans:progress_list")

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url, {"year": 2023}).status_code == 200
        return len(ctx.captured_queries)

    few = queries()
    for n in range(8):
        task = f.make_task(
            plan=world["plan"], lead_unit=world["industry"], coordinating=[world["district"]], position=10 + n
        )
        TaskProgress.objects.create(task=task, year=2023, unit=world["industry"], percent_complete=30)
        TaskProgress.objects.create(task=task, year=2023, unit=None, percent_complete=40)
    assert queries() == few
