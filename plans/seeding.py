"""The five provincial plans the portal is specified from, loaded as the project's own data.

Each file of ``plans/seed_data/`` encodes one document (see the file's ``notes`` for what was read
how). :func:`seed_plans_load` validates every file first and writes nothing when one is wrong; then,
in one transaction per plan, it brings the indicator catalogue, the units and the legal documents in
line with the files (by natural key) and creates the plan with all its parts. A plan that already
exists (same province, kind, start year and title) is left as it is, so staff edits survive a reload;
``reset=True`` deletes and rebuilds it.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, NoReturn

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.deletion import ProtectedError, RestrictedError

from accounts.audit import audit_record

from .models import (
    Board,
    BoardMember,
    BudgetAmount,
    BudgetLine,
    BudgetSource,
    Indicator,
    LegalDocument,
    Objective,
    Phase,
    Plan,
    PlanLegalBasis,
    Programme,
    Province,
    ReportingDuty,
    Responsibility,
    SupportLine,
    Target,
    Task,
    Unit,
)
from .tasktable import is_group_number
from .timeframes import parse_timeframe

PLANS_DIR = Path(__file__).resolve().parent
SEED_DIR = PLANS_DIR / "seed_data"
INDICATORS_JSON = PLANS_DIR / "data" / "indicators.json"
FORMAT = 1

INDICATOR_FIELDS = ("name", "unit", "source", "computation", "parameter", "description")
UNIT_FIELDS = ("short_name", "kind", "aliases")
LEGAL_FIELDS = ("kind", "issuer", "title")
PLAN_FIELDS = (
    "kind",
    "programme",
    "title",
    "number",
    "issued_on",
    "issued_note",
    "issuer",
    "signer_name",
    "signer_title",
    "signature_block",
    "start_year",
    "end_year",
    "status",
    "funding",
    "source_note",
)


class SeedDataError(Exception):
    """A seed file that cannot be loaded. The message names the file and the row."""


# --- reading and checking -------------------------------------------------------------------------------


def _fold(text: str) -> str:
    """A unit reference as compared: case and spacing ignored, diacritics kept (they carry meaning)."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    except (OSError, UnicodeDecodeError) as exc:
        raise SeedDataError(f"{path.name}: cannot be read: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise SeedDataError(f"{path.name}: line {exc.lineno}: not valid JSON: {exc.msg}") from exc


class _Checker:
    """Small validation helpers that raise :class:`SeedDataError` naming the file and the row."""

    def __init__(self, filename: str):
        self.filename = filename

    def fail(self, where: str, message: str) -> NoReturn:
        raise SeedDataError(f"{self.filename}: {where}: {message}")

    def obj(self, value: Any, where: str, required: Iterable[str], optional: Iterable[str] = ()) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.fail(where, "expected an object")
        required = tuple(required)
        missing = [k for k in required if k not in value]
        if missing:
            self.fail(where, f"missing {', '.join(missing)}")
        unknown = sorted(set(value) - set(required) - set(optional))
        if unknown:
            self.fail(where, f"unknown field(s) {', '.join(unknown)}")
        return value

    def items(self, value: Any, where: str) -> list[Any]:
        if not isinstance(value, list):
            self.fail(where, "expected a list")
        return value

    def text(self, value: Any, where: str, *, blank: bool = True, max_length: int | None = None) -> str:
        if not isinstance(value, str):
            self.fail(where, "expected text")
        if not blank and not value.strip():
            self.fail(where, "must not be empty")
        if max_length is not None and len(value) > max_length:
            self.fail(where, f"longer than {max_length} characters")
        return value

    def integer(
        self, value: Any, where: str, *, null: bool = False, low: int | None = None, high: int | None = None
    ) -> int | None:
        if value is None and null:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(where, f"expected a whole number, got {value!r}")
        if (low is not None and value < low) or (high is not None and value > high):
            self.fail(where, f"{value} is outside {low}..{high}")
        return value

    def decimal(self, value: Any, where: str, *, null: bool = False) -> Decimal | None:
        if value is None and null:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, Decimal, str)):
            self.fail(where, f"expected a number, got {value!r}")
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            self.fail(where, f"expected a number, got {value!r}")
        if not number.is_finite() or number < 0:
            self.fail(where, f"{value} is not a number ≥ 0")
        if number != number.quantize(Decimal("0.01")) or number >= Decimal(10) ** 12:
            self.fail(where, f"{value} does not fit 12 digits and 2 decimals")
        return number

    def choice(self, value: Any, where: str, choices: type[models.TextChoices] | Iterable[str]) -> str:
        allowed = choices.values if isinstance(choices, type) else list(choices)
        if value not in allowed:
            self.fail(where, f"{value!r} is not one of {', '.join(allowed)}")
        return value

    def date(self, value: Any, where: str) -> dt.date | None:
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(self.text(value, where))
        except ValueError:
            self.fail(where, f"{value!r} is not a date (YYYY-MM-DD)")


# --- validated content ---------------------------------------------------------------------------------


@dataclass
class _Unit:
    name: str
    national: bool
    values: dict[str, Any]  # short_name, kind, aliases (one per line)


