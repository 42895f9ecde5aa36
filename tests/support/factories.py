"""Policies, applications, councils and the people around them, for the support tests."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import Role, User
from enterprises.models import Enterprise
from plans.models import Province
from support import demo, services
from support.choices import CapPer, CostKind, PrioritySectorMode, Status
from support.models import (
    Application,
    Attachment,
    BudgetAllocation,
    Council,
    CouncilMember,
    RuleCostKind,
    SupportCategory,
    SupportPolicy,
    SupportRule,
)
from tests.accounts.factories import make_user
from tests.enterprises.factories import make_enterprise, make_member

MILLION = 1_000_000
_numbers = itertools.count(1)

PDF = b"%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
DOSSIER = (
    Attachment.Kind.APPLICATION_FORM,
    Attachment.Kind.BUSINESS_REGISTRATION,
    Attachment.Kind.PROJECT_DESCRIPTION,
    Attachment.Kind.QUOTATION,
)


def province(key: str = "kon-tum") -> Province:
    return Province.objects.get(key=key)


def kon_tum_policy() -> SupportPolicy:
    """The Kon Tum policy exactly as the demo data loads it from the plan."""
    return demo.kon_tum_policy()


def hau_giang_policy() -> SupportPolicy:
    return demo.hau_giang_policy()


def make_policy(
    *,
    province_key: str = "kon-tum",
    effective_from: dt.date = dt.date(2021, 1, 1),
    effective_to: dt.date | None = dt.date(2025, 12, 31),
    sizes: list[str] | None = None,
    types: list[str] | None = None,
    excluded_ownerships: list[str] | None = None,
    sector_mode: str = PrioritySectorMode.NONE,
    sectors=(),
) -> SupportPolicy:
    policy = SupportPolicy.objects.create(
        province=province(province_key),
        name=f"Chính sách thử nghiệm {next(_numbers)}",
        effective_from=effective_from,
        effective_to=effective_to,
        allowed_size_classes=sizes or [],
        allowed_enterprise_types=types or [],
        excluded_ownerships=excluded_ownerships or [],
        priority_sector_mode=sector_mode,
    )
    policy.priority_sectors.set(sectors)
    return policy


def make_rule(
    *,
    policy: SupportPolicy | None = None,
    category: str = "system-certification",
    rate: str = "50",
    cap: int | None = 45 * MILLION,
    cap_per: str = CapPer.SYSTEM,
    once: bool = False,
    kinds: tuple[str, ...] = (CostKind.CONSULTANCY, CostKind.CERTIFICATION_AUDIT),
) -> SupportRule:
    rule = SupportRule.objects.create(
        policy=policy or make_policy(),
        category=SupportCategory.objects.get(code=category),
        rate=Decimal(rate),
        cap=cap,
        cap_per=cap_per,
        once_per_enterprise=once,
    )
    for kind in kinds:
        RuleCostKind.objects.create(rule=rule, kind=kind)
    return rule


def make_allocation(*, rule: SupportRule, year: int = 2025, amount: int = 500 * MILLION) -> BudgetAllocation:
    policy = rule.policy
    return BudgetAllocation.objects.create(province=policy.province, policy=policy, year=year, amount=amount)


def upload(application: Application, by: User, kind: str, *, name: str = "", content: bytes = PDF) -> Attachment:
    return services.attachment_upload(
        application=application,
        by=by,
        kind=kind,
        file=SimpleUploadedFile(name or f"{kind}.pdf", content, content_type="application/pdf"),
    )


@dataclass
class People:
    """Everyone around one application: the enterprise's member, the province's staff and leader, a council
    member of the application's council, the Ministry, and outsiders."""

    member: User
    staff: User
    leader: User
    council_member: User
    ministry: User
    other_member: User  # member of another enterprise of the same province
    other_staff: User  # staff of another province
    other_council_member: User  # council member in the province, on another council
    council: Council


def make_people(enterprise: Enterprise) -> People:
    kon_tum = enterprise.province
    council = make_council(province_obj=kon_tum)
    other_council = make_council(province_obj=kon_tum)
    return People(
        member=make_member(enterprise),
        staff=make_user(role=Role.PROVINCE_STAFF, province=kon_tum),
        leader=make_user(role=Role.PROVINCE_LEADER, province=kon_tum),
        council_member=council.members.get().user,
        ministry=make_user(role=Role.MINISTRY),
        other_member=make_member(make_enterprise(province_key=kon_tum.key)),
        other_staff=make_user(role=Role.PROVINCE_STAFF, province=province("hoa-binh")),
        other_council_member=other_council.members.get().user,
        council=council,
    )


