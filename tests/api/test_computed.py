"""The computed endpoints against the seed documents: the quote of Kon Tum's and Hậu Giang's policies, the
budget summary of Hậu Giang's project, and a plan's progress. Expected numbers are the documents' own."""

from __future__ import annotations

import pytest

from plans.models import Plan
from plans.seeding import seed_plans_load
from support import demo
from support.choices import CostKind

pytestmark = pytest.mark.django_db

M = 1_000_000


def _quote(client, rule, lines, quantity=1):
    return client.post(
        f"/api/v1/policies/{rule.policy_id}/rules/{rule.pk}/quote/",
        {"lines": [{"kind": kind, "amount": amount} for kind, amount in lines], "quantity": quantity},
        format="json",
    )


def test_kon_tum_certification_is_capped_at_45_million_per_system(api):
    rule = demo.kon_tum_policy().rules.get(category__code="system-certification")
    response = _quote(api("member"), rule, [(CostKind.CONSULTANCY, 80 * M), (CostKind.CERTIFICATION_AUDIT, 40 * M)])
    assert response.status_code == 200
    quote = response.json()
    # 50 % of 120,000,000 is 60,000,000; "tối đa không quá 45 triệu đồng/hệ thống" binds.
    assert (quote["eligible_cost"], quote["uncapped_support"], quote["support"]) == (120 * M, 60 * M, 45 * M)
    assert (quote["cap"], quote["cap_per"], quote["cap_total"], quote["cap_binds"]) == (45 * M, "system", 45 * M, True)
    assert quote["counterpart"] == 75 * M
    assert quote["rate"] == "50.00"
    assert len(quote["explanation"]) == 4  # two lines, the rate, the cap


def test_kon_tum_cap_counts_per_system(api):
    rule = demo.kon_tum_policy().rules.get(category__code="system-certification")
    response = _quote(api("staff"), rule, [(CostKind.CONSULTANCY, 200 * M)], quantity=2)
    assert (response.json()["cap_total"], response.json()["support"]) == (90 * M, 90 * M)


def test_hau_giang_excludes_the_surveillance_audit(api):
    rule = demo.hau_giang_policy().rules.get(category__code="management-systems")
    response = _quote(
        api("ministry"),
        rule,
        [
            (CostKind.CONSULTANCY, 100 * M),
            (CostKind.CERTIFICATION_AUDIT, 40 * M),
            (CostKind.SURVEILLANCE_AUDIT, 15 * M),
        ],
    )
    assert response.status_code == 200
    quote = response.json()
    # 30 % of consultancy 100,000,000 + first audit 40,000,000; the surveillance audit is not supported.
    assert (quote["eligible_cost"], quote["ineligible_cost"], quote["support"]) == (140 * M, 15 * M, 42 * M)
    assert quote["cap"] is None and quote["cap_binds"] is False
    assert [line["eligible"] for line in quote["lines"]] == [True, True, False]
    assert "Không bao gồm chi phí đánh giá giám sát" in quote["lines"][2]["reason"]


def test_a_quote_with_no_lines_of_a_known_kind_is_refused(api):
    rule = demo.hau_giang_policy().rules.get(category__code="management-systems")
    response = _quote(api("staff"), rule, [("gift", 5 * M)])
    assert response.status_code == 400
    assert response.json()["error"]["fields"]["lines"] == {"0": {"kind": ["“gift” không phải là lựa chọn hợp lệ."]}}


def test_hau_giang_budget_summary_matches_the_project_document(api):
    seed_plans_load()
    plan = Plan.objects.get(province__key="hau-giang", start_year=2016)
    response = api("ministry").get(f"/api/v1/plans/{plan.pk}/budget/")
    assert response.status_code == 200
    budget = response.json()
    assert (budget["estimate"], budget["state"], budget["enterprise"]) == (6_747 * M, 2_616_300_000, 4_130_700_000)
    assert [(row["year"], row["total"]) for row in budget["by_year"]] == [
        (2016, 517 * M),
        (2017, 521 * M),
        (2018, 521 * M),
        (2019, 520_300_000),
        (2020, 537 * M),
    ]
    assert [(h["number"], h["estimate"], h["state"]) for h in budget["headings"]] == [
        ("I", 230 * M, 230 * M),
        ("II", 6_151 * M, 2_020_300_000),
        ("III", 366 * M, 366 * M),
    ]
    assert budget["sources"] == ["state_local"]
    assert budget["inconsistencies"] == []


def test_plan_progress_reports_every_target(api, world):
    response = api("unit").get(f"/api/v1/plans/{world.plan.pk}/progress/?as_of=2022-12-31")
    assert response.status_code == 200
    progress = response.json()
    assert progress["as_of"] == "2022-12-31"
    targets = [t for phase in progress["phases"] for t in phase["targets"]]
    assert [t["target"] for t in targets] == [world.target.pk]
    assert sum(row["count"] for row in progress["status_counts"]) == 1

    one = api("unit").get(f"/api/v1/plans/{world.plan.pk}/targets/{world.target.pk}/progress/?as_of=2022-12-31")
    assert one.json()["target"] == world.target.pk
    assert one.json()["phase_result"]["status"] == targets[0]["phase_result"]["status"]


def test_progress_refuses_a_date_that_is_not_one(api, world):
    response = api("staff").get(f"/api/v1/plans/{world.plan.pk}/progress/?as_of=31/12/2022")
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["as_of"]
