from django.conf import settings
from django.contrib.auth.backends import ModelBackend

from .ratelimit import SignInGuard


class PortalBackend(ModelBackend):
    """E-mail sign-in, within the limits on attempts; demo accounts (published passwords) work only in demo mode.

    Every door that signs in calls ``authenticate()`` and so comes here: the portal's sign-in page, the Django
    admin's (``/quan-tri/login/``) and the API token endpoint. The attempt is counted before the password is looked
    at (``accounts.ratelimit.SignInGuard``); a refused one raises ``TooManyAttemptsError``, a ``ValidationError``
    that the sign-in forms show as it is and the token endpoint answers with 429.
    """

    def user_can_authenticate(self, user) -> bool:
        if getattr(user, "is_demo", False) and not settings.DEMO_MODE:
            return False
        return super().user_can_authenticate(user)

    def authenticate(self, request, username=None, password=None, **kwargs):
        email = kwargs.pop("email", username)
        if email is None or password is None:
            return None
        email = email.strip().lower()
        guard = SignInGuard(request, email)
        guard.begin()
        user = super().authenticate(request, username=email, password=password, **kwargs)
        if user is not None:
            guard.succeeded()
        return user
