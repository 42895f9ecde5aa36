"""Generated data at national scale, for measuring the portal (``manage.py generate_scale_data``, ``make bench``).

One call, :func:`generate`, fills a database with what ten years of the programme across the country would
leave behind: the provinces of 2021-2025 and those formed on 1 July 2025, their staff, leaders, council members
and unit reporters, units, plans (phases, objectives, targets, tasks, budget lines, reporting duties), task
progress, activities, indicator values, versioned support policies with their rules and cost kinds, budget
allocations, appraisal councils, enterprises (valid tax codes, Decree 80 size classes, certificates, awards,
contacts) with a member account each, and applications in every state of the workflow with everything the
workflow would have written: cost lines, attachment records (no files), events, reviews, decisions, contracts,
acceptances, payments, messages, notifications and audit rows.

The data obey the rules the portal enforces:

* every status is reached through the transitions of ``support.workflow`` (an event and an audit row each);
* money: maximum = min(rate × eligible estimated cost, cap × quantity) (rounded down, as ``support.quote``);
  approved ≤ maximum; final = min(support on the actual costs, approved); paid ≤ final, payments add up;
* allocations per policy and year are never overspent: committed is what the workflow would have committed
  (approved amounts, final amounts once accepted), disbursed the payments, committed ≤ amount;
* the 2025 merger: whatever happened before 1 July 2025 belongs to the province of the time, whatever was
  created on or after it to the successor (the province of 2025); enterprises keep the province they registered
  in; policies, councils and plans exist only while their province does.

Generated rows carry a mark (users' and enterprises' e-mail domain, plans' source note, policies' notes) so that
the generator can tell a database of generated data, which it may replace, from one holding real data, which it
refuses to touch unless forced. It is reproducible: the same seed and the same ``as_of`` date give the same
rows. On PostgreSQL rows go in with ``COPY`` (ids are assigned here, sequences are set afterwards); on other
databases (the tests' SQLite) with batched ``INSERT``s.

Every generated account has the password :data:`SCALE_PASSWORD` and is marked ``is_demo``: like the demo
accounts they can sign in only in demo mode, never in production.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import random
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from urllib.parse import quote_plus

from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connections, models, transaction
from django.utils import timezone, translation
from stdnum.vn import mst

from accounts.models import AuditEntry, Membership, Notification, Role, User
from enterprises.models import Award, Certificate, Contact, Enterprise, Sector
from enterprises.sizes import SizeClass, size_class
from plans.models import (
    MERGER_DATE_ISO,
    Activity,
    BudgetAmount,
    BudgetLine,
    BudgetSource,
    Indicator,
    IndicatorValue,
    Objective,
    Phase,
    Plan,
    Province,
    ReportingDuty,
    Target,
    Task,
    TaskProgress,
    Unit,
)

from .choices import CapPer, CostKind, Status
from .models import (
    Acceptance,
    Application,
    ApplicationEvent,
    ApplicationMessage,
    Attachment,
    BudgetAllocation,
    Contract,
    CostItem,
    Council,
    CouncilMember,
    Decision,
    Payment,
    Review,
    RuleCostKind,
    SupportCategory,
    SupportPolicy,
    SupportRule,
)
from .workflow import REQUIRED_DOCUMENTS, TRANSITIONS_BY_NAME

MARK = "generate_scale_data"
SCALE_EMAIL_DOMAIN = "scale.nscl.invalid"
SCALE_PASSWORD = "nscl-scale-2025"
DEFAULT_YEARS = (2021, 2022, 2023, 2024, 2025, 2026)
DEFAULT_ENTERPRISES = 100_000
DEFAULT_APPLICATIONS = 300_000
DEFAULT_SEED = 1322
MERGER = dt.date.fromisoformat(MERGER_DATE_ISO)
MILLION = 1_000_000
UTC = dt.UTC
PROJECT_APPS = ("accounts", "plans", "enterprises", "support", "reporting")
# Reference data loaded by the migrations: never cleared, never generated.
REFERENCE_MODELS = ("plans.province", "plans.indicator", "enterprises.sector", "support.supportcategory")


class ScaleError(Exception):
    """The generator refuses (a database with real data, bad options)."""


# --- Options and result --------------------------------------------------------------------------------------


@dataclass
class ScaleOptions:
    """What to generate. ``provinces``: None for every province (the 63 of 2021-2025 and the 23 formed in 2025),
    a number N for the first N provinces of 2021-2025 by statistics code (with the provinces they merged into),
    or province keys."""

    provinces: int | Sequence[str] | None = None
    enterprises: int = DEFAULT_ENTERPRISES
    applications: int = DEFAULT_APPLICATIONS
    years: Sequence[int] = DEFAULT_YEARS
    seed: int = DEFAULT_SEED
    as_of: dt.date | None = None  # the day the data ends (default: today); fixed for reproducible data
    force: bool = False
    batch_size: int = 200_000  # rows written per transaction, all tables together
    activities_per_plan_year: int = 60

    def describe(self) -> dict[str, Any]:
        return {
            "provinces": self.provinces
            if self.provinces is None or isinstance(self.provinces, int)
            else list(self.provinces),
            "enterprises": self.enterprises,
            "applications": self.applications,
            "years": list(self.years),
            "seed": self.seed,
            "as_of": self.as_of.isoformat() if self.as_of else None,
        }


@dataclass
class ScaleResult:
    options: dict[str, Any]
    counts: dict[str, int]
    seconds: float
    cleared: bool
    database: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "options": self.options,
            "counts": self.counts,
            "seconds": round(self.seconds, 1),
            "cleared": self.cleared,
            "database": self.database,
        }


# --- Generated or real? ----------------------------------------------------------------------------------------


def _generated_q() -> dict[type[models.Model], models.Q]:
    """For each model that real use always fills, which of its rows the generator wrote."""
    return {
        User: models.Q(email__endswith="@" + SCALE_EMAIL_DOMAIN),
        Enterprise: models.Q(email__endswith="@" + SCALE_EMAIL_DOMAIN),
        Plan: models.Q(source_note__startswith=MARK),
        SupportPolicy: models.Q(notes__startswith=MARK),
    }


def foreign_data(using: str = "default") -> dict[str, int]:
    """Rows the generator did not write, per model (empty: the database holds reference and generated data
    only). A database with real use has users, enterprises, plans or policies of its own."""
    found: dict[str, int] = {}
    for model, generated in _generated_q().items():
        count = model._default_manager.using(using).exclude(generated).count()
        if count:
            found[model._meta.label] = count
    return found


def marker(using: str = "default") -> dict[str, Any] | None:
    """What the last complete generation wrote (its options and counts), or None."""
    row = (
        AuditEntry.objects.using(using)
        .filter(object_repr=MARK, action=AuditEntry.Action.OTHER)
        .order_by("-pk")
        .values_list("changes", flat=True)
        .first()
    )
    return row or None


def generated_present(using: str = "default") -> bool:
    return any(
        model._default_manager.using(using).filter(generated).exists() for model, generated in _generated_q().items()
    )


def _models_to_clear() -> list[type[models.Model]]:
    result = []
    for model in apps.get_models(include_auto_created=True):
        if model._meta.app_label in PROJECT_APPS and model._meta.label_lower not in REFERENCE_MODELS:
            result.append(model)
    return result


def clear(using: str = "default") -> None:
    """Empty every table of the project but the reference data (and what refers to those rows)."""
    connection = connections[using]
    tables = [m._meta.db_table for m in _models_to_clear()]
    sql = connection.ops.sql_flush(no_style(), tables, reset_sequences=True, allow_cascade=True)
    connection.ops.execute_sql_flush(sql)


# --- Writing rows fast -----------------------------------------------------------------------------------------


def _esc(text: str) -> str:
    if "\\" in text or "\t" in text or "\n" in text or "\r" in text:
        text = text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    return text


def _json(value: Any) -> str:
    return _esc(json.dumps(value, ensure_ascii=False))


_COPY_FORMAT: dict[type, Callable[[Any], str]] = {
    str: _esc,
    int: str,
    bool: lambda v: "t" if v else "f",
    dt.date: dt.date.isoformat,
    dt.datetime: dt.datetime.isoformat,
    Decimal: str,
    dict: _json,
    list: _json,
}


_FALLBACK: tuple[tuple[type, Callable[[Any], str]], ...] = (
    (bool, _COPY_FORMAT[bool]),
    (int, str),
    (str, _esc),  # text choices (enums)
    (dt.datetime, dt.datetime.isoformat),
    (dt.date, dt.date.isoformat),
)


def _copy_value(value: Any) -> str:
    if value is None:
        return "\\N"
    fmt = _COPY_FORMAT.get(type(value))
    if fmt is None:
        fmt = next((f for base, f in _FALLBACK if isinstance(value, base)), None)
        if fmt is None:
            raise ScaleError(f"Cannot write {type(value).__name__} values")
    return fmt(value)


class _Table:
    """Rows of one model: written with COPY (PostgreSQL) or executemany INSERTs (others), in batches, with the
    values given (``auto_now`` fields too: the rows are dated in the past). Columns not given get the field's
    default, so that a field added later with a default does not break the generator."""

    def __init__(self, writer: _Writer, model: type[models.Model], columns: Sequence[str]):
        self.writer = writer
        self.model = model
        self.columns = list(columns)
        fields = {f.attname: f for f in model._meta.concrete_fields}
        unknown = [c for c in self.columns if c not in fields]
        if unknown:
            raise ScaleError(f"{model._meta.label} has no columns {unknown}")
        self.extra_columns: list[str] = []
        extra_values: list[Any] = []
        for f in model._meta.concrete_fields:
            if f.attname in self.columns:
                continue
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                value = writer.now
            else:
                value = f.get_default()
            if value is None and not f.null:
                raise ScaleError(
                    f"{model._meta.label}.{f.name} needs a value: support/scale.py must be told about this field."
                )
            self.extra_columns.append(f.attname)
            extra_values.append(value)
        self.extra_values = tuple(extra_values)
        self.count = 0
        self._buffer: list[str] = []
        self._rows: list[list[Any]] = []
        self._fields = [fields[c] for c in self.columns + self.extra_columns]
        db_columns = ", ".join(writer.connection.ops.quote_name(f.column) for f in self._fields)
        table = writer.connection.ops.quote_name(model._meta.db_table)
        if writer.copy:
            self._sql = f"COPY {table} ({db_columns}) FROM STDIN"
            self._extra_text = "".join("\t" + _copy_value(v) for v in self.extra_values)
        else:
            self._sql = f"INSERT INTO {table} ({db_columns}) VALUES ({', '.join(['%s'] * len(self._fields))})"

    def add(self, row: Sequence[Any]) -> None:
        if self.writer.copy:
            self._buffer.append("\t".join([_copy_value(v) for v in row]) + self._extra_text + "\n")
        else:
            connection = self.writer.connection
            values = (*row, *self.extra_values)
            self._rows.append([f.get_db_prep_save(v, connection) for f, v in zip(self._fields, values, strict=True)])
        self.count += 1
        writer = self.writer
        writer.pending += 1
        if writer.pending >= writer.batch_size:
            writer.flush()

    def flush(self) -> None:
        if not self._buffer and not self._rows:
            return
        if self.writer.copy:
            data = io.StringIO("".join(self._buffer))
            with self.writer.connection.cursor() as cursor:
                cursor.copy_expert(self._sql, data)
            self._buffer = []
        else:
            with self.writer.connection.cursor() as cursor:
                cursor.executemany(self._sql, self._rows)
            self._rows = []


class _Writer:
    def __init__(self, using: str, batch_size: int):
        self.using = using
        self.connection = connections[using]
        self.copy = self.connection.vendor == "postgresql"
        self.batch_size = batch_size
        self.now = timezone.now()
        self.tables: dict[type[models.Model], _Table] = {}
        self.pending = 0
        self._next: dict[type[models.Model], int] = {}

    def table(self, model: type[models.Model], columns: Sequence[str]) -> _Table:
        if model not in self.tables:
            self.tables[model] = _Table(self, model, columns)
        return self.tables[model]

    def next_id(self, model: type[models.Model]) -> int:
        if model not in self._next:
            top = model._default_manager.using(self.using).aggregate(top=models.Max("pk"))["top"] or 0
            self._next[model] = top + 1
        value = self._next[model]
        self._next[model] = value + 1
        return value

    def flush(self) -> None:
        """Write every table's pending rows in one transaction: foreign keys are checked at its commit (they are
        deferred), so the order of the tables does not matter."""
        with transaction.atomic(using=self.using):
            for table in self.tables.values():
                table.flush()
        self.pending = 0

    def reset_sequences(self) -> None:
        statements = self.connection.ops.sequence_reset_sql(no_style(), list(self.tables))
        if statements:
            with self.connection.cursor() as cursor:
                for sql in statements:
                    cursor.execute(sql)

    def counts(self) -> dict[str, int]:
        return {model._meta.label: table.count for model, table in self.tables.items()}


# --- Vocabulary --------------------------------------------------------------------------------------------------

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Thu", "Hoàng", "Xuân", "Kim"]
GIVEN = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Hương", "Khánh", "Lan", "Long", "Mai"]
GIVEN += ["Minh", "Nam", "Nga", "Phong", "Phương", "Quang", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vy", "Yến"]
FIRM_WORDS = ["Hưng Thịnh", "An Phát", "Thành Công", "Phú Gia", "Minh Long", "Tân Tiến", "Đại Việt", "Sao Mai"]
FIRM_WORDS += ["Hoàng Gia", "Trường Sơn", "Bình Minh", "Việt Úc", "Nam Á", "Phương Đông", "Kim Long", "Hồng Hà"]
FIRM_WORDS += ["Thiên Phú", "Lộc Phát", "Đông Dương", "Quang Minh", "Hòa Bình", "Tây Nguyên", "Mekong", "Sông Hồng"]
FIRM_TRADES = {
    "A": ["Nông sản", "Chè", "Cà phê", "Thủy sản", "Lâm sản", "Dược liệu"],
    "C": ["Chế biến thực phẩm", "Cơ khí", "Bao bì", "Dệt may", "Gỗ nội thất", "Gạch ngói", "Nhựa"],
    "F": ["Xây dựng", "Vật liệu xây dựng"],
    "G": ["Thương mại", "Xuất nhập khẩu", "Phân phối"],
    "I": ["Du lịch", "Khách sạn"],
    "J": ["Công nghệ", "Phần mềm"],
    "H": ["Vận tải", "Logistics"],
}
KIND_PREFIX = {
    Enterprise.Kind.COMPANY: ["Công ty TNHH", "Công ty Cổ phần", "Công ty TNHH MTV", "Doanh nghiệp tư nhân"],
    Enterprise.Kind.COOPERATIVE: ["Hợp tác xã"],
    Enterprise.Kind.ST_ORGANISATION: ["Viện", "Trung tâm"],
    Enterprise.Kind.HOUSEHOLD: ["Hộ kinh doanh"],
}
STREETS = ["Trần Hưng Đạo", "Lê Lợi", "Nguyễn Huệ", "Hai Bà Trưng", "Quang Trung", "Lý Thường Kiệt", "Hùng Vương"]
COMMUNES = ["Phường 1", "Phường 2", "Xã Tân Lập", "Xã Hòa Bình", "Phường Trung Tâm", "Xã An Phú", "Thị trấn"]
STANDARDS = ["ISO 9001:2015", "ISO 14001:2015", "ISO 22000:2018", "ISO 45001:2018", "ISO 50001:2018", "HACCP"]
TOOLS = ["5S", "Kaizen", "Lean", "TPM", "KPI", "BSC"]
UNIT_NAMES = [
    (Unit.Kind.DEPARTMENT, "Sở Khoa học và Công nghệ", "Sở KH&CN"),
    (Unit.Kind.DEPARTMENT, "Sở Công Thương", "Sở CT"),
    (Unit.Kind.DEPARTMENT, "Sở Nông nghiệp và Môi trường", "Sở NN&MT"),
    (Unit.Kind.DEPARTMENT, "Sở Tài chính", "Sở TC"),
    (Unit.Kind.DEPARTMENT, "Sở Văn hóa, Thể thao và Du lịch", "Sở VHTT&DL"),
    (Unit.Kind.DEPARTMENT, "Sở Nội vụ", "Sở NV"),
    (Unit.Kind.MEDIA, "Báo và Phát thanh, Truyền hình tỉnh", "Báo PT-TH"),
    (Unit.Kind.ASSOCIATION, "Hiệp hội Doanh nghiệp tỉnh", "Hiệp hội DN"),
    (Unit.Kind.ASSOCIATION, "Liên minh Hợp tác xã tỉnh", "Liên minh HTX"),
    (Unit.Kind.ORGANISATION, "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng", "Trung tâm TĐC"),
]
TASK_GROUPS = [
    (
        "Tuyên truyền, nâng cao nhận thức về năng suất chất lượng",
        [
            "Xây dựng chuyên mục, phóng sự về năng suất chất lượng trên Báo và Đài",
            "Tổ chức hội nghị, hội thảo chia sẻ kinh nghiệm nâng cao năng suất",
            "Biên soạn, phát hành tờ rơi, sổ tay hướng dẫn áp dụng công cụ cải tiến",
            "Tổ chức diễn đàn năng suất chất lượng cấp tỉnh",
        ],
    ),
    (
        "Đào tạo nguồn nhân lực về năng suất chất lượng",
        [
            "Đào tạo chuyên gia tư vấn, đánh giá về năng suất chất lượng",
            "Tập huấn cho doanh nghiệp về hệ thống quản lý và công cụ cải tiến",
            "Đào tạo cán bộ quản lý nhà nước về năng suất chất lượng",
            "Tổ chức khảo sát, học tập kinh nghiệm trong và ngoài nước",
        ],
    ),
    (
        "Hỗ trợ doanh nghiệp nâng cao năng suất chất lượng",
        [
            "Hỗ trợ doanh nghiệp xây dựng, áp dụng hệ thống quản lý tiên tiến",
            "Hỗ trợ doanh nghiệp áp dụng công cụ cải tiến năng suất chất lượng",
            "Hỗ trợ chứng nhận sản phẩm, hàng hóa phù hợp tiêu chuẩn",
            "Hỗ trợ doanh nghiệp tham gia Giải thưởng Chất lượng Quốc gia",
            "Hỗ trợ xây dựng hệ thống truy xuất nguồn gốc sản phẩm",
            "Hỗ trợ ứng dụng công nghệ số trong quản trị doanh nghiệp",
        ],
    ),
    (
        "Xây dựng, triển khai các mô hình điểm",
        [
            "Xây dựng mô hình điểm về năng suất xanh",
            "Xây dựng mô hình điểm về sản xuất thông minh",
            "Nhân rộng mô hình áp dụng thành công",
        ],
    ),
    (
        "Tổ chức thực hiện, kiểm tra, đánh giá",
        [
            "Kiểm tra, đánh giá tình hình thực hiện Kế hoạch",
            "Sơ kết, tổng kết, báo cáo kết quả thực hiện",
            "Khen thưởng tổ chức, cá nhân có thành tích",
        ],
    ),
]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
# (indicator code, wording, measure, period, comparator, value_min, value_max, unit)
TARGETS = [
    (
        "enterprises_supported",
        "Hỗ trợ 10-20 doanh nghiệp mỗi năm nâng cao năng suất chất lượng",
        "count",
        "year",
        "range",
        10,
        20,
        "doanh nghiệp",
    ),
    (
        "enterprises_supported_certification",
        "Ít nhất 50 doanh nghiệp được hỗ trợ chứng nhận",
        "count",
        "phase",
        "at_least",
        50,
        None,
        "doanh nghiệp",
    ),
    (
        "person_times_trained",
        "Đào tạo, tập huấn ít nhất 2.000 lượt người",
        "count",
        "phase",
        "at_least",
        2000,
        None,
        "lượt người",
    ),
    (
        "experts_certified",
        "Ít nhất 10 chuyên gia năng suất được cấp chứng chỉ",
        "count",
        "phase",
        "at_least",
        10,
        None,
        "chuyên gia",
    ),
    (
        "nqa_winners",
        "Mỗi năm có ít nhất 01 doanh nghiệp đạt Giải thưởng Chất lượng Quốc gia",
        "count",
        "year",
        "at_least",
        1,
        None,
        "doanh nghiệp",
    ),
    ("tv_reports", "Xây dựng 20 phóng sự về năng suất chất lượng", "count", "phase", "exactly", 20, None, "phóng sự"),
    ("training_courses", "Tổ chức ít nhất 02 lớp tập huấn mỗi năm", "count", "year", "at_least", 2, None, "lớp"),
    (
        "labour_productivity_growth",
        "Năng suất lao động tăng trên 7 %/năm",
        "growth_rate",
        "year",
        "more_than",
        7,
        None,
        "%",
    ),
    ("tfp_share", "Đóng góp của TFP vào tăng trưởng khoảng 30 %", "share", "phase", "approximately", 30, None, "%"),
    (
        "key_products_conforming",
        "80 % sản phẩm chủ lực được chứng nhận phù hợp tiêu chuẩn",
        "percentage",
        "phase",
        "at_least",
        80,
        None,
        "%",
    ),
]
MANUAL_SOURCES = ["Cục Thống kê tỉnh, Niên giám thống kê", "Báo cáo của Sở Công Thương", "Điều tra của Sở KH&CN"]
# (category code, rate %, cap in millions, cap per, cost kinds: eligible ones then an excluded one or None)
RULE_TEMPLATES = [
    (
        "management-systems",
        50,
        45,
        CapPer.SYSTEM,
        [CostKind.CONSULTANCY, CostKind.CERTIFICATION_AUDIT, CostKind.TRAINING],
        CostKind.SURVEILLANCE_AUDIT,
    ),
    (
        "improvement-tools",
        50,
        40,
        CapPer.APPLICATION,
        [CostKind.CONSULTANCY, CostKind.TRAINING, CostKind.EXPERT_ALLOWANCE],
        None,
    ),
    (
        "traceability-gap-organic-green",
        50,
        45,
        CapPer.SYSTEM,
        [CostKind.CONSULTANCY, CostKind.CERTIFICATION_AUDIT, CostKind.TESTING, CostKind.SOFTWARE],
        None,
    ),
    ("digital-tools", 50, 30, CapPer.PRODUCT, [CostKind.SOFTWARE, CostKind.CONSULTANCY, CostKind.EQUIPMENT], None),
    (
        "product-certification",
        50,
        45,
        CapPer.PRODUCT,
        [CostKind.TESTING, CostKind.CERTIFICATION_AUDIT, CostKind.EXPERT_ALLOWANCE, CostKind.REGISTRATION_FEES],
        CostKind.SURVEILLANCE_AUDIT,
    ),
    (
        "system-certification",
        50,
        45,
        CapPer.SYSTEM,
        [CostKind.CONSULTANCY, CostKind.CERTIFICATION_AUDIT, CostKind.REGISTRATION_FEES],
        CostKind.SURVEILLANCE_AUDIT,
    ),
    ("industrial-property", 100, 10, CapPer.PRODUCT, [CostKind.REGISTRATION_FEES, CostKind.CONSULTANCY], None),
    ("barcodes", 100, 10, CapPer.PRODUCT, [CostKind.REGISTRATION_FEES], None),
    ("national-quality-award", 30, 60, CapPer.APPLICATION, [CostKind.CONSULTANCY, CostKind.REGISTRATION_FEES], None),
    (
        "technology-innovation",
        30,
        200,
        CapPer.APPLICATION,
        [CostKind.EQUIPMENT, CostKind.CONSULTANCY, CostKind.SOFTWARE],
        CostKind.OTHER,
    ),
]
COST_DESCRIPTIONS = {
    CostKind.CONSULTANCY: "Chi phí thuê tư vấn",
    CostKind.CERTIFICATION_AUDIT: "Đánh giá chứng nhận lần đầu",
    CostKind.SURVEILLANCE_AUDIT: "Đánh giá giám sát",
    CostKind.TESTING: "Thử nghiệm mẫu",
    CostKind.EXPERT_ALLOWANCE: "Phụ cấp chuyên gia",
    CostKind.REGISTRATION_FEES: "Lệ phí đăng ký",
    CostKind.SOFTWARE: "Bản quyền phần mềm",
    CostKind.EQUIPMENT: "Thiết bị",
    CostKind.TRAINING: "Đào tạo nội bộ",
    CostKind.OTHER: "Chi phí khác",
}
TITLE_TEMPLATES = {
    "management-systems": "Xây dựng và áp dụng hệ thống quản lý {std}",
    "improvement-tools": "Áp dụng công cụ cải tiến {tool}",
    "traceability-gap-organic-green": "Xây dựng hệ thống truy xuất nguồn gốc sản phẩm",
    "digital-tools": "Ứng dụng phần mềm quản trị doanh nghiệp",
    "product-certification": "Chứng nhận sản phẩm phù hợp tiêu chuẩn",
    "system-certification": "Chứng nhận hệ thống quản lý {std}",
    "industrial-property": "Đăng ký bảo hộ nhãn hiệu",
    "barcodes": "Đăng ký mã số mã vạch sản phẩm",
    "national-quality-award": "Tham gia Giải thưởng Chất lượng Quốc gia",
    "technology-innovation": "Đổi mới dây chuyền công nghệ sản xuất",
}
COMMENTS = {
    "request_changes": [
        "Đề nghị bổ sung báo giá của ít nhất hai đơn vị tư vấn.",
        "Thuyết minh chưa nêu rõ phần kinh phí đối ứng của doanh nghiệp.",
        "Giấy chứng nhận đăng ký doanh nghiệp đã hết hiệu lực, đề nghị bổ sung bản mới.",
    ],
    "reject": [
        "Hồ sơ không đáp ứng tiêu chí ưu tiên của chính sách.",
        "Hội đồng đánh giá nội dung đề nghị hỗ trợ chưa đạt yêu cầu.",
        "Doanh nghiệp đã được hỗ trợ nội dung tương tự từ nguồn khác.",
    ],
    "return_to_implementation": ["Hóa đơn chưa khớp với dự toán, đề nghị hoàn thiện hồ sơ nghiệm thu."],
    "cancel": [
        "Doanh nghiệp đề nghị dừng thực hiện do thay đổi kế hoạch sản xuất.",
        "Doanh nghiệp không triển khai thực hiện hợp đồng đúng thời hạn.",
    ],
}
MESSAGES = [
    (True, "Kính gửi Sở, doanh nghiệp xin hỏi thời gian dự kiến thẩm định hồ sơ."),
    (False, "Hồ sơ đang được thẩm định, Sở sẽ thông báo kết quả trong tháng này."),
    (True, "Doanh nghiệp đã bổ sung báo giá theo yêu cầu."),
    (False, "Đề nghị doanh nghiệp gửi bản scan hóa đơn có chữ ký số."),
]
ACTIVITY_TITLES = {
    Activity.Kind.TRAINING_COURSE: "Lớp tập huấn về năng suất chất lượng",
    Activity.Kind.EXPERT_TRAINING: "Khóa đào tạo chuyên gia năng suất",
    Activity.Kind.CONFERENCE: "Hội nghị phổ biến kinh nghiệm nâng cao năng suất",
    Activity.Kind.COMMUNICATION: "Phóng sự về năng suất chất lượng",
    Activity.Kind.STUDY_TOUR: "Đoàn khảo sát, học tập kinh nghiệm",
    Activity.Kind.AWARD: "Lễ trao Giải thưởng Chất lượng",
}

# Shares of the states of an application by its age (days from its creation to ``as_of``).
STATE_WEIGHTS: list[tuple[int, dict[str, int]]] = [
    (
        540,
        {
            Status.PAID: 64,
            Status.REJECTED: 13,
            Status.WITHDRAWN: 8,
            Status.CANCELLED: 5,
            Status.ACCEPTED: 2,
            Status.IMPLEMENTING: 2,
            Status.ACCEPTANCE: 1,
            Status.DRAFT: 5,
        },
    ),
    (
        180,
        {
            Status.PAID: 36,
            Status.ACCEPTED: 6,
            Status.ACCEPTANCE: 5,
            Status.IMPLEMENTING: 13,
            Status.CONTRACTED: 4,
            Status.APPROVED: 3,
            Status.REJECTED: 12,
            Status.WITHDRAWN: 6,
            Status.CANCELLED: 3,
            Status.COUNCIL_REVIEW: 2,
            Status.SCREENING: 1,
            Status.CHANGES_REQUESTED: 2,
            Status.SUBMITTED: 1,
            Status.DRAFT: 5,
        },
    ),
    (
        0,
        {
            Status.DRAFT: 12,
            Status.SUBMITTED: 12,
            Status.SCREENING: 10,
            Status.CHANGES_REQUESTED: 6,
            Status.COUNCIL_REVIEW: 14,
            Status.APPROVED: 8,
            Status.CONTRACTED: 6,
            Status.IMPLEMENTING: 10,
            Status.ACCEPTANCE: 3,
            Status.ACCEPTED: 2,
            Status.PAID: 2,
            Status.REJECTED: 8,
            Status.WITHDRAWN: 6,
            Status.CANCELLED: 1,
        },
    ),
]
# Days from one step to the next (low, high).
STEP_DAYS = {
    "submit": (1, 20),
    "resubmit": (3, 20),
    "start_screening": (1, 7),
    "request_changes": (2, 10),
    "send_to_council": (3, 20),
    "reject": (5, 25),
    "approve": (5, 30),
    "sign_contract": (3, 20),
    "start_implementation": (1, 10),
    "request_acceptance": (30, 200),
    "return_to_implementation": (3, 15),
    "accept": (5, 30),
    "mark_paid": (5, 45),
    "withdraw": (1, 30),
    "cancel": (10, 90),
}
ENTERPRISE_TRANSITIONS = {"submit", "resubmit", "withdraw", "request_acceptance"}
COMMITTED_STATES = (Status.APPROVED, Status.CONTRACTED, Status.IMPLEMENTING, Status.ACCEPTANCE)


# --- Small helpers --------------------------------------------------------------------------------------------


def _at(day: dt.date, rng: random.Random) -> dt.datetime:
    """A moment in office hours (08:00-17:00 in Vietnam, 01:00-10:00 UTC) of ``day``."""
    return dt.datetime(day.year, day.month, day.day, 1, 0, tzinfo=UTC) + dt.timedelta(seconds=rng.randrange(32_400))


def _round(amount: float, unit: int = 1000) -> int:
    return max(unit, int(amount) // unit * unit)


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def _weighted(rng: random.Random, weights: dict[Any, int]) -> Any:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def tax_code(rng: random.Random, prefix: str, taken: set[str]) -> str:
    """A valid, unused 10-digit tax code starting with the province's two-digit code."""
    while True:
        first_nine = prefix + f"{rng.randrange(10_000_000):07d}"
        digit = mst.calc_check_digit(first_nine)
        if len(digit) != 1:
            continue
        code = first_nine + digit
        if code not in taken:
            taken.add(code)
            return code


