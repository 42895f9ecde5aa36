from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from accounts.views import admin_login

from . import views

admin.site.site_header = _("NSCL portal: technical administration")
admin.site.site_title = _("NSCL portal")

urlpatterns = [
    path("", views.home, name="home"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("tai-khoan/", include("accounts.urls")),
    path("ke-hoach/", include("plans.urls")),
    path("doanh-nghiep/", include("enterprises.urls")),
    path("ho-tro/", include("support.urls")),
    path("bao-cao/", include("reporting.urls_dashboard")),
    path("bao-cao/", include("reporting.urls")),
    path("nhap-xuat/", include("accounts.urls_imports")),
    path("api/", include("config.api")),
    path("quan-tri/login/", admin_login),  # the admin's sign-in, answering 429 when the sign-in limit refuses
    path("quan-tri/", admin.site.urls),
]
