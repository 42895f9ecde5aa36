"""The access module: scoping by role, province lineage across the 2025 merger, 404 vs 403."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from accounts import access
from accounts.models import Role
from plans.models import Plan, Province, Task, Unit
from tests.accounts.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def provinces():
    return {key: Province.objects.get(key=key) for key in ("kon-tum", "hoa-binh", "quang-ngai", "quang-ngai-2025")}


@pytest.fixture
def plans(provinces):
    return {
        key: Plan.objects.create(province=province, title=f"Kế hoạch {province.name}", start_year=2021, end_year=2025)
        for key, province in provinces.items()
    }


def test_province_staff_see_only_their_provinces_plans(plans, provinces):
    staff = make_user(role=Role.PROVINCE_STAFF, province=provinces["kon-tum"])
    visible = access.scope(staff, "plan.view", Plan.objects.all())
    assert list(visible) == [plans["kon-tum"]]


def test_staff_of_a_merged_province_inherit_its_predecessors_data(plans, provinces):
    staff = make_user(role=Role.PROVINCE_STAFF, province=provinces["quang-ngai-2025"])
    visible = set(access.scope(staff, "plan.view", Plan.objects.all()))
    assert visible == {plans["kon-tum"], plans["quang-ngai"], plans["quang-ngai-2025"]}
    assert plans["hoa-binh"] not in visible


def test_staff_of_an_old_province_do_not_see_the_successors_data(plans, provinces):
    staff = make_user(role=Role.PROVINCE_STAFF, province=provinces["kon-tum"])
    assert not access.can(staff, "plan.view", plans["quang-ngai-2025"])


def test_ministry_reads_every_plan_but_changes_none(plans):
    ministry = make_user(role=Role.MINISTRY)
    assert access.scope(ministry, "plan.view", Plan.objects.all()).count() == len(plans)
    assert not access.scope(ministry, "plan.change", Plan.objects.all()).exists()


def test_a_person_without_role_or_anonymous_reaches_nothing(plans):
    from django.contrib.auth.models import AnonymousUser

    nobody = make_user()
    for user in (nobody, AnonymousUser()):
        assert not access.scope(user, "plan.view", Plan.objects.all()).exists()
        assert not access.can(user, "plan.view", plans["kon-tum"])
        assert not access.can(user, "plan.view")


def test_administrator_passes_every_rule(plans):
    admin = make_user(role=Role.ADMINISTRATOR)
    assert access.scope(admin, "plan.change", Plan.objects.all()).count() == len(plans)
    assert access.can_in_province(admin, "plan.add", plans["hoa-binh"].province_id)


def test_unit_reporter_reaches_tasks_of_their_unit_only_and_without_duplicates(plans, provinces):
    radio = Unit.objects.create(province=provinces["kon-tum"], name="Đài Phát thanh và Truyền hình tỉnh Kon Tum")
    other = Unit.objects.create(province=provinces["kon-tum"], name="Sở Tài chính")
    plan = plans["kon-tum"]
    led = Task.objects.create(plan=plan, content="Tuyên truyền", lead_unit=radio, position=1)
    coordinated = Task.objects.create(plan=plan, content="Hội nghị", lead_unit=other, position=2)
    coordinated.coordinating_units.add(radio, other)
    unrelated = Task.objects.create(plan=plan, content="Đào tạo", lead_unit=other, position=3)
    reporter = make_user(role=Role.UNIT_REPORTER, unit=radio)

    reachable = list(access.scope(reporter, "task.report_progress", Task.objects.order_by("position")))

    assert reachable == [led, coordinated]
    assert unrelated not in reachable
    # Unit reporters read their province's plans.
    assert access.can(reporter, "plan.view", plan)
    assert not access.can(reporter, "plan.change", plan)


def test_get_object_or_404_hides_other_provinces_and_forbids_read_only_viewers(plans, provinces):
    staff = make_user(role=Role.PROVINCE_STAFF, province=provinces["hoa-binh"])
    ministry = make_user(role=Role.MINISTRY)
    with pytest.raises(Http404):
        access.get_object_or_404(staff, "plan.change", Plan.objects.all(), pk=plans["kon-tum"].pk)
    with pytest.raises(PermissionDenied):
        access.get_object_or_404(ministry, "plan.change", Plan.objects.all(), pk=plans["kon-tum"].pk)
    assert access.get_object_or_404(staff, "plan.change", Plan.objects.all(), pk=plans["hoa-binh"].pk)


def test_can_in_province_is_decided_from_memberships(provinces):
    leader = make_user(role=Role.PROVINCE_LEADER, province=provinces["kon-tum"])
    assert access.can_in_province(leader, "plan.add", provinces["kon-tum"].pk)
    assert not access.can_in_province(leader, "plan.add", provinces["hoa-binh"].pk)
    assert access.province_ids(leader, "plan.view") == frozenset({provinces["kon-tum"].pk})
    assert access.province_ids(make_user(role=Role.MINISTRY), "plan.view") is None


def test_inactive_memberships_grant_nothing(plans, provinces):
    staff = make_user(role=Role.PROVINCE_STAFF, province=provinces["kon-tum"])
    staff.memberships.update(is_active=False)
    access.forget(staff)
    assert not access.can(staff, "plan.view", plans["kon-tum"])


def test_principal_is_read_once_per_user(plans, provinces, django_assert_num_queries):
    staff = make_user(role=Role.PROVINCE_STAFF, province=provinces["kon-tum"])
    access.principal_for(staff)
    with django_assert_num_queries(0):
        access.principal_for(staff)
        access.can_in_province(staff, "plan.add", provinces["kon-tum"].pk)


def test_every_model_named_in_paths_exists_and_every_path_resolves():
    from django.apps import apps

    for label, reaches in access.PATHS.items():
        model = apps.get_model(label)
        for paths in reaches.values():
            for path in (paths,) if isinstance(paths, str) else paths:
                # Building the filter resolves every part of the path against the model.
                str(model._default_manager.filter(**{f"{path}__in": [0]}).query)


def test_a_model_without_paths_is_refused_not_opened():
    from django.contrib.auth.models import Group

    staff = make_user(role=Role.PROVINCE_STAFF, province=Province.objects.get(key="kon-tum"))
    with pytest.raises(LookupError):
        access.scope(staff, "plan.view", Group.objects.all())