@dataclass
class _TaskRow:
    where: str
    values: dict[str, Any]
    lead: str | None  # unit name
    coordinating: list[str]  # unit names
    children: list[_TaskRow] = field(default_factory=list)


@dataclass
class _BudgetRow:
    values: dict[str, Any]
    amounts: list[tuple[int, str, int]]
    children: list[_BudgetRow] = field(default_factory=list)


@dataclass
class _PlanSeed:
    filename: str
    province_key: str
    units: list[_Unit]
    legal_documents: list[dict[str, Any]]
    plan: dict[str, Any]
    legal_basis: list[tuple[tuple[str, dt.date | None], str]]  # (document key, wording as written)
    phases: list[dict[str, Any]]
    objectives: list[str]
    targets: list[dict[str, Any]]  # "phase" holds the phase's start year, "indicator" its code
    tasks: list[_TaskRow]
    reporting_duties: list[dict[str, Any]]  # "reporter" holds a unit name, "recipient_units" unit names
    budget: list[_BudgetRow]
    support_lines: list[dict[str, Any]] = field(default_factory=list)
    responsibilities: list[dict[str, Any]] = field(default_factory=list)  # with their "duties"
    boards: list[dict[str, Any]] = field(default_factory=list)  # with their "members"


def _indicator_rows(path: Path = INDICATORS_JSON) -> list[dict[str, Any]]:
    """The national indicator catalogue, checked."""
    check = _Checker(path.name)
    rows = []
    seen: set[str] = set()
    for i, raw in enumerate(check.items(_read_json(path), "catalogue")):
        where = f"indicators[{i}]"
        row = check.obj(raw, where, ("code", *INDICATOR_FIELDS))
        code = check.text(row["code"], f"{where}.code", blank=False, max_length=60)
        if code in seen:
            check.fail(where, f"code {code!r} appears twice")
        seen.add(code)
        check.text(row["name"], f"{where}.name", blank=False, max_length=255)
        check.text(row["unit"], f"{where}.unit", blank=False, max_length=60)
        check.choice(row["source"], f"{where}.source", Indicator.Source)
        for name in ("computation", "parameter"):
            check.text(row[name], f"{where}.{name}", max_length=60)
        if row["source"] == Indicator.Source.COMPUTED and not row["computation"]:
            check.fail(where, f"computed indicator {code!r} has no computation key")
        check.text(row["description"], f"{where}.description", blank=False)
        rows.append({"code": code, **{name: row[name] for name in INDICATOR_FIELDS}})
    return rows


