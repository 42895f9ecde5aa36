"""Writes for plans: plans, their parts (phases, objectives, targets, tasks, budget lines and amounts,
reporting duties), legal documents and units.

Every write is keyword-only, runs in a transaction and records an audit row. The rules a part must
follow live here, once, in the ``*_check`` functions: forms call them to show errors next to the
fields, and the services call them again so that no other caller can skip them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from accounts import access
from accounts.audit import audit_record, diff, snapshot
from accounts.models import AuditEntry

from .models import (
    BudgetAmount,
    BudgetLine,
    LegalDocument,
    Phase,
    Plan,
    PlanLegalBasis,
    ReportingDuty,
    Target,
    Task,
    Unit,
)
from .tasktable import ParsedTable, is_group_number, parse_task_table
from .timeframes import Timeframe, parse_timeframe

M = TypeVar("M", bound=models.Model)
Action = AuditEntry.Action
PERCENT_MEASURES = (Target.Measure.PERCENTAGE, Target.Measure.SHARE)
DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


# --- Rules --------------------------------------------------------------------------------------------------


class Errors:
    """Collects {field: [messages]} and raises them together as one ValidationError."""

    def __init__(self) -> None:
        self.by_field: dict[str, list[str]] = {}

    def add(self, field: str, message: str) -> None:
        self.by_field.setdefault(field, []).append(message)

    def raise_if_any(self) -> None:
        if self.by_field:
            raise ValidationError(self.by_field)


def plan_period_check(*, plan: Plan | None, start_year: int | None, end_year: int | None) -> dict[str, Any]:
    """A plan's period: ordered, and still holding its phases, tasks and budget years when changed.

    Returns what else changes with the period: the only phase, when it covered the old period, moves with
    it; annual tasks take the new period.
    """
    errors = Errors()
    if start_year is None or end_year is None:
        return {}
    if end_year < start_year:
        errors.add("end_year", _("The plan cannot end before it starts."))
        errors.raise_if_any()
    if plan is None or plan.pk is None or (plan.start_year, plan.end_year) == (start_year, end_year):
        return {}
    phases = list(plan.phases.all())
    moving = None
    if len(phases) == 1 and (phases[0].start_year, phases[0].end_year) == (plan.start_year, plan.end_year):
        moving = phases[0]
    for phase in phases:
        if phase is not moving and (phase.start_year < start_year or phase.end_year > end_year):
            errors.add(
                "end_year" if phase.end_year > end_year else "start_year",
                _("The phase “%(phase)s” lies outside %(first)s-%(last)s: change or delete it first.")
                % {"phase": phase, "first": start_year, "last": end_year},
            )
    outside = [
        task
        for task in plan.tasks.filter(is_annual=False, first_year__isnull=False)
        if task.first_year < start_year or task.last_year > end_year
    ]
    if outside:
        errors.add(
            "end_year",
            _("%(count)s tasks have timeframes outside %(first)s-%(last)s (first: “%(task)s”): change them first.")
            % {"count": len(outside), "first": start_year, "last": end_year, "task": outside[0]},
        )
    years = BudgetAmount.objects.filter(line__plan=plan).exclude(year__range=(start_year, end_year))
    if years.exists():
        errors.add(
            "end_year",
            _("Budget amounts are planned for years outside %(first)s-%(last)s: change them first.")
            % {"first": start_year, "last": end_year},
        )
    errors.raise_if_any()
    return {"moving_phase": moving}


def _period_errors(errors: Errors, plan: Plan, field: str, start: int, end: int) -> None:
    if start < plan.start_year or end > plan.end_year:
        errors.add(
            field,
            _("Must lie inside the plan period %(first)s-%(last)s.")
            % {"first": plan.start_year, "last": plan.end_year},
        )


def phase_check(*, plan: Plan, instance: Phase | None, data: dict[str, Any]) -> dict[str, Any]:
    """Phases lie inside the plan period and do not overlap."""
    start, end = data.get("start_year"), data.get("end_year")
    if start is None or end is None:
        return {}
    errors = Errors()
    if end < start:
        errors.add("end_year", _("The phase cannot end before it starts."))
        errors.raise_if_any()
    _period_errors(errors, plan, "start_year" if start < plan.start_year else "end_year", start, end)
    others = plan.phases.exclude(pk=instance.pk) if instance and instance.pk else plan.phases.all()
    for other in others:
        if other.start_year <= end and start <= other.end_year:
            errors.add("start_year", _("The phase overlaps “%(phase)s”.") % {"phase": other})
    errors.raise_if_any()
    return {}


def target_check(*, plan: Plan, instance: Target | None, data: dict[str, Any]) -> dict[str, Any]:
    """A target's numbers fit its comparator: none without a number, two for a range, one otherwise."""
    errors = Errors()
    phase = data.get("phase")
    if phase is not None and phase.plan_id != plan.pk:
        errors.add("phase", _("Choose a phase of this plan."))
    comparator = data.get("comparator")
    low, high = data.get("value_min"), data.get("value_max")
    if comparator == Target.Comparator.QUALITATIVE:
        if low is not None:
            errors.add("value_min", _("A target with no number takes no value."))
        if high is not None:
            errors.add("value_max", _("A target with no number takes no value."))
    elif comparator == Target.Comparator.RANGE:
        if low is None:
            errors.add("value_min", _("A range needs its lower bound."))
        if high is None:
            errors.add("value_max", _("A range needs its upper bound (for “10-20”, enter 10 and 20)."))
        elif low is not None and high < low:
            errors.add("value_max", _("The upper bound must not be below the lower bound."))
    elif comparator:
        if low is None:
            errors.add("value_min", _("Enter the target's value."))
        if high is not None:
            errors.add("value_max", _("Only a range (from … to …) takes an upper bound."))
    for name, value in (("value_min", low), ("value_max", high)):
        if value is None:
            continue
        if value < 0:
            errors.add(name, _("The value cannot be negative."))
        elif data.get("measure") in PERCENT_MEASURES and value > 100:
            errors.add(name, _("A percentage cannot exceed 100."))
    errors.raise_if_any()
    return {}


