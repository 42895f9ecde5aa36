"""Amounts in Vietnamese words, as decisions and contracts write them: 45.000.000 -> "Bốn mươi lăm triệu đồng".

The reading rules (written here, not taken from a library):

* a group of three digits reads "<hundreds> trăm <tens> mươi <units>";
* tens: 0 followed by a unit reads "linh" (or "lẻ", the southern usage: ``zero_tens="lẻ"``), 1 reads "mười",
  2-9 read "<digit> mươi";
* units: 1 after "mươi" reads "mốt" (21 "hai mươi mốt"; but 11 "mười một", 101 "một trăm linh một"); 5 after
  "mười" or "mươi" reads "lăm" (15 "mười lăm", 25 "hai mươi lăm"; but 105 "một trăm linh năm");
* a group that is not the first one reads its hundreds even when they are 0: 1.050 "một nghìn không trăm năm
  mươi"; a group of 000 is not read at all: 1.000.500 "một triệu năm trăm";
* scales: nghìn (10³), triệu (10⁶), tỷ (10⁹); above a thousand billion the scales repeat: 10¹² "một nghìn tỷ".
"""

from __future__ import annotations

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
SCALES = ("", "nghìn", "triệu")  # within one "tỷ" block; blocks of 10^9 are joined with "tỷ"
BILLION = 1_000_000_000


def _triple(n: int, *, full: bool, zero_tens: str) -> list[str]:
    """Words for 0 < n < 1000. ``full``: read "không trăm" when the hundreds are 0 (not the leading group)."""
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if words:
                words.append(zero_tens)
            words.append(DIGITS[units])
        return words
    if tens == 1:
        words.append("mười")
    else:
        words += [DIGITS[tens], "mươi"]
    if units == 1:
        words.append("một" if tens == 1 else "mốt")
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(DIGITS[units])
    return words


def _below_billion(n: int, *, leading: bool, zero_tens: str) -> list[str]:
    """Words for 0 < n < 10^9; ``leading``: nothing is read before it."""
    groups = [(n // 1_000_000) % 1000, (n // 1000) % 1000, n % 1000]
    words: list[str] = []
    for index, group in enumerate(groups):
        if not group:
            continue
        first = leading and not words
        words += _triple(group, full=not first, zero_tens=zero_tens)
        scale = SCALES[2 - index]
        if scale:
            words.append(scale)
    return words


def _words(n: int, *, leading: bool, zero_tens: str) -> list[str]:
    if n >= BILLION:
        high, low = divmod(n, BILLION)
        words = [*_words(high, leading=leading, zero_tens=zero_tens), "tỷ"]
        if low:
            words += _below_billion(low, leading=False, zero_tens=zero_tens)
        return words
    return _below_billion(n, leading=leading, zero_tens=zero_tens)


def number_in_words(n: int, *, zero_tens: str = "linh") -> str:
    """A whole number in lower-case Vietnamese words: 2_616_300 -> "hai triệu sáu trăm mười sáu nghìn ba trăm"."""
    if isinstance(n, bool) or int(n) != n:
        raise ValueError("Only whole numbers can be written in words.")
    n = int(n)
    if zero_tens not in ("linh", "lẻ"):
        raise ValueError('zero_tens must be "linh" or "lẻ".')
    if n == 0:
        return DIGITS[0]
    if n < 0:
        return "âm " + number_in_words(-n, zero_tens=zero_tens)
    return " ".join(_words(n, leading=True, zero_tens=zero_tens))


def amount_in_words(vnd: int, *, zero_tens: str = "linh") -> str:
    """An amount of VND as a sentence: 45_000_000 -> "Bốn mươi lăm triệu đồng"."""
    text = number_in_words(vnd, zero_tens=zero_tens) + " đồng"
    return text[0].upper() + text[1:]