def _validate(path: Path, data: Any, *, indicator_codes: set[str], province_keys: set[str]) -> _PlanSeed:
    check = _Checker(path.name)
    top = check.obj(
        data,
        "file",
        ("format", "province", "units", "legal_documents", "plan", "phases", "objectives", "targets", "tasks"),
        ("source_file", "notes", "reporting_duties", "budget", "support_lines", "responsibilities", "boards"),
    )
    if top["format"] != FORMAT:
        check.fail("format", f"expected {FORMAT}")
    province_key = top["province"]
    if province_key not in province_keys:
        check.fail("province", f"unknown province key {province_key!r} (see plans/data/provinces.csv)")

    # Units, and every way the file refers to them.
    units: list[_Unit] = []
    refs: dict[str, str] = {}
    for i, raw in enumerate(check.items(top["units"], "units")):
        where = f"units[{i}]"
        row = check.obj(raw, where, ("name", "kind"), ("short_name", "aliases", "national"))
        name = check.text(row["name"], f"{where}.name", blank=False, max_length=255)
        kind = check.choice(row["kind"], f"{where}.kind", Unit.Kind)
        short_name = check.text(row.get("short_name", ""), f"{where}.short_name", max_length=80)
        aliases = [check.text(a, f"{where}.aliases", blank=False) for a in check.items(row.get("aliases", []), where)]
        national = row.get("national", False) is True
        if national != (kind == Unit.Kind.NATIONAL):
            check.fail(where, "a national body has kind national and national: true (and only it)")
        for ref in [name, short_name, *aliases]:
            if not ref:
                continue
            other = refs.setdefault(_fold(ref), name)
            if other != name:
                check.fail(where, f"{ref!r} also names the unit {other!r}")
        units.append(_Unit(name, national, {"short_name": short_name, "kind": kind, "aliases": "\n".join(aliases)}))

    def unit_ref(value: Any, where: str) -> str:
        name = refs.get(_fold(check.text(value, where, blank=False)))
        if name is None:
            check.fail(where, f"unknown unit {value!r} (add it to the file's units)")
        return name

    # Legal documents, referred to by number.
    documents: dict[str, dict[str, Any]] = {}
    for i, raw in enumerate(check.items(top["legal_documents"], "legal_documents")):
        where = f"legal_documents[{i}]"
        row = check.obj(raw, where, ("number", "kind", "issued_on", "issuer", "title"))
        number = check.text(row["number"], f"{where}.number", blank=False, max_length=60)
        if number in documents:
            check.fail(where, f"number {number!r} appears twice")
        documents[number] = {
            "number": number,
            "issued_on": check.date(row["issued_on"], f"{where}.issued_on"),
            "kind": check.choice(row["kind"], f"{where}.kind", LegalDocument.Kind),
            "issuer": check.text(row["issuer"], f"{where}.issuer", blank=False, max_length=200),
            "title": check.text(row["title"], f"{where}.title"),
        }

    # The plan itself.
    raw_plan = check.obj(top["plan"], "plan", (*PLAN_FIELDS, "legal_basis"))
    plan = {
        "kind": check.choice(raw_plan["kind"], "plan.kind", Plan.Kind),
        "programme": check.choice(raw_plan["programme"], "plan.programme", Programme),
        "title": check.text(raw_plan["title"], "plan.title", blank=False),
        "number": check.text(raw_plan["number"], "plan.number", max_length=60),
        "issued_on": check.date(raw_plan["issued_on"], "plan.issued_on"),
        "issued_note": check.text(raw_plan["issued_note"], "plan.issued_note", max_length=100),
        "issuer": check.text(raw_plan["issuer"], "plan.issuer", max_length=200),
        "signer_name": check.text(raw_plan["signer_name"], "plan.signer_name", max_length=150),
        "signer_title": check.text(raw_plan["signer_title"], "plan.signer_title", max_length=150),
        "signature_block": "\n".join(
            check.text(line, "plan.signature_block", blank=False)
            for line in check.items(raw_plan["signature_block"], "plan.signature_block")
        ),
        "start_year": check.integer(raw_plan["start_year"], "plan.start_year", low=2000, high=2100),
        "end_year": check.integer(raw_plan["end_year"], "plan.end_year", low=2000, high=2100),
        "status": check.choice(raw_plan["status"], "plan.status", Plan.Status),
        "funding": check.text(raw_plan["funding"], "plan.funding"),
        "source_note": check.text(raw_plan["source_note"], "plan.source_note", blank=False),
    }
    first, last = plan["start_year"], plan["end_year"]
    if last < first:
        check.fail("plan", f"period {first}-{last} ends before it starts")
    legal_basis: list[tuple[tuple[str, dt.date | None], str]] = []
    for i, raw_basis in enumerate(check.items(raw_plan["legal_basis"], "plan.legal_basis")):
        where = f"plan.legal_basis[{i}]"
        basis = check.obj(raw_basis, where, ("number", "wording"))
        number = basis["number"]
        if number not in documents:
            check.fail(f"{where}.number", f"{number!r} is not among the file's legal_documents")
        wording = check.text(basis["wording"], f"{where}.wording")
        legal_basis.append(((number, documents[number]["issued_on"]), wording))

    # Phases, referred to as "2021-2025".
    phases: list[dict[str, Any]] = []
    phase_starts: dict[str, int] = {}
    for i, raw in enumerate(check.items(top["phases"], "phases")):
        where = f"phases[{i}]"
        row = check.obj(raw, where, ("name", "start_year", "end_year"))
        start = check.integer(row["start_year"], f"{where}.start_year", low=first, high=last)
        end = check.integer(row["end_year"], f"{where}.end_year", low=start, high=last)
        if any(p["start_year"] <= end and start <= p["end_year"] for p in phases):
            check.fail(where, f"{start}-{end} overlaps another phase")
        phases.append(
            {
                "name": check.text(row["name"], f"{where}.name", blank=False, max_length=100),
                "start_year": start,
                "end_year": end,
                "position": i + 1,
            }
        )
        phase_starts[f"{start}-{end}"] = start
    if not phases:
        check.fail("phases", "a plan has at least one phase (one covering the whole period when it has no phases)")

    objectives = [
        check.text(text, f"objectives[{i}]", blank=False)
        for i, text in enumerate(check.items(top["objectives"], "objectives"))
    ]

    # Targets: numbers must match the comparator (the model's constraint, checked here with the row named).
    targets: list[dict[str, Any]] = []
    for i, raw in enumerate(check.items(top["targets"], "targets")):
        where = f"targets[{i}]"
        row = check.obj(
            raw,
            where,
            ("text", "phase", "indicator", "measure", "period", "comparator", "value_min", "value_max"),
            ("unit",),
        )
        if row["phase"] not in phase_starts:
            check.fail(f"{where}.phase", f"{row['phase']!r} is not one of the phases {', '.join(phase_starts)}")
        if row["indicator"] not in indicator_codes:
            check.fail(f"{where}.indicator", f"unknown indicator {row['indicator']!r} (see plans/data/indicators.json)")
        comparator = check.choice(row["comparator"], f"{where}.comparator", Target.Comparator)
        low = check.decimal(row["value_min"], f"{where}.value_min", null=True)
        high = check.decimal(row["value_max"], f"{where}.value_max", null=True)
        if comparator == Target.Comparator.QUALITATIVE and (low is not None or high is not None):
            check.fail(where, "a qualitative target has no numbers")
        if comparator == Target.Comparator.RANGE and (low is None or high is None or high < low):
            check.fail(where, "a range needs value_min ≤ value_max")
        if comparator not in (Target.Comparator.QUALITATIVE, Target.Comparator.RANGE) and (
            low is None or high is not None
        ):
            check.fail(where, f"comparator {comparator} needs value_min and no value_max")
        targets.append(
            {
                "text": check.text(row["text"], f"{where}.text", blank=False),
                "phase": phase_starts[row["phase"]],
                "indicator": row["indicator"],
                "measure": check.choice(row["measure"], f"{where}.measure", Target.Measure),
                "period": check.choice(row["period"], f"{where}.period", Target.Period),
                "comparator": comparator,
                "value_min": low,
                "value_max": high,
                "unit": check.text(row.get("unit", ""), f"{where}.unit", max_length=60),
                "position": i + 1,
            }
        )

    # Tasks: group rows (I, II, ...) may hold rows; timeframes are read as the task table importer reads them.
    def task_row(raw: Any, where: str, depth: int) -> _TaskRow:
        row = check.obj(
            raw,
            where,
            ("number", "content", "lead", "coordinating_text", "coordinating", "timeframe"),
            ("expected_output", "notes", "children"),
        )
        timeframe_text = check.text(row["timeframe"], f"{where}.timeframe", max_length=100)
        try:
            timeframe = parse_timeframe(timeframe_text, period=(first, last))
        except ValidationError as exc:
            check.fail(f"{where}.timeframe", " ".join(exc.messages))
        values = {
            "number": check.text(row["number"], f"{where}.number", max_length=20),
            "content": check.text(row["content"], f"{where}.content", blank=False),
            "coordinating_text": check.text(row["coordinating_text"], f"{where}.coordinating_text"),
            "timeframe": timeframe_text,
            "is_annual": timeframe.is_annual,
            "timeframe_spans": [list(span) for span in timeframe.spans],
            "first_year": timeframe.first_year,
            "last_year": timeframe.last_year,
            "expected_output": check.text(row.get("expected_output", ""), f"{where}.expected_output"),
            "notes": check.text(row.get("notes", ""), f"{where}.notes"),
        }
        lead = None if row["lead"] is None else unit_ref(row["lead"], f"{where}.lead")
        coordinating = [
            unit_ref(ref, f"{where}.coordinating[{j}]")
            for j, ref in enumerate(check.items(row["coordinating"], f"{where}.coordinating"))
        ]
        if len(set(coordinating)) != len(coordinating):
            check.fail(f"{where}.coordinating", "a unit is named twice")
        children = check.items(row.get("children", []), f"{where}.children")
        if children and depth:
            check.fail(f"{where}.children", "task tables have two levels: rows inside a group hold no rows")
        node = _TaskRow(where, values, lead, coordinating)
        node.children = [task_row(child, f"{where}.children[{j}]", depth + 1) for j, child in enumerate(children)]
        return node

    tasks = [task_row(raw, f"tasks[{i}]", 0) for i, raw in enumerate(check.items(top["tasks"], "tasks"))]

    def duty_row(raw: Any, where: str, position: int) -> dict[str, Any]:
        row = check.obj(
            raw,
            where,
            ("kind", "due_month", "due_day", "year", "recipients", "note"),
            ("level", "reporter", "reporter_text", "recipient_units"),
        )
        due_month = check.integer(row["due_month"], f"{where}.due_month", null=True, low=1, high=12)
        due_day = check.integer(row["due_day"], f"{where}.due_day", null=True, low=1, high=31)
        if due_day is not None and due_month is None:
            check.fail(where, "a due day needs its month")
        recipient_units = [
            unit_ref(ref, f"{where}.recipient_units[{j}]")
            for j, ref in enumerate(check.items(row.get("recipient_units", []), f"{where}.recipient_units"))
        ]
        reporter = row.get("reporter")
        return {
            "position": position,
            "kind": check.choice(row["kind"], f"{where}.kind", ReportingDuty.Kind),
            "level": check.choice(row.get("level", "province"), f"{where}.level", ReportingDuty.Level),
            "reporter": None if reporter is None else unit_ref(reporter, f"{where}.reporter"),
            "reporter_text": check.text(row.get("reporter_text", ""), f"{where}.reporter_text", max_length=255),
            "recipient_units": recipient_units,
            "due_month": due_month,
            "due_day": due_day,
            "year": check.integer(row["year"], f"{where}.year", null=True, low=2000, high=2100),
            "recipients": check.text(row["recipients"], f"{where}.recipients", max_length=255),
            "note": check.text(row["note"], f"{where}.note", blank=False),
        }

    positions = iter(range(1, 10_000))
    responsibilities: list[dict[str, Any]] = []
    for i, raw in enumerate(check.items(top.get("responsibilities", []), "responsibilities")):
        where = f"responsibilities[{i}]"
        row = check.obj(raw, where, ("section", "body", "unit", "text"), ("reporting_duties",))
        lines = [
            check.text(line, f"{where}.text[{j}]", blank=False)
            for j, line in enumerate(check.items(row["text"], where))
        ]
        if not lines:
            check.fail(f"{where}.text", "a responsibility has at least one line")
        responsibilities.append(
            {
                "position": i + 1,
                "section": check.text(row["section"], f"{where}.section", max_length=20),
                "body": check.text(row["body"], f"{where}.body"),
                "unit": None if row["unit"] is None else unit_ref(row["unit"], f"{where}.unit"),
                "text": "\n".join(lines),
                "duties": [
                    duty_row(duty, f"{where}.reporting_duties[{j}]", next(positions))
                    for j, duty in enumerate(check.items(row.get("reporting_duties", []), where))
                ],
            }
        )
    reporting_duties = [
        duty_row(raw, f"reporting_duties[{i}]", next(positions))
        for i, raw in enumerate(check.items(top.get("reporting_duties", []), "reporting_duties"))
    ]

    support_lines: list[dict[str, Any]] = []
    for i, raw in enumerate(check.items(top.get("support_lines", []), "support_lines")):
        where = f"support_lines[{i}]"
        row = check.obj(raw, where, ("section", "heading", "wording", "beneficiary", "rate", "cap", "cap_per", "notes"))
        rate = check.decimal(row["rate"], f"{where}.rate", null=True)
        if rate is not None and rate > 100:
            check.fail(f"{where}.rate", f"{rate} is more than 100 %")
        support_lines.append(
            {
                "position": i + 1,
                "section": check.text(row["section"], f"{where}.section", max_length=20),
                "heading": check.text(row["heading"], f"{where}.heading"),
                "wording": check.text(row["wording"], f"{where}.wording", blank=False),
                "beneficiary": check.choice(row["beneficiary"], f"{where}.beneficiary", SupportLine.Beneficiary),
                "rate": rate,
                "cap": check.integer(row["cap"], f"{where}.cap", null=True, low=0),
                "cap_per": check.text(row["cap_per"], f"{where}.cap_per", max_length=100),
                "notes": check.text(row["notes"], f"{where}.notes"),
            }
        )

    boards: list[dict[str, Any]] = []
    for i, raw in enumerate(check.items(top.get("boards", []), "boards")):
        where = f"boards[{i}]"
        row = check.obj(
            raw,
            where,
            ("section", "kind", "name", "unit", "established_by", "composition", "duties", "notes", "members"),
        )
        members = []
        for j, raw_member in enumerate(check.items(row["members"], f"{where}.members")):
            at = f"{where}.members[{j}]"
            member = check.obj(raw_member, at, ("role", "role_title", "capacity", "body", "unit", "source"))
            members.append(
                {
                    "position": j + 1,
                    "role": check.choice(member["role"], f"{at}.role", BoardMember.Role),
                    "role_title": check.text(member["role_title"], f"{at}.role_title", max_length=100),
                    "capacity": check.text(member["capacity"], f"{at}.capacity", max_length=150),
                    "body": check.text(member["body"], f"{at}.body", blank=False, max_length=255),
                    "unit": None if member["unit"] is None else unit_ref(member["unit"], f"{at}.unit"),
                    "source": check.text(member["source"], f"{at}.source", max_length=20),
                }
            )
        boards.append(
            {
                "position": i + 1,
                "section": check.text(row["section"], f"{where}.section", max_length=20),
                "kind": check.choice(row["kind"], f"{where}.kind", Board.Kind),
                "name": check.text(row["name"], f"{where}.name", blank=False, max_length=255),
                "unit": None if row["unit"] is None else unit_ref(row["unit"], f"{where}.unit"),
                "established_by": check.text(row["established_by"], f"{where}.established_by"),
                "composition": check.text(row["composition"], f"{where}.composition"),
                "duties": check.text(row["duties"], f"{where}.duties"),
                "notes": check.text(row["notes"], f"{where}.notes"),
                "members": members,
            }
        )

    budget = _validate_budget(check, top.get("budget"), first, last)
    return _PlanSeed(
        filename=path.name,
        province_key=province_key,
        units=units,
        legal_documents=list(documents.values()),
        plan=plan,
        legal_basis=legal_basis,
        phases=phases,
        objectives=objectives,
        targets=targets,
        tasks=tasks,
        reporting_duties=reporting_duties,
        budget=budget,
        support_lines=support_lines,
        responsibilities=responsibilities,
        boards=boards,
    )


