"""Vietnamese alphabetical order, for names of provinces, units and enterprises.

The code point order puts "Bình Định" after "Bình Thuận" and every name in Đ- after Y-. Vietnamese orders
its letters a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, and a tone mark counts only between
names that are otherwise the same. :class:`VietnameseCharField` gives a column that order in the database,
so that every ``order_by("name")`` or ``order_by("province__name")`` sorts correctly without being told:
PostgreSQL's ICU collation (``settings.NSCL_PG_COLLATION``, ``vi-x-icu``), and on SQLite a collation of the
same name as this module's :func:`sort_key`, registered on every connection. :func:`sort_key` also sorts in
Python (lists built in memory, PDFs).
"""

from __future__ import annotations

import unicodedata

from django.conf import settings
from django.db import models

SQLITE_COLLATION = "vietnamese"

# The alphabet, with the foreign letters f j w z where the Latin alphabet puts them.
_LETTERS = ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "ô", "ơ"]
_LETTERS += ["p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z"]
_RANK = {letter: i for i, letter in enumerate(_LETTERS)}
# Marks that make a letter (ă â ê ô ơ ư) and the five tones, in the traditional order of the tones:
# huyền, hỏi, ngã, sắc, nặng (ngang, no mark, first).
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def _letters(text: str) -> list[tuple[str, int]]:
    """``text`` as (letter, tone) pairs, the letter with its letter-forming marks recomposed."""
    out: list[tuple[str, int]] = []
    for ch in unicodedata.normalize("NFD", text):
        if ch in _TONES and out:
            out[-1] = (out[-1][0], _TONES[ch])
        elif unicodedata.combining(ch) and out:
            if ch in _LETTER_MARKS:
                out[-1] = (unicodedata.normalize("NFC", out[-1][0] + ch), out[-1][1])
        else:
            out.append((ch, 0))
    return out


def sort_key(text: str | None) -> tuple:
    """A key that sorts Vietnamese names alphabetically: letters first, then tones, then case."""
    pairs = _letters(text or "")
    primary = []
    for letter, _tone in pairs:
        low = letter.lower()
        if low in _RANK:
            primary.append((2, _RANK[low]))
        elif low.isdigit():
            primary.append((1, int(low) if low.isascii() else ord(low)))
        elif low.isalpha():
            primary.append((3, ord(low)))
        else:  # spaces and punctuation sort before letters, as in ICU
            primary.append((0, ord(low)))
    tones = [tone for _letter, tone in pairs]
    case = [letter.isupper() for letter, _tone in pairs]
    return (primary, tones, case)


def sqlite_collate(left: str, right: str) -> int:
    a, b = sort_key(left), sort_key(right)
    return (a > b) - (a < b)


def register_sqlite_collation(sender, connection, **kwargs) -> None:
    """``connection_created`` receiver: SQLite learns the collation before any table uses it."""
    if connection.vendor == "sqlite":
        connection.connection.create_collation(SQLITE_COLLATION, sqlite_collate)


def collation_for(connection) -> str | None:
    if connection.vendor == "postgresql":
        return getattr(settings, "NSCL_PG_COLLATION", "vi-x-icu")
    if connection.vendor == "sqlite":
        return SQLITE_COLLATION
    return None


class VietnameseCharField(models.CharField):
    """A ``CharField`` whose column sorts in Vietnamese alphabetical order on every database (the collation
    is chosen per connection, so migrations stay the same on PostgreSQL and SQLite)."""

    def db_parameters(self, connection):
        params = super().db_parameters(connection)
        params["collation"] = self.db_collation or collation_for(connection)
        return params
