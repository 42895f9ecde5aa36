"""The actual values of indicators, computed in the database from the portal's own data.

An :class:`~plans.models.Indicator` is either *computed* (its ``computation`` key names one of the counts
below, narrowed by its ``parameter``) or *manual* (its values are entered per plan and year, with their
source, as :class:`~plans.models.IndicatorValue`). :func:`indicator_values` returns, for a plan, a set of
indicators and a set of years, one :class:`IndicatorSeries` per indicator, in a handful of aggregate queries
(one per family of facts: applications, activities, awards, payments, paid applications, entered values),
whatever the number of rows, years or indicators.

Computation keys (the ``computation`` field; the ``parameter`` narrows it)
---------------------------------------------------------------------------

Support (``support.Application`` of the plan's province, counted by **budget year**; an application counts
once it is *approved or later and not cancelled*: approved, contracted, implementing, awaiting acceptance,
accepted, paid — the states where ``support.workflow`` commits money):

``enterprises_supported``
    Distinct enterprises with at least one such application in the period (a year, or a phase: an enterprise
    supported in two years of a phase counts once for the phase). Parameter: support category codes, comma
    separated (``product-certification,system-certification``); the catalogue's short names are accepted too
    (see :data:`CATEGORY_ALIASES`). Empty: every category.
``enterprises_supported_growth``
    Year-on-year growth of ``enterprises_supported`` (same parameter), in %: (N − N−1) / N−1 × 100, rounded
    half up to 0.01. None when year N−1 has no supported enterprise.
``enterprises_st_tasks``
    Distinct enterprises carrying out an S&T task: every support application follows the S&T task procedure
    (dossier, council, decision, contract, acceptance), so this counts like ``enterprises_supported``;
    the parameter (category codes) narrows it, e.g. to ``technology-innovation``.
``state_funds_disbursed``
    VND paid to enterprises (``support.Payment.amount``) in the year of the payment date.
``enterprise_funds``
    VND of counterpart funds of applications fully paid (status *paid*), by budget year.

Activities (``plans.Activity`` of the plans of the province, counted in the year of the **start date**):

``enterprises_trained``
    Sum of "enterprises taking part" over training courses and trainings of experts. (Activities record a
    number of enterprises, not which ones: an enterprise trained twice counts twice.)
``persons_trained``
    Sum of participants (persons) over training courses and trainings of experts. Parameter: an audience
    (``officials``, ``enterprises``, ``mixed``), comma separated; empty: every audience.
``person_times_trained``
    Sum of person-times over training courses and trainings of experts; parameter: audience, as above.
``experts_trained`` / ``experts_certified``
    Sum of experts trained / certified over all activities.
``activities_count``
    Sum of ``quantity`` over the activities whose kind (``training_course``, ``expert_training``,
    ``conference``, ``communication``, ``study_tour``, ``award``) or communication type (``tv_report``,
    ``talk_show``, ``video``, ``leaflet``, ``article``, ``other``) is in the parameter (comma separated; empty:
    every activity). Three TV reports recorded as one row with quantity 3 count 3.
``activity_costs``
    VND spent on activities; parameter: the sources (``state_central``, ``state_local``, ``enterprise``,
    ``other``), comma separated; empty: all sources.

National Quality Award (``enterprises.Award`` of the province's enterprises, by award **year**):

``nqa_entrants``
    Distinct enterprises with a result that year (entrants and winners: every winner entered).
``nqa_winners``
    Distinct enterprises that won the award or the gold award; parameter ``gold``: gold only.

Manual indicators read ``plans.IndicatorValue`` of the plan: None for a year with no value entered.

Across the 2025 merger
----------------------
From 1 July 2025 several provinces were merged into a successor. Facts are recorded against the province of
their time. A plan of a province counts the facts of that province, whatever their date: the plan of an old
province (Kon Tum 2021-2025) counts its own data and nothing of its successor. A plan of a successor province
also counts the facts of the provinces merged into it, but only those dated on or after 1 July 2025: an
activity by its start date, a payment by its payment date, an application by the date of its approval
decision (its budget year from 2025 on when it has no decision), an award by its year (from 2025 on: the
award has no date, and its results are announced at the end of the year).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from django.db.models import BigIntegerField, Count, Q, Sum, Value
from django.db.models.functions import Coalesce, ExtractYear

from plans.models import MERGER_DATE_ISO, Activity, Indicator, IndicatorValue, Plan, Province

MERGER_DATE = dt.date.fromisoformat(MERGER_DATE_ISO)
HUNDRED = Decimal(100)
CENT = Decimal("0.01")

# Short names the indicator catalogue uses for groups of support categories.
CATEGORY_ALIASES: dict[str, tuple[str, ...]] = {
    "certification": ("product-certification", "system-certification"),
    "smart_production": ("digital-tools",),
    "traceability": ("traceability-gap-organic-green",),
    "organic": ("traceability-gap-organic-green",),
    "gap": ("traceability-gap-organic-green",),
    "management_systems": ("management-systems",),
    "improvement_tools": ("improvement-tools",),
}


class Aggregation(StrEnum):
    """How a computed indicator adds up over several years (a phase)."""

    SUM = "sum"  # yearly values add up (activities, money)
    DISTINCT = "distinct"  # distinct enterprises: counted again over the whole span, each enterprise once
    GROWTH = "growth"  # a yearly rate: averaged over the years with a value
    ENTERED = "entered"  # manual: how it adds up depends on the target's measure (see reporting.progress)


class Family(StrEnum):
    APPLICATIONS = "applications"
    ACTIVITIES = "activities"
    AWARDS = "awards"
    PAYMENTS = "payments"
    PAID_APPLICATIONS = "paid_applications"


@dataclass(frozen=True)
class Computation:
    key: str
    family: Family
    aggregation: Aggregation
    is_money: bool = False


COMPUTATIONS: dict[str, Computation] = {
    c.key: c
    for c in (
        Computation("enterprises_supported", Family.APPLICATIONS, Aggregation.DISTINCT),
        Computation("enterprises_supported_growth", Family.APPLICATIONS, Aggregation.GROWTH),
        Computation("enterprises_st_tasks", Family.APPLICATIONS, Aggregation.DISTINCT),
        Computation("state_funds_disbursed", Family.PAYMENTS, Aggregation.SUM, is_money=True),
        Computation("enterprise_funds", Family.PAID_APPLICATIONS, Aggregation.SUM, is_money=True),
        Computation("enterprises_trained", Family.ACTIVITIES, Aggregation.SUM),
        Computation("persons_trained", Family.ACTIVITIES, Aggregation.SUM),
        Computation("person_times_trained", Family.ACTIVITIES, Aggregation.SUM),
        Computation("experts_trained", Family.ACTIVITIES, Aggregation.SUM),
        Computation("experts_certified", Family.ACTIVITIES, Aggregation.SUM),
        Computation("activities_count", Family.ACTIVITIES, Aggregation.SUM),
        Computation("activity_costs", Family.ACTIVITIES, Aggregation.SUM, is_money=True),
        Computation("nqa_entrants", Family.AWARDS, Aggregation.DISTINCT),
        Computation("nqa_winners", Family.AWARDS, Aggregation.DISTINCT),
    )
}

ACTIVITY_COST_FIELDS = {
    "state_central": "cost_state_central",
    "state_local": "cost_state_local",
    "enterprise": "cost_enterprise",
    "other": "cost_other",
}


# --- Whose facts count --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """The provinces whose facts count: the province itself (every date), and the provinces merged into it
    (only facts dated on or after 1 July 2025)."""

    province_id: int
    predecessor_ids: tuple[int, ...] = ()

    @classmethod
    def for_province(cls, province: Province | int) -> Scope:
        province_id = province if isinstance(province, int) else province.pk
        predecessors = Province.objects.filter(successor_id=province_id).order_by("pk").values_list("pk", flat=True)
        return cls(province_id=province_id, predecessor_ids=tuple(predecessors))

    @classmethod
    def for_plan(cls, plan: Plan) -> Scope:
        return cls.for_province(plan.province_id)

    def q(self, province_path: str, *, date_path: str | None = None, year_path: str | None = None) -> Q:
        """The filter for facts reached through ``province_path``. A predecessor's fact counts from the merger
        on: by ``date_path`` when it has a date, else by ``year_path`` (from 2025)."""
        own = Q(**{province_path: self.province_id})
        if not self.predecessor_ids:
            return own
        if date_path and year_path:
            since = Q(**{f"{date_path}__gte": MERGER_DATE}) | Q(
                **{f"{date_path}__isnull": True, f"{year_path}__gte": MERGER_DATE.year}
            )
        elif date_path:
            since = Q(**{f"{date_path}__gte": MERGER_DATE})
        elif year_path:
            since = Q(**{f"{year_path}__gte": MERGER_DATE.year})
        else:
            raise ValueError("A fact needs a date or a year to be placed across the merger.")
        return own | (Q(**{f"{province_path}__in": self.predecessor_ids}) & since)


# --- Results ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorSeries:
    """An indicator's actual values for a plan: per year, and (distinct counts only) over spans of years.

    ``by_year`` holds every year asked for: 0 for a computed count with nothing recorded, None when there
    is no value (a manual indicator with nothing entered, a growth rate without a base year).
    ``sources`` gives, for manual indicators, where each year's value comes from."""

    indicator: Indicator
    aggregation: Aggregation
    by_year: dict[int, Decimal | None]
    by_span: dict[tuple[int, int], Decimal | None] = field(default_factory=dict)
    sources: dict[int, str] = field(default_factory=dict)
    is_money: bool = False

    @property
    def is_computed(self) -> bool:
        return self.aggregation != Aggregation.ENTERED

    def value(self, year: int) -> Decimal | None:
        return self.by_year.get(year)


