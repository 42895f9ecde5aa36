"""The REST API, mounted at /api/ by config/urls.py: the v1 endpoints of every app (``<app>/api``), the
OpenAPI schema (/api/schema/) and its documentation pages (/api/docs/ Swagger UI, /api/redoc/ Redoc; their
assets come from drf-spectacular-sidecar, so they work offline)."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.routers import SimpleRouter

from accounts.api import views as accounts_api
from enterprises import api as enterprises_api
from plans import api as plans_api
from reporting import api as reporting_api
from support import api as support_api

router = SimpleRouter(use_regex_path=False)
for app in (accounts_api, plans_api, enterprises_api, support_api, reporting_api):
    app.routes(router)

v1 = [
    path("auth/token/", accounts_api.TokenView.as_view(), name="auth-token"),
    path("auth/me/", accounts_api.MeView.as_view(), name="auth-me"),
    *reporting_api.urls(),
    *router.urls,
]

app_name = "api"

urlpatterns = [
    path("v1/", include(v1)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
]