def _validate_budget(check: _Checker, raw: Any, first: int, last: int) -> list[_BudgetRow]:
    """Budget lines as a tree; the document's own totals (per heading, per year, overall) are checked."""
    if raw is None:
        return []
    budget = check.obj(raw, "budget", ("lines",), ("total", "state_total", "enterprise_total", "year_totals"))
    by_year: dict[tuple[int, str], int] = {}

    def line(raw_line: Any, where: str) -> tuple[_BudgetRow, int, int]:
        row = check.obj(
            raw_line,
            where,
            ("number", "content", "category"),
            ("estimate", "support_rate", "basis", "children", "total", "amounts", "amounts_total"),
        )
        values: dict[str, Any] = {
            "number": check.text(row["number"], f"{where}.number", max_length=20),
            "content": check.text(row["content"], f"{where}.content", blank=False),
            "category": check.choice(row["category"], f"{where}.category", BudgetLine.Category),
            "basis": check.text(row.get("basis", ""), f"{where}.basis"),
            "estimate": None,
            "support_rate": None,
        }
        amounts: list[tuple[int, str, int]] = []
        for j, raw_amount in enumerate(check.items(row.get("amounts", []), f"{where}.amounts")):
            at = f"{where}.amounts[{j}]"
            amount = check.obj(raw_amount, at, ("year", "source", "amount"))
            year = check.integer(amount["year"], f"{at}.year", low=first, high=last)
            source = check.choice(amount["source"], f"{at}.source", BudgetSource)
            if any(a[0] == year and a[1] == source for a in amounts):
                check.fail(at, f"{year} {source} appears twice")
            value = check.integer(amount["amount"], f"{at}.amount", low=0)
            amounts.append((year, source, value))
            by_year[year, source] = by_year.get((year, source), 0) + value
        if "amounts_total" in row and check.integer(row["amounts_total"], f"{where}.amounts_total") != sum(
            a[2] for a in amounts
        ):
            check.fail(where, f"the amounts by year add up to {sum(a[2] for a in amounts)}, not {row['amounts_total']}")
        children = check.items(row.get("children", []), f"{where}.children")
        node = _BudgetRow(values, amounts)
        if children:
            if "estimate" in row or "support_rate" in row:
                check.fail(where, "a heading sums its lines: give estimate and support_rate on the lines")
            estimate = state = 0
            for j, child in enumerate(children):
                child_node, child_estimate, child_state = line(child, f"{where}.children[{j}]")
                node.children.append(child_node)
                estimate += child_estimate
                state += child_state
        else:
            values["estimate"] = check.integer(row.get("estimate"), f"{where}.estimate", low=0)
            rate = check.decimal(row.get("support_rate"), f"{where}.support_rate")
            if rate > 100:
                check.fail(f"{where}.support_rate", f"{rate} is more than 100 %")
            values["support_rate"] = rate
            estimate = values["estimate"]
            state = BudgetLine(estimate=estimate, support_rate=rate).state_amount or 0
        if "total" in row and check.integer(row["total"], f"{where}.total") != estimate:
            check.fail(where, f"the lines add up to {estimate}, not the written total {row['total']}")
        return node, estimate, state

    rows, estimate, state = [], 0, 0
    for i, raw_line in enumerate(check.items(budget["lines"], "budget.lines")):
        node, line_estimate, line_state = line(raw_line, f"budget.lines[{i}]")
        rows.append(node)
        estimate += line_estimate
        state += line_state
    expected = {"total": estimate, "state_total": state, "enterprise_total": estimate - state}
    for name, computed in expected.items():
        if name in budget and check.integer(budget[name], f"budget.{name}") != computed:
            check.fail("budget", f"{name} is written as {budget[name]} but the lines give {computed}")
    if "year_totals" in budget:
        totals = check.obj(budget["year_totals"], "budget.year_totals", ("source", "amounts"), ("total",))
        source = check.choice(totals["source"], "budget.year_totals.source", BudgetSource)
        written = check.obj(
            totals["amounts"], "budget.year_totals.amounts", (), [str(y) for y in range(first, last + 1)]
        )
        for year_text, value in written.items():
            computed = by_year.get((int(year_text), source), 0)
            if check.integer(value, f"budget.year_totals.{year_text}") != computed:
                check.fail("budget.year_totals", f"{year_text}: written {value}, the lines give {computed}")
        if "total" in totals and totals["total"] != sum(written.values()):
            check.fail("budget.year_totals", f"the years add up to {sum(written.values())}, not {totals['total']}")
    return rows


