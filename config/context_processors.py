from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from accounts import access

from .menu import MENU


def menu(request):
    """The menu entries the person may use, grouped by section, decided by the access module (no query
    per entry: permissions without an object are answered from the person's memberships)."""
    user = getattr(request, "user", None)

    def sections() -> list[tuple[str, list[tuple[str, str]]]]:
        if user is None or not user.is_authenticated:
            return []
        grouped: dict[str, list[tuple[str, str]]] = {}
        for item in MENU:
            if access.can(user, item.permission):
                grouped.setdefault(str(item.section), []).append((reverse(item.url_name), item.label))
        return list(grouped.items())

    return {"menu": SimpleLazyObject(sections)}
