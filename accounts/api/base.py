"""Access-checked view sets for the API, built on ``accounts.access`` and nothing else.

A view set declares, per action, the permission of ``accounts.access.RULES`` it needs::

    class PlanViewSet(ListMixin, RetrieveMixin, AccessViewSet):
        permission_map = {"list": "plan.view", "retrieve": "plan.view", "update": "plan.change", ...}

* lists are ``access.scope(user, permission, base_queryset())``; an action on the collection (a list, a
  create) is refused with 403 when no role of the person grants its permission at all, as the pages do;
* one object is ``access.get_object_or_404(user, permission, base_queryset(), pk=...)``: 404 when the person
  cannot see it, 403 when they see it but may not do this;
* a nested view set (``/plans/{plan_pk}/phases/``) first reaches its parent the same way, then its rows;
* writes validate the input's shape with a serializer (``input_serializers``) and call the app's service,
  which enforces the rules: a ``ValidationError`` it raises becomes a 400 (``accounts.api.errors``).

No role is checked here: the permissions are the access module's.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db import models
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import trans_real
from rest_framework import pagination, permissions, serializers, status, viewsets
from rest_framework.exceptions import NotAcceptable
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from accounts import access

LANGUAGE_PARAM = "lang"


# --- Language ------------------------------------------------------------------------------------------------


def api_language(request) -> str:
    """The language of an API answer: ``?lang=``, else the portal's language cookie (the person's choice in
    the portal), else the first supported language of ``Accept-Language``, else Vietnamese."""
    supported = [code for code, _name in settings.LANGUAGES]
    asked = (request.GET.get(LANGUAGE_PARAM) or "").strip().lower()
    if asked in supported:
        return asked
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if cookie in supported:
        return cookie
    for code, _quality in trans_real.parse_accept_lang_header(request.META.get("HTTP_ACCEPT_LANGUAGE", "")):
        primary = code.split("-")[0].lower()
        if primary in supported:
            return primary
    return settings.LANGUAGE_CODE


class JsonFirstNegotiation(DefaultContentNegotiation):
    """The API speaks JSON: a client that asks for something else (a browser's "text/html") still gets JSON
    rather than a 406. Downloads answer with the file whatever was asked."""

    def select_renderer(self, request, renderers, format_suffix=None):
        try:
            return super().select_renderer(request, renderers, format_suffix)
        except NotAcceptable:
            return renderers[0], renderers[0].media_type


class ApiMixin:
    """What every API view does: answer in JSON (the documentation pages are /api/docs/ and /api/redoc/), and
    activate the client's language before anything can fail, saying which one answered."""

    renderer_classes = [JSONRenderer]
    content_negotiation_class = JsonFirstNegotiation

    def initial(self, request, *args, **kwargs):
        language = api_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        super().initial(request, *args, **kwargs)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Content-Language"] = getattr(request, "LANGUAGE_CODE", None) or translation.get_language()
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response


# --- Pagination ---------------------------------------------------------------------------------------------


class PagePagination(pagination.PageNumberPagination):
    """``?page=`` and ``?page_size=`` (at most 100); the portal's page size by default."""

    page_size_query_param = "page_size"
    max_page_size = 100

    def get_page_size(self, request):
        return super().get_page_size(request) or settings.PAGE_SIZE


class CursorPagination(pagination.CursorPagination):
    """For the large collections: ``?cursor=`` from ``next``/``previous``, stable while rows are added. The
    view gives the ordering (its ``?ordering=`` choice); its first field is a column of the row itself."""

    page_size_query_param = "page_size"
    max_page_size = 100
    ordering = ("-pk",)

    def get_page_size(self, request):
        return super().get_page_size(request) or settings.PAGE_SIZE

    def get_ordering(self, request, queryset, view):
        return getattr(view, "cursor_ordering", None) or self.ordering


# --- Permissions ------------------------------------------------------------------------------------------


class MappedPermission(permissions.BasePermission):
    """Signed in; for an action on a top-level collection, a role granting the action's permission at all.
    Objects (and the parents of nested collections) are decided by the view through ``accounts.access``."""

    def has_permission(self, request, view) -> bool:
        user = request.user
        if user is None or not user.is_authenticated:
            return False
        if getattr(view, "detail", False) or getattr(view, "parent_url_kwarg", None):
            return True
        if getattr(view, "action", None) in (None, "metadata"):  # a method the view does not answer: 405 follows
            return True
        return access.can(user, view.permission_for())


MAX_ID = 2**63 - 1  # the largest key a BigAutoField holds


class IdField(serializers.IntegerField):
    """The id of a row, as a filter or in a body: a positive whole number the database can hold."""

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(**kwargs)


class ScopedPrimaryKeyRelatedField(serializers.PrimaryKeyRelatedField):
    """An id among the rows the person may reach for ``permission``: another province's row is "not found",
    exactly like an id that does not exist."""

    def __init__(self, *, permission: str, **kwargs):
        self.permission = permission
        super().__init__(**kwargs)

    def get_queryset(self):
        queryset = super().get_queryset()
        request = self.context.get("request")
        if request is None:
            return queryset.none()
        return access.scope(request.user, self.permission, queryset)


# --- View sets --------------------------------------------------------------------------------------------


class AccessViewSet(ApiMixin, viewsets.GenericViewSet):
    """A view set whose actions map to ``accounts.access`` permissions (see the module docstring).

    Declare ``queryset`` (the planned read: select_related/prefetch_related), ``serializer_class`` (what is
    returned), ``permission_map`` (action -> permission), ``input_serializers`` (action -> what is accepted),
    ``filter_serializer_class`` (the query parameters of the list) and, for nested collections, the parent.
    """

    permission_classes = [MappedPermission]
    pagination_class = PagePagination
    metadata_class = None  # no OPTIONS description: the OpenAPI schema describes the API
    lookup_value_converter = "int"
    permission_map: ClassVar[dict[str, str]] = {}
    # The permission that makes an object visible, when an action's permission has no ".view" of its own in
    # RULES (e.g. "task.report_progress" on what "progress.view" shows): 403 rather than 404 for viewers.
    view_permission: ClassVar[str | None] = None
    input_serializers: ClassVar[dict[str, type[serializers.Serializer]]] = {}
    filter_serializer_class: ClassVar[type[serializers.Serializer] | None] = None

    # Nested collections: /plans/{plan_pk}/phases/. The parent is reached with ``parent_view_permission``
    # (404 otherwise), then the action's ``parent_permission_map`` permission on it (403 otherwise).
    parent_url_kwarg: ClassVar[str | None] = None
    parent_queryset: ClassVar[models.QuerySet | None] = None
    parent_lookup: ClassVar[str] = ""
    parent_view_permission: ClassVar[str] = ""
    parent_permission_map: ClassVar[dict[str, str]] = {}

    cursor_ordering: tuple[str, ...] | None = None

    # -- permissions
    def permission_for(self, action: str | None = None) -> str:
        action = action or self.action
        try:
            return self.permission_map[action]
        except KeyError as exc:
            raise ImproperlyConfigured(f"{type(self).__name__}.permission_map has no entry for {action!r}") from exc

    def check_permissions(self, request):
        super().check_permissions(request)
        if self.parent_url_kwarg:
            self.get_parent()

    # -- the parent of a nested collection
    def get_parent(self) -> models.Model:
        if not hasattr(self, "_parent"):
            user = self.request.user
            parent = access.get_object_or_404(
                user,
                self.parent_view_permission,
                self.parent_queryset.all(),
                pk=self.kwargs[self.parent_url_kwarg],
            )
            permission = self.parent_permission_map.get(self.action, self.parent_view_permission)
            if permission != self.parent_view_permission and not access.can(user, permission, parent):
                raise PermissionDenied
            self._parent = parent
        return self._parent

    # -- reads
    def base_queryset(self) -> models.QuerySet:
        """The planned read (``queryset``), narrowed to the parent for a nested collection. Not scoped."""
        queryset = self.queryset.all()
        if self.parent_url_kwarg:
            queryset = queryset.filter(**{self.parent_lookup: self.get_parent()})
        return queryset

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator
            return self.queryset.none()
        return access.scope(self.request.user, self.permission_for(), self.base_queryset())

    def get_object(self):
        user, permission = self.request.user, self.permission_for()
        lookup = {"pk": self.kwargs[self.lookup_url_kwarg or self.lookup_field]}
        if self.view_permission and self.view_permission != permission:
            obj = access.get_object_or_404(user, self.view_permission, self.base_queryset(), **lookup)
            if not access.can(user, permission, obj):
                raise PermissionDenied
            return obj
        return access.get_object_or_404(user, permission, self.base_queryset(), **lookup)

    def filters(self) -> dict[str, Any]:
        """The list's query parameters, validated (400 when invalid); empty values mean "all"."""
        if self.filter_serializer_class is None:
            return {}
        data = {key: value for key, value in self.request.query_params.items() if value != ""}
        checked = self.filter_serializer_class(data=data, context=self.get_serializer_context())
        checked.is_valid(raise_exception=True)
        return checked.validated_data

    def filter_list(self, queryset: models.QuerySet, filters: dict[str, Any]) -> models.QuerySet:
        """Narrow the scoped list by the validated query parameters (override per view set)."""
        return queryset

    def read(self, instance: models.Model) -> dict[str, Any]:
        """What is returned after a write: the row read again with the planned query."""
        fresh = self.base_queryset().get(pk=instance.pk)
        return self.get_serializer(fresh).data

    # -- writes
    def input_serializer_class(self, action: str | None = None) -> type[serializers.Serializer] | None:
        return self.input_serializers.get(action or self.action)

    def get_input(self, *, instance=None, partial: bool = False) -> serializers.Serializer:
        """The input serializer of the action, validated against the request body (400 when invalid)."""
        serializer_class = self.input_serializer_class()
        if serializer_class is None:
            raise ImproperlyConfigured(f"{type(self).__name__}.input_serializers has no entry for {self.action!r}")
        context = {**self.get_serializer_context(), "instance": instance}
        if self.parent_url_kwarg:
            context["parent"] = self.get_parent()
        serializer = serializer_class(data=self.request.data, partial=partial, context=context)
        serializer.is_valid(raise_exception=True)
        return serializer

    @staticmethod
    def full_data(instance: models.Model, serializer: serializers.Serializer) -> dict[str, Any]:
        """The input completed with the object's current values for what the request left out, so that a
        service that checks fields together (dates in order, a range's bounds) sees the whole picture."""
        data = dict(serializer.validated_data)
        many = {f.name for f in instance._meta.many_to_many}
        for name, field in serializer.fields.items():
            source = field.source if field.source not in ("*", None) else name
            if field.read_only or source in data or not hasattr(instance, source):
                continue
            value = getattr(instance, source)
            data[source] = list(value.all()) if source in many else value
        return data


class ListMixin:
    def list(self, request, *args, **kwargs):
        queryset = self.filter_list(self.get_queryset(), self.filters())
        if self.paginator is None:
            return Response(self.get_serializer(queryset, many=True).data)
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class RetrieveMixin:
    def retrieve(self, request, *args, **kwargs):
        return Response(self.get_serializer(self.get_object()).data)


class CreateMixin:
    """POST: validate the input, ``perform_create(data)`` calls the service, the new row is returned (201)."""

    def create(self, request, *args, **kwargs):
        serializer = self.get_input()
        instance = self.perform_create(dict(serializer.validated_data))
        return Response(self.read(instance), status=status.HTTP_201_CREATED)

    def perform_create(self, data: dict[str, Any]) -> models.Model:  # pragma: no cover - declared per view set
        raise NotImplementedError


class UpdateMixin:
    """PUT and PATCH: ``perform_update(instance, data)`` calls the service with the completed input."""

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        instance = self.get_object()
        serializer = self.get_input(instance=instance, partial=partial)
        instance = self.perform_update(instance, self.full_data(instance, serializer))
        return Response(self.read(instance))

    def partial_update(self, request, *args, **kwargs):
        kwargs["partial"] = True
        return self.update(request, *args, **kwargs)

    def perform_update(self, instance: models.Model, data: dict[str, Any]) -> models.Model:  # pragma: no cover
        raise NotImplementedError


class DestroyMixin:
    def destroy(self, request, *args, **kwargs):
        self.perform_destroy(self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)

    def perform_destroy(self, instance: models.Model) -> None:  # pragma: no cover - declared per view set
        raise NotImplementedError


class ReadOnlyViewSet(ListMixin, RetrieveMixin, AccessViewSet):
    pass


class ModelViewSet(ListMixin, RetrieveMixin, CreateMixin, UpdateMixin, DestroyMixin, AccessViewSet):
    pass


def choice_filter(choices, **kwargs) -> serializers.ChoiceField:
    """An optional query parameter taking one of ``choices``."""
    return serializers.ChoiceField(choices=choices, required=False, **kwargs)


def ordering_filter(orderings: dict[str, tuple[str, ...]], **kwargs) -> serializers.ChoiceField:
    """``?ordering=`` among named orderings (a leading "-" reverses one)."""
    return serializers.ChoiceField(choices=list(orderings), required=False, **kwargs)
