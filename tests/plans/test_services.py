"""Writes of the plans app: rules, audit rows, all-or-nothing imports."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.models import AuditEntry, Role
from plans import services
from plans.models import BudgetAmount, BudgetLine, Objective, Phase, Plan, ReportingDuty, Target, Task, Unit
from tests.accounts.factories import make_user

from . import factories as f

pytestmark = pytest.mark.django_db
DATA = Path(__file__).parent / "data"


@pytest.fixture
def kon_tum():
    return f.province("kon-tum")


@pytest.fixture
def staff(kon_tum):
    return make_user(role=Role.PROVINCE_STAFF, province=kon_tum)


@pytest.fixture
def plan(kon_tum):
    return f.make_plan(province=kon_tum, start_year=2021, end_year=2025)


def audits(action=None, **lookup):
    qs = AuditEntry.objects.filter(**lookup)
    return qs.filter(action=action) if action else qs


def errors_of(exc: pytest.ExceptionInfo) -> dict[str, list[str]]:
    return exc.value.message_dict


# --- Plans ---------------------------------------------------------------------------------------------------


def test_plan_create_adds_one_phase_covering_the_period_and_an_audit_row(staff, kon_tum):
    document = f.make_legal_document(number="1322/QĐ-TTg")
    plan = services.plan_create(
        by=staff,
        data={"province": kon_tum, "title": "Kế hoạch NSCL", "start_year": 2021, "end_year": 2030},
        legal_basis=[document],
    )
    phase = plan.phases.get()
    assert (phase.start_year, phase.end_year) == (2021, 2030)
    assert phase.name == "Giai đoạn 2021-2030"
    assert list(plan.legal_basis.all()) == [document]
    entry = audits(AuditEntry.Action.CREATE, object_id=str(plan.pk)).get()
    assert entry.actor == staff and entry.province_id == kon_tum.pk
    assert entry.changes["title"] == "Kế hoạch NSCL"


def test_plan_create_refuses_a_province_the_person_may_not_add_to(staff):
    with pytest.raises(PermissionDenied):
        services.plan_create(
            by=staff, data={"province": f.province("hoa-binh"), "title": "X", "start_year": 2021, "end_year": 2025}
        )
    assert not Plan.objects.exists() and not AuditEntry.objects.exists()


def test_plan_update_moves_the_only_phase_and_annual_tasks_with_the_period(staff, plan):
    task = f.make_task(plan=plan, timeframe="Hàng năm", is_annual=True, timeframe_spans=[[2021, 2025]])
    services.plan_update(plan=plan, by=staff, data={"start_year": 2021, "end_year": 2030})
    phase = plan.phases.get()
    assert (phase.start_year, phase.end_year, phase.name) == (2021, 2030, "Giai đoạn 2021-2030")
    task.refresh_from_db()
    assert (task.timeframe_spans, task.first_year, task.last_year) == ([[2021, 2030]], 2021, 2030)
    entry = audits(AuditEntry.Action.UPDATE, object_id=str(plan.pk)).get()
    assert entry.changes["end_year"] == [2025, 2030]


def test_plan_update_refuses_a_period_that_leaves_out_phases_tasks_or_budget_years(staff, kon_tum):
    plan = f.make_plan(province=kon_tum, start_year=2021, end_year=2030, phase=False)
    f.make_phase(plan=plan, start_year=2021, end_year=2025)
    f.make_phase(plan=plan, start_year=2026, end_year=2030)
    f.make_task(plan=plan, timeframe="2027", timeframe_spans=[[2027, 2027]], first_year=2027, last_year=2027)
    line = f.make_budget_line(plan=plan, estimate=10)
    f.make_budget_amount(line=line, year=2028, amount=10)
    with pytest.raises(ValidationError) as exc:
        services.plan_update(plan=plan, by=staff, data={"start_year": 2021, "end_year": 2025})
    messages = " ".join(errors_of(exc)["end_year"])
    assert "Giai đoạn 2026-2030" in messages
    assert "1 nhiệm vụ có thời gian thực hiện nằm ngoài 2021-2025" in messages
    assert "Có kinh phí dự kiến cho các năm nằm ngoài 2021-2025" in messages
    plan.refresh_from_db()
    assert plan.end_year == 2030 and not audits().exists()


def test_plan_update_keeps_cited_documents_in_order_and_appends_new_ones(staff, plan):
    first, second, third = (f.make_legal_document() for _ in range(3))
    f.cite(plan, second, first)
    services.plan_update(plan=plan, by=staff, data={}, legal_basis=[first, third])
    assert [link.document for link in plan.basis_links.all()] == [first, third]


# --- Generic parts ------------------------------------------------------------------------------------------


def test_child_create_update_delete_each_write_an_audit_row_with_the_province(staff, plan, kon_tum):
    objective = services.plan_child_create(plan=plan, by=staff, model=Objective, data={"text": "Mục tiêu A"})
    pk = objective.pk
    services.plan_child_update(child=objective, by=staff, data={"text": "Mục tiêu B", "position": None})
    services.plan_child_delete(child=objective, by=staff)
    actions = list(audits(object_id=str(pk), province_id=kon_tum.pk).order_by("id").values_list("action", flat=True))
    assert actions == ["create", "update", "delete"]
    update = audits(AuditEntry.Action.UPDATE).get()
    assert update.changes == {"text": ["Mục tiêu A", "Mục tiêu B"]}
    assert not plan.objectives.exists()


def test_child_create_appends_at_the_end_when_no_order_is_given(staff, plan):
    f.make_task(plan=plan, position=7)
    task = services.plan_child_create(
        plan=plan, by=staff, model=Task, data={"content": "Nhóm", "number": "II", "position": None}
    )
    assert task.position == 8


def test_phases_lie_inside_the_plan_period_and_do_not_overlap(staff, plan):
    with pytest.raises(ValidationError) as exc:
        services.plan_child_create(
            plan=plan, by=staff, model=Phase, data={"name": "GĐ", "start_year": 2024, "end_year": 2027}
        )
    errors = errors_of(exc)
    assert "Phải nằm trong thời kỳ của kế hoạch 2021-2025." in errors["end_year"]
    assert "Giai đoạn trùng với “Giai đoạn 2021-2025 (2021-2025)”." in errors["start_year"]
    with pytest.raises(ValidationError) as exc:
        services.plan_child_create(
            plan=plan, by=staff, model=Phase, data={"name": "GĐ", "start_year": 2025, "end_year": 2023}
        )
    assert errors_of(exc) == {"end_year": ["Giai đoạn không thể kết thúc trước khi bắt đầu."]}
    assert plan.phases.count() == 1 and not audits().exists()


def test_the_last_phase_of_a_plan_cannot_be_deleted(staff, plan):
    with pytest.raises(ValidationError, match="ít nhất một giai đoạn"):
        services.plan_child_delete(child=plan.phases.get(), by=staff)
    assert plan.phases.count() == 1 and not audits().exists()


@pytest.mark.parametrize(
    ("comparator", "low", "high", "field", "message"),
    [
        ("range", Decimal(10), None, "value_max", "Khoảng cần có cận trên (với “10-20”, nhập 10 và 20)."),
        ("range", None, Decimal(20), "value_min", "Khoảng cần có cận dưới."),
        ("range", Decimal(20), Decimal(10), "value_max", "Cận trên không được nhỏ hơn cận dưới."),
        ("at_least", None, None, "value_min", "Nhập giá trị của chỉ tiêu."),
        ("at_least", Decimal(2), Decimal(5), "value_max", "Chỉ khoảng (từ … đến …) mới có cận trên."),
        ("qualitative", Decimal(1), None, "value_min", "Chỉ tiêu không có số thì không nhập giá trị."),
        ("exactly", Decimal(-1), None, "value_min", "Giá trị không được âm."),
    ],
)
def test_target_numbers_must_fit_the_comparator(staff, plan, comparator, low, high, field, message):
    data = {
        "phase": plan.phases.get(),
        "text": "Hỗ trợ 10-20 doanh nghiệp/năm",
        "indicator": f.make_indicator(),
        "measure": "count",
        "period": "year",
        "comparator": comparator,
        "value_min": low,
        "value_max": high,
        "unit": "doanh nghiệp",
        "position": None,
    }
    with pytest.raises(ValidationError) as exc:
        services.plan_child_create(plan=plan, by=staff, model=Target, data=data)
    assert message in errors_of(exc)[field]
    assert not Target.objects.exists()


def test_a_percentage_target_cannot_exceed_100(staff, plan):
    with pytest.raises(ValidationError) as exc:
        services.target_check(
            plan=plan, instance=None, data={"measure": "percentage", "comparator": "at_least", "value_min": 120}
        )
    assert errors_of(exc) == {"value_min": ["Tỷ lệ phần trăm không được vượt quá 100."]}


def test_task_timeframe_is_parsed_into_its_years(staff, plan, kon_tum):
    lead = f.make_unit(province=kon_tum)
    national = f.make_unit(province=None, name="Tổng cục Tiêu chuẩn Đo lường Chất lượng")
    group = f.make_task(plan=plan, number="II")
    task = services.plan_child_create(
        plan=plan,
        by=staff,
        model=Task,
        data={
            "parent": group,
            "number": " 1 ",
            "content": "Tham quan, học tập kinh nghiệm",
            "lead_unit": lead,
            "coordinating_units": [national],
            "timeframe": "2022 2024",
            "position": None,
        },
    )
    task.refresh_from_db()
    assert task.number == "1"
    assert (task.is_annual, task.timeframe_spans, task.first_year, task.last_year) == (
        False,
        [[2022, 2022], [2024, 2024]],
        2022,
        2024,
    )
    assert list(task.coordinating_units.all()) == [national]
    assert audits(AuditEntry.Action.CREATE, object_id=str(task.pk)).get().changes["coordinating_units"] == [
        national.name
    ]


def test_task_rules_groups_lead_units_and_timeframes(staff, plan, kon_tum):
    other_province_unit = f.make_unit(province=f.province("hoa-binh"))
    plain = f.make_task(plan=plan, number="1")
    with pytest.raises(ValidationError) as exc:
        services.plan_child_create(
            plan=plan,
            by=staff,
            model=Task,
            data={
                "parent": plain,
                "number": "2",
                "content": "X",
                "lead_unit": other_province_unit,
                "timeframe": "2019",
                "position": None,
            },
        )
    errors = errors_of(exc)
    assert errors["parent"] == ["Chỉ dòng nhóm mới chứa được nhiệm vụ."]
    assert errors["lead_unit"] == ["Chọn một đơn vị của tỉnh này hoặc một đơn vị cấp quốc gia."]
    assert errors["timeframe"] == ["“2019” nằm ngoài thời kỳ của kế hoạch 2021-2025."]
    with pytest.raises(ValidationError) as exc:
        services.plan_child_create(
            plan=plan, by=staff, model=Task, data={"number": "3", "content": "X", "position": None}
        )
    assert errors_of(exc) == {"lead_unit": ["Nhiệm vụ cần có đơn vị chủ trì."]}
    group = f.make_task(plan=plan, number="I")
    with pytest.raises(ValidationError) as exc:
        services.plan_child_create(
            plan=plan, by=staff, model=Task, data={"parent": group, "number": "II", "content": "X", "position": None}
        )
    assert "Dòng nhóm không thể nằm trong một nhóm khác." in errors_of(exc)["parent"]
    assert plan.tasks.count() == 2 and not audits().exists()


def test_a_group_holding_tasks_stays_a_group_when_renumbered(staff, plan, kon_tum):
    group = f.make_task(plan=plan, number="I")
    f.make_task(plan=plan, number="1", parent=group, lead_unit=f.make_unit(province=kon_tum))
    services.plan_child_update(child=group, by=staff, data={"number": "1", "content": "Nhiệm vụ 1", "is_group": False})
    group.refresh_from_db()
    assert (group.number, group.is_group) == ("1", True)


def test_a_group_numbered_like_kon_tums_holds_tasks(staff, plan, kon_tum):
    """Kon Tum numbers its groups "Nhiệm vụ 1", "Nhiệm vụ 2": a group row is a flag, not a numeral."""
    lead = f.make_unit(province=kon_tum)
    group = services.plan_child_create(
        plan=plan,
        by=staff,
        model=Task,
        data={"number": "1", "is_group": True, "content": "Nhiệm vụ 1 - Thúc đẩy hoạt động NSCL", "position": None},
    )
    task = services.plan_child_create(
        plan=plan,
        by=staff,
        model=Task,
        data={
            "parent": group,
            "number": "1.1",
            "content": "Tổ chức 01 hội nghị",
            "lead_unit": lead,
            "timeframe": "2021-2025",
            "position": None,
        },
    )
    assert group.is_group and task.parent == group and not task.is_group


def test_deleting_a_group_deletes_its_tasks(staff, plan, kon_tum):
    group = f.make_task(plan=plan, number="I")
    f.make_task(plan=plan, number="1", parent=group)
    pk = group.pk
    services.plan_child_delete(child=group, by=staff)
    assert not plan.tasks.exists()
    assert audits(AuditEntry.Action.DELETE, object_id=str(pk)).get().comment == "Đồng thời xóa: 1 nhiệm vụ"


def test_budget_line_and_amount_rules(staff, plan):
    heading = f.make_budget_line(plan=plan, number="I")
    line = f.make_budget_line(plan=plan, number="1", parent=heading, estimate=3_250_000_000, support_rate=30)
    with pytest.raises(ValidationError) as exc:
        services.plan_child_create(
            plan=plan,
            by=staff,
            model=BudgetLine,
            data={"parent": line, "content": "X", "support_rate": Decimal(30), "estimate": None, "position": None},
        )
    errors = errors_of(exc)
    assert errors["parent"] == ["Mục lớn là dòng cấp cao nhất: dòng này đã nằm dưới một mục lớn."]
    assert errors["estimate"] == ["Nhập dự toán mà mức hỗ trợ áp dụng."]
    with pytest.raises(ValidationError) as exc:
        services.plan_child_update(child=heading, by=staff, data={"content": "I", "support_rate": Decimal(30)})
    assert "support_rate" in errors_of(exc)
    f.make_budget_amount(line=line, year=2021, amount=100)
    with pytest.raises(ValidationError) as exc:
        services.plan_child_create(
            plan=plan,
            by=staff,
            model=BudgetAmount,
            data={"line": line, "year": 2021, "source": "state_local", "amount": 5},
        )
    assert errors_of(exc) == {"source": ["Dòng này đã có số tiền năm 2021 từ nguồn này."]}
    with pytest.raises(ValidationError) as exc:
        services.plan_child_create(
            plan=plan,
            by=staff,
            model=BudgetAmount,
            data={"line": line, "year": 2026, "source": "enterprise", "amount": 5},
        )
    assert errors_of(exc) == {"year": ["Phải nằm trong thời kỳ của kế hoạch 2021-2025."]}
    assert BudgetLine.objects.count() == 2 and BudgetAmount.objects.count() == 1 and not audits().exists()


def test_reporting_duty_due_date_is_a_real_day(staff, plan):
    with pytest.raises(ValidationError) as exc:
        services.plan_child_create(
            plan=plan, by=staff, model=ReportingDuty, data={"kind": "annual", "due_day": 31, "due_month": 11}
        )
    assert errors_of(exc) == {"due_day": ["Tháng 11 không có ngày 31."]}
    duty = services.plan_child_create(
        plan=plan, by=staff, model=ReportingDuty, data={"kind": "annual", "due_day": 30, "due_month": 11}
    )
    assert str(duty) == "hằng năm 30/11"


# --- The pasted task table -----------------------------------------------------------------------------------


def bac_lieu_units():
    bac_lieu = f.province("bac-lieu")
    return {
        "dost": f.make_unit(province=bac_lieu, name="Sở Giáo dục, Khoa học và Công nghệ"),
        "group": f.make_unit(
            province=bac_lieu,
            name="Các sở, ngành, đơn vị có liên quan và UBND cấp huyện",
            kind=Unit.Kind.GROUP,
            aliases="Các Sở, Ngành, đơn vị có liên quan, Ủy ban nhân dân cấp huyện\n"
            "Các Sở, Ngành, đơn vị có liên quan và Ủy ban nhân dân cấp huyện",
        ),
        "stameq": f.make_unit(province=None, name="Tổng cục Tiêu chuẩn Đo lường Chất lượng"),
    }


def test_task_table_import_appends_the_bac_lieu_appendix_with_its_groups(staff):
    bac_lieu = f.province("bac-lieu")
    plan = f.make_plan(province=bac_lieu, start_year=2021, end_year=2030)
    units = bac_lieu_units()
    f.make_task(plan=plan, number="1", content="Có sẵn", position=4)
    editor = make_user(role=Role.PROVINCE_STAFF, province=bac_lieu)

    created = services.task_table_import(
        plan=plan, by=editor, text=(DATA / "bac_lieu_appendix_tasks.txt").read_text(encoding="utf-8")
    )

    assert len(created) == 19
    assert [t.position for t in created] == list(range(5, 24))
    group_ii = plan.tasks.get(number="II")
    assert list(group_ii.children.order_by("position").values_list("number", flat=True)) == [
        "1",
        "2",
        "3",
        "4",
        "5",
        "6",
    ]
    tour = group_ii.children.get(number="5")
    assert (tour.timeframe, tour.timeframe_spans, tour.first_year, tour.last_year) == (
        "2023 2027",
        [[2023, 2023], [2027, 2027]],
        2023,
        2027,
    )
    assert tour.lead_unit == units["dost"]
    assert set(tour.coordinating_units.all()) == {units["group"]}
    training = plan.tasks.get(number="III").children.get(number="2")
    assert training.is_annual and training.timeframe_spans == [[2021, 2030]]
    assert plan.tasks.get(number="V").children.get().number == ""
    group_i = plan.tasks.get(number="I")
    assert set(group_i.coordinating_units.all()) == {units["group"], units["stameq"]}
    assert audits(AuditEntry.Action.IMPORT, province_id=bac_lieu.pk).count() == 19


def test_task_table_import_saves_nothing_while_a_row_has_an_error(staff, plan, kon_tum):
    f.make_unit(province=kon_tum, name="Sở Khoa học và Công nghệ", short_name="Sở KH&CN")
    text = "STT\tNội dung\tĐơn vị chủ trì\n1\tĐúng\tSở KH&CN\n2\tSai\tSở Ngoại vụ\n"
    with pytest.raises(services.TaskTableError) as exc:
        services.task_table_import(plan=plan, by=staff, text=text)
    assert exc.value.table.rows[1].errors
    assert not plan.tasks.exists() and not audits().exists()


# --- Units ---------------------------------------------------------------------------------------------------


def test_unit_create_cleans_other_names_and_refuses_a_duplicate(staff, kon_tum):
    unit = services.unit_create(
        by=staff,
        data={
            "province": kon_tum,
            "name": "Sở Khoa học và Công nghệ",
            "short_name": "Sở KH&CN",
            "kind": "department",
            "aliases": "  Sở KHCN \n\nSở KH&CN tỉnh Kon Tum\nSở KHCN\n",
        },
    )
    assert unit.aliases == "Sở KHCN\nSở KH&CN tỉnh Kon Tum"
    assert audits(AuditEntry.Action.CREATE, object_id=str(unit.pk)).get().province_id == kon_tum.pk
    with pytest.raises(ValidationError) as exc:
        services.unit_create(
            by=staff, data={"province": kon_tum, "name": "sở khoa học và công nghệ", "kind": "department"}
        )
    assert errors_of(exc) == {"name": ["Tỉnh này đã có một đơn vị cùng tên."]}
    assert Unit.objects.count() == 1


def test_unit_create_refuses_another_province_and_national_units_for_province_staff(staff):
    with pytest.raises(PermissionDenied):
        services.unit_create(by=staff, data={"province": f.province("hoa-binh"), "name": "X", "kind": "department"})
    with pytest.raises(PermissionDenied):
        services.unit_create(by=staff, data={"province": None, "name": "X", "kind": "national"})
    assert not Unit.objects.exists()


def test_unit_update_records_what_changed(staff, kon_tum):
    unit = f.make_unit(province=kon_tum, name="Sở Khoa học và Công nghệ")
    services.unit_update(unit=unit, by=staff, data={"short_name": "Sở KH&CN", "province": f.province("hoa-binh")})
    unit.refresh_from_db()
    assert unit.short_name == "Sở KH&CN" and unit.province == kon_tum  # the province stays
    assert audits(AuditEntry.Action.UPDATE).get().changes == {"short_name": ["", "Sở KH&CN"]}
