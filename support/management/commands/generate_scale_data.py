"""``python manage.py generate_scale_data``: national-scale generated data for measuring the portal.

    python manage.py generate_scale_data                       # 63 + 23 provinces, 100,000 enterprises,
                                                               # 300,000 applications, 2021-2026
    python manage.py generate_scale_data --provinces 2 --enterprises 200 --applications 600 --seed 7
    python manage.py generate_scale_data --database-url postgres://postgres@127.0.0.1:5432/nscl_bench

Refuses a database that holds data it did not write, unless ``--force``; replaces its own earlier data.
See ``support.scale`` for what is generated and ``docs/performance.md`` for the benchmarks that use it.
"""

from __future__ import annotations

import datetime as dt
import json

import dj_database_url
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from support import scale


def _years(text: str) -> list[int]:
    years: set[int] = set()
    for raw in text.split(","):
        part = raw.strip()
        if not part:
            continue
        if "-" in part:
            low, high = (int(x) for x in part.split("-", 1))
            years.update(range(low, high + 1))
        else:
            years.add(int(part))
    if not years or min(years) < 2000 or max(years) > 2100:
        raise CommandError("--years: give years such as 2021-2026 or 2021,2022.")
    return sorted(years)


def _provinces(text: str) -> int | list[str] | None:
    text = text.strip()
    if text in ("", "all"):
        return None
    if text.isdigit():
        return int(text)
    return [key.strip() for key in text.split(",") if key.strip()]


class Command(BaseCommand):
    help = "Generate national-scale data (provinces, enterprises, applications in every state, ...) for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument(
            "--provinces",
            default="all",
            help="all (the 63 provinces of 2021-2025 and the 23 formed in 2025), a number N (the first N of "
            "2021-2025 with the provinces they merged into) or province keys separated by commas",
        )
        parser.add_argument("--enterprises", type=int, default=scale.DEFAULT_ENTERPRISES)
        parser.add_argument("--applications", type=int, default=scale.DEFAULT_APPLICATIONS)
        parser.add_argument("--years", default="2021-2026", help="budget years, e.g. 2021-2026 (default)")
        parser.add_argument("--seed", type=int, default=scale.DEFAULT_SEED, help="the same seed gives the same data")
        parser.add_argument("--as-of", help="the last day of the data, YYYY-MM-DD (default: today)")
        parser.add_argument("--database-url", help="write into this database instead of the configured one")
        parser.add_argument("--force", action="store_true", help="add to a database that holds other data")
        parser.add_argument("--json", action="store_true", help="print the result as JSON")

    def handle(self, *args, **options):
        using = "default"
        if options["database_url"]:
            using = "scale"
            connections.databases[using] = {
                **connections.databases["default"],
                **dj_database_url.parse(options["database_url"]),
            }
        if options["enterprises"] < 1 or options["applications"] < 0:
            raise CommandError("--enterprises must be at least 1 and --applications at least 0.")
        as_of = None
        if options["as_of"]:
            try:
                as_of = dt.date.fromisoformat(options["as_of"])
            except ValueError as exc:
                raise CommandError("--as-of: write the date as YYYY-MM-DD.") from exc
        scale_options = scale.ScaleOptions(
            provinces=_provinces(options["provinces"]),
            enterprises=options["enterprises"],
            applications=options["applications"],
            years=_years(options["years"]),
            seed=options["seed"],
            as_of=as_of,
            force=options["force"],
        )
        log = (lambda message: None) if options["json"] else self.stdout.write
        try:
            result = scale.generate(scale_options, using=using, log=log)
        except scale.ScaleError as exc:
            raise CommandError(str(exc)) from exc
        if options["json"]:
            self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
            return
        total = sum(result.counts.values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated {total:,} rows in {result.seconds:.0f} s on {result.database} "
                f"({'replacing earlier generated data' if result.cleared else 'new'})."
            )
        )
        for label, count in sorted(result.counts.items(), key=lambda item: -item[1]):
            self.stdout.write(f"  {label:<40} {count:>12,}")
