from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import services
from .models import Award, Certificate, Contact, Enterprise, EnterpriseClaim, Sector


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "group", "position"]
    list_filter = ["group"]
    search_fields = ["code", "name"]
    ordering = ["position", "code"]


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0


class CertificateInline(admin.TabularInline):
    model = Certificate
    extra = 0


class AwardInline(admin.TabularInline):
    model = Award
    extra = 0


@admin.register(Enterprise)
class EnterpriseAdmin(admin.ModelAdmin):
    list_display = ["name", "tax_code", "kind", "ownership", "size_class", "province", "status"]
    list_filter = ["status", "size_class", "kind", "ownership", "main_sector__group", "province"]
    search_fields = ["name", "short_name", "english_name", "tax_code"]
    list_select_related = ["province", "main_sector"]
    autocomplete_fields = ["province", "main_sector", "other_sectors"]
    readonly_fields = [
        "size_class",
        "status",
        "status_reason",
        "verified_by",
        "verified_at",
        "created_at",
        "updated_at",
    ]
    inlines = [ContactInline, CertificateInline, AwardInline]
    actions = ["verify"]
    date_hierarchy = "created_at"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_model(self, request, obj, form, change):
        # The size class follows its inputs; the same rule the profile form goes through.
        obj.size_class = services.enterprise_size_class(
            main_sector=obj.main_sector, employees=obj.employees, revenue=obj.revenue, capital=obj.capital
        )
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Verify the selected enterprises"))
    def verify(self, request, queryset):
        done = 0
        for enterprise in queryset:
            try:
                services.enterprise_verify(enterprise=enterprise, by=request.user)
                done += 1
            except ValidationError as exc:
                self.message_user(request, f"{enterprise}: {' '.join(exc.messages)}", messages.WARNING)
        self.message_user(request, _("%(count)s enterprises verified.") % {"count": done}, messages.SUCCESS)


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ["name", "position", "phone", "email", "enterprise"]
    search_fields = ["name", "email", "phone", "enterprise__name", "enterprise__tax_code"]
    list_select_related = ["enterprise"]
    autocomplete_fields = ["enterprise"]


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    list_display = [
        "enterprise",
        "standard",
        "other_standard",
        "number",
        "certification_body",
        "issued_on",
        "expires_on",
    ]
    list_filter = ["standard", "enterprise__province"]
    search_fields = ["number", "certification_body", "other_standard", "enterprise__name", "enterprise__tax_code"]
    list_select_related = ["enterprise"]
    autocomplete_fields = ["enterprise"]
    date_hierarchy = "issued_on"


@admin.register(Award)
class AwardAdmin(admin.ModelAdmin):
    list_display = ["enterprise", "year", "result", "score"]
    list_filter = ["result", "year", "enterprise__province"]
    search_fields = ["enterprise__name", "enterprise__tax_code", "note"]
    list_select_related = ["enterprise"]
    autocomplete_fields = ["enterprise"]


@admin.register(EnterpriseClaim)
class EnterpriseClaimAdmin(admin.ModelAdmin):
    list_display = ["created_at", "user", "enterprise", "status", "decided_by", "decided_at"]
    list_filter = ["status", "enterprise__province"]
    search_fields = ["user__email", "user__full_name", "enterprise__name", "enterprise__tax_code"]
    list_select_related = ["user", "enterprise", "decided_by"]
    autocomplete_fields = ["user", "enterprise"]
    readonly_fields = ["status", "decided_by", "decided_at"]
    actions = ["approve"]

    @admin.action(description=_("Approve the selected requests"))
    def approve(self, request, queryset):
        done = 0
        for claim in queryset:
            try:
                services.claim_approve(claim=claim, by=request.user)
                done += 1
            except ValidationError as exc:
                self.message_user(request, f"{claim}: {' '.join(exc.messages)}", messages.WARNING)
        self.message_user(request, _("%(count)s requests approved.") % {"count": done}, messages.SUCCESS)