def support_for(amounts: Iterable[tuple[str, int]], rule: RuleInfo, quantity: int) -> tuple[int, int]:
    """(eligible cost, support) for cost lines under a generated rule: min(rate × eligible, cap × quantity),
    rounded down to the đồng as ``support.quote.quote_support`` does (one rate per rule here)."""
    eligible = sum(amount for kind, amount in amounts if kind in rule.eligible)
    support = eligible * rule.rate // 100
    if rule.cap is not None:
        cap = rule.cap * quantity if rule.cap_per in (CapPer.SYSTEM, CapPer.PRODUCT) else rule.cap
        support = min(support, cap)
    return eligible, support


@dataclass
class ProvinceInfo:
    pk: int
    key: str
    name: str
    gso_code: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    successor_id: int | None
    staff: list[int] = field(default_factory=list)
    leader: int = 0
    leader_name: str = ""
    council_users: list[int] = field(default_factory=list)
    units: list[int] = field(default_factory=list)
    policies: list[PolicyInfo] = field(default_factory=list)

    def exists_in(self, year: int) -> bool:
        return (self.valid_from is None or self.valid_from.year <= year) and (
            self.valid_to is None or year <= self.valid_to.year
        )


@dataclass
class RuleInfo:
    pk: int
    category_code: str
    category_id: int
    rate: int
    cap: int | None
    cap_per: str
    eligible: frozenset[str]
    kinds: tuple[str, ...]
    excluded: str | None


