"""Writes for what was done under a plan: activities, the progress of tasks, indicator values entered with their
source. Keyword-only, in a transaction, each with an audit row. The ``*_check`` functions hold the rules:
forms call them to show errors next to the fields, the services call them again so no caller can skip them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import access
from accounts.audit import audit_record, diff, snapshot
from accounts.models import AuditEntry

from .models import Activity, Indicator, IndicatorValue, Plan, Task, TaskProgress, Unit

Action = AuditEntry.Action

ACTIVITY_FIELDS = (
    "task",
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
)
COUNT_FIELDS = ("participants", "person_times", "experts_trained", "experts_certified", "enterprises")
COST_FIELDS = ("cost_state_central", "cost_state_local", "cost_enterprise", "cost_other")


class Errors:
    """Collects {field: [messages]} and raises them together as one ValidationError."""

    def __init__(self) -> None:
        self.by_field: dict[str, list[str]] = {}

    def add(self, field: str, message: str) -> None:
        self.by_field.setdefault(field, []).append(message)

    def raise_if_any(self) -> None:
        if self.by_field:
            raise ValidationError(self.by_field)


def _in_plan_period(errors: Errors, plan: Plan, field: str, year: int) -> None:
    if not plan.start_year <= year <= plan.end_year:
        errors.add(
            field,
            _("Must lie inside the plan period %(first)s-%(last)s.")
            % {"first": plan.start_year, "last": plan.end_year},
        )


# --- Activities -----------------------------------------------------------------------------------------------


def activity_check(*, plan: Plan, data: dict[str, Any]) -> dict[str, Any]:
    """An activity of the plan's period, on a task of the plan; a communication product says its type (and only
    it does); person-times cover the participants (left empty: one time each). Returns the values to save."""
    errors = Errors()
    values = {name: data.get(name) for name in ACTIVITY_FIELDS if name in data}
    task: Task | None = values.get("task")
    if task is not None and task.plan_id != plan.pk:
        errors.add("task", _("Choose a task of this plan."))
    kind = values.get("kind")
    if kind == Activity.Kind.COMMUNICATION and not values.get("communication_type"):
        errors.add("communication_type", _("Say what kind of communication product this is."))
    elif kind and kind != Activity.Kind.COMMUNICATION and values.get("communication_type"):
        errors.add("communication_type", _("Only communication products have a type of product."))
    start, end = values.get("start_date"), values.get("end_date")
    if start is not None:
        _in_plan_period(errors, plan, "start_date", start.year)
        if end is not None and end < start:
            errors.add("end_date", _("The activity cannot end before it starts."))
    for name in (*COUNT_FIELDS, *COST_FIELDS):
        value = values.get(name)
        if value is not None and value < 0:
            errors.add(name, _("The number cannot be negative."))
    quantity = values.get("quantity")
    if quantity is not None and quantity < 1:
        errors.add("quantity", _("The quantity is at least 1."))
    if values.get("person_times") is None and "participants" in values:
        values["person_times"] = values.get("participants") or 0
    participants, person_times = values.get("participants") or 0, values.get("person_times") or 0
    if person_times < participants:
        errors.add("person_times", _("Person-times cannot be fewer than the participants."))
    errors.raise_if_any()
    for name in (*COUNT_FIELDS, *COST_FIELDS):
        if name in values and values[name] is None:
            values[name] = 0
    values["communication_type"] = values.get("communication_type") or ""
    values["audience"] = values.get("audience") or Activity.Audience.MIXED
    return values


@transaction.atomic
def activity_create(*, plan: Plan, by, data: dict[str, Any]) -> Activity:
    values = activity_check(plan=plan, data=data)
    activity = Activity.objects.create(plan=plan, recorded_by=by if getattr(by, "pk", None) else None, **values)
    audit_record(
        actor=by, action=Action.CREATE, instance=activity, changes=snapshot(activity), province_id=plan.province_id
    )
    return activity


@transaction.atomic
def activity_update(*, activity: Activity, by, data: dict[str, Any]) -> Activity:
    values = activity_check(plan=activity.plan, data=data)
    before = snapshot(activity)
    for name, value in values.items():
        setattr(activity, name, value)
    activity.save()
    audit_record(
        actor=by,
        action=Action.UPDATE,
        instance=activity,
        changes=diff(before, snapshot(activity)),
        province_id=activity.plan.province_id,
    )
    return activity


@transaction.atomic
def activity_delete(*, activity: Activity, by) -> None:
    audit_record(
        actor=by,
        action=Action.DELETE,
        instance=activity,
        changes=snapshot(activity),
        province_id=activity.plan.province_id,
    )
    activity.delete()


# --- Progress of tasks ----------------------------------------------------------------------------------------


def task_units(task: Task) -> list[Unit]:
    """The units that may report on ``task``: its lead unit and its coordinating units."""
    units = [task.lead_unit] if task.lead_unit_id else []
    units += [u for u in task.coordinating_units.all() if u.pk != task.lead_unit_id]
    return units


def reporting_units_for(user, task: Task) -> tuple[list[Unit], bool]:
    """The units ``user`` may report ``task``'s progress for, and whether they may also report for the
    Department as a whole (no unit): the province's staff may report for any unit of the task or none; a unit
    reporter only for their own units among the task's."""
    units = task_units(task)
    if access.can_in_province(user, "task.report_progress", task.plan.province_id):
        return units, True
    own = access.principal_for(user).unit_ids
    return [u for u in units if u.pk in own], False


