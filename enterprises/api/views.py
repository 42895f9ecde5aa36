"""Enterprises: the list and profile, verification, certificates, awards and contacts, the sector catalogue.
Reads through ``enterprises.selectors``, writes through ``enterprises.services``."""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts import access
from accounts.api.base import (
    AccessViewSet,
    CursorPagination,
    ListMixin,
    ModelViewSet,
    ReadOnlyViewSet,
    RetrieveMixin,
    UpdateMixin,
)
from plans.models import Province

from .. import selectors, services
from ..models import Award, Certificate, Contact, Enterprise, Sector
from . import serializers as s

ENTERPRISE_ORDERINGS = {
    "name": ("name", "pk"),
    "-name": ("-name", "-pk"),
    "-created_at": ("-created_at", "-pk"),
    "created_at": ("created_at", "pk"),
}


class SectorViewSet(ReadOnlyViewSet):
    """Business sectors (VSIC sections) with the Decree 80/2021 group that sets the size limits."""

    queryset = Sector.objects.order_by("position", "code")
    serializer_class = s.SectorSerializer
    permission_map = {"list": "sector.view", "retrieve": "sector.view"}


class EnterpriseViewSet(ListMixin, RetrieveMixin, UpdateMixin, AccessViewSet):
    """Enterprises, cooperatives and S&T organisations: the province's staff see their province's, members
    their own enterprise, the Ministry all. Enterprises register themselves on the portal."""

    queryset = Enterprise.objects.select_related("province", "main_sector")
    serializer_class = s.EnterpriseDetailSerializer
    filter_serializer_class = s.EnterpriseFilterSerializer
    pagination_class = CursorPagination
    input_serializers = {
        "update": s.EnterpriseStaffUpdateSerializer,
        "partial_update": s.EnterpriseStaffUpdateSerializer,
        "reject": s.ReasonSerializer,
        "suspend": s.ReasonSerializer,
        "validate_tax_code": s.TaxCodeCheckSerializer,
    }
    permission_map = {
        "list": "enterprise.view",
        "retrieve": "enterprise.view",
        "update": "enterprise.change",
        "partial_update": "enterprise.change",
        "verify": "enterprise.verify",
        "reject": "enterprise.verify",
        "suspend": "enterprise.verify",
        "validate_tax_code": "enterprise.change",
    }

    def get_serializer_class(self):
        return s.EnterpriseSerializer if self.action == "list" else s.EnterpriseDetailSerializer

    def base_queryset(self):
        if self.action == "list":
            return super().base_queryset()
        return Enterprise.objects.select_related("province", "main_sector").prefetch_related(
            "other_sectors", "contacts", "certificates", "awards"
        )

    def filter_list(self, queryset, filters):
        listed = selectors.enterprise_list(
            user=self.request.user,
            status=filters.get("status", ""),
            size_class=filters.get("size_class", ""),
            kind=filters.get("kind", ""),
            ownership=filters.get("ownership", ""),
            sector=Sector(pk=filters["sector"]) if filters.get("sector") else None,
            province=Province(pk=filters["province"]) if filters.get("province") else None,
            search=filters.get("search", ""),
        )
        self.cursor_ordering = ENTERPRISE_ORDERINGS[filters.get("ordering", "name")]
        return listed

    def input_serializer_class(self, action=None):
        action = action or self.action
        if action in ("update", "partial_update") and self.request is not None:
            instance = getattr(self, "_instance", None)
            if instance is not None and not access.can(self.request.user, "enterprise.verify", instance):
                return s.EnterpriseUpdateSerializer
        return super().input_serializer_class(action)

    def get_object(self):
        if getattr(self, "_instance", None) is None:
            self._instance = super().get_object()
        return self._instance

    def update(self, request, *args, **kwargs):
        staff_only = {"tax_code", "province"} & set(request.data if isinstance(request.data, dict) else ())
        if staff_only:
            enterprise = self.get_object()
            if not access.can(request.user, "enterprise.verify", enterprise):
                message = _("Only the province's staff may change this.")
                raise serializers.ValidationError({name: [message] for name in sorted(staff_only)})
        return super().update(request, *args, **kwargs)

    def perform_update(self, instance, data):
        return services.enterprise_update(enterprise=instance, by=self.request.user, data=data)

    @extend_schema(request=None, responses={200: s.EnterpriseDetailSerializer})
    @action(detail=True, methods=["post"])
    def verify(self, request, pk=None):
        """The Department verified the registration (or lifts a suspension): the enterprise may apply."""
        enterprise = services.enterprise_verify(enterprise=self.get_object(), by=request.user)
        return Response(self.read(enterprise))

    @extend_schema(responses={200: s.EnterpriseDetailSerializer})
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        """Reject a registration awaiting verification, with the reason the members will read."""
        enterprise = self.get_object()
        reason = self.get_input(instance=enterprise).validated_data["reason"]
        enterprise = services.enterprise_reject(enterprise=enterprise, by=request.user, reason=reason)
        return Response(self.read(enterprise))

    @extend_schema(responses={200: s.EnterpriseDetailSerializer})
    @action(detail=True, methods=["post"])
    def suspend(self, request, pk=None):
        """Suspend a verified enterprise, with the reason: it cannot apply for support meanwhile."""
        enterprise = self.get_object()
        reason = self.get_input(instance=enterprise).validated_data["reason"]
        enterprise = services.enterprise_suspend(enterprise=enterprise, by=request.user, reason=reason)
        return Response(self.read(enterprise))

    @extend_schema(responses={200: s.TaxCodeResultSerializer})
    @action(detail=False, methods=["post"], url_path="validate-tax-code")
    def validate_tax_code(self, request):
        """Check a tax code (its length and check digit) and give its standard form."""
        tax_code = self.get_input().validated_data["tax_code"]
        return Response(s.TaxCodeResultSerializer({"tax_code": tax_code}).data)


