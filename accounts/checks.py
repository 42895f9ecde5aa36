from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def demo_mode_off_in_deploy(app_configs, **kwargs):
    if settings.DEMO_MODE:
        return [Error("NSCL_DEMO_MODE is on: demo accounts with published passwords could sign in.", id="nscl.E001")]
    return []


@register(Tags.database)
def no_demo_accounts_outside_demo_mode(app_configs, databases=None, **kwargs):
    """`manage.py check --database default` (run before starting production) refuses demo accounts."""
    if settings.DEMO_MODE or not databases:
        return []
    from .models import User

    if User.objects.filter(is_demo=True).exists():
        return [
            Error(
                "Demo accounts exist in this database; remove them before running in production.",
                hint='python manage.py shell -c "from accounts.models import User; '
                'User.objects.filter(is_demo=True).delete()"',
                id="nscl.E002",
            )
        ]
    return []