def _validate_across(seeds: list[_PlanSeed]) -> None:
    """National units and legal documents appear in several files: they must say the same everywhere."""
    units: dict[str, tuple[str, dict]] = {}
    documents: dict[tuple, tuple[str, dict]] = {}
    provinces: dict[str, str] = {}
    for seed in seeds:
        if seed.province_key in provinces:
            raise SeedDataError(
                f"{seed.filename}: province {seed.province_key!r} already has {provinces[seed.province_key]}"
            )
        provinces[seed.province_key] = seed.filename
        for unit in seed.units:
            if unit.national:
                first = units.setdefault(unit.name, (seed.filename, unit.values))
                if first[1] != unit.values:
                    raise SeedDataError(f"{seed.filename}: national unit {unit.name!r} differs from {first[0]}")
        for doc in seed.legal_documents:
            first = documents.setdefault((doc["number"], doc["issued_on"]), (seed.filename, doc))
            if first[1] != doc:
                raise SeedDataError(f"{seed.filename}: legal document {doc['number']!r} differs from {first[0]}")


# --- writing ------------------------------------------------------------------------------------------


def _sync(
    queryset: models.QuerySet, key: Callable[[Any], tuple], rows: list[dict[str, Any]], fields: Iterable[str]
) -> dict[tuple, models.Model]:
    """Create or update ``rows`` by natural key (``key`` applied to a row dict or a model instance).
    Rows already equal are not written. Returns the instances by key."""
    model = queryset.model
    existing = {key(obj): obj for obj in queryset}
    fields = tuple(fields)
    to_create, to_update, changed_fields = [], [], set()
    result = {}
    for row in rows:
        obj = existing.get(key(row))
        if obj is None:
            obj = model(**row)
            to_create.append(obj)
        else:
            changed = [f for f in fields if getattr(obj, f) != row[f]]
            for f in changed:
                setattr(obj, f, row[f])
            if changed:
                to_update.append(obj)
                changed_fields.update(changed)
        result[key(row)] = obj
    model.objects.bulk_create(to_create)
    if to_update:
        model.objects.bulk_update(to_update, sorted(changed_fields))
    return result


