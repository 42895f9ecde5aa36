"""The dashboards and their charts: well-formed SVG with one bar per value, pages behind plan.view, and query
counts that do not grow with the data."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _

from accounts.models import Role
from enterprises.models import Award
from plans.models import Activity, Target
from reporting.charts import bar_chart, line_chart, nice_ceiling
from reporting.progress import Status
from tests.accounts.factories import make_user
from tests.plans.factories import make_plan, make_target, province
from tests.reporting.factories import award, enter, enterprise, indicator, make_activity, make_application_row

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def by_class(root: ET.Element, tag: str, cls: str) -> list[ET.Element]:
    return [e for e in root.iter(f"{SVG}{tag}") if cls in (e.get("class") or "").split()]


# --- Charts ---------------------------------------------------------------------------------------------------


def test_a_bar_chart_is_well_formed_svg_with_one_bar_per_value():
    svg = bar_chart(
        [("2021", 3), ("2022", Decimal("5.5")), ("2023", None), ("2024", 0), ("2025", 12)],
        title="Doanh nghiệp <được> hỗ trợ & đào tạo",
        target=Decimal(10),
        target_label="≥ 10",
    )
    root = parse(svg)
    assert root.tag == f"{SVG}svg"
    assert len(by_class(root, "rect", "bar")) == 4  # 2023 has no value: no bar
    assert len(by_class(root, "line", "target")) == 1
    assert root.find(f"{SVG}title").text == "Doanh nghiệp <được> hỗ trợ & đào tạo"
    labels = [t.text for t in by_class(root, "text", "label")]
    assert labels == ["2021", "2022", "2023", "2024", "2025"]


def test_bar_heights_follow_the_values():
    root = parse(bar_chart([("a", 2), ("b", 4)], height=220))
    small, large = (float(r.get("height")) for r in by_class(root, "rect", "bar"))
    assert large == pytest.approx(2 * small)


def test_a_line_chart_breaks_where_a_value_is_missing():
    root = parse(line_chart([("2021", Decimal("7.5")), ("2022", 7), ("2023", None), ("2024", 8), ("2025", 9)]))
    assert len(by_class(root, "circle", "point")) == 4
    assert len(by_class(root, "polyline", "line")) == 2  # 2021-2022 and 2024-2025


def test_negative_values_and_empty_charts_are_still_well_formed():
    parse(line_chart([("2022", Decimal("-100")), ("2023", Decimal("50"))]))
    root = parse(bar_chart([]))
    assert by_class(root, "rect", "bar") == []


def test_the_scale_ends_on_a_round_step_and_counts_get_whole_ticks():
    assert [nice_ceiling(v) for v in (0, 0.7, 3, 7, 12, 30, 260)] == [1, 0.8, 3, 8, 15, 30, 300]
    assert [nice_ceiling(v, integers=True) for v in (0.7, 3, 5)] == [1, 3, 6]
    root = parse(bar_chart([("2021", 0), ("2022", 1), ("2023", 0)]))
    ticks = [t.text for t in by_class(root, "text", "tick")]
    assert ticks == ["0", "1"]  # never 0,25 of an enterprise


def test_a_long_title_wraps_onto_two_lines_and_is_shortened_after():
    title = "Số doanh nghiệp được hướng dẫn, hỗ trợ áp dụng giải pháp nâng cao năng suất, chất lượng " * 3
    root = parse(bar_chart([("2021", 1)], title=title))
    lines = by_class(root, "text", "chart-title")
    assert len(lines) == 2
    assert lines[1].text.endswith("…")
    assert root.find(f"{SVG}title").text == title  # the full title stays for screen readers


# --- Pages ---------------------------------------------------------------------------------------------------


@pytest.fixture
def plan(db):
    plan = make_plan(province=province("kon-tum"), number="187/KH-UBND")
    make_target(plan=plan, indicator=indicator("experts_certified"), value_min=10)
    make_target(plan=plan, indicator=indicator("enterprises_supported"), value_min=2, period=Target.Period.YEAR)
    make_target(
        plan=plan,
        indicator=indicator("tfp_share"),
        value_min=30,
        measure=Target.Measure.SHARE,
        comparator=Target.Comparator.APPROXIMATELY,
    )
    make_target(plan=plan, indicator=indicator("nqa_winners"), value_min=1, period=Target.Period.YEAR)
    return plan


def add_facts(plan, n: int) -> None:
    for year in (2021, 2022, 2023):
        for _i in range(n):
            firm = enterprise()
            make_application_row(enterprise=firm, year=year)
            award(firm, year, Award.Result.GOLD)
            make_activity(plan=plan, start=dt.date(year, 5, 1), kind=Activity.Kind.EXPERT_TRAINING, experts_certified=1)
        if not plan.indicator_values.filter(year=year).exists():
            enter(plan, "tfp_share", year, "29")


@pytest.mark.django_db
def test_the_plan_dashboard_shows_every_target_with_its_status_and_charts(client, plan):
    add_facts(plan, 1)
    client.force_login(make_user(role=Role.PROVINCE_STAFF, province=plan.province))
    response = client.get(reverse("dashboard:plan", args=[plan.pk]), {"nam": 2023})

    assert response.status_code == 200
    page = response.content.decode()
    progress = response.context["progress"]
    assert progress.as_of == dt.date(2023, 12, 31)
    statuses = {tp.indicator.code: tp.status for tp in progress.targets}
    # 3 experts after 3 of 5 years: 6 were due → behind; 1 enterprise a year against ≥ 2 → behind;
    # TFP 29 ≈ 30 → achieved; one gold winner a year against ≥ 1 → achieved so far (2024-2025 to come).
    assert statuses == {
        "experts_certified": Status.BEHIND,
        "enterprises_supported": Status.BEHIND,
        "tfp_share": Status.ACHIEVED,
        "nqa_winners": Status.ON_TRACK,
    }
    assert escape(Status.ACHIEVED.label) in page
    # experts, enterprises supported, NQA winners, TFP (entered values)
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" class="chart"') == 4
    for chart in response.context["charts"]:
        parse(str(chart.svg))


@pytest.mark.django_db
def test_the_plan_dashboard_is_404_for_another_province_and_readable_by_the_ministry(client, plan):
    url = reverse("dashboard:plan", args=[plan.pk])
    client.force_login(make_user(role=Role.PROVINCE_STAFF, province=province("hoa-binh")))
    assert client.get(url).status_code == 404
    client.force_login(make_user(role=Role.MINISTRY))
    assert client.get(url).status_code == 200
    client.force_login(make_user(role=Role.ENTERPRISE_MEMBER, enterprise=enterprise()))
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_the_plan_dashboard_takes_a_constant_number_of_queries(client, plan):
    client.force_login(make_user(role=Role.PROVINCE_STAFF, province=plan.province))
    url = reverse("dashboard:plan", args=[plan.pk])

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url, {"nam": 2023}).status_code == 200
        return len(ctx.captured_queries)

    add_facts(plan, 1)
    few = queries()
    add_facts(plan, 4)
    assert queries() == few


@pytest.mark.django_db
def test_the_province_dashboard_lists_its_plans_and_yearly_figures(client, plan):
    add_facts(plan, 2)
    client.force_login(make_user(role=Role.PROVINCE_STAFF, province=plan.province))
    response = client.get(reverse("dashboard:province", args=[plan.province_id]))
    assert response.status_code == 200
    years = response.context["years"]
    rows = {ind.code: dict(zip(years, values, strict=True)) for ind, values in response.context["rows"]}
    assert rows["enterprises_supported"][2022] == 2
    assert rows["nqa_winners"][2023] == 2
    assert rows["experts_certified"][2021] == 2
    assert "187/KH-UBND" in response.content.decode()
    parse(str(response.context["chart"]))


@pytest.mark.django_db
def test_the_province_dashboard_takes_a_constant_number_of_queries(client, plan):
    make_plan(province=plan.province, start_year=2016, end_year=2020)
    client.force_login(make_user(role=Role.PROVINCE_STAFF, province=plan.province))
    url = reverse("dashboard:province", args=[plan.province_id])

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    add_facts(plan, 1)
    few = queries()
    add_facts(plan, 3)
    make_plan(province=plan.province, start_year=2026, end_year=2030)
    assert queries() == few


@pytest.mark.django_db
def test_the_index_goes_straight_to_the_only_province_and_lists_several_for_the_ministry(client, plan):
    client.force_login(make_user(role=Role.PROVINCE_STAFF, province=plan.province))
    response = client.get(reverse("dashboard:index"))
    assert response.status_code == 302
    assert response.url == reverse("dashboard:province", args=[plan.province_id])

    make_plan(province=province("hoa-binh"))
    client.force_login(make_user(role=Role.MINISTRY))
    response = client.get(reverse("dashboard:index"))
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == 2


@pytest.mark.django_db
def test_the_menu_offers_target_progress_to_whoever_reads_plans(client, plan):
    client.force_login(make_user(role=Role.PROVINCE_STAFF, province=plan.province))
    page = client.get(reverse("dashboard:plan", args=[plan.pk])).content.decode()
    assert f'href="{reverse("dashboard:index")}"' in page
    assert escape(_("Target progress")) in page
    client.force_login(make_user(role=Role.ENTERPRISE_MEMBER, enterprise=enterprise()))
    assert client.get(reverse("dashboard:index")).status_code == 403
