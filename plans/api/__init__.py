"""The plans endpoints of the REST API (mounted by ``config.api``)."""


def routes(router) -> None:
    from . import views, views_activities

    router.register("provinces", views.ProvinceViewSet, basename="province")
    router.register("units", views.UnitViewSet, basename="unit")
    router.register("legal-documents", views.LegalDocumentViewSet, basename="legal-document")
    router.register("indicators", views.IndicatorViewSet, basename="indicator")
    router.register("plans", views.PlanViewSet, basename="plan")
    for prefix, viewset in views.PLAN_PARTS.items():
        router.register(f"plans/<int:plan_pk>/{prefix}", viewset, basename=f"plan-{prefix}")
    router.register("plans/<int:plan_pk>/activities", views_activities.ActivityViewSet, basename="plan-activities")
    router.register(
        "plans/<int:plan_pk>/indicator-values", views_activities.IndicatorValueViewSet, basename="plan-indicator-values"
    )
    router.register("task-progress", views_activities.TaskProgressViewSet, basename="task-progress")
