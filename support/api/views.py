"""The support catalogue, policies and their rules, the quote, budget allocations and councils. Reads through
``support.selectors``, writes through ``support.services``."""

from __future__ import annotations

from django.db.models import Prefetch, Q
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts.api.base import (
    AccessViewSet,
    CreateMixin,
    ListMixin,
    ReadOnlyViewSet,
    RetrieveMixin,
    UpdateMixin,
)

from .. import selectors, services
from ..models import BudgetAllocation, Council, CouncilMember, SupportCategory, SupportPolicy, SupportRule
from ..quote import CostLine, QuoteError
from . import serializers as s


class SupportCategoryViewSet(ReadOnlyViewSet):
    """The national catalogue of support contents (Circular 35/2021/TT-BTC and the programme)."""

    queryset = SupportCategory.objects.order_by("position", "code")
    serializer_class = s.SupportCategorySerializer
    permission_map = {"list": "supportcategory.view", "retrieve": "supportcategory.view"}


def _rules() -> Prefetch:
    return Prefetch(
        "rules",
        queryset=SupportRule.objects.select_related("category")
        .prefetch_related("cost_kinds")
        .order_by("position", "pk"),
    )


class SupportPolicyViewSet(ListMixin, RetrieveMixin, CreateMixin, UpdateMixin, AccessViewSet):
    """Provinces' support policies: legal basis, period, eligibility, and a rule per support content. Public
    to every signed-in person; the province's staff keep their own."""

    queryset = SupportPolicy.objects.select_related("province").prefetch_related(
        _rules(), "legal_basis", "priority_sectors"
    )
    serializer_class = s.SupportPolicySerializer
    filter_serializer_class = s.PolicyFilterSerializer
    input_serializers = {
        "create": s.SupportPolicyInputSerializer,
        "update": s.SupportPolicyUpdateSerializer,
        "partial_update": s.SupportPolicyUpdateSerializer,
    }
    permission_map = {
        "list": "policy.view",
        "retrieve": "policy.view",
        "create": "policy.change",
        "update": "policy.change",
        "partial_update": "policy.change",
    }

    def filter_list(self, queryset, filters):
        if filters.get("province"):
            queryset = queryset.filter(province_id=filters["province"])
        year = filters.get("year")
        if year:
            queryset = queryset.filter(effective_from__year__lte=year).filter(
                Q(effective_to__isnull=True) | Q(effective_to__year__gte=year)
            )
        return queryset.order_by("province__name", "-effective_from", "pk")

    def perform_create(self, data):
        province = data.pop("province")
        return services.policy_create(by=self.request.user, province=province, data=data)

    def perform_update(self, instance, data):
        return services.policy_update(policy=instance, by=self.request.user, data=data)


class SupportRuleViewSet(ListMixin, RetrieveMixin, CreateMixin, UpdateMixin, AccessViewSet):
    """The rules of the policy in the URL (one per support content): rate, cap, what the cap counts, the
    eligible kinds of cost; and what a rule gives for a set of costs (the quote)."""

    queryset = SupportRule.objects.select_related("category").prefetch_related("cost_kinds")
    serializer_class = s.SupportRuleSerializer
    input_serializers = {
        "create": s.SupportRuleInputSerializer,
        "update": s.SupportRuleInputSerializer,
        "partial_update": s.SupportRuleInputSerializer,
        "quote": s.QuoteRequestSerializer,
    }
    parent_url_kwarg = "policy_pk"
    parent_queryset = SupportPolicy.objects.select_related("province")
    parent_lookup = "policy"
    parent_view_permission = "policy.view"
    parent_permission_map = {"create": "policy.change", "update": "policy.change", "partial_update": "policy.change"}
    permission_map = {"list": "policy.view", "retrieve": "policy.view", "quote": "policy.view", **parent_permission_map}

    def filter_list(self, queryset, filters):
        return queryset.order_by("position", "pk")

    def perform_create(self, data):
        cost_kinds = data.pop("cost_kinds", [])
        return services.rule_create(policy=self.get_parent(), by=self.request.user, data=data, cost_kinds=cost_kinds)

    def perform_update(self, instance, data):
        cost_kinds = data.pop("cost_kinds", None)
        if cost_kinds is not None and not isinstance(cost_kinds, list):  # the rule's current kinds: unchanged
            cost_kinds = None
        return services.rule_update(rule=instance, by=self.request.user, data=data, cost_kinds=cost_kinds)

    @extend_schema(responses={200: s.QuoteSerializer})
    @action(detail=True, methods=["post"])
    def quote(self, request, policy_pk=None, pk=None):
        """What the rule gives for these costs and quantity, with its reasoning. Writes nothing."""
        rule = self.get_object()
        data = self.get_input().validated_data
        lines = [
            CostLine(kind=line["kind"], amount=line["amount"], description=line["description"])
            for line in data["lines"]
        ]
        try:
            result = selectors.quote_preview(
                rule=rule, lines=lines, quantity=data["quantity"], enterprise=data.get("enterprise")
            )
        except QuoteError as exc:
            raise serializers.ValidationError({"non_field_errors": [str(exc)]}) from exc
        payload = {**result.__dict__, "counterpart": result.counterpart}
        return Response(s.QuoteSerializer(payload).data)


class BudgetAllocationViewSet(ListMixin, RetrieveMixin, CreateMixin, UpdateMixin, AccessViewSet):
    """Money a province set aside for a policy (or a plan's budget line) in a year, with what approved
    applications committed and payments disbursed."""

    queryset = BudgetAllocation.objects.select_related("province", "policy", "budget_line")
    serializer_class = s.BudgetAllocationSerializer
    filter_serializer_class = s.AllocationFilterSerializer
    input_serializers = {
        "create": s.BudgetAllocationInputSerializer,
        "update": s.BudgetAllocationUpdateSerializer,
        "partial_update": s.BudgetAllocationUpdateSerializer,
    }
    permission_map = {
        "list": "budget.view",
        "retrieve": "budget.view",
        "create": "budget.change",
        "update": "budget.change",
        "partial_update": "budget.change",
    }

    def filter_list(self, queryset, filters):
        for name in ("province", "policy", "year"):
            if filters.get(name):
                queryset = queryset.filter(**{name if name == "year" else f"{name}_id": filters[name]})
        return queryset.order_by("province__name", "-year", "pk")

    def perform_create(self, data):
        return services.allocation_create(by=self.request.user, **data)

    def perform_update(self, instance, data):
        return services.allocation_update(
            allocation=instance, by=self.request.user, amount=data["amount"], note=data.get("note")
        )


class CouncilViewSet(ReadOnlyViewSet):
    """Appraisal councils and their members: the province's staff see their province's, a council member
    the councils they sit on."""

    queryset = Council.objects.select_related("province").prefetch_related(
        Prefetch("members", queryset=CouncilMember.objects.select_related("user").order_by("role", "pk"))
    )
    serializer_class = s.CouncilSerializer
    filter_serializer_class = s.CouncilFilterSerializer
    permission_map = {"list": "council.view", "retrieve": "council.view"}

    def filter_list(self, queryset, filters):
        if filters.get("province"):
            queryset = queryset.filter(province_id=filters["province"])
        if filters.get("year"):
            queryset = queryset.filter(year=filters["year"])
        return queryset.order_by("province__name", "-year", "-round", "pk")
