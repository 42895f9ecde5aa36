"""Reports to the Ministry (included by config/urls.py at /bao-cao/ under the namespace "reporting")."""

from django.urls import path

from . import views

app_name = "reporting"

urlpatterns = [
    path("", views.report_list, name="report_list"),
    path("tao/", views.report_create, name="report_create"),
    path("<int:pk>/", views.report_detail, name="report_detail"),
    path("<int:pk>/tao-ban/", views.report_generate, name="report_generate"),
    path("phien-ban/<int:pk>/trang-thai/", views.version_status, name="version_status"),
    path("phien-ban/<int:pk>/thu-lai/", views.version_retry, name="version_retry"),
    path("phien-ban/<int:pk>/gui-bo/", views.version_submit, name="version_submit"),
    path("phien-ban/<int:pk>/tai/<str:fmt>/", views.version_download, name="version_download"),
    path("bo/", views.ministry_matrix, name="ministry_matrix"),
    path("bo/bao-cao/<int:pk>/", views.ministry_report, name="ministry_report"),
    path("bo/tong-hop/", views.compilation_list, name="compilation_list"),
    path("bo/tong-hop/<int:pk>/trang-thai/", views.compilation_status, name="compilation_status"),
    path("bo/tong-hop/<int:pk>/thu-lai/", views.compilation_retry, name="compilation_retry"),
    path("bo/tong-hop/<int:pk>/tai/<str:fmt>/", views.compilation_download, name="compilation_download"),
    # Documents of a support application (its pk), for whoever may view the application.
    path("ho-so/<int:pk>/quyet-dinh.pdf", views.decision_pdf, name="decision_pdf"),
    path("ho-so/<int:pk>/hop-dong.pdf", views.contract_pdf, name="contract_pdf"),
]
