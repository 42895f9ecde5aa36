"""Dashboards of targets against results, under /bao-cao/tong-quan/ (namespace ``dashboard``)."""

from django.urls import path

from . import views_dashboard as views

app_name = "dashboard"

urlpatterns = [
    path("tong-quan/", views.dashboard_index, name="index"),
    path("tong-quan/tinh/<int:pk>/", views.province_dashboard, name="province"),
    path("tong-quan/ke-hoach/<int:pk>/", views.plan_dashboard, name="plan"),
]
