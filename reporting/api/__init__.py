"""The reporting endpoints of the REST API (mounted by ``config.api``)."""

from django.urls import path


def routes(router) -> None:
    from . import views

    router.register("reports", views.ReportViewSet, basename="report")
    router.register("reports/<int:report_pk>/versions", views.ReportVersionViewSet, basename="report-version")


def urls() -> list:
    from . import views_progress

    return [
        path("plans/<int:plan_pk>/progress/", views_progress.PlanProgressView.as_view(), name="plan-progress"),
        path(
            "plans/<int:plan_pk>/targets/<int:pk>/progress/",
            views_progress.TargetProgressView.as_view(),
            name="target-progress",
        ),
    ]
