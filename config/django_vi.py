"""Django messages that its own Vietnamese catalogue lacks (checked against Django 5.2).

Never called: listing them here lets `makemessages` extract them into locale/vi, where they are
translated, so that validation errors people see are Vietnamese too.
"""

from django.utils.translation import gettext, ngettext, pgettext  # noqa: F401


def _missing_from_django_vi() -> None:  # pragma: no cover - extraction only
    ngettext(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        8,
    )
    ngettext("Please submit at most %(num)d form.", "Please submit at most %(num)d forms.", 2)
    ngettext("Please submit at least %(num)d form.", "Please submit at least %(num)d forms.", 2)
    gettext("File extension “%(extension)s” is not allowed. Allowed extensions are: %(allowed_extensions)s.")
    gettext("Null characters are not allowed.")
    gettext("Enter a valid “slug” consisting of letters, numbers, underscores or hyphens.")
    gettext("Enter a valid “slug” consisting of Unicode letters, numbers, underscores, or hyphens.")
    gettext("Ensure this value is a multiple of step size %(limit_value)s.")
    gettext("Enter a complete value.")
    gettext("Enter a valid JSON.")
    gettext("Enter a valid domain name.")
    gettext("“%(pk)s” is not a valid value.")
    gettext("“%(value)s” value must be a decimal number.")
    gettext("“%(value)s” value must be an integer.")
    gettext("“%(value)s” value has an invalid date format. It must be in YYYY-MM-DD format.")
    gettext("“%(value)s” value has the correct format (YYYY-MM-DD) but it is an invalid date.")
    gettext("%(model)s instance with %(field)s %(value)r is not a valid choice.")
    gettext("That page number is not an integer")
    gettext("That page number is less than 1")
    gettext("That page contains no results")
    gettext("Constraint “%(name)s” is violated.")
    gettext("Email")
    gettext("Set password")
    gettext("Enabled")
    gettext("Disabled")
    gettext("Password-based authentication")
    gettext(
        "%(datetime)s couldn’t be interpreted in time zone %(current_timezone)s; it may be ambiguous or it may "
        "not exist."
    )
