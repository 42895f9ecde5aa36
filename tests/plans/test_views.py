"""The plan pages as a person uses them: forms that save (with an audit row) or show translated errors and
change nothing, the pasted task table, the plan read as a document, query counts that do not grow."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import AuditEntry, Role
from plans.models import (
    BudgetAmount,
    BudgetLine,
    LegalDocument,
    Phase,
    Plan,
    ReportingDuty,
    Target,
    Task,
    Unit,
)
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
def client_(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def plan(kon_tum):
    return f.make_plan(province=kon_tum, start_year=2021, end_year=2025, number="12/KH-UBND")


def html(response) -> str:
    return response.content.decode()


def audit_count(action=None) -> int:
    qs = AuditEntry.objects.all()
    return qs.filter(action=action).count() if action else qs.count()


# --- Plan list ---------------------------------------------------------------------------------------------


def test_plan_list_shows_the_province_of_its_time_with_its_successor(client_, plan):
    page = html(client_.get(reverse("plans:plan_list")))
    assert "Kon Tum — nay thuộc Quảng Ngãi" in page
    assert "2021-2025" in page
    assert "12/KH-UBND" in page


def test_plan_list_filters_by_status_year_programme_and_text(client_, kon_tum, plan):
    ended = f.make_plan(province=kon_tum, start_year=2016, end_year=2020, status="ended", number="9/KH-UBND")
    ended.programme = "712"
    ended.save()
    url = reverse("plans:plan_list")
    assert "9/KH-UBND" not in html(client_.get(url, {"status": "in_force"}))
    assert "12/KH-UBND" not in html(client_.get(url, {"year": 2018}))
    assert "9/KH-UBND" in html(client_.get(url, {"year": 2018}))
    assert "12/KH-UBND" not in html(client_.get(url, {"programme": "712"}))
    assert "12/KH-UBND" in html(client_.get(url, {"q": "12/KH"}))
    page = html(client_.get(url, {"q": "không có kế hoạch nào như thế"}))
    assert "Không có kế hoạch nào khớp với bộ lọc này." in page


def test_plan_list_filter_by_a_merged_province_includes_its_predecessors(client, kon_tum, plan):
    successor = f.province("quang-ngai-2025")
    staff = make_user(role=Role.PROVINCE_STAFF, province=successor)
    client.force_login(staff)
    page = html(client.get(reverse("plans:plan_list"), {"province": kon_tum.pk}))
    assert "12/KH-UBND" in page


def test_plan_list_empty_state(client_):
    assert "Chưa có kế hoạch nào." in html(client_.get(reverse("plans:plan_list")))


def test_plan_list_paginates(client_, kon_tum, settings):
    settings.PAGE_SIZE = 2
    for _ in range(3):
        f.make_plan(province=kon_tum)
    page = html(client_.get(reverse("plans:plan_list")))
    assert "Trang 1 / 2" in page or "Trang 1 của 2" in page or "page=2" in page


# --- The plan page ------------------------------------------------------------------------------------------


def test_plan_page_reads_like_the_document_in_vietnamese(client_, kon_tum):
    plan = f.make_full_plan(
        province=kon_tum,
        number="12/KH-UBND",
        issuer="Ủy ban nhân dân tỉnh Kon Tum",
        issued_on=dt.date(2021, 12, 3),
        signer_title="KT. Chủ tịch\nPhó Chủ tịch",
        signer_name="Nguyễn Văn A",
        source_note="Bản chụp văn bản",
    )
    decision = f.make_legal_document(
        kind="decision",
        number="1322/QĐ-TTg",
        issued_on=dt.date(2020, 8, 31),
        title="Phê duyệt Chương trình quốc gia",
    )
    f.cite(plan, decision)
    page = html(client_.get(plan.get_absolute_url()))
    assert "ỦY BAN NHÂN DÂN TỈNH KON TUM" in page
    assert "Số: 12/KH-UBND" in page
    assert "Kon Tum, ngày 03 tháng 12 năm 2021" in page
    assert "KẾ HOẠCH" in page
    assert "Kon Tum — nay thuộc Quảng Ngãi" in page
    assert (
        "Căn cứ Quyết định số 1322/QĐ-TTg ngày 31/08/2020 của Thủ tướng Chính phủ phê duyệt Chương trình quốc gia;"
        in page
    )
    for heading in ("Mục tiêu", "Mục tiêu chung", "Mục tiêu cụ thể", "Nhiệm vụ", "Kinh phí"):
        assert heading in page
    assert '<tr class="group">' in page
    assert "KT. CHỦ TỊCH<br>PHÓ CHỦ TỊCH" in page
    assert "Nguyễn Văn A" in page
    assert "Bản chụp văn bản" in page
    assert "≥ 2" in page  # a target's value
    # Three lines of 100 million VND at 30 %: 300 million, of which the state 90 and the enterprises 210.
    assert "Đơn vị tính: triệu đồng" in page and "Mức hỗ trợ" in page
    assert (
        "Tổng dự toán: 300 triệu đồng, trong đó ngân sách nhà nước 90 triệu đồng, doanh nghiệp 210 triệu đồng." in page
    )
    assert "Sửa kế hoạch" in page  # staff of the province may change it


def test_plan_page_words_budget_figures_that_do_not_add_up(client_, plan):
    heading = f.make_budget_line(plan=plan, number="I", content="Chi tuyên truyền", estimate=230_000_000)
    f.make_budget_line(plan=plan, parent=heading, number="1", estimate=100_000_000, support_rate=100)
    f.make_budget_line(plan=plan, parent=heading, number="2", estimate=30_000_000, support_rate=100)
    page = html(client_.get(plan.get_absolute_url()))
    assert (
        "Mục lớn “I. Chi tuyên truyền” ghi 230 triệu đồng nhưng các dòng bên dưới cộng lại là 130 triệu đồng." in page
    )


def test_plan_page_shows_the_date_as_written_when_there_is_no_full_date(client_, kon_tum):
    plan = f.make_plan(province=kon_tum, issued_note="tháng 9 năm 2021")
    assert "Kon Tum, tháng 9 năm 2021" in html(client_.get(plan.get_absolute_url()))


def test_ministry_reads_the_plan_page_without_edit_links(client, plan):
    client.force_login(make_user(role=Role.MINISTRY))
    page = html(client.get(plan.get_absolute_url()))
    assert "Mục tiêu" in page
    assert reverse("plans:plan_update", args=[plan.pk]) not in page
    assert reverse("plans:task_paste", args=[plan.pk]) not in page


def _count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_plan_page_query_count_does_not_grow_with_the_plan(client_, kon_tum):
    small = f.make_full_plan(province=kon_tum, tasks=5, targets=3, budget_lines=2)
    large = f.make_full_plan(province=kon_tum, tasks=60, targets=30, budget_lines=25)
    assert large.tasks.count() == 60 and large.targets.count() == 30
    assert _count_queries(client_, small.get_absolute_url()) == _count_queries(client_, large.get_absolute_url())


def test_plan_list_query_count_does_not_grow_with_rows(client_, kon_tum):
    for _ in range(3):
        f.make_plan(province=kon_tum)
    few = _count_queries(client_, reverse("plans:plan_list"))
    for _ in range(27):
        f.make_plan(province=f.province("quang-ngai"))
    client_.logout()
    leader = make_user(role=Role.PROVINCE_LEADER, province=f.province("quang-ngai-2025"))
    client_.force_login(leader)
    assert Plan.objects.count() == 30
    assert _count_queries(client_, reverse("plans:plan_list")) == few


def test_unit_list_query_count_does_not_grow_with_rows(client_, kon_tum):
    for _ in range(3):
        f.make_unit(province=kon_tum)
    few = _count_queries(client_, reverse("plans:unit_list"))
    for _ in range(27):
        f.make_unit(province=kon_tum)
    assert _count_queries(client_, reverse("plans:unit_list")) == few


# --- Create and edit a plan ---------------------------------------------------------------------------------


def plan_form_data(province, **extra):
    data = {
        "province": province.pk,
        "programme": "1322",
        "kind": "plan",
        "number": "187/KH-UBND",
        "title": "Thực hiện Chương trình quốc gia giai đoạn 2021-2030",
        "issued_on": "03/12/2021",
        "issued_note": "",
        "issuer": "Ủy ban nhân dân tỉnh Kon Tum",
        "start_year": 2021,
        "end_year": 2030,
        "status": "in_force",
        "signer_title": "Phó Chủ tịch",
        "signer_name": "Phan Thanh Duy",
        "funding": "",
        "source_note": "",
    }
    data.update(extra)
    return data


def test_plan_create_saves_the_plan_its_phase_and_legal_basis(client_, kon_tum):
    document = f.make_legal_document(number="1322/QĐ-TTg")
    response = client_.post(reverse("plans:plan_create"), plan_form_data(kon_tum, legal_documents=[document.pk]))
    plan = Plan.objects.get()
    assert response.status_code == 302 and response.url == plan.get_absolute_url()
    assert plan.issued_on == dt.date(2021, 12, 3)
    assert list(plan.phases.values_list("start_year", "end_year")) == [(2021, 2030)]
    assert list(plan.legal_basis.all()) == [document]
    assert audit_count(AuditEntry.Action.CREATE) == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"end_year": 2020}, "Kế hoạch không thể kết thúc trước khi bắt đầu."),
        ({"issued_on": "31/02/2021"}, "Nhập ngày theo dạng dd/mm/yyyy, ví dụ 03/12/2021."),
        ({"title": ""}, "Thông tin này là bắt buộc."),
        ({"start_year": 1990}, "Đảm bảo giá trị này lớn hơn hoặc bằng với 2000"),
    ],
)
def test_plan_create_shows_errors_and_saves_nothing(client_, kon_tum, changes, message):
    response = client_.post(reverse("plans:plan_create"), plan_form_data(kon_tum, **changes))
    assert response.status_code == 200
    assert message in html(response)
    assert not Plan.objects.exists() and not Phase.objects.exists() and audit_count() == 0


def test_plan_create_offers_only_provinces_the_person_may_add_to(client_, kon_tum):
    response = client_.post(reverse("plans:plan_create"), plan_form_data(f.province("hoa-binh")))
    assert "Hãy chọn một lựa chọn hợp lệ." in html(response)
    assert not Plan.objects.exists()


def test_plan_update_saves_and_records_the_change(client_, kon_tum, plan):
    response = client_.post(
        reverse("plans:plan_update", args=[plan.pk]), plan_form_data(kon_tum, title="Tên mới", end_year=2025)
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.title == "Tên mới"
    assert AuditEntry.objects.get(action="update").changes["title"][1] == "Tên mới"


def test_plan_update_refuses_a_period_without_its_phases(client_, kon_tum, plan):
    f.make_phase(plan=plan, start_year=2026, end_year=2030, name="Giai đoạn 2")
    plan.end_year = 2030
    plan.save()
    plan.phases.filter(start_year=2021).update(end_year=2025)
    response = client_.post(reverse("plans:plan_update", args=[plan.pk]), plan_form_data(kon_tum, end_year=2025))
    assert "Giai đoạn “Giai đoạn 2 (2026-2030)” nằm ngoài 2021-2025" in html(response)
    plan.refresh_from_db()
    assert plan.end_year == 2030 and audit_count() == 0


def test_legal_document_page_adds_a_document_and_returns(client_, plan):
    next_url = reverse("plans:plan_update", args=[plan.pk])
    data = {"kind": "circular", "number": "35/2021/TT-BTC", "issued_on": "19/05/2021", "issuer": "Bộ Tài chính"}
    response = client_.post(reverse("plans:legal_document_create"), {**data, "next": next_url})
    assert response.status_code == 302 and response.url == next_url
    assert LegalDocument.objects.get().issued_on == dt.date(2021, 5, 19)
    assert audit_count(AuditEntry.Action.CREATE) == 1
    response = client_.post(reverse("plans:legal_document_create"), data)
    assert "Văn bản này đã được ghi nhận." in html(response)
    assert LegalDocument.objects.count() == 1 and audit_count() == 1


# --- Parts of a plan ----------------------------------------------------------------------------------------


def test_phase_form_saves_and_refuses_an_overlap(client_, kon_tum):
    plan = f.make_plan(province=kon_tum, start_year=2021, end_year=2030, phase=False)
    f.make_phase(plan=plan, start_year=2021, end_year=2025)
    url = reverse("plans:phase_create", args=[plan.pk])
    response = client_.post(url, {"name": "Giai đoạn 2026-2030", "start_year": 2026, "end_year": 2030})
    assert response.status_code == 302 and plan.phases.count() == 2 and audit_count() == 1
    response = client_.post(url, {"name": "Trùng", "start_year": 2024, "end_year": 2026})
    assert "Giai đoạn trùng với" in html(response)
    response = client_.post(url, {"name": "Ngoài", "start_year": 2031, "end_year": 2032})
    assert "Phải nằm trong thời kỳ của kế hoạch 2021-2030." in html(response)
    assert plan.phases.count() == 2 and audit_count() == 1


def test_objective_form_saves_and_requires_text(client_, plan):
    url = reverse("plans:objective_create", args=[plan.pk])
    assert client_.post(url, {"text": "Đưa năng suất trở thành động lực", "position": ""}).status_code == 302
    assert plan.objectives.get().text == "Đưa năng suất trở thành động lực" and audit_count() == 1
    objective = plan.objectives.get()
    response = client_.post(reverse("plans:objective_update", args=[plan.pk, objective.pk]), {"text": ""})
    assert "Thông tin này là bắt buộc." in html(response)
    objective.refresh_from_db()
    assert objective.text == "Đưa năng suất trở thành động lực" and audit_count() == 1


def target_data(plan, **extra):
    data = {
        "phase": plan.phases.get().pk,
        "text": "Hỗ trợ 10-20 doanh nghiệp/năm",
        "indicator": f.make_indicator().pk,
        "measure": "count",
        "period": "year",
        "comparator": "range",
        "value_min": "10",
        "value_max": "20",
        "unit": "doanh nghiệp",
        "position": "",
    }
    data.update(extra)
    return data


def test_target_form_saves_a_range_with_decimal_commas(client_, plan):
    response = client_.post(
        reverse("plans:target_create", args=[plan.pk]),
        target_data(plan, measure="growth_rate", value_min="7,5", value_max="10", unit="%"),
    )
    assert response.status_code == 302
    target = Target.objects.get()
    assert (str(target.value_min), str(target.value_max)) == ("7.50", "10.00")
    assert audit_count(AuditEntry.Action.CREATE) == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"value_max": ""}, "Khoảng cần có cận trên (với “10-20”, nhập 10 và 20)."),
        ({"comparator": "qualitative"}, "Chỉ tiêu không có số thì không nhập giá trị."),
        ({"comparator": "at_least"}, "Chỉ khoảng (từ … đến …) mới có cận trên."),
        ({"value_min": "abc"}, "Nhập một số."),
    ],
)
def test_target_form_errors_change_nothing(client_, plan, changes, message):
    response = client_.post(reverse("plans:target_create", args=[plan.pk]), target_data(plan, **changes))
    assert response.status_code == 200
    assert message in html(response)
    assert not Target.objects.exists() and audit_count() == 0


def task_data(unit, **extra):
    data = {
        "parent": "",
        "number": "1",
        "content": "Tổ chức Hội nghị tuyên truyền",
        "lead_unit": unit.pk,
        "coordinating_units": [],
        "coordinating_text": "Các sở, ngành",
        "timeframe": "2022 - 2023 2025",
        "expected_output": "01 Hội nghị",
        "notes": "",
        "position": "",
    }
    data.update(extra)
    return data


def test_task_form_saves_a_task_in_a_group_with_its_years(client_, plan, kon_tum):
    unit = f.make_unit(province=kon_tum, name="Sở Khoa học và Công nghệ")
    national = f.make_unit(province=None, name="Tổng cục Tiêu chuẩn Đo lường Chất lượng")
    group = f.make_task(plan=plan, number="II", content="Thông tin tuyên truyền")
    response = client_.post(
        reverse("plans:task_create", args=[plan.pk]),
        task_data(unit, parent=group.pk, coordinating_units=[national.pk]),
    )
    assert response.status_code == 302
    task = Task.objects.get(parent=group)
    assert task.timeframe_spans == [[2022, 2023], [2025, 2025]]
    assert (task.first_year, task.last_year) == (2022, 2025)
    assert list(task.coordinating_units.all()) == [national]
    assert audit_count(AuditEntry.Action.CREATE) == 1


def test_task_form_offers_no_unit_of_another_province(client_, plan, kon_tum):
    foreign = f.make_unit(province=f.province("hoa-binh"), name="Sở Khoa học và Công nghệ Hòa Bình")
    page = html(client_.get(reverse("plans:task_create", args=[plan.pk])))
    assert "Sở Khoa học và Công nghệ Hòa Bình" not in page
    response = client_.post(reverse("plans:task_create", args=[plan.pk]), task_data(foreign))
    assert "Hãy chọn một lựa chọn hợp lệ." in html(response)
    assert not Task.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"timeframe": "sang năm"}, "“sang năm” không phải là thời gian thực hiện."),
        ({"timeframe": "2026"}, "“2026” nằm ngoài thời kỳ của kế hoạch 2021-2025."),
        ({"lead_unit": ""}, "Nhiệm vụ cần có đơn vị chủ trì."),
        ({"content": ""}, "Thông tin này là bắt buộc."),
    ],
)
def test_task_form_errors_change_nothing(client_, plan, kon_tum, changes, message):
    unit = f.make_unit(province=kon_tum)
    response = client_.post(reverse("plans:task_create", args=[plan.pk]), task_data(unit, **changes))
    assert response.status_code == 200
    assert message in html(response)
    assert not Task.objects.exists() and audit_count() == 0


def test_task_update_changes_the_task(client_, plan, kon_tum):
    unit = f.make_unit(province=kon_tum)
    task = f.make_task(plan=plan, lead_unit=unit, content="Cũ")
    url = reverse("plans:task_update", args=[plan.pk, task.pk])
    assert client_.get(url).status_code == 200
    response = client_.post(url, task_data(unit, content="Mới", timeframe="Hàng năm", position="3"))
    assert response.status_code == 302
    task.refresh_from_db()
    assert (task.content, task.is_annual, task.timeframe_spans, task.position) == ("Mới", True, [[2021, 2025]], 3)
    changes = AuditEntry.objects.get(action="update").changes
    assert changes["content"] == ["Cũ", "Mới"]


def budget_line_data(**extra):
    data = {
        "parent": "",
        "number": "1",
        "content": "25 doanh nghiệp áp dụng hệ thống quản lý chất lượng ISO",
        "category": "enterprise_support",
        "estimate": "3.250.000.000",
        "support_rate": "30",
        "state_source": "state_local",
        "basis": "Nghị định 119/1999/NĐ-CP ngày 18/9/1999",
        "position": "",
    }
    data.update(extra)
    return data


def test_budget_line_form_reads_grouped_vnd(client_, plan):
    heading = f.make_budget_line(plan=plan, number="II", content="Chi hoạt động hỗ trợ doanh nghiệp")
    response = client_.post(reverse("plans:budgetline_create", args=[plan.pk]), budget_line_data(parent=heading.pk))
    assert response.status_code == 302
    line = BudgetLine.objects.get(parent=heading)
    assert line.estimate == 3_250_000_000 and line.support_rate == 30
    assert line.state_amount == 975_000_000
    assert audit_count(AuditEntry.Action.CREATE) == 1
    page = html(client_.get(reverse("plans:budgetline_update", args=[plan.pk, line.pk])))
    assert 'value="3.250.000.000"' in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"estimate": "3.250,5"}, "Nhập số tiền chẵn theo đồng, ví dụ 3.250.000.000."),
        ({"estimate": "-5"}, "Số tiền không được âm."),
        ({"support_rate": "120"}, "Đảm bảo giá trị này là nhỏ hơn hoặc bằng với 100"),
        ({"estimate": ""}, "Nhập dự toán mà mức hỗ trợ áp dụng."),
    ],
)
def test_budget_line_form_errors_change_nothing(client_, plan, changes, message):
    response = client_.post(reverse("plans:budgetline_create", args=[plan.pk]), budget_line_data(**changes))
    assert response.status_code == 200
    assert message in html(response)
    assert not BudgetLine.objects.exists() and audit_count() == 0


def test_budget_amount_form_saves_per_year_and_source(client_, plan):
    line = f.make_budget_line(plan=plan, estimate=100, support_rate=100)
    url = reverse("plans:budgetamount_create", args=[plan.pk])
    data = {"line": line.pk, "year": 2021, "source": "state_local", "amount": "517.000.000"}
    assert client_.post(url, data).status_code == 302
    assert BudgetAmount.objects.get().amount == 517_000_000 and audit_count() == 1
    assert "Dòng này đã có số tiền năm 2021 từ nguồn này." in html(client_.post(url, data))
    assert "Hãy chọn một lựa chọn hợp lệ." in html(client_.post(url, {**data, "year": 2030}))
    assert BudgetAmount.objects.count() == 1 and audit_count() == 1


def test_reporting_duty_form_saves_and_checks_the_day(client_, plan):
    url = reverse("plans:reportingduty_create", args=[plan.pk])
    data = {"kind": "annual", "due_day": 30, "due_month": 11, "year": "", "recipients": "Bộ KH&CN", "note": ""}
    assert client_.post(url, data).status_code == 302
    assert ReportingDuty.objects.get().recipients == "Bộ KH&CN" and audit_count() == 1
    assert "Tháng 2 không có ngày 30." in html(client_.post(url, {**data, "due_month": 2}))
    assert ReportingDuty.objects.count() == 1 and audit_count() == 1


@pytest.mark.parametrize(
    "kind", ["phase", "objective", "target", "task", "budgetline", "budgetamount", "reportingduty"]
)
def test_every_part_is_deleted_after_a_confirmation_page(client_, plan, kind):
    second_phase_plan = plan
    second_phase_plan.phases.update(end_year=2022)
    f.make_phase(plan=plan, start_year=2023, end_year=2025)
    line = f.make_budget_line(plan=plan, estimate=10, support_rate=100)
    children = {
        "phase": plan.phases.last,
        "objective": lambda: f.make_objective(plan=plan),
        "target": lambda: f.make_target(plan=plan),
        "task": lambda: f.make_task(plan=plan),
        "budgetline": lambda: line,
        "budgetamount": lambda: f.make_budget_amount(line=line, year=2022, amount=5),
        "reportingduty": lambda: f.make_reporting_duty(plan=plan),
    }
    child = children[kind]()
    url = reverse(f"plans:{kind}_delete", args=[plan.pk, child.pk])
    page = html(client_.get(url))
    assert "Xóa" in page and str(child) in page
    assert type(child).objects.filter(pk=child.pk).exists()  # the page alone deletes nothing
    response = client_.post(url)
    assert response.status_code == 302
    assert not type(child).objects.filter(pk=child.pk).exists()
    assert AuditEntry.objects.filter(action="delete", object_id=str(child.pk)).count() == 1


def test_the_delete_page_says_what_goes_with_a_group(client_, plan, kon_tum):
    group = f.make_task(plan=plan, number="I")
    f.make_task(plan=plan, number="1", parent=group)
    f.make_task(plan=plan, number="2", parent=group)
    page = html(client_.get(reverse("plans:task_delete", args=[plan.pk, group.pk])))
    assert "2 nhiệm vụ" in page


def test_deleting_the_last_phase_is_refused_with_a_message(client_, plan):
    phase = plan.phases.get()
    response = client_.post(reverse("plans:phase_delete", args=[plan.pk, phase.pk]))
    assert "Kế hoạch phải có ít nhất một giai đoạn" in html(response)
    assert Phase.objects.filter(pk=phase.pk).exists() and audit_count() == 0


# --- Paste a task table -------------------------------------------------------------------------------------


def hoa_binh_setup():
    hoa_binh = f.province("hoa-binh")
    plan = f.make_plan(province=hoa_binh, start_year=2021, end_year=2025)
    dost = f.make_unit(province=hoa_binh, name="Sở Khoa học và Công nghệ", short_name="Sở KH&CN")
    staff = make_user(role=Role.PROVINCE_STAFF, province=hoa_binh)
    return plan, dost, staff


def test_paste_previews_then_saves_the_hoa_binh_table(client):
    plan, dost, staff = hoa_binh_setup()
    client.force_login(staff)
    url = reverse("plans:task_paste", args=[plan.pk])
    text = (DATA / "hoa_binh_tasks.txt").read_text(encoding="utf-8")
    preview = html(client.post(url, {"text": text, "preview": "1"}))
    assert "Lưu 5 dòng" in preview
    assert "Rà soát cơ chế, chính sách" in preview
    assert not Task.objects.exists()  # a preview saves nothing
    response = client.post(url, {"text": text, "save": "1"})
    assert response.status_code == 302
    tasks = list(plan.tasks.order_by("position"))
    assert [t.number for t in tasks] == ["1", "2", "3", "4", "5"]
    assert all(t.lead_unit == dost for t in tasks)
    assert [t.timeframe for t in tasks] == ["2023", "Hàng năm", "Hàng năm", "Hàng năm", "2021-2023"]
    assert AuditEntry.objects.filter(action="import").count() == 5


def test_paste_with_a_bad_row_shows_its_error_and_saves_nothing(client):
    plan, _dost, staff = hoa_binh_setup()
    client.force_login(staff)
    text = (DATA / "hoa_binh_tasks.txt").read_text(encoding="utf-8")
    text = text.replace("2021-2023", "2021-2027")  # row 5 now runs past the plan's end
    response = client.post(reverse("plans:task_paste", args=[plan.pk]), {"text": text, "save": "1"})
    page = html(response)
    assert "“2021-2027” nằm ngoài thời kỳ của kế hoạch 2021-2025." in page
    assert "Không lưu gì khi còn dòng có lỗi." in page
    assert "Lưu 5 dòng" not in page
    assert not Task.objects.exists() and audit_count() == 0


# --- Units --------------------------------------------------------------------------------------------------


def test_unit_list_shows_the_province_units_with_filters(client_, kon_tum):
    f.make_unit(province=kon_tum, name="Sở Khoa học và Công nghệ", short_name="Sở KH&CN")
    f.make_unit(province=kon_tum, name="Hiệp hội Doanh nghiệp tỉnh", kind="association")
    f.make_unit(province=f.province("hoa-binh"), name="Sở Tài chính Hòa Bình")
    page = html(client_.get(reverse("plans:unit_list")))
    assert "Sở KH&amp;CN" in page and "Hiệp hội Doanh nghiệp tỉnh" in page
    assert "Sở Tài chính Hòa Bình" not in page
    page = html(client_.get(reverse("plans:unit_list"), {"kind": "association"}))
    assert "Sở KH&amp;CN" not in page and "Hiệp hội Doanh nghiệp tỉnh" in page
    assert "Không có đơn vị nào khớp với bộ lọc này." in html(client_.get(reverse("plans:unit_list"), {"q": "zzz"}))


def test_unit_create_and_update(client_, kon_tum):
    data = {
        "province": kon_tum.pk,
        "name": "Sở Khoa học và Công nghệ",
        "short_name": "Sở KH&CN",
        "kind": "department",
        "aliases": "Sở KHCN\n\nSở KH&CN tỉnh Kon Tum",
    }
    response = client_.post(reverse("plans:unit_create"), data)
    unit = Unit.objects.get()
    assert response.status_code == 302 and unit.alias_list[-2:] == ["Sở KHCN", "Sở KH&CN tỉnh Kon Tum"]
    assert "Tỉnh này đã có một đơn vị cùng tên." in html(client_.post(reverse("plans:unit_create"), data))
    assert Unit.objects.count() == 1
    response = client_.post(reverse("plans:unit_update", args=[unit.pk]), {**data, "short_name": "SKHCN"})
    assert response.status_code == 302
    unit.refresh_from_db()
    assert unit.short_name == "SKHCN"
    assert list(AuditEntry.objects.order_by("id").values_list("action", flat=True)) == ["create", "update"]
    response = client_.post(reverse("plans:unit_update", args=[unit.pk]), {**data, "name": ""})
    assert "Thông tin này là bắt buộc." in html(response)
    unit.refresh_from_db()
    assert unit.name == "Sở Khoa học và Công nghệ" and AuditEntry.objects.count() == 2


def test_pages_switch_to_english(client_, plan):
    client_.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = html(client_.get(plan.get_absolute_url()))
    assert "Objectives</h2>" in page and "Kon Tum — now part of Quảng Ngãi" in page
