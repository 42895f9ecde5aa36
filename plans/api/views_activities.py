"""What was done under a plan: activities, the progress of tasks and the values of indicators entered with their
source. Writes through ``plans.services_activities``."""

from __future__ import annotations

from rest_framework import status
from rest_framework.response import Response

from accounts.api.base import (
    AccessViewSet,
    CursorPagination,
    ListMixin,
    ModelViewSet,
    RetrieveMixin,
    UpdateMixin,
)

from .. import services_activities as services
from ..models import Activity, IndicatorValue, Plan, TaskProgress
from . import serializers as s


class ActivityViewSet(ModelViewSet):
    """Trainings, conferences, communication products, study tours and awards of the plan in the URL: the raw
    facts the computed indicators count."""

    queryset = Activity.objects.select_related("task")
    serializer_class = s.ActivitySerializer
    filter_serializer_class = s.ActivityFilterSerializer
    pagination_class = CursorPagination
    input_serializers = {
        "create": s.ActivityInputSerializer,
        "update": s.ActivityInputSerializer,
        "partial_update": s.ActivityInputSerializer,
    }
    parent_url_kwarg = "plan_pk"
    parent_queryset = Plan.objects.select_related("province")
    parent_lookup = "plan"
    parent_view_permission = "activity.view"
    parent_permission_map = {
        "create": "activity.change",
        "update": "activity.change",
        "partial_update": "activity.change",
        "destroy": "activity.change",
    }
    permission_map = {"list": "activity.view", "retrieve": "activity.view", **parent_permission_map}

    def filter_list(self, queryset, filters):
        if filters.get("kind"):
            queryset = queryset.filter(kind=filters["kind"])
        if filters.get("year"):
            queryset = queryset.filter(start_date__year=filters["year"])
        ordering = filters.get("ordering", "-start_date")
        self.cursor_ordering = (ordering, "-pk" if ordering.startswith("-") else "pk")
        return queryset

    def perform_create(self, data):
        return services.activity_create(plan=self.get_parent(), by=self.request.user, data=data)

    def perform_update(self, instance, data):
        return services.activity_update(activity=instance, by=self.request.user, data=data)

    def perform_destroy(self, instance):
        services.activity_delete(activity=instance, by=self.request.user)


class TaskProgressViewSet(ListMixin, RetrieveMixin, UpdateMixin, AccessViewSet):
    """The progress of tasks by year, as units (or the Department) report it. ``POST`` reports it; reporting
    again for the same task, year and unit corrects the report."""

    queryset = TaskProgress.objects.select_related("task")
    serializer_class = s.TaskProgressSerializer
    filter_serializer_class = s.TaskProgressFilterSerializer
    input_serializers = {
        "create": s.TaskProgressInputSerializer,
        "update": s.TaskProgressUpdateSerializer,
        "partial_update": s.TaskProgressUpdateSerializer,
    }
    view_permission = "progress.view"
    permission_map = {
        "list": "progress.view",
        "retrieve": "progress.view",
        "create": "task.report_progress",
        "update": "task.report_progress",
        "partial_update": "task.report_progress",
    }

    def filter_list(self, queryset, filters):
        for name, lookup in (("plan", "task__plan_id"), ("task", "task_id"), ("unit", "unit_id"), ("year", "year")):
            if filters.get(name):
                queryset = queryset.filter(**{lookup: filters[name]})
        return queryset.order_by("-year", "task__plan_id", "task__position", "task_id", "unit_id", "pk")

    def create(self, request, *args, **kwargs):
        data = dict(self.get_input().validated_data)
        task, year, unit = data.pop("task"), data.pop("year"), data.pop("unit", None)
        if data.get("percent_complete") is None:  # not given: 0, or 100 for a task reported done
            data.pop("percent_complete", None)
        existed = TaskProgress.objects.filter(task=task, year=year, unit=unit).exists()
        progress = services.task_progress_save(task=task, by=request.user, year=year, unit=unit, data=data)
        return Response(self.read(progress), status=status.HTTP_200_OK if existed else status.HTTP_201_CREATED)

    def perform_update(self, instance, data):
        return services.task_progress_save(
            task=instance.task, by=self.request.user, year=instance.year, unit=instance.unit, data=data
        )


class IndicatorValueViewSet(ModelViewSet):
    """Values of the indicators the portal cannot compute (labour productivity, TFP, shares ...) for the plan
    in the URL, by year, with their source."""

    queryset = IndicatorValue.objects.select_related("indicator")
    serializer_class = s.IndicatorValueSerializer
    filter_serializer_class = s.IndicatorValueFilterSerializer
    input_serializers = {
        "create": s.IndicatorValueInputSerializer,
        "update": s.IndicatorValueInputSerializer,
        "partial_update": s.IndicatorValueInputSerializer,
    }
    parent_url_kwarg = "plan_pk"
    parent_queryset = Plan.objects.select_related("province")
    parent_lookup = "plan"
    parent_view_permission = "indicatorvalue.view"
    parent_permission_map = {
        "create": "indicatorvalue.change",
        "update": "indicatorvalue.change",
        "partial_update": "indicatorvalue.change",
        "destroy": "indicatorvalue.change",
    }
    permission_map = {"list": "indicatorvalue.view", "retrieve": "indicatorvalue.view", **parent_permission_map}

    def filter_list(self, queryset, filters):
        if filters.get("indicator"):
            queryset = queryset.filter(indicator_id=filters["indicator"])
        if filters.get("year"):
            queryset = queryset.filter(year=filters["year"])
        return queryset.order_by("indicator__name", "year", "pk")

    def perform_create(self, data):
        return services.indicator_value_create(plan=self.get_parent(), by=self.request.user, data=data)

    def perform_update(self, instance, data):
        return services.indicator_value_update(item=instance, by=self.request.user, data=data)

    def perform_destroy(self, instance):
        services.indicator_value_delete(item=instance, by=self.request.user)