@dataclass
class PolicyInfo:
    pk: int
    province_id: int
    effective_from: dt.date
    effective_to: dt.date | None
    rules: list[RuleInfo]
    allocations: dict[int, int] = field(default_factory=dict)  # year -> allocation id

    def in_force_on(self, day: dt.date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day <= self.effective_to)


@dataclass
class EnterpriseInfo:
    pk: int
    province_id: int
    registered: dt.date
    member: int
    status: str
    applies: bool  # verified SME, not foreign-invested: the policies' applicants
    name: str


# --- The generator ----------------------------------------------------------------------------------------------


class _Generator:
    def __init__(self, options: ScaleOptions, using: str, log: Callable[[str], None]):
        self.o = options
        self.using = using
        self.log = log
        self.rng = random.Random(options.seed)
        self.as_of = options.as_of or timezone.localdate()
        self.w = _Writer(using, options.batch_size)
        self.years = sorted(y for y in set(options.years) if y <= self.as_of.year)
        if not self.years:
            raise ScaleError("No year to generate: every year asked for is after the as-of date.")
        self.end = dt.datetime(self.as_of.year, self.as_of.month, self.as_of.day, tzinfo=UTC)
        self.tag = ""
        self.password = make_password(SCALE_PASSWORD)
        with translation.override("vi"):
            self.status_labels = {s.value: str(s.label) for s in Status}
            self.transition_labels = {name: str(t.label) for name, t in TRANSITIONS_BY_NAME.items()}
        self.ct_application = ContentType.objects.db_manager(using).get_for_model(Application).pk
        self.ct_payment = ContentType.objects.db_manager(using).get_for_model(Payment).pk
        self.ct_enterprise = ContentType.objects.db_manager(using).get_for_model(Enterprise).pk
        self.tax_codes: set[str] = set()

    # -- provinces ------------------------------------------------------------------------------------------------

    def choose_provinces(self) -> None:
        every = {
            p.pk: ProvinceInfo(p.pk, p.key, p.name, p.gso_code, p.valid_from, p.valid_to, p.successor_id)
            for p in Province.objects.using(self.using).order_by("gso_code", "valid_from", "pk")
        }
        before = [p for p in every.values() if p.valid_from is None or p.valid_from < MERGER]
        chosen = self.o.provinces
        if chosen is None:
            picked = before
        elif isinstance(chosen, int):
            if not 1 <= chosen <= len(before):
                raise ScaleError(f"--provinces must be between 1 and {len(before)}.")
            picked = before[:chosen]
        else:
            by_key = {p.key: p for p in every.values()}
            missing = [k for k in chosen if k not in by_key]
            if missing:
                raise ScaleError(f"Unknown province keys: {', '.join(missing)}")
            picked = [by_key[k] for k in chosen]
        ids = {p.pk for p in picked}
        for p in picked:  # the provinces they merged into exist from 1 July 2025
            if p.successor_id:
                ids.add(p.successor_id)
        self.provinces = {pk: every[pk] for pk in sorted(ids, key=lambda pk: (every[pk].gso_code, pk))}
        # Provinces of 2021-2025 receive the enterprises registered before the merger.
        self.old = [p for p in self.provinces.values() if p.valid_from is None or p.valid_from < MERGER]
        self.weights = {p.pk: (6.0 if p.gso_code in ("01", "79") else self.rng.uniform(0.5, 2.0)) for p in self.old}

    def current(self, province_id: int) -> int:
        """The province of today (the successor of a merged province)."""
        successor = self.provinces[province_id].successor_id
        return successor if successor in self.provinces else province_id

    def province_on(self, province_id: int, day: dt.date) -> int:
        return province_id if day < MERGER else self.current(province_id)

    # -- people ---------------------------------------------------------------------------------------------------

    def _user(self, email: str, name: str, joined: dt.datetime) -> int:
        pk = self.w.next_id(User)
        self.w.table(
            User,
            [
                "id",
                "password",
                "last_login",
                "is_superuser",
                "email",
                "full_name",
                "phone",
                "is_demo",
                "is_staff",
                "is_active",
                "date_joined",
            ],
        ).add((pk, self.password, None, False, email, name, "", True, False, True, joined))
        return pk

    def _membership(self, user: int, role: str, *, province=None, unit=None, enterprise=None, title="", at=None):
        self.w.table(
            Membership,
            ["id", "user_id", "role", "province_id", "unit_id", "enterprise_id", "title", "is_active", "created_at"],
        ).add((self.w.next_id(Membership), user, role, province, unit, enterprise, title, True, at or self.w.now))

    def email(self, local: str) -> str:
        return f"{local}{self.tag}@{SCALE_EMAIL_DOMAIN}"

    def people(self) -> None:
        joined = dt.datetime(min(self.years), 1, 5, 2, tzinfo=UTC)
        for k in range(1, 4):
            user = self._user(self.email(f"bo{k}"), _person(self.rng), joined)
            self._membership(user, Role.MINISTRY, title="Chuyên viên Vụ Đánh giá, Thẩm định và Giám định công nghệ")
        for p in self.provinces.values():
            since = dt.datetime.combine(p.valid_from, dt.time(2), tzinfo=UTC) if p.valid_from else joined
            for k in range(1, 4):
                user = self._user(self.email(f"canbo{k}.{p.key}"), _person(self.rng), since)
                self._membership(user, Role.PROVINCE_STAFF, province=p.pk, title="Chuyên viên Chi cục TĐC", at=since)
                p.staff.append(user)
            p.leader_name = _person(self.rng)
            p.leader = self._user(self.email(f"lanhdao.{p.key}"), p.leader_name, since)
            self._membership(p.leader, Role.PROVINCE_LEADER, province=p.pk, title="Phó Giám đốc Sở", at=since)
            for k in range(1, 6):
                user = self._user(self.email(f"hoidong{k}.{p.key}"), _person(self.rng), since)
                self._membership(user, Role.COUNCIL_MEMBER, province=p.pk, title="Thành viên hội đồng", at=since)
                p.council_users.append(user)

    # -- units and plans ---------------------------------------------------------------------------------------------

    def units(self) -> None:
        table = self.w.table(
            Unit, ["id", "province_id", "name", "short_name", "kind", "aliases", "valid_from", "valid_to"]
        )
        for p in self.provinces.values():
            for kind, name, short in UNIT_NAMES:
                pk = self.w.next_id(Unit)
                table.add((pk, p.pk, name, short, kind, "", p.valid_from, p.valid_to))
                p.units.append(pk)
            if p.valid_to is not None:  # districts existed until the 2025 reorganisation
                for n in range(1, 4):
                    pk = self.w.next_id(Unit)
                    table.add((pk, p.pk, f"UBND huyện số {n}", f"Huyện {n}", Unit.Kind.DISTRICT, "", None, p.valid_to))
                    p.units.append(pk)
        self.w.flush()
        for p in self.provinces.values():  # a unit reporter in the lead unit of most tasks (the Department)
            user = self._user(self.email(f"donvi.{p.key}"), _person(self.rng), self.w.now)
            self._membership(user, Role.UNIT_REPORTER, province=p.pk, unit=p.units[0], title="Chuyên viên")

    def plans(self) -> None:
        indicators = {
            i.code: i.pk for i in Indicator.objects.using(self.using).filter(code__in=[t[0] for t in TARGETS])
        }
        plan_t = self.w.table(
            Plan,
            [
                "id",
                "province_id",
                "programme",
                "kind",
                "title",
                "number",
                "issued_on",
                "issued_note",
                "issuer",
                "signer_name",
                "signer_title",
                "start_year",
                "end_year",
                "status",
                "funding",
                "source_note",
                "created_at",
                "updated_at",
            ],
        )
        phase_t = self.w.table(Phase, ["id", "plan_id", "name", "start_year", "end_year", "position"])
        objective_t = self.w.table(Objective, ["id", "plan_id", "text", "position"])
        target_t = self.w.table(
            Target,
            [
                "id",
                "plan_id",
                "phase_id",
                "position",
                "text",
                "indicator_id",
                "measure",
                "period",
                "comparator",
                "value_min",
                "value_max",
                "unit",
            ],
        )
        duty_t = self.w.table(
            ReportingDuty, ["id", "plan_id", "kind", "due_month", "due_day", "year", "recipients", "note"]
        )
        self.plan_rows: list[tuple[int, ProvinceInfo, int, int, list[tuple[int, int, int]]]] = []
        for p in self.provinces.values():
            if p.valid_from is not None:  # formed on 1 July 2025
                spans = [(2026, 2030, [(2026, 2030)])]
            elif p.valid_to is None:  # not merged: one plan for the decade, two phases
                spans = [(2021, 2030, [(2021, 2025), (2026, 2030)])]
            else:
                spans = [(2021, 2025, [(2021, 2025)])]
            for start, end, phases in spans:
                if start > self.as_of.year:
                    continue
                pk = self.w.next_id(Plan)
                issued = dt.date(start - 1, 9 if start == 2021 else 12, 15)
                if p.valid_from and issued < p.valid_from:
                    issued = p.valid_from + dt.timedelta(days=60)
                status = Plan.Status.ENDED if end < self.as_of.year else Plan.Status.IN_FORCE
                plan_t.add(
                    (
                        pk,
                        p.pk,
                        "1322",
                        Plan.Kind.PLAN,
                        "Kế hoạch thực hiện Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất "
                        f"lượng sản phẩm, hàng hóa tỉnh {p.name} giai đoạn {start}-{end}",
                        f"{self.rng.randrange(20, 300)}/KH-UBND",
                        issued,
                        "",
                        f"Ủy ban nhân dân tỉnh {p.name}",
                        _person(self.rng),
                        "Phó Chủ tịch",
                        start,
                        end,
                        status,
                        "Ngân sách nhà nước theo phân cấp, kinh phí đối ứng của doanh nghiệp và các nguồn hợp pháp "
                        "khác.",
                        f"{MARK}: dữ liệu sinh tự động để đo hiệu năng",
                        self.w.now,
                        self.w.now,
                    )
                )
                objective_t.add(
                    (
                        self.w.next_id(Objective),
                        pk,
                        "Nâng cao năng suất và chất lượng sản phẩm, hàng hóa, góp phần tăng năng lực cạnh tranh.",
                        0,
                    )
                )
                phase_ids = []
                for position, (a, b) in enumerate(phases):
                    phase_id = self.w.next_id(Phase)
                    phase_t.add((phase_id, pk, f"Giai đoạn {a}-{b}", a, b, position))
                    phase_ids.append((phase_id, a, b))
                for position, (code, text, measure, period, comparator, low, high, unit) in enumerate(TARGETS):
                    if code not in indicators:
                        continue
                    for phase_id, _a, _b in phase_ids:
                        target_t.add(
                            (
                                self.w.next_id(Target),
                                pk,
                                phase_id,
                                position,
                                text,
                                indicators[code],
                                measure,
                                period,
                                comparator,
                                Decimal(low),
                                None if high is None else Decimal(high),
                                unit,
                            )
                        )
                duty_t.add(
                    (
                        self.w.next_id(ReportingDuty),
                        pk,
                        ReportingDuty.Kind.ANNUAL,
                        11,
                        30,
                        None,
                        "Bộ Khoa học và Công nghệ",
                        "Báo cáo định kỳ hằng năm trước ngày 30 tháng 11",
                    )
                )
                self.plan_rows.append((pk, p, start, end, phase_ids))
        self.w.flush()
        self.plan_of = {p.pk: None for p in self.provinces.values()}
        for pk, p, _start, _end, _phases in self.plan_rows:
            self.plan_of[p.pk] = pk

    def tasks_budget_progress(self) -> None:
        task_t = self.w.table(
            Task,
            [
                "id",
                "plan_id",
                "parent_id",
                "position",
                "number",
                "is_group",
                "content",
                "lead_unit_id",
                "coordinating_text",
                "timeframe",
                "is_annual",
                "timeframe_spans",
                "first_year",
                "last_year",
                "expected_output",
                "notes",
            ],
        )
        through = Task.coordinating_units.through
        coord_t = self.w.table(through, ["id", "task_id", "unit_id"])
        progress_t = self.w.table(
            TaskProgress,
            [
                "id",
                "task_id",
                "year",
                "unit_id",
                "status",
                "percent_complete",
                "results",
                "difficulties",
                "reported_by_id",
                "reported_at",
            ],
        )
        line_t = self.w.table(
            BudgetLine,
            [
                "id",
                "plan_id",
                "parent_id",
                "position",
                "number",
                "content",
                "category",
                "estimate",
                "support_rate",
                "state_source",
                "basis",
            ],
        )
        amount_t = self.w.table(BudgetAmount, ["id", "line_id", "year", "source", "amount"])
        indicator_ids = dict(
            Indicator.objects.using(self.using)
            .filter(code__in=["labour_productivity_growth", "tfp_share", "key_products_conforming"])
            .values_list("code", "pk")
        )
        value_t = self.w.table(
            IndicatorValue,
            ["id", "plan_id", "indicator_id", "year", "value", "source", "note", "entered_by_id", "entered_at"],
        )
        self.support_lines: dict[int, int] = {}
        rng = self.rng
        for plan_id, p, start, end, _phases in self.plan_rows:
            years = [y for y in range(start, end + 1) if y <= self.as_of.year]
            position = 0
            for g, (group, contents) in enumerate(TASK_GROUPS):
                group_id = self.w.next_id(Task)
                task_t.add(
                    (
                        group_id,
                        plan_id,
                        None,
                        position,
                        ROMAN[g],
                        True,
                        group,
                        None,
                        "",
                        "",
                        False,
                        [],
                        None,
                        None,
                        "",
                        "",
                    )
                )
                position += 1
                for n, content in enumerate(contents, start=1):
                    task_id = self.w.next_id(Task)
                    annual = rng.random() < 0.6
                    if annual:
                        first, last, frame = start, end, "Hàng năm"
                    else:
                        first = rng.randrange(start, end + 1)
                        last = min(end, first + rng.randrange(0, 3))
                        frame = str(first) if first == last else f"{first}-{last}"
                    lead = p.units[0] if rng.random() < 0.7 else rng.choice(p.units)
                    others = rng.sample([u for u in p.units if u != lead], 2)
                    task_t.add(
                        (
                            task_id,
                            plan_id,
                            group_id,
                            position,
                            str(n),
                            False,
                            content,
                            lead,
                            "Các sở, ngành liên quan",
                            frame,
                            annual,
                            [[first, last]],
                            first,
                            last,
                            "Ít nhất 02 hoạt động/năm",
                            "",
                        )
                    )
                    position += 1
                    for unit in others:
                        coord_t.add((self.w.next_id(through), task_id, unit))
                    for year in years:
                        if not first <= year <= last:
                            continue
                        past = year < self.as_of.year
                        status = _weighted(
                            rng,
                            {"done": 70, "delayed": 10, "in_progress": 15, "cancelled": 5}
                            if past
                            else {"in_progress": 60, "not_started": 25, "done": 10, "delayed": 5},
                        )
                        percent = {"done": 100, "not_started": 0}.get(status, rng.randrange(10, 95))
                        reported = _at(dt.date(year, 11, rng.randrange(1, 28)), rng)
                        progress_t.add(
                            (
                                self.w.next_id(TaskProgress),
                                task_id,
                                year,
                                None,
                                status,
                                percent,
                                "Đã tổ chức thực hiện theo kế hoạch." if percent else "",
                                "",
                                p.staff[0],
                                min(reported, self.end),
                            )
                        )
            heading = self.w.next_id(BudgetLine)
            line_t.add(
                (
                    heading,
                    plan_id,
                    None,
                    0,
                    "I",
                    "Chi hỗ trợ doanh nghiệp nâng cao năng suất chất lượng",
                    BudgetLine.Category.ENTERPRISE_SUPPORT,
                    None,
                    None,
                    BudgetSource.STATE_LOCAL,
                    "",
                )
            )
            self.support_lines[plan_id] = heading
            for n, (content, category) in enumerate(
                [
                    ("Tuyên truyền, phổ biến", BudgetLine.Category.COMMUNICATION),
                    ("Đào tạo, tập huấn", BudgetLine.Category.TRAINING),
                    ("Hỗ trợ doanh nghiệp", BudgetLine.Category.ENTERPRISE_SUPPORT),
                    ("Quản lý, kiểm tra, đánh giá", BudgetLine.Category.OPERATIONS),
                ],
                start=1,
            ):
                yearly = rng.randrange(200, 3000) * MILLION
                line_id = self.w.next_id(BudgetLine)
                line_t.add(
                    (
                        line_id,
                        plan_id,
                        heading,
                        n,
                        str(n),
                        content,
                        category,
                        yearly * (end - start + 1),
                        Decimal(rng.choice([30, 50, 70, 100])),
                        BudgetSource.STATE_LOCAL,
                        "",
                    )
                )
                for year in range(start, end + 1):
                    amount_t.add(
                        (
                            self.w.next_id(BudgetAmount),
                            line_id,
                            year,
                            BudgetSource.STATE_LOCAL,
                            yearly + rng.randrange(-50, 50) * MILLION,
                        )
                    )
            for code, indicator_id in indicator_ids.items():
                for year in years:
                    if year == self.as_of.year:
                        continue  # the statistics office publishes the year after
                    value = {
                        "labour_productivity_growth": Decimal(rng.randrange(400, 950)) / 100,
                        "tfp_share": Decimal(rng.randrange(2500, 3500)) / 100,
                        "key_products_conforming": Decimal(rng.randrange(6000, 9500)) / 100,
                    }[code]
                    value_t.add(
                        (
                            self.w.next_id(IndicatorValue),
                            plan_id,
                            indicator_id,
                            year,
                            value,
                            f"{rng.choice(MANUAL_SOURCES)} {year}",
                            "",
                            p.staff[0],
                            min(_at(dt.date(year + 1, 3, 15), rng), self.end),
                        )
                    )
        self.w.flush()

    def activities(self) -> None:
        table = self.w.table(
            Activity,
            [
                "id",
                "plan_id",
                "task_id",
                "kind",
                "communication_type",
                "audience",
                "title",
                "start_date",
                "end_date",
                "location",
                "participants",
                "person_times",
                "experts_trained",
                "experts_certified",
                "enterprises",
                "quantity",
                "cost_state_central",
                "cost_state_local",
                "cost_enterprise",
                "cost_other",
                "notes",
                "recorded_by_id",
                "recorded_at",
                "updated_at",
            ],
        )
        rng = self.rng
        kinds = {
            Activity.Kind.TRAINING_COURSE: 35,
            Activity.Kind.EXPERT_TRAINING: 8,
            Activity.Kind.CONFERENCE: 15,
            Activity.Kind.COMMUNICATION: 30,
            Activity.Kind.STUDY_TOUR: 5,
            Activity.Kind.AWARD: 7,
        }
        for plan_id, p, start, end, _phases in self.plan_rows:
            for year in range(start, min(end, self.as_of.year) + 1):
                for _n in range(self.o.activities_per_plan_year):
                    day = dt.date(year, rng.randrange(1, 13), rng.randrange(1, 29))
                    if day > self.as_of:
                        continue
                    kind = _weighted(rng, kinds)
                    training = kind in Activity.TRAINING_KINDS
                    participants = rng.randrange(20, 150) if training or kind == Activity.Kind.CONFERENCE else 0
                    comm = (
                        rng.choice(["tv_report", "talk_show", "video", "leaflet", "article"])
                        if (kind == Activity.Kind.COMMUNICATION)
                        else ""
                    )
                    cost = rng.randrange(5, 120) * MILLION
                    table.add(
                        (
                            self.w.next_id(Activity),
                            plan_id,
                            None,
                            kind,
                            comm,
                            rng.choice(["enterprises", "officials", "mixed"]),
                            f"{ACTIVITY_TITLES[kind]} năm {year}",
                            day,
                            day + dt.timedelta(days=rng.randrange(0, 3)) if training else None,
                            f"Tỉnh {p.name}",
                            participants,
                            participants * rng.randrange(1, 3),
                            rng.randrange(5, 20) if kind == Activity.Kind.EXPERT_TRAINING else 0,
                            rng.randrange(0, 10) if kind == Activity.Kind.EXPERT_TRAINING else 0,
                            rng.randrange(5, 40) if training else 0,
                            rng.randrange(1, 4) if comm else 1,
                            0,
                            cost,
                            cost // 4 if training else 0,
                            0,
                            "",
                            p.staff[1],
                            min(_at(day, rng), self.end),
                            self.w.now,
                        )
                    )
        self.w.flush()

    # -- policies, allocations, councils ----------------------------------------------------------------------------

    def policies(self) -> None:
        categories = dict(SupportCategory.objects.using(self.using).values_list("code", "pk"))
        policy_t = self.w.table(
            SupportPolicy,
            [
                "id",
                "province_id",
                "name",
                "plan_id",
                "legal_basis_text",
                "effective_from",
                "effective_to",
                "allowed_size_classes",
                "allowed_enterprise_types",
                "excluded_ownerships",
                "priority_sector_mode",
                "priority_products_note",
                "notes",
                "created_at",
                "updated_at",
            ],
        )
        rule_t = self.w.table(
            SupportRule,
            [
                "id",
                "policy_id",
                "category_id",
                "position",
                "wording",
                "rate",
                "cap",
                "cap_per",
                "once_per_enterprise",
                "notes",
            ],
        )
        kind_t = self.w.table(RuleCostKind, ["id", "rule_id", "kind", "eligible", "rate", "note"])
        rng = self.rng
        first = dt.date(min(self.years), 1, 1)
        for p in self.provinces.values():
            if p.valid_from is not None:
                periods = [(p.valid_from, None)]
            else:
                end = p.valid_to
                periods = (
                    [(first, dt.date(2023, 12, 31)), (dt.date(2024, 1, 1), end)]
                    if first.year <= 2023
                    else [(first, end)]
                )
            for version, (since, until) in enumerate(periods, start=1):
                if since > self.as_of:
                    continue
                pk = self.w.next_id(SupportPolicy)
                resolution = f"{rng.randrange(5, 40)}/{since.year}/NQ-HĐND"
                policy_t.add(
                    (
                        pk,
                        p.pk,
                        f"Chính sách hỗ trợ nâng cao năng suất chất lượng tỉnh {p.name} ({since.year})",
                        self.plan_of.get(p.pk),
                        f"Nghị quyết số {resolution} của Hội đồng nhân dân tỉnh {p.name}",
                        since,
                        until,
                        [SizeClass.MICRO, SizeClass.SMALL, SizeClass.MEDIUM],
                        [],
                        ["fdi"],
                        "none",
                        "",
                        f"{MARK} (phiên bản {version})",
                        self.w.now,
                        self.w.now,
                    )
                )
                templates = rng.sample(RULE_TEMPLATES, rng.randrange(6, len(RULE_TEMPLATES) + 1))
                rules = []
                for position, (code, base_rate, cap, cap_per, kinds, excluded) in enumerate(templates):
                    if code not in categories:
                        continue
                    rate = base_rate if version == 1 else min(100, base_rate + rng.choice([0, 0, 10]))
                    rule_id = self.w.next_id(SupportRule)
                    rule_t.add(
                        (
                            rule_id,
                            pk,
                            categories[code],
                            position,
                            f"Hỗ trợ {rate}% chi phí, tối đa {cap} triệu đồng",
                            Decimal(rate),
                            cap * MILLION,
                            cap_per,
                            False,
                            "",
                        )
                    )
                    for kind in kinds:
                        kind_t.add((self.w.next_id(RuleCostKind), rule_id, kind, True, None, ""))
                    if excluded:
                        kind_t.add(
                            (self.w.next_id(RuleCostKind), rule_id, excluded, False, None, "Không hỗ trợ chi phí này.")
                        )
                    rules.append(
                        RuleInfo(
                            rule_id,
                            code,
                            categories[code],
                            rate,
                            cap * MILLION,
                            cap_per,
                            frozenset(kinds),
                            tuple(kinds),
                            excluded,
                        )
                    )
                p.policies.append(PolicyInfo(pk, p.pk, since, until, rules))
        self.w.flush()
        # One allocation per policy and year it is in force; the amounts are set once applications are known.
        allocation_t = self.w.table(
            BudgetAllocation,
            ["id", "province_id", "policy_id", "budget_line_id", "year", "amount", "committed", "disbursed", "note"],
        )
        self.allocations: dict[int, tuple[PolicyInfo, int]] = {}
        for p in self.provinces.values():
            for policy in p.policies:
                for year in self.years:
                    if policy.effective_from.year <= year and (
                        policy.effective_to is None or year <= policy.effective_to.year
                    ):
                        pk = self.w.next_id(BudgetAllocation)
                        allocation_t.add(
                            (
                                pk,
                                p.pk,
                                policy.pk,
                                None,
                                year,
                                10**15,
                                0,
                                0,
                                f"Dự toán chi hỗ trợ doanh nghiệp năm {year}",
                            )
                        )
                        policy.allocations[year] = pk
                        self.allocations[pk] = (policy, year)
        self.w.flush()

    def councils(self) -> None:
        council_t = self.w.table(
            Council, ["id", "province_id", "name", "year", "round", "decision_number", "decision_date", "created_at"]
        )
        member_t = self.w.table(CouncilMember, ["id", "council_id", "user_id", "role"])
        self.council_of: dict[tuple[int, int], tuple[int, str, list[tuple[int, int]]]] = {}
        for p in self.provinces.values():
            for year in self.years:
                if not p.exists_in(year):
                    continue
                pk = self.w.next_id(Council)
                name = f"Hội đồng tư vấn xét duyệt hồ sơ hỗ trợ năm {year}"
                day = max(dt.date(year, 2, 15), p.valid_from or dt.date(year, 2, 15))
                if day > self.as_of:
                    continue
                council_t.add(
                    (pk, p.pk, name, year, 1, f"{self.rng.randrange(10, 200)}/QĐ-SKHCN", day, _at(day, self.rng))
                )
                members = []
                for position, user in enumerate(p.council_users):
                    role = "chair" if position == 0 else ("secretary" if position == 4 else "member")
                    member_id = self.w.next_id(CouncilMember)
                    member_t.add((member_id, pk, user, role))
                    members.append((member_id, user))
                self.council_of[(p.pk, year)] = (pk, f"{name} ({year}, 1)", members)
        self.w.flush()

    # -- enterprises ------------------------------------------------------------------------------------------------

    def enterprises(self) -> None:
        sectors = list(Sector.objects.using(self.using).values_list("pk", "code", "group"))
        sector_weights = [20 if code in ("A", "C") else 10 if code in ("G", "F") else 3 for _pk, code, _g in sectors]
        ent_t = self.w.table(
            Enterprise,
            [
                "id",
                "tax_code",
                "name",
                "short_name",
                "english_name",
                "kind",
                "ownership",
                "main_sector_id",
                "employees",
                "revenue",
                "capital",
                "size_class",
                "priority_products",
                "ocop_stars",
                "province_id",
                "commune",
                "address",
                "phone",
                "email",
                "website",
                "representative_name",
                "representative_title",
                "status",
                "verified_by_id",
                "verified_at",
                "status_reason",
                "created_at",
                "updated_at",
            ],
        )
        other_t = self.w.table(Enterprise.other_sectors.through, ["id", "enterprise_id", "sector_id"])
        contact_t = self.w.table(Contact, ["id", "enterprise_id", "name", "position", "phone", "email"])
        cert_t = self.w.table(
            Certificate,
            [
                "id",
                "enterprise_id",
                "standard",
                "other_standard",
                "number",
                "certification_body",
                "issued_on",
                "expires_on",
            ],
        )
        award_t = self.w.table(Award, ["id", "enterprise_id", "year", "result", "score", "note"])
        audit_t = self._audit_table()
        rng = self.rng
        old_ids = [p.pk for p in self.old]
        old_weights = [self.weights[pk] for pk in old_ids]
        start = dt.date(2015, 1, 1)
        span = (self.as_of - start).days
        self.enterprise_list: list[EnterpriseInfo] = []
        standards = [s for s in Certificate.Standard.values if s != Certificate.Standard.OTHER]
        if self.o.force:
            self.tax_codes |= set(Enterprise.objects.using(self.using).values_list("tax_code", flat=True))
        for n in range(1, self.o.enterprises + 1):
            pk = self.w.next_id(Enterprise)
            registered = start + dt.timedelta(days=int((span - 1) * (rng.random() ** 0.7)))
            home = rng.choices(old_ids, weights=old_weights)[0]
            province_id = self.province_on(home, registered)
            province = self.provinces[province_id]
            sector_id, sector_code, group = rng.choices(sectors, weights=sector_weights)[0]
            kind = _weighted(rng, {"company": 86, "cooperative": 9, "st_organisation": 2, "household": 3})
            ownership = _weighted(rng, {"private": 90, "state": 3, "fdi": 7})
            band = rng.random()
            if band < 0.6:
                employees, revenue = rng.randrange(1, 11), rng.randrange(100, 3000) * MILLION
            elif band < 0.9:
                employees, revenue = rng.randrange(11, 51), rng.randrange(3000, 50_000) * MILLION
            elif band < 0.97:
                employees, revenue = rng.randrange(51, 100), rng.randrange(50_000, 200_000) * MILLION
            else:
                employees, revenue = rng.randrange(201, 2000), rng.randrange(300_000, 3_000_000) * MILLION
            capital = _round(revenue * rng.uniform(0.2, 0.8), MILLION)
            size = size_class(sector_group=group, employees=employees, revenue=revenue, capital=capital)
            words = rng.choice(FIRM_WORDS)
            trade = rng.choice(FIRM_TRADES.get(sector_code, ["Sản xuất", "Dịch vụ"]))
            name = f"{rng.choice(KIND_PREFIX[kind])} {trade} {words} {n}"
            age = (self.as_of - registered).days
            status = _weighted(
                rng,
                {"verified": 20, "pending": 70, "rejected": 10}
                if age < 30
                else {"verified": 92, "pending": 3, "rejected": 2, "suspended": 3},
            )
            created = _at(registered, rng)
            verified_at = (
                created + dt.timedelta(days=rng.randrange(1, 15)) if status in ("verified", "suspended") else None
            )
            if verified_at and verified_at > self.end:
                verified_at = self.end - dt.timedelta(hours=1)
            reason = {
                "rejected": "Thông tin đăng ký không khớp với Cổng thông tin quốc gia về đăng ký doanh nghiệp.",
                "suspended": "Doanh nghiệp tạm ngừng kinh doanh theo thông báo của cơ quan thuế.",
            }.get(status, "")
            staff = province.staff[n % len(province.staff)]
            local = f"dn{n:06d}"
            email = self.email(local)
            ent_t.add(
                (
                    pk,
                    tax_code(rng, province.gso_code, self.tax_codes),
                    name,
                    "",
                    "",
                    kind,
                    ownership,
                    sector_id,
                    employees,
                    revenue,
                    capital,
                    size,
                    "",
                    rng.choice([None] * 9 + [3, 4]),
                    province_id,
                    rng.choice(COMMUNES),
                    f"Số {rng.randrange(1, 500)} {rng.choice(STREETS)}",
                    f"0{rng.randrange(200, 299)}{rng.randrange(1_000_000, 9_999_999)}",
                    email,
                    "",
                    _person(rng),
                    "Giám đốc",
                    status,
                    staff if verified_at else None,
                    verified_at,
                    reason,
                    created,
                    verified_at or created,
                )
            )
            member = self._user(email, _person(rng), created)
            self._membership(member, Role.ENTERPRISE_MEMBER, enterprise=pk, title="Giám đốc", at=created)
            self._audit(
                audit_t,
                member,
                AuditEntry.Action.CREATE,
                self.ct_enterprise,
                pk,
                name,
                province_id,
                {},
                "Đăng ký doanh nghiệp",
                created,
            )
            if verified_at:
                self._audit(
                    audit_t,
                    staff,
                    AuditEntry.Action.TRANSITION,
                    self.ct_enterprise,
                    pk,
                    name,
                    province_id,
                    {"status": ["pending", "verified"]},
                    "Xác minh doanh nghiệp",
                    verified_at,
                )
            if rng.random() < 0.2:
                other = rng.choice(sectors)[0]
                if other != sector_id:
                    other_t.add((self.w.next_id(Enterprise.other_sectors.through), pk, other))
            if rng.random() < 0.5:
                contact_t.add(
                    (
                        self.w.next_id(Contact),
                        pk,
                        _person(rng),
                        "Trưởng phòng Quản lý chất lượng",
                        f"09{rng.randrange(10_000_000, 99_999_999)}",
                        "",
                    )
                )
            if rng.random() < 0.2:
                issued = registered + dt.timedelta(days=rng.randrange(30, 900))
                if issued < self.as_of:
                    cert_t.add(
                        (
                            self.w.next_id(Certificate),
                            pk,
                            rng.choice(standards),
                            "",
                            f"{rng.randrange(1000, 99999)}/CN",
                            "Trung tâm Chứng nhận Phù hợp (QUACERT)",
                            issued,
                            issued + dt.timedelta(days=3 * 365),
                        )
                    )
            if rng.random() < 0.01:
                year = rng.choice(self.years)
                if year >= registered.year:
                    score = rng.randrange(450, 900)
                    result = "gold" if score >= 800 else "award" if score >= 600 else "entrant"
                    award_t.add((self.w.next_id(Award), pk, year, result, score, ""))
            applies = status == "verified" and size != SizeClass.LARGE and ownership != "fdi"
            self.enterprise_list.append(EnterpriseInfo(pk, province_id, registered, member, status, applies, name))
        self.w.flush()
        self.applicants = [e for e in self.enterprise_list if e.applies]
        self.drafters = [e for e in self.enterprise_list if e.status == "pending"]
        if not self.applicants:
            raise ScaleError("No enterprise may apply: generate more enterprises.")

    # -- audit ------------------------------------------------------------------------------------------------------

    def _audit_table(self) -> _Table:
        return self.w.table(
            AuditEntry,
            [
                "id",
                "at",
                "actor_id",
                "action",
                "content_type_id",
                "object_id",
                "object_repr",
                "province_id",
                "changes",
                "comment",
            ],
        )

    def _audit(self, table, actor, action, ct, object_id, text, province_id, changes, comment, at) -> None:
        table.add(
            (
                self.w.next_id(AuditEntry),
                at,
                actor,
                action,
                ct,
                str(object_id),
                text[:300],
                province_id,
                changes,
                comment,
            )
        )

    # -- applications ------------------------------------------------------------------------------------------------

    def _path(self, status: str) -> list[str]:
        rng = self.rng
        screening = ["submit", "start_screening"]
        if rng.random() < 0.12:
            screening += ["request_changes", "resubmit", "start_screening"]
        council = [*screening, "send_to_council"]
        approved = [*council, "approve"]
        implementing = [*approved, "sign_contract", "start_implementation"]
        acceptance = [*implementing, "request_acceptance"]
        if rng.random() < 0.05:
            acceptance += ["return_to_implementation", "request_acceptance"]
        return {
            Status.DRAFT: [],
            Status.SUBMITTED: ["submit"],
            Status.SCREENING: screening,
            Status.CHANGES_REQUESTED: rng.choice(
                [["submit", "request_changes"], ["submit", "start_screening", "request_changes"]]
            ),
            Status.COUNCIL_REVIEW: council,
            Status.APPROVED: approved,
            Status.REJECTED: rng.choice([[*screening, "reject"], [*council, "reject"], [*council, "reject"]]),
            Status.CONTRACTED: [*approved, "sign_contract"],
            Status.IMPLEMENTING: implementing,
            Status.ACCEPTANCE: acceptance,
            Status.ACCEPTED: [*acceptance, "accept"],
            Status.PAID: [*acceptance, "accept", "mark_paid"],
            Status.WITHDRAWN: rng.choice([["withdraw"], ["submit", "withdraw"], [*screening, "withdraw"]]),
            Status.CANCELLED: rng.choice(
                [[*approved, "cancel"], [*approved, "sign_contract", "cancel"], [*implementing, "cancel"]]
            ),
        }[status]

    def applications(self) -> None:
        w, rng = self.w, self.rng
        app_t = w.table(
            Application,
            [
                "id",
                "enterprise_id",
                "rule_id",
                "province_id",
                "budget_year",
                "title",
                "description",
                "quantity",
                "counterpart_funds",
                "status",
                "max_support",
                "approved_amount",
                "final_amount",
                "paid_total",
                "council_id",
                "allocation_id",
                "created_by_id",
                "created_at",
                "submitted_at",
                "updated_at",
            ],
        )
        cost_t = w.table(
            CostItem, ["id", "application_id", "kind", "description", "estimated_amount", "actual_amount", "position"]
        )
        att_t = w.table(
            Attachment,
            [
                "id",
                "application_id",
                "kind",
                "file",
                "original_name",
                "size",
                "content_type",
                "sha256",
                "uploaded_by_id",
                "uploaded_at",
            ],
        )
        event_t = w.table(
            ApplicationEvent,
            ["id", "application_id", "transition", "from_status", "to_status", "actor_id", "at", "comment", "data"],
        )
        review_t = w.table(
            Review,
            [
                "id",
                "application_id",
                "member_id",
                "conflict_of_interest",
                "conflict_note",
                "score",
                "opinion",
                "recommendation",
                "created_at",
                "updated_at",
            ],
        )
        decision_t = w.table(
            Decision,
            [
                "id",
                "application_id",
                "number",
                "decided_on",
                "signer_name",
                "signer_title",
                "approved_amount",
                "recorded_by_id",
                "recorded_at",
            ],
        )
        contract_t = w.table(
            Contract, ["id", "application_id", "number", "signed_on", "signer_name", "recorded_by_id", "recorded_at"]
        )
        acceptance_t = w.table(
            Acceptance,
            [
                "id",
                "application_id",
                "accepted_on",
                "minutes_number",
                "actual_cost",
                "eligible_actual_cost",
                "quoted_support",
                "final_amount",
                "explanation",
                "recorded_by_id",
                "recorded_at",
            ],
        )
        payment_t = w.table(
            Payment, ["id", "application_id", "paid_on", "amount", "reference", "recorded_by_id", "recorded_at"]
        )
        message_t = w.table(
            ApplicationMessage, ["id", "application_id", "author_id", "from_enterprise", "body", "created_at"]
        )
        notice_t = w.table(Notification, ["id", "user_id", "title", "body", "link", "created_at", "read_at"])
        audit_t = self._audit_table()
        committed: Counter[int] = Counter()
        disbursed: Counter[int] = Counter()
        requested: Counter[int] = Counter()
        self.status_counts: Counter[str] = Counter()
        year_weights = {y: 1.0 + 0.25 * i for i, y in enumerate(self.years)}
        if self.as_of.year in year_weights:  # the current year is not over
            year_weights[self.as_of.year] *= self.as_of.timetuple().tm_yday / 366
        # The first applications take every state once (paid first: the pages measured show a paid one).
        forced = [Status.PAID, *[status for status in Status.values if status != Status.PAID]]
        decision_numbers: Counter[tuple[int, int]] = Counter()
        recent_start = self.as_of - dt.timedelta(days=170)

        for n in range(self.o.applications):
            # Who, when, where, under which rule.
            status = forced[n] if n < len(forced) else None
            for _attempt in range(50):
                pool = (
                    self.drafters
                    if (status in (None, Status.DRAFT) and self.drafters and rng.random() < 0.02)
                    else self.applicants
                )
                ent = pool[rng.randrange(len(pool))]
                if status is not None:
                    low = max(ent.registered + dt.timedelta(days=20), recent_start, dt.date(min(self.years), 1, 1))
                    high = self.as_of - dt.timedelta(days=1)
                else:
                    year = rng.choices(list(year_weights), weights=list(year_weights.values()))[0]
                    low = max(ent.registered + dt.timedelta(days=20), dt.date(year, 1, 1))
                    high = min(dt.date(year, 12, 31), self.as_of - dt.timedelta(days=1))
                if low <= high:
                    break
            else:
                continue
            created_day = low + dt.timedelta(days=rng.randrange((high - low).days + 1))
            if ent.status != "verified":
                status = Status.DRAFT
            age = (self.as_of - created_day).days
            if status is None:
                weights = next(table for limit, table in STATE_WEIGHTS if age >= limit)
                status = _weighted(rng, weights)
            province_id = self.province_on(ent.province_id, created_day)
            province = self.provinces[province_id]
            policy = next((x for x in province.policies if x.in_force_on(created_day)), None)
            if policy is None:
                continue
            rule = rng.choice(policy.rules)
            budget_year = created_day.year
            if budget_year not in policy.allocations:
                continue
            allocation = policy.allocations[budget_year]
            app_id = w.next_id(Application)

            # The dossier: cost lines and what they give.
            quantity = rng.randrange(1, 3) if rule.cap_per in (CapPer.SYSTEM, CapPer.PRODUCT) else 1
            n_items = rng.randrange(2, 6)
            kinds = [rule.kinds[i % len(rule.kinds)] for i in range(n_items)]
            if rule.excluded and rng.random() < 0.15:
                kinds[-1] = rule.excluded
            estimates = [
                (kind, _round(rng.uniform(8, 120) * MILLION * (quantity if i == 0 else 1)))
                for i, kind in enumerate(kinds)
            ]
            _eligible, maximum = support_for(estimates, rule, quantity)
            total = sum(a for _k, a in estimates)

            # The path through the workflow, and when each step happened.
            path = self._path(status)
            created = _at(created_day, rng)
            steps = [rng.randrange(*STEP_DAYS[t]) * 86_400 + rng.randrange(-7200, 7200) for t in path]
            room = (self.end - created).total_seconds() - 3600
            total_s = sum(steps) or 1
            if total_s > room:
                steps = [max(60, int(s * room / total_s)) for s in steps]
            times = []
            moment = created
            for s in steps:
                moment = moment + dt.timedelta(seconds=max(60, s))
                times.append(moment)

            submitted = "submit" in path
            approved = "approve" in path
            accepted = "accept" in path
            max_support = maximum if submitted else None
            approved_amount = final = None
            if approved:
                approved_amount = max(1000, maximum - maximum * rng.randrange(0, 16) // 100 // 1000 * 1000)
                approved_amount = min(approved_amount, maximum)
            with_actuals = (
                accepted or status == Status.ACCEPTANCE or (status == Status.IMPLEMENTING and rng.random() < 0.4)
            )
            actuals = [_round(a * rng.uniform(0.85, 1.05)) for _k, a in estimates] if with_actuals else None
            quoted = eligible_actual = 0
            if accepted:
                eligible_actual, quoted = support_for(zip(kinds, actuals, strict=True), rule, quantity)
                final = min(quoted, approved_amount)

            # Payments: all of the final support when paid; part of it, or nothing, when accepted.
            payments: list[tuple[dt.datetime, int]] = []
            if status == Status.PAID:
                paid_at = times[-1]
                if rng.random() < 0.3 and final >= 2000:
                    advance = final * rng.randrange(30, 60) // 100
                    first_at = times[-2] + (paid_at - times[-2]) / 2
                    payments = [(first_at, advance), (paid_at, final - advance)]
                else:
                    payments = [(paid_at, final)]
            elif status == Status.ACCEPTED and rng.random() < 0.4 and final >= 2000:
                payments = [(min(times[-1] + dt.timedelta(days=rng.randrange(1, 20)), self.end), final // 2)]
            paid_total = sum(a for _t, a in payments)

            council = None
            if "send_to_council" in path:
                at = times[path.index("send_to_council")]
                key = (province_id, at.year)
                if key not in self.council_of:
                    key = (self.current(province_id), at.year)
                council = self.council_of.get(key)
                if council is None:  # no council that year (a province formed later): stop before the council
                    continue
            uses_allocation = approved
            if uses_allocation:
                if status in COMMITTED_STATES:
                    committed[allocation] += approved_amount
                elif accepted:
                    committed[allocation] += final
                elif status == Status.CANCELLED:
                    committed[allocation] += paid_total
                disbursed[allocation] += paid_total
            elif status in (Status.SUBMITTED, Status.SCREENING, Status.CHANGES_REQUESTED, Status.COUNCIL_REVIEW):
                requested[allocation] += maximum

            category = rule.category_code
            title = TITLE_TEMPLATES.get(category, "Nâng cao năng suất chất lượng").format(
                std=rng.choice(STANDARDS), tool=rng.choice(TOOLS)
            )
            submitted_at = (
                times[len(path) - 1 - path[::-1].index("submit" if "resubmit" not in path else "resubmit")]
                if submitted
                else None
            )
            updated = times[-1] if times else created
            app_t.add(
                (
                    app_id,
                    ent.pk,
                    rule.pk,
                    province_id,
                    budget_year,
                    title,
                    f"Doanh nghiệp đề nghị hỗ trợ kinh phí thực hiện: {title.lower()}.",
                    quantity,
                    max(0, total - maximum),
                    status,
                    max_support,
                    approved_amount,
                    final,
                    paid_total,
                    council[0] if council else None,
                    allocation if uses_allocation else None,
                    ent.member,
                    created,
                    submitted_at,
                    updated,
                )
            )
            self.status_counts[status] += 1
            for position, (kind, amount) in enumerate(estimates):
                cost_t.add(
                    (
                        w.next_id(CostItem),
                        app_id,
                        kind,
                        COST_DESCRIPTIONS[kind],
                        amount,
                        actuals[position] if actuals else None,
                        position,
                    )
                )

            # Documents (records only): the dossier, then the evidence for acceptance.
            first_step = times[0] if times else updated
            kinds_now = (
                list(REQUIRED_DOCUMENTS) if submitted else rng.sample(list(REQUIRED_DOCUMENTS), rng.randrange(0, 4))
            )
            if submitted and rng.random() < 0.3:
                kinds_now.append(Attachment.Kind.QUOTATION)
            for kind in kinds_now:
                self._attachment(att_t, app_id, kind, ent.member, created + (first_step - created) / 2)
            if "request_acceptance" in path:
                at = times[path.index("request_acceptance")] - dt.timedelta(hours=2)
                for kind in (Attachment.Kind.INVOICE, Attachment.Kind.ACCEPTANCE_EVIDENCE):
                    self._attachment(att_t, app_id, kind, ent.member, at)

            # Events, audit rows and the enterprise's notifications, one per transition.
            current = Status.DRAFT
            label_of = self.status_labels
            for step, (name, at) in enumerate(zip(path, times, strict=True)):
                spec = TRANSITIONS_BY_NAME[name]
                if current not in spec.sources:
                    raise ScaleError(f"The workflow no longer allows {name} from {current}: update support/scale.py.")
                target = spec.target
                by_enterprise = name in ENTERPRISE_TRANSITIONS or (name == "start_implementation" and step % 2)
                staff_province = self.provinces[self.province_on(province_id, at.date())]
                actor = ent.member if by_enterprise else staff_province.staff[app_id % len(staff_province.staff)]
                comment = rng.choice(COMMENTS[name]) if name in COMMENTS else ""
                data: dict[str, Any] = {}
                changes: dict[str, list[Any]] = {"status": [current, target]}
                if name in ("submit", "resubmit"):
                    changes["max_support"] = [None, maximum]
                elif name == "send_to_council":
                    data = {"council": {"id": council[0], "name": council[1]}}
                elif name == "approve":
                    year_key = (province_id, at.year)
                    decision_numbers[year_key] += 1
                    number = f"{decision_numbers[year_key]}/QĐ-SKHCN"
                    data = {
                        "decision_number": number,
                        "decision_date": at.date().isoformat(),
                        "signer_name": province.leader_name,
                        "signer_title": "Phó Giám đốc",
                        "approved_amount": approved_amount,
                    }
                    changes["approved_amount"] = [None, approved_amount]
                    decision_t.add(
                        (
                            w.next_id(Decision),
                            app_id,
                            number,
                            at.date(),
                            province.leader_name,
                            "Phó Giám đốc",
                            approved_amount,
                            actor,
                            at,
                        )
                    )
                elif name == "sign_contract":
                    number = f"{app_id}/HĐ-SKHCN"
                    data = {
                        "contract_number": number,
                        "contract_date": at.date().isoformat(),
                        "contract_signer": province.leader_name,
                    }
                    contract_t.add((w.next_id(Contract), app_id, number, at.date(), province.leader_name, actor, at))
                elif name == "accept":
                    minutes = f"{app_id}/BB-NT"
                    data = {"accepted_on": at.date().isoformat(), "minutes_number": minutes}
                    changes["final_amount"] = [None, final]
                    acceptance_t.add(
                        (
                            w.next_id(Acceptance),
                            app_id,
                            at.date(),
                            minutes,
                            sum(actuals),
                            eligible_actual,
                            quoted,
                            final,
                            [
                                f"Chi phí hợp lệ thực tế {eligible_actual:,} đ × {rule.rate} %".replace(",", "."),
                                f"Hỗ trợ khi nghiệm thu: {final:,} đ".replace(",", "."),
                            ],
                            actor,
                            at,
                        )
                    )
                event_t.add((w.next_id(ApplicationEvent), app_id, name, current, target, actor, at, comment, data))
                self._audit(
                    audit_t,
                    actor,
                    AuditEntry.Action.TRANSITION,
                    self.ct_application,
                    app_id,
                    f"#{app_id} {title}",
                    province_id,
                    changes,
                    comment or self.transition_labels[name],
                    at,
                )
                notice_t.add(
                    (
                        w.next_id(Notification),
                        ent.member,
                        f"Hồ sơ #{app_id} “{title}”: {label_of[target]}"[:200],
                        f"{ent.name}: hồ sơ chuyển sang trạng thái {label_of[target]}.",
                        f"/ho-tro/ho-so/{app_id}/",
                        at,
                        at + dt.timedelta(days=1) if (self.end - at).days > 30 else None,
                    )
                )
                current = target
                if name == "send_to_council":
                    self._reviews(
                        review_t,
                        app_id,
                        council,
                        at,
                        times[step + 1] if step + 1 < len(times) else None,
                        decided=step + 1 < len(path),
                    )
            # Payments and their audit rows.
            paid = 0
            for number, (at, amount) in enumerate(payments, start=1):
                payment_id = w.next_id(Payment)
                reference = f"UNC {app_id}-{number}"
                staff = province.staff[0]
                payment_t.add((payment_id, app_id, at.date(), amount, reference, staff, at))
                self._audit(
                    audit_t,
                    staff,
                    AuditEntry.Action.CREATE,
                    self.ct_payment,
                    payment_id,
                    f"{reference} · {at:%d/%m/%Y}",
                    province_id,
                    {"amount": [None, amount], "paid_total": [paid, paid + amount]},
                    "",
                    at,
                )
                paid += amount
            if submitted and rng.random() < 0.15:
                moment = created
                for from_enterprise, body in MESSAGES[: rng.randrange(1, 4)]:
                    moment = min(moment + dt.timedelta(days=rng.randrange(1, 10)), self.end)
                    author = ent.member if from_enterprise else province.staff[0]
                    message_t.add((w.next_id(ApplicationMessage), app_id, author, from_enterprise, body, moment))
            if (n + 1) % 50_000 == 0:
                self.log(f"  {n + 1:,} applications")
        w.flush()
        self._set_allocations(committed, disbursed, requested)

    def _attachment(self, table, app_id: int, kind: str, user: int, at: dt.datetime) -> None:
        token = f"{self.rng.getrandbits(128):032x}"
        names = {
            "application_form": "Don-de-nghi-ho-tro.pdf",
            "business_registration": "Giay-chung-nhan-DKDN.pdf",
            "project_description": "Thuyet-minh-du-toan.pdf",
            "quotation": "Bao-gia.pdf",
            "invoice": "Hoa-don-GTGT.pdf",
            "acceptance_evidence": "Bien-ban-nghiem-thu-noi-bo.pdf",
        }
        table.add(
            (
                self.w.next_id(Attachment),
                app_id,
                kind,
                f"applications/{app_id}/{token}.pdf",
                names.get(kind, "Tai-lieu.pdf"),
                self.rng.randrange(80_000, 4_000_000),
                "application/pdf",
                f"{self.rng.getrandbits(256):064x}",
                user,
                at,
            )
        )

    def _reviews(self, table, app_id: int, council, since: dt.datetime, until: dt.datetime | None, decided: bool):
        rng = self.rng
        members = council[2]
        count = rng.randrange(3, len(members) + 1) if decided else rng.randrange(0, len(members) + 1)
        chosen = rng.sample(members, count)
        end = until or self.end
        scored = 0
        for i, (member_id, _user) in enumerate(chosen):
            at = since + (end - since) * (i + 1) / (count + 1)
            conflict = rng.random() < 0.05 and (scored or i < count - 1)
            if conflict:
                table.add(
                    (
                        self.w.next_id(Review),
                        app_id,
                        member_id,
                        True,
                        "Thành viên có quan hệ với doanh nghiệp.",
                        None,
                        "",
                        "",
                        at,
                        at,
                    )
                )
            else:
                score = rng.randrange(50, 96)
                table.add(
                    (
                        self.w.next_id(Review),
                        app_id,
                        member_id,
                        False,
                        "",
                        score,
                        "Nội dung phù hợp với chính sách." if score >= 65 else "Hồ sơ cần hoàn thiện thêm.",
                        "approve" if score >= 65 else "reject",
                        at,
                        at,
                    )
                )
                scored += 1

    def _set_allocations(self, committed: Counter[int], disbursed: Counter[int], requested: Counter[int]) -> None:
        """Amounts above what was committed (and what awaits a decision), so no allocation is ever overspent."""
        rng = self.rng
        rows = []
        for pk in self.allocations:
            need = committed[pk] + requested[pk] // 2
            amount = max(math.ceil(need * rng.uniform(1.05, 1.4) / MILLION) * MILLION, 500 * MILLION)
            rows.append((pk, amount, committed[pk], disbursed[pk]))
        if self.w.copy:
            with self.w.connection.cursor() as cursor:
                for start in range(0, len(rows), 1000):
                    chunk = rows[start : start + 1000]
                    values = ", ".join(["(%s, %s, %s, %s)"] * len(chunk))
                    cursor.execute(
                        f"UPDATE support_budgetallocation AS a SET amount = v.amount, committed = v.committed, "
                        f"disbursed = v.disbursed FROM (VALUES {values}) AS v(id, amount, committed, disbursed) "
                        f"WHERE a.id = v.id",
                        [x for row in chunk for x in row],
                    )
        else:
            for pk, amount, com, dis in rows:
                BudgetAllocation.objects.using(self.using).filter(pk=pk).update(
                    amount=amount, committed=com, disbursed=dis
                )

    # -- all of it ------------------------------------------------------------------------------------------------

    def run(self) -> dict[str, int]:
        steps = [
            ("provinces", self.choose_provinces),
            ("people", self.people),
            ("units", self.units),
            ("plans", self.plans),
            ("tasks, budgets, progress", self.tasks_budget_progress),
            ("activities", self.activities),
            ("policies and allocations", self.policies),
            ("councils", self.councils),
            ("enterprises", self.enterprises),
            ("applications", self.applications),
        ]
        for name, step in steps:
            started = time.perf_counter()
            step()
            self.log(f"{name}: {time.perf_counter() - started:.1f} s")
        self.w.flush()
        self.w.reset_sequences()
        return self.w.counts()


@contextmanager
def _bulk_load(using: str, log: Callable[[str], None]) -> Iterator[None]:
    """On PostgreSQL, inside one transaction: drop the foreign keys and the plain indexes of the project's tables,
    let the rows in, then build the indexes again and add the foreign keys back, which checks every row at once
    (much faster than a check per row). Any failure rolls everything back, constraints included."""
    connection = connections[using]
    if connection.vendor != "postgresql":
        with transaction.atomic(using=using):
            yield
        return
    tables = [m._meta.db_table for m in _models_to_clear()]
    with transaction.atomic(using=using):
        with connection.cursor() as cursor:
            # Checks still deferred in an enclosing transaction (a test's) must run before a table is altered.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(
                "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE contype = 'f' AND conrelid = ANY(%s::regclass[]) ORDER BY conrelid::regclass::text, conname",
                [tables],
            )
            foreign_keys = cursor.fetchall()
            cursor.execute(
                "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
                "WHERE i.indrelid = ANY(%s::regclass[]) AND NOT i.indisprimary AND NOT i.indisunique "
                "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid) "
                "ORDER BY 1",
                [tables],
            )
            indexes = cursor.fetchall()
            quote = connection.ops.quote_name
            for table, name, _definition in foreign_keys:
                cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {quote(name)}")
            for name, _definition in indexes:
                cursor.execute(f"DROP INDEX {name}")
        yield
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
            for _name, definition in indexes:
                cursor.execute(definition)
            log(f"indexes rebuilt ({len(indexes)}): {time.perf_counter() - started:.1f} s")
            started = time.perf_counter()
            for table, name, definition in foreign_keys:
                cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {quote(name)} {definition}")
            log(f"foreign keys checked and restored ({len(foreign_keys)}): {time.perf_counter() - started:.1f} s")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")  # back to Django's usual mode for the rest


def generate(options: ScaleOptions, *, using: str = "default", log: Callable[[str], None] = print) -> ScaleResult:
    """Generate the data described by ``options`` into the database ``using``.

    Refuses (``ScaleError``) when the database holds data the generator did not write, unless
    ``options.force``; replaces earlier generated data otherwise. Ends with a marker audit row holding the
    options and the counts (read by :func:`marker`)."""
    started = time.perf_counter()
    foreign = foreign_data(using)
    cleared = False
    if foreign and not options.force:
        found = ", ".join(f"{label}: {count}" for label, count in foreign.items())
        raise ScaleError(
            f"The database holds data the generator did not write ({found}). Use an empty database, or --force "
            "to add generated data beside it."
        )
    with _bulk_load(using, log):
        if not foreign and generated_present(using):
            log("Replacing the generated data already in the database.")
            clear(using)
            cleared = True
        generator = _Generator(options, using, log)
        if foreign and User.objects.using(using).filter(_generated_q()[User]).exists():
            generator.tag = f".{User.objects.using(using).aggregate(top=models.Max('pk'))['top']}"
        counts = generator.run()
    seconds = time.perf_counter() - started
    description = options.describe()
    description["as_of"] = generator.as_of.isoformat()
    result = ScaleResult(description, counts, seconds, cleared, connections[using].vendor)
    AuditEntry.objects.using(using).create(
        action=AuditEntry.Action.OTHER,
        content_type=ContentType.objects.db_manager(using).get_for_model(AuditEntry),
        object_id="0",
        object_repr=MARK,
        changes={**result.as_dict(), "statuses": dict(generator.status_counts)},
        comment="Generated data for performance measurements.",
    )
    connection = connections[using]
    if connection.vendor == "postgresql":
        # Statistics for the planner; outside a transaction also the visibility map, so that counts can be
        # answered from indexes alone (what autovacuum does in time on a live database).
        started_vacuum = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)")
        log(f"vacuum and analyze: {time.perf_counter() - started_vacuum:.1f} s")
    return result


# --- What the benchmarks measure ---------------------------------------------------------------------------------

PAGE_BUDGET_MS = 300
DASHBOARD_BUDGET_MS = 500


@dataclass(frozen=True)
class BenchCase:
    """A page or API call the benchmarks measure: who asks, the URL, its budget (p95 of server time)."""

    name: str
    url: str
    user_id: int
    budget_ms: int | None = PAGE_BUDGET_MS  # None: measured for information, no budget
    kind: str = "page"  # "page" or "api"


@dataclass(frozen=True)
class BenchSubjects:
    """The people and records the measured pages are about, chosen in generated data: the staff of the present
    province with the most applications (its predecessors' included), the Ministry, the member of the enterprise
    with the most applications, and records of theirs with the most rows."""

    staff: int
    ministry: int
    member: int
    province: int
    old_province: int
    plan: int
    old_plan: int
    application: int
    own_application: int
    enterprise: int
    year: int
    search: str = "Hưng Thịnh"  # words of the enterprise's name, as someone looking for it would type them


def bench_subjects(using: str = "default") -> BenchSubjects:
    db = using
    generated = _generated_q()[User]
    by_province = Counter(
        dict(
            Application.objects.using(db)
            .order_by()
            .values("province_id")
            .annotate(n=models.Count("pk"))
            .values_list("province_id", "n")
        )
    )
    provinces = {p.pk: p for p in Province.objects.using(db).all()}

    def today(pk: int) -> int:
        return provinces[pk].successor_id or pk

    totals: Counter[int] = Counter()
    for pk, n in by_province.items():
        totals[today(pk)] += n
    if not totals:
        raise ScaleError("No generated applications: run generate_scale_data first.")
    province = max(totals, key=lambda pk: (totals[pk], -pk))
    old = [pk for pk in by_province if provinces[pk].valid_to is not None] or list(by_province)
    old_province = max(old, key=lambda pk: (by_province[pk], -pk))
    memberships = Membership.objects.using(db).filter(user__in=User.objects.using(db).filter(generated))
    staff = (
        memberships.filter(role=Role.PROVINCE_STAFF, province_id=province)
        .order_by("pk")
        .values_list("user_id", flat=True)[0]
    )
    ministry = memberships.filter(role=Role.MINISTRY).order_by("pk").values_list("user_id", flat=True)[0]
    in_scope = [pk for pk in provinces if today(pk) == province]
    busiest = (  # the enterprise of the staff's province with a paid application and the most applications
        Application.objects.using(db)
        .filter(enterprise__province_id__in=in_scope)
        .order_by()
        .values("enterprise_id")
        .annotate(n=models.Count("pk"), paid=models.Count("pk", filter=models.Q(status=Status.PAID)))
        .order_by(models.F("paid").desc(nulls_last=True), "-n", "enterprise_id")
        .values_list("enterprise_id", flat=True)[0]
    )
    member = memberships.filter(role=Role.ENTERPRISE_MEMBER, enterprise_id=busiest).values_list("user_id", flat=True)[0]
    application = (
        Application.objects.using(db)
        .filter(province_id__in=in_scope, status=Status.PAID)
        .annotate(n=models.Count("events"))
        .order_by("-n", "pk")
        .values_list("pk", flat=True)
        .first()
    ) or Application.objects.using(db).filter(province_id__in=in_scope).order_by("pk").values_list("pk", flat=True)[0]
    own_application = (  # a paid one (the richest page), else the newest
        Application.objects.using(db)
        .filter(enterprise_id=busiest)
        .order_by(models.Case(models.When(status=Status.PAID, then=0), default=1), "-created_at", "-pk")
        .values_list("pk", flat=True)[0]
    )
    plans = Plan.objects.using(db).filter(source_note__startswith=MARK)
    plan = plans.filter(province_id=province).order_by("-start_year", "pk").values_list("pk", flat=True).first()
    old_plan = plans.filter(province_id=old_province).order_by("start_year", "pk").values_list("pk", flat=True).first()
    year = (
        Application.objects.using(db)
        .filter(status=Status.PAID)
        .order_by("-budget_year")
        .values_list("budget_year", flat=True)
        .first()
        or DEFAULT_YEARS[-1]
    )
    words = Enterprise.objects.using(db).get(pk=busiest).name.split()
    if words and words[-1].isdigit():
        words = words[:-1]
    return BenchSubjects(
        search=" ".join(words[-2:]),
        staff=staff,
        ministry=ministry,
        member=member,
        province=province,
        old_province=old_province,
        plan=plan or old_plan,
        old_plan=old_plan or plan,
        application=application,
        own_application=own_application,
        enterprise=busiest,
        year=year,
    )


def _reverse(name: str, *args) -> str | None:
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


def bench_cases(subjects: BenchSubjects) -> list[BenchCase]:
    """Every page and API list the benchmarks measure, with its budget. Pages or endpoints that do not exist
    (yet) in this version of the portal are left out."""
    s = subjects
    dashboard = DASHBOARD_BUDGET_MS
    specs: list[tuple[str, str, tuple, str, int, int | None, str]] = [
        # (name, url name, args, query string, user, budget, kind)
        ("application queue (staff)", "support:application_queue", (), "", s.staff, PAGE_BUDGET_MS, "page"),
        (
            "application queue filtered, by amount (staff)",
            "support:application_queue",
            (),
            f"?status=paid&year={s.year}&ordering=amount",
            s.staff,
            PAGE_BUDGET_MS,
            "page",
        ),
        (
            "application queue (Ministry, national)",
            "support:application_queue",
            (),
            "",
            s.ministry,
            PAGE_BUDGET_MS,
            "page",
        ),
        (
            "application queue filtered, newest first (Ministry)",
            "support:application_queue",
            (),
            f"?status=council_review&year={s.year}&ordering=-submitted",
            s.ministry,
            PAGE_BUDGET_MS,
            "page",
        ),
        (
            "application queue by enterprise name (Ministry)",
            "support:application_queue",
            (),
            "?ordering=enterprise",
            s.ministry,
            PAGE_BUDGET_MS,
            "page",
        ),
        (
            "application queue search (staff)",
            "support:application_queue",
            (),
            f"?q={quote_plus(s.search)}",
            s.staff,
            PAGE_BUDGET_MS,
            "page",
        ),
        # Free text across the whole country's applications and enterprises: measured, not budgeted (see
        # docs/performance.md, "National free-text search").
        (
            "application queue search (Ministry, national)",
            "support:application_queue",
            (),
            f"?q={quote_plus(s.search)}",
            s.ministry,
            None,
            "page",
        ),
        (
            "application detail (staff)",
            "support:application_detail",
            (s.application,),
            "",
            s.staff,
            PAGE_BUDGET_MS,
            "page",
        ),
        ("my applications (enterprise)", "support:my_applications", (), "", s.member, PAGE_BUDGET_MS, "page"),
        (
            "application detail (enterprise)",
            "support:application_detail",
            (s.own_application,),
            "",
            s.member,
            PAGE_BUDGET_MS,
            "page",
        ),
        ("support policies (enterprise)", "support:policy_list", (), "", s.member, PAGE_BUDGET_MS, "page"),
        (
            "enterprise profile (enterprise)",
            "enterprises:enterprise_detail",
            (s.enterprise,),
            "",
            s.member,
            PAGE_BUDGET_MS,
            "page",
        ),
        ("budget usage (staff)", "support:budget_usage", (), "", s.staff, PAGE_BUDGET_MS, "page"),
        ("enterprise list (staff)", "enterprises:enterprise_list", (), "", s.staff, PAGE_BUDGET_MS, "page"),
        (
            "enterprise list (Ministry, national)",
            "enterprises:enterprise_list",
            (),
            "",
            s.ministry,
            PAGE_BUDGET_MS,
            "page",
        ),
        (
            "enterprise list search (Ministry)",
            "enterprises:enterprise_list",
            (),
            f"?q={quote_plus(s.search)}",
            s.ministry,
            PAGE_BUDGET_MS,
            "page",
        ),
        (
            "enterprise detail (staff)",
            "enterprises:enterprise_detail",
            (s.enterprise,),
            "",
            s.staff,
            PAGE_BUDGET_MS,
            "page",
        ),
        ("plan page (staff)", "plans:plan_detail", (s.plan,), "", s.staff, PAGE_BUDGET_MS, "page"),
        ("plan list (Ministry)", "plans:plan_list", (), "", s.ministry, PAGE_BUDGET_MS, "page"),
        ("target dashboard: plan (staff)", "dashboard:plan", (s.plan,), "", s.staff, dashboard, "page"),
        (
            "target dashboard: plan 2021-2025 (Ministry)",
            "dashboard:plan",
            (s.old_plan,),
            "",
            s.ministry,
            dashboard,
            "page",
        ),
        ("target dashboard: province (staff)", "dashboard:province", (s.province,), "", s.staff, dashboard, "page"),
        ("target dashboard: province index (Ministry)", "dashboard:index", (), "", s.ministry, dashboard, "page"),
        ("national dashboard (Ministry)", "reporting:national_dashboard", (), "", s.ministry, dashboard, "page"),
        ("national dashboard (Ministry)", "dashboard:national", (), "", s.ministry, dashboard, "page"),
        ("submission matrix (Ministry)", "reporting:ministry_matrix", (), "", s.ministry, dashboard, "page"),
        # The REST API (config/api.py), when it is mounted.
        ("API applications (staff)", "api:application-list", (), "", s.staff, PAGE_BUDGET_MS, "api"),
        (
            "API applications filtered (Ministry)",
            "api:application-list",
            (),
            f"?status=paid&budget_year={s.year}",
            s.ministry,
            PAGE_BUDGET_MS,
            "api",
        ),
        ("API applications (Ministry, national)", "api:application-list", (), "", s.ministry, PAGE_BUDGET_MS, "api"),
        (
            "API application detail (staff)",
            "api:application-detail",
            (s.application,),
            "",
            s.staff,
            PAGE_BUDGET_MS,
            "api",
        ),
        ("API enterprises (Ministry, national)", "api:enterprise-list", (), "", s.ministry, PAGE_BUDGET_MS, "api"),
        ("API enterprise detail (staff)", "api:enterprise-detail", (s.enterprise,), "", s.staff, PAGE_BUDGET_MS, "api"),
        ("API plans (Ministry)", "api:plan-list", (), "", s.ministry, PAGE_BUDGET_MS, "api"),
        ("API plan detail (staff)", "api:plan-detail", (s.plan,), "", s.staff, PAGE_BUDGET_MS, "api"),
        (
            "API activities of a plan (Ministry)",
            "api:plan-activities-list",
            (s.old_plan,),
            "",
            s.ministry,
            PAGE_BUDGET_MS,
            "api",
        ),
        ("API task progress (Ministry)", "api:task-progress-list", (), "", s.ministry, PAGE_BUDGET_MS, "api"),
        ("API allocations (Ministry)", "api:allocation-list", (), "", s.ministry, PAGE_BUDGET_MS, "api"),
        ("API audit trail (Ministry)", "api:audit-list", (), "", s.ministry, PAGE_BUDGET_MS, "api"),
        ("API reports (staff)", "api:report-list", (), "", s.staff, PAGE_BUDGET_MS, "api"),
    ]
    cases: list[BenchCase] = []
    seen: set[str] = set()
    for name, url_name, args, query, user, budget, kind in specs:
        if name in seen:
            continue
        url = _reverse(url_name, *args)
        if url is None:
            continue
        seen.add(name)
        cases.append(BenchCase(name, url + query, user, budget, kind))
    return cases
