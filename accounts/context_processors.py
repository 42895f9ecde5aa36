from django.utils.functional import SimpleLazyObject

from . import access


def portal(request):
    """Navigation facts for the base template: the person's roles and unread notifications."""
    user = getattr(request, "user", None)

    def unread() -> int:
        if user is None or not user.is_authenticated:
            return 0
        return user.notifications.filter(read_at__isnull=True).count()

    return {
        "principal": SimpleLazyObject(lambda: access.principal_for(user)),
        "unread_notifications": SimpleLazyObject(unread),
    }
