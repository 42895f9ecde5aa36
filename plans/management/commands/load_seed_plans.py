from django.core.management.base import BaseCommand, CommandError

from plans.seeding import SeedDataError, seed_plans_load


class Command(BaseCommand):
    help = (
        "Load the five provincial seed plans (plans/seed_data/*.json) with their units, legal documents and "
        "indicators. Idempotent: plans that exist are left as they are unless --reset."
    )

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="Delete and rebuild the seed plans that exist.")
        parser.add_argument("--directory", help="Read the seed files from this folder instead of plans/seed_data.")

    def handle(self, *args, reset: bool = False, directory: str | None = None, **options):
        try:
            summary = seed_plans_load(reset=reset, directory=directory)
        except SeedDataError as exc:
            raise CommandError(f"Seed data refused, nothing was written: {exc}") from exc
        self.stdout.write(summary)