def parameters(indicator: Indicator) -> list[str]:
    return [p.strip() for p in (indicator.parameter or "").split(",") if p.strip()]


def category_codes(indicator: Indicator) -> list[str]:
    codes: list[str] = []
    for name in parameters(indicator):
        for code in CATEGORY_ALIASES.get(name, (name,)):
            if code not in codes:
                codes.append(code)
    return codes


def computation_of(indicator: Indicator) -> Computation | None:
    if indicator.source != Indicator.Source.COMPUTED:
        return None
    return COMPUTATIONS.get(indicator.computation)


# --- The queries, one per family -------------------------------------------------------------------------------


def _years_q(path: str, years: Sequence[int]) -> Q:
    return Q(**{f"{path}__gte": min(years), f"{path}__lte": max(years)})


def _dates_q(path: str, years: Sequence[int]) -> Q:
    return Q(**{f"{path}__gte": dt.date(min(years), 1, 1), f"{path}__lte": dt.date(max(years), 12, 31)})


def _application_filter(indicator: Indicator) -> Q:
    codes = category_codes(indicator)
    return Q(rule__category__code__in=codes) if codes else Q()


def _committed_statuses() -> frozenset[str]:
    from support.workflow import states_where

    return states_where("money_committed")


def _application_rows(scope: Scope, indicators: Sequence[Indicator], years: Sequence[int], spans):
    """Distinct enterprises per budget year (and per span) for each application indicator: two queries."""
    from support.models import Application

    base = Application.objects.filter(
        scope.q("province_id", date_path="decision__decided_on", year_path="budget_year"),
        status__in=_committed_statuses(),
    )
    columns = {
        f"i{ind.pk}": Count("enterprise_id", distinct=True, filter=_application_filter(ind)) for ind in indicators
    }
    yearly = {
        row["budget_year"]: row
        for row in base.filter(_years_q("budget_year", years))
        .values("budget_year")
        .annotate(**columns)
        .order_by("budget_year")
    }
    by_span: dict[tuple[int, int], dict[str, int]] = {}
    distinct = [ind for ind in indicators if COMPUTATIONS[ind.computation].aggregation == Aggregation.DISTINCT]
    if spans and distinct:
        span_columns = {
            f"i{ind.pk}_{a}_{b}": Count(
                "enterprise_id",
                distinct=True,
                filter=_application_filter(ind) & Q(budget_year__gte=a, budget_year__lte=b),
            )
            for ind in distinct
            for a, b in spans
        }
        totals = base.aggregate(**span_columns)
        for ind in distinct:
            for a, b in spans:
                by_span.setdefault((a, b), {})[f"i{ind.pk}"] = totals[f"i{ind.pk}_{a}_{b}"] or 0
    return yearly, by_span


