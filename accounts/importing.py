"""Importing programme data from spreadsheets: the shared machinery.

Each app describes what it imports with a django-import-export ``ModelResource`` (``<app>/resources.py``, a
subclass of :class:`PortalResource`) and an :class:`ImportKind` (``<app>/imports.py``: label, permission,
columns and an example row for the downloadable template). This module reads the uploaded file (CSV or
XLSX, checked by extension and content), maps its Vietnamese headers to the resource's columns, runs the
resource's dry run and turns its result into a report: every invalid row with its spreadsheet row number,
column and translated reason. ``accounts.import_jobs`` keeps the uploaded file and runs the check and the
import (all rows or none) in the web request or, for large files, in Celery.

Column headers are the spreadsheets' own Vietnamese wording (the business registry's "Mã số thuế", "Tên
doanh nghiệp", ...): they are a file format, like the documents' data, and are not translated.

accounts sits below the apps it imports into: the kinds are found by their dotted paths, when first needed.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import os
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, ClassVar

import tablib
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import validate_email
from django.db import models
from django.utils.functional import Promise
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.utils.translation import override
from import_export import resources
from import_export.fields import Field
from import_export.instance_loaders import BaseInstanceLoader

from . import access
from .audit import audit_entry, diff, snapshot
from .models import AuditEntry, ImportJob

# --- Limits (read when used, never at import time) ---------------------------------------------------------


def max_upload_bytes() -> int:
    return getattr(settings, "IMPORT_MAX_BYTES", 10 * 1024 * 1024)


def max_rows() -> int:
    return getattr(settings, "IMPORT_MAX_ROWS", 50_000)


def sync_max_rows() -> int:
    """Files with more rows are checked and imported by Celery, with their progress on the job's page."""
    return getattr(settings, "IMPORT_SYNC_MAX_ROWS", 2_000)


# --- Text -----------------------------------------------------------------------------------------------------


def fold(value: Any) -> str:
    """Lower case, without Vietnamese diacritics and with single spaces: "Tỉnh  Đắk Lắk" -> "tinh dak lak"."""
    return _fold(str(value))


@functools.lru_cache(maxsize=8192)  # a spreadsheet repeats its provinces, types and sectors on every row
def _fold(value: str) -> str:
    text = unicodedata.normalize("NFD", value).replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return " ".join(text.casefold().split())


def _header_key(header: Any) -> str:
    """A header as it is matched: folded, without a trailing "*" (required) or unit in brackets."""
    text = fold(header or "").rstrip("*: ").strip()
    text = re.sub(r"\s*\([^)]*\)$", "", text)
    return text.strip()


def is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# --- Reading the uploaded file ------------------------------------------------------------------------------

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"  # the old binary .xls


class FileError(ValidationError):
    """The file cannot be read: wrong type, too large, empty, or missing columns. Translated."""


@dataclass
class Table:
    """The first sheet of a spreadsheet: its header and data rows, each with its row number in the sheet
    (the header's row is 1 in most files), empty rows left out."""

    headers: list[str]
    rows: list[tuple[Any, ...]]
    numbers: list[int]
    format: str  # "csv" or "xlsx"


