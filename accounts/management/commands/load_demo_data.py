from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import import_string


class Command(BaseCommand):
    help = "Load the demo data (seed plans, demo accounts for every role, ...). Idempotent; demo mode only."

    def handle(self, *args, **options):
        if not settings.DEMO_MODE:
            raise CommandError("Demo data is refused outside demo mode (NSCL_DEMO_MODE is off).")
        for path in settings.DEMO_DATA_LOADERS:
            with transaction.atomic():
                summary = import_string(path)()
            self.stdout.write(f"{path}: {summary}")
