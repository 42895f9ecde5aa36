"""Template helpers of the support pages: {% load support_tags %}."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils.formats import date_format
from django.utils.text import capfirst

from plans.formatting import format_vnd
from support.workflow import DATA_FIELDS, TRANSITIONS_BY_NAME

register = template.Library()


@register.filter
def transition_label(name: str) -> str:
    """The translated name of a workflow transition ("approve" -> "Phê duyệt")."""
    spec = TRANSITIONS_BY_NAME.get(name)
    return str(spec.label) if spec else name


@register.filter
def event_facts(event) -> list[tuple[str, str]]:
    """The data a transition recorded, as (label, text) pairs: decision number and date, amounts, council."""
    facts = []
    for name, value in (event.data or {}).items():
        spec = DATA_FIELDS.get(name)
        if spec is None or value in (None, ""):
            continue
        if spec.kind == "date":
            try:
                text = date_format(dt.date.fromisoformat(value), "SHORT_DATE_FORMAT")
            except (TypeError, ValueError):
                text = str(value)
        elif spec.kind == "vnd":
            text = f"{format_vnd(value)} đ"
        elif spec.kind == "council":
            text = value.get("name", "") if isinstance(value, dict) else str(value)
        else:
            text = str(value)
        facts.append((capfirst(spec.label), text))
    return facts


@register.filter
def filesize(size: int) -> str:
    """Bytes as "12 KB" / "1,4 MB"."""
    from plans.formatting import format_number

    if size is None:
        return ""
    if size < 1024 * 1024:
        return f"{format_number(max(1, round(size / 1024)))} KB"
    return f"{format_number(round(size / (1024 * 1024), 1))} MB"


@register.filter
def enterprise_kind_label(value: str) -> str:
    from enterprises.models import Enterprise

    return str(Enterprise.Kind(value).label) if value in Enterprise.Kind.values else value


@register.filter
def ownership_label(value: str) -> str:
    from enterprises.models import Enterprise

    return str(Enterprise.Ownership(value).label) if value in Enterprise.Ownership.values else value
