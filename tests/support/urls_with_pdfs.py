"""The portal's URLs, with stand-ins for the reporting app's decision and contract PDFs when the portal does
not route them (yet), for the test that the application's page links them once they exist."""

from django.http import HttpResponse
from django.urls import NoReverseMatch, include, path, reverse

from config.urls import urlpatterns as portal_urlpatterns


def _pdf(request, pk):  # pragma: no cover - never requested, only reversed
    return HttpResponse(b"%PDF-", content_type="application/pdf")


def _portal_has_pdfs() -> bool:
    try:
        reverse("reporting:decision_pdf", args=[1], urlconf="config.urls")
        reverse("reporting:contract_pdf", args=[1], urlconf="config.urls")
    except NoReverseMatch:
        return False
    return True


stand_ins = (
    [
        path("ho-so/<int:pk>/quyet-dinh.pdf", _pdf, name="decision_pdf"),
        path("ho-so/<int:pk>/hop-dong.pdf", _pdf, name="contract_pdf"),
    ],
    "reporting",
)
urlpatterns = list(portal_urlpatterns)
if not _portal_has_pdfs():
    urlpatterns.append(path("tai-lieu-thu/", include(stand_ins)))
