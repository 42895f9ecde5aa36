"""Exports of the lists staff see, to XLSX and CSV, in constant memory.

A list's export (``<app>/exports.py``) reads the same query string and goes through the same selector and
``accounts.access`` scope as its page, then hands rows and :class:`Column`s to :func:`export_response`:

* CSV streams row by row (``StreamingHttpResponse`` over a queryset iterator with ``chunk_size``);
* XLSX is written by openpyxl in write-only mode to a temporary file, row by row, then streamed from it.

Headers are in Vietnamese (the spreadsheets' own wording, so an exported list can be corrected and imported
again), dates are written dd/mm/yyyy, amounts as numbers. A text cell that a spreadsheet would run as a formula
(starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is written with a leading ``'``.
"""

from __future__ import annotations

import csv
import datetime as dt
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import get_language

CHUNK_SIZE = 2_000
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMATS = ("xlsx", "csv")


@dataclass(frozen=True)
class Column:
    """A column of an export: its header and how a row gives its value. ``kind`` is "text", "date", "money"
    (whole VND), "number" or "code" (years, ids, numbers written without grouping)."""

    header: str
    value: Callable[[Any], Any]
    kind: str = "text"
    width: int = 18


def label(attribute: str) -> Callable[[Any], str]:
    """A column value: the label of a choice field in the active language (``get_<field>_display`` re-hashes the
    field's choices on every call; an export of many rows looks each label up once)."""
    labels: dict[tuple[str, type], dict[Any, str]] = {}

    def value(obj: Any) -> str:
        key = (get_language() or "", type(obj))
        table = labels.get(key)
        if table is None:
            field = type(obj)._meta.get_field(attribute)
            table = labels[key] = {k: str(v) for k, v in field.flatchoices}
        raw = getattr(obj, attribute)
        return table.get(raw, "" if raw in (None, "") else str(raw))

    return value


def escape_formula(value: str) -> str:
    """'=1+2' -> "'=1+2": text that a spreadsheet would run as a formula stays text."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _plain(value: Any, kind: str) -> Any:
    """A cell's value: dates as dates, amounts as numbers, everything else as (escaped) text."""
    if value is None or value == "":
        return None
    if kind == "date" and isinstance(value, dt.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    if kind == "date" and isinstance(value, dt.date):
        return value
    if kind in ("money", "number") and isinstance(value, int | Decimal) and not isinstance(value, bool):
        return value
    if kind == "code" and isinstance(value, int) and not isinstance(value, bool):
        return value
    return escape_formula(str(value))


def rows_of(queryset: QuerySet | Iterable) -> Iterator:
    """Rows one chunk at a time: a queryset is never loaded whole."""
    if isinstance(queryset, QuerySet):
        return queryset.iterator(chunk_size=CHUNK_SIZE)
    return iter(queryset)


def filename(stem: str, fmt: str) -> str:
    return f"{stem}-{timezone.localdate():%Y%m%d}.{fmt}"


def export_response(*, rows: QuerySet | Iterable, columns: list[Column], fmt: str, stem: str, title: str = ""):
    if fmt == "csv":
        return csv_response(rows=rows, columns=columns, name=filename(stem, "csv"))
    if fmt == "xlsx":
        return xlsx_response(rows=rows, columns=columns, name=filename(stem, "xlsx"), title=title or stem)
    raise Http404


# --- CSV -------------------------------------------------------------------------------------------------------


class _Echo:
    """A file-like object whose write() returns what it was given, for csv.writer in a generator."""

    def write(self, value: str) -> str:
        return value


def _csv_cell(value: Any, kind: str) -> Any:
    value = _plain(value, kind)
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return "" if value is None else value


def csv_lines(rows: QuerySet | Iterable, columns: list[Column]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow([c.header for c in columns])  # the BOM tells Excel the text is UTF-8
    for row in rows_of(rows):
        yield writer.writerow([_csv_cell(c.value(row), c.kind) for c in columns])


def csv_response(*, rows, columns: list[Column], name: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(csv_lines(rows, columns), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# --- XLSX ------------------------------------------------------------------------------------------------------


def write_xlsx(handle, *, rows: QuerySet | Iterable, columns: list[Column], title: str) -> None:
    """Write the rows to ``handle`` with openpyxl's write-only workbook: rows go to disk as they come."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_sheet_title(title))
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.header)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in rows_of(rows):
        cells = []
        for column in columns:
            value = _plain(column.value(row), column.kind)
            if isinstance(value, dt.date) or column.kind in ("money", "number"):
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = "DD/MM/YYYY" if isinstance(value, dt.date) else _number_format(value)
                cells.append(cell)
            else:
                cells.append(value)
        sheet.append(cells)
    workbook.save(handle)


def _number_format(value: Any) -> str:
    if isinstance(value, Decimal) and value != value.to_integral_value():
        return "#,##0.00"
    return "#,##0"


def _sheet_title(title: str) -> str:
    for char in "[]:*?/\\":
        title = title.replace(char, " ")
    return title.strip()[:31] or "Sheet1"


def xlsx_response(*, rows, columns: list[Column], name: str, title: str) -> FileResponse:
    handle = tempfile.TemporaryFile()  # noqa: SIM115 - FileResponse closes it once sent
    write_xlsx(handle, rows=rows, columns=columns, title=title)
    handle.seek(0)
    return FileResponse(
        handle,
        as_attachment=True,
        filename=name,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def requested_format(request) -> str:
    fmt = (request.GET.get("format") or "xlsx").lower()
    if fmt not in FORMATS:
        raise Http404
    return fmt


def filter_data(request):
    """The list page's filters from the export's query string (without ``format`` and ``page``), or None."""
    data = request.GET.copy()
    for name in ("format", "page"):
        data.pop(name, None)
    return data or None
