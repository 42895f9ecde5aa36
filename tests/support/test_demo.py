"""The national catalogue, and the demo data: the two seed policies as the documents write them, their
budget, and applications in every state with consistent money."""

from decimal import Decimal

import pytest
from django.db.models import Sum

from support.choices import CapPer, CostKind, PrioritySectorMode, Status
from support.models import Application, BudgetAllocation, SupportCategory

pytestmark = pytest.mark.django_db


def test_the_catalogue_holds_the_circular_35_items_and_the_provincial_contents():
    codes = set(SupportCategory.objects.values_list("code", flat=True))
    assert {
        "management-systems",
        "improvement-tools",
        "traceability-gap-organic-green",
        "digital-tools",
        "product-certification",
        "system-certification",
        "industrial-property",
        "barcodes",
        "national-quality-award",
        "technology-innovation",
        "training",
    } <= codes
    assert SupportCategory.objects.get(code="system-certification").name == "Chứng nhận hệ thống quản lý"
    assert SupportCategory.objects.filter(legal_reference="Thông tư 35/2021/TT-BTC").count() == 6


@pytest.fixture
def demo():
    from accounts import demo as accounts_demo
    from enterprises import demo as enterprises_demo
    from plans import demo as plans_demo
    from support import demo as support_demo

    plans_demo.load()
    accounts_demo.load()
    enterprises_demo.load()
    return support_demo.load()


def _rules(policy_name: str) -> dict:
    from support.models import SupportRule

    return {
        r.category.code: r
        for r in SupportRule.objects.filter(policy__name=policy_name).select_related("category", "policy__province")
    }


def test_kon_tum_policy_as_the_plan_writes_it(demo):
    from support.demo import KON_TUM_POLICY

    rules = _rules(KON_TUM_POLICY)
    # (rate %, cap VND, cap per) from section III.2 of the Kon Tum plan 2021-2025.
    assert {code: (r.rate, r.cap, r.cap_per) for code, r in rules.items()} == {
        "industrial-property": (Decimal(100), 10_000_000, CapPer.PRODUCT),
        "barcodes": (Decimal(100), 10_000_000, CapPer.PRODUCT),
        "traceability-gap-organic-green": (Decimal(50), 45_000_000, CapPer.SYSTEM),
        "digital-tools": (Decimal(50), 30_000_000, CapPer.PRODUCT),
        "product-certification": (Decimal(50), 45_000_000, CapPer.SYSTEM),
        "system-certification": (Decimal(50), 45_000_000, CapPer.SYSTEM),
    }
    policy = rules["barcodes"].policy
    assert policy.province.key == "kon-tum"
    assert (policy.effective_from.year, policy.effective_to.year) == (2021, 2025)
    assert policy.allowed_size_classes == ["micro", "small", "medium"]
    assert policy.priority_sector_mode == PrioritySectorMode.PRIORITISED
    assert "sâm Ngọc Linh" in policy.priority_products_note
    # The plan cites Decision 1322 alone; Circular 35/2021/TT-BTC is not its basis.
    assert [d.number for d in policy.legal_basis.all()] == ["1322/QĐ-TTg"]
    assert "35/2021" not in policy.legal_basis_text


def test_hau_giang_policy_as_the_project_writes_it(demo):
    from support.demo import HAU_GIANG_POLICY

    rules = _rules(HAU_GIANG_POLICY)
    assert {code: (r.rate, r.cap, r.once_per_enterprise) for code, r in rules.items()} == {
        "management-systems": (Decimal(30), None, True),
        "improvement-tools": (Decimal(30), None, True),
        "product-certification": (Decimal(30), None, False),
        "national-quality-award": (Decimal(30), None, False),
    }
    kinds = {k.kind: k.eligible for k in rules["management-systems"].cost_kinds.all()}
    assert kinds == {CostKind.CONSULTANCY: True, CostKind.CERTIFICATION_AUDIT: True, CostKind.SURVEILLANCE_AUDIT: False}
    assert {k.kind for k in rules["product-certification"].cost_kinds.all()} == {
        CostKind.TESTING,
        CostKind.EXPERT_ALLOWANCE,
    }


def test_hau_giang_allocations_reproduce_the_plans_state_budget_for_enterprise_support(demo):
    allocations = BudgetAllocation.objects.filter(policy__province__key="hau-giang")
    assert dict(allocations.values_list("year", "amount")) == {
        2016: 403_000_000,
        2017: 405_000_000,
        2018: 405_000_000,
        2019: 404_300_000,
        2020: 403_000_000,
    }
    assert allocations.aggregate(total=Sum("amount"))["total"] == 2_020_300_000  # "2.020,3" million


def test_demo_applications_cover_every_state_with_consistent_money(demo):
    assert set(Application.objects.values_list("status", flat=True)) == set(Status.values)
    for app in Application.objects.exclude(status=Status.DRAFT):
        assert app.events.exists()
        assert app.max_support is not None
    paid = Application.objects.get(title__startswith="Xây dựng, áp dụng hệ thống quản lý an toàn thực phẩm ISO 22000")
    assert (paid.status, paid.final_amount, paid.paid_total) == (Status.PAID, 42_000_000, 42_000_000)
    for allocation in BudgetAllocation.objects.all():
        live = (
            Application.objects.filter(
                allocation=allocation,
                status__in=[Status.APPROVED, Status.CONTRACTED, Status.IMPLEMENTING, Status.ACCEPTANCE],
            ).aggregate(total=Sum("approved_amount"))["total"]
            or 0
        )
        done = (
            Application.objects.filter(allocation=allocation, status__in=[Status.ACCEPTED, Status.PAID]).aggregate(
                total=Sum("final_amount")
            )["total"]
            or 0
        )
        assert allocation.committed == live + done
        paid_total = Application.objects.filter(allocation=allocation).aggregate(total=Sum("paid_total"))["total"] or 0
        assert allocation.disbursed == paid_total


def test_loading_the_demo_twice_adds_nothing(demo):
    from support import demo as support_demo

    counts = (Application.objects.count(), BudgetAllocation.objects.count())
    assert support_demo.load().endswith("(0 new)")
    assert (Application.objects.count(), BudgetAllocation.objects.count()) == counts
