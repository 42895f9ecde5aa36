"""API tokens, the signed-in person and the audit trail."""

from __future__ import annotations

from django.contrib.auth import authenticate
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import permissions, status
from rest_framework.exceptions import Throttled
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import services
from accounts.models import AuditEntry
from accounts.ratelimit import TooManyAttemptsError

from . import serializers as s
from .base import ApiMixin, CursorPagination, ReadOnlyViewSet


class TokenView(ApiMixin, APIView):
    """Get an API token with an account's e-mail address and password, or revoke the account's tokens. The sign-in
    is limited like the portal's (``accounts.ratelimit``, applied by the authentication backend)."""

    permission_classes = [permissions.AllowAny]

    def get_permissions(self):
        if self.request.method == "DELETE":
            return [permissions.IsAuthenticated()]
        return super().get_permissions()

    @extend_schema(
        operation_id="auth_token_create",
        request=s.TokenRequestSerializer,
        responses={200: s.TokenSerializer},
        auth=[],
        summary="Get a new API token with your e-mail address and password",
    )
    def post(self, request):
        data = s.TokenRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            user = authenticate(
                request._request, email=data.validated_data["email"], password=data.validated_data["password"]
            )
        except TooManyAttemptsError as exc:
            raise Throttled(wait=exc.wait) from exc
        if user is None:
            raise ValidationError(_("The e-mail address or the password is not right, or the account is disabled."))
        token, key = services.api_token_issue(user=user)
        return Response(s.TokenSerializer({"token": key, "expires_at": token.expires_at, "user": user}).data)

    @extend_schema(
        operation_id="auth_token_destroy", request=None, responses={204: None}, summary="Revoke all your API tokens"
    )
    def delete(self, request):
        services.api_tokens_revoke(user=request.user, by=request.user, reason=_("asked by the person"))
        return Response(status=status.HTTP_204_NO_CONTENT)


class MeView(ApiMixin, APIView):
    """The signed-in person and the roles they hold."""

    @extend_schema(operation_id="auth_me_retrieve", responses={200: s.MeSerializer})
    def get(self, request):
        return Response(s.MeSerializer(request.user).data)


class AuditEntryViewSet(ReadOnlyViewSet):
    """The audit trail: who changed what, when, from what to what (a province's, or everything for the
    Ministry)."""

    queryset = AuditEntry.objects.select_related("actor", "content_type")
    serializer_class = s.AuditEntrySerializer
    filter_serializer_class = s.AuditFilterSerializer
    pagination_class = CursorPagination
    permission_map = {"list": "audit.view", "retrieve": "audit.view"}

    def filter_list(self, queryset, filters):
        if filters.get("province"):
            queryset = queryset.filter(province_id=filters["province"])
        if filters.get("object_type"):
            app_label, model = filters["object_type"].split(".", 1)
            queryset = queryset.filter(content_type__app_label=app_label, content_type__model=model)
        if filters.get("object_id"):
            queryset = queryset.filter(object_id=filters["object_id"])
        if filters.get("action"):
            queryset = queryset.filter(action=filters["action"])
        self.cursor_ordering = ("at", "id") if filters.get("ordering") == "at" else ("-at", "-id")
        return queryset


def routes(router) -> None:
    router.register("audit", AuditEntryViewSet, basename="audit")
