"""Audit rows: every service that changes data records who changed what, in the same transaction."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import AuditEntry


def _plain(value: Any) -> Any:
    """A JSON-safe rendering of a field value."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return str(value)


def snapshot(instance: models.Model, fields: list[str] | None = None) -> dict[str, Any]:
    """Field values of a saved or unsaved instance, for comparing before and after a change.
    Many-to-many fields are included for saved instances."""
    values: dict[str, Any] = {}
    for f in instance._meta.concrete_fields:
        if f.primary_key or (fields and f.name not in fields):
            continue
        values[f.name] = _plain(f.value_from_object(instance))
    if instance.pk:
        for f in instance._meta.many_to_many:
            if fields and f.name not in fields:
                continue
            values[f.name] = sorted(str(o) for o in getattr(instance, f.name).all())
    return values


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [old, new]} for the fields whose value changed."""
    return {name: [before.get(name), value] for name, value in after.items() if before.get(name) != value}


def audit_entry(
    *,
    actor,
    action: str,
    instance: models.Model,
    changes: dict | None = None,
    comment: str = "",
    province_id: int | None = None,
) -> AuditEntry:
    """The audit row for ``instance``, not saved yet (for ``AuditEntry.objects.bulk_create`` in bulk paths)."""
    return AuditEntry(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        content_type=ContentType.objects.get_for_model(instance, for_concrete_model=True),
        object_id=str(instance.pk),
        object_repr=str(instance)[:300],
        province_id=province_id,
        changes=changes or {},
        comment=comment,
    )


def audit_record(
    *,
    actor,
    action: str,
    instance: models.Model,
    changes: dict | None = None,
    comment: str = "",
    province_id: int | None = None,
) -> AuditEntry:
    """Write one audit row for ``instance``. Call it inside the transaction of the change."""
    entry = audit_entry(
        actor=actor, action=action, instance=instance, changes=changes, comment=comment, province_id=province_id
    )
    entry.save(force_insert=True)
    return entry


def history_for(instance: models.Model):
    """Audit rows about one object, newest first, with the actor loaded."""
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(instance, for_concrete_model=True),
        object_id=str(instance.pk),
    ).select_related("actor")
