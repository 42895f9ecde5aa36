"""Indicator arithmetic against hand-built facts: every expected number below was counted by hand from the
rows each test creates."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from enterprises.models import Award
from plans.models import Activity, Indicator
from reporting.indicators import Scope, compute, indicator_values
from support.choices import Status
from tests.plans.factories import make_indicator, make_plan, province
from tests.reporting.factories import (
    award,
    enter,
    enterprise,
    indicator,
    make_activity,
    make_application_row,
    pay,
)

pytestmark = pytest.mark.django_db
MILLION = 1_000_000


def values(plan, code_or_indicator, years):
    ind = indicator(code_or_indicator) if isinstance(code_or_indicator, str) else code_or_indicator
    return indicator_values(plan, years=years, indicators=[ind])[ind.pk]


# --- Support ------------------------------------------------------------------------------------------------


def test_enterprises_supported_counts_distinct_enterprises_approved_or_later_in_the_budget_year():
    plan = make_plan(province=province("kon-tum"))
    a, b, c, e, f = (enterprise() for _ in range(5))
    make_application_row(enterprise=a, year=2023, status=Status.APPROVED)
    make_application_row(enterprise=a, year=2023, status=Status.PAID, final=40 * MILLION, paid=40 * MILLION)
    make_application_row(enterprise=b, year=2023, status=Status.CONTRACTED)
    make_application_row(enterprise=c, year=2023, status=Status.CANCELLED)
    make_application_row(enterprise=f, year=2023, status=Status.SUBMITTED)
    make_application_row(enterprise=enterprise("hoa-binh"), year=2023, status=Status.APPROVED)
    make_application_row(enterprise=e, year=2022, status=Status.ACCEPTED, final=30 * MILLION)

    series = values(plan, "enterprises_supported", [2022, 2023, 2024])

    # 2023: a (twice, counted once) and b; c was cancelled, f is not approved yet, the Hòa Bình one is elsewhere.
    assert series.by_year == {2022: Decimal(1), 2023: Decimal(2), 2024: Decimal(0)}


def test_the_parameter_narrows_to_support_categories_with_the_catalogues_short_names():
    plan = make_plan(province=province("kon-tum"))
    certified, barcoded, digital = enterprise(), enterprise(), enterprise()
    make_application_row(enterprise=certified, year=2023, category="system-certification")
    make_application_row(enterprise=barcoded, year=2023, category="barcodes")
    make_application_row(enterprise=digital, year=2023, category="digital-tools")

    # "certification,smart_production": product and system certification, and digital tools.
    assert values(plan, "enterprises_supported_certification", [2023]).by_year[2023] == 2
    assert values(plan, "enterprises_supported", [2023]).by_year[2023] == 3
    only_barcodes = make_indicator(source="computed", computation="enterprises_supported", parameter="barcodes")
    assert values(plan, only_barcodes, [2023]).by_year[2023] == 1


def test_growth_of_enterprises_supported_is_year_on_year_and_none_without_a_base():
    plan = make_plan(province=province("kon-tum"))
    for _ in range(2):
        make_application_row(enterprise=enterprise(), year=2022)
    for _ in range(3):
        make_application_row(enterprise=enterprise(), year=2023)

    series = values(plan, "enterprises_supported_growth", [2022, 2023, 2024])

    # 2022: no enterprise in 2021 → none; 2023: (3 − 2) / 2 = +50 %; 2024: (0 − 3) / 3 = −100 %.
    assert series.by_year == {2022: None, 2023: Decimal("50.00"), 2024: Decimal("-100.00")}


def test_over_a_span_an_enterprise_supported_in_two_years_counts_once():
    plan = make_plan(province=province("kon-tum"))
    twice, once = enterprise(), enterprise()
    make_application_row(enterprise=twice, year=2022)
    make_application_row(enterprise=twice, year=2023)
    make_application_row(enterprise=once, year=2023)

    ind = indicator("enterprises_supported")
    series = indicator_values(plan, years=[2022, 2023], indicators=[ind], spans=[(2021, 2025), (2023, 2023)])[ind.pk]

    assert sum(series.by_year.values()) == 3
    assert series.by_span == {(2021, 2025): Decimal(2), (2023, 2023): Decimal(2)}


def test_money_state_payments_by_payment_date_and_counterpart_of_paid_applications_by_budget_year():
    plan = make_plan(province=province("kon-tum"))
    paid = make_application_row(
        enterprise=enterprise(),
        year=2023,
        status=Status.PAID,
        final=25 * MILLION,
        paid=25 * MILLION,
        counterpart=30 * MILLION,
    )
    pay(paid, 10 * MILLION, dt.date(2023, 9, 1))
    pay(paid, 15 * MILLION, dt.date(2024, 1, 15))
    make_application_row(
        enterprise=enterprise(), year=2023, status=Status.ACCEPTED, final=20 * MILLION, counterpart=50 * MILLION
    )
    state = make_indicator(source="computed", computation="state_funds_disbursed", unit="đồng")
    counterpart = make_indicator(source="computed", computation="enterprise_funds", unit="đồng")

    assert values(plan, state, [2023, 2024]).by_year == {2023: 10 * MILLION, 2024: 15 * MILLION}
    # Only the paid application's counterpart counts: 30 million in 2023 (the accepted one is not paid yet).
    assert values(plan, counterpart, [2023, 2024]).by_year == {2023: 30 * MILLION, 2024: 0}
    assert values(plan, state, [2023]).is_money


# --- Activities ---------------------------------------------------------------------------------------------


def test_activity_indicators_add_up_by_kind_subtype_and_audience():
    plan = make_plan(province=province("kon-tum"))
    officials = Activity.Audience.OFFICIALS
    make_activity(
        plan=plan, start=dt.date(2023, 3, 1), participants=20, person_times=30, enterprises=12, audience=officials
    )
    make_activity(
        plan=plan,
        start=dt.date(2023, 6, 1),
        kind=Activity.Kind.EXPERT_TRAINING,
        participants=5,
        experts_trained=5,
        experts_certified=3,
        audience=officials,
    )
    make_activity(plan=plan, start=dt.date(2023, 7, 1), kind=Activity.Kind.CONFERENCE, participants=100)
    make_activity(
        plan=plan,
        start=dt.date(2023, 8, 1),
        kind=Activity.Kind.COMMUNICATION,
        communication_type="tv_report",
        quantity=3,
    )
    make_activity(
        plan=plan, start=dt.date(2023, 9, 1), kind=Activity.Kind.COMMUNICATION, communication_type="talk_show"
    )
    make_activity(
        plan=plan, start=dt.date(2022, 9, 1), kind=Activity.Kind.COMMUNICATION, communication_type="video", quantity=2
    )
    make_activity(
        plan=plan, start=dt.date(2022, 4, 1), participants=10, enterprises=8, audience=Activity.Audience.ENTERPRISES
    )
    elsewhere = make_plan(province=province("hoa-binh"))
    make_activity(plan=elsewhere, start=dt.date(2023, 3, 1), participants=50, enterprises=40, experts_certified=9)

    def year(code):
        return values(plan, code, [2022, 2023]).by_year

    assert year("person_times_trained") == {2022: 10, 2023: 35}  # 30 + 5; the conference is no training
    assert year("officials_trained") == {2022: 0, 2023: 25}  # 20 + 5 officials; 2022 trained enterprises
    assert year("enterprises_trained") == {2022: 8, 2023: 12}
    assert year("experts_certified") == {2022: 0, 2023: 3}
    assert year("tv_reports") == {2022: 0, 2023: 3}  # one record standing for 3 reports
    assert year("talk_shows") == {2022: 0, 2023: 1}
    assert year("videos") == {2022: 2, 2023: 0}
    assert year("training_courses") == {2022: 1, 2023: 1}
    assert year("conferences") == {2022: 0, 2023: 1}


def test_activity_costs_by_source():
    plan = make_plan(province=province("kon-tum"))
    make_activity(
        plan=plan,
        start=dt.date(2024, 3, 1),
        cost_state_central=5 * MILLION,
        cost_state_local=20 * MILLION,
        cost_enterprise=7 * MILLION,
    )
    make_activity(plan=plan, start=dt.date(2024, 5, 1), cost_state_local=3 * MILLION, cost_other=1 * MILLION)
    state = make_indicator(source="computed", computation="activity_costs", parameter="state_central,state_local")
    everything = make_indicator(source="computed", computation="activity_costs")

    assert values(plan, state, [2024]).by_year[2024] == 28 * MILLION
    assert values(plan, everything, [2024]).by_year[2024] == 36 * MILLION


# --- National Quality Award ------------------------------------------------------------------------------------


def test_award_indicators_count_enterprises_of_the_province_by_year():
    plan = make_plan(province=province("kon-tum"))
    award(enterprise(), 2023, Award.Result.AWARD)
    award(enterprise(), 2023, Award.Result.GOLD)
    award(enterprise(), 2023, Award.Result.ENTRANT)
    award(enterprise(), 2022, Award.Result.GOLD)
    award(enterprise("hoa-binh"), 2023, Award.Result.GOLD)

    assert values(plan, "nqa_entrants", [2022, 2023]).by_year == {2022: 1, 2023: 3}
    assert values(plan, "nqa_winners", [2022, 2023]).by_year == {2022: 1, 2023: 2}
    assert values(plan, "nqa_gold", [2022, 2023]).by_year == {2022: 1, 2023: 1}


# --- Manual indicators ----------------------------------------------------------------------------------------------


def test_manual_indicators_read_the_values_entered_for_the_plan_with_their_source():
    plan = make_plan(province=province("bac-lieu"), end_year=2030)
    other = make_plan(province=province("bac-lieu"), end_year=2030)
    enter(plan, "labour_productivity_growth", 2022, "7.4", source="Cục Thống kê tỉnh, Niên giám 2022")
    enter(other, "labour_productivity_growth", 2023, "9")

    series = values(plan, "labour_productivity_growth", [2022, 2023])

    assert series.by_year == {2022: Decimal("7.40"), 2023: None}
    assert series.sources == {2022: "Cục Thống kê tỉnh, Niên giám 2022"}
    assert not series.is_computed


def test_a_computed_indicator_with_an_unknown_key_has_no_value_rather_than_a_guess():
    plan = make_plan(province=province("kon-tum"))
    odd = make_indicator(source="computed", computation="no_such_count")
    assert values(plan, odd, [2023]).by_year == {2023: None}


# --- Across the 2025 merger -------------------------------------------------------------------------------------------


def test_a_successor_counts_its_predecessors_facts_from_1_july_2025_and_the_old_province_its_own():
    kon_tum_plan = make_plan(province=province("kon-tum"))
    successor_plan = make_plan(province=province("quang-ngai-2025"), start_year=2025, end_year=2030)
    # Activities: Kon Tum before and after the merger date, the successor's own, Hòa Bình's.
    make_activity(plan=kon_tum_plan, start=dt.date(2025, 6, 30), participants=10)
    make_activity(plan=kon_tum_plan, start=dt.date(2025, 7, 1), participants=20)
    make_activity(plan=successor_plan, start=dt.date(2025, 9, 1), participants=40)
    make_activity(plan=make_plan(province=province("hoa-binh")), start=dt.date(2025, 9, 1), participants=80)
    # Applications of 2025: Kon Tum decided in March and in September, one of the successor.
    kon_tum_firm = enterprise("kon-tum")
    make_application_row(enterprise=kon_tum_firm, year=2025, decided_on=dt.date(2025, 3, 10))
    make_application_row(enterprise=enterprise("kon-tum"), year=2025, decided_on=dt.date(2025, 9, 1))
    make_application_row(enterprise=enterprise("quang-ngai-2025"), year=2025, decided_on=dt.date(2025, 10, 1))
    # Awards: a Kon Tum enterprise in 2024 and in 2025.
    award(kon_tum_firm, 2024)
    award(enterprise("kon-tum"), 2025)

    assert values(successor_plan, "person_times_trained", [2025]).by_year[2025] == 60  # 20 + 40
    assert values(kon_tum_plan, "person_times_trained", [2025]).by_year[2025] == 30  # 10 + 20, its own
    assert values(successor_plan, "enterprises_supported", [2025]).by_year[2025] == 2  # September + own
    assert values(kon_tum_plan, "enterprises_supported", [2025]).by_year[2025] == 2  # March + September
    assert values(successor_plan, "nqa_winners", [2024, 2025]).by_year == {2024: 0, 2025: 1}
    assert values(kon_tum_plan, "nqa_winners", [2024, 2025]).by_year == {2024: 1, 2025: 1}


def test_a_province_without_predecessors_counts_only_its_own_facts():
    scope = Scope.for_province(province("hoa-binh"))
    assert scope.predecessor_ids == ()
    successor = Scope.for_province(province("quang-ngai-2025"))
    assert set(successor.predecessor_ids) == {province("kon-tum").pk, province("quang-ngai").pk}


# --- Queries ----------------------------------------------------------------------------------------------------


def test_the_number_of_queries_does_not_grow_with_the_facts():
    plan = make_plan(province=province("kon-tum"))
    indicators = [*Indicator.objects.filter(source="computed"), indicator("tfp_share")]
    years = list(plan.years)

    def run() -> int:
        with CaptureQueriesContext(connection) as ctx:
            compute(
                scope=Scope.for_plan(plan),
                plan_ids=[plan.pk],
                indicators=indicators,
                years=years,
                spans=[(2021, 2025)],
            )
        return len(ctx.captured_queries)

    few = run()
    for year in years:
        for _ in range(3):
            firm = enterprise()
            make_application_row(enterprise=firm, year=year, status=Status.PAID, final=MILLION, paid=MILLION)
            award(firm, year, Award.Result.GOLD)
            make_activity(plan=plan, start=dt.date(year, 5, 1), participants=3)
        enter(plan, "tfp_share", year, "30")
    many = run()

    assert few == many
    assert many <= 9
