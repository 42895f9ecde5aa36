"""Reports to the Ministry: the province's reports, requesting their generation, following it, downloading the
PDF and XLSX, submitting a version. The Ministry reads the submitted versions of every province. Reads through
``reporting.selectors``, writes through ``reporting.services``."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import renderers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts import access
from accounts.api.base import (
    AccessViewSet,
    CreateMixin,
    ListMixin,
    MappedPermission,
    RetrieveMixin,
    UpdateMixin,
)
from support.api.views_applications import FileRenderer, file_response

from .. import selectors, services
from ..models import Report, ReportVersion
from . import serializers as s

FORMATS = {
    "pdf": ("pdf", "application/pdf"),
    "xlsx": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


class ReportPermission(MappedPermission):
    """Reading reports needs either the province's "report.view" or the Ministry's "report.view_submitted"."""

    def has_permission(self, request, view) -> bool:
        if view.action == "list" and request.user and request.user.is_authenticated:
            return access.can_any(request.user, selectors.READ_REPORT)
        return super().has_permission(request, view)


class ReportViewSet(ListMixin, RetrieveMixin, CreateMixin, UpdateMixin, AccessViewSet):
    """Reports of a province on its plans: annual, mid-term, final, ad hoc. The province's staff prepare them;
    the Ministry reads those with a submitted version, as submitted (``selectors.reports_readable``): their
    narrative is the latest submitted version's, never the draft being written."""

    permission_classes = [ReportPermission]
    queryset = selectors.report_list_queryset()
    serializer_class = s.ReportDetailSerializer
    filter_serializer_class = s.ReportFilterSerializer
    input_serializers = {
        "create": s.ReportInputSerializer,
        "update": s.ReportUpdateSerializer,
        "partial_update": s.ReportUpdateSerializer,
    }
    permission_map = {
        "list": "report.view",
        "retrieve": "report.view",
        "create": "report.change",
        "update": "report.change",
        "partial_update": "report.change",
    }

    def get_serializer_class(self):
        return s.ReportSerializer if self.action == "list" else s.ReportDetailSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.queryset.none()
        if self.action == "list":
            return selectors.reports_readable(user=self.request.user, queryset=self.base_queryset())
        return super().get_queryset()

    def get_object(self):
        """404 when the person cannot read the report; 403 when they read it but may not do this."""
        user = self.request.user
        readable = selectors.reports_readable(user=user, queryset=self.base_queryset())
        report = readable.filter(pk=self.kwargs["pk"]).first()
        if report is None:
            raise Http404
        permission = self.permission_for()
        if permission != "report.view" and not access.can(user, permission, report):
            raise PermissionDenied
        return report

    def filter_list(self, queryset, filters):
        for name in ("province", "plan"):
            if filters.get(name):
                queryset = queryset.filter(**{f"{name}_id": filters[name]})
        if filters.get("kind"):
            queryset = queryset.filter(kind=filters["kind"])
        if filters.get("year"):
            queryset = queryset.filter(start_year__lte=filters["year"], end_year__gte=filters["year"])
        return queryset

    def perform_create(self, data):
        plan, kind, start_year = data.pop("plan"), data.pop("kind"), data.pop("start_year")
        end_year = data.pop("end_year", None)
        return services.report_create(
            by=self.request.user, plan=plan, kind=kind, start_year=start_year, end_year=end_year, data=data
        )

    def perform_update(self, instance, data):
        return services.report_update(report=instance, by=self.request.user, data=data)


class ReportVersionViewSet(ListMixin, RetrieveMixin, AccessViewSet):
    """The generated versions of the report in the URL. ``POST`` asks for a new one (the same request while
    one is queued, generating or ready returns that one); follow it until ``done``, then download the files."""

    queryset = ReportVersion.objects.select_related("report__province").defer("snapshot").order_by("-number")
    serializer_class = s.ReportVersionSerializer
    parent_url_kwarg = "report_pk"
    parent_queryset = Report.objects.select_related("province", "plan")
    parent_lookup = "report"
    permission_map = {
        "list": "report.view",
        "retrieve": "report.view",
        "create": "report.change",
        "pdf": "report.view",
        "xlsx": "report.view",
        "submit": "report.submit",
        "retry": "report.change",
    }

    def get_parent(self):
        if not hasattr(self, "_parent"):
            user = self.request.user
            readable = selectors.reports_readable(user=user, queryset=self.parent_queryset.all())
            report = readable.filter(pk=self.kwargs["report_pk"]).first()
            if report is None:
                raise Http404
            if self.action == "create" and not access.can(user, "report.change", report):
                raise PermissionDenied
            self._parent = report
        return self._parent

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.queryset.none()
        return selectors.versions_readable(user=self.request.user, queryset=self.base_queryset())

    def get_object(self):
        version = self.get_queryset().filter(pk=self.kwargs["pk"]).first()
        if version is None:
            raise Http404
        permission = self.permission_for()
        if permission != "report.view" and not access.can(self.request.user, permission, version):
            raise PermissionDenied
        return version

    @extend_schema(request=None, responses={200: s.ReportVersionSerializer, 202: s.ReportVersionSerializer})
    def create(self, request, *args, **kwargs):
        """Ask for the report (with its narrative as it is now) to be generated, as PDF and XLSX."""
        version = services.report_version_request(report=self.get_parent(), by=request.user)
        code = status.HTTP_202_ACCEPTED if version.is_pending else status.HTTP_200_OK
        location = f"{request.path}{version.pk}/"
        return Response(self.read(version), status=code, headers={"Location": location})

    def _download(self, fmt: str):
        version = self.get_object()
        if not version.is_done:
            raise Http404
        ext, content_type = FORMATS[fmt]
        report = version.report
        filename = f"bao-cao-{report.province.key}-{report.kind}-{report.period}-v{version.number}.{ext}"
        return file_response(getattr(version, fmt), filename, content_type)

    @extend_schema(responses={(200, "application/pdf"): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"], renderer_classes=[renderers.JSONRenderer, FileRenderer])
    def pdf(self, request, report_pk=None, pk=None):
        """The PDF of a version that is done."""
        return self._download("pdf")

    @extend_schema(
        responses={(200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"): OpenApiTypes.BINARY}
    )
    @action(detail=True, methods=["get"], renderer_classes=[renderers.JSONRenderer, FileRenderer])
    def xlsx(self, request, report_pk=None, pk=None):
        """The XLSX of a version that is done."""
        return self._download("xlsx")

    @extend_schema(request=None, responses={200: s.ReportVersionSerializer})
    @action(detail=True, methods=["post"])
    def submit(self, request, report_pk=None, pk=None):
        """The province's leader sends a ready version to the Ministry; it never changes afterwards."""
        version = services.report_version_submit(version=self.get_object(), by=request.user)
        return Response(self.read(version))

    @extend_schema(request=None, responses={200: s.ReportVersionSerializer})
    @action(detail=True, methods=["post"])
    def retry(self, request, report_pk=None, pk=None):
        """Try a version whose generation failed again."""
        version = services.report_version_retry(version=self.get_object(), by=request.user)
        return Response(self.read(version))
