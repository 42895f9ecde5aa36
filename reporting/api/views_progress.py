"""Targets against results: a plan's progress, and one target's (``reporting.progress.plan_progress``)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response

from accounts import access
from accounts.api.base import ApiMixin, MappedPermission
from plans.models import Plan, Target

from ..progress import plan_progress
from . import serializers as s


class _PlanProgressBase(ApiMixin, GenericAPIView):
    permission_classes = [MappedPermission]
    parent_url_kwarg = "plan_pk"  # the plan in the URL decides access (404 / 403)
    queryset = Plan.objects.select_related("province")

    def plan(self) -> Plan:
        return access.get_object_or_404(self.request.user, "plan.view", self.get_queryset(), pk=self.kwargs["plan_pk"])

    def as_of(self):
        checked = s.ProgressFilterSerializer(data={k: v for k, v in self.request.query_params.items() if v != ""})
        checked.is_valid(raise_exception=True)
        return checked.validated_data.get("as_of")


class PlanProgressView(_PlanProgressBase):
    """Every target of the plan against its results as of a date: per phase, and per year for targets set
    per year, with the status (achieved, on track, behind, no data)."""

    serializer_class = s.PlanProgressSerializer

    @extend_schema(parameters=[s.ProgressFilterSerializer], responses={200: s.PlanProgressSerializer})
    def get(self, request, plan_pk: int):
        progress = plan_progress(self.plan(), as_of=self.as_of())
        return Response(s.PlanProgressSerializer(progress).data)


class TargetProgressView(_PlanProgressBase):
    """One target of the plan against its results as of a date."""

    serializer_class = s.TargetProgressSerializer

    @extend_schema(parameters=[s.ProgressFilterSerializer], responses={200: s.TargetProgressSerializer})
    def get(self, request, plan_pk: int, pk: int):
        plan = self.plan()
        target = access.get_object_or_404(request.user, "plan.view", Target.objects.filter(plan=plan), pk=pk)
        progress = plan_progress(plan, as_of=self.as_of())
        found = next(t for t in progress.targets if t.target.pk == target.pk)
        return Response(s.TargetProgressSerializer(found).data)
