"""Support applications and their parts: cost items, documents (metadata and download), events, messages,
reviews, payments, and the workflow's actions (``POST /applications/{id}/transitions/{name}/``). The detail is
``support.selectors.application_detail``; every write is a ``support.services`` call, every status change
``support.workflow.application_transition``."""

from __future__ import annotations

from django.db.models import Q
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import renderers, serializers, status
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from accounts import access
from accounts.api.base import (
    AccessViewSet,
    CreateMixin,
    CursorPagination,
    DestroyMixin,
    ListMixin,
    RetrieveMixin,
    UpdateMixin,
)

from .. import selectors, services
from ..models import (
    Application,
    ApplicationEvent,
    ApplicationMessage,
    Attachment,
    CostItem,
    Payment,
    Review,
)
from ..workflow import TRANSITIONS, TRANSITIONS_BY_NAME
from . import serializers as s

APPLICATION_ORDERINGS = {
    "-created_at": ("-created_at", "-pk"),
    "created_at": ("created_at", "pk"),
    "-budget_year": ("-budget_year", "-pk"),
    "budget_year": ("budget_year", "pk"),
}
ACTIONS = [t.name for t in TRANSITIONS if not t.automatic]


class FileRenderer(renderers.BaseRenderer):
    """Lets a download answer any ``Accept``; an error on the way is still rendered as JSON."""

    media_type = "application/octet-stream"
    format = "file"
    charset = None
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, bytes):
            return data
        return renderers.JSONRenderer().render(data)


def file_response(file_field, filename: str, content_type: str) -> FileResponse:
    """A stored file as an attachment download; not found when it is missing."""
    if not file_field:
        raise Http404
    try:
        handle = file_field.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    return FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)


class ApplicationViewSet(ListMixin, UpdateMixin, AccessViewSet):
    """Applications for support: the enterprise's own, the province's, those assigned to the person's council;
    the Ministry reads all. The detail lists the workflow actions this person may start."""

    queryset = Application.objects.select_related("enterprise", "rule__category", "rule__policy", "province")
    serializer_class = s.ApplicationSerializer
    filter_serializer_class = s.ApplicationFilterSerializer
    pagination_class = CursorPagination
    input_serializers = {
        "create": s.ApplicationCreateSerializer,
        "update": s.ApplicationUpdateSerializer,
        "partial_update": s.ApplicationUpdateSerializer,
        "transition": s.TransitionInputSerializer,
    }
    permission_map = {
        "list": "application.view",
        "retrieve": "application.view",
        "create": "application.add",
        "update": "application.edit",
        "partial_update": "application.edit",
        "transition": "application.view",
    }

    def filter_list(self, queryset, filters):
        if filters.get("status"):
            queryset = queryset.filter(status=filters["status"])
        if filters.get("year"):
            queryset = queryset.filter(budget_year=filters["year"])
        if filters.get("category"):
            queryset = queryset.filter(rule__category__code=filters["category"])
        if filters.get("province"):
            queryset = queryset.filter(province_id=filters["province"])
        if filters.get("enterprise"):
            queryset = queryset.filter(enterprise_id=filters["enterprise"])
        search = filters.get("search", "").strip()
        if search:
            queryset = queryset.filter(
                Q(title__icontains=search)
                | Q(enterprise__name__icontains=search)
                | Q(enterprise__tax_code__startswith=search)
            )
        self.cursor_ordering = APPLICATION_ORDERINGS[filters.get("ordering", "-created_at")]
        return queryset

    def detail_response(self, pk: int, status_code: int = status.HTTP_200_OK) -> Response:
        detail = selectors.application_detail(user=self.request.user, pk=pk, check_guards=True)
        return Response(
            s.ApplicationDetailSerializer(detail, context=self.get_serializer_context()).data, status=status_code
        )

    @extend_schema(responses={200: s.ApplicationDetailSerializer})
    def retrieve(self, request, pk=None):
        return self.detail_response(pk)

    @extend_schema(responses={201: s.ApplicationDetailSerializer})
    def create(self, request, *args, **kwargs):
        """A draft of one of your enterprises, with its cost estimate."""
        data = dict(self.get_input().validated_data)
        enterprise, rule, cost_items = data.pop("enterprise"), data.pop("rule"), data.pop("cost_items", [])
        application = services.application_draft_save(
            by=request.user,
            data=data,
            cost_lines=[{**line, "item": None} for line in cost_items],
            enterprise=enterprise,
            rule=rule,
        )
        return self.detail_response(application.pk, status.HTTP_201_CREATED)

    @extend_schema(responses={200: s.ApplicationDetailSerializer})
    def update(self, request, *args, **kwargs):
        """Change the title, description, budget year, quantity or counterpart funds of a draft (or of an
        application whose changes were requested)."""
        return super().update(request, *args, **kwargs)

    @extend_schema(responses={200: s.ApplicationDetailSerializer})
    def partial_update(self, request, *args, **kwargs):
        return super().partial_update(request, *args, **kwargs)

    def perform_update(self, instance, data):
        return services.application_update(application=instance, by=self.request.user, data=data)

    def read(self, instance):
        detail = selectors.application_detail(user=self.request.user, pk=instance.pk, check_guards=True)
        return s.ApplicationDetailSerializer(detail, context=self.get_serializer_context()).data

    @extend_schema(
        parameters=[OpenApiParameter("transition", str, OpenApiParameter.PATH, enum=ACTIONS)],
        responses={200: s.ApplicationDetailSerializer},
    )
    @action(detail=True, methods=["post"], url_path="transitions/<slug:transition>", url_name="transition")
    def transition(self, request, pk=None, transition=None):
        """One action of the workflow (submit, start_screening, send_to_council, approve, ...), with the data it
        takes, under the same guards as the portal's pages. A refusal is ``transition_refused`` with its reasons."""
        spec = TRANSITIONS_BY_NAME.get(transition)
        if spec is None or spec.automatic:
            raise Http404
        application = access.get_object_or_404(
            request.user,
            spec.permission,
            Application.objects.select_related("rule__policy", "enterprise", "province"),
            pk=pk,
        )
        data = dict(self.get_input(instance=application).validated_data)
        comment = data.pop("comment", "")
        actual_amounts = data.pop("actual_amounts", None)
        allowed = {*spec.fields, *spec.optional}
        unexpected = sorted(set(data) - allowed) + (
            ["actual_amounts"] if actual_amounts and spec.name != "accept" else []
        )
        if unexpected:
            message = _("“%(action)s” takes no such data.") % {"action": spec.label}
            raise serializers.ValidationError({name: [message] for name in unexpected})
        if spec.name == "accept":
            known = set(application.cost_items.values_list("pk", flat=True))
            strangers = sorted({line["cost_item"] for line in actual_amounts or []} - known)
            if strangers:
                message = _("Cost items %(ids)s are not of this application.") % {"ids": ", ".join(map(str, strangers))}
                raise serializers.ValidationError({"actual_amounts": [message]})
            services.application_accept(
                application=application,
                by=request.user,
                comment=comment,
                actual_amounts={line["cost_item"]: line["actual_amount"] for line in actual_amounts or []},
                **data,
            )
        else:
            services.application_transition(
                application=application, transition=spec.name, by=request.user, comment=comment, **data
            )
        return self.detail_response(application.pk)


