"""Technical administration of reports: readable, and read-only where the rules say a record never changes.

Versions and compilations are made and changed only by ``reporting.services`` (requests, the Celery task,
submission): the admin never edits or deletes them. Reports can be read; their narrative is edited on the
portal's pages, which audit every change.
"""

from django.contrib import admin

from .models import NationalCompilation, Report, ReportReminder, ReportVersion


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReportVersionInline(admin.TabularInline):
    model = ReportVersion
    fields = ["number", "status", "requested_by", "requested_at", "generated_at", "submitted_at", "pdf_sha256"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Report)
class ReportAdmin(ReadOnlyAdmin):
    list_display = ["province", "kind", "start_year", "end_year", "status", "due_date", "updated_at"]
    list_filter = ["kind", "status", "start_year"]
    search_fields = ["province__name", "plan__title", "title"]
    list_select_related = ["province"]
    inlines = [ReportVersionInline]


@admin.register(ReportVersion)
class ReportVersionAdmin(ReadOnlyAdmin):
    list_display = ["report", "number", "status", "requested_at", "generated_at", "submitted_at"]
    list_filter = ["status"]
    search_fields = ["report__province__name", "request_key", "pdf_sha256"]
    list_select_related = ["report__province"]
    exclude = ["snapshot"]


@admin.register(ReportReminder)
class ReportReminderAdmin(ReadOnlyAdmin):
    list_display = ["report", "days_before", "due_date", "sent_at", "recipients"]
    list_select_related = ["report__province"]


@admin.register(NationalCompilation)
class NationalCompilationAdmin(ReadOnlyAdmin):
    list_display = ["period", "number", "status", "requested_at", "generated_at"]
    list_filter = ["status", "kind"]
    exclude = ["snapshot"]
