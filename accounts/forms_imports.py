"""The upload form of the imports: the file's type, size and columns are checked by ``accounts.import_jobs``."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ImportFileForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet (XLSX or CSV)"),
        help_text=_("The first sheet is read; its first row holds the column headers."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
        error_messages={"required": _("Choose the file to import."), "empty": _("The file is empty.")},
    )