class ApplicationPartViewSet(AccessViewSet):
    """A part of the application in the URL: whoever sees the application reaches it (404 otherwise); what
    they may do with it is the action's permission (403 otherwise)."""

    parent_url_kwarg = "application_pk"
    parent_queryset = Application.objects.select_related("province", "enterprise", "rule__policy")
    parent_lookup = "application"
    parent_view_permission = "application.view"


class CostItemViewSet(ListMixin, RetrieveMixin, CreateMixin, UpdateMixin, DestroyMixin, ApplicationPartViewSet):
    """The cost estimate of the application; the enterprise changes it while the dossier may change, and
    enters the actual amounts during implementation."""

    queryset = CostItem.objects.order_by("position", "pk")
    serializer_class = s.CostItemSerializer
    input_serializers = {
        "create": s.CostItemInputSerializer,
        "update": s.CostItemInputSerializer,
        "partial_update": s.CostItemInputSerializer,
        "actual": s.ActualAmountSerializer,
    }
    parent_permission_map = {
        "create": "application.edit",
        "update": "application.edit",
        "partial_update": "application.edit",
        "destroy": "application.edit",
        "actual": "application.implement",
    }
    permission_map = {"list": "application.view", "retrieve": "application.view", **parent_permission_map}

    def perform_create(self, data):
        return services.cost_item_add(application=self.get_parent(), by=self.request.user, **data)

    def perform_update(self, instance, data):
        return services.cost_item_update(cost_item=instance, by=self.request.user, data=data)

    def perform_destroy(self, instance):
        services.cost_item_delete(cost_item=instance, by=self.request.user)

    @extend_schema(responses={200: s.CostItemSerializer})
    @action(detail=True, methods=["post"])
    def actual(self, request, application_pk=None, pk=None):
        """The actual amount of the cost, from the invoices (during implementation)."""
        item = self.get_object()
        amount = self.get_input(instance=item).validated_data["actual_amount"]
        item = services.cost_item_record_actual(cost_item=item, by=request.user, actual_amount=amount)
        return Response(self.read(item))


