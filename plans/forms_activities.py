"""Forms of the activity, progress and indicator value pages. The rules come from ``plans.services_activities``."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from . import services_activities as services
from .forms import DayMonthYearField, VNDField
from .models import Activity, Indicator, IndicatorValue, Plan, Task, TaskProgress, Unit


def _year_choices(plan: Plan, *, empty: bool) -> list[tuple[str, str]]:
    choices = [(str(y), str(y)) for y in plan.years]
    return [("", _("all")), *choices] if empty else choices


class TaskChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Task) -> str:
        text = obj.content if len(obj.content) <= 100 else obj.content[:99] + "…"
        return f"{obj.number}. {text}" if obj.number else text


class ActivityFilterForm(forms.Form):
    kind = forms.ChoiceField(label=capfirst(_("kind")), required=False)
    year = forms.TypedChoiceField(label=capfirst(_("year")), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("all")), *Activity.Kind.choices]
        self.fields["year"].choices = _year_choices(plan, empty=True)


class ActivityForm(forms.ModelForm):
    task = TaskChoiceField(label=capfirst(_("task")), queryset=Task.objects.none(), required=False)
    start_date = DayMonthYearField(label=capfirst(_("start date")))
    end_date = DayMonthYearField(
        label=capfirst(_("end date")), required=False, help_text=_("Empty for a one-day activity.")
    )
    person_times = forms.IntegerField(
        label=capfirst(_("person-times")),
        required=False,
        min_value=0,
        help_text=_("One person attending two sessions counts twice. Empty: one time per participant."),
    )
    cost_state_central = VNDField(label=capfirst(_("central state budget (VND)")), required=False)
    cost_state_local = VNDField(label=capfirst(_("local state budget (VND)")), required=False)
    cost_enterprise = VNDField(label=capfirst(_("enterprises (VND)")), required=False)
    cost_other = VNDField(label=capfirst(_("other sources (VND)")), required=False)

    class Meta:
        model = Activity
        fields = list(services.ACTIVITY_FIELDS)
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, plan: Plan, *args, **kwargs):
        self.plan = plan
        super().__init__(*args, **kwargs)
        self.fields["task"].queryset = plan.tasks.filter(is_group=False).order_by("position", "id")
        for name in services.COUNT_FIELDS:
            if name in self.fields:
                self.fields[name].required = False
                self.fields[name].min_value = 0
        self.fields["quantity"].min_value = 1

    def clean(self):
        data = super().clean()
        if not self.errors:
            try:
                services.activity_check(plan=self.plan, data=self.service_data(data))
            except ValidationError as exc:
                self.add_error(None, exc)
        return data

    def service_data(self, data: dict[str, Any] | None = None) -> dict[str, Any]:
        data = self.cleaned_data if data is None else data
        return {name: data.get(name) for name in services.ACTIVITY_FIELDS if name in data}

    def _post_clean(self):
        # The rules (including the constraints) are the service's: the form does not build the instance
        # before they passed, so an invalid form never touches the activity being edited.
        if not self.errors:
            super()._post_clean()


class TaskProgressForm(forms.Form):
    unit = forms.ModelChoiceField(label=capfirst(_("reporting unit")), queryset=Unit.objects.none(), required=False)
    status = forms.ChoiceField(label=capfirst(_("status")), choices=TaskProgress.Status.choices)
    percent_complete = forms.IntegerField(label=capfirst(_("percent complete")), min_value=0, max_value=100)
    results = forms.CharField(
        label=capfirst(_("results achieved")), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    difficulties = forms.CharField(
        label=capfirst(_("difficulties and proposals")), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, task: Task, by, year: int, **kwargs):
        self.task, self.by, self.year = task, by, year
        super().__init__(*args, **kwargs)
        units, whole = services.reporting_units_for(by, task)
        field = self.fields["unit"]
        field.queryset = Unit.objects.filter(pk__in=[u.pk for u in units])
        field.required = not whole
        field.empty_label = _("The Department (the task as a whole)") if whole else None
        if not whole and len(units) == 1:
            field.initial = units[0].pk

    def clean(self):
        data = super().clean()
        if not self.errors:
            try:
                services.task_progress_check(
                    task=self.task, by=self.by, year=self.year, unit=data.get("unit"), data=data
                )
            except ValidationError as exc:
                self.add_error(None, exc)
        return data

    def service_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in services.PROGRESS_FIELDS}


class ProgressFilterForm(forms.Form):
    plan = forms.ModelChoiceField(label=capfirst(_("plan")), queryset=Plan.objects.none(), required=False)
    year = forms.IntegerField(label=capfirst(_("year")), required=False, min_value=2000, max_value=2100)

    def __init__(self, *args, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans
        self.fields["plan"].empty_label = _("all")


class IndicatorValueForm(forms.ModelForm):
    class Meta:
        model = IndicatorValue
        fields = ["indicator", "year", "value", "source", "note"]
        localized_fields = ["value"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, plan: Plan, *args, **kwargs):
        self.plan = plan
        super().__init__(*args, **kwargs)
        manual = Indicator.objects.filter(source=Indicator.Source.MANUAL)
        used = manual.filter(targets__plan=plan).distinct()
        self.fields["indicator"].queryset = used if used.exists() else manual
        self.fields["year"] = forms.TypedChoiceField(
            label=capfirst(_("year")), choices=_year_choices(plan, empty=False), coerce=int
        )
        if self.instance.pk:
            self.fields["indicator"].disabled = True

    def clean(self):
        data = super().clean()
        if not self.errors:
            try:
                services.indicator_value_check(plan=self.plan, instance=self.instance, data=data)
            except ValidationError as exc:
                self.add_error(None, exc)
        return data

    def _post_clean(self):
        if not self.errors:
            super()._post_clean()

    def service_data(self) -> dict[str, Any]:
        return {name: self.cleaned_data.get(name) for name in self.Meta.fields if name in self.cleaned_data}
