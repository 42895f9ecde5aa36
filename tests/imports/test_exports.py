"""Exports of the staff's lists: the page's filters and access scope, Vietnamese headers, dd/mm/yyyy dates, numbers
as numbers, formulas escaped, and streaming in constant memory."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.db import connection
from django.db.models.signals import post_init
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from accounts.exporting import escape_formula
from accounts.models import Role
from enterprises.models import Enterprise
from plans.models import Activity, Plan
from support.choices import Status
from tests.accounts.factories import make_user
from tests.enterprises.factories import make_enterprise, make_member
from tests.plans.factories import make_plan, make_task, make_unit, province
from tests.reporting.factories import make_application_row
from tests.support.factories import make_allocation, make_policy, make_rule

pytestmark = pytest.mark.django_db


def _csv(response) -> list[list[str]]:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def _xlsx(response):
    assert response.status_code == 200, response.status_code
    assert "spreadsheetml" in response["Content-Type"]
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return workbook.worksheets[0]


@pytest.fixture
def kon_tum_staff():
    return make_user(role=Role.PROVINCE_STAFF, province=province("kon-tum"))


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("=1+2", "'=1+2"),
        ("+84 912", "'+84 912"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Công ty A=B", "Công ty A=B"),
    ],
)
def test_text_a_spreadsheet_would_run_as_a_formula_is_escaped(text, written):
    assert escape_formula(text) == written


def test_an_enterprise_name_with_a_formula_is_exported_escaped_in_csv_and_xlsx(client, kon_tum_staff):
    make_enterprise(province_key="kon-tum", name='=HYPERLINK("http://evil.example","Bấm vào")', phone="+84 260 3862")
    client.force_login(kon_tum_staff)
    url = reverse("imports:export_enterprises")

    rows = _csv(client.get(url, {"format": "csv"}))
    assert rows[0][:3] == ["Mã số thuế", "Tên doanh nghiệp", "Tên viết tắt"]
    assert rows[1][1] == '\'=HYPERLINK("http://evil.example","Bấm vào")'
    assert rows[1][rows[0].index("Điện thoại")] == "'+84 260 3862"

    sheet = _xlsx(client.get(url, {"format": "xlsx"}))
    name = sheet.cell(row=2, column=2)
    assert name.value == '\'=HYPERLINK("http://evil.example","Bấm vào")' and name.data_type == "s"


def test_the_enterprise_export_keeps_the_filters_and_never_shows_another_province(client, kon_tum_staff):
    make_enterprise(province_key="kon-tum", name="Công ty Cà phê Đăk Tô", employees=20, revenue=5 * 10**9)
    make_enterprise(province_key="kon-tum", name="Công ty Sâm Ngọc Linh", status=Enterprise.Status.PENDING)
    make_enterprise(province_key="hoa-binh", name="Công ty Hòa Bình Xanh")
    client.force_login(kon_tum_staff)

    everything = _csv(client.get(reverse("imports:export_enterprises"), {"format": "csv"}))
    assert sorted(r[1] for r in everything[1:]) == ["Công ty Cà phê Đăk Tô", "Công ty Sâm Ngọc Linh"]

    verified = _csv(client.get(reverse("imports:export_enterprises"), {"format": "csv", "status": "verified"}))
    assert [r[1] for r in verified[1:]] == ["Công ty Cà phê Đăk Tô"]
    row = dict(zip(verified[0], verified[1], strict=True))
    assert (row["Số lao động"], row["Doanh thu"], row["Tỉnh/Thành phố"]) == ("20", "5000000000", "Kon Tum")
    assert row["Ngành nghề kinh doanh chính"] == "C - Công nghiệp chế biến, chế tạo"

    # A province's filter the person does not reach is refused by the form: the export stays in scope.
    other = province("hoa-binh").pk
    scoped = _csv(client.get(reverse("imports:export_enterprises"), {"format": "csv", "province": other}))
    assert "Công ty Hòa Bình Xanh" not in [r[1] for r in scoped[1:]]


def test_an_enterprise_member_exports_only_their_own_enterprise(client):
    own = make_enterprise(province_key="kon-tum", name="Công ty Của Tôi")
    make_enterprise(province_key="kon-tum", name="Công ty Hàng Xóm")
    client.force_login(make_member(own))
    rows = _csv(client.get(reverse("imports:export_enterprises"), {"format": "csv"}))
    assert [r[1] for r in rows[1:]] == ["Công ty Của Tôi"]


def test_the_xlsx_export_writes_amounts_as_numbers_and_dates_as_dates(client, kon_tum_staff):
    plan = make_plan(province=province("kon-tum"), number="187/KH-UBND")
    Activity.objects.create(
        plan=plan,
        kind=Activity.Kind.CONFERENCE,
        title="Hội thảo Lean",
        start_date=dt.date(2023, 6, 15),
        participants=80,
        person_times=80,
        cost_state_local=45_000_000,
    )
    client.force_login(kon_tum_staff)
    sheet = _xlsx(client.get(reverse("imports:export_activities", args=[plan.pk]), {"format": "xlsx"}))
    headers = [c.value for c in sheet[1]]
    row = dict(zip(headers, sheet[2], strict=True))
    assert row["Kế hoạch"].value == "187/KH-UBND"
    assert row["Ngày bắt đầu"].value == dt.datetime(2023, 6, 15)
    assert row["Ngày bắt đầu"].number_format == "DD/MM/YYYY"
    assert row["Kinh phí NSĐP"].value == 45_000_000 and row["Kinh phí NSĐP"].data_type == "n"
    assert row["Kinh phí NSĐP"].number_format == "#,##0"
    csv_rows = _csv(client.get(reverse("imports:export_activities", args=[plan.pk]), {"format": "csv"}))
    assert csv_rows[1][csv_rows[0].index("Ngày bắt đầu")] == "15/06/2023"


def test_the_activity_export_keeps_the_kind_and_year_filters(client, kon_tum_staff):
    plan = make_plan(province=province("kon-tum"))
    for kind, day in ((Activity.Kind.CONFERENCE, dt.date(2023, 3, 1)), (Activity.Kind.STUDY_TOUR, dt.date(2024, 3, 1))):
        Activity.objects.create(plan=plan, kind=kind, title=f"{kind} {day.year}", start_date=day)
    client.force_login(kon_tum_staff)
    url = reverse("imports:export_activities", args=[plan.pk])
    rows = _csv(client.get(url, {"format": "csv", "kind": "study_tour"}))
    assert [r[5] for r in rows[1:]] == ["study_tour 2024"]
    rows = _csv(client.get(url, {"format": "csv", "year": 2023}))
    assert [r[5] for r in rows[1:]] == ["conference 2023"]


def test_the_plan_and_task_exports_follow_the_plan_list_and_its_access(client, kon_tum_staff, as_of):
    as_of("2024-06-01")  # the plans of 2021-2025 are in force (their standing follows the portal's today)
    kon_tum = make_plan(province=province("kon-tum"), title="Kế hoạch Kon Tum", number="187/KH-UBND")
    make_plan(province=province("kon-tum"), title="Kế hoạch cũ", status=Plan.Status.ENDED)
    hoa_binh = make_plan(province=province("hoa-binh"), title="Kế hoạch Hòa Bình")
    unit = make_unit(province=province("kon-tum"), name="Sở Khoa học và Công nghệ")
    make_task(plan=kon_tum, number="1", content="Tuyên truyền", lead_unit=unit, timeframe="Hàng năm")
    client.force_login(kon_tum_staff)

    rows = _csv(client.get(reverse("imports:export_plans"), {"format": "csv", "status": "in_force"}))
    assert [r[3] for r in rows[1:]] == ["Kế hoạch Kon Tum"]
    tasks = _csv(client.get(reverse("imports:export_tasks", args=[kon_tum.pk]), {"format": "csv"}))
    assert tasks[0] == [
        "STT",
        "Nội dung nhiệm vụ",
        "Đơn vị chủ trì",
        "Đơn vị phối hợp",
        "Thời gian thực hiện",
        "Sản phẩm",
        "Ghi chú",
    ]
    assert tasks[1][:3] == ["1", "Tuyên truyền", "Sở Khoa học và Công nghệ"]
    assert client.get(reverse("imports:export_tasks", args=[hoa_binh.pk]), {"format": "csv"}).status_code == 404

    client.force_login(make_user(role=Role.MINISTRY))
    rows = _csv(client.get(reverse("imports:export_plans"), {"format": "csv"}))
    assert len(rows) == 4  # the Ministry reads every province's plans


def test_the_application_and_budget_exports_never_show_another_province(client, kon_tum_staff):
    make_application_row(enterprise=make_enterprise(province_key="kon-tum", name="Công ty A"), year=2023)
    make_application_row(
        enterprise=make_enterprise(province_key="kon-tum", name="Công ty B"),
        year=2024,
        status=Status.PAID,
        final=40_000_000,
        paid=40_000_000,
    )
    make_application_row(enterprise=make_enterprise(province_key="hoa-binh", name="Công ty C"), year=2023)
    make_allocation(rule=make_rule(policy=make_policy(province_key="kon-tum")), year=2023, amount=500_000_000)
    make_allocation(rule=make_rule(policy=make_policy(province_key="hoa-binh")), year=2023, amount=300_000_000)
    client.force_login(kon_tum_staff)

    rows = _csv(client.get(reverse("imports:export_applications"), {"format": "csv"}))
    assert sorted(r[3] for r in rows[1:]) == ["Công ty A", "Công ty B"]
    rows = _csv(client.get(reverse("imports:export_applications"), {"format": "csv", "year": 2024}))
    assert [(r[3], r[rows[0].index("Đã thanh toán")]) for r in rows[1:]] == [("Công ty B", "40000000")]

    budget = _csv(client.get(reverse("imports:export_budget"), {"format": "csv"}))
    assert [(r[0], r[3]) for r in budget[1:]] == [("Kon Tum", "500000000")]


def test_a_large_csv_export_streams_rows_a_chunk_at_a_time(client, kon_tum_staff, monkeypatch):
    monkeypatch.setattr("accounts.exporting.CHUNK_SIZE", 50)
    for n in range(300):
        make_enterprise(province_key="kon-tum", name=f"Công ty {n:03d}")
    loaded = []

    def count(sender, instance, **kwargs):
        loaded.append(instance.pk)

    client.force_login(kon_tum_staff)
    post_init.connect(count, sender=Enterprise)
    try:
        response = client.get(reverse("imports:export_enterprises"), {"format": "csv"})
        assert response.streaming
        assert loaded == []  # nothing read yet: the rows are read while the response is sent
        lines = iter(response.streaming_content)
        first = [next(lines) for _ in range(11)]  # the header and 10 rows
        assert 10 <= len(loaded) <= 50  # one chunk, not the 300 enterprises
        rest = list(lines)
    finally:
        post_init.disconnect(count, sender=Enterprise)
    assert len(first) + len(rest) == 301
    assert len(loaded) == 300


def test_an_unknown_export_format_is_not_found(client, kon_tum_staff):
    client.force_login(kon_tum_staff)
    assert client.get(reverse("imports:export_enterprises"), {"format": "pdf"}).status_code == 404


@pytest.mark.parametrize("export", ["export_enterprises", "export_applications"])
def test_the_number_of_queries_of_an_export_does_not_grow_with_its_rows(client, kon_tum_staff, export):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            _csv(client.get(reverse(f"imports:{export}"), {"format": "csv"}))
        return len(captured)

    client.force_login(kon_tum_staff)
    make_application_row(enterprise=make_enterprise(province_key="kon-tum"), year=2023)
    few = queries()
    for _ in range(15):
        make_application_row(enterprise=make_enterprise(province_key="kon-tum"), year=2023)
    assert queries() == few