class DocumentViewSet(ListMixin, RetrieveMixin, CreateMixin, DestroyMixin, ApplicationPartViewSet):
    """The documents of the dossier: metadata, upload (multipart: ``kind`` and ``file``), download, removal."""

    queryset = Attachment.objects.select_related("uploaded_by").order_by("kind", "uploaded_at", "pk")
    serializer_class = s.AttachmentSerializer
    parser_classes = [MultiPartParser, FormParser]
    input_serializers = {"create": s.AttachmentUploadSerializer}
    parent_permission_map = {"create": "application.attach", "destroy": "application.edit"}
    permission_map = {
        "list": "application.view",
        "retrieve": "application.view",
        "download": "application.view",
        **parent_permission_map,
    }

    def perform_create(self, data):
        return services.attachment_upload(application=self.get_parent(), by=self.request.user, **data)

    def perform_destroy(self, instance):
        services.attachment_delete(attachment=instance, by=self.request.user)

    @extend_schema(responses={(200, "application/octet-stream"): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"], renderer_classes=[renderers.JSONRenderer, FileRenderer])
    def download(self, request, application_pk=None, pk=None):
        """The file, from private storage, to whoever may read its application."""
        attachment = self.get_object()
        return file_response(attachment.file, attachment.original_name, attachment.content_type)


class EventViewSet(ListMixin, RetrieveMixin, ApplicationPartViewSet):
    """The history of the application: every status change, who made it, when, with what comment and data."""

    queryset = ApplicationEvent.objects.select_related("actor")
    serializer_class = s.ApplicationEventSerializer
    pagination_class = CursorPagination
    permission_map = {"list": "application.view", "retrieve": "application.view"}

    def filter_list(self, queryset, filters):
        self.cursor_ordering = ("at", "pk")
        return queryset


class MessageViewSet(ListMixin, RetrieveMixin, CreateMixin, ApplicationPartViewSet):
    """Messages between the enterprise and the province's staff about the application."""

    queryset = ApplicationMessage.objects.select_related("author").order_by("created_at", "pk")
    serializer_class = s.ApplicationMessageSerializer
    input_serializers = {"create": s.MessageInputSerializer}
    parent_permission_map = {"list": "message.view", "retrieve": "message.view", "create": "application.message"}
    permission_map = dict(parent_permission_map)

    def perform_create(self, data):
        return services.message_post(application=self.get_parent(), by=self.request.user, body=data["body"])


class ReviewViewSet(ListMixin, RetrieveMixin, AccessViewSet):
    """The council's reviews of the application: the province's staff read all, a council member their own
    and gives it (a score and a recommendation) or declares a conflict of interest."""

    queryset = Review.objects.select_related("member__user").order_by("member__role", "pk")
    serializer_class = s.ReviewSerializer
    input_serializers = {"create": s.ReviewInputSerializer, "conflict": s.ConflictInputSerializer}
    parent_url_kwarg = "application_pk"
    parent_queryset = Application.objects.select_related("province", "enterprise")
    parent_lookup = "application"
    parent_view_permission = "application.view"
    parent_permission_map = {
        "list": "review.view",
        "retrieve": "review.view",
        "create": "application.review",
        "conflict": "application.review",
    }
    permission_map = dict(parent_permission_map)

    @extend_schema(responses={200: s.ReviewSerializer, 201: s.ReviewSerializer})
    def create(self, request, *args, **kwargs):
        """Give (or change) your review: a score from 0 to 100 and a recommendation."""
        data = self.get_input().validated_data
        application = self.get_parent()
        existed = Review.objects.filter(application=application, member__user=request.user).exists()
        review = services.review_submit(application=application, by=request.user, **data)
        return Response(self.read(review), status=status.HTTP_200_OK if existed else status.HTTP_201_CREATED)

    @extend_schema(responses={200: s.ReviewSerializer})
    @action(detail=False, methods=["post"])
    def conflict(self, request, application_pk=None):
        """Declare a conflict of interest: your score, if any, is withdrawn and you no longer score it."""
        note = self.get_input().validated_data["note"]
        review = services.conflict_declare(application=self.get_parent(), by=request.user, note=note)
        return Response(self.read(review))


class PaymentViewSet(ListMixin, RetrieveMixin, CreateMixin, ApplicationPartViewSet):
    """Payments of the support, after acceptance; the last one marks the application paid."""

    queryset = Payment.objects.select_related("recorded_by").order_by("paid_on", "pk")
    serializer_class = s.PaymentSerializer
    input_serializers = {"create": s.PaymentInputSerializer}
    parent_permission_map = {"create": "application.pay"}
    permission_map = {"list": "application.view", "retrieve": "application.view", **parent_permission_map}

    def perform_create(self, data):
        return services.payment_record(application=self.get_parent(), by=self.request.user, **data)
