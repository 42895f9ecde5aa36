"""Enterprise size under Decree 80/2021/NĐ-CP, Article 5. Pure: no database, no settings.

An enterprise belongs to the smallest class whose employee limit it meets AND whose revenue OR capital
limit it meets; an enterprise that meets none of the three is large (not an SME). The limits depend on
the sector group of the enterprise's main registered business line.
"""

from __future__ import annotations

from typing import NamedTuple

from django.db import models
from django.utils.translation import gettext_lazy as _

BILLION = 1_000_000_000


class SectorGroup(models.TextChoices):
    PRODUCTION = "production", _("agriculture, forestry, fishery, industry and construction")
    TRADE_SERVICES = "trade_services", _("trade and services")


class SizeClass(models.TextChoices):
    MICRO = "micro", _("micro")
    SMALL = "small", _("small")
    MEDIUM = "medium", _("medium")
    LARGE = "large", _("large (not an SME)")


class Limit(NamedTuple):
    size: SizeClass
    employees: int  # average employees with social insurance, at most
    revenue: int  # the year's total revenue, VND, at most
    capital: int  # total capital, VND, at most


# Decree 80/2021/NĐ-CP Art. 5, clauses 1-3, smallest class first.
LIMITS: dict[str, tuple[Limit, ...]] = {
    SectorGroup.PRODUCTION: (
        Limit(SizeClass.MICRO, 10, 3 * BILLION, 3 * BILLION),
        Limit(SizeClass.SMALL, 100, 50 * BILLION, 20 * BILLION),
        Limit(SizeClass.MEDIUM, 200, 200 * BILLION, 100 * BILLION),
    ),
    SectorGroup.TRADE_SERVICES: (
        Limit(SizeClass.MICRO, 10, 10 * BILLION, 3 * BILLION),
        Limit(SizeClass.SMALL, 50, 100 * BILLION, 50 * BILLION),
        Limit(SizeClass.MEDIUM, 100, 300 * BILLION, 100 * BILLION),
    ),
}


def size_class(*, sector_group: str, employees: int, revenue: int, capital: int) -> SizeClass:
    """The Decree 80 size class of an enterprise.

    >>> size_class(sector_group="production", employees=10, revenue=3 * BILLION, capital=50 * BILLION)
    <SizeClass.MICRO: 'micro'>
    """
    if employees < 0 or revenue < 0 or capital < 0:
        raise ValueError("Employees, revenue and capital cannot be negative.")
    for limit in LIMITS[SectorGroup(sector_group)]:
        if employees <= limit.employees and (revenue <= limit.revenue or capital <= limit.capital):
            return limit.size
    return SizeClass.LARGE


def is_sme(size: str) -> bool:
    """Micro, small and medium enterprises (DNNVV) are SMEs; large ones are not."""
    return size in (SizeClass.MICRO, SizeClass.SMALL, SizeClass.MEDIUM)
