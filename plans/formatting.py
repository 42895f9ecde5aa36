"""Numbers and money the Vietnamese way: "6.747", "2.616,3 triệu đồng", through Django's formats."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format

MILLION = Decimal(1_000_000)


def format_number(value, decimal_pos: int | None = None) -> str:
    """Grouped with the active language's separators; trailing decimal zeros dropped when
    ``decimal_pos`` is None ("10", "7,5", "2.616,3")."""
    if value is None or value == "":
        return ""
    value = Decimal(str(value))
    if decimal_pos is None:
        value = value.normalize()
        exponent = value.as_tuple().exponent
        decimal_pos = max(0, -exponent) if isinstance(exponent, int) else 0
    return number_format(value, decimal_pos=decimal_pos, use_l10n=True, force_grouping=True)


def format_vnd(value) -> str:
    """Whole VND: "6.747.000.000"."""
    if value is None or value == "":
        return ""
    return format_number(Decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP), decimal_pos=0)


def format_million(value, max_decimals: int = 3) -> str:
    """VND shown in millions, as the documents do: 2_616_300_000 -> "2.616,3"."""
    if value is None or value == "":
        return ""
    millions = (Decimal(value) / MILLION).quantize(Decimal(1).scaleb(-max_decimals), rounding=ROUND_HALF_UP)
    return format_number(millions)