def _unit_allowed(plan: Plan, unit: Unit) -> bool:
    return unit.province_id in (None, plan.province_id)


def task_check(*, plan: Plan, instance: Task | None, data: dict[str, Any]) -> dict[str, Any]:
    """Groups (I, II, ...) hold tasks; a task has a lead unit; units belong to the province or the nation;
    the timeframe is one the plan period holds. Returns the timeframe's parsed fields."""
    errors = Errors()
    number = (data.get("number") or "").strip()
    holds_tasks = bool(instance is not None and instance.pk and instance.children.exists())
    is_group = bool(data.get("is_group")) or is_group_number(number) or holds_tasks
    parent: Task | None = data.get("parent")
    if parent is not None:
        if parent.plan_id != plan.pk or (instance is not None and instance.pk and parent.pk == instance.pk):
            errors.add("parent", _("Choose a group row of this plan."))
        elif not parent.is_group:
            errors.add("parent", _("Only a group row can hold tasks."))
        elif is_group:
            errors.add("parent", _("A group row cannot be inside another group."))
    lead = data.get("lead_unit")
    if lead is None and not is_group:
        errors.add("lead_unit", _("A task needs a lead unit."))
    elif lead is not None and not _unit_allowed(plan, lead):
        errors.add("lead_unit", _("Choose a unit of this province or a national unit."))
    if any(not _unit_allowed(plan, unit) for unit in data.get("coordinating_units") or ()):
        errors.add("coordinating_units", _("Choose units of this province or national units."))
    timeframe: Timeframe | None = None
    try:
        timeframe = parse_timeframe(data.get("timeframe") or "", period=(plan.start_year, plan.end_year))
    except ValidationError as exc:
        for message in exc.messages:
            errors.add("timeframe", message)
    errors.raise_if_any()
    return {"number": number, "is_group": is_group, **timeframe_fields(timeframe)}


def timeframe_fields(timeframe: Timeframe | None) -> dict[str, Any]:
    """The Task fields a parsed timeframe fills."""
    if timeframe is None:
        return {"timeframe": "", "is_annual": False, "timeframe_spans": [], "first_year": None, "last_year": None}
    return {
        "timeframe": timeframe.text,
        "is_annual": timeframe.is_annual,
        "timeframe_spans": [list(span) for span in timeframe.spans],
        "first_year": timeframe.first_year,
        "last_year": timeframe.last_year,
    }


