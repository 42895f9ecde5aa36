"""URLs of activities, task progress and entered indicator values, inside the plans namespace (plans:...)."""

from django.urls import path

from . import views_activities as views

urlpatterns = [
    path("<int:pk>/hoat-dong/", views.activity_list, name="activity_list"),
    path("<int:pk>/hoat-dong/them/", views.activity_create, name="activity_create"),
    path("<int:pk>/hoat-dong/<int:activity_pk>/sua/", views.activity_update, name="activity_update"),
    path("<int:pk>/hoat-dong/<int:activity_pk>/xoa/", views.activity_delete, name="activity_delete"),
    path("<int:pk>/so-lieu-chi-so/", views.indicator_value_list, name="indicator_value_list"),
    path("<int:pk>/so-lieu-chi-so/them/", views.indicator_value_create, name="indicator_value_create"),
    path("<int:pk>/so-lieu-chi-so/<int:value_pk>/sua/", views.indicator_value_update, name="indicator_value_update"),
    path("<int:pk>/so-lieu-chi-so/<int:value_pk>/xoa/", views.indicator_value_delete, name="indicator_value_delete"),
    path("tien-do/", views.progress_list, name="progress_list"),
    path("tien-do/nhiem-vu/<int:task_pk>/<int:year>/", views.progress_report, name="progress_report"),
]
