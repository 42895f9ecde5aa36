"""What the plans endpoints return and accept. Input serializers check the shape of the input; the rules
(periods, phases, targets' numbers, tasks' units and timeframes, budgets) are ``plans.services``'."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from accounts.api.base import IdField, ScopedPrimaryKeyRelatedField

from ..models import (
    Activity,
    Board,
    BoardMember,
    BudgetAmount,
    BudgetLine,
    Indicator,
    IndicatorValue,
    LegalDocument,
    Objective,
    Phase,
    Plan,
    Programme,
    Province,
    ReportingDuty,
    Responsibility,
    SupportLine,
    Target,
    Task,
    TaskProgress,
    Unit,
)
from ..services_activities import ACTIVITY_FIELDS

# --- Provinces, units, legal documents, indicators ------------------------------------------------------------


class ProvinceBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Province
        fields = ["id", "key", "name", "valid_from", "valid_to"]


class ProvinceSerializer(serializers.ModelSerializer):
    successor = ProvinceBriefSerializer(allow_null=True, read_only=True)
    predecessors = ProvinceBriefSerializer(many=True, read_only=True)
    is_current = serializers.BooleanField(read_only=True)

    class Meta:
        model = Province
        fields = [
            "id",
            "key",
            "gso_code",
            "name",
            "kind",
            "valid_from",
            "valid_to",
            "is_current",
            "successor",
            "predecessors",
            "note",
        ]


class ProvinceFilterSerializer(serializers.Serializer):
    search = serializers.CharField(required=False, max_length=100, help_text=_("Words of the name or the key."))
    current = serializers.BooleanField(
        required=False, allow_null=True, default=None, help_text=_("Only today's provinces (true) or former ones.")
    )


class UnitSerializer(serializers.ModelSerializer):
    province_name = serializers.CharField(source="province.name", read_only=True, allow_null=True, default=None)
    aliases = serializers.SerializerMethodField()

    class Meta:
        model = Unit
        fields = ["id", "province", "province_name", "name", "short_name", "kind", "aliases", "valid_from", "valid_to"]

    def get_aliases(self, unit: Unit) -> list[str]:
        return [line.strip() for line in unit.aliases.splitlines() if line.strip()]


class UnitCreateSerializer(serializers.ModelSerializer):
    province = serializers.PrimaryKeyRelatedField(
        queryset=Province.objects.all(), allow_null=True, required=False, help_text=_("Empty: a national unit.")
    )
    aliases = serializers.CharField(required=False, allow_blank=True, help_text=_("Other names, one per line."))

    class Meta:
        model = Unit
        fields = ["province", "name", "short_name", "kind", "aliases"]


class UnitUpdateSerializer(UnitCreateSerializer):
    class Meta(UnitCreateSerializer.Meta):
        fields = ["name", "short_name", "kind", "aliases"]


class UnitFilterSerializer(serializers.Serializer):
    province = IdField(required=False, help_text=_("Province id."))
    kind = serializers.ChoiceField(choices=Unit.Kind.choices, required=False)
    search = serializers.CharField(required=False, max_length=100)


class LegalDocumentSerializer(serializers.ModelSerializer):
    class Meta:
        model = LegalDocument
        fields = ["id", "kind", "number", "issued_on", "issuer", "title"]

    def validate(self, data):
        number, issued_on = data.get("number"), data.get("issued_on")
        if number and LegalDocument.objects.filter(number__iexact=number.strip(), issued_on=issued_on).exists():
            raise serializers.ValidationError({"number": _("This document is already recorded.")})
        return data


class LegalDocumentFilterSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=LegalDocument.Kind.choices, required=False)
    year = serializers.IntegerField(required=False, min_value=1900, max_value=2100)
    search = serializers.CharField(required=False, max_length=100)


class IndicatorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Indicator
        fields = ["id", "code", "name", "unit", "source", "computation", "parameter", "description"]


class IndicatorFilterSerializer(serializers.Serializer):
    source = serializers.ChoiceField(choices=Indicator.Source.choices, required=False)
    search = serializers.CharField(required=False, max_length=100)


# --- Parts of a plan ------------------------------------------------------------------------------------------

POSITION = {
    "required": False,
    "allow_null": True,
    "min_value": 0,
    "max_value": 32767,
    "help_text": _("Order among the parts; empty: at the end."),
}


class PhaseSerializer(serializers.ModelSerializer):
    class Meta:
        model = Phase
        fields = ["id", "name", "start_year", "end_year", "position"]


class PhaseInputSerializer(serializers.ModelSerializer):
    position = serializers.IntegerField(**POSITION)

    class Meta:
        model = Phase
        fields = ["name", "start_year", "end_year", "position"]


class ObjectiveSerializer(serializers.ModelSerializer):
    class Meta:
        model = Objective
        fields = ["id", "text", "position"]


class ObjectiveInputSerializer(serializers.ModelSerializer):
    position = serializers.IntegerField(**POSITION)

    class Meta:
        model = Objective
        fields = ["text", "position"]


class TargetSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(read_only=True)
    value_display = serializers.CharField(read_only=True)

    class Meta:
        model = Target
        fields = [
            "id",
            "phase",
            "position",
            "text",
            "indicator",
            "measure",
            "period",
            "comparator",
            "value_min",
            "value_max",
            "unit",
            "kind_label",
            "value_display",
        ]


class PlanPartInput(serializers.ModelSerializer):
    """A part of the plan in the URL: its choices (phases, group rows, headings, lines) are the plan's own."""

    plan_choices: dict[str, str] = {}  # field -> related name on the plan

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        plan = self.context.get("parent")
        instance = self.context.get("instance")
        for name, choices in self.plan_choices.items():
            field = self.fields[name]
            field = getattr(field, "child_relation", field)
            if plan is None:
                field.queryset = field.queryset.none()
                continue
            queryset = choices(plan)
            if instance is not None and queryset.model is type(instance):
                queryset = queryset.exclude(pk=instance.pk)
            field.queryset = queryset


