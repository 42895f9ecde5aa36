from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from . import services
from .models import ApiToken, AuditEntry, Membership, Notification, User


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["province", "unit", "enterprise"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "is_active", "is_staff", "is_demo", "last_login"]
    list_filter = ["is_active", "is_staff", "is_superuser", "is_demo", "memberships__role"]
    search_fields = ["email", "full_name", "phone"]
    inlines = [MembershipInline]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("full_name", "phone")}),
        (_("Permissions"), {"fields": ("is_active", "is_staff", "is_superuser", "is_demo", "groups")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "full_name", "password1", "password2")}),)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "is_active" in form.changed_data and not obj.is_active:
            services.api_tokens_revoke(user=obj, by=request.user, reason=_("the account was deactivated"))


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are issued by the API (``POST /api/v1/auth/token/``) and shown once; here they are only seen and
    revoked."""

    list_display = ["prefix", "user", "created_at", "expires_at"]
    search_fields = ["user__email", "prefix"]
    list_select_related = ["user"]
    readonly_fields = ["user", "prefix", "created_at", "expires_at"]
    exclude = ["password_fingerprint"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "province", "unit", "enterprise", "title", "is_active"]
    list_filter = ["role", "is_active"]
    search_fields = ["user__email", "user__full_name", "province__name", "unit__name", "enterprise__name"]
    autocomplete_fields = ["user", "province", "unit", "enterprise"]
    list_select_related = ["user", "province", "unit", "enterprise"]


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "actor", "action", "content_type", "object_repr", "province"]
    list_filter = ["action", "content_type"]
    search_fields = ["object_repr", "actor__email", "comment"]
    list_select_related = ["actor", "content_type", "province"]
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["created_at", "user", "title", "read_at"]
    search_fields = ["user__email", "title"]
    list_select_related = ["user"]
    autocomplete_fields = ["user"]
