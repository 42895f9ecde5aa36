"""A plan's standing follows its period and the portal's today, on the list, the page and in the filter."""

from __future__ import annotations

import pytest
from django.urls import reverse

from accounts.models import Role
from plans.models import Plan
from plans.seeding import seed_plans_load
from plans.standing import plan_standing, with_standing
from tests.accounts.factories import make_user

from . import factories as f

pytestmark = pytest.mark.django_db
S = Plan.Standing


def standings() -> dict[str, str]:
    return {p.province.key: p.standing for p in with_standing(Plan.objects.select_related("province"))}


def test_in_december_2026_the_plans_of_2021_2025_have_ended(as_of):
    seed_plans_load()
    as_of("2026-12-15")
    assert standings() == {
        "hoa-binh": S.ENDED,  # 2021-2025
        "kon-tum": S.ENDED,  # 2021-2025
        "bac-lieu": S.IN_FORCE,  # 2021-2030
        "hai-duong": S.IN_FORCE,  # 2021-2030
        "hau-giang": S.ENDED,  # 2016-2020
    }
    as_of("2024-06-30")
    assert standings()["hoa-binh"] == S.IN_FORCE and standings()["kon-tum"] == S.IN_FORCE


def test_a_later_plan_of_the_province_covering_the_year_supersedes_and_a_draft_stays_a_draft(as_of):
    kon_tum = f.province("kon-tum")
    long = f.make_plan(province=kon_tum, start_year=2021, end_year=2030, number="1/KH")
    later = f.make_plan(province=kon_tum, start_year=2026, end_year=2030, number="2/KH")
    future = f.make_plan(province=kon_tum, start_year=2031, end_year=2035, number="3/KH")
    draft = f.make_plan(province=kon_tum, start_year=2026, end_year=2030, number="4/KH", status=Plan.Status.DRAFT)
    as_of("2025-05-01")
    assert [plan_standing(p) for p in (long, later, future, draft)] == [S.IN_FORCE, S.UPCOMING, S.UPCOMING, S.DRAFT]
    as_of("2027-05-01")
    expected = [S.SUPERSEDED, S.IN_FORCE, S.UPCOMING, S.DRAFT]
    assert [plan_standing(p) for p in (long, later, future, draft)] == expected
    # The database annotation gives the same answer as the function.
    annotated = {p.pk: p.standing for p in with_standing(Plan.objects.all())}
    assert [annotated[p.pk] for p in (long, later, future, draft)] == expected
    # A plan of another province supersedes nothing.
    f.make_plan(province=f.province("hoa-binh"), start_year=2027, end_year=2030)
    assert plan_standing(long) == S.SUPERSEDED and plan_standing(later) == S.IN_FORCE


def test_the_list_and_the_page_show_the_standing_in_vietnamese_and_the_filter_uses_it(client, as_of):
    seed_plans_load()
    as_of("2026-12-15")
    hoa_binh = Plan.objects.get(province__key="hoa-binh")
    client.force_login(make_user(role=Role.PROVINCE_STAFF, province=hoa_binh.province))
    page = client.get(reverse("plans:plan_list")).content.decode()
    assert "Đã hết hiệu lực" in page and "Đang có hiệu lực" not in page
    assert "Đã hết hiệu lực" in client.get(hoa_binh.get_absolute_url()).content.decode()
    assert hoa_binh.title not in client.get(reverse("plans:plan_list"), {"status": "in_force"}).content.decode()
    assert hoa_binh.title in client.get(reverse("plans:plan_list"), {"status": "ended"}).content.decode()
    as_of("2023-01-10")
    assert "Đang có hiệu lực" in client.get(hoa_binh.get_absolute_url()).content.decode()
