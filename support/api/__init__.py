"""The support endpoints of the REST API (mounted by ``config.api``)."""


def routes(router) -> None:
    from . import views
    from . import views_applications as apps

    router.register("support-categories", views.SupportCategoryViewSet, basename="support-category")
    router.register("policies", views.SupportPolicyViewSet, basename="policy")
    router.register("policies/<int:policy_pk>/rules", views.SupportRuleViewSet, basename="rule")
    router.register("allocations", views.BudgetAllocationViewSet, basename="allocation")
    router.register("councils", views.CouncilViewSet, basename="council")
    router.register("applications", apps.ApplicationViewSet, basename="application")
    parts = {
        "cost-items": (apps.CostItemViewSet, "cost-item"),
        "documents": (apps.DocumentViewSet, "document"),
        "events": (apps.EventViewSet, "event"),
        "messages": (apps.MessageViewSet, "message"),
        "reviews": (apps.ReviewViewSet, "review"),
        "payments": (apps.PaymentViewSet, "payment"),
    }
    for prefix, (viewset, basename) in parts.items():
        router.register(f"applications/<int:application_pk>/{prefix}", viewset, basename=basename)
