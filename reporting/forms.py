"""Forms of the reporting pages. They validate input; the rules themselves live in ``reporting.services``."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from plans.forms import DayMonthYearField

from . import services
from .models import NationalCompilation, Report

YEAR_ATTRS = {"min": 2000, "max": 2100, "inputmode": "numeric"}


def _apply(form: forms.Form, error: ValidationError) -> None:
    """Put a service's ValidationError next to the fields it names (or on top of the form)."""
    if hasattr(error, "error_dict"):
        for name, errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, error)


class ReportFilterForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)
    kind = forms.ChoiceField(label=_("Kind"), required=False, choices=[("", _("All kinds")), *Report.Kind.choices])


class ReportCreateForm(forms.Form):
    plan = forms.ModelChoiceField(label=_("Plan"), queryset=None, empty_label=None)
    kind = forms.ChoiceField(label=_("Kind of report"), choices=Report.Kind.choices, initial=Report.Kind.ANNUAL)
    start_year = forms.IntegerField(
        label=_("Year (from)"),
        min_value=2000,
        max_value=2100,
        widget=forms.NumberInput(attrs=YEAR_ATTRS),
        help_text=_("The year of an annual report; the first year of a phase or of an ad hoc period."),
    )
    end_year = forms.IntegerField(
        label=_("To year"),
        required=False,
        min_value=2000,
        max_value=2100,
        widget=forms.NumberInput(attrs=YEAR_ATTRS),
        help_text=_("For a mid-term review or an ad hoc report; a final review covers the whole plan."),
    )

    def __init__(self, *args, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans
        self.fields["plan"].label_from_instance = lambda plan: (
            f"{plan.province.name} · {plan.period} · {plan.title[:90]}"
        )

    def clean(self):
        data = super().clean()
        plan, kind, start = data.get("plan"), data.get("kind"), data.get("start_year")
        if plan is not None and kind and start is not None:
            try:
                data["start_year"], data["end_year"] = services.report_period_check(
                    plan=plan, kind=kind, start_year=start, end_year=data.get("end_year")
                )
            except ValidationError as error:
                _apply(self, error)
        return data


class ReportForm(forms.ModelForm):
    """The parts of a report staff write: heading, narrative, recipients, signature."""

    dated = DayMonthYearField(
        label=_("Date of the document"), required=False, help_text=_("Empty: the day it is generated.")
    )
    due_date = DayMonthYearField(label=_("Due date"), required=False)

    class Meta:
        model = Report
        fields = [  # what staff write first, then the document's heading and closing
            "title",
            "assessment",
            "difficulties",
            "next_year_plan",
            "recommendations",
            "number",
            "dated",
            "due_date",
            "place",
            "parent_agency",
            "agency",
            "recipients",
            "signer_title",
            "signer_name",
        ]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "assessment": forms.Textarea(attrs={"rows": 8}),
            "difficulties": forms.Textarea(attrs={"rows": 6}),
            "recommendations": forms.Textarea(attrs={"rows": 6}),
            "next_year_plan": forms.Textarea(attrs={"rows": 6}),
            "recipients": forms.Textarea(attrs={"rows": 4}),
            "signer_title": forms.Textarea(attrs={"rows": 2}),
        }


class CompilationForm(forms.Form):
    kind = forms.ChoiceField(label=_("Period"), choices=NationalCompilation.Kind.choices)
    start_year = forms.IntegerField(
        label=_("Year (from)"), min_value=2000, max_value=2100, widget=forms.NumberInput(attrs=YEAR_ATTRS)
    )
    end_year = forms.IntegerField(
        label=_("To year"),
        required=False,
        min_value=2000,
        max_value=2100,
        widget=forms.NumberInput(attrs=YEAR_ATTRS),
        help_text=_("For a phase, e.g. 2021 to 2025."),
    )

    def clean(self):
        data = super().clean()
        if data.get("kind") and data.get("start_year") is not None:
            try:
                data["start_year"], data["end_year"] = services.compilation_period_check(
                    kind=data["kind"], start_year=data["start_year"], end_year=data.get("end_year")
                )
            except ValidationError as error:
                _apply(self, error)
        return data


class YearForm(forms.Form):
    year = forms.IntegerField(
        label=_("Year"), min_value=2000, max_value=2100, widget=forms.NumberInput(attrs=YEAR_ATTRS)
    )
