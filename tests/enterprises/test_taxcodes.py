import pytest
from django.core.exceptions import ValidationError

from enterprises.taxcodes import normalise_tax_code, with_check_digit


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0100233488", "0100233488"),  # 10 digits, check digit 8
        (" 01.00.233.488 ", "0100233488"),  # separators people type
        ("0314409058-002", "0314409058-002"),  # a branch
        ("0314409058002", "0314409058-002"),  # a branch typed without the dash
        ("0312 68 78 78 - 001", "0312687878-001"),
    ],
)
def test_valid_tax_codes_are_stored_in_the_standard_form(typed, stored):
    assert normalise_tax_code(typed) == stored


def _message(value: str) -> str:
    with pytest.raises(ValidationError) as caught:
        normalise_tax_code(value)
    return caught.value.messages[0]


def test_wrong_check_digit_is_rejected_with_a_translated_message():
    # 0100233488 is valid; changing its last digit breaks the check digit.
    assert _message("0100233480") == ("Mã số thuế không hợp lệ: chữ số kiểm tra không khớp. Hãy kiểm tra lỗi gõ nhầm.")


def test_wrong_check_digit_of_a_branch_is_rejected():
    assert "chữ số kiểm tra" in _message("0314409057-002")


@pytest.mark.parametrize("value", ["12345", "01002334881", "0100233488-01", ""])
def test_wrong_length_is_rejected_with_a_translated_message(value):
    assert _message(value) == (
        "Mã số thuế gồm 10 chữ số, hoặc 13 chữ số đối với chi nhánh (10 chữ số, dấu gạch ngang và 3 chữ số)."
    )


@pytest.mark.parametrize("value", ["01002334AB", "0100233488-000", "0100000000"])
def test_letters_or_empty_components_are_rejected_with_a_translated_message(value):
    assert _message(value) == "Mã số thuế không hợp lệ: chỉ gồm chữ số, ví dụ 0100233488 hoặc 0314409058-002."


def test_with_check_digit_completes_a_prefix_and_refuses_an_impossible_one():
    assert with_check_digit("010023348") == "0100233488"
    # 000000001: 3 x 1 = 3, 3 mod 11 = 3, check digit 10 - 3 = 7.
    assert with_check_digit("000000001") == "0000000017"
    # 100000000: 31 x 1 = 31, 31 mod 11 = 9, check digit 1.
    assert with_check_digit("100000000") == "1000000001"
    # 000100001: 19 + 3 = 22, 22 mod 11 = 0, "check digit" 10: no valid tax code has this prefix.
    assert with_check_digit("000100001") is None