class TargetInputSerializer(PlanPartInput):
    position = serializers.IntegerField(**POSITION)
    plan_choices = {"phase": lambda plan: plan.phases.all()}

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
            "position",
        ]


class TaskSerializer(serializers.ModelSerializer):
    class Meta:
        model = Task
        fields = [
            "id",
            "parent",
            "position",
            "number",
            "is_group",
            "content",
            "lead_unit",
            "coordinating_units",
            "coordinating_text",
            "timeframe",
            "is_annual",
            "timeframe_spans",
            "first_year",
            "last_year",
            "expected_output",
            "notes",
        ]


def _units_for(plan):
    from ..selectors import units_for_plan

    return units_for_plan(plan)


class TaskInputSerializer(PlanPartInput):
    position = serializers.IntegerField(**POSITION)
    plan_choices = {
        "parent": lambda plan: plan.tasks.filter(is_group=True),
        "lead_unit": _units_for,
        "coordinating_units": _units_for,
    }

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
            "position",
        ]
        extra_kwargs = {"coordinating_units": {"required": False}}


class BudgetAmountSerializer(serializers.ModelSerializer):
    class Meta:
        model = BudgetAmount
        fields = ["id", "line", "year", "source", "amount"]


class BudgetAmountInputSerializer(PlanPartInput):
    plan_choices = {"line": lambda plan: plan.budget_lines.all()}

    class Meta:
        model = BudgetAmount
        fields = ["line", "year", "source", "amount"]
        validators: list = []  # "once per line, year and source" is the service's rule, with its own message


class BudgetLineSerializer(serializers.ModelSerializer):
    state_amount = serializers.IntegerField(read_only=True, allow_null=True)
    enterprise_amount = serializers.IntegerField(read_only=True, allow_null=True)
    amounts = BudgetAmountSerializer(many=True, read_only=True)

    class Meta:
        model = BudgetLine
        fields = [
            "id",
            "parent",
            "position",
            "number",
            "content",
            "category",
            "estimate",
            "support_rate",
            "state_source",
            "basis",
            "state_amount",
            "enterprise_amount",
            "amounts",
        ]


