"""Template helpers of the plan pages: {% load plans_tags %}."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from plans.formatting import format_million
from plans.models import LegalDocument, Plan, Province

register = template.Library()


@register.simple_tag
def province_label(province: Province | None) -> str:
    """The province of the time with today's successor: "Kon Tum — nay thuộc Quảng Ngãi"."""
    if province is None:
        return ""
    successor = province.successor
    if successor is None:
        return province.name
    if successor.name == province.name:
        title = successor.title
        return _("%(province)s — now part of the new %(successor)s") % {
            "province": province.name,
            "successor": title[:1].lower() + title[1:],
        }
    return _("%(province)s — now part of %(successor)s") % {"province": province.name, "successor": successor.name}


def _written_date(place: str, day: int, month: int, year: int) -> str:
    # Decree 30/2020: days below 10 and the months January and February are written with a leading zero.
    return _("%(place)s, %(day)s/%(month)s/%(year)s") % {
        "place": place,
        "day": f"{day:02d}",
        "month": f"{month:02d}" if month < 3 else str(month),
        "year": year,
    }


@register.simple_tag
def place_date(plan: Plan) -> str:
    """The place and date line: "Bạc Liêu, ngày 03 tháng 12 năm 2021", or the date as written."""
    place = plan.province.name
    if plan.issued_on:
        return _written_date(place, plan.issued_on.day, plan.issued_on.month, plan.issued_on.year)
    if plan.issued_note:
        return f"{place}, {plan.issued_note}"
    return ""


@register.simple_tag
def basis_sentence(document: LegalDocument) -> str:
    """ "Căn cứ Quyết định số 1322/QĐ-TTg ngày 31/8/2020 của Thủ tướng Chính phủ phê duyệt ..." """
    kind = _("document") if document.kind == LegalDocument.Kind.OTHER else document.get_kind_display()
    values = {"kind": kind[:1].upper() + kind[1:], "number": document.number, "issuer": document.issuer}
    if document.issued_on:
        values["date"] = document.issued_on.strftime("%d/%m/%Y")
        text = _("Pursuant to %(kind)s No. %(number)s of %(date)s of %(issuer)s") % values
    else:
        text = _("Pursuant to %(kind)s No. %(number)s of %(issuer)s") % values
    title = " ".join(document.title.split())
    if title:
        text += " " + title[:1].lower() + title[1:]
    return text.rstrip(" ;.") + ";"


@register.simple_tag
def child_url(plan: Plan, kind: str, action: str, child=None) -> str:
    """{% child_url plan "task" "update" task %} -> /ke-hoach/1/nhiem-vu/5/sua/"""
    args = [plan.pk] if child is None else [plan.pk, child.pk]
    return reverse(f"plans:{kind}_{action}", args=args)


@register.simple_tag
def budget_issue(issue) -> str:
    """A plans.budget.Inconsistency in words, amounts in millions of VND as the documents give them."""
    values = {
        "line": str(issue.line) if issue.line is not None else "",
        "expected": format_million(issue.expected),
        "actual": format_million(issue.actual),
        "year": issue.year,
    }
    messages = {
        "incomplete_line": _("“%(line)s” lacks its estimate or its support rate."),
        "heading_estimate_mismatch": _(
            "The heading “%(line)s” states %(actual)s million VND but its lines add up to %(expected)s million VND."
        ),
        "state_by_year_mismatch": _(
            "The state amounts by year of “%(line)s” add up to %(actual)s million VND, not to the state share of "
            "its lines, %(expected)s million VND."
        ),
        "enterprise_by_year_mismatch": _(
            "The enterprises' amounts by year of “%(line)s” add up to %(actual)s million VND, not to the "
            "enterprises' share of its lines, %(expected)s million VND."
        ),
        "state_by_year_total_mismatch": _(
            "The state amounts by year add up to %(actual)s million VND, not to the plan's state total, "
            "%(expected)s million VND."
        ),
        "year_outside_plan": _("“%(line)s” has money planned in %(year)s, outside the plan period."),
    }
    message = messages.get(issue.code)
    if message is None:  # a check added to plans.budget that this page does not word yet
        return _("Something in the budget does not add up (%(code)s).") % {"code": issue.code}
    return message % values
