"""Small helpers the support pages share."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Page, Paginator


def posted(request):
    """The submitted data of a POST (even an empty one: a one-click action), None for a GET."""
    return request.POST if request.method == "POST" else None


def page_of(request, rows) -> Page:
    """One page of ``rows`` (settings.PAGE_SIZE), from ``?page=``."""
    return Paginator(rows, settings.PAGE_SIZE).get_page(request.GET.get("page"))
