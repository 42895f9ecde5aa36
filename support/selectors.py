"""Reads for support: policies, eligibility, the staff queue, an application's page, the enterprise's and
the council member's lists, council results and budget usage. Everything is scoped through
``accounts.access`` and loads what a page shows in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from accounts import access

from .choices import PrioritySectorMode, Status
from .models import (
    Application,
    ApplicationEvent,
    ApplicationMessage,
    Attachment,
    BudgetAllocation,
    CostItem,
    Council,
    CouncilMember,
    Payment,
    Review,
    SupportCategory,
    SupportPolicy,
    SupportRule,
)
from .quote import Quote

# --- Policies and eligibility -------------------------------------------------------------------------


def _rule_prefetch() -> Prefetch:
    return Prefetch("rules", queryset=SupportRule.objects.select_related("category").prefetch_related("cost_kinds"))


def policy_list(*, user, province=None, year: int | None = None) -> QuerySet[SupportPolicy]:
    """Policies the person may read, with their rules, cost kinds, legal basis and priority sectors
    (five queries whatever the number of policies)."""
    qs = SupportPolicy.objects.select_related("province", "plan").prefetch_related(
        _rule_prefetch(), "legal_basis", "priority_sectors"
    )
    if province is not None:
        qs = qs.filter(province=province)
    if year is not None:
        qs = qs.filter(effective_from__year__lte=year).filter(
            Q(effective_to__isnull=True) | Q(effective_to__year__gte=year)
        )
    return access.scope(user, "policy.view", qs)


def policy_detail(*, user, pk: int, permission: str = "policy.view") -> SupportPolicy:
    qs = SupportPolicy.objects.select_related("province", "plan").prefetch_related(
        _rule_prefetch(), "legal_basis", "priority_sectors"
    )
    return access.get_object_or_404(user, permission, qs, pk=pk)


def category_list() -> QuerySet[SupportCategory]:
    return SupportCategory.objects.filter(is_active=True)


def _policy_province_ids(policy: SupportPolicy) -> set[int]:
    """Enterprises of the policy's province, of the provinces merged into it, or of the province it was
    merged into may apply."""
    from enterprises.selectors import province_with_predecessors

    ids = province_with_predecessors(policy.province_id)
    if policy.province.successor_id:
        ids.add(policy.province.successor_id)
    return ids


def _province_ids_from(policy: SupportPolicy, successors: dict[int, int | None]) -> set[int]:
    """``_policy_province_ids`` worked out from every province's successor, read once for many policies."""
    ids = {policy.province_id}
    frontier = {policy.province_id}
    while frontier:
        frontier = {pk for pk, successor in successors.items() if successor in frontier} - ids
        ids |= frontier
    if successors.get(policy.province_id):
        ids.add(successors[policy.province_id])
    return ids