def _activity_filter(indicator: Indicator) -> Q:
    key, params = indicator.computation, parameters(indicator)
    training = Q(kind__in=Activity.TRAINING_KINDS)
    if key in ("persons_trained", "person_times_trained", "enterprises_trained"):
        return training & Q(audience__in=params) if params and key != "enterprises_trained" else training
    if key == "activities_count" and params:
        return Q(kind__in=params) | Q(communication_type__in=params)
    return Q()


ACTIVITY_COLUMNS = {
    "enterprises_trained": "enterprises",
    "persons_trained": "participants",
    "person_times_trained": "person_times",
    "experts_trained": "experts_trained",
    "experts_certified": "experts_certified",
    "activities_count": "quantity",
}


def _activity_column(indicator: Indicator):
    where = _activity_filter(indicator)
    if indicator.computation == "activity_costs":
        sources = parameters(indicator) or list(ACTIVITY_COST_FIELDS)
        names = [ACTIVITY_COST_FIELDS[s] for s in sources if s in ACTIVITY_COST_FIELDS]
        if not names:
            return Value(0, output_field=BigIntegerField())
        total = Coalesce(Sum(names[0], filter=where), 0)
        for name in names[1:]:
            total = total + Coalesce(Sum(name, filter=where), 0)
        return total
    return Coalesce(Sum(ACTIVITY_COLUMNS[indicator.computation], filter=where), 0)


