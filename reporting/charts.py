"""Bar and line charts as SVG strings, drawn on the server: no JavaScript, the same markup in a page and in a
PDF (WeasyPrint renders inline SVG). Colours and fonts are attributes, not CSS classes, so a chart looks the
same wherever it is pasted; the classes (``bar``, ``point``, ``target``) are there for tests and print styles.

    bar_chart([("2021", 3), ("2022", 5), ("2023", None)], title="Doanh nghiệp được hỗ trợ", target=Decimal(10))
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from decimal import Decimal
from xml.sax.saxutils import escape, quoteattr

from django.utils.safestring import SafeString, mark_safe

from plans.formatting import format_number

Number = Decimal | int | float
BAR = "#2f6db5"
BAR_MET = "#2e8b57"
TARGET = "#c0392b"
AXIS = "#8a94a6"
GRID = "#e3e7ee"
TEXT = "#333d4d"
# In PDFs the report font shipped with the project ("NSCL Serif", @font-face in the print templates), so every
# machine renders the same; in pages, whatever the browser has.
FONT = '"NSCL Serif", "Liberation Serif", "DejaVu Serif", serif'


def nice_step(span: float, *, integers: bool = False, ticks: int = 4) -> float:
    """A round step (1, 2, 2.5 or 5 × 10^k) that divides ``span`` into about ``ticks`` parts; at least 1 and
    never 2.5 when the values are whole numbers, so that counts get whole ticks."""
    if span <= 0:
        return 1.0
    raw = span / ticks
    exponent = math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        step = factor * 10**exponent
        if integers and (step < 1 or not float(step).is_integer()):
            continue
        if step >= raw - 1e-12:
            return float(step)
    return float(10 ** (exponent + 1))


def nice_ceiling(value: float, *, integers: bool = False) -> float:
    """The top of the scale: the first multiple of :func:`nice_step` at or above ``value`` (1 for nothing)."""
    if value <= 0:
        return 1.0
    step = nice_step(value, integers=integers)
    return step * math.ceil(value / step - 1e-9)


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _label(value: Number | None, unit: str = "") -> str:
    if value is None:
        return "—"
    text = format_number(Decimal(str(value)).quantize(Decimal("0.01")) if not isinstance(value, int) else value)
    return f"{text}{unit}"


def _text(x: float, y: float, content: str, *, size: int = 11, anchor: str = "middle", cls: str = "", **attrs) -> str:
    extra = "".join(f" {name.replace('_', '-')}={quoteattr(str(v))}" for name, v in attrs.items())
    cls_attr = f' class="{cls}"' if cls else ""
    return (
        f'<text{cls_attr} x="{_num(x)}" y="{_num(y)}" font-size="{size}" text-anchor="{anchor}" '
        f'fill="{TEXT}" font-family={quoteattr(FONT)}{extra}>{escape(content)}</text>'
    )


TITLE_CHARS = 56  # characters of a bold 13 px title line in a 480 px chart (Vietnamese text runs wide)


def _title_lines(title: str, width: int) -> list[str]:
    """The title over at most two lines, shortened with "…" when longer."""
    chars = max(20, int(TITLE_CHARS * width / 480))
    lines = textwrap.wrap(title, chars) or [""]
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), chars, placeholder=" …")]
    return lines


class _Frame:
    """Plot area and value scale shared by both charts."""

    def __init__(
        self, values: list[float], target: float | None, width: int, height: int, title_lines: int, integers: bool
    ):
        self.width, self.height = width, height
        self.left, self.right = 46, 12
        self.top = 14 + 17 * title_lines + 10  # room for the title and for the value above the highest bar
        self.bottom = 28
        highest = max([*values, target or 0.0, 0.0])
        lowest = min([0.0, *values])
        self.step = nice_step(highest - lowest, integers=integers)
        self.top_value = max(self.step, self.step * math.ceil(highest / self.step - 1e-9))
        if target is not None and target >= self.top_value:
            self.top_value += self.step  # room for the target's label above its line
        self.min_value = -self.step * math.ceil(-lowest / self.step - 1e-9) if lowest < 0 else 0.0

    @property
    def plot_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def plot_height(self) -> float:
        return self.height - self.top - self.bottom

    def y(self, value: float) -> float:
        span = self.top_value - self.min_value or 1.0
        return self.top + self.plot_height * (1 - (value - self.min_value) / span)

    def axes(self, unit: str) -> list[str]:
        parts = []
        count = round((self.top_value - self.min_value) / self.step)
        for i in range(count + 1):
            value = self.min_value + self.step * i
            y = self.y(value)
            parts.append(
                f'<line x1="{self.left}" y1="{_num(y)}" x2="{self.width - self.right}" y2="{_num(y)}" '
                f'stroke="{GRID}" stroke-width="1"/>'
            )
            parts.append(_text(self.left - 4, y + 4, _label(_round(value), unit), size=10, anchor="end", cls="tick"))
        zero = self.y(0.0)
        parts.append(
            f'<line class="axis" x1="{self.left}" y1="{_num(zero)}" x2="{self.width - self.right}" '
            f'y2="{_num(zero)}" stroke="{AXIS}" stroke-width="1"/>'
        )
        return parts

    def target_line(self, target: float | None, label: str) -> list[str]:
        if target is None:
            return []
        y = self.y(target)
        return [
            f'<line class="target" x1="{self.left}" y1="{_num(y)}" x2="{self.width - self.right}" y2="{_num(y)}" '
            f'stroke="{TARGET}" stroke-width="1.5" stroke-dasharray="5 3"/>',
            _text(self.width - self.right, y - 4, label, size=10, anchor="end", cls="target-label"),
        ]


def _round(value: float) -> Number:
    return int(value) if float(value).is_integer() else Decimal(str(round(value, 2)))


def _open(width: int, height: int, title: str) -> list[str]:
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label={quoteattr(title or "chart")}>',
        f"<title>{escape(title)}</title>",
    ]
    if title:
        for i, line in enumerate(_title_lines(title, width)):
            parts.append(_text(8, 18 + 17 * i, line, size=13, anchor="start", cls="chart-title", font_weight="bold"))
    return parts


def _is_whole(values: list[float]) -> bool:
    return all(float(v).is_integer() for v in values)


def _frame(values, target, width, height, title) -> _Frame:
    floats = [float(v) for v in values]
    lines = len(_title_lines(title, width)) if title else 0
    whole = _is_whole(floats) and (target is None or float(target).is_integer())
    return _Frame(floats, float(target) if target is not None else None, width, height, lines, whole)


def bar_chart(
    points: Sequence[tuple[str, Number | None]],
    *,
    title: str = "",
    target: Number | None = None,
    target_label: str = "",
    unit: str = "",
    width: int = 480,
    height: int = 220,
    met: Sequence[bool] | None = None,
) -> SafeString:
    """One bar per point with a value (a point without one shows "—" and no bar), the value above it, its
    label below; a dashed line at ``target``. ``met`` colours the bars that reach their target."""
    values = [float(v) for _l, v in points if v is not None]
    frame = _frame(values, target, width, height, title)
    parts = _open(width, height, title)
    parts += frame.axes(unit)
    slot = frame.plot_width / max(len(points), 1)
    bar_width = min(48.0, slot * 0.6)
    zero = frame.y(0.0)
    parts.append('<g class="bars">')
    for i, (label, value) in enumerate(points):
        centre = frame.left + slot * (i + 0.5)
        parts.append(_text(centre, height - 10, label, size=11, cls="label"))
        if value is None:
            parts.append(_text(centre, zero - 4, "—", size=11, cls="value"))
            continue
        y = frame.y(float(value))
        top, bar_height = min(y, zero), abs(zero - y)
        colour = BAR_MET if met is not None and i < len(met) and met[i] else BAR
        parts.append(
            f'<rect class="bar" x="{_num(centre - bar_width / 2)}" y="{_num(top)}" width="{_num(bar_width)}" '
            f'height="{_num(bar_height)}" fill="{colour}"><title>{escape(f"{label}: {_label(value, unit)}")}'
            "</title></rect>"
        )
        parts.append(_text(centre, top - 4, _label(value, unit), size=11, cls="value"))
    parts.append("</g>")
    parts += frame.target_line(float(target) if target is not None else None, target_label)
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above is escaped


def line_chart(
    points: Sequence[tuple[str, Number | None]],
    *,
    title: str = "",
    target: Number | None = None,
    target_label: str = "",
    unit: str = "",
    width: int = 480,
    height: int = 220,
) -> SafeString:
    """A line through the points with a value (broken where a value is missing), a dot and the value at each,
    the labels below; a dashed line at ``target``."""
    values = [float(v) for _l, v in points if v is not None]
    frame = _frame(values, target, width, height, title)
    parts = _open(width, height, title)
    parts += frame.axes(unit)
    slot = frame.plot_width / max(len(points), 1)
    segments: list[list[tuple[float, float]]] = [[]]
    dots: list[str] = []
    for i, (label, value) in enumerate(points):
        x = frame.left + slot * (i + 0.5)
        parts.append(_text(x, height - 10, label, size=11, cls="label"))
        if value is None:
            if segments[-1]:
                segments.append([])
            continue
        y = frame.y(float(value))
        segments[-1].append((x, y))
        dots.append(
            f'<circle class="point" cx="{_num(x)}" cy="{_num(y)}" r="3.5" fill="{BAR}">'
            f"<title>{escape(f'{label}: {_label(value, unit)}')}</title></circle>"
        )
        dots.append(_text(x, y - 7, _label(value, unit), size=11, cls="value"))
    for segment in segments:
        if len(segment) > 1:
            coords = " ".join(f"{_num(x)},{_num(y)}" for x, y in segment)
            parts.append(f'<polyline class="line" points="{coords}" fill="none" stroke="{BAR}" stroke-width="2"/>')
    parts += dots
    parts += frame.target_line(float(target) if target is not None else None, target_label)
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above is escaped