def eligibility_problems(
    *, enterprise, rule: SupportRule, year: int, policy_province_ids: set[int] | None = None
) -> list[str]:
    """Why ``enterprise`` may not receive support under ``rule`` in ``year`` (translated); empty when it may.
    Checks the policy's period, province, sizes, types, excluded ownerships and required priority sectors.
    ``policy_province_ids`` (the provinces whose enterprises the policy serves) saves a query per rule when the
    caller checks many rules."""
    from enterprises.models import Enterprise
    from enterprises.sizes import SizeClass

    policy = rule.policy
    problems: list[str] = []
    if not policy.in_force_in(year):
        problems.append(
            _("The policy “%(policy)s” is not in force in %(year)s (%(period)s).")
            % {"policy": policy.name, "year": year, "period": policy.period}
        )
    if policy_province_ids is None:
        policy_province_ids = _policy_province_ids(policy)
    if enterprise.province_id not in policy_province_ids:
        problems.append(
            _("The policy applies to enterprises of %(province)s only.") % {"province": policy.province.name}
        )
    if policy.allowed_size_classes and enterprise.size_class not in policy.allowed_size_classes:
        problems.append(
            _("The policy supports %(sizes)s enterprises only; this enterprise is %(size)s.")
            % {
                "sizes": ", ".join(policy.size_class_labels()),
                "size": SizeClass(enterprise.size_class).label if enterprise.size_class else "?",
            }
        )
    if policy.allowed_enterprise_types and enterprise.kind not in policy.allowed_enterprise_types:
        kinds = [str(Enterprise.Kind(k).label) for k in policy.allowed_enterprise_types if k in Enterprise.Kind.values]
        problems.append(
            _("The policy supports only: %(kinds)s; this applicant is a %(kind)s.")
            % {"kinds": ", ".join(kinds), "kind": enterprise.get_kind_display()}
        )
    if enterprise.ownership in (policy.excluded_ownerships or []):
        problems.append(
            _("The policy does not support %(ownership)s enterprises.")
            % {"ownership": enterprise.get_ownership_display()}
        )
    if policy.priority_sector_mode == PrioritySectorMode.REQUIRED:
        priority = {s.pk: s for s in policy.priority_sectors.all()}
        own = {enterprise.main_sector_id, *enterprise.other_sectors.values_list("pk", flat=True)}
        if priority and not own & set(priority):
            problems.append(
                _("The policy supports only enterprises of its priority sectors: %(sectors)s.")
                % {"sectors": "; ".join(str(s) for s in priority.values())}
            )
    return problems


@dataclass(frozen=True)
class RuleOption:
    rule: SupportRule
    problems: list[str]

    @property
    def eligible(self) -> bool:
        return not self.problems


def _enterprise_policy_province_ids(enterprise) -> set[int]:
    """Provinces whose policies an enterprise may apply under: its own, the one it was merged into, and the
    provinces merged into either."""
    from plans.models import Province

    province_ids = {enterprise.province_id}
    if enterprise.province.successor_id:
        province_ids.add(enterprise.province.successor_id)
    province_ids |= set(Province.objects.filter(successor_id__in=province_ids).values_list("pk", flat=True))
    return province_ids


def enterprise_rules(*, enterprise) -> QuerySet[SupportRule]:
    """Every rule (of any period) of the policies of the enterprise's provinces: the contents the application
    form and the quote offer. Whether the policy is in force in the budget year is checked when applying."""
    return (
        SupportRule.objects.filter(policy__province_id__in=_enterprise_policy_province_ids(enterprise))
        .select_related("policy__province", "category")
        .prefetch_related("cost_kinds")
        .order_by("-policy__effective_from", "policy_id", "position", "pk")
    )


def quote_preview(*, rule: SupportRule, lines, quantity: int, enterprise=None) -> Quote:
    """The support ``rule`` would give for ``lines`` before any application exists (the quote page). With an
    ``enterprise``, a cap per enterprise counts the support it already has under the rule. Raises
    ``QuoteError`` (translated) for invalid input."""
    from .quote import quote_support
    from .workflow import already_supported

    used = 0
    if enterprise is not None:
        used = already_supported(Application(enterprise_id=enterprise.pk, rule_id=rule.pk))
    return quote_support(rule=rule, lines=lines, quantity=quantity, already_supported=used)


def rules_open_to(*, enterprise, year: int) -> list[RuleOption]:
    """The rules of the policies in force in ``year`` that the enterprise might apply under, each with the
    reasons it may not (for the "new application" page)."""
    province_ids = _enterprise_policy_province_ids(enterprise)
    rules = (
        SupportRule.objects.filter(policy__province_id__in=province_ids, policy__effective_from__year__lte=year)
        .filter(Q(policy__effective_to__isnull=True) | Q(policy__effective_to__year__gte=year))
        .select_related("policy__province", "category")
        .prefetch_related("cost_kinds", "policy__priority_sectors")
        .order_by("policy__effective_from", "position", "pk")
    )
    from plans.models import Province

    successors = dict(Province.objects.values_list("pk", "successor_id"))  # one query, whatever the rules
    return [
        RuleOption(
            rule=rule,
            problems=eligibility_problems(
                enterprise=enterprise,
                rule=rule,
                year=year,
                policy_province_ids=_province_ids_from(rule.policy, successors),
            ),
        )
        for rule in rules
    ]


