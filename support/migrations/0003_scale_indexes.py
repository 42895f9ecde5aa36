"""Indexes for national scale (docs/performance.md): every order of the applications' queue and of the API walks an
index and stops after a page. On PostgreSQL also extended statistics on (status, budget_year), which depend on each
other (paid applications are mostly of past years), so that the planner estimates a filter on both correctly."""

from django.conf import settings
from django.db import migrations, models


def statistics(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE STATISTICS IF NOT EXISTS application_status_year_stats (mcv, dependencies) "
            "ON status, budget_year FROM support_application"
        )


def drop_statistics(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP STATISTICS IF EXISTS application_status_year_stats")


class Migration(migrations.Migration):

    dependencies = [
        ('enterprises', '0003_scale_indexes'),
        ('plans', '0006_activities_progress'),
        ('support', '0002_categories'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name='application',
            index=models.Index(fields=['submitted_at', 'id'], name='application_submitted_idx'),
        ),
        migrations.AddIndex(
            model_name='application',
            index=models.Index(fields=['created_at', 'id'], name='application_created_idx'),
        ),
        migrations.AddIndex(
            model_name='application',
            index=models.Index(fields=['max_support', 'id'], name='application_max_support_idx'),
        ),
        migrations.AddIndex(
            model_name='application',
            index=models.Index(fields=['budget_year', 'id'], name='application_year_id_idx'),
        ),
        migrations.AddIndex(
            model_name='application',
            index=models.Index(fields=['status', '-id'], name='application_status_id_idx'),
        ),
        migrations.AddIndex(
            model_name='application',
            index=models.Index(fields=['status', 'submitted_at', 'id'], name='application_status_sub_idx'),
        ),
        migrations.AddIndex(
            model_name='application',
            index=models.Index(fields=['budget_year', 'submitted_at', 'id'], name='application_year_sub_idx'),
        ),
        migrations.RunPython(statistics, drop_statistics, elidable=False),
    ]