def budget_line_check(*, plan: Plan, instance: BudgetLine | None, data: dict[str, Any]) -> dict[str, Any]:
    """Headings are top-level lines; a line goes under a heading of the same plan; a rate needs an
    estimate, and a heading with lines under it takes no rate (it sums them)."""
    errors = Errors()
    parent: BudgetLine | None = data.get("parent")
    has_children = bool(instance is not None and instance.pk and instance.children.exists())
    if parent is not None:
        if parent.plan_id != plan.pk or (instance is not None and instance.pk and parent.pk == instance.pk):
            errors.add("parent", _("Choose a heading of this plan."))
        elif parent.parent_id is not None:
            errors.add("parent", _("A heading is a top-level line: this line is itself under a heading."))
        elif has_children:
            errors.add("parent", _("This line is a heading with lines under it: it cannot go under another heading."))
    rate = data.get("support_rate")
    if rate is not None:
        if has_children:
            errors.add("support_rate", _("A heading sums the lines under it and takes no support rate."))
        elif data.get("estimate") is None:
            errors.add("estimate", _("Enter the estimate the support rate applies to."))
    errors.raise_if_any()
    return {}


def budget_amount_check(*, plan: Plan, instance: BudgetAmount | None, data: dict[str, Any]) -> dict[str, Any]:
    """An amount is planned for a year of the plan, once per line, year and source."""
    errors = Errors()
    line, year, source = data.get("line"), data.get("year"), data.get("source")
    if line is not None and line.plan_id != plan.pk:
        errors.add("line", _("Choose a budget line of this plan."))
    if year is not None:
        _period_errors(errors, plan, "year", year, year)
    if line is not None and year is not None and source:
        clash = BudgetAmount.objects.filter(line=line, year=year, source=source)
        if instance is not None and instance.pk:
            clash = clash.exclude(pk=instance.pk)
        if clash.exists():
            errors.add("source", _("This line already has an amount for %(year)s from this source.") % {"year": year})
    errors.raise_if_any()
    return {}


def reporting_duty_check(*, plan: Plan, instance: ReportingDuty | None, data: dict[str, Any]) -> dict[str, Any]:
    """A due date is a real day of the year; a day needs its month."""
    errors = Errors()
    day, month = data.get("due_day"), data.get("due_month")
    if day and not month:
        errors.add("due_month", _("Give the month of the due day."))
    elif day and month and day > DAYS_IN_MONTH[month - 1]:
        errors.add("due_day", _("Month %(month)s has no day %(day)s.") % {"month": month, "day": day})
    year = data.get("year")
    if year is not None and not 2000 <= year <= 2100:
        errors.add("year", _("Enter a year between 2000 and 2100."))
    errors.raise_if_any()
    return {}


CHILD_RULES: dict[type[models.Model], Callable[..., dict[str, Any]]] = {
    Phase: phase_check,
    Target: target_check,
    Task: task_check,
    BudgetLine: budget_line_check,
    BudgetAmount: budget_amount_check,
    ReportingDuty: reporting_duty_check,
}


def plan_child_check(
    *, plan: Plan, model: type[models.Model], data: dict[str, Any], instance: models.Model | None = None
) -> dict[str, Any]:
    """Check a plan's part against its rules; raise ValidationError({field: [...]}) or return the values
    the rules derive (a task's parsed timeframe)."""
    rule = CHILD_RULES.get(model)
    return rule(plan=plan, instance=instance, data=data) if rule else {}


def _delete_check(child: models.Model) -> None:
    if isinstance(child, Phase) and child.plan.phases.count() <= 1:
        raise ValidationError(_("A plan keeps at least one phase: change this phase instead of deleting it."))


# --- Plan parts: one generic create / update / delete ----------------------------------------------------


def plan_of(child: models.Model) -> Plan:
    """The plan a part belongs to (budget amounts through their line)."""
    return child.line.plan if isinstance(child, BudgetAmount) else child.plan


