"""Indexes for national scale (docs/performance.md): the lists ordered by name walk ``enterprise_name_idx``; on
PostgreSQL, searches by a part of a name (``icontains``: ``UPPER(name) LIKE '%…%'``) use trigram indexes (pg_trgm,
a trusted extension that the database owner may create). Other databases get the B-tree index only."""

from django.conf import settings
from django.db import migrations, models

# (index name, column): the columns the enterprise search looks in, each as UPPER(column) as Django's icontains
# writes it on PostgreSQL. All of them are needed for the search's OR to use the indexes.
TRIGRAM_INDEXES = (
    ("enterprise_name_trgm", "name"),
    ("enterprise_short_name_trgm", "short_name"),
    ("enterprise_english_name_trgm", "english_name"),
)


def trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, column in TRIGRAM_INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON enterprises_enterprise "
            f"USING gin (UPPER({column}::text) gin_trgm_ops)"
        )


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _column in TRIGRAM_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("enterprises", "0002_sectors"),
        ("plans", "0006_activities_progress"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="enterprise",
            index=models.Index(fields=["name", "id"], name="enterprise_name_idx"),
        ),
        migrations.RunPython(trigram_indexes, drop_trigram_indexes, elidable=False),
    ]
