"""Activities and entered indicator values as a person records them: forms that save with an audit row, or
show the translated error and change nothing; who may see and change them; lists whose queries do not grow."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _

from accounts.models import AuditEntry, Role
from plans.models import Activity, Indicator, IndicatorValue
from tests.accounts.factories import make_user

from . import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def kon_tum():
    return f.province("kon-tum")


@pytest.fixture
def plan(kon_tum):
    return f.make_plan(province=kon_tum, start_year=2021, end_year=2025, number="12/KH-UBND")


@pytest.fixture
def staff(kon_tum):
    return make_user(role=Role.PROVINCE_STAFF, province=kon_tum)


@pytest.fixture
def client_(client, staff):
    client.force_login(staff)
    return client


def html(response) -> str:
    return response.content.decode()


def activity_data(**overrides) -> dict[str, str]:
    data = {
        "kind": "training_course",
        "communication_type": "",
        "audience": "officials",
        "title": "Tập huấn công cụ cải tiến năng suất",
        "start_date": "15/03/2023",
        "end_date": "16/03/2023",
        "location": "TP. Kon Tum",
        "participants": "40",
        "person_times": "",
        "experts_trained": "",
        "experts_certified": "",
        "enterprises": "12",
        "quantity": "1",
        "cost_state_central": "",
        "cost_state_local": "25.000.000",
        "cost_enterprise": "",
        "cost_other": "",
        "notes": "",
    }
    data.update(overrides)
    return data


def make_activity(plan, **extra) -> Activity:
    extra.setdefault("title", "Hội nghị phổ biến Chương trình")
    extra.setdefault("kind", Activity.Kind.CONFERENCE)
    extra.setdefault("start_date", dt.date(2023, 5, 10))
    return Activity.objects.create(plan=plan, **extra)


# --- Recording activities ---------------------------------------------------------------------------------------


def test_staff_record_an_activity_with_an_audit_row(client_, plan, staff):
    response = client_.post(reverse("plans:activity_create", args=[plan.pk]), activity_data())

    assert response.status_code == 302
    activity = Activity.objects.get(plan=plan)
    assert activity.start_date == dt.date(2023, 3, 15)
    assert activity.person_times == 40  # left empty: one time per participant
    assert activity.cost_state_local == 25_000_000
    assert activity.recorded_by == staff
    entry = AuditEntry.objects.get(object_id=str(activity.pk), action=AuditEntry.Action.CREATE)
    assert entry.actor == staff and entry.province_id == plan.province_id


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"end_date": "14/03/2023"}, "end_date", "The activity cannot end before it starts."),
        (
            {"start_date": "15/03/2027", "end_date": ""},
            "start_date",
            "Must lie inside the plan period %(first)s-%(last)s.",
        ),
        ({"kind": "communication"}, "communication_type", "Say what kind of communication product this is."),
        ({"communication_type": "video"}, "communication_type", "Only communication products have a type of product."),
        ({"person_times": "10"}, "person_times", "Person-times cannot be fewer than the participants."),
        ({"participants": "-1"}, "participants", None),
        ({"quantity": "0"}, "quantity", None),
        ({"cost_state_local": "-5"}, "cost_state_local", "The amount cannot be negative."),
        ({"start_date": "2023/15/03"}, "start_date", "Enter the date as dd/mm/yyyy, e.g. 03/12/2021."),
        ({"title": ""}, "title", None),
    ],
)
def test_bad_activity_input_shows_the_error_and_saves_nothing(client_, plan, overrides, field, message):
    response = client_.post(reverse("plans:activity_create", args=[plan.pk]), activity_data(**overrides))

    assert response.status_code == 200
    assert response.context["form"].errors.get(field), response.context["form"].errors
    if message:
        assert escape(_(message) % {"first": 2021, "last": 2025} if "%(" in message else _(message)) in html(response)
    assert not Activity.objects.exists()
    assert not AuditEntry.objects.filter(content_type__model="activity").exists()


def test_a_task_of_another_plan_is_refused(client_, plan, kon_tum):
    other_task = f.make_task(plan=f.make_plan(province=kon_tum), lead_unit=f.make_unit(province=kon_tum))
    response = client_.post(reverse("plans:activity_create", args=[plan.pk]), activity_data(task=str(other_task.pk)))
    assert response.context["form"].errors.get("task")
    assert not Activity.objects.exists()


def test_editing_with_bad_input_changes_nothing(client_, plan):
    activity = make_activity(plan, participants=30, person_times=30)
    url = reverse("plans:activity_update", args=[plan.pk, activity.pk])

    response = client_.post(url, activity_data(kind="conference", participants="50", person_times="20"))

    assert response.status_code == 200
    activity.refresh_from_db()
    assert (activity.participants, activity.title) == (30, "Hội nghị phổ biến Chương trình")
    assert not AuditEntry.objects.filter(object_id=str(activity.pk)).exists()


def test_editing_saves_the_change_with_its_diff(client_, plan):
    activity = make_activity(plan, participants=30, person_times=30)
    url = reverse("plans:activity_update", args=[plan.pk, activity.pk])

    client_.post(url, activity_data(kind="conference", participants="50", title="Hội nghị tổng kết"))

    activity.refresh_from_db()
    assert (activity.participants, activity.person_times, activity.title) == (50, 50, "Hội nghị tổng kết")
    entry = AuditEntry.objects.get(object_id=str(activity.pk), action=AuditEntry.Action.UPDATE)
    assert entry.changes["participants"] == [30, 50]


def test_deleting_an_activity_asks_then_deletes_with_an_audit_row(client_, plan):
    activity = make_activity(plan)
    url = reverse("plans:activity_delete", args=[plan.pk, activity.pk])
    assert client_.get(url).status_code == 200
    assert Activity.objects.filter(pk=activity.pk).exists()

    client_.post(url)

    assert not Activity.objects.filter(pk=activity.pk).exists()
    assert AuditEntry.objects.filter(object_id=str(activity.pk), action=AuditEntry.Action.DELETE).exists()


# --- Who may see and change them -------------------------------------------------------------------------------


def test_staff_of_another_province_get_404_on_activities(client, plan):
    client.force_login(make_user(role=Role.PROVINCE_STAFF, province=f.province("hoa-binh")))
    activity = make_activity(plan)
    assert client.get(reverse("plans:activity_list", args=[plan.pk])).status_code == 404
    assert client.post(reverse("plans:activity_create", args=[plan.pk]), activity_data()).status_code == 404
    assert client.post(reverse("plans:activity_delete", args=[plan.pk, activity.pk])).status_code == 404
    assert Activity.objects.count() == 1


def test_a_unit_reporter_sees_activities_but_may_not_record_them(client, plan, kon_tum):
    client.force_login(make_user(role=Role.UNIT_REPORTER, unit=f.make_unit(province=kon_tum)))
    make_activity(plan)
    assert client.get(reverse("plans:activity_list", args=[plan.pk])).status_code == 200
    assert client.post(reverse("plans:activity_create", args=[plan.pk]), activity_data()).status_code == 403
    assert Activity.objects.count() == 1


def test_the_ministry_reads_activities_without_edit_links(client, plan):
    client.force_login(make_user(role=Role.MINISTRY))
    activity = make_activity(plan)
    page = html(client.get(reverse("plans:activity_list", args=[plan.pk])))
    assert activity.title in page
    assert reverse("plans:activity_update", args=[plan.pk, activity.pk]) not in page


def test_an_activity_of_another_plan_is_404_through_this_plan(client_, plan, kon_tum):
    other = make_activity(f.make_plan(province=kon_tum))
    assert client_.get(reverse("plans:activity_update", args=[plan.pk, other.pk])).status_code == 404


# --- The list ------------------------------------------------------------------------------------------------


def test_the_list_filters_by_kind_and_year_and_has_an_empty_state(client_, plan):
    url = reverse("plans:activity_list", args=[plan.pk])
    assert escape(_("No activity has been recorded for this plan yet.")) in html(client_.get(url))
    make_activity(plan, title="Hội nghị 2023")
    make_activity(plan, title="Tập huấn 2022", kind=Activity.Kind.TRAINING_COURSE, start_date=dt.date(2022, 4, 1))

    page = html(client_.get(url, {"kind": "training_course"}))
    assert "Tập huấn 2022" in page and "Hội nghị 2023" not in page
    page = html(client_.get(url, {"year": "2023"}))
    assert "Hội nghị 2023" in page and "Tập huấn 2022" not in page
    assert escape(_("No activity matches these filters.")) in html(client_.get(url, {"year": "2021"}))


def test_the_list_is_paginated_with_a_constant_number_of_queries(client_, plan, settings, kon_tum):
    settings.PAGE_SIZE = 5
    task = f.make_task(plan=plan, lead_unit=f.make_unit(province=kon_tum))
    url = reverse("plans:activity_list", args=[plan.pk])

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client_.get(url).status_code == 200
        return len(ctx.captured_queries)

    for _i in range(2):
        make_activity(plan, task=task)
    few = queries()
    for _i in range(12):
        make_activity(plan, task=task)
    assert queries() == few
    page = client_.get(url, {"page": 3}).context["page"]
    assert len(page.object_list) == 4  # 14 activities, 5 a page


# --- Entered indicator values -------------------------------------------------------------------------------------


@pytest.fixture
def lp_plan(kon_tum, plan):
    f.make_target(
        plan=plan,
        indicator=Indicator.objects.get(code="labour_productivity_growth"),
        value_min=7,
        measure="growth_rate",
        comparator="more_than",
        period="year",
    )
    return plan


def value_data(**overrides):
    data = {
        "indicator": str(Indicator.objects.get(code="labour_productivity_growth").pk),
        "year": "2023",
        "value": "7,4",
        "source": "Cục Thống kê tỉnh Kon Tum, Niên giám thống kê 2023",
        "note": "",
    }
    data.update(overrides)
    return data


def test_staff_enter_a_value_with_its_source(client_, lp_plan, staff):
    response = client_.post(reverse("plans:indicator_value_create", args=[lp_plan.pk]), value_data())

    assert response.status_code == 302
    item = IndicatorValue.objects.get(plan=lp_plan)
    assert (item.year, item.value, item.entered_by) == (2023, Decimal("7.40"), staff)
    assert AuditEntry.objects.filter(object_id=str(item.pk), action=AuditEntry.Action.CREATE).exists()
    page = html(client_.get(reverse("plans:indicator_value_list", args=[lp_plan.pk])))
    assert "7,4" in page and "Niên giám thống kê 2023" in page


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"source": "  "}, "source", None),
        ({"year": "2030"}, "year", None),
        ({"value": "abc"}, "value", None),
        ({"indicator": "computed"}, "indicator", None),
    ],
)
def test_bad_value_input_shows_the_error_and_saves_nothing(client_, lp_plan, overrides, field, message):
    if overrides.get("indicator") == "computed":
        overrides = {"indicator": str(Indicator.objects.get(code="enterprises_supported").pk)}
    response = client_.post(reverse("plans:indicator_value_create", args=[lp_plan.pk]), value_data(**overrides))

    assert response.status_code == 200
    assert response.context["form"].errors.get(field), response.context["form"].errors
    assert not IndicatorValue.objects.exists()


def test_a_second_value_for_the_same_year_is_refused(client_, lp_plan):
    client_.post(reverse("plans:indicator_value_create", args=[lp_plan.pk]), value_data())
    response = client_.post(reverse("plans:indicator_value_create", args=[lp_plan.pk]), value_data(value="9"))
    assert escape(_("A value for this indicator and year is already entered.")) in html(response)
    assert IndicatorValue.objects.get().value == Decimal("7.40")


def test_a_share_above_100_is_refused_but_a_negative_growth_rate_is_not(client_, lp_plan):
    plan = lp_plan
    f.make_target(plan=plan, indicator=Indicator.objects.get(code="tfp_share"), value_min=30, measure="share")
    tfp = Indicator.objects.get(code="tfp_share")
    response = client_.post(
        reverse("plans:indicator_value_create", args=[plan.pk]), value_data(indicator=str(tfp.pk), value="130")
    )
    assert escape(_("A percentage lies between 0 and 100.")) in html(response)
    assert not IndicatorValue.objects.exists()
    growth = Indicator.objects.get(code="labour_productivity_growth")
    url = reverse("plans:indicator_value_create", args=[plan.pk])
    client_.post(url, value_data(indicator=str(growth.pk), value="-2,5"))
    assert IndicatorValue.objects.get().value == Decimal("-2.50")


def test_changing_a_value_keeps_its_indicator_and_records_the_diff(client_, lp_plan):
    item = IndicatorValue.objects.create(
        plan=lp_plan,
        indicator=Indicator.objects.get(code="labour_productivity_growth"),
        year=2022,
        value=Decimal("6.1"),
        source="Ước tính",
    )
    url = reverse("plans:indicator_value_update", args=[lp_plan.pk, item.pk])
    client_.post(url, value_data(year="2022", value="6,3", source="Niên giám 2022", indicator=""))
    item.refresh_from_db()
    assert (item.value, item.source) == (Decimal("6.30"), "Niên giám 2022")
    entry = AuditEntry.objects.get(object_id=str(item.pk), action=AuditEntry.Action.UPDATE)
    assert entry.changes["source"] == ["Ước tính", "Niên giám 2022"]

    bad = client_.post(url, value_data(year="2022", value="6,9", source=""))
    assert bad.status_code == 200
    item.refresh_from_db()
    assert item.value == Decimal("6.30")


def test_values_are_the_provinces_own(client, lp_plan):
    item = IndicatorValue.objects.create(
        plan=lp_plan, indicator=Indicator.objects.get(code="labour_productivity_growth"), year=2022, value=1, source="x"
    )
    client.force_login(make_user(role=Role.PROVINCE_STAFF, province=f.province("hoa-binh")))
    assert client.get(reverse("plans:indicator_value_list", args=[lp_plan.pk])).status_code == 404
    assert client.post(reverse("plans:indicator_value_delete", args=[lp_plan.pk, item.pk])).status_code == 404
    assert IndicatorValue.objects.filter(pk=item.pk).exists()
