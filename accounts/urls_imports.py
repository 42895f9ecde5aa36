"""Imports and exports, at /nhap-xuat/ (imports:...). The export views live with the lists they export."""

from django.urls import path

from enterprises import exports as enterprise_exports
from plans import exports as plan_exports
from support import exports as support_exports

from . import views_imports as views

app_name = "imports"

urlpatterns = [
    path("", views.index, name="index"),
    path("nhap/<slug:kind>/", views.upload, name="upload"),
    path("mau/<slug:kind>/", views.template, name="template"),
    path("viec/<int:pk>/", views.job_detail, name="job"),
    path("viec/<int:pk>/tien-do/", views.job_progress, name="job_progress"),
    path("viec/<int:pk>/xac-nhan/", views.job_confirm, name="job_confirm"),
    # Exports of the lists, with the list page's query string and ?format=xlsx|csv.
    path("xuat/ke-hoach/", plan_exports.plan_export, name="export_plans"),
    path("xuat/ke-hoach/<int:pk>/nhiem-vu/", plan_exports.task_export, name="export_tasks"),
    path("xuat/ke-hoach/<int:pk>/hoat-dong/", plan_exports.activity_export, name="export_activities"),
    path("xuat/doanh-nghiep/", enterprise_exports.enterprise_export, name="export_enterprises"),
    path("xuat/ho-so-ho-tro/", support_exports.application_export, name="export_applications"),
    path("xuat/ngan-sach/", support_exports.budget_export, name="export_budget"),
]
