"""Task timeframes as the documents write them: "2023", "2021-2023", "2021 - 2025", "2023 2027"
(two separate years), "2022 - 2025 2026 - 2030" (two spans), "Hàng năm" (every year)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

ANNUAL_WORDS = {"hang nam", "hangnam", "hang nam.", "thuong xuyen", "annual", "annually", "every year", "yearly"}
_SPAN = re.compile(r"(\d{4})(?:\s*[-–—]\s*(\d{4}))?")


@dataclass(frozen=True)
class Timeframe:
    text: str
    is_annual: bool
    spans: tuple[tuple[int, int], ...]

    @property
    def first_year(self) -> int | None:
        return min(s for s, _e in self.spans) if self.spans else None

    @property
    def last_year(self) -> int | None:
        return max(e for _s, e in self.spans) if self.spans else None


def _fold(text: str) -> str:
    """Lower case without diacritics, for matching words like "Hàng năm"."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if unicodedata.category(c) != "Mn").lower().strip()


def parse_timeframe(text: str, *, period: tuple[int, int] | None = None) -> Timeframe:
    """Parse a timeframe; raise ValidationError with a translated message when it is not one.

    ``period`` (first, last year of the plan) bounds the years; annual tasks cover the period.
    """
    raw = " ".join((text or "").split())
    if not raw:
        return Timeframe(text="", is_annual=False, spans=())
    if _fold(raw) in ANNUAL_WORDS:
        spans = ((period[0], period[1]),) if period else ()
        return Timeframe(text=raw, is_annual=True, spans=spans)
    spans: list[tuple[int, int]] = []
    position = 0
    for match in _SPAN.finditer(raw):
        if raw[position : match.start()].strip(" ,;và&"):
            break
        start = int(match.group(1))
        end = int(match.group(2) or start)
        if end < start:
            raise ValidationError(
                _("In “%(text)s” the span %(start)s-%(end)s ends before it starts.")
                % {"text": raw, "start": start, "end": end}
            )
        spans.append((start, end))
        position = match.end()
    if not spans or raw[position:].strip(" ,;."):
        raise ValidationError(
            _(
                "“%(text)s” is not a timeframe. Write a year (2023), a span (2021-2023), several of them "
                "(2023 2027) or “Hàng năm”."
            )
            % {"text": raw}
        )
    if period:
        for start, end in spans:
            if start < period[0] or end > period[1]:
                raise ValidationError(
                    _("“%(text)s” lies outside the plan period %(first)s-%(last)s.")
                    % {"text": raw, "first": period[0], "last": period[1]}
                )
    return Timeframe(text=raw, is_annual=False, spans=tuple(spans))
