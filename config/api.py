"""The REST API, mounted at /api/ by config/urls.py: the v1 endpoints of every app (``<app>/api``), the
OpenAPI schema (/api/schema/) and its documentation pages (/api/docs/ Swagger UI, /api/redoc/ Redoc; their
assets come from drf-spectacular-sidecar, so they work offline).

The schema and the documentation are open in the embedded default and behind sign-in in production
(``NSCL_API_DOCS_PUBLIC``). The documentation pages run no inline script (Swagger UI's start-up script is served
by its own URL, Redoc is started by its element); Redoc writes its styles into the page, so its page alone allows
inline styles, and Swagger UI's stylesheet draws its icons as ``data:`` images."""

from functools import wraps

from csp.constants import SELF, UNSAFE_INLINE
from csp.decorators import csp_replace, csp_update
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView
from rest_framework import permissions
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


class DocsPermission(permissions.BasePermission):
    """The schema: anyone while ``NSCL_API_DOCS_PUBLIC``, else a signed-in person (session or token)."""

    def has_permission(self, request, view) -> bool:
        return settings.NSCL_API_DOCS_PUBLIC or bool(request.user and request.user.is_authenticated)


def docs_page(view):
    """A documentation page: to the sign-in page first when the documentation is not public."""

    @wraps(view)
    def page(request, *args, **kwargs):
        if not settings.NSCL_API_DOCS_PUBLIC and not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return page


# Redoc writes its styles into the page when it runs: inline styles for that page only, and no nonce in style-src
# (browsers ignore 'unsafe-inline' beside a nonce).
REDOC_STYLES = csp_replace({"style-src": [SELF, UNSAFE_INLINE]})
DOCS = {"permission_classes": [DocsPermission], "url_name": "api:schema"}
swagger = SpectacularSwaggerSplitView.as_view(template_name="api/swagger_ui.html", **DOCS)
redoc = SpectacularRedocView.as_view(template_name="api/redoc.html", **DOCS)

app_name = "api"

urlpatterns = [
    path("v1/", include(v1)),
    path("schema/", SpectacularAPIView.as_view(permission_classes=[DocsPermission]), name="schema"),
    path("docs/", docs_page(csp_update({"img-src": ["data:"]})(swagger)), name="docs"),
    path(
        "redoc/",
        docs_page(REDOC_STYLES(csp_update({"img-src": ["data:"], "worker-src": [SELF, "blob:"]})(redoc))),
        name="redoc",
    ),
]