def indicators_sync(rows: list[dict[str, Any]] | None = None) -> dict[str, Indicator]:
    """Bring the indicator catalogue in line with ``plans/data/indicators.json`` (by code)."""
    rows = _indicator_rows() if rows is None else rows
    synced = _sync(
        Indicator.objects.filter(code__in=[r["code"] for r in rows]), lambda o: _get(o, "code"), rows, INDICATOR_FIELDS
    )
    return {code: obj for (code,), obj in synced.items()}


def _get(obj: Any, *names: str) -> tuple:
    return tuple(obj[n] if isinstance(obj, dict) else getattr(obj, n) for n in names)


def _sync_units(seed: _PlanSeed, province: Province) -> dict[str, Unit]:
    rows = [{"province_id": None if u.national else province.pk, "name": u.name, **u.values} for u in seed.units]
    queryset = Unit.objects.filter(name__in=[u.name for u in seed.units]).filter(
        models.Q(province=province) | models.Q(province__isnull=True)
    )
    synced = _sync(queryset, lambda o: _get(o, "province_id", "name"), rows, UNIT_FIELDS)
    return {name: unit for (_province_id, name), unit in synced.items()}


def _sync_documents(seed: _PlanSeed) -> dict[tuple, LegalDocument]:
    queryset = LegalDocument.objects.filter(number__in=[d["number"] for d in seed.legal_documents])
    return _sync(queryset, lambda o: _get(o, "number", "issued_on"), seed.legal_documents, LEGAL_FIELDS)


