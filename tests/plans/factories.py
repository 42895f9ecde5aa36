"""Plans, their parts and units, for tests. Provinces come from the data migration (reference/provinces.csv)."""

from __future__ import annotations

import itertools

from plans.models import (
    BudgetAmount,
    BudgetLine,
    BudgetSource,
    Indicator,
    LegalDocument,
    Objective,
    Phase,
    Plan,
    PlanLegalBasis,
    Province,
    ReportingDuty,
    Target,
    Task,
    Unit,
)
from plans.tasktable import is_group_number

_counter = itertools.count(1)


def province(key: str) -> Province:
    return Province.objects.get(key=key)


def make_unit(*, province=None, name: str | None = None, **extra) -> Unit:
    return Unit.objects.create(province=province, name=name or f"Đơn vị {next(_counter)}", **extra)


def make_legal_document(**extra) -> LegalDocument:
    n = next(_counter)
    extra.setdefault("number", f"{n}/QĐ-TTg")
    extra.setdefault("issuer", "Thủ tướng Chính phủ")
    return LegalDocument.objects.create(**extra)


def make_indicator(**extra) -> Indicator:
    n = next(_counter)
    extra.setdefault("code", f"indicator-{n}")
    extra.setdefault("name", f"Chỉ số {n}")
    extra.setdefault("unit", "doanh nghiệp")
    return Indicator.objects.create(**extra)


def make_plan(*, province, start_year: int = 2021, end_year: int = 2025, phase: bool = True, **extra) -> Plan:
    """A plan with, by default, one phase covering its period (as ``plan_create`` makes it)."""
    extra.setdefault("title", f"Kế hoạch thực hiện Chương trình {next(_counter)}")
    plan = Plan.objects.create(province=province, start_year=start_year, end_year=end_year, **extra)
    if phase:
        Phase.objects.create(
            plan=plan, name=f"Giai đoạn {start_year}-{end_year}", start_year=start_year, end_year=end_year
        )
    return plan


def make_phase(*, plan, start_year: int, end_year: int, **extra) -> Phase:
    extra.setdefault("name", f"Giai đoạn {start_year}-{end_year}")
    return Phase.objects.create(plan=plan, start_year=start_year, end_year=end_year, **extra)


def make_objective(*, plan, **extra) -> Objective:
    extra.setdefault("text", "Hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng.")
    return Objective.objects.create(plan=plan, **extra)


def make_target(*, plan, phase=None, indicator=None, **extra) -> Target:
    extra.setdefault("text", "Đào tạo ít nhất 02 chuyên gia năng suất chất lượng")
    extra.setdefault("value_min", 2)
    return Target.objects.create(
        plan=plan,
        phase=phase or plan.phases.first(),
        indicator=indicator or make_indicator(),
        **extra,
    )


def make_task(*, plan, lead_unit=None, coordinating=(), **extra) -> Task:
    extra.setdefault("number", str(next(_counter)))
    extra.setdefault("content", "Tổ chức hội nghị tuyên truyền")
    extra.setdefault("is_group", is_group_number(extra["number"]))
    task = Task.objects.create(plan=plan, lead_unit=lead_unit, **extra)
    if coordinating:
        task.coordinating_units.set(coordinating)
    return task


def make_budget_line(*, plan, **extra) -> BudgetLine:
    extra.setdefault("content", "Chi hoạt động thông tin tuyên truyền")
    return BudgetLine.objects.create(plan=plan, **extra)


def make_budget_amount(*, line, year: int, amount: int, source=BudgetSource.STATE_LOCAL) -> BudgetAmount:
    return BudgetAmount.objects.create(line=line, year=year, amount=amount, source=source)


def make_reporting_duty(*, plan, **extra) -> ReportingDuty:
    extra.setdefault("kind", ReportingDuty.Kind.ANNUAL)
    return ReportingDuty.objects.create(plan=plan, **extra)


def cite(plan, *documents) -> None:
    for position, document in enumerate(documents):
        PlanLegalBasis.objects.create(plan=plan, document=document, position=position)


def make_full_plan(*, province, tasks: int = 5, targets: int = 3, budget_lines: int = 3, **extra) -> Plan:
    """A plan with objectives, targets, a task table in groups, budget lines with yearly amounts and
    reporting duties: the sizes vary, the kinds of rows do not."""
    plan = make_plan(province=province, **extra)
    cite(plan, make_legal_document(), make_legal_document())
    make_objective(plan=plan)
    indicator = make_indicator()
    for i in range(targets):
        make_target(plan=plan, indicator=indicator, position=i)
    department = make_unit(province=province, short_name=f"Sở KH&CN {next(_counter)}")
    others = [make_unit(province=province), make_unit(province=province)]
    group = make_task(plan=plan, number="I", content="Nhóm nhiệm vụ", position=0)
    for i in range(tasks - 1):
        make_task(
            plan=plan,
            parent=group,
            number=str(i + 1),
            lead_unit=department,
            coordinating=others,
            coordinating_text="Các sở, ngành",
            timeframe="Hàng năm",
            is_annual=True,
            position=i + 1,
        )
    heading = make_budget_line(plan=plan, number="I", content="Chi hỗ trợ doanh nghiệp", position=0)
    for i in range(budget_lines):
        line = make_budget_line(
            plan=plan,
            parent=heading,
            number=str(i + 1),
            estimate=100_000_000,
            support_rate=30,
            position=i + 1,
        )
        make_budget_amount(line=line, year=plan.start_year, amount=30_000_000)
    make_reporting_duty(plan=plan, due_day=30, due_month=11)
    return plan
