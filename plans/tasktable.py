"""Task tables pasted from Word documents.

Staff copy the task table of a plan from Word and paste it into a textarea: rows are separated by line
breaks, cells by tabs, and a cell that holds line breaks is quoted ("..."). The first row names the
columns (STT/TT, Nội dung, Thời gian thực hiện, Đơn vị chủ trì, Đơn vị phối hợp, Ghi chú, in any order).

:func:`parse_task_table` is pure: it takes the text, the units the rows may name and the plan period,
and returns every row with its errors. Saving is ``plans.services.task_table_import``.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .timeframes import Timeframe, parse_timeframe

_GROUP_NUMERAL = re.compile(r"^(?=[IVXLC]+$)M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")


def is_group_number(number: str) -> bool:
    """Task groups are numbered with Roman numerals (I-VIII); tasks within them with 1, 2, 3."""
    return bool(number) and bool(_GROUP_NUMERAL.match(number.strip().rstrip(".").upper()))


def fold(text: str) -> str:
    """Lower case, without diacritics, single-spaced: how names are compared ("Sở KH&CN" = "so kh&cn")."""
    text = unicodedata.normalize("NFD", (text or "").replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower()
    return " ".join(text.split()).strip(" .;,:")


# Which column a header cell names. Checked in this order; the first keyword found in the cell wins.
NUMBER, CONTENT, TIMEFRAME, LEAD, COORDINATING, OUTPUT, NOTES = (
    "number",
    "content",
    "timeframe",
    "lead",
    "coordinating",
    "expected_output",
    "notes",
)
_NUMBER_HEADERS = {"stt", "tt", "so tt", "so thu tu"}
_HEADER_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (LEAD, ("chu tri",)),
    (COORDINATING, ("phoi hop",)),
    (TIMEFRAME, ("thoi gian", "thoi han", "tien do")),
    (NOTES, ("ghi chu",)),
    (OUTPUT, ("san pham", "ket qua du kien", "ket qua")),
    (CONTENT, ("noi dung", "nhiem vu")),
)


def _header_field(cell: str) -> str | None:
    folded = fold(cell)
    if folded in _NUMBER_HEADERS:
        return NUMBER
    for name, keywords in _HEADER_KEYWORDS:
        if any(keyword in folded for keyword in keywords):
            return name
    return None


def _header_columns(cells: Sequence[str]) -> dict[str, int] | None:
    """Column index per field when ``cells`` is a header row, else None.

    A header row has short cells and names the number (STT/TT) and content columns; without a number
    column, every cell must name a known column. A task's content that happens to contain "nội dung"
    or "phối hợp" is therefore never taken for a header.
    """
    if any(len(cell) > 60 for cell in cells):
        return None
    columns: dict[str, int] = {}
    unknown = 0
    for index, cell in enumerate(cells):
        name = _header_field(cell) if cell else None
        if name is None:
            unknown += bool(cell)
        elif name not in columns:
            columns[name] = index
    if CONTENT not in columns:
        return None
    if NUMBER in columns or (unknown == 0 and len(columns) >= 3):
        return columns
    return None


class UnitMatcher:
    """Recognises units by name, short name or other names, ignoring case and diacritics.

    ``units`` are objects with ``alias_list`` (plans.models.Unit). When two units share a name, the
    first one given wins: pass the province's units before the national ones.
    """

    def __init__(self, units: Iterable[Any]):
        self._by_name: dict[str, Any] = {}
        for unit in units:
            for name in unit.alias_list:
                key = fold(name)
                if key:
                    self._by_name.setdefault(key, unit)
        # Longest names first, so that "Các sở, ngành" is found before a shorter name inside it.
        self._names = sorted(self._by_name, key=len, reverse=True)

    def find(self, text: str) -> Any | None:
        """The unit this text names exactly, or None."""
        return self._by_name.get(fold(text))

    def find_all(self, text: str) -> list[Any]:
        """Every known unit named in the text, in the order they appear; names never overlap."""
        folded = fold(text)
        taken = [False] * len(folded)
        found: list[tuple[int, Any]] = []
        for name in self._names:
            start = folded.find(name)
            while start != -1:
                end = start + len(name)
                bounded = (start == 0 or not folded[start - 1].isalnum()) and (
                    end == len(folded) or not folded[end].isalnum()
                )
                if bounded and not any(taken[start:end]):
                    taken[start:end] = [True] * (end - start)
                    found.append((start, self._by_name[name]))
                start = folded.find(name, start + 1)
        units: list[Any] = []
        for _start, unit in sorted(found, key=lambda pair: pair[0]):
            if unit not in units:
                units.append(unit)
        return units


@dataclass
class ParsedRow:
    """One row of a pasted task table, as it will be saved, with what is wrong with it."""

    line: int  # the row's number in the pasted text (1-based), to point people at it
    number: str = ""
    content: str = ""
    lead_text: str = ""
    lead_unit: Any = None
    coordinating_text: str = ""
    coordinating_units: list[Any] = field(default_factory=list)
    timeframe_text: str = ""
    timeframe: Timeframe | None = None
    expected_output: str = ""
    notes: str = ""
    is_group: bool = False
    group_index: int | None = None  # index in ParsedTable.rows of the group row this row belongs to
    errors: list[str] = field(default_factory=list)


@dataclass
class ParsedTable:
    rows: list[ParsedRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # about the table as a whole
    columns: dict[str, int] = field(default_factory=dict)

    @property
    def has_errors(self) -> bool:
        return bool(self.errors) or any(row.errors for row in self.rows)

    @property
    def error_count(self) -> int:
        return len(self.errors) + sum(len(row.errors) for row in self.rows)


def _cell(value: str) -> str:
    lines = [" ".join(line.split()) for line in value.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(line for line in lines if line).strip()


def _read_rows(text: str) -> list[tuple[int, list[str]]]:
    """(line number, cells) per row; a quoted cell may span lines."""
    reader = csv.reader(io.StringIO(text.replace("\r\n", "\n").replace("\r", "\n")), delimiter="\t", quotechar='"')
    rows: list[tuple[int, list[str]]] = []
    line = 1
    for cells in reader:
        rows.append((line, [_cell(c) for c in cells]))
        line = reader.line_num + 1
    return rows


def parse_task_table(text: str, *, units: Iterable[Any], period: tuple[int, int]) -> ParsedTable:
    """Parse a pasted task table.

    Groups are the rows numbered I, II, ...; the rows after a group belong to it, numbered or not.
    Empty rows and repeated header rows (Word repeats the header after a page break) are skipped.
    """
    matcher = units if isinstance(units, UnitMatcher) else UnitMatcher(units)
    table = ParsedTable()
    columns: dict[str, int] | None = None
    width = 0
    group_index: int | None = None
    for line, cells in _read_rows(text or ""):
        if not any(cells):
            continue
        header = _header_columns(cells)
        if header is not None:
            if columns is None:
                columns = header
                table.columns = header
                width = max(header.values()) + 1
            continue
        if columns is None:
            table.errors.append(
                _(
                    "The first row must name the columns (STT, Nội dung, Thời gian thực hiện, Đơn vị chủ trì, "
                    "Đơn vị phối hợp, Ghi chú). Copy the table with its header row."
                )
            )
            return table
        row = _parse_row(line, cells, columns, width, matcher, period)
        if row.is_group:
            group_index = len(table.rows)
        else:
            row.group_index = group_index
        table.rows.append(row)
    if columns is None:
        table.errors.append(_("The text holds no table: paste rows whose cells are separated by tabs."))
    elif not table.rows:
        table.errors.append(_("The table has a header but no rows."))
    return table


def _parse_row(
    line: int,
    cells: list[str],
    columns: dict[str, int],
    width: int,
    matcher: UnitMatcher,
    period: tuple[int, int],
) -> ParsedRow:
    def value(name: str) -> str:
        index = columns.get(name)
        return cells[index] if index is not None and index < len(cells) else ""

    row = ParsedRow(
        line=line,
        number=value(NUMBER).rstrip("."),
        content=value(CONTENT),
        lead_text=value(LEAD),
        coordinating_text=value(COORDINATING),
        timeframe_text=value(TIMEFRAME),
        expected_output=value(OUTPUT),
        notes=value(NOTES),
    )
    row.is_group = is_group_number(row.number)
    if any(cells[width:]):
        used = max(i for i, c in enumerate(cells) if c) + 1
        row.errors.append(
            _("This row has %(cells)s cells but the header has %(columns)s columns.")
            % {"cells": used, "columns": width}
        )
    if not row.content:
        row.errors.append(_("The content is missing."))
    if row.lead_text:
        row.lead_unit = matcher.find(row.lead_text)
        if row.lead_unit is None:
            row.errors.append(
                _(
                    "“%(name)s” is not a known unit of this province or a national unit: add it, or add this "
                    "name to a unit's other names."
                )
                % {"name": row.lead_text}
            )
    elif not row.is_group:
        row.errors.append(_("A task needs a lead unit."))
    if row.coordinating_text:
        row.coordinating_units = matcher.find_all(row.coordinating_text)
    if row.timeframe_text:
        try:
            row.timeframe = parse_timeframe(row.timeframe_text, period=period)
        except ValidationError as exc:
            row.errors.extend(exc.messages)
    return row
