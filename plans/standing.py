"""Where a plan stands today: not yet in force, in force, superseded, ended (or a draft).

The standing follows the plan's period and the portal's today (:func:`accounts.clock.today`), never a
status typed once and left behind: the plans of 2021-2025 are ended in December 2026 without anyone
editing them. The rule, by years (the documents' periods are whole years):

- a draft stays a draft; a plan staff marked "ended" is ended;
- before its first year it is not yet in force; after its last year it is ended;
- within its period it is superseded when a later issued plan of the same province (one that starts in a
  later year) covers the current year, otherwise in force.

:func:`with_standing` computes it in the database (one annotation, so lists can filter and keep a fixed
number of queries); :func:`plan_standing` computes it for one plan. Both give the same answer (tested).
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Case, CharField, Exists, OuterRef, QuerySet, Value, When

from accounts import clock

from .models import Plan

S = Plan.Standing


def _later_plan_in_force(year: int) -> Exists:
    return Exists(
        Plan.objects.filter(
            province_id=OuterRef("province_id"),
            status=Plan.Status.IN_FORCE,
            start_year__gt=OuterRef("start_year"),
            start_year__lte=year,
            end_year__gte=year,
        )
    )


def standing_expression(today: dt.date | None = None) -> Case:
    year = (today or clock.today()).year
    return Case(
        When(status=Plan.Status.DRAFT, then=Value(S.DRAFT)),
        When(status=Plan.Status.ENDED, then=Value(S.ENDED)),
        When(start_year__gt=year, then=Value(S.UPCOMING)),
        When(end_year__lt=year, then=Value(S.ENDED)),
        When(_later_plan_in_force(year), then=Value(S.SUPERSEDED)),
        default=Value(S.IN_FORCE),
        output_field=CharField(),
    )


def with_standing(plans: QuerySet[Plan], today: dt.date | None = None) -> QuerySet[Plan]:
    """``plans`` annotated with ``standing_now`` (read by ``Plan.standing``)."""
    return plans.annotate(standing_now=standing_expression(today))


def plan_standing(plan: Plan, today: dt.date | None = None) -> str:
    """The standing of one plan (a query only when it is within its period)."""
    year = (today or clock.today()).year
    if plan.status == Plan.Status.DRAFT:
        return S.DRAFT
    if plan.status == Plan.Status.ENDED:
        return S.ENDED
    if plan.start_year > year:
        return S.UPCOMING
    if plan.end_year < year:
        return S.ENDED
    later = Plan.objects.filter(
        province_id=plan.province_id,
        status=Plan.Status.IN_FORCE,
        start_year__gt=plan.start_year,
        start_year__lte=year,
        end_year__gte=year,
    )
    return S.SUPERSEDED if later.exists() else S.IN_FORCE
