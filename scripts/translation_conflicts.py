#!/usr/bin/env python
"""List msgids translated differently in two Vietnamese catalogues. Django uses the first catalogue that
has a msgid (LOCALE_PATHS, then the apps in INSTALLED_APPS order), so a conflict means some page shows
a wording its author did not choose."""

import sys
from collections import defaultdict
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
ORDER = ["locale", "accounts", "plans", "enterprises", "support", "reporting"]


def django_catalogues() -> list[Path]:
    """Django's own Vietnamese catalogues: ours must not re-translate what Django already translates."""
    import django

    base = Path(django.__file__).resolve().parent
    return [
        base / "conf/locale/vi/LC_MESSAGES/django.po",
        *sorted(base.glob("contrib/*/locale/vi/LC_MESSAGES/django.po")),
    ]


def main() -> int:
    seen: dict[tuple[str | None, str], dict[str, str]] = defaultdict(dict)
    for name in ORDER:
        path = (
            ROOT / name / "locale/vi/LC_MESSAGES/django.po"
            if name != "locale"
            else ROOT / "locale/vi/LC_MESSAGES/django.po"
        )
        if not path.exists():
            continue
        for entry in polib.pofile(str(path)).translated_entries():
            seen[(entry.msgctxt, entry.msgid)][name] = entry.msgstr or str(entry.msgstr_plural.get(0, ""))
    for path in django_catalogues():
        for entry in polib.pofile(str(path)).translated_entries():
            key = (entry.msgctxt, entry.msgid)
            if key in seen:
                seen[key]["django"] = entry.msgstr or str(entry.msgstr_plural.get(0, ""))

    def ours(versions: dict[str, str]) -> dict[str, str]:
        return {k: v for k, v in versions.items() if k != "django"}

    conflicts = {key: v for key, v in seen.items() if len(set(ours(v).values())) > 1}
    overrides = {
        key: v
        for key, v in seen.items()
        if "django" in v and key not in conflicts and {x.lower() for x in v.values()} != {v["django"].lower()}
    }
    for (_ctx, msgid), versions in sorted(overrides.items(), key=lambda kv: kv[0][1]) if "-v" in sys.argv else []:
        print(f"note: re-translates Django's {msgid!r}: " + " | ".join(f"{k}: {v!r}" for k, v in versions.items()))
    for (ctx, msgid), versions in sorted(conflicts.items(), key=lambda kv: kv[0][1]):
        print(f"{msgid!r}{f' [{ctx}]' if ctx else ''}: " + " | ".join(f"{k}: {v!r}" for k, v in versions.items()))
    print(f"{len(conflicts)} conflicting msgids")
    return 1 if conflicts else 0


if __name__ == "__main__":
    sys.exit(main())