class BudgetLineInputSerializer(PlanPartInput):
    position = serializers.IntegerField(**POSITION)
    plan_choices = {"parent": lambda plan: plan.budget_lines.filter(parent__isnull=True)}

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
            "position",
        ]


class ReportingDutySerializer(serializers.ModelSerializer):
    frequency = serializers.ChoiceField(choices=ReportingDuty.Frequency.choices, read_only=True)

    class Meta:
        model = ReportingDuty
        fields = [
            "id",
            "responsibility",
            "kind",
            "frequency",
            "level",
            "reporter",
            "reporter_text",
            "recipient_units",
            "due_day",
            "due_month",
            "year",
            "recipients",
            "note",
        ]


class ReportingDutyInputSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReportingDuty
        fields = ["kind", "level", "reporter_text", "due_day", "due_month", "year", "recipients", "note"]


class SupportLineSerializer(serializers.ModelSerializer):
    class Meta:
        model = SupportLine
        fields = ["id", "section", "heading", "wording", "beneficiary", "rate", "cap", "cap_per", "notes"]


class ResponsibilitySerializer(serializers.ModelSerializer):
    class Meta:
        model = Responsibility
        fields = ["id", "section", "body", "unit", "text"]


class BoardMemberSerializer(serializers.ModelSerializer):
    class Meta:
        model = BoardMember
        fields = ["role", "role_title", "capacity", "body", "unit", "source"]


class BoardSerializer(serializers.ModelSerializer):
    members = BoardMemberSerializer(many=True, read_only=True)

    class Meta:
        model = Board
        fields = [
            "id",
            "section",
            "kind",
            "name",
            "unit",
            "established_by",
            "composition",
            "duties",
            "notes",
            "members",
        ]


# --- Plans ----------------------------------------------------------------------------------------------------


class PlanSerializer(serializers.ModelSerializer):
    province = ProvinceBriefSerializer(read_only=True)
    standing = serializers.ChoiceField(
        choices=Plan.Standing.choices, read_only=True, help_text=_("Where the plan stands today (from its period).")
    )

    class Meta:
        model = Plan
        fields = [
            "id",
            "province",
            "programme",
            "kind",
            "title",
            "number",
            "issued_on",
            "issued_note",
            "issuer",
            "signer_name",
            "signer_title",
            "signature_block",
            "start_year",
            "end_year",
            "status",
            "standing",
            "created_at",
            "updated_at",
        ]


class PlanDetailSerializer(PlanSerializer):
    legal_basis = serializers.SerializerMethodField()
    phases = PhaseSerializer(many=True, read_only=True)
    objectives = ObjectiveSerializer(many=True, read_only=True)
    targets = TargetSerializer(many=True, read_only=True)
    tasks = TaskSerializer(many=True, read_only=True)
    budget_lines = BudgetLineSerializer(many=True, read_only=True)
    reporting_duties = ReportingDutySerializer(many=True, read_only=True)
    support_lines = SupportLineSerializer(many=True, read_only=True)
    responsibilities = ResponsibilitySerializer(many=True, read_only=True)
    boards = BoardSerializer(many=True, read_only=True)

    class Meta(PlanSerializer.Meta):
        fields = [
            *PlanSerializer.Meta.fields,
            "funding",
            "source_note",
            "legal_basis",
            "phases",
            "objectives",
            "targets",
            "tasks",
            "budget_lines",
            "support_lines",
            "responsibilities",
            "reporting_duties",
            "boards",
        ]

    @extend_schema_field(LegalDocumentSerializer(many=True))
    def get_legal_basis(self, plan: Plan) -> list[dict]:
        return LegalDocumentSerializer([link.document for link in plan.basis_links.all()], many=True).data


