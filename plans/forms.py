"""Forms of the plan pages. They shape and check input; the rules come from ``plans.services``."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from accounts import access

from . import selectors, services
from .formatting import format_vnd
from .models import (
    BudgetAmount,
    BudgetLine,
    BudgetSource,
    LegalDocument,
    Objective,
    Phase,
    Plan,
    Programme,
    Province,
    ReportingDuty,
    Target,
    Task,
    Unit,
)

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"]
_GROUPED = re.compile(r"^\d{1,3}(?:([., ])\d{3})?(?:\1\d{3})*$")


class DayMonthYearField(forms.DateField):
    """A date typed as dd/mm/yyyy, whatever the interface language."""

    default_error_messages = {"invalid": _("Enter the date as dd/mm/yyyy, e.g. 03/12/2021.")}

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", DATE_INPUT_FORMATS)
        kwargs.setdefault(
            "widget", forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"})
        )
        super().__init__(**kwargs)


class VNDField(forms.CharField):
    """Whole VND, typed with or without thousands grouping: "3.250.000.000", "3 250 000 000", "3250000000"."""

    default_error_messages = {
        "invalid": _("Enter a whole amount in VND, e.g. 3.250.000.000."),
        "negative": _("The amount cannot be negative."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric", "placeholder": "3.250.000.000"}))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return format_vnd(value) if isinstance(value, int) else value

    def to_python(self, value):
        text = (super().to_python(value) or "").strip()
        if not text:
            return None
        if text.startswith("-"):
            raise ValidationError(self.error_messages["negative"], code="negative")
        if not (text.isdigit() or _GROUPED.match(text)):
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return int(re.sub(r"\D", "", text))


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Unit) -> str:
        return _unit_label(obj)


class UnitMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Unit) -> str:
        return _unit_label(obj)


def _unit_label(unit: Unit) -> str:
    label = unit.name if not unit.short_name else f"{unit.name} ({unit.short_name})"
    return label if unit.province_id else f"{label} — {_('national')}"


# --- Plans ---------------------------------------------------------------------------------------------------


class PlanFilterForm(forms.Form):
    province = forms.ModelChoiceField(label=capfirst(_("province")), queryset=Province.objects.none(), required=False)
    status = forms.ChoiceField(label=capfirst(_("status")), required=False)
    programme = forms.ChoiceField(label=capfirst(_("programme")), required=False)
    year = forms.IntegerField(label=capfirst(_("year")), required=False, min_value=2000, max_value=2100)
    q = forms.CharField(label=capfirst(_("search")), required=False, max_length=100)

    def __init__(self, *args, provinces, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = provinces
        self.fields["province"].empty_label = _("all")
        # The list is filtered by where each plan stands today (plans.standing), not by the recorded status.
        self.fields["status"].choices = [("", _("all")), *Plan.Standing.choices]
        self.fields["programme"].choices = [("", _("all")), *Programme.choices]


class PlanForm(forms.ModelForm):
    issued_on = DayMonthYearField(label=capfirst(_("date issued")), required=False)
    legal_documents = forms.ModelMultipleChoiceField(
        label=capfirst(_("legal basis")),
        queryset=LegalDocument.objects.none(),
        required=False,
        help_text=_("The documents the plan cites (“Căn cứ ...”). Hold Ctrl to choose several."),
    )

    class Meta:
        model = Plan
        fields = [
            "province",
            "programme",
            "kind",
            "number",
            "title",
            "issued_on",
            "issued_note",
            "issuer",
            "start_year",
            "end_year",
            "status",
            "signer_title",
            "signature_block",
            "signer_name",
            "funding",
            "source_note",
        ]
        widgets = {"title": forms.Textarea(attrs={"rows": 3}), "signature_block": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        ids = access.province_ids(user, "plan.add")
        provinces = Province.objects.all() if ids is None else Province.objects.filter(pk__in=ids)
        self.fields["province"].queryset = provinces.order_by("name", "valid_from")
        self.fields["legal_documents"].queryset = access.scope(
            user, "legaldocument.view", LegalDocument.objects.order_by("-issued_on", "number")
        )
        if self.instance.pk:
            self.fields["province"].disabled = True
            self.fields["province"].help_text = _("A plan stays with the province that issued it.")
            self.initial["legal_documents"] = [link.document_id for link in self.instance.basis_links.all()]

    def clean(self):
        data = super().clean()
        try:
            services.plan_period_check(
                plan=self.instance if self.instance.pk else None,
                start_year=data.get("start_year"),
                end_year=data.get("end_year"),
            )
        except ValidationError as exc:
            self.add_error(None, exc)
        return data

    def service_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self._meta.fields if name in self.cleaned_data}


class LegalDocumentForm(forms.ModelForm):
    issued_on = DayMonthYearField(label=capfirst(_("date issued")), required=False)

    class Meta:
        model = LegalDocument
        fields = ["kind", "number", "issued_on", "issuer", "title"]
        widgets = {"title": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        data = super().clean()
        number, issued_on = data.get("number"), data.get("issued_on")
        if number and LegalDocument.objects.filter(number__iexact=number.strip(), issued_on=issued_on).exists():
            self.add_error("number", _("This document is already recorded."))
        return data

    def service_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self._meta.fields}


# --- Parts of a plan -----------------------------------------------------------------------------------------


class PlanChildForm(forms.ModelForm):
    """A part of a plan. Its rules are ``services.plan_child_check``, shown next to the fields."""

    def __init__(self, plan: Plan, *args, **kwargs):
        self.plan = plan
        super().__init__(*args, **kwargs)
        if any(f.name == "position" for f in self._meta.model._meta.fields):
            # Not a model field of the form: an empty order means "at the end", which the service decides.
            self.fields["position"] = forms.IntegerField(
                label=capfirst(_("order")),
                required=False,
                min_value=0,
                max_value=32767,
                initial=self.instance.position if self.instance.pk else None,
                help_text=_("Leave empty to add at the end."),
            )

    def clean(self):
        data = super().clean()
        if not self.errors:
            try:
                services.plan_child_check(plan=self.plan, model=self._meta.model, data=data, instance=self.instance)
            except ValidationError as exc:
                self.add_error(None, exc)
        return data

    def service_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.fields if name in self.cleaned_data}


class PhaseForm(PlanChildForm):
    class Meta:
        model = Phase
        fields = ["name", "start_year", "end_year"]


class ObjectiveForm(PlanChildForm):
    class Meta:
        model = Objective
        fields = ["text"]


class TargetForm(PlanChildForm):
    class Meta:
        model = Target
        fields = [
            "phase",
            "text",
            "indicator",
            "measure",
            "period",
            "comparator",
            "value_min",
            "value_max",
            "unit",
        ]
        localized_fields = ["value_min", "value_max"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "value_min": _("The number of the target; for a range, its lower bound (10 in “10-20”)."),
            "value_max": _("Only for a range: its upper bound (20 in “10-20”)."),
        }

    def __init__(self, plan: Plan, *args, **kwargs):
        super().__init__(plan, *args, **kwargs)
        self.fields["phase"].queryset = plan.phases.order_by("start_year")
        self.fields["indicator"].queryset = self.fields["indicator"].queryset.order_by("name")


class TaskForm(PlanChildForm):
    parent = forms.ModelChoiceField(
        label=capfirst(_("group")),
        queryset=Task.objects.none(),
        required=False,
        empty_label=_("— none: a top-level row or a group row —"),
        help_text=_("A task inside a group row. A row numbered I, II, ... is itself a group."),
    )
    lead_unit = UnitChoiceField(label=capfirst(_("lead unit")), queryset=Unit.objects.none(), required=False)
    coordinating_units = UnitMultipleChoiceField(
        label=capfirst(_("coordinating units")),
        queryset=Unit.objects.none(),
        required=False,
        help_text=_("The units named in the wording below. Hold Ctrl to choose several."),
    )

    class Meta:
        model = Task
        fields = [
            "parent",
            "number",
            "is_group",
            "content",
            "lead_unit",
            "coordinating_units",
            "coordinating_text",
            "timeframe",
            "expected_output",
            "notes",
        ]
        widgets = {
            "content": forms.Textarea(attrs={"rows": 4}),
            "coordinating_text": forms.Textarea(attrs={"rows": 2}),
            "expected_output": forms.Textarea(attrs={"rows": 2}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, plan: Plan, *args, **kwargs):
        super().__init__(plan, *args, **kwargs)
        groups = selectors.group_rows(plan)
        if self.instance.pk:
            groups = groups.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = groups
        units = selectors.units_for_plan(plan)
        self.fields["lead_unit"].queryset = units
        self.fields["coordinating_units"].queryset = units


class BudgetLineForm(PlanChildForm):
    estimate = VNDField(label=capfirst(_("estimate (VND)")), required=False)

    class Meta:
        model = BudgetLine
        fields = [
            "parent",
            "number",
            "content",
            "category",
            "estimate",
            "support_rate",
            "state_source",
            "basis",
        ]
        localized_fields = ["support_rate"]
        widgets = {"content": forms.Textarea(attrs={"rows": 3}), "basis": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, plan: Plan, *args, **kwargs):
        super().__init__(plan, *args, **kwargs)
        headings = plan.budget_lines.filter(parent__isnull=True)
        if self.instance.pk:
            headings = headings.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = headings
        self.fields["parent"].empty_label = _("— none: a heading or a top-level line —")


class BudgetAmountForm(PlanChildForm):
    amount = VNDField(label=capfirst(_("amount (VND)")))
    year = forms.TypedChoiceField(label=capfirst(_("year")), coerce=int)

    class Meta:
        model = BudgetAmount
        fields = ["line", "year", "source", "amount"]

    def __init__(self, plan: Plan, *args, **kwargs):
        super().__init__(plan, *args, **kwargs)
        self.fields["line"].queryset = plan.budget_lines.order_by("position", "id")
        self.fields["year"].choices = [(year, year) for year in plan.years]
        self.fields["source"].choices = list(BudgetSource.choices)


class ReportingDutyForm(PlanChildForm):
    class Meta:
        model = ReportingDuty
        fields = ["kind", "level", "reporter_text", "due_day", "due_month", "year", "recipients", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].required = False  # the province's own report unless told otherwise

    def clean_level(self) -> str:
        return self.cleaned_data.get("level") or ReportingDuty.Level.PROVINCE


class TaskPasteForm(forms.Form):
    text = forms.CharField(
        label=capfirst(_("task table")),
        widget=forms.Textarea(attrs={"rows": 14, "spellcheck": "false", "class": "mono"}),
        help_text=_(
            "Copy the table from Word with its header row (STT, Nội dung, Thời gian thực hiện, Đơn vị chủ trì, "
            "Đơn vị phối hợp, Ghi chú) and paste it here."
        ),
    )


# --- Units ---------------------------------------------------------------------------------------------------


class UnitFilterForm(forms.Form):
    province = forms.ModelChoiceField(label=capfirst(_("province")), queryset=Province.objects.none(), required=False)
    kind = forms.ChoiceField(label=capfirst(_("kind")), required=False)
    q = forms.CharField(label=capfirst(_("search")), required=False, max_length=100)

    def __init__(self, *args, provinces, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = provinces
        self.fields["province"].empty_label = _("all")
        self.fields["kind"].choices = [("", _("all")), *Unit.Kind.choices]


class UnitForm(forms.ModelForm):
    class Meta:
        model = Unit
        fields = ["province", "name", "short_name", "kind", "aliases"]
        widgets = {"aliases": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        ids = access.province_ids(user, "unit.change")
        provinces = Province.objects.all() if ids is None else Province.objects.filter(pk__in=ids)
        field = self.fields["province"]
        field.queryset = provinces.order_by("name", "valid_from")
        field.required = ids is not None  # only who reaches every province may keep national units
        if ids is None:
            field.empty_label = _("— none: a national unit —")
        if self.instance.pk:
            field.disabled = True
            field.required = False

    def clean(self):
        data = super().clean()
        name = data.get("name")
        if name:
            province = self.instance.province if self.instance.pk else data.get("province")
            try:
                services.unit_check(province_id=province.pk if province else None, name=name, instance=self.instance)
            except ValidationError as exc:
                self.add_error(None, exc)
        return data

    def service_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self._meta.fields if name in self.cleaned_data}
