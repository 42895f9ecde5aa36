"""Hand-built facts for the indicator and progress tests: applications in a given state and year (made
directly, not through the workflow, so that a test states exactly the rows it counts), activities, awards,
payments and entered values."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

from enterprises.models import Award, Enterprise
from plans.models import Activity, Indicator, IndicatorValue, Plan
from support.choices import Status
from support.models import Application, Decision, Payment, SupportCategory
from tests.enterprises.factories import make_enterprise
from tests.support.factories import make_policy, make_rule

_numbers = itertools.count(1)
MILLION = 1_000_000


def indicator(code: str) -> Indicator:
    """An indicator of the national catalogue (loaded by the plans migration)."""
    return Indicator.objects.get(code=code)


def rule_for(*, province_key: str, category: str = "system-certification"):
    """A support rule of ``category`` under a policy of the province (one policy per province and test)."""
    from support.models import SupportRule

    existing = SupportRule.objects.filter(policy__province__key=province_key, category__code=category).first()
    if existing:
        return existing
    from support.models import SupportPolicy

    policy = SupportPolicy.objects.filter(province__key=province_key).first() or make_policy(
        province_key=province_key, effective_to=None
    )
    return make_rule(policy=policy, category=category, cap=None)


def make_application_row(
    *,
    enterprise: Enterprise,
    year: int,
    status: str = Status.APPROVED,
    province_key: str | None = None,
    category: str = "system-certification",
    approved: int = 40 * MILLION,
    final: int | None = None,
    paid: int = 0,
    counterpart: int = 30 * MILLION,
    decided_on: dt.date | None = None,
) -> Application:
    """An application in ``status`` for ``year`` of the enterprise's province (or ``province_key``), with its
    approval decision when it reached approval."""
    province_key = province_key or enterprise.province.key
    rule = rule_for(province_key=province_key, category=category)
    decided = status not in (Status.DRAFT, Status.SUBMITTED, Status.SCREENING, Status.COUNCIL_REVIEW)
    app = Application.objects.create(
        enterprise=enterprise,
        rule=rule,
        province=rule.policy.province,
        budget_year=year,
        title=f"Dự án {next(_numbers)}",
        counterpart_funds=counterpart,
        status=status,
        max_support=approved if decided else None,
        approved_amount=approved if decided else None,
        final_amount=final,
        paid_total=paid,
    )
    if decided:
        Decision.objects.create(
            application=app,
            number=f"{next(_numbers)}/QĐ-SKHCN",
            decided_on=decided_on or dt.date(year, 5, 6),
            signer_name="Trần Văn Minh",
            approved_amount=approved,
        )
    return app


def pay(application: Application, amount: int, on: dt.date) -> Payment:
    return Payment.objects.create(application=application, paid_on=on, amount=amount, reference=f"UNC-{next(_numbers)}")


def make_activity(*, plan: Plan, start: dt.date, kind: str = Activity.Kind.TRAINING_COURSE, **extra) -> Activity:
    extra.setdefault("title", f"Hoạt động {next(_numbers)}")
    extra.setdefault("person_times", extra.get("participants", 0))
    return Activity.objects.create(plan=plan, kind=kind, start_date=start, **extra)


def award(enterprise: Enterprise, year: int, result: str = Award.Result.AWARD) -> Award:
    score = {Award.Result.ENTRANT: None, Award.Result.AWARD: 650, Award.Result.GOLD: 850}[result]
    return Award.objects.create(enterprise=enterprise, year=year, result=result, score=score)


def enter(plan: Plan, code: str, year: int, value: str, source: str = "Cục Thống kê tỉnh, Niên giám") -> IndicatorValue:
    return IndicatorValue.objects.create(
        plan=plan, indicator=indicator(code), year=year, value=Decimal(value), source=source
    )


def enterprise(province_key: str = "kon-tum") -> Enterprise:
    return make_enterprise(province_key=province_key)


def category(code: str) -> SupportCategory:
    return SupportCategory.objects.get(code=code)
