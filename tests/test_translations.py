"""The Vietnamese the portal shows is the project's own: no catalogue of Django or of a library overrides it."""

from __future__ import annotations

from pathlib import Path

import polib
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext, pgettext

CATALOGUES = [Path(p) / "vi" / "LC_MESSAGES" / "django.po" for p in settings.LOCALE_PATHS]


def test_every_app_catalogue_is_in_locale_paths():
    found = {p.resolve() for p in settings.BASE_DIR.glob("*/locale/vi/LC_MESSAGES/django.po") if ".venv" not in p.parts}
    found |= {(settings.BASE_DIR / "locale/vi/LC_MESSAGES/django.po").resolve()}
    assert found == {p.resolve() for p in CATALOGUES}


def test_each_project_translation_is_the_one_shown():
    overridden = []
    with translation.override("vi"):
        for path in CATALOGUES:
            for entry in polib.pofile(str(path)).translated_entries():
                if entry.msgid_plural:
                    continue
                shown = pgettext(entry.msgctxt, entry.msgid) if entry.msgctxt else gettext(entry.msgid)
                if shown != entry.msgstr:
                    overridden.append((path.parts[-5], entry.msgid, entry.msgstr, shown))
    assert overridden == []


def test_the_enterprise_history_heading_is_history_not_a_memo():
    """Django's admin catalogue translates "History" as "Bản ghi nhớ" (a memo); the portal says "Lịch sử"."""
    with translation.override("vi"):
        assert gettext("History") == "Lịch sử"
        assert gettext("Add") == "Thêm"
