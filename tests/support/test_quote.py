"""The support arithmetic, checked by hand against the Kon Tum (plan 2021-2025, III.2) and Hậu Giang
(project 2016-2020, III.1.3) policies as the demo data loads them."""

from decimal import Decimal

import pytest
from django.utils import translation

from support.choices import CapPer, CostKind
from support.quote import CostLine, KindTerms, QuoteError, RuleTerms, quote_support
from tests.support.factories import MILLION, hau_giang_policy, kon_tum_policy

K = CostKind


@pytest.fixture
def kon_tum(db):
    return {rule.category.code: rule for rule in kon_tum_policy().rules.select_related("category")}


@pytest.fixture
def hau_giang(db):
    return {rule.category.code: rule for rule in hau_giang_policy().rules.select_related("category")}


def terms(rate="50", cap=None, cap_per=CapPer.APPLICATION, kinds=(K.CONSULTANCY,), **own_rates) -> RuleTerms:
    return RuleTerms(
        rate=Decimal(rate),
        cap=cap,
        cap_per=cap_per,
        kinds=tuple(KindTerms(kind=k, rate=Decimal(own_rates[k]) if k in own_rates else None) for k in kinds),
    )


# --- Kon Tum -------------------------------------------------------------------------------------------


def test_kon_tum_certification_cap_per_system_binds(kon_tum):
    # 50 % of 120,000,000 would be 60,000,000; the plan caps it at 45 million per system.
    quote = quote_support(
        rule=kon_tum["system-certification"],
        lines=[(K.CONSULTANCY, 80 * MILLION), (K.CERTIFICATION_AUDIT, 40 * MILLION)],
    )
    assert quote.eligible_cost == 120_000_000
    assert quote.uncapped_support == 60_000_000
    assert quote.cap_total == 45_000_000
    assert quote.cap_binds
    assert quote.support == 45_000_000
    assert quote.counterpart == 75_000_000


def test_kon_tum_certification_of_two_systems_doubles_the_cap(kon_tum):
    rule = kon_tum["system-certification"]
    within = quote_support(rule=rule, lines=[(K.CONSULTANCY, 120 * MILLION)], quantity=2)
    assert within.cap_total == 90_000_000
    assert (within.support, within.cap_binds) == (60_000_000, False)

    above = quote_support(rule=rule, lines=[(K.CONSULTANCY, 200 * MILLION)], quantity=2)
    assert (above.uncapped_support, above.support, above.cap_binds) == (100_000_000, 90_000_000, True)


def test_kon_tum_industrial_property_is_supported_in_full_below_the_cap(kon_tum):
    quote = quote_support(rule=kon_tum["industrial-property"], lines=[(K.REGISTRATION_FEES, 8_500_000)])
    assert quote.support == 8_500_000
    assert quote.cap_total == 10_000_000
    assert not quote.cap_binds


def test_kon_tum_barcodes_cap_per_product(kon_tum):
    # 100 % of 35 million for 3 products; the cap is 10 million per product: 30 million.
    quote = quote_support(rule=kon_tum["barcodes"], lines=[(K.REGISTRATION_FEES, 35 * MILLION)], quantity=3)
    assert (quote.cap_total, quote.support) == (30_000_000, 30_000_000)


def test_kon_tum_digital_tools_half_of_the_cost_when_the_cap_is_not_reached(kon_tum):
    quote = quote_support(rule=kon_tum["digital-tools"], lines=[(K.SOFTWARE, 50 * MILLION)])
    assert quote.support == 25_000_000
    assert quote.cap_total == 30_000_000
    assert not quote.cap_binds


def test_kon_tum_traceability_gap_organic_green_productivity_cap(kon_tum):
    quote = quote_support(rule=kon_tum["traceability-gap-organic-green"], lines=[(K.CONSULTANCY, 100 * MILLION)])
    assert (quote.uncapped_support, quote.support) == (50_000_000, 45_000_000)


# --- Hậu Giang --------------------------------------------------------------------------------------------


def test_hau_giang_supports_consultancy_and_the_first_audit_not_surveillance(hau_giang):
    quote = quote_support(
        rule=hau_giang["management-systems"],
        lines=[
            CostLine(K.CONSULTANCY, 100 * MILLION),
            CostLine(K.CERTIFICATION_AUDIT, 40 * MILLION),
            CostLine(K.SURVEILLANCE_AUDIT, 15 * MILLION),
        ],
    )
    # 30 % × (100,000,000 + 40,000,000) = 42,000,000; the surveillance audit is left out.
    assert quote.eligible_cost == 140_000_000
    assert quote.ineligible_cost == 15_000_000
    assert quote.support == 42_000_000
    assert quote.cap_total is None
    assert [line.eligible for line in quote.lines] == [True, True, False]


def test_hau_giang_product_certification_counts_testing_and_expert_allowance_only(hau_giang):
    quote = quote_support(
        rule=hau_giang["product-certification"],
        lines=[(K.TESTING, 10 * MILLION), (K.EXPERT_ALLOWANCE, 4 * MILLION), (K.CONSULTANCY, 20 * MILLION)],
    )
    assert quote.support == 4_200_000  # 30 % of 14 million


def test_hau_giang_quality_award_consultancy_and_fees(hau_giang):
    quote = quote_support(
        rule=hau_giang["national-quality-award"],
        lines=[(K.CONSULTANCY, 60 * MILLION), (K.REGISTRATION_FEES, 10 * MILLION)],
    )
    assert quote.support == 21_000_000


# --- Rounding, caps, quantities -------------------------------------------------------------------------