def task_progress_check(*, task: Task, by, year: int | None, unit: Unit | None, data: dict[str, Any]) -> None:
    errors = Errors()
    if year is not None:
        _in_plan_period(errors, task.plan, "year", year)
    units, whole = reporting_units_for(by, task)
    if unit is None and not whole:
        errors.add("unit", _("Choose the unit you report for."))
    elif unit is not None and unit.pk not in {u.pk for u in units}:
        errors.add("unit", _("Choose a unit that leads or coordinates this task."))
    status, percent = data.get("status"), data.get("percent_complete")
    if percent is not None and not 0 <= percent <= 100:
        errors.add("percent_complete", _("Enter a percentage from 0 to 100."))
    elif status == TaskProgress.Status.DONE and percent is not None and percent != 100:
        errors.add("percent_complete", _("A task that is done is 100 percent complete."))
    elif status == TaskProgress.Status.NOT_STARTED and percent:
        errors.add("percent_complete", _("A task that has not started is 0 percent complete."))
    errors.raise_if_any()


PROGRESS_FIELDS = ("status", "percent_complete", "results", "difficulties")


@transaction.atomic
def task_progress_save(*, task: Task, by, year: int, unit: Unit | None, data: dict[str, Any]) -> TaskProgress:
    """Report (or correct) the progress of ``task`` in ``year`` for ``unit`` (None: the Department as a whole).
    One report per task, year and unit: reporting again changes it."""
    if not access.can(by, "task.report_progress", task):
        raise PermissionDenied(_("You may not report progress on this task."))
    values = {name: data[name] for name in PROGRESS_FIELDS if name in data}
    if values.get("status") == TaskProgress.Status.DONE and values.get("percent_complete") is None:
        values["percent_complete"] = 100
    task_progress_check(task=task, by=by, year=year, unit=unit, data=values)
    # Reports on one task are serialised by locking the task: two reports at once never make two rows
    # (SQLite cannot enforce the unique constraint when the unit is empty).
    Task.objects.select_for_update().filter(pk=task.pk).values_list("pk", flat=True).first()
    progress = TaskProgress.objects.filter(task=task, year=year, unit=unit).order_by("pk").first()
    reporter = by if getattr(by, "pk", None) else None
    if progress is None:
        progress = TaskProgress.objects.create(
            task=task, year=year, unit=unit, reported_by=reporter, reported_at=timezone.now(), **values
        )
        audit_record(
            actor=by,
            action=Action.CREATE,
            instance=progress,
            changes=snapshot(progress),
            province_id=task.plan.province_id,
        )
        return progress
    before = snapshot(progress)
    for name, value in values.items():
        setattr(progress, name, value)
    progress.reported_by, progress.reported_at = reporter, timezone.now()
    progress.save()
    audit_record(
        actor=by,
        action=Action.UPDATE,
        instance=progress,
        changes=diff(before, snapshot(progress)),
        province_id=task.plan.province_id,
    )
    return progress


