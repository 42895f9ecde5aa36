"""Task tables pasted from Word documents."""

from __future__ import annotations

import re

_GROUP_NUMERAL = re.compile(r"^(?=[IVXLC]+$)M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")


def is_group_number(number: str) -> bool:
    """Task groups are numbered with Roman numerals (I-VIII); tasks within them with 1, 2, 3."""
    return bool(number) and bool(_GROUP_NUMERAL.match(number.strip().rstrip(".").upper()))
