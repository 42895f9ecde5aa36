"""Provinces, units, legal documents, indicators, plans and their parts (phases, objectives, targets, tasks,
budget lines and amounts, reporting duties), and a plan's budget summary. Reads through ``plans.selectors``,
writes through ``plans.services``, access through ``accounts.access``."""

from __future__ import annotations

from django.db.models import Prefetch, Q
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts.api.base import (
    AccessViewSet,
    CreateMixin,
    ListMixin,
    ModelViewSet,
    ReadOnlyViewSet,
    RetrieveMixin,
    UpdateMixin,
)

from .. import selectors, services
from ..budget import plan_budget_summary
from ..models import (
    BudgetAmount,
    BudgetLine,
    Indicator,
    LegalDocument,
    Objective,
    Phase,
    Plan,
    Province,
    ReportingDuty,
    Target,
    Task,
)
from . import serializers as s

# --- Reference data -------------------------------------------------------------------------------------------


class ProvinceViewSet(ReadOnlyViewSet):
    """The 63 provinces before 1 July 2025 and the 34 after, with their successor and predecessors."""

    queryset = Province.objects.select_related("successor").prefetch_related(
        Prefetch("predecessors", queryset=Province.objects.order_by("name"))
    )
    serializer_class = s.ProvinceSerializer
    filter_serializer_class = s.ProvinceFilterSerializer
    permission_map = {"list": "province.view", "retrieve": "province.view"}

    def filter_list(self, queryset, filters):
        for word in filters.get("search", "").split():
            queryset = queryset.filter(Q(name__icontains=word) | Q(key__icontains=word))
        if filters.get("current") is not None:
            queryset = queryset.filter(valid_to__isnull=filters["current"])
        return queryset.order_by("name", "valid_from", "pk")


class UnitViewSet(ListMixin, RetrieveMixin, CreateMixin, UpdateMixin, AccessViewSet):
    """Departments, districts, associations and other bodies that lead or coordinate tasks."""

    queryset = selectors.unit_list_queryset()
    serializer_class = s.UnitSerializer
    filter_serializer_class = s.UnitFilterSerializer
    input_serializers = {
        "create": s.UnitCreateSerializer,
        "update": s.UnitUpdateSerializer,
        "partial_update": s.UnitUpdateSerializer,
    }
    permission_map = {
        "list": "unit.view",
        "retrieve": "unit.view",
        "create": "unit.change",
        "update": "unit.change",
        "partial_update": "unit.change",
    }

    def filter_list(self, queryset, filters):
        queryset = selectors.unit_filter(
            queryset, province_id=filters.get("province"), kind=filters.get("kind", ""), text=filters.get("search", "")
        )
        return queryset.order_by("province__name", "kind", "name", "pk")

    def perform_create(self, data):
        return services.unit_create(by=self.request.user, data={"aliases": "", **data})

    def perform_update(self, instance, data):
        return services.unit_update(unit=instance, by=self.request.user, data=data)


class LegalDocumentViewSet(ListMixin, RetrieveMixin, CreateMixin, AccessViewSet):
    """Decisions, resolutions, circulars ... that plans and policies cite."""

    queryset = LegalDocument.objects.all()
    serializer_class = s.LegalDocumentSerializer
    filter_serializer_class = s.LegalDocumentFilterSerializer
    input_serializers = {"create": s.LegalDocumentSerializer}
    permission_map = {"list": "legaldocument.view", "retrieve": "legaldocument.view", "create": "legaldocument.add"}

    def filter_list(self, queryset, filters):
        if filters.get("kind"):
            queryset = queryset.filter(kind=filters["kind"])
        if filters.get("year"):
            queryset = queryset.filter(issued_on__year=filters["year"])
        for word in filters.get("search", "").split():
            queryset = queryset.filter(Q(number__icontains=word) | Q(title__icontains=word) | Q(issuer__icontains=word))
        return queryset.order_by("-issued_on", "number", "pk")

    def perform_create(self, data):
        return services.legal_document_create(by=self.request.user, data=data)


class IndicatorViewSet(ReadOnlyViewSet):
    """What targets are measured by: computed from the portal's data, or entered with their source."""

    queryset = Indicator.objects.all()
    serializer_class = s.IndicatorSerializer
    filter_serializer_class = s.IndicatorFilterSerializer
    permission_map = {"list": "indicator.view", "retrieve": "indicator.view"}

    def filter_list(self, queryset, filters):
        if filters.get("source"):
            queryset = queryset.filter(source=filters["source"])
        for word in filters.get("search", "").split():
            queryset = queryset.filter(Q(name__icontains=word) | Q(code__icontains=word))
        return queryset.order_by("name", "pk")


# --- Plans -------------------------------------------------------------------------------------------------

PLAN_ORDERINGS = {
    "province": ("province__name", "-start_year", "pk"),
    "-start_year": ("-start_year", "province__name", "pk"),
    "start_year": ("start_year", "province__name", "pk"),
    "title": ("title", "pk"),
}