def _activity_rows(scope: Scope, indicators: Sequence[Indicator], years: Sequence[int]):
    rows = (
        Activity.objects.filter(scope.q("plan__province_id", date_path="start_date"), _dates_q("start_date", years))
        .annotate(year=ExtractYear("start_date"))
        .values("year")
        .annotate(**{f"i{ind.pk}": _activity_column(ind) for ind in indicators})
        .order_by("year")
    )
    return {row["year"]: row for row in rows}


def _award_filter(indicator: Indicator) -> Q:
    from enterprises.models import Award

    if indicator.computation == "nqa_winners":
        if "gold" in parameters(indicator):
            return Q(result=Award.Result.GOLD)
        return Q(result__in=[Award.Result.AWARD, Award.Result.GOLD])
    return Q()


def _award_rows(scope: Scope, indicators: Sequence[Indicator], years: Sequence[int], spans):
    from enterprises.models import Award

    base = Award.objects.filter(scope.q("enterprise__province_id", year_path="year"))
    columns = {f"i{ind.pk}": Count("enterprise_id", distinct=True, filter=_award_filter(ind)) for ind in indicators}
    yearly = {
        row["year"]: row
        for row in base.filter(_years_q("year", years)).values("year").annotate(**columns).order_by("year")
    }
    by_span: dict[tuple[int, int], dict[str, int]] = {}
    if spans:
        totals = base.aggregate(
            **{
                f"i{ind.pk}_{a}_{b}": Count(
                    "enterprise_id", distinct=True, filter=_award_filter(ind) & Q(year__gte=a, year__lte=b)
                )
                for ind in indicators
                for a, b in spans
            }
        )
        for ind in indicators:
            for a, b in spans:
                by_span.setdefault((a, b), {})[f"i{ind.pk}"] = totals[f"i{ind.pk}_{a}_{b}"] or 0
    return yearly, by_span


def _payment_rows(scope: Scope, indicators: Sequence[Indicator], years: Sequence[int]):
    from support.models import Payment

    rows = (
        Payment.objects.filter(
            scope.q("application__province_id", date_path="paid_on"),
            _dates_q("paid_on", years),
        )
        .annotate(year=ExtractYear("paid_on"))
        .values("year")
        .annotate(**{f"i{ind.pk}": Coalesce(Sum("amount", filter=_payment_filter(ind)), 0) for ind in indicators})
        .order_by("year")
    )
    return {row["year"]: row for row in rows}


def _payment_filter(indicator: Indicator) -> Q:
    codes = category_codes(indicator)
    return Q(application__rule__category__code__in=codes) if codes else Q()


def _paid_application_rows(scope: Scope, indicators: Sequence[Indicator], years: Sequence[int]):
    from support.choices import Status
    from support.models import Application

    rows = (
        Application.objects.filter(
            scope.q("province_id", date_path="decision__decided_on", year_path="budget_year"),
            _years_q("budget_year", years),
            status=Status.PAID,
        )
        .values("budget_year")
        .annotate(
            **{
                f"i{ind.pk}": Coalesce(Sum("counterpart_funds", filter=_application_filter(ind)), 0)
                for ind in indicators
            }
        )
        .order_by("budget_year")
    )
    return {row["budget_year"]: row for row in rows}


def _manual_values(plan_ids: Sequence[int], indicators: Sequence[Indicator], years: Sequence[int]):
    values: dict[tuple[int, int], dict[int, tuple[Decimal, str]]] = {}
    rows = IndicatorValue.objects.filter(
        plan_id__in=plan_ids, indicator_id__in=[i.pk for i in indicators], year__in=list(years)
    ).values_list("plan_id", "indicator_id", "year", "value", "source")
    for plan_id, indicator_id, year, value, source in rows:
        values.setdefault((plan_id, indicator_id), {})[year] = (value, source)
    return values


# --- Putting it together -------------------------------------------------------------------------------------


def _growth(current: int, previous: int) -> Decimal | None:
    if not previous:
        return None
    return ((Decimal(current) - Decimal(previous)) * HUNDRED / Decimal(previous)).quantize(CENT, ROUND_HALF_UP)