def read_table(content: bytes, name: str) -> Table:
    """Read a CSV or XLSX file, checked by its extension and its content. Raises :class:`FileError`."""
    ext = os.path.splitext(name or "")[1].lower()
    if not content:
        raise FileError(_("The file is empty."))
    if len(content) > max_upload_bytes():
        raise FileError(
            _("The file is larger than %(size)s MB: split it into smaller files.")
            % {"size": max_upload_bytes() // (1024 * 1024)}
        )
    if ext == ".xlsx":
        if not (content.startswith(_ZIP) and _is_xlsx(content)):
            raise FileError(_("The content of the file is not an Excel (XLSX) workbook, whatever its name says."))
        table = _read_xlsx(content)
    elif ext == ".csv":
        if content.startswith((_ZIP, _OLE)) or b"\x00" in content[:4096]:
            raise FileError(_("The content of the file is not CSV text, whatever its name says."))
        table = _read_csv(content)
    elif ext == ".xls":
        raise FileError(_("Old Excel files (.xls) are not accepted: save the file as .xlsx in Excel, then upload it."))
    else:
        raise FileError(_("Only Excel (.xlsx) and CSV (.csv) files are accepted."))
    if not table.headers:
        raise FileError(_("The file has no header row."))
    if not table.rows:
        raise FileError(_("The file has a header row but no data rows."))
    if len(table.rows) > max_rows():
        raise FileError(
            _("The file has %(count)s rows; at most %(max)s are imported at once: split it.")
            % {"count": len(table.rows), "max": max_rows()}
        )
    return table


def _is_xlsx(content: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    return "[Content_Types].xml" in names and "xl/workbook.xml" in names


def _read_xlsx(content: bytes) -> Table:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for damaged files
        raise FileError(_("The Excel file cannot be read: it may be damaged or protected by a password.")) from exc
    try:
        sheet = workbook.worksheets[0]
        headers: list[str] = []
        rows: list[tuple[Any, ...]] = []
        numbers: list[int] = []
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            if all(is_empty(v) for v in values):
                continue
            if not headers:
                headers = [str(v).strip() if v is not None else "" for v in values]
                continue
            rows.append(tuple(values))
            numbers.append(number)
    finally:
        workbook.close()
    return Table(headers=headers, rows=rows, numbers=numbers, format="xlsx")


def _read_csv(content: bytes) -> Table:
    for encoding in ("utf-8-sig", "cp1258"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1258 decodes nearly everything
        raise FileError(_("The CSV file is not text in UTF-8: save it as “CSV UTF-8” in Excel."))
    sample = text[:8192]
    try:
        delimiter = csv.Sniffer().sniff(sample.splitlines()[0] if sample else "", delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    headers: list[str] = []
    rows: list[tuple[Any, ...]] = []
    numbers: list[int] = []
    try:
        for values in reader:
            if all(is_empty(v) for v in values):
                continue
            if not headers:
                headers = [v.strip() for v in values]
                continue
            rows.append(tuple(values))
            numbers.append(reader.line_num)
    except csv.Error as exc:
        raise FileError(_("The CSV file cannot be read: %(error)s") % {"error": exc}) from exc
    return Table(headers=headers, rows=rows, numbers=numbers, format="csv")


# --- What can be imported -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """A column of an import file: its header, the resource attribute it fills and how its cells are read."""

    header: str  # as in the spreadsheets, in Vietnamese (a file format: not translated)
    attribute: str
    widget: Widget
    required: bool = False
    aliases: tuple[str, ...] = ()
    help: str | Promise = ""  # translated explanation shown on the upload page
    example: Any = ""

    def matches(self, key: str) -> bool:
        return key == _header_key(self.header) or key in {_header_key(a) for a in self.aliases}


@dataclass(frozen=True)
class ImportKind:
    """One kind of data that can be imported: ``ImportJob.Kind`` value, who may import it, its resource."""

    key: str
    label: str | Promise
    description: str | Promise
    permission: str  # accounts.access rule needed to import this kind at all (rows check their own reach)
    resource_class: type[PortalResource]
    template_name: str  # file name of the downloadable template

    @property
    def columns(self) -> tuple[Column, ...]:
        return self.resource_class.COLUMNS


KIND_PATHS: dict[str, str] = {
    ImportJob.Kind.ENTERPRISES: "enterprises.imports.KIND",
    ImportJob.Kind.BENEFICIARIES: "support.imports.KIND",
    ImportJob.Kind.ACTIVITIES: "plans.imports.ACTIVITIES",
    ImportJob.Kind.INDICATOR_VALUES: "plans.imports.INDICATOR_VALUES",
}


def import_kind(key: str) -> ImportKind:
    try:
        return import_string(KIND_PATHS[key])
    except KeyError as exc:
        raise LookupError(f"No import kind {key!r}") from exc


def import_kinds_for(user) -> list[ImportKind]:
    """The kinds of data the person may import."""
    if not access.can(user, "import.view"):
        return []
    kinds = [import_kind(key) for key in KIND_PATHS]
    return [kind for kind in kinds if access.can(user, kind.permission)]


@dataclass
class MappedTable:
    dataset: tablib.Dataset
    numbers: list[int]  # sheet row number of each dataset row
    ignored: list[str]  # headers of the file that no column matches


def map_columns(table: Table, columns: Iterable[Column]) -> MappedTable:
    """The file's rows under the columns' own headers. Missing required columns refuse the file; columns the
    import does not know are ignored (and listed)."""
    columns = list(columns)
    positions: dict[str, int] = {}
    ignored: list[str] = []
    for index, header in enumerate(table.headers):
        key = _header_key(header)
        if not key:
            continue
        column = next((c for c in columns if c.matches(key)), None)
        if column is None:
            ignored.append(header)
        elif column.header in positions:
            raise FileError(_("The column “%(column)s” appears twice in the file.") % {"column": column.header})
        else:
            positions[column.header] = index
    missing = [c.header for c in columns if c.required and c.header not in positions]
    if missing:
        raise FileError(
            _("The file lacks the required columns: %(columns)s. Download the template to see them.")
            % {"columns": ", ".join(f"“{m}”" for m in missing)}
        )
    headers = list(positions)
    dataset = tablib.Dataset(headers=headers)
    for values in table.rows:
        dataset.append([values[i] if i < len(values) else None for i in positions.values()])
    return MappedTable(dataset=dataset, numbers=list(table.numbers), ignored=ignored)


# --- Reading cells: widgets with translated errors --------------------------------------------------------------


class Widget:
    """Turns a cell into a Python value; raises ValueError with a translated reason. ``None`` means the cell
    is empty: the attribute is then left as it is (a new object keeps its default)."""

    def __init__(self, *, required: bool = False):
        self.required = required
        self.resource: PortalResource | None = None

    def bind(self, resource: PortalResource) -> Widget:
        bound = object.__new__(type(self))
        bound.__dict__.update(self.__dict__)
        bound.resource = resource
        return bound

    def clean(self, value, row=None, **kwargs):
        if is_empty(value):
            if self.required:
                raise ValueError(_("This cell must be filled in."))
            return None
        return self.parse(value.strip() if isinstance(value, str) else value)

    def parse(self, value):
        return value

    def render(self, value, obj=None, **kwargs):  # exports go through accounts.exporting
        return "" if value is None else str(value)


class TextWidget(Widget):
    def __init__(self, *, max_length: int | None = None, required: bool = False):
        super().__init__(required=required)
        self.max_length = max_length

    def parse(self, value):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = " ".join(str(value).split()) if "\n" not in str(value) else str(value).strip()
        if self.max_length and len(text) > self.max_length:
            raise ValueError(
                _("At most %(max)s characters (this cell has %(count)s).")
                % {"max": self.max_length, "count": len(text)}
            )
        return text


class EmailWidget(TextWidget):
    def parse(self, value):
        text = super().parse(value).lower()
        try:
            validate_email(text)
        except ValidationError as exc:
            raise ValueError(_("This is not a valid e-mail address.")) from exc
        return text


def parse_whole_number(value: Any) -> int:
    """An integer from a cell: 1500000000, "1.500.000.000", "1,500,000,000", "1 500 000 000 đ"."""
    if isinstance(value, bool):
        raise ValueError(_("Enter a whole number, e.g. 1500000000 or 1.500.000.000."))
    if isinstance(value, int):
        return value
    if isinstance(value, float | Decimal):
        if not Decimal(str(value)).is_finite() or value != int(value):  # NaN, infinity or a fraction
            raise ValueError(_("Enter a whole number, without decimals."))
        return int(value)
    text = fold(value).replace(" ", "").replace("\u00a0", "")
    text = re.sub(r"(dong|d|vnd)$", "", text)
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+", text) or re.fullmatch(r"-?\d{1,3}(,\d{3})+", text):
        return int(re.sub(r"[.,]", "", text))
    raise ValueError(_("Enter a whole number, e.g. 1500000000 or 1.500.000.000."))


class WholeNumberWidget(Widget):
    """Counts and whole VND amounts; never negative unless ``minimum`` says so."""

    def __init__(self, *, required: bool = False, minimum: int | None = 0, maximum: int | None = None):
        super().__init__(required=required)
        self.minimum, self.maximum = minimum, maximum

    def parse(self, value):
        number = parse_whole_number(value)
        if self.minimum is not None and number < self.minimum:
            if self.minimum == 0:
                raise ValueError(_("The number cannot be negative."))
            raise ValueError(_("The number must be at least %(min)s.") % {"min": self.minimum})
        if self.maximum is not None and number > self.maximum:
            raise ValueError(_("The number must be at most %(max)s.") % {"max": self.maximum})
        return number


class YearWidget(WholeNumberWidget):
    def __init__(self, *, required: bool = False, first: int = 2000, last: int = 2100):
        super().__init__(required=required, minimum=first, maximum=last)

    def parse(self, value):
        try:
            year = parse_whole_number(value)
        except ValueError as exc:
            raise ValueError(_("Enter a year, e.g. 2024.")) from exc
        if not self.minimum <= year <= self.maximum:
            raise ValueError(
                _("Enter a year from %(first)s to %(last)s.") % {"first": self.minimum, "last": self.maximum}
            )
        return year


class DecimalWidget(Widget):
    """A number with at most ``places`` decimals: 7,5 (Vietnamese), 7.5, 1.234,5."""

    def __init__(self, *, required: bool = False, places: int = 2):
        super().__init__(required=required)
        self.places = places

    def parse(self, value):
        if isinstance(value, bool):
            raise ValueError(_("Enter a number, e.g. 7,5."))
        if isinstance(value, int | float | Decimal):
            number = Decimal(str(value))
        else:
            text = str(value).replace(" ", "").replace("\u00a0", "").rstrip("%")
            if "," in text and "." in text:
                decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
                thousands = "." if decimal_mark == "," else ","
                text = text.replace(thousands, "").replace(decimal_mark, ".")
            elif text.count(",") == 1:
                text = text.replace(",", ".")
            elif text.count(".") > 1:
                text = text.replace(".", "")
            try:
                number = Decimal(text)
            except InvalidOperation as exc:
                raise ValueError(_("Enter a number, e.g. 7,5.")) from exc
        if not number.is_finite():
            raise ValueError(_("Enter a number, e.g. 7,5."))
        rounded = number.quantize(Decimal(1).scaleb(-self.places), rounding=ROUND_HALF_UP)
        if rounded != number:
            raise ValueError(_("At most %(places)s decimals.") % {"places": self.places})
        return rounded


_DATE_PATTERNS = (
    re.compile(r"^(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{4})$"),
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$"),
)


def parse_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip().split(" ")[0]
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            try:
                return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                break
    raise ValueError(_("Enter the date as dd/mm/yyyy, e.g. 25/11/2023."))


class DateWidget(Widget):
    def parse(self, value):
        return parse_date(value)


class ChoiceWidget(Widget):
    """One of a model's choices, written as its code or its label (in Vietnamese or English), with or
    without diacritics; ``aliases`` adds other wordings {folded text: value}."""

    def __init__(self, choices: type[models.Choices], *, required: bool = False, aliases: dict[str, str] | None = None):
        super().__init__(required=required)
        self.choices = choices
        self.aliases = aliases or {}
        self._table: dict[str, str] | None = None

    def table(self) -> dict[str, str]:
        if self._table is None:
            table = {fold(value): value for value in self.choices.values}
            for language in ("en", "vi"):
                with override(language):
                    table.update({fold(str(label)): value for value, label in self.choices.choices})
            table.update({fold(k): v for k, v in self.aliases.items()})
            self._table = table
        return self._table

    def parse(self, value):
        found = self.table().get(fold(value))
        if found is None:
            labels = ", ".join(str(label) for label in self.choices.labels)
            raise ValueError(_("“%(value)s” is not one of: %(choices)s.") % {"value": value, "choices": labels})
        return found


class LookupWidget(Widget):
    """A reference to another object, resolved by a method of the resource (``resolve_<name>``), which
    reads from what the resource loaded once, and raises ValueError when nothing matches."""

    def __init__(self, method: str, *, required: bool = False):
        super().__init__(required=required)
        self.method = method

    def parse(self, value):
        return getattr(self.resource, self.method)(value)


# --- The resource every import uses -----------------------------------------------------------------------------


class KeyedInstanceLoader(BaseInstanceLoader):
    """Finds the existing object a row updates by the resource's natural key (a tax code; a plan, kind, title
    and date ...), loading all of them in one go: no query per row."""

    def __init__(self, resource, dataset=None):
        super().__init__(resource, dataset)
        keys = set()
        for row in dataset.dict if dataset is not None else ():
            key = resource.instance_key(row)
            if key is not None:
                keys.add(key)
        self.instances = resource.existing_instances(keys) if keys else {}

    def get_instance(self, row):
        key = self.resource.instance_key(row)
        return None if key is None else self.instances.get(key)


class PortalResource(resources.ModelResource):
    """A ModelResource that reads the columns of ``COLUMNS`` with translated errors, checks the domain's rules
    (``check_row``), writes an audit row with action "import" for each object it creates or updates (in the
    import's transaction) and reports its progress.

    Subclasses set ``COLUMNS`` and ``Meta.model``, and may override :meth:`instance_key` /
    :meth:`existing_instances` (rows that update existing objects), :meth:`check_row`, :meth:`prepare_save`
    and :meth:`do_instance_save` (to write through a service)."""

    COLUMNS: ClassVar[tuple[Column, ...]] = ()
    ERROR_ALIASES: ClassVar[dict[str, str]] = {}  # error keys of services -> the attribute of their column
    AUDITED_FIELDS: ClassVar[tuple[str, ...] | None] = None  # snapshot fields; None: every concrete field

    class Meta:
        fields = ()  # only the columns of COLUMNS, added in __init__
        skip_diff = True
        clean_model_instances = False  # rules are checked by check_row, without a query per constraint
        use_transactions = True
        instance_loader_class = KeyedInstanceLoader

    def __init__(
        self, *, user, progress: Callable[[int], None] | None = None, numbers: list[int] | None = None, **kwargs
    ):
        super().__init__(**kwargs)
        self.user = user
        self.progress = progress
        self.numbers = numbers or []  # the sheet row number of each dataset row
        self.rows_seen = 0
        self.fields = {
            c.attribute: Field(
                attribute=c.attribute, column_name=c.header, widget=c.widget.bind(self), saves_null_values=False
            )
            for c in self.COLUMNS
        }
        self.present: set[str] = set()  # attributes of the columns the file has
        self.audit_counts = {"create": 0, "update": 0}

    # Columns and reporting ------------------------------------------------------------------------------------

    @classmethod
    def column_for(cls, attribute: str) -> str:
        attribute = cls.ERROR_ALIASES.get(attribute, attribute)
        for column in cls.COLUMNS:
            if column.attribute == attribute:
                return column.header
        return ""

    @classmethod
    def column_position(cls, header: str) -> int:
        for index, column in enumerate(cls.COLUMNS):
            if column.header == header:
                return index
        return len(cls.COLUMNS)

    def sheet_row(self, row_number: int | None) -> int | None:
        """The spreadsheet's row number of the dataset's row ``row_number`` (1-based)."""
        if row_number is None:
            return None
        return self.numbers[row_number - 1] if 0 < row_number <= len(self.numbers) else row_number + 1

    # Finding the object a row updates ------------------------------------------------------------------------

    def instance_key(self, row: dict) -> Any:
        """The natural key of the object the row updates, or None: the row creates a new object."""
        return None

    def existing_instances(self, keys: set) -> dict:
        """{key: instance} of the objects with these keys that the person may update."""
        return {}

    def get_instance(self, instance_loader, row):
        return instance_loader.get_instance(row)

    def get_import_id_fields(self):
        return []

    # Checking a row ----------------------------------------------------------------------------------------

    def before_import(self, dataset, **kwargs):
        self.present = {c.attribute for c in self.COLUMNS if c.header in (dataset.headers or [])}

    def after_init_instance(self, instance, new, row, **kwargs):
        if not new:
            instance._import_before = snapshot(instance, self.audit_fields())

    def import_instance(self, instance, row, **kwargs):
        errors: dict[str, list] = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as exc:
            errors = exc.update_error_dict(errors)
        problems: dict[str, list[str]] = {}
        self.check_row(instance, row, problems, failed=set(errors), row_number=kwargs.get("row_number"))
        for name, messages in problems.items():
            errors.setdefault(name, []).extend(ValidationError(m) for m in messages)
        if errors:
            raise ValidationError(errors)
        self.prepare_save(instance, row)

    def check_row(
        self, instance, row: dict, problems: dict[str, list[str]], *, failed: set[str], row_number: int | None
    ) -> None:
        """Add {attribute: [translated reasons]} for rules the row breaks. ``failed`` are the attributes whose
        cells could not be read; ``row_number`` is the dataset's (see :meth:`sheet_row`)."""

    def prepare_save(self, instance, row: dict) -> None:
        """Derived values, set once the row is valid (a size class, who recorded it ...)."""

    def skip_row(self, instance, original, row, import_validation_errors=None):
        """An existing object the row does not change is left alone (and not audited)."""
        before = getattr(instance, "_import_before", None)
        if import_validation_errors or before is None:
            return False
        return not diff(before, snapshot(instance, self.audit_fields()))

    def after_import_row(self, row, row_result, **kwargs):
        self.rows_seen += 1
        if self.progress is not None and self.rows_seen % 100 == 0:
            self.progress(self.rows_seen)

    # Saving and auditing ------------------------------------------------------------------------------------

    def audit_fields(self) -> list[str]:
        if self.AUDITED_FIELDS is not None:
            return list(self.AUDITED_FIELDS)
        return [f.name for f in self._meta.model._meta.concrete_fields if not f.primary_key]

    def province_id_of(self, instance) -> int | None:
        return getattr(instance, "province_id", None)

    def audit_entry(self, instance, *, created: bool) -> AuditEntry:
        """The audit row (action "import", unsaved) for an object the import created or changed."""
        after = snapshot(instance, self.audit_fields())
        before = getattr(instance, "_import_before", None)
        self.audit_counts["create" if created else "update"] += 1
        return audit_entry(
            actor=self.user,
            action=AuditEntry.Action.IMPORT,
            instance=instance,
            changes=diff({}, after) if created or before is None else diff(before, after),
            comment=_("Created by an import.") if created else _("Updated by an import."),
            province_id=self.province_id_of(instance),
        )

    def audit(self, instance, *, created: bool) -> None:
        """One audit row for one object saved on its own."""
        self.audit_entry(instance, created=created).save(force_insert=True)

    def audit_many(self, instances, *, created: bool) -> None:
        """The audit rows of a bulk write, written in batches (same rows, far fewer round trips)."""
        AuditEntry.objects.bulk_create(
            (self.audit_entry(instance, created=created) for instance in instances), batch_size=1000
        )

    def save_instance(self, instance, is_create, row, **kwargs):
        super().save_instance(instance, is_create, row, **kwargs)
        if not self._meta.use_bulk and not kwargs.get("dry_run"):
            self.audit(instance, created=is_create)

    def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        pending = list(self.create_instances)
        failures = len(result.base_errors) if result is not None else 0
        super().bulk_create(using_transactions, dry_run, raise_errors, batch_size=batch_size, result=result)
        if not dry_run and (result is None or len(result.base_errors) == failures):
            self.audit_many(pending, created=True)

    def bulk_update(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        pending = list(self.update_instances)
        failures = len(result.base_errors) if result is not None else 0
        super().bulk_update(using_transactions, dry_run, raise_errors, batch_size=batch_size, result=result)
        if not dry_run and (result is None or len(result.base_errors) == failures):
            self.audit_many(pending, created=False)


# --- The report of a check or an import ---------------------------------------------------------------------------

MAX_REPORTED_ERRORS = 1_000


@dataclass
class Report:
    """What a dry run or an import found: the counts, and each invalid row's errors with the spreadsheet's row
    number, the column and the translated reason."""

    total: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    invalid_rows: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    error_count: int = 0
    file_errors: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.invalid_rows and not self.file_errors

    def as_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "invalid_rows": self.invalid_rows,
            "errors": self.errors[:MAX_REPORTED_ERRORS],
            "error_count": self.error_count,
            "truncated": self.error_count > MAX_REPORTED_ERRORS,
            "file_errors": self.file_errors,
            "ignored_columns": self.ignored_columns,
        }


def _messages(error: Any) -> list[str]:
    if isinstance(error, ValidationError):
        return [str(m) for m in error.messages]
    if isinstance(error, list | tuple):
        return [m for e in error for m in _messages(e)]
    return [str(error)]


def build_report(result, *, resource_class: type[PortalResource], mapped: MappedTable) -> Report:
    """Turn django-import-export's result into a :class:`Report` with sheet row numbers and column headers."""
    numbers = mapped.numbers
    report = Report(
        total=result.total_rows,
        new=result.totals.get("new", 0),
        updated=result.totals.get("update", 0),
        unchanged=result.totals.get("skip", 0),
        ignored_columns=list(mapped.ignored),
    )
    errors: list[dict[str, Any]] = []
    bad_rows: set[int] = set()
    for invalid in result.invalid_rows:
        bad_rows.add(invalid.number)
        for key, messages in invalid.error_dict.items():
            column = "" if key == NON_FIELD_ERRORS else resource_class.column_for(key) or key
            for message in _messages(messages):
                errors.append({"row": numbers[invalid.number - 1], "column": column, "message": message})
    for error_row in result.error_rows:
        bad_rows.add(error_row.number)
        for error in error_row.errors:
            errors.append(
                {
                    "row": numbers[error_row.number - 1],
                    "column": "",
                    "message": _("This row could not be saved: %(error)s") % {"error": error.error},
                }
            )
    report.file_errors = [
        _("The rows could not be saved together: %(error)s") % {"error": error.error} for error in result.base_errors
    ]
    errors.sort(key=lambda e: (e["row"], resource_class.column_position(e["column"])))
    report.errors = errors
    report.error_count = len(errors)
    report.invalid_rows = len(bad_rows)
    return report


def dry_run(kind: ImportKind, *, user, mapped: MappedTable, progress: Callable[[int], None] | None = None) -> Report:
    """Check every row (nothing is saved) and report what the import would do."""
    resource = kind.resource_class(user=user, progress=progress, numbers=mapped.numbers)
    result = resource.import_data(mapped.dataset, dry_run=True, raise_errors=False, collect_failed_rows=True)
    return build_report(result, resource_class=kind.resource_class, mapped=mapped)


class ImportRefusedError(Exception):
    """Raised inside the import's transaction when a row is invalid: everything is rolled back."""

    def __init__(self, report: Report):
        super().__init__(f"{report.invalid_rows} invalid rows")
        self.report = report


def import_all(kind: ImportKind, *, user, mapped: MappedTable, progress: Callable[[int], None] | None = None) -> Report:
    """Import every row, or none: call inside ``transaction.atomic()``. Raises :class:`ImportRefusedError` (the
    caller's transaction then rolls back) when any row is invalid."""
    resource = kind.resource_class(user=user, progress=progress, numbers=mapped.numbers)
    result = resource.import_data(
        mapped.dataset,
        dry_run=False,
        raise_errors=False,
        use_transactions=True,
        rollback_on_validation_errors=True,
        collect_failed_rows=True,
    )
    report = build_report(result, resource_class=kind.resource_class, mapped=mapped)
    if not report.ok or result.has_errors() or result.has_validation_errors():
        raise ImportRefusedError(report)
    return report


# --- Templates ----------------------------------------------------------------------------------------------------


def template_workbook(kind: ImportKind) -> bytes:
    """An XLSX with the kind's headers (required ones marked "*") and an example row."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font, PatternFill

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(kind.label)[:31]
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="FFF2CC")
    for index, column in enumerate(kind.columns, start=1):
        cell = sheet.cell(row=1, column=index, value=column.header + (" *" if column.required else ""))
        cell.font = bold
        if column.required:
            cell.fill = fill
        if column.help:
            cell.comment = Comment(str(column.help), "NSCL")
        example = sheet.cell(row=2, column=index, value=column.example if column.example != "" else None)
        if isinstance(column.example, dt.date):
            example.number_format = "DD/MM/YYYY"
        elif isinstance(column.example, int) and not isinstance(column.widget, YearWidget):
            example.number_format = "#,##0"
        sheet.column_dimensions[cell.column_letter].width = max(14, min(40, len(column.header) + 6))
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
