"""The portal's URLs plus one bench-only page, used by scripts/bench.py through ``override_settings(ROOT_URLCONF=
"bench_urls")`` and never by the portal itself: the floor, a plain Django view rendering the base template with no
query (an anonymous request: no session, no user), against which every measured page is compared."""

from django.shortcuts import render
from django.urls import path

from config.urls import urlpatterns as portal_urlpatterns


def floor(request):
    return render(request, "base.html")


urlpatterns = [path("__bench__/floor/", floor, name="bench_floor"), *portal_urlpatterns]
