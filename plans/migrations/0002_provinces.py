from django.db import migrations


def load_provinces(apps, schema_editor):
    from plans.reference import provinces_sync

    provinces_sync(apps.get_model("plans", "Province"))


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]

    operations = [migrations.RunPython(load_provinces, migrations.RunPython.noop)]
