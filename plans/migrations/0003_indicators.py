"""The national indicator catalogue (plans/data/indicators.json), kept in sync later by load_seed_plans."""

import json
from pathlib import Path

from django.db import migrations

CATALOGUE = Path(__file__).resolve().parent.parent / "data" / "indicators.json"
FIELDS = ("name", "unit", "source", "computation", "parameter", "description")


def load_indicators(apps, schema_editor):
    indicator = apps.get_model("plans", "Indicator")
    for row in json.loads(CATALOGUE.read_text(encoding="utf-8")):
        indicator.objects.update_or_create(code=row["code"], defaults={name: row[name] for name in FIELDS})


class Migration(migrations.Migration):
    dependencies = [("plans", "0002_provinces")]

    operations = [migrations.RunPython(load_indicators, migrations.RunPython.noop)]