def test_the_rate_product_is_rounded_down_to_the_whole_dong():
    quote = quote_support(rule=terms("30"), lines=[(K.CONSULTANCY, 33_333_333)])
    assert quote.support == 9_999_999  # 9,999,999.9 rounded down


def test_each_kind_may_have_its_own_rate_and_each_rate_is_rounded_down():
    rule = terms("30", kinds=(K.CONSULTANCY, K.TESTING), testing="50")
    quote = quote_support(rule=rule, lines=[(K.CONSULTANCY, 10_000_001), (K.TESTING, 3)])
    # 30 % × 10,000,001 = 3,000,000.3 → 3,000,000; 50 % × 3 = 1.5 → 1.
    assert quote.support == 3_000_001
    assert [line.rate for line in quote.lines] == [Decimal("30"), Decimal("50")]


def test_a_cap_per_application_ignores_the_quantity():
    quote = quote_support(rule=terms("100", cap=10 * MILLION), lines=[(K.CONSULTANCY, 50 * MILLION)], quantity=3)
    assert (quote.cap_total, quote.support) == (10_000_000, 10_000_000)


def test_a_cap_per_enterprise_counts_what_the_enterprise_already_received():
    rule = terms("100", cap=10 * MILLION, cap_per=CapPer.ENTERPRISE)
    quote = quote_support(rule=rule, lines=[(K.CONSULTANCY, 10 * MILLION)], already_supported=7 * MILLION)
    assert (quote.cap_total, quote.support) == (3_000_000, 3_000_000)
    exhausted = quote_support(rule=rule, lines=[(K.CONSULTANCY, 10 * MILLION)], already_supported=12 * MILLION)
    assert exhausted.support == 0


def test_a_cap_equal_to_the_support_does_not_bind():
    quote = quote_support(
        rule=terms("50", cap=45 * MILLION, cap_per=CapPer.SYSTEM), lines=[(K.CONSULTANCY, 90 * MILLION)]
    )
    assert (quote.support, quote.cap_binds) == (45_000_000, False)


def test_no_costs_or_zero_costs_give_no_support():
    assert quote_support(rule=terms(), lines=[]).support == 0
    zero = quote_support(rule=terms(cap=5), lines=[(K.CONSULTANCY, 0)])
    assert (zero.support, zero.eligible_cost, zero.cap_binds) == (0, 0, False)


def test_a_kind_the_rule_does_not_list_is_not_counted():
    quote = quote_support(rule=terms(), lines=[(K.EQUIPMENT, 10 * MILLION)])
    assert (quote.eligible_cost, quote.ineligible_cost, quote.support) == (0, 10_000_000, 0)


@pytest.mark.parametrize(
    ("lines", "quantity", "message"),
    [
        ([(K.CONSULTANCY, -1)], 1, "cannot be negative"),
        ([(K.CONSULTANCY, 1.5)], 1, "whole number of đồng"),
        ([(K.CONSULTANCY, Decimal("10"))], 1, "whole number of đồng"),
        ([(K.CONSULTANCY, True)], 1, "whole number of đồng"),
        ([("bribes", 10)], 1, "Unknown kind of cost"),
        ([(K.CONSULTANCY,)], 1, "needs a kind and an amount"),
        ([(K.CONSULTANCY, 10)], 0, "quantity"),
        ([(K.CONSULTANCY, 10)], 1.0, "quantity"),
    ],
)
def test_invalid_input_is_refused_with_a_message(lines, quantity, message):
    with translation.override("en"), pytest.raises(QuoteError, match=message):
        quote_support(rule=terms(), lines=lines, quantity=quantity)


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        (terms("120"), "between 0 and 100"),
        (RuleTerms(rate=0.5, cap=None, cap_per=CapPer.APPLICATION, kinds=()), "decimal percentage"),
        (terms(cap=-5), "cannot be negative"),
        (terms(cap_per="per moon"), "Unknown cap basis"),
    ],
)
def test_invalid_rules_are_refused(rule, message):
    with translation.override("en"), pytest.raises(QuoteError, match=message):
        quote_support(rule=rule, lines=[(K.CONSULTANCY, 10)])


# --- The explanation --------------------------------------------------------------------------------------


def test_the_explanation_says_which_lines_counted_the_rate_and_that_the_cap_bound(kon_tum, hau_giang):
    with translation.override("en"):
        capped = quote_support(rule=kon_tum["system-certification"], lines=[(K.CONSULTANCY, 120 * MILLION)])
        excluded = quote_support(
            rule=hau_giang["management-systems"],
            lines=[(K.CONSULTANCY, 10 * MILLION), (K.SURVEILLANCE_AUDIT, 5 * MILLION)],
        )
    text = "\n".join(capped.explanation)
    assert "counted at 50 %" in text
    assert "the cap applies, the support is 45,000,000 đ instead of 60,000,000 đ" in text
    surveillance = excluded.lines[1]
    assert not surveillance.eligible
    assert "excluded by the policy" in surveillance.reason
    assert "Không bao gồm chi phí đánh giá giám sát" in surveillance.reason  # the policy's own note
    assert "No cap is set" in "\n".join(excluded.explanation)


def test_the_explanation_is_in_vietnamese_with_vietnamese_number_format(kon_tum):
    with translation.override("vi"):
        quote = quote_support(rule=kon_tum["system-certification"], lines=[(K.CONSULTANCY, 120 * MILLION)])
    text = "\n".join(quote.explanation)
    assert "45.000.000 đ" in text
    assert "mức tối đa được áp dụng" in text
