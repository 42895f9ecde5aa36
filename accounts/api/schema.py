"""The OpenAPI schema of the API (drf-spectacular): what each view set accepts (its ``input_serializers``),
the query parameters of its lists (its ``filter_serializer_class``), the language parameter, and the error
envelope of ``accounts.api.errors`` on every operation."""

from __future__ import annotations

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter

from .base import LANGUAGE_PARAM

DESCRIPTION = """\
The data of the provinces' productivity-and-quality programme (Decision 1322/QĐ-TTg), for provinces and the
Ministry: plans and what was done under them, enterprises, support policies and applications, reports.

**Authentication.** Send `Authorization: Token <key>`; get a key with `POST /api/v1/auth/token/` (e-mail and
password; each call issues a new key, shown once, with its `expires_at`: 30 days by default) and revoke all of
your keys with `DELETE /api/v1/auth/token/`. A key stops working when it expires (`token_expired`), when your
password changes and when the account is deactivated (`authentication_failed`). Failed sign-ins are limited
(`throttled`, with `Retry-After`). A signed-in browser session works too (with its CSRF token for writes).

**Access.** Exactly as on the portal's pages: a row the person may not see is *not found* (404), an action they
may not take on a row they see is *permission denied* (403).

**Language.** Answers are in Vietnamese. A client asks for English with `?lang=en`; otherwise the portal's
language cookie (the person's choice on the portal) applies, then the `Accept-Language` header (`en` or `vi`),
then Vietnamese. `Content-Language` says which was used.

**Errors.** Every error is `{"error": {"code": …, "message": …, "fields": {…}}}` with a stable `code`
(`validation_error`, `transition_refused`, `parse_error`, `not_authenticated`, `authentication_failed`,
`token_expired`, `permission_denied`, `not_found`, `method_not_allowed`, `conflict`, `unsupported_media_type`,
`throttled`), a translated `message` and, for refused input, the messages by field (`non_field_errors` for the
whole input).

**Lists.** Filters and `ordering` are query parameters (an empty value means "all"). Applications,
enterprises, activities, events and the audit trail are paginated by cursor (`next`/`previous`); other lists
by page (`page`, `page_size` up to 100).

**Money** is whole VND (integers); rates and percentages are decimals written as strings ("30.00").
"""

ERROR_SCHEMA = {
    "type": "object",
    "properties": {
        "error": {
            "type": "object",
            "properties": {
                "code": {
                    "type": "string",
                    "enum": [
                        "validation_error",
                        "transition_refused",
                        "parse_error",
                        "not_authenticated",
                        "authentication_failed",
                        "token_expired",
                        "permission_denied",
                        "not_found",
                        "method_not_allowed",
                        "not_acceptable",
                        "conflict",
                        "unsupported_media_type",
                        "throttled",
                        "error",
                    ],
                },
                "message": {"type": "string"},
                "fields": {"type": "object", "additionalProperties": {}},
            },
            "required": ["code", "message", "fields"],
        }
    },
    "required": ["error"],
}
ERROR_DESCRIPTIONS = {
    "400": "validation_error, transition_refused or parse_error",
    "401": "not_authenticated, authentication_failed or token_expired",
    "403": "permission_denied",
    "404": "not_found",
    "429": "throttled: too many failed attempts; the Retry-After header says in how many seconds to try again",
}
# Operations behind the limits of accounts.ratelimit.
RATE_LIMITED_OPERATIONS = {"auth_token_create"}


class PortalAutoSchema(AutoSchema):
    """Reads the view set's declarations: ``input_serializers`` for request bodies, ``filter_serializer_class``
    for the query parameters of its list."""

    def get_request_serializer(self):
        view = self.view
        getter = getattr(view, "input_serializer_class", None)
        if getter is not None and view.action in getattr(view, "input_serializers", {}):
            return getter(view.action)
        return super().get_request_serializer()

    def get_override_parameters(self):
        parameters = list(super().get_override_parameters())
        view = self.view
        if getattr(view, "action", None) == "list" and getattr(view, "filter_serializer_class", None):
            parameters.append(view.filter_serializer_class)
        parameters.append(
            OpenApiParameter(
                LANGUAGE_PARAM,
                str,
                OpenApiParameter.QUERY,
                required=False,
                enum=["vi", "en"],
                description="The language of messages (default: Vietnamese).",
            )
        )
        return parameters


def add_error_responses(result, generator, request, public):
    """Postprocessing hook: the error envelope as a component, referenced by every operation's error answers."""
    result["info"]["description"] = DESCRIPTION
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    reference = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for path, operations in result.get("paths", {}).items():
        for method, operation in operations.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            codes = ["400", "401", "403"]
            if "{" in path:
                codes.append("404")
            if operation.get("operationId") in RATE_LIMITED_OPERATIONS:
                codes.append("429")
            responses = operation.setdefault("responses", {})
            for code in codes:
                responses.setdefault(code, {"content": reference, "description": ERROR_DESCRIPTIONS[code]})
    return result