# --- Lists --------------------------------------------------------------------------------------------

QUEUE_ORDERINGS: dict[str, tuple[str, ...]] = {
    "submitted": ("submitted_at", "pk"),
    "-submitted": ("-submitted_at", "-pk"),
    "enterprise": ("enterprise__name", "pk"),
    "year": ("-budget_year", "-pk"),
    "amount": ("-max_support", "-pk"),
    "status": ("status", "-pk"),
}


def _list_queryset() -> QuerySet[Application]:
    return Application.objects.select_related(
        "enterprise__main_sector", "enterprise__province", "rule__category", "rule__policy", "province", "council"
    )


def application_queue(
    *,
    user,
    status: str = "",
    category: SupportCategory | int | None = None,
    year: int | None = None,
    size_class: str = "",
    sector=None,
    province=None,
    search: str = "",
    ordering: str = "submitted",
    include_drafts: bool = False,
) -> QuerySet[Application]:
    """The applications the staff member works on, filtered and ordered (``QUEUE_ORDERINGS``): one query per
    page, whatever the number of rows. Drafts stay with the enterprise unless ``include_drafts``."""
    qs = _list_queryset()
    if status:
        qs = qs.filter(status=status)
    elif not include_drafts:
        qs = qs.exclude(status=Status.DRAFT)
    if category is not None:
        qs = qs.filter(rule__category_id=getattr(category, "pk", category))
    if year is not None:
        qs = qs.filter(budget_year=year)
    if size_class:
        qs = qs.filter(enterprise__size_class=size_class)
    if sector is not None:
        sector_id = getattr(sector, "pk", sector)
        qs = qs.filter(
            Q(enterprise__main_sector_id=sector_id)
            | Q(enterprise_id__in=Subquery(_enterprise_ids_with_other_sector(sector_id)))
        )
    if province is not None:
        qs = qs.filter(province=province)
    search = (search or "").strip()
    if search:
        # The matching enterprises are found first (on PostgreSQL through the trigram indexes of their names),
        # so that the applications are not joined to every enterprise to be searched (docs/performance.md).
        qs = qs.filter(Q(title__icontains=search) | Q(enterprise_id__in=_enterprise_ids_matching(search)))
    qs = access.scope(user, "application.view", qs)
    return qs.order_by(*QUEUE_ORDERINGS.get(ordering, QUEUE_ORDERINGS["submitted"]))


def _enterprise_ids_matching(search: str):
    from enterprises.models import Enterprise

    return Enterprise.objects.filter(Q(name__icontains=search) | Q(tax_code__startswith=search)).values("pk")


def _enterprise_ids_with_other_sector(sector_id: int):
    from enterprises.models import Enterprise

    return Enterprise.other_sectors.through.objects.filter(sector_id=sector_id).values("enterprise_id")


def enterprise_applications(*, user, enterprise=None, status: str = "") -> QuerySet[Application]:
    """The applications of the person's enterprises (or of one of them), newest first."""
    ids = access.principal_for(user).enterprise_ids
    qs = _list_queryset().filter(enterprise_id__in=ids)
    if enterprise is not None:
        qs = qs.filter(enterprise_id=enterprise.pk)
    if status:
        qs = qs.filter(status=status)
    return access.scope(user, "application.view", qs).order_by("-created_at", "-pk")


def council_applications(*, user, status: str = Status.COUNCIL_REVIEW) -> QuerySet[Application]:
    """The applications assigned to the councils the person sits on, each with the person's own review in
    ``my_reviews`` (two queries). ``status=""`` lists them in every state."""
    qs = _list_queryset().filter(
        council_id__in=CouncilMember.objects.filter(user_id=getattr(user, "pk", None)).values("council_id")
    )
    if status:
        qs = qs.filter(status=status)
    qs = qs.prefetch_related(
        Prefetch(
            "reviews", queryset=Review.objects.filter(member__user_id=getattr(user, "pk", None)), to_attr="my_reviews"
        )
    )
    return access.scope(user, "application.review", qs).order_by("submitted_at", "pk")


