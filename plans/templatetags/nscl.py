"""Template filters for numbers and money, shared by every app: {% load nscl %}."""

from django import template
from django.utils.http import urlencode

from plans.formatting import format_million, format_number, format_vnd

register = template.Library()


@register.filter
def number(value, decimal_pos=None):
    """{{ 1234.5|number }} -> "1.234,5" in Vietnamese."""
    return format_number(value, None if decimal_pos in (None, "") else int(decimal_pos))


@register.filter
def vnd(value):
    """{{ 6747000000|vnd }} -> "6.747.000.000"."""
    return format_vnd(value)


@register.filter
def million(value):
    """{{ 2616300000|million }} -> "2.616,3" (millions of VND, as the documents print them)."""
    return format_million(value)


@register.simple_tag(takes_context=True)
def query_without_page(context):
    """The current query string without ?page=, for pagination links that keep the filters."""
    request = context["request"]
    params = [(k, v) for k, values in request.GET.lists() for v in values if k != "page"]
    return urlencode(params)
