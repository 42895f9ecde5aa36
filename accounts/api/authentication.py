"""API token authentication: ``Authorization: Token <key>``, as with DRF's own, against ``accounts.ApiToken``.

A token opens the API only while it has not expired, its person is active, and the person's password is the one
it was issued under (its fingerprint is the password's session hash, the value Django uses to end a person's
sessions when the password changes). A token that fails the last two is deleted on the spot."""

from __future__ import annotations

from django.utils import formats, timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication

from accounts.models import ApiToken
from accounts.services import api_token_digest


class TokenExpired(exceptions.AuthenticationFailed):
    default_code = "token_expired"


class ApiTokenAuthentication(TokenAuthentication):
    keyword = "Token"
    model = ApiToken

    def authenticate_credentials(self, key: str):
        token = ApiToken.objects.select_related("user").filter(digest=api_token_digest(key)).first()
        if token is None:
            raise exceptions.AuthenticationFailed(
                _("This API token is not valid: get one with POST /api/v1/auth/token/.")
            )
        if token.is_expired:
            expired_on = formats.date_format(timezone.localtime(token.expires_at), "SHORT_DATETIME_FORMAT")
            raise TokenExpired(
                _("This API token expired on %(date)s: get a new one with POST /api/v1/auth/token/.")
                % {"date": expired_on}
            )
        user = token.user
        if not user.is_active or not constant_time_compare(token.password_fingerprint, user.get_session_auth_hash()):
            token.delete()
            raise exceptions.AuthenticationFailed(
                _("This API token was revoked (the password was changed or the account deactivated): get a new one.")
            )
        return user, token