def compute(
    *,
    scope: Scope,
    plan_ids: Sequence[int],
    indicators: Iterable[Indicator],
    years: Iterable[int],
    spans: Iterable[tuple[int, int]] = (),
) -> dict[tuple[int, int], IndicatorSeries]:
    """Series for every (plan id, indicator id): the computed ones are the same for every plan of the scope,
    the manual ones are each plan's own. At most one query per family of facts plus one for distinct counts
    over spans (applications, awards) and one for entered values."""
    indicators = list({ind.pk: ind for ind in indicators}.values())
    years = sorted(set(years))
    spans = sorted(set(spans))
    result: dict[tuple[int, int], IndicatorSeries] = {}
    if not years or not indicators:
        return result
    by_family: dict[Family, list[Indicator]] = {}
    manual: list[Indicator] = []
    unknown: list[Indicator] = []
    for ind in indicators:
        computation = computation_of(ind)
        if computation is not None:
            by_family.setdefault(computation.family, []).append(ind)
        elif ind.source == Indicator.Source.MANUAL:
            manual.append(ind)
        else:
            unknown.append(ind)

    computed: dict[int, IndicatorSeries] = {}
    apps = by_family.get(Family.APPLICATIONS, [])
    if apps:
        # Growth needs the year before the first one asked for.
        query_years = [*years, min(years) - 1] if any(i.computation.endswith("_growth") for i in apps) else years
        yearly, span_values = _application_rows(scope, apps, query_years, spans)
        for ind in apps:
            counts = {y: int(yearly.get(y, {}).get(f"i{ind.pk}", 0) or 0) for y in query_years}
            if ind.computation == "enterprises_supported_growth":
                by_year = {y: _growth(counts[y], counts.get(y - 1, 0)) for y in years}
                computed[ind.pk] = IndicatorSeries(ind, Aggregation.GROWTH, by_year)
            else:
                computed[ind.pk] = IndicatorSeries(
                    ind,
                    Aggregation.DISTINCT,
                    {y: Decimal(counts[y]) for y in years},
                    {span: Decimal(span_values.get(span, {}).get(f"i{ind.pk}", 0)) for span in spans},
                )
    for family, fetch in (
        (Family.ACTIVITIES, _activity_rows),
        (Family.PAYMENTS, _payment_rows),
        (Family.PAID_APPLICATIONS, _paid_application_rows),
    ):
        members = by_family.get(family, [])
        if not members:
            continue
        yearly = fetch(scope, members, years)
        for ind in members:
            by_year = {y: Decimal(int(yearly.get(y, {}).get(f"i{ind.pk}", 0) or 0)) for y in years}
            computed[ind.pk] = IndicatorSeries(
                ind, Aggregation.SUM, by_year, is_money=COMPUTATIONS[ind.computation].is_money
            )
    awards = by_family.get(Family.AWARDS, [])
    if awards:
        yearly, span_values = _award_rows(scope, awards, years, spans)
        for ind in awards:
            computed[ind.pk] = IndicatorSeries(
                ind,
                Aggregation.DISTINCT,
                {y: Decimal(int(yearly.get(y, {}).get(f"i{ind.pk}", 0) or 0)) for y in years},
                {span: Decimal(span_values.get(span, {}).get(f"i{ind.pk}", 0)) for span in spans},
            )
    for ind in unknown:  # a computed indicator whose key this module does not know: no value, never a guess
        computed[ind.pk] = IndicatorSeries(ind, Aggregation.SUM, dict.fromkeys(years))

    entered = _manual_values(plan_ids, manual, years) if manual else {}
    for plan_id in plan_ids:
        for ind_id, series in computed.items():
            result[(plan_id, ind_id)] = series
        for ind in manual:
            cells = entered.get((plan_id, ind.pk), {})
            result[(plan_id, ind.pk)] = IndicatorSeries(
                ind,
                Aggregation.ENTERED,
                {y: cells[y][0] if y in cells else None for y in years},
                sources={y: cells[y][1] for y in years if y in cells},
            )
    return result


def indicator_values(
    plan: Plan,
    *,
    years: Iterable[int] | None = None,
    indicators: Iterable[Indicator] | None = None,
    spans: Iterable[tuple[int, int]] = (),
    scope: Scope | None = None,
) -> dict[int, IndicatorSeries]:
    """{indicator id: series} for ``plan``: by default every indicator its targets use, over the plan's years.
    Pass ``Indicator.objects.filter(source="computed")`` to get every computed indicator."""
    if indicators is None:
        indicators = Indicator.objects.filter(targets__plan=plan).distinct()
    series = compute(
        scope=scope or Scope.for_plan(plan),
        plan_ids=[plan.pk],
        indicators=list(indicators),
        years=list(years) if years is not None else list(plan.years),
        spans=spans,
    )
    return {ind_id: s for (_plan_id, ind_id), s in series.items()}
