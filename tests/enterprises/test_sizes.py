"""Decree 80/2021/NĐ-CP Art. 5: the smallest class whose employee limit is met AND whose revenue OR
capital limit is met; otherwise large. Limits (employees; revenue or capital, billion VND):
agriculture/forestry/fishery/industry/construction micro 10; 3 or 3 - small 100; 50 or 20 - medium 200; 200 or 100.
trade and services micro 10; 10 or 3 - small 50; 100 or 50 - medium 100; 300 or 100."""

import pytest

from enterprises.sizes import BILLION, SectorGroup, SizeClass, size_class

B = BILLION
HUGE = 10_000 * B
P, T = SectorGroup.PRODUCTION, SectorGroup.TRADE_SERVICES


@pytest.mark.parametrize(
    ("group", "employees", "revenue", "capital", "expected"),
    [
        # Production: micro
        (P, 10, 3 * B, HUGE, SizeClass.MICRO),  # revenue at the limit
        (P, 10, HUGE, 3 * B, SizeClass.MICRO),  # capital at the limit, revenue far above: still micro
        (P, 10, 3 * B + 1, 3 * B + 1, SizeClass.SMALL),  # both above micro limits
        (P, 0, 0, 0, SizeClass.MICRO),
        (P, 11, 0, 0, SizeClass.SMALL),  # one employee too many for micro
        # Production: small
        (P, 100, 50 * B, HUGE, SizeClass.SMALL),
        (P, 100, HUGE, 20 * B, SizeClass.SMALL),
        (P, 100, 50 * B + 1, 20 * B + 1, SizeClass.MEDIUM),
        (P, 101, 0, 0, SizeClass.MEDIUM),
        # Production: medium
        (P, 200, 200 * B, HUGE, SizeClass.MEDIUM),
        (P, 200, HUGE, 100 * B, SizeClass.MEDIUM),
        (P, 200, 200 * B + 1, 100 * B + 1, SizeClass.LARGE),
        (P, 201, 0, 0, SizeClass.LARGE),  # too many employees whatever the money
        # Trade and services: micro
        (T, 10, 10 * B, HUGE, SizeClass.MICRO),
        (T, 10, HUGE, 3 * B, SizeClass.MICRO),
        (T, 10, 10 * B + 1, 3 * B + 1, SizeClass.SMALL),
        (T, 11, 0, 0, SizeClass.SMALL),
        # Trade and services: small
        (T, 50, 100 * B, HUGE, SizeClass.SMALL),
        (T, 50, HUGE, 50 * B, SizeClass.SMALL),
        (T, 50, 100 * B + 1, 50 * B + 1, SizeClass.MEDIUM),
        (T, 51, 0, 0, SizeClass.MEDIUM),
        # Trade and services: medium
        (T, 100, 300 * B, HUGE, SizeClass.MEDIUM),
        (T, 100, HUGE, 100 * B, SizeClass.MEDIUM),
        (T, 100, 300 * B + 1, 100 * B + 1, SizeClass.LARGE),
        (T, 101, 0, 0, SizeClass.LARGE),
    ],
)
def test_size_class_at_every_decree_80_boundary(group, employees, revenue, capital, expected):
    assert size_class(sector_group=group, employees=employees, revenue=revenue, capital=capital) == expected


def test_the_same_figures_give_different_classes_in_the_two_sector_groups():
    # 40 employees, revenue 60 bn, capital 30 bn: production needs revenue <= 50 or capital <= 20 to be
    # small, so it is medium; trade and services allows 50 employees and revenue <= 100: small.
    figures = {"employees": 40, "revenue": 60 * B, "capital": 30 * B}
    assert size_class(sector_group=P, **figures) == SizeClass.MEDIUM
    assert size_class(sector_group=T, **figures) == SizeClass.SMALL
    # 8 employees, revenue 5 bn, capital 4 bn: micro in trade (revenue <= 10), small in production.
    figures = {"employees": 8, "revenue": 5 * B, "capital": 4 * B}
    assert size_class(sector_group=P, **figures) == SizeClass.SMALL
    assert size_class(sector_group=T, **figures) == SizeClass.MICRO


def test_negative_inputs_are_refused():
    with pytest.raises(ValueError):
        size_class(sector_group=P, employees=-1, revenue=0, capital=0)
