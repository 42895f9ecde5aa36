from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and access")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in
        from django.db.backends.signals import connection_created

        from . import checks  # noqa: F401  (registers system checks)
        from .sessions import set_session_length

        # The session's length by role: the one hook every sign-in door shares (accounts/sessions.py says why).
        user_logged_in.connect(set_session_length, dispatch_uid="accounts.session_length")
        # Vietnamese alphabetical order for names on SQLite too (accounts/collation.py).
        from .collation import register_sqlite_collation

        connection_created.connect(register_sqlite_collation, dispatch_uid="accounts.vietnamese_collation")