class PlanViewSet(ListMixin, RetrieveMixin, CreateMixin, UpdateMixin, AccessViewSet):
    """Provinces' plans. The detail carries every part (read-only); parts are changed through their own
    endpoints under the plan."""

    queryset = selectors.plan_list_queryset()
    serializer_class = s.PlanSerializer
    filter_serializer_class = s.PlanFilterSerializer
    input_serializers = {
        "create": s.PlanInputSerializer,
        "update": s.PlanUpdateSerializer,
        "partial_update": s.PlanUpdateSerializer,
    }
    permission_map = {
        "list": "plan.view",
        "retrieve": "plan.view",
        "create": "plan.add",
        "update": "plan.change",
        "partial_update": "plan.change",
        "budget": "plan.view",
    }

    def base_queryset(self):
        if self.action in ("list", "budget"):
            return selectors.plan_list_queryset()
        return selectors.plan_detail_queryset()

    def get_serializer_class(self):
        return s.PlanSerializer if self.action == "list" else s.PlanDetailSerializer

    def filter_list(self, queryset, filters):
        queryset = selectors.plan_filter(
            queryset,
            province_id=filters.get("province"),
            status=filters.get("status", ""),
            programme=filters.get("programme", ""),
            year=filters.get("year"),
            text=filters.get("search", ""),
        )
        return queryset.order_by(*PLAN_ORDERINGS[filters.get("ordering", "province")])

    def perform_create(self, data):
        legal_basis = data.pop("legal_basis", [])
        return services.plan_create(by=self.request.user, data=data, legal_basis=legal_basis)

    def perform_update(self, instance, data):
        legal_basis = data.pop("legal_basis", None)
        return services.plan_update(plan=instance, by=self.request.user, data=data, legal_basis=legal_basis)

    @extend_schema(responses={200: s.BudgetSummarySerializer})
    @action(detail=True, methods=["get"])
    def budget(self, request, pk=None):
        """The plan's cost estimate: total, state and enterprise shares, by year and source, by heading and
        line, and what does not add up."""
        plan = self.get_object()
        summary = plan_budget_summary(plan)
        return Response(s.BudgetSummarySerializer(s.budget_summary_data(plan, summary)).data)


# --- Parts of a plan ------------------------------------------------------------------------------------------


class PlanPartViewSet(ModelViewSet):
    """A part of the plan in the URL. Readers of the plan read it; its editors change it through
    ``plans.services.plan_child_*`` (the rules of each part are there)."""

    model: type = Phase
    parent_url_kwarg = "plan_pk"
    parent_queryset = Plan.objects.select_related("province")
    parent_lookup = "plan"
    parent_view_permission = "plan.view"
    parent_permission_map = {
        "create": "plan.change",
        "update": "plan.change",
        "partial_update": "plan.change",
        "destroy": "plan.change",
    }
    permission_map = {"list": "plan.view", "retrieve": "plan.view", **parent_permission_map}

    def perform_create(self, data):
        if any(f.name == "position" for f in self.model._meta.fields):
            data.setdefault("position", None)
        return services.plan_child_create(plan=self.get_parent(), by=self.request.user, model=self.model, data=data)

    def perform_update(self, instance, data):
        return services.plan_child_update(child=instance, by=self.request.user, data=data)

    def perform_destroy(self, instance):
        services.plan_child_delete(child=instance, by=self.request.user)


def _inputs(serializer):
    return {"create": serializer, "update": serializer, "partial_update": serializer}


class PhaseViewSet(PlanPartViewSet):
    model = Phase
    queryset = Phase.objects.order_by("start_year", "position", "pk")
    serializer_class = s.PhaseSerializer
    input_serializers = _inputs(s.PhaseInputSerializer)


class ObjectiveViewSet(PlanPartViewSet):
    model = Objective
    queryset = Objective.objects.order_by("position", "pk")
    serializer_class = s.ObjectiveSerializer
    input_serializers = _inputs(s.ObjectiveInputSerializer)


class TargetViewSet(PlanPartViewSet):
    model = Target
    queryset = Target.objects.select_related("indicator", "phase").order_by("phase__start_year", "position", "pk")
    serializer_class = s.TargetSerializer
    input_serializers = _inputs(s.TargetInputSerializer)


class TaskViewSet(PlanPartViewSet):
    model = Task
    queryset = Task.objects.prefetch_related("coordinating_units").order_by("position", "pk")
    serializer_class = s.TaskSerializer
    input_serializers = _inputs(s.TaskInputSerializer)


class BudgetLineViewSet(PlanPartViewSet):
    model = BudgetLine
    queryset = BudgetLine.objects.prefetch_related("amounts").order_by("position", "pk")
    serializer_class = s.BudgetLineSerializer
    input_serializers = _inputs(s.BudgetLineInputSerializer)


class BudgetAmountViewSet(PlanPartViewSet):
    model = BudgetAmount
    parent_lookup = "line__plan"
    queryset = BudgetAmount.objects.order_by("line__position", "line_id", "year", "source", "pk")
    serializer_class = s.BudgetAmountSerializer
    input_serializers = _inputs(s.BudgetAmountInputSerializer)


class ReportingDutyViewSet(PlanPartViewSet):
    model = ReportingDuty
    queryset = ReportingDuty.objects.order_by("kind", "year", "due_month", "pk")
    serializer_class = s.ReportingDutySerializer
    input_serializers = _inputs(s.ReportingDutyInputSerializer)


PLAN_PARTS = {
    "phases": PhaseViewSet,
    "objectives": ObjectiveViewSet,
    "targets": TargetViewSet,
    "tasks": TaskViewSet,
    "budget-lines": BudgetLineViewSet,
    "budget-amounts": BudgetAmountViewSet,
    "reporting-duties": ReportingDutyViewSet,
}