# --- Indicator values entered with their source -------------------------------------------------------------


def indicator_value_check(*, plan: Plan, instance: IndicatorValue | None, data: dict[str, Any]) -> None:
    """A value of a manual indicator, for a year of the plan, once per indicator and year, with its source."""
    errors = Errors()
    indicator: Indicator | None = data.get("indicator")
    if indicator is not None and indicator.source != Indicator.Source.MANUAL:
        errors.add("indicator", _("This indicator is computed from the portal's data: it takes no entered value."))
    year = data.get("year")
    if year is not None:
        _in_plan_period(errors, plan, "year", year)
    if "source" in data and not (data.get("source") or "").strip():
        errors.add("source", _("Say where the figure comes from."))
    value = data.get("value")
    if value is not None and indicator is not None:
        unit = indicator.unit.replace(" ", "")
        if unit == "%" and not 0 <= value <= 100:  # a share or percentage; growth rates (%/năm) may be negative
            errors.add("value", _("A percentage lies between 0 and 100."))
        elif "%" not in unit and value < 0:
            errors.add("value", _("The number cannot be negative."))
    if indicator is not None and year is not None:
        clash = IndicatorValue.objects.filter(plan=plan, indicator=indicator, year=year)
        if instance is not None and instance.pk:
            clash = clash.exclude(pk=instance.pk)
        if clash.exists():
            errors.add("year", _("A value for this indicator and year is already entered."))
    errors.raise_if_any()


VALUE_FIELDS = ("indicator", "year", "value", "source", "note")


@transaction.atomic
def indicator_value_create(*, plan: Plan, by, data: dict[str, Any]) -> IndicatorValue:
    values = {name: data.get(name) for name in VALUE_FIELDS if name in data}
    values["source"] = (values.get("source") or "").strip()
    values["note"] = values.get("note") or ""
    indicator_value_check(plan=plan, instance=None, data=values)
    item = IndicatorValue.objects.create(plan=plan, entered_by=by if getattr(by, "pk", None) else None, **values)
    audit_record(actor=by, action=Action.CREATE, instance=item, changes=snapshot(item), province_id=plan.province_id)
    return item


@transaction.atomic
def indicator_value_update(*, item: IndicatorValue, by, data: dict[str, Any]) -> IndicatorValue:
    values = {name: data.get(name) for name in VALUE_FIELDS if name in data}
    if "source" in values:
        values["source"] = (values.get("source") or "").strip()
    if "note" in values:
        values["note"] = values.get("note") or ""
    indicator_value_check(plan=item.plan, instance=item, data={"indicator": item.indicator, **values})
    before = snapshot(item)
    for name, value in values.items():
        setattr(item, name, value)
    item.entered_by = by if getattr(by, "pk", None) else None
    item.entered_at = timezone.now()
    item.save()
    audit_record(
        actor=by,
        action=Action.UPDATE,
        instance=item,
        changes=diff(before, snapshot(item)),
        province_id=item.plan.province_id,
    )
    return item


@transaction.atomic
def indicator_value_delete(*, item: IndicatorValue, by) -> None:
    audit_record(
        actor=by, action=Action.DELETE, instance=item, changes=snapshot(item), province_id=item.plan.province_id
    )
    item.delete()


def default_year(plan: Plan, today: dt.date | None = None) -> int:
    """The year a form proposes: this year when the plan runs, else the plan's last (or first) year."""
    year = (today or timezone.localdate()).year
    return min(max(year, plan.start_year), plan.end_year)
