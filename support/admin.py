"""Django admin for the technical administrator. Statuses and money move only through the workflow and the
services: those fields are not editable here, and applications are not created here."""

from django.contrib import admin

from .models import (
    Acceptance,
    Application,
    ApplicationEvent,
    ApplicationMessage,
    Attachment,
    BudgetAllocation,
    Contract,
    CostItem,
    Council,
    CouncilMember,
    Decision,
    Payment,
    Review,
    RuleCostKind,
    SupportCategory,
    SupportPolicy,
    SupportRule,
)


@admin.register(SupportCategory)
class SupportCategoryAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "legal_reference", "position", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["code", "name"]


class SupportRuleInline(admin.TabularInline):
    model = SupportRule
    extra = 0
    fields = ["position", "category", "rate", "cap", "cap_per", "once_per_enterprise"]
    show_change_link = True


@admin.register(SupportPolicy)
class SupportPolicyAdmin(admin.ModelAdmin):
    list_display = ["name", "province", "effective_from", "effective_to", "priority_sector_mode"]
    list_filter = ["province", "priority_sector_mode"]
    search_fields = ["name", "legal_basis_text"]
    autocomplete_fields = ["legal_basis"]
    filter_horizontal = ["priority_sectors"]
    list_select_related = ["province"]
    inlines = [SupportRuleInline]


class RuleCostKindInline(admin.TabularInline):
    model = RuleCostKind
    extra = 0


@admin.register(SupportRule)
class SupportRuleAdmin(admin.ModelAdmin):
    list_display = ["policy", "category", "rate", "cap", "cap_per", "once_per_enterprise"]
    list_filter = ["policy__province", "category", "cap_per"]
    list_select_related = ["policy", "category"]
    inlines = [RuleCostKindInline]


@admin.register(RuleCostKind)
class RuleCostKindAdmin(admin.ModelAdmin):
    list_display = ["rule", "kind", "eligible", "rate", "note"]
    list_filter = ["kind", "eligible"]
    list_select_related = ["rule__policy", "rule__category"]


@admin.register(BudgetAllocation)
class BudgetAllocationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "province", "year", "amount", "committed", "disbursed"]
    list_filter = ["province", "year"]
    readonly_fields = ["committed", "disbursed"]
    list_select_related = ["province", "policy", "budget_line"]


class CouncilMemberInline(admin.TabularInline):
    model = CouncilMember
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Council)
class CouncilAdmin(admin.ModelAdmin):
    list_display = ["name", "province", "year", "round", "decision_number", "decision_date"]
    list_filter = ["province", "year"]
    search_fields = ["name", "decision_number"]
    inlines = [CouncilMemberInline]


@admin.register(CouncilMember)
class CouncilMemberAdmin(admin.ModelAdmin):
    list_display = ["council", "user", "role"]
    list_filter = ["role"]
    list_select_related = ["council", "user"]


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class CostItemInline(ReadOnlyInline):
    model = CostItem


class AttachmentInline(ReadOnlyInline):
    model = Attachment
    fields = ["kind", "original_name", "size", "sha256", "uploaded_by", "uploaded_at"]


class EventInline(ReadOnlyInline):
    model = ApplicationEvent
    fields = ["at", "transition", "from_status", "to_status", "actor", "comment"]


class PaymentInline(ReadOnlyInline):
    model = Payment


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "enterprise", "rule", "budget_year", "status", "max_support", "approved_amount"]
    list_filter = ["status", "province", "budget_year", "rule__category"]
    search_fields = ["title", "enterprise__name", "enterprise__tax_code"]
    list_select_related = ["enterprise", "rule__policy", "rule__category"]
    readonly_fields = [
        "enterprise",
        "rule",
        "province",
        "status",
        "max_support",
        "approved_amount",
        "final_amount",
        "paid_total",
        "council",
        "allocation",
        "created_by",
        "created_at",
        "submitted_at",
    ]
    inlines = [CostItemInline, AttachmentInline, EventInline, PaymentInline]

    def has_add_permission(self, request):
        return False


@admin.register(CostItem)
class CostItemAdmin(admin.ModelAdmin):
    list_display = ["application", "kind", "description", "estimated_amount", "actual_amount"]
    list_filter = ["kind"]
    list_select_related = ["application"]


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    list_display = ["original_name", "application", "kind", "size", "uploaded_by", "uploaded_at"]
    list_filter = ["kind"]
    readonly_fields = ["file", "original_name", "size", "content_type", "sha256", "uploaded_by", "uploaded_at"]
    list_select_related = ["application", "uploaded_by"]

    def has_add_permission(self, request):
        return False


@admin.register(ApplicationEvent)
class ApplicationEventAdmin(admin.ModelAdmin):
    list_display = ["application", "at", "transition", "from_status", "to_status", "actor"]
    list_filter = ["transition", "to_status"]
    list_select_related = ["application", "actor"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ApplicationMessage)
class ApplicationMessageAdmin(admin.ModelAdmin):
    list_display = ["application", "author", "from_enterprise", "created_at"]
    list_select_related = ["application", "author"]


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["application", "member", "conflict_of_interest", "score", "recommendation"]
    list_filter = ["conflict_of_interest", "recommendation"]
    list_select_related = ["application", "member__user"]


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ["number", "decided_on", "application", "approved_amount", "signer_name"]
    list_select_related = ["application"]
    readonly_fields = ["approved_amount"]


@admin.register(Contract)
class ContractAdmin(admin.ModelAdmin):
    list_display = ["number", "signed_on", "application", "signer_name"]
    list_select_related = ["application"]


@admin.register(Acceptance)
class AcceptanceAdmin(admin.ModelAdmin):
    list_display = ["minutes_number", "accepted_on", "application", "quoted_support", "final_amount"]
    list_select_related = ["application"]
    readonly_fields = ["actual_cost", "eligible_actual_cost", "quoted_support", "final_amount", "explanation"]


@admin.register(Payment)
class PaymentAdmin(admin.ModelAdmin):
    list_display = ["reference", "paid_on", "application", "amount", "recorded_by"]
    list_select_related = ["application", "recorded_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