def _split(model: type[models.Model], values: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    m2m_names = {f.name for f in model._meta.many_to_many}
    fields = {k: v for k, v in values.items() if k not in m2m_names}
    m2m = {k: v for k, v in values.items() if k in m2m_names}
    return fields, m2m


def _next_position(plan: Plan, model: type[models.Model]) -> int:
    if model is BudgetAmount or not any(f.name == "position" for f in model._meta.fields):
        return 0
    top = model._default_manager.filter(plan=plan).aggregate(top=Max("position"))["top"]
    return 0 if top is None else top + 1


@transaction.atomic
def plan_child_create(*, plan: Plan, by, model: type[M], data: dict[str, Any]) -> M:
    """Add a part to a plan: a phase, objective, target, task, budget line or amount, reporting duty."""
    values = {**data, **plan_child_check(plan=plan, model=model, data=data)}
    fields, m2m = _split(model, values)
    if "position" in fields and fields["position"] is None:
        fields["position"] = _next_position(plan, model)
    instance = model(**fields)
    if model is not BudgetAmount:
        instance.plan = plan
    instance.save()
    for name, objects in m2m.items():
        getattr(instance, name).set(objects)
    audit_record(
        actor=by, action=Action.CREATE, instance=instance, changes=snapshot(instance), province_id=plan.province_id
    )
    return instance


@transaction.atomic
def plan_child_update(*, child: M, by, data: dict[str, Any]) -> M:
    """Change a part of a plan."""
    plan = plan_of(child)
    values = {**data, **plan_child_check(plan=plan, model=type(child), data=data, instance=child)}
    fields, m2m = _split(type(child), values)
    if "position" in fields and fields["position"] is None:
        fields.pop("position")
    before = snapshot(child)
    for name, value in fields.items():
        setattr(child, name, value)
    child.save()
    for name, objects in m2m.items():
        getattr(child, name).set(objects)
    audit_record(
        actor=by,
        action=Action.UPDATE,
        instance=child,
        changes=diff(before, snapshot(child)),
        province_id=plan.province_id,
    )
    return child


@transaction.atomic
def plan_child_delete(*, child: models.Model, by) -> None:
    """Delete a part of a plan, with what hangs on it (a group's tasks, a heading's lines, a phase's targets)."""
    from .selectors import deletion_effects

    plan = plan_of(child)
    _delete_check(child)
    also = ", ".join(f"{count} {name}" for name, count in deletion_effects(child))
    audit_record(
        actor=by,
        action=Action.DELETE,
        instance=child,
        changes=snapshot(child),
        province_id=plan.province_id,
        comment=_("Also deleted: %(items)s") % {"items": also} if also else "",
    )
    child.delete()


# --- Plans ------------------------------------------------------------------------------------------------


def default_phase_name(start_year: int, end_year: int) -> str:
    return _("Phase %(first)s-%(last)s") % {"first": start_year, "last": end_year}


def _set_legal_basis(plan: Plan, documents: Sequence[LegalDocument]) -> None:
    """Keep the order of documents already cited; append new ones in the order given."""
    wanted = {doc.pk for doc in documents}
    plan.basis_links.exclude(document_id__in=wanted).delete()
    existing = set(plan.basis_links.values_list("document_id", flat=True))
    top = plan.basis_links.aggregate(top=Max("position"))["top"]
    position = -1 if top is None else top
    for doc in documents:
        if doc.pk not in existing:
            position += 1
            PlanLegalBasis.objects.create(plan=plan, document=doc, position=position)


@transaction.atomic
def plan_create(*, by, data: dict[str, Any], legal_basis: Sequence[LegalDocument] = ()) -> Plan:
    """Create a plan in a province the person may add plans to, with one phase covering its period."""
    province = data["province"]
    if not access.can_in_province(by, "plan.add", province.pk):
        raise PermissionDenied(_("You may not add plans in this province."))
    plan_period_check(plan=None, start_year=data["start_year"], end_year=data["end_year"])
    plan = Plan.objects.create(**data)
    Phase.objects.create(
        plan=plan,
        name=default_phase_name(plan.start_year, plan.end_year),
        start_year=plan.start_year,
        end_year=plan.end_year,
    )
    _set_legal_basis(plan, legal_basis)
    audit_record(actor=by, action=Action.CREATE, instance=plan, changes=snapshot(plan), province_id=plan.province_id)
    return plan


@transaction.atomic
def plan_update(*, plan: Plan, by, data: dict[str, Any], legal_basis: Sequence[LegalDocument] | None = None) -> Plan:
    """Change a plan. Its province stays; a new period must still hold its phases, tasks and budget years."""
    data = {k: v for k, v in data.items() if k != "province"}
    start, end = data.get("start_year", plan.start_year), data.get("end_year", plan.end_year)
    effects = plan_period_check(plan=plan, start_year=start, end_year=end)
    before = snapshot(plan)
    for name, value in data.items():
        setattr(plan, name, value)
    plan.save()
    moving: Phase | None = effects.get("moving_phase")
    if moving is not None:
        rename = moving.name == default_phase_name(moving.start_year, moving.end_year)
        moving.start_year, moving.end_year = start, end
        if rename:
            moving.name = default_phase_name(start, end)
        moving.save()
    if effects:
        plan.tasks.filter(is_annual=True).update(timeframe_spans=[[start, end]], first_year=start, last_year=end)
    if legal_basis is not None:
        _set_legal_basis(plan, legal_basis)
    audit_record(
        actor=by,
        action=Action.UPDATE,
        instance=plan,
        changes=diff(before, snapshot(plan)),
        province_id=plan.province_id,
    )
    return plan


# --- Task tables pasted from Word -------------------------------------------------------------------------


class TaskTableError(ValidationError):
    """The pasted table has errors; nothing was saved. ``table`` holds every row with its errors."""

    def __init__(self, table: ParsedTable):
        super().__init__(_("The table has %(count)s errors: nothing was saved.") % {"count": table.error_count})
        self.table = table


def task_table_parse(*, plan: Plan, text: str) -> ParsedTable:
    from .selectors import units_for_matching

    return parse_task_table(text, units=units_for_matching(plan), period=(plan.start_year, plan.end_year))


@transaction.atomic
def task_table_import(*, plan: Plan, by, text: str) -> list[Task]:
    """Append the rows of a pasted task table to the plan's tasks, all or none: refused while any row
    has an error."""
    table = task_table_parse(plan=plan, text=text)
    if table.has_errors:
        raise TaskTableError(table)
    position = _next_position(plan, Task)
    created: list[Task] = []
    for offset, row in enumerate(table.rows):
        task = Task.objects.create(
            plan=plan,
            parent=created[row.group_index] if row.group_index is not None else None,
            position=position + offset,
            number=row.number,
            is_group=row.is_group,
            content=row.content,
            lead_unit=row.lead_unit,
            coordinating_text=row.coordinating_text,
            expected_output=row.expected_output,
            notes=row.notes,
            **timeframe_fields(row.timeframe),
        )
        task.coordinating_units.set(row.coordinating_units)
        created.append(task)
        audit_record(
            actor=by,
            action=Action.IMPORT,
            instance=task,
            changes=snapshot(task),
            province_id=plan.province_id,
            comment=_("Pasted task table"),
        )
    return created


# --- Legal documents and units ---------------------------------------------------------------------------


@transaction.atomic
def legal_document_create(*, by, data: dict[str, Any]) -> LegalDocument:
    document = LegalDocument.objects.create(**data)
    audit_record(actor=by, action=Action.CREATE, instance=document, changes=snapshot(document))
    return document


def clean_aliases(text: str) -> str:
    """Other names one per line: trimmed, without blank lines or repeats."""
    seen: list[str] = []
    for line in (text or "").splitlines():
        name = " ".join(line.split())
        if name and name not in seen:
            seen.append(name)
    return "\n".join(seen)


def unit_check(*, province_id: int | None, name: str, instance: Unit | None = None) -> None:
    clash = Unit.objects.filter(province_id=province_id, name__iexact=name.strip())
    if instance is not None and instance.pk:
        clash = clash.exclude(pk=instance.pk)
    if clash.exists():
        raise ValidationError({"name": [_("This province already has a unit with this name.")]})


@transaction.atomic
def unit_create(*, by, data: dict[str, Any]) -> Unit:
    province = data.get("province")
    allowed = access.province_ids(by, "unit.change")
    if allowed is not None and (province is None or province.pk not in allowed):
        raise PermissionDenied(_("You may not add units in this province."))
    unit_check(province_id=province.pk if province else None, name=data["name"])
    unit = Unit.objects.create(**{**data, "aliases": clean_aliases(data.get("aliases", ""))})
    audit_record(actor=by, action=Action.CREATE, instance=unit, changes=snapshot(unit), province_id=unit.province_id)
    return unit


@transaction.atomic
def unit_update(*, unit: Unit, by, data: dict[str, Any]) -> Unit:
    """Change a unit's names and kind; its province stays."""
    data = {k: v for k, v in data.items() if k != "province"}
    if "name" in data:
        unit_check(province_id=unit.province_id, name=data["name"], instance=unit)
    if "aliases" in data:
        data["aliases"] = clean_aliases(data["aliases"])
    before = snapshot(unit)
    for name, value in data.items():
        setattr(unit, name, value)
    unit.save()
    audit_record(
        actor=by,
        action=Action.UPDATE,
        instance=unit,
        changes=diff(before, snapshot(unit)),
        province_id=unit.province_id,
    )
    return unit
