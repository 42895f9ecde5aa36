from django.contrib import admin

from .models import (
    Board,
    BoardMember,
    BudgetAmount,
    BudgetLine,
    Indicator,
    LegalDocument,
    Objective,
    Phase,
    Plan,
    PlanLegalBasis,
    Province,
    ReportingDuty,
    Responsibility,
    SupportLine,
    Target,
    Task,
    Unit,
)


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    list_display = ["name", "key", "gso_code", "kind", "valid_from", "valid_to", "successor"]
    list_filter = ["kind", "valid_to"]
    search_fields = ["name", "key", "gso_code"]
    list_select_related = ["successor"]
    autocomplete_fields = ["successor"]


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "province", "valid_to"]
    list_filter = ["kind", "province"]
    search_fields = ["name", "short_name", "aliases"]
    list_select_related = ["province"]
    autocomplete_fields = ["province"]


@admin.register(LegalDocument)
class LegalDocumentAdmin(admin.ModelAdmin):
    list_display = ["number", "kind", "issued_on", "issuer"]
    list_filter = ["kind", "issuer"]
    search_fields = ["number", "title", "issuer"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "unit", "source", "computation", "parameter"]
    list_filter = ["source"]
    search_fields = ["name", "code"]


class PlanLegalBasisInline(admin.TabularInline):
    model = PlanLegalBasis
    extra = 0
    autocomplete_fields = ["document"]


class PhaseInline(admin.TabularInline):
    model = Phase
    extra = 0


class ObjectiveInline(admin.StackedInline):
    model = Objective
    extra = 0


class ReportingDutyInline(admin.TabularInline):
    model = ReportingDuty
    extra = 0
    fields = ["position", "kind", "level", "reporter_text", "due_day", "due_month", "year", "recipients", "note"]


class ResponsibilityInline(admin.StackedInline):
    model = Responsibility
    extra = 0
    autocomplete_fields = ["unit"]


class SupportLineInline(admin.StackedInline):
    model = SupportLine
    extra = 0


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["__str__", "province", "kind", "number", "issued_on", "start_year", "end_year", "status"]
    list_filter = ["status", "kind", "programme", "province"]
    search_fields = ["title", "number", "province__name"]
    list_select_related = ["province"]
    autocomplete_fields = ["province"]
    inlines = [
        PlanLegalBasisInline,
        PhaseInline,
        ObjectiveInline,
        SupportLineInline,
        ResponsibilityInline,
        ReportingDutyInline,
    ]


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ["indicator", "plan", "phase", "measure", "period", "comparator", "value_min", "value_max", "unit"]
    list_filter = ["measure", "period", "comparator", "plan__province"]
    search_fields = ["text", "indicator__name"]
    list_select_related = ["indicator", "plan__province", "phase"]
    autocomplete_fields = ["plan", "indicator"]


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin):
    list_display = ["__str__", "plan", "lead_unit", "timeframe", "expected_output"]
    list_filter = ["is_annual", "plan__province"]
    search_fields = ["content", "number", "lead_unit__name"]
    list_select_related = ["plan__province", "lead_unit"]
    autocomplete_fields = ["plan", "parent", "lead_unit", "coordinating_units"]


class BudgetAmountInline(admin.TabularInline):
    model = BudgetAmount
    extra = 0


@admin.register(BudgetLine)
class BudgetLineAdmin(admin.ModelAdmin):
    list_display = ["__str__", "plan", "category", "estimate", "support_rate", "state_source"]
    list_filter = ["category", "plan__province"]
    search_fields = ["content", "number"]
    list_select_related = ["plan__province"]
    autocomplete_fields = ["plan", "parent"]
    inlines = [BudgetAmountInline]


@admin.register(ReportingDuty)
class ReportingDutyAdmin(admin.ModelAdmin):
    list_display = ["plan", "kind", "level", "reporter_text", "due_day", "due_month", "year", "recipients"]
    list_filter = ["kind", "level"]
    list_select_related = ["plan__province"]
    autocomplete_fields = ["plan", "responsibility", "reporter", "recipient_units"]


@admin.register(Responsibility)
class ResponsibilityAdmin(admin.ModelAdmin):
    list_display = ["__str__", "plan", "section", "unit"]
    list_filter = ["plan__province"]
    search_fields = ["body", "text"]
    list_select_related = ["plan__province", "unit"]
    autocomplete_fields = ["plan", "unit"]


class BoardMemberInline(admin.TabularInline):
    model = BoardMember
    extra = 0
    autocomplete_fields = ["unit"]


@admin.register(Board)
class BoardAdmin(admin.ModelAdmin):
    list_display = ["name", "plan", "kind", "section"]
    list_filter = ["kind", "plan__province"]
    search_fields = ["name", "composition"]
    list_select_related = ["plan__province"]
    autocomplete_fields = ["plan", "unit"]
    inlines = [BoardMemberInline]
