"""Reference data shipped with the project: the 63 provinces and the 34 after the 2025 merger."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

PROVINCES_CSV = Path(__file__).resolve().parent / "data" / "provinces.csv"


def _date(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def provinces_sync(province_model=None) -> int:
    """Create or update every province of ``data/provinces.csv`` by key; idempotent.

    ``province_model`` lets a data migration pass its historical model. Returns the number of rows.
    """
    if province_model is None:
        from .models import Province as province_model  # noqa: N813
    with PROVINCES_CSV.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    by_key = {}
    for row in rows:
        obj, _created = province_model.objects.update_or_create(
            key=row["key"],
            defaults={
                "gso_code": row["gso_code"],
                "name": row["name"],
                "kind": row["kind"],
                "valid_from": _date(row["valid_from"]),
                "valid_to": _date(row["valid_to"]),
                "note": row["note"],
            },
        )
        by_key[row["key"]] = obj
    for row in rows:
        successor = by_key[row["successor_key"]] if row["successor_key"] else None
        obj = by_key[row["key"]]
        if obj.successor_id != (successor.pk if successor else None):
            obj.successor = successor
            obj.save(update_fields=["successor"])
    return len(rows)