class PlanInputSerializer(serializers.ModelSerializer):
    province = serializers.PrimaryKeyRelatedField(queryset=Province.objects.all())
    legal_basis = ScopedPrimaryKeyRelatedField(
        permission="legaldocument.view",
        queryset=LegalDocument.objects.all(),
        many=True,
        required=False,
        help_text=_("Ids of the legal documents the plan cites, in order."),
    )

    class Meta:
        model = Plan
        fields = [
            "province",
            "programme",
            "kind",
            "title",
            "number",
            "issued_on",
            "issued_note",
            "issuer",
            "signer_name",
            "signer_title",
            "signature_block",
            "start_year",
            "end_year",
            "status",
            "funding",
            "source_note",
            "legal_basis",
        ]


class PlanUpdateSerializer(PlanInputSerializer):
    class Meta(PlanInputSerializer.Meta):
        fields = [name for name in PlanInputSerializer.Meta.fields if name != "province"]


class PlanFilterSerializer(serializers.Serializer):
    province = IdField(required=False, help_text=_("Province id (a merged province includes its predecessors)."))
    status = serializers.ChoiceField(choices=Plan.Status.choices, required=False)
    programme = serializers.ChoiceField(choices=Programme.choices, required=False)
    year = serializers.IntegerField(required=False, min_value=2000, max_value=2100, help_text=_("A year it covers."))
    search = serializers.CharField(required=False, max_length=100)
    ordering = serializers.ChoiceField(
        choices=["province", "-start_year", "start_year", "title"], required=False, help_text=_("Default: province.")
    )


# --- The budget summary ------------------------------------------------------------------------------------------


class BudgetLineFiguresSerializer(serializers.Serializer):
    line = serializers.IntegerField(source="line.pk")
    number = serializers.CharField(source="line.number")
    content = serializers.CharField(source="line.content")
    category = serializers.CharField(source="line.category")
    heading = serializers.IntegerField(source="heading_id")
    estimate = serializers.IntegerField()
    rate = serializers.DecimalField(max_digits=5, decimal_places=2, allow_null=True)
    state = serializers.IntegerField()
    enterprise = serializers.IntegerField()


class YearAmountsSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    total = serializers.IntegerField()
    sources = serializers.DictField(child=serializers.IntegerField(), help_text=_("VND by source of money."))


class BudgetHeadingSerializer(serializers.Serializer):
    line = serializers.IntegerField(source="line.pk")
    number = serializers.CharField(source="line.number")
    content = serializers.CharField(source="line.content")
    category = serializers.CharField(source="line.category")
    estimate = serializers.IntegerField()
    state = serializers.IntegerField()
    enterprise = serializers.IntegerField()
    by_year = YearAmountsSerializer(many=True)


class InconsistencySerializer(serializers.Serializer):
    code = serializers.CharField()
    line = serializers.IntegerField(allow_null=True)
    expected = serializers.IntegerField(allow_null=True)
    actual = serializers.IntegerField(allow_null=True)
    year = serializers.IntegerField(allow_null=True)


class BudgetSummarySerializer(serializers.Serializer):
    """A plan's cost estimate in VND: totals, by year and source, by heading and by line, and what does not
    add up (``plans.budget.plan_budget_summary``)."""

    plan = serializers.IntegerField()
    estimate = serializers.IntegerField(help_text=_("Total of the estimate."))
    state = serializers.IntegerField(help_text=_("The state budget's share."))
    enterprise = serializers.IntegerField(help_text=_("The enterprises' counterpart."))
    amounts_total = serializers.IntegerField(help_text=_("All money planned by year."))
    sources = serializers.ListField(child=serializers.CharField())
    by_year = YearAmountsSerializer(many=True)
    source_totals = serializers.DictField(child=serializers.IntegerField())
    headings = BudgetHeadingSerializer(many=True)
    lines = BudgetLineFiguresSerializer(many=True)
    inconsistencies = InconsistencySerializer(many=True)


