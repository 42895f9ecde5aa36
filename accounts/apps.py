from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and access")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from . import checks  # noqa: F401  (registers system checks)
        from .sessions import set_session_length

        # The session's length by role: the one hook every sign-in door shares (accounts/sessions.py says why).
        user_logged_in.connect(set_session_length, dispatch_uid="accounts.session_length")