def make_council(*, province_obj: Province, seats: int = 1) -> Council:
    council = Council.objects.create(province=province_obj, name=f"Hội đồng {next(_numbers)}", year=2025)
    for n in range(seats):
        user = make_user(role=Role.COUNCIL_MEMBER, province=province_obj)
        CouncilMember.objects.create(
            council=council, user=user, role=CouncilMember.Role.CHAIR if n == 0 else CouncilMember.Role.MEMBER
        )
    return council


def make_application(
    *,
    member: User,
    enterprise: Enterprise,
    rule: SupportRule,
    year: int = 2025,
    costs: tuple[tuple[str, int], ...] = (
        (CostKind.CONSULTANCY, 60 * MILLION),
        (CostKind.CERTIFICATION_AUDIT, 40 * MILLION),
    ),
    quantity: int = 1,
    documents: tuple[str, ...] = DOSSIER,
) -> Application:
    """A draft with its cost estimate and dossier, made through the services."""
    app = services.application_create(
        by=member,
        enterprise=enterprise,
        rule=rule,
        budget_year=year,
        title=f"Dự án thử nghiệm {next(_numbers)}",
        quantity=quantity,
    )
    for kind, amount in costs:
        services.cost_item_add(application=app, by=member, kind=kind, estimated_amount=amount)
    for kind in documents:
        upload(app, member, kind)
    return app


# The transitions that lead from a draft to each state, with who does them.
PATH: dict[str, tuple[str, str]] = {
    Status.SUBMITTED: ("submit", "member"),
    Status.SCREENING: ("start_screening", "staff"),
    Status.COUNCIL_REVIEW: ("send_to_council", "staff"),
    Status.APPROVED: ("approve", "staff"),
    Status.CONTRACTED: ("sign_contract", "staff"),
    Status.IMPLEMENTING: ("start_implementation", "member"),
    Status.ACCEPTANCE: ("request_acceptance", "member"),
    Status.ACCEPTED: ("accept", "staff"),
}
ORDER = list(PATH)


def transition_data(name: str, app: Application, people: People, **overrides) -> dict:
    data = {
        "send_to_council": {"council": people.council},
        "approve": {
            "decision_number": "15/QĐ-SKHCN",
            "decision_date": dt.date(2025, 5, 6),
            "signer_name": "Trần Văn Minh",
            "approved_amount": app.max_support,
        },
        "sign_contract": {
            "contract_number": "15/HĐ-SKHCN",
            "contract_date": dt.date(2025, 5, 20),
            "contract_signer": "Nguyễn Văn Bình",
        },
        "accept": {"accepted_on": dt.date(2025, 11, 10), "minutes_number": "15/BB-NT"},
    }.get(name, {})
    data.update(overrides)
    return data


def advance(app: Application, to: str, people: People, *, actuals: dict[str, int] | None = None) -> Application:
    """Drive ``app`` along the normal path up to ``to``: reviews before approval, actual costs (the estimate
    unless ``actuals`` by kind says otherwise) and evidence before acceptance."""
    for state in ORDER[ORDER.index(app.status) + 1 if app.status in ORDER else 0 :]:
        name, who = PATH[state]
        app.refresh_from_db()
        if state == Status.APPROVED and not app.reviews.exists():
            services.review_submit(application=app, by=people.council_member, score=80, recommendation="approve")
        if state == Status.ACCEPTANCE:
            for item in app.cost_items.all():
                amount = (actuals or {}).get(item.kind, item.estimated_amount)
                services.cost_item_record_actual(cost_item=item, by=people.member, actual_amount=amount)
            upload(app, people.member, Attachment.Kind.INVOICE)
            upload(app, people.member, Attachment.Kind.ACCEPTANCE_EVIDENCE)
        app = services.application_transition(
            application=app, transition=name, by=getattr(people, who), **transition_data(name, app, people)
        )
        if state == to:
            break
    return app


def scenario(*, rule: SupportRule | None = None, allocation: int | None = 500 * MILLION, **enterprise_fields):
    """A verified Kon Tum SME, its people, a certification rule with an allocation for 2025 and a draft."""
    enterprise = make_enterprise(**enterprise_fields)
    people = make_people(enterprise)
    rule = rule or make_rule()
    if allocation is not None:
        make_allocation(rule=rule, amount=allocation)
    app = make_application(member=people.member, enterprise=enterprise, rule=rule)
    return app, people
