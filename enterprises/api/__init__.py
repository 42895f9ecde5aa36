"""The enterprises endpoints of the REST API (mounted by ``config.api``)."""


def routes(router) -> None:
    from . import views

    router.register("sectors", views.SectorViewSet, basename="sector")
    router.register("enterprises", views.EnterpriseViewSet, basename="enterprise")
    router.register("enterprises/<int:enterprise_pk>/certificates", views.CertificateViewSet, basename="certificate")
    router.register("enterprises/<int:enterprise_pk>/awards", views.AwardViewSet, basename="award")
    router.register("enterprises/<int:enterprise_pk>/contacts", views.ContactViewSet, basename="contact")