def budget_summary_data(plan, summary) -> dict:
    """The summary as the serializer above reads it."""

    def years(cells: dict[int, dict[str, int]], all_years) -> list[dict]:
        return [
            {"year": year, "total": sum(cells.get(year, {}).values()), "sources": dict(cells.get(year, {}))}
            for year in all_years
        ]

    return {
        "plan": plan.pk,
        "estimate": summary.estimate,
        "state": summary.state,
        "enterprise": summary.enterprise,
        "amounts_total": summary.amounts_total,
        "sources": list(summary.sources),
        "by_year": years(summary.by_year, summary.years),
        "source_totals": summary.source_totals,
        "headings": [
            {
                "line": heading.line,
                "estimate": heading.estimate,
                "state": heading.state,
                "enterprise": heading.enterprise,
                "by_year": years(heading.amounts, sorted(heading.amounts)),
            }
            for heading in summary.headings
        ],
        "lines": list(summary.leaves),
        "inconsistencies": [
            {
                "code": item.code,
                "line": item.line.pk if item.line is not None else None,
                "expected": item.expected,
                "actual": item.actual,
                "year": item.year,
            }
            for item in summary.inconsistencies
        ],
    }


# --- What was done: activities, progress of tasks, indicator values ----------------------------------------------


class ActivitySerializer(serializers.ModelSerializer):
    cost_total = serializers.IntegerField(read_only=True)

    class Meta:
        model = Activity
        fields = ["id", "plan", *ACTIVITY_FIELDS, "cost_total", "recorded_by", "recorded_at"]


class ActivityInputSerializer(PlanPartInput):
    plan_choices = {"task": lambda plan: plan.tasks.all()}
    person_times = serializers.IntegerField(
        required=False, allow_null=True, min_value=0, help_text=_("Empty: one time per participant.")
    )

    class Meta:
        model = Activity
        fields = list(ACTIVITY_FIELDS)
        extra_kwargs = {
            name: {"min_value": 0}
            for name in ("cost_state_central", "cost_state_local", "cost_enterprise", "cost_other")
        }


class ActivityFilterSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Activity.Kind.choices, required=False)
    year = serializers.IntegerField(required=False, min_value=2000, max_value=2100)
    ordering = serializers.ChoiceField(choices=["-start_date", "start_date"], required=False)


class TaskProgressSerializer(serializers.ModelSerializer):
    plan = serializers.IntegerField(source="task.plan_id", read_only=True)

    class Meta:
        model = TaskProgress
        fields = [
            "id",
            "task",
            "plan",
            "year",
            "unit",
            "status",
            "percent_complete",
            "results",
            "difficulties",
            "reported_by",
            "reported_at",
        ]


class TaskProgressInputSerializer(serializers.ModelSerializer):
    task = ScopedPrimaryKeyRelatedField(permission="progress.view", queryset=Task.objects.filter(is_group=False))
    unit = serializers.PrimaryKeyRelatedField(
        queryset=Unit.objects.all(),
        allow_null=True,
        required=False,
        help_text=_("The unit reported for; empty: the Department for the task as a whole."),
    )
    percent_complete = serializers.IntegerField(
        required=False, min_value=0, max_value=100, help_text=_("Empty: 0, or 100 for a task reported done.")
    )

    class Meta:
        model = TaskProgress
        fields = ["task", "year", "unit", "status", "percent_complete", "results", "difficulties"]
        validators: list = []  # one report per task, year and unit: reporting again corrects it


class TaskProgressUpdateSerializer(TaskProgressInputSerializer):
    class Meta(TaskProgressInputSerializer.Meta):
        fields = ["status", "percent_complete", "results", "difficulties"]


class TaskProgressFilterSerializer(serializers.Serializer):
    plan = IdField(required=False)
    task = IdField(required=False)
    unit = IdField(required=False)
    year = serializers.IntegerField(required=False, min_value=2000, max_value=2100)


class IndicatorValueSerializer(serializers.ModelSerializer):
    class Meta:
        model = IndicatorValue
        fields = ["id", "plan", "indicator", "year", "value", "source", "note", "entered_by", "entered_at"]


class IndicatorValueInputSerializer(serializers.ModelSerializer):
    class Meta:
        model = IndicatorValue
        fields = ["indicator", "year", "value", "source", "note"]
        validators: list = []  # once per indicator and year: the service's rule, with its message


class IndicatorValueFilterSerializer(serializers.Serializer):
    indicator = IdField(required=False)
    year = serializers.IntegerField(required=False, min_value=2000, max_value=2100)