def _create_plan(
    seed: _PlanSeed,
    province: Province,
    units: dict[str, Unit],
    documents: dict[tuple, LegalDocument],
    indicators: dict[str, Indicator],
) -> Plan:
    plan = Plan.objects.create(province=province, **seed.plan)
    PlanLegalBasis.objects.bulk_create(
        PlanLegalBasis(plan=plan, document=documents[key], position=i + 1, wording=wording)
        for i, (key, wording) in enumerate(seed.legal_basis)
    )
    phases = Phase.objects.bulk_create(Phase(plan=plan, **values) for values in seed.phases)
    phase_by_start = {phase.start_year: phase for phase in phases}
    Objective.objects.bulk_create(
        Objective(plan=plan, text=text, position=i + 1) for i, text in enumerate(seed.objectives)
    )
    Target.objects.bulk_create(
        Target(plan=plan, **{**t, "phase": phase_by_start[t["phase"]], "indicator": indicators[t["indicator"]]})
        for t in seed.targets
    )
    _create_tasks(plan, seed.tasks, units)
    _create_budget(plan, seed.budget)
    SupportLine.objects.bulk_create(SupportLine(plan=plan, **values) for values in seed.support_lines)
    _create_responsibilities(plan, seed, units)
    _create_boards(plan, seed.boards, units)
    return plan


def _create_responsibilities(plan: Plan, seed: _PlanSeed, units: dict[str, Unit]) -> None:
    """Responsibilities, then the reporting duties they create (and those the file gives on their own)."""
    rows = [
        (
            Responsibility(
                plan=plan, **{k: v for k, v in r.items() if k not in ("unit", "duties")}, unit=units.get(r["unit"])
            ),
            r,
        )
        for r in seed.responsibilities
    ]
    Responsibility.objects.bulk_create(obj for obj, _row in rows)
    duties = [(obj, d) for obj, r in rows for d in r["duties"]] + [(None, d) for d in seed.reporting_duties]
    created = ReportingDuty.objects.bulk_create(
        ReportingDuty(
            plan=plan,
            responsibility=responsibility,
            reporter=units.get(d["reporter"]),
            **{k: v for k, v in d.items() if k not in ("reporter", "recipient_units")},
        )
        for responsibility, d in duties
    )
    through = ReportingDuty.recipient_units.through
    through.objects.bulk_create(
        through(reportingduty_id=duty.pk, unit_id=units[name].pk)
        for duty, (_responsibility, d) in zip(created, duties, strict=True)
        for name in d["recipient_units"]
    )


def _create_boards(plan: Plan, rows: list[dict[str, Any]], units: dict[str, Unit]) -> None:
    boards = Board.objects.bulk_create(
        Board(plan=plan, unit=units.get(b["unit"]), **{k: v for k, v in b.items() if k not in ("unit", "members")})
        for b in rows
    )
    BoardMember.objects.bulk_create(
        BoardMember(board=board, unit=units.get(m["unit"]), **{k: v for k, v in m.items() if k != "unit"})
        for board, b in zip(boards, rows, strict=True)
        for m in b["members"]
    )


