"""Vietnamese tax codes (mã số thuế, MST), checked with python-stdnum's ``stdnum.vn.mst``.

An enterprise's code has 10 digits, the last a check digit; a branch adds "-" and 3 digits. The stored
form is stdnum's standard presentation: "0100233488" or "0314409058-002".
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum import exceptions as stdnum_errors
from stdnum.vn import mst

TAX_CODE_PATTERN = r"^[0-9]{10}(-[0-9]{3})?$"  # the stored form, also enforced by a database constraint


def normalise_tax_code(value: str) -> str:
    """The standard form of a valid tax code; a translated ValidationError otherwise.

    Spaces, dots and the dash are accepted as separators ("0314 409 058 - 002")."""
    try:
        return mst.format(mst.validate(value or ""))
    except stdnum_errors.InvalidLength as exc:
        raise ValidationError(
            _("A tax code has 10 digits, or 13 for a branch (10 digits, a dash and 3 digits)."),
            code="tax_code_length",
        ) from exc
    except stdnum_errors.InvalidChecksum as exc:
        raise ValidationError(
            _("This tax code is not valid: its check digit does not match. Check it for a typing mistake."),
            code="tax_code_checksum",
        ) from exc
    except stdnum_errors.ValidationError as exc:  # InvalidFormat, InvalidComponent
        raise ValidationError(
            _("This is not a valid tax code: it must be digits only, e.g. 0100233488 or 0314409058-002."),
            code="tax_code_format",
        ) from exc


def validate_tax_code(value: str) -> None:
    """Model field validator: the value must be a valid tax code in its stored form."""
    if normalise_tax_code(value) != value:
        raise ValidationError(_("Write the tax code as 0100233488 or, for a branch, 0314409058-002."), code="tax_code")


def with_check_digit(first_nine: str) -> str | None:
    """A valid 10-digit tax code from its first nine digits, or None when none exists (the check
    computation gives 10 for about one prefix in eleven)."""
    digit = mst.calc_check_digit(first_nine)
    return first_nine + digit if len(digit) == 1 else None