class EnterprisePartViewSet(ModelViewSet):
    """A certificate, award or contact of the enterprise in the URL: who sees the enterprise sees it; who may
    change the profile changes it."""

    part_services: tuple = ()  # (create, update, delete) services
    keyword = ""
    parent_url_kwarg = "enterprise_pk"
    parent_queryset = Enterprise.objects.select_related("province")
    parent_lookup = "enterprise"
    parent_view_permission = "enterprise.view"
    parent_permission_map = {
        "create": "enterprise.change",
        "update": "enterprise.change",
        "partial_update": "enterprise.change",
        "destroy": "enterprise.change",
    }
    permission_map = {"list": "enterprise.view", "retrieve": "enterprise.view", **parent_permission_map}

    def perform_create(self, data):
        create, _update, _delete = self.part_services
        return create(enterprise=self.get_parent(), by=self.request.user, data=data)

    def perform_update(self, instance, data):
        _create, update, _delete = self.part_services
        return update(**{self.keyword: instance}, by=self.request.user, data=data)

    def perform_destroy(self, instance):
        _create, _update, delete = self.part_services
        delete(**{self.keyword: instance}, by=self.request.user)


def _inputs(serializer):
    return {"create": serializer, "update": serializer, "partial_update": serializer}


class CertificateViewSet(EnterprisePartViewSet):
    queryset = Certificate.objects.order_by("-issued_on", "pk")
    serializer_class = s.CertificateSerializer
    input_serializers = _inputs(s.CertificateInputSerializer)
    part_services = (services.certificate_create, services.certificate_update, services.certificate_delete)
    keyword = "certificate"


class AwardViewSet(EnterprisePartViewSet):
    queryset = Award.objects.order_by("-year", "pk")
    serializer_class = s.AwardSerializer
    input_serializers = _inputs(s.AwardInputSerializer)
    part_services = (services.award_create, services.award_update, services.award_delete)
    keyword = "award"


class ContactViewSet(EnterprisePartViewSet):
    queryset = Contact.objects.order_by("pk")
    serializer_class = s.ContactSerializer
    input_serializers = _inputs(s.ContactInputSerializer)
    part_services = (services.contact_create, services.contact_update, services.contact_delete)
    keyword = "contact"