def _create_tasks(plan: Plan, rows: list[_TaskRow], units: dict[str, Unit]) -> None:
    """Rows keep the document's order in ``position`` across both levels; groups first so rows can point to them."""
    position = 0
    top: list[tuple[Task, _TaskRow]] = []
    inner: list[tuple[Task, _TaskRow]] = []
    for row in rows:
        position += 1
        group = Task(
            plan=plan,
            position=position,
            lead_unit=units.get(row.lead),
            is_group=bool(row.children) or is_group_number(row.values.get("number", "")),
            **row.values,
        )
        top.append((group, row))
        for child in row.children:
            position += 1
            inner.append(
                (
                    Task(plan=plan, parent=group, position=position, lead_unit=units.get(child.lead), **child.values),
                    child,
                )
            )
    Task.objects.bulk_create(task for task, _row in top)
    Task.objects.bulk_create(task for task, _row in inner)  # after the groups, so each takes its group's id
    through = Task.coordinating_units.through
    through.objects.bulk_create(
        through(task_id=task.pk, unit_id=units[name].pk) for task, row in [*top, *inner] for name in row.coordinating
    )


def _create_budget(plan: Plan, rows: list[_BudgetRow]) -> None:
    position = 0
    levels: list[list[tuple[BudgetLine, _BudgetRow]]] = []

    def walk(nodes: list[_BudgetRow], parent: BudgetLine | None, depth: int) -> None:
        nonlocal position
        for node in nodes:
            position += 1
            line = BudgetLine(plan=plan, parent=parent, position=position, **node.values)
            while len(levels) <= depth:
                levels.append([])
            levels[depth].append((line, node))
            walk(node.children, line, depth + 1)

    walk(rows, None, 0)
    for level in levels:  # headings are saved before their lines (bulk_create then takes the parent's id)
        BudgetLine.objects.bulk_create(line for line, _node in level)
    BudgetAmount.objects.bulk_create(
        BudgetAmount(line=line, year=year, source=source, amount=amount)
        for level in levels
        for line, node in level
        for year, source, amount in node.amounts
    )


def _existing(seed: _PlanSeed, province: Province) -> models.QuerySet[Plan]:
    return Plan.objects.filter(
        province=province, kind=seed.plan["kind"], start_year=seed.plan["start_year"], title=seed.plan["title"]
    )


def seed_plans_load(*, reset: bool = False, directory: Path | str | None = None) -> str:
    """Load the seed plans of ``directory`` (default ``plans/seed_data``); idempotent.

    Every file is validated before anything is written; a wrong file raises :class:`SeedDataError`
    naming the file and the row. Returns a one-line summary.
    """
    directory = Path(directory) if directory is not None else SEED_DIR
    paths = sorted(directory.glob("*.json"))
    if not paths:
        raise SeedDataError(f"{directory}: no seed files (*.json)")
    indicator_rows = _indicator_rows()
    indicator_codes = {row["code"] for row in indicator_rows}
    province_keys = set(Province.objects.values_list("key", flat=True))
    seeds = [
        _validate(path, _read_json(path), indicator_codes=indicator_codes, province_keys=province_keys)
        for path in paths
    ]
    _validate_across(seeds)

    created = rebuilt = kept = 0
    with transaction.atomic():  # all or nothing: a plan that cannot be rebuilt leaves every plan as it was
        for seed in seeds:
            province = Province.objects.get(key=seed.province_key)
            indicators = indicators_sync(indicator_rows)
            units = _sync_units(seed, province)
            documents = _sync_documents(seed)
            existing = list(_existing(seed, province))
            if existing and not reset:
                kept += 1
                continue
            for plan in existing:
                audit_record(
                    actor=None,
                    action="delete",
                    instance=plan,
                    province_id=province.pk,
                    comment=f"Xóa để nạp lại từ dữ liệu mẫu {seed.filename} (--reset).",
                )
                try:
                    plan.delete()
                except (ProtectedError, RestrictedError) as exc:
                    names = sorted({str(obj._meta.verbose_name_plural) for obj in exc.args[1]})
                    raise SeedDataError(
                        f"{seed.filename}: {plan} cannot be rebuilt while other records refer to it "
                        f"({', '.join(names)}); remove them first"
                    ) from exc
            plan = _create_plan(seed, province, units, documents, indicators)
            audit_record(
                actor=None,
                action="import",
                instance=plan,
                province_id=province.pk,
                comment=f"Nạp từ dữ liệu mẫu {seed.filename}.",
            )
            rebuilt += bool(existing)
            created += not existing
    units = {(None if u.national else s.province_key, u.name) for s in seeds for u in s.units}
    documents = {(d["number"], d["issued_on"]) for s in seeds for d in s.legal_documents}
    return (
        f"{len(seeds)} seed plans: {created} created, {rebuilt} rebuilt, {kept} left as they were; "
        f"{len(indicator_rows)} indicators, {len(units)} units and {len(documents)} legal documents in sync"
    )