# --- One application ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReviewSummary:
    """The council's consolidated result for staff."""

    members: list[CouncilMember]
    reviews: list[Review]
    average_score: Decimal | None
    approve: int
    reject: int
    conflicts: list[Review]
    not_reviewed: list[CouncilMember]

    @property
    def scored(self) -> list[Review]:
        return [r for r in self.reviews if not r.conflict_of_interest]


def review_summary(*, user, application: Application) -> ReviewSummary:
    """Average score, recommendations, declared conflicts and who has not reviewed yet (two queries).
    For the province's staff only: raises ``PermissionDenied`` otherwise."""
    if not access.can(user, "application.screen", application):
        raise PermissionDenied(_("Only the province's staff see the council's consolidated result."))
    return _review_summary(application)


def _review_summary(application: Application) -> ReviewSummary:
    members = (
        list(CouncilMember.objects.filter(council_id=application.council_id).select_related("user"))
        if application.council_id
        else []
    )
    reviews = list(Review.objects.filter(application_id=application.pk).select_related("member__user"))
    return _summarise(members, reviews)


def _summarise(members: list[CouncilMember], reviews: list[Review]) -> ReviewSummary:
    scored = [r for r in reviews if not r.conflict_of_interest]
    average = None
    if scored:
        average = (Decimal(sum(r.score for r in scored)) / len(scored)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    reviewed = {r.member_id for r in reviews}
    return ReviewSummary(
        members=members,
        reviews=reviews,
        average_score=average,
        approve=sum(1 for r in scored if r.recommendation == Review.Recommendation.APPROVE),
        reject=sum(1 for r in scored if r.recommendation == Review.Recommendation.REJECT),
        conflicts=[r for r in reviews if r.conflict_of_interest],
        not_reviewed=[m for m in members if m.pk not in reviewed],
    )


@dataclass
class ApplicationDetail:
    """Everything the application's page shows, for this person."""

    application: Application
    cost_items: list[CostItem]
    attachments: list[Attachment]
    events: list[ApplicationEvent]
    payments: list[Payment]
    decision: object | None
    contract: object | None
    acceptance: object | None
    quote: Quote | None  # on the estimated costs
    actual_quote: Quote | None  # on the actual costs, once every item has one
    transitions: list = field(default_factory=list)  # [(Transition, [reasons])]
    messages: list[ApplicationMessage] | None = None  # None: the person may not read them
    reviews: list[Review] = field(default_factory=list)  # staff: all; a council member: their own
    summary: ReviewSummary | None = None  # staff only
    can_edit: bool = False
    can_attach: bool = False
    can_message: bool = False
    can_review: bool = False
    can_pay: bool = False


def application_detail(*, user, pk: int, check_guards: bool = False) -> ApplicationDetail:
    """One application with its cost items, documents, events (with who acted), reviews, decision,
    contract, acceptance, payments, messages and the transitions this person may start. 404 when the
    person cannot see it. A fixed number of queries, whatever the number of items, documents or events."""
    from .workflow import STATES, quote_application, transitions_for

    qs = (
        _list_queryset()
        .select_related("decision", "contract", "acceptance", "allocation")
        .prefetch_related(
            "cost_items",
            Prefetch("attachments", queryset=Attachment.objects.select_related("uploaded_by")),
            Prefetch("events", queryset=ApplicationEvent.objects.select_related("actor")),
            Prefetch("payments", queryset=Payment.objects.select_related("recorded_by")),
            "rule__cost_kinds",
        )
    )
    app: Application = access.get_object_or_404(user, "application.view", qs, pk=pk)

    def related(name: str):
        try:
            return getattr(app, name)
        except ObjectDoesNotExist:  # a decision, contract or acceptance not recorded yet
            return None

    cost_items = list(app.cost_items.all())
    quote = quote_application(app) if cost_items else None
    actual_quote = None
    if cost_items and all(item.actual_amount is not None for item in cost_items):
        actual_quote = quote_application(app, actual=True)
    detail = ApplicationDetail(
        application=app,
        cost_items=cost_items,
        attachments=list(app.attachments.all()),
        events=list(app.events.all()),
        payments=list(app.payments.all()),
        decision=related("decision"),
        contract=related("contract"),
        acceptance=related("acceptance"),
        quote=quote,
        actual_quote=actual_quote,
        transitions=[],
    )
    can = permission_checker(user, app)
    detail.transitions = transitions_for(application=app, user=user, check_guards=check_guards, can=can)
    state = STATES[app.status]
    if can("message.view"):
        detail.messages = list(app.messages.select_related("author"))
    if can("application.screen"):
        detail.summary = _review_summary(app)
        detail.reviews = detail.summary.reviews
    elif app.council_id:
        detail.reviews = list(access.scope(user, "review.view", app.reviews.select_related("member__user")))
    detail.can_edit = state.dossier_editable and can("application.edit")
    detail.can_attach = not state.terminal and can("application.attach")
    detail.can_message = not state.terminal and can("application.message")
    detail.can_review = app.status == Status.COUNCIL_REVIEW and can("application.review")
    detail.can_pay = app.status == Status.ACCEPTED and can("application.pay")
    return detail


def permission_checker(user, obj):
    """``can(permission)`` for one object, asking ``accounts.access`` once per distinct rule: permissions
    whose rules grant the same roles the same reach have the same answer."""
    answers: dict[tuple, bool] = {}

    def can(permission: str) -> bool:
        key = tuple(sorted(access.RULES[permission].items()))
        if key not in answers:
            answers[key] = access.can(user, permission, obj)
        return answers[key]

    return can


def attachment_for_download(*, user, pk: int) -> Attachment:
    """An attachment the person may read (it follows its application): 404 otherwise."""
    return access.get_object_or_404(user, "application.view", Attachment.objects.select_related("application"), pk=pk)


def council_list(*, user, province=None, year: int | None = None) -> QuerySet[Council]:
    qs = (
        Council.objects.select_related("province")
        .prefetch_related(Prefetch("members", queryset=CouncilMember.objects.select_related("user")))
        .annotate(application_count=Count("applications", distinct=True))
    )
    if province is not None:
        qs = qs.filter(province=province)
    if year is not None:
        qs = qs.filter(year=year)
    return access.scope(user, "council.view", qs)


# --- Budget ----------------------------------------------------------------------------------------------

AWAITING_DECISION = (Status.SUBMITTED, Status.SCREENING, Status.CHANGES_REQUESTED, Status.COUNCIL_REVIEW)


@dataclass(frozen=True)
class BudgetUsage:
    allocation: BudgetAllocation
    allocated: int
    committed: int
    disbursed: int
    available: int
    requested: int  # maximum support of the applications awaiting a decision under the policy and year


def budget_usage(*, user, year: int | None = None, province=None, policy=None) -> list[BudgetUsage]:
    """Allocated, committed, disbursed and available money per policy (or budget line) and year, with what
    applications awaiting a decision ask for. One query, whatever the number of allocations."""
    requested = (
        Application.objects.filter(
            rule__policy_id=OuterRef("policy_id"), budget_year=OuterRef("year"), status__in=AWAITING_DECISION
        )
        .order_by()
        .values("rule__policy_id")
        .annotate(total=Sum("max_support"))
        .values("total")
    )
    qs = BudgetAllocation.objects.select_related("province", "policy", "budget_line").annotate(
        requested=Coalesce(Subquery(requested, output_field=IntegerField()), Value(0))
    )
    if year is not None:
        qs = qs.filter(year=year)
    if province is not None:
        qs = qs.filter(province=province)
    if policy is not None:
        qs = qs.filter(policy=policy)
    qs = access.scope(user, "budget.view", qs).order_by("province__name", "-year", "pk")
    return [
        BudgetUsage(
            allocation=a,
            allocated=a.amount,
            committed=a.committed,
            disbursed=a.disbursed,
            available=a.amount - a.committed,
            requested=a.requested,
        )
        for a in qs
    ]
