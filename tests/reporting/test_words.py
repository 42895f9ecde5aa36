"""Amounts in Vietnamese words, as decisions and contracts write them. Every expected text is written by hand
from the reading rules (mốt, lăm, linh/lẻ, mươi, nghìn, triệu, tỷ), not produced by the code."""

import pytest

from reporting.words import amount_in_words, number_in_words

CASES = [
    (0, "không"),
    (1, "một"),
    (4, "bốn"),
    (5, "năm"),
    (9, "chín"),
    (10, "mười"),
    (11, "mười một"),
    (14, "mười bốn"),
    (15, "mười lăm"),
    (19, "mười chín"),
    (20, "hai mươi"),
    (21, "hai mươi mốt"),
    (24, "hai mươi bốn"),
    (25, "hai mươi lăm"),
    (30, "ba mươi"),
    (45, "bốn mươi lăm"),
    (51, "năm mươi mốt"),
    (55, "năm mươi lăm"),
    (99, "chín mươi chín"),
    (100, "một trăm"),
    (101, "một trăm linh một"),
    (105, "một trăm linh năm"),
    (110, "một trăm mười"),
    (111, "một trăm mười một"),
    (115, "một trăm mười lăm"),
    (121, "một trăm hai mươi mốt"),
    (205, "hai trăm linh năm"),
    (999, "chín trăm chín mươi chín"),
    (1_000, "một nghìn"),
    (1_001, "một nghìn không trăm linh một"),
    (1_010, "một nghìn không trăm mười"),
    (1_050, "một nghìn không trăm năm mươi"),
    (1_500, "một nghìn năm trăm"),
    (2_021, "hai nghìn không trăm hai mươi mốt"),
    (10_000, "mười nghìn"),
    (15_000, "mười lăm nghìn"),
    (21_000, "hai mươi mốt nghìn"),
    (100_000, "một trăm nghìn"),
    (105_000, "một trăm linh năm nghìn"),
    (250_000, "hai trăm năm mươi nghìn"),
    (1_000_000, "một triệu"),
    (1_000_500, "một triệu năm trăm"),
    (1_005_000, "một triệu không trăm linh năm nghìn"),
    (2_050_000, "hai triệu không trăm năm mươi nghìn"),
    (4_250_000, "bốn triệu hai trăm năm mươi nghìn"),
    (10_000_000, "mười triệu"),
    (45_000_000, "bốn mươi lăm triệu"),
    (517_000_000, "năm trăm mười bảy triệu"),
    (520_300_000, "năm trăm hai mươi triệu ba trăm nghìn"),
    (1_000_000_000, "một tỷ"),
    (1_200_000_000, "một tỷ hai trăm triệu"),
    (2_000_000_001, "hai tỷ không trăm linh một"),
    (2_616_300_000, "hai tỷ sáu trăm mười sáu triệu ba trăm nghìn"),
    (4_130_700_000, "bốn tỷ một trăm ba mươi triệu bảy trăm nghìn"),
    (6_747_000_000, "sáu tỷ bảy trăm bốn mươi bảy triệu"),
    (10_000_000_000, "mười tỷ"),
    (1_000_000_000_000, "một nghìn tỷ"),
    (1_000_000_005_000, "một nghìn tỷ không trăm linh năm nghìn"),
    (
        12_345_678_912,
        "mười hai tỷ ba trăm bốn mươi lăm triệu sáu trăm bảy mươi tám nghìn chín trăm mười hai",
    ),
]


@pytest.mark.parametrize(("number", "words"), CASES)
def test_numbers_read_by_the_vietnamese_rules(number, words):
    assert number_in_words(number) == words


@pytest.mark.parametrize(
    ("amount", "sentence"),
    [
        (45_000_000, "Bốn mươi lăm triệu đồng"),
        (10_000_000, "Mười triệu đồng"),
        (2_616_300_000, "Hai tỷ sáu trăm mười sáu triệu ba trăm nghìn đồng"),
        (105_000, "Một trăm linh năm nghìn đồng"),
        (0, "Không đồng"),
    ],
)
def test_an_amount_is_a_capitalised_sentence_in_dong(amount, sentence):
    assert amount_in_words(amount) == sentence


def test_the_southern_le_can_replace_linh():
    assert number_in_words(105, zero_tens="lẻ") == "một trăm lẻ năm"
    assert amount_in_words(1_005_000, zero_tens="lẻ") == "Một triệu không trăm lẻ năm nghìn đồng"


def test_negative_numbers_are_read_with_am():
    assert number_in_words(-25) == "âm hai mươi lăm"


@pytest.mark.parametrize("bad", [1.5, "12", True])
def test_only_whole_numbers_are_written_in_words(bad):
    with pytest.raises((ValueError, TypeError)):
        number_in_words(bad)
