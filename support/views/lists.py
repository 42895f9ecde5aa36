"""Lists of applications: the staff's queue, the enterprise's own applications and the council member's
applications to appraise. Each page is one query for its rows, whatever their number."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from accounts import access

from .. import selectors
from ..choices import Status
from ..forms import QueueFilterForm, StatusFilterForm
from .common import page_of


@login_required
def application_queue(request):
    """The province's applications for its staff (and, read-only, for the Ministry)."""
    if not access.can(request.user, "application.list"):
        raise PermissionDenied
    form = QueueFilterForm(request.GET or None, province_ids=access.province_ids(request.user, "application.list"))
    applications = selectors.application_queue(user=request.user, **form.filters())
    return render(
        request,
        "support/application_queue.html",
        {"form": form, "page": page_of(request, applications), "filtered": bool(form.filters())},
    )


@login_required
def my_applications(request):
    """The applications of the person's enterprises, newest first."""
    if not access.can(request.user, "application.add"):
        raise PermissionDenied
    form = StatusFilterForm(request.GET or None)
    applications = selectors.enterprise_applications(user=request.user, status=form.chosen())
    return render(
        request,
        "support/my_applications.html",
        {"form": form, "page": page_of(request, applications), "filtered": bool(form.chosen())},
    )


@login_required
def council_reviews(request):
    """The applications assigned to the councils the person sits on: those awaiting the council by default,
    or all of them."""
    if not access.can(request.user, "application.review"):
        raise PermissionDenied
    show_all = request.GET.get("all") == "1"
    applications = selectors.council_applications(user=request.user, status="" if show_all else Status.COUNCIL_REVIEW)
    return render(
        request,
        "support/council_reviews.html",
        {"page": page_of(request, applications), "show_all": show_all},
    )
