"""Every API error is JSON of one shape, with a stable code and a message in the client's language::

    {"error": {"code": "validation_error", "message": "…", "fields": {"end_year": ["…"]}}}

Codes: ``validation_error`` (400: the input, or a rule of a service, refused it), ``transition_refused`` (400:
the application's workflow refused the action), ``parse_error`` (400), ``not_authenticated`` (401),
``authentication_failed`` (401), ``token_expired`` (401: get a new token), ``permission_denied`` (403),
``not_found`` (404, also for what the person may not see), ``method_not_allowed`` (405), ``not_acceptable``
(406), ``conflict`` (409: the database refused a duplicate), ``unsupported_media_type`` (415), ``throttled``
(429).

``fields`` holds the messages by input field; ``non_field_errors`` those about the whole input. Services raise
Django's ``ValidationError``, ``PermissionDenied`` and ``Http404``: they are answered here like DRF's own.
"""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.http import Http404
from django.utils.encoding import force_str
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import set_rollback

from accounts.api.authentication import TokenExpired
from accounts.ratelimit import wait_message

logger = logging.getLogger(__name__)
NON_FIELD = "non_field_errors"


def _messages() -> dict[str, str]:
    """The message of each code, translated when asked (never at import time)."""
    return {
        "validation_error": _("The data sent is not valid: see the messages by field."),
        "transition_refused": _("The application's workflow refused this action."),
        "parse_error": _("The request body could not be read: send well-formed JSON."),
        "not_authenticated": _("Sign in, or send your API token in the header “Authorization: Token …”."),
        "authentication_failed": _("The API token or the session is not valid."),
        "token_expired": _("The API token has expired: get a new one."),
        "permission_denied": _("You may not do this."),
        "not_found": _("Not found, or you may not see it."),
        "method_not_allowed": _("This method is not allowed here."),
        "not_acceptable": _("The answer cannot be given in the format asked for."),
        "conflict": _("The change conflicts with data already recorded: nothing was saved."),
        "unsupported_media_type": _("The request body's content type is not accepted here."),
        "throttled": _("Too many requests: try again later."),
        "error": _("The request could not be carried out."),
    }


_DRF_CODES: tuple[tuple[type[exceptions.APIException], str], ...] = (
    (exceptions.ValidationError, "validation_error"),
    (exceptions.ParseError, "parse_error"),
    (exceptions.NotAuthenticated, "not_authenticated"),
    (TokenExpired, "token_expired"),
    (exceptions.AuthenticationFailed, "authentication_failed"),
    (exceptions.PermissionDenied, "permission_denied"),
    (exceptions.NotFound, "not_found"),
    (exceptions.MethodNotAllowed, "method_not_allowed"),
    (exceptions.NotAcceptable, "not_acceptable"),
    (exceptions.UnsupportedMediaType, "unsupported_media_type"),
    (exceptions.Throttled, "throttled"),
)


def error_body(code: str, message: str = "", fields: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message or _messages()[code], "fields": fields or {}}}


def _plain(detail: Any) -> Any:
    if isinstance(detail, dict):
        return {str(key): _plain(value) for key, value in detail.items()}
    if isinstance(detail, (list, tuple)):
        return [_plain(value) for value in detail]
    return force_str(detail)


def _django_fields(exc: DjangoValidationError) -> dict[str, Any]:
    if hasattr(exc, "error_dict"):
        return {
            NON_FIELD if name == NON_FIELD_ERRORS else name: list(messages)
            for name, messages in exc.message_dict.items()
        }
    return {NON_FIELD: list(exc.messages)}


def _validation_message(code: str, fields: dict[str, Any]) -> str:
    """The messages about the whole input when there are some (a service's reason), else the generic one."""
    general = [m for m in fields.get(NON_FIELD, []) if isinstance(m, str)]
    return " ".join(general) if general else _messages()[code]


def _response(code: str, status_code: int, message: str = "", fields=None, headers=None) -> Response:
    set_rollback()
    return Response(error_body(code, message, fields), status=status_code, headers=headers)


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's ``EXCEPTION_HANDLER``: the envelope above for every expected error; None (a 500) otherwise."""
    if isinstance(exc, DjangoValidationError):
        from support.workflow import TransitionError  # support sits above accounts: imported when needed

        code = "transition_refused" if isinstance(exc, TransitionError) else "validation_error"
        fields = _django_fields(exc)
        return _response(code, status.HTTP_400_BAD_REQUEST, _validation_message(code, fields), fields)
    if isinstance(exc, Http404):
        return _response("not_found", status.HTTP_404_NOT_FOUND)
    if isinstance(exc, DjangoPermissionDenied):
        message = force_str(exc.args[0]) if exc.args and exc.args[0] else ""
        return _response("permission_denied", status.HTTP_403_FORBIDDEN, message)
    if isinstance(exc, IntegrityError):
        logger.warning("API write refused by the database: %s", exc)
        return _response("conflict", status.HTTP_409_CONFLICT)
    if not isinstance(exc, exceptions.APIException):
        return None
    code = next((name for cls, name in _DRF_CODES if isinstance(exc, cls)), "error")
    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(int(exc.wait))
    fields: dict[str, Any] = {}
    message = ""
    if code == "validation_error":
        detail = _plain(exc.detail)
        fields = detail if isinstance(detail, dict) else {NON_FIELD: detail}
        message = _validation_message(code, fields)
    elif code == "throttled" and getattr(exc, "wait", None):
        message = wait_message(int(exc.wait))
    elif code in {"permission_denied", "authentication_failed", "token_expired"} and force_str(exc.detail) != force_str(
        exc.default_detail
    ):
        message = force_str(exc.detail)  # a reason given by the view or the authentication
    return _response(code, exc.status_code, message, fields, headers)
