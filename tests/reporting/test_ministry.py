"""The Ministry's side: which provinces submitted (63 before the 2025 merger, 34 after), and the national
compilation by the provinces of the time and rolled up into today's, across the merger of 1 July 2025."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from reporting import services
from reporting.models import GenerationStatus, NationalCompilation
from reporting.selectors import submission_matrix
from tests.enterprises.factories import make_enterprise
from tests.plans.factories import make_full_plan, make_plan
from tests.reporting.factories import make_application_row
from tests.reporting.reports_data import annual_report, ministry, province, staff, submitted

pytestmark = pytest.mark.django_db
MILLION = 1_000_000


# --- Submission matrix -----------------------------------------------------------------------------------------


def test_before_the_merger_the_matrix_has_the_63_provinces_of_the_time():
    plan = make_full_plan(province=province("kon-tum"))
    author = staff("kon-tum")
    submitted(annual_report(plan, by=author, year=2023), by=author)
    annual_report(make_full_plan(province=province("hoa-binh")), by=staff("hoa-binh"), year=2023)  # not submitted

    cells = submission_matrix(year=2023)

    assert len(cells) == 63
    by_key = {c.province.key: c for c in cells}
    assert "quang-ngai-2025" not in by_key
    assert by_key["kon-tum"].is_submitted
    assert not by_key["hoa-binh"].is_submitted
    assert sum(c.is_submitted for c in cells) == 1


def test_after_the_merger_the_matrix_has_34_provinces_and_a_merged_provinces_report_counts_for_its_successor():
    plan = make_full_plan(province=province("kon-tum"))
    author = staff("quang-ngai-2025")  # after the merger, Quảng Ngãi's staff report on Kon Tum's plan
    submitted(annual_report(plan, by=author, year=2025), by=author, leader_user=None)

    cells = submission_matrix(year=2025)

    assert len(cells) == 34
    by_key = {c.province.key: c for c in cells}
    assert "kon-tum" not in by_key
    assert by_key["quang-ngai-2025"].is_submitted
    assert [r.province.key for r in by_key["quang-ngai-2025"].submitted] == ["kon-tum"]


def test_provinces_are_in_vietnamese_alphabetical_order():
    names = [c.province.name for c in submission_matrix(year=2023)]
    assert names.index("Bạc Liêu") < names.index("Bắc Giang") < names.index("Bến Tre")
    # Đ comes after D and before E; within Đ: "Đà" < "Đắk" < "Điện" < "Đồng".
    assert names.index("Cần Thơ") < names.index("Đà Nẵng") < names.index("Đắk Lắk") < names.index("Điện Biên")
    assert names.index("Điện Biên") < names.index("Đồng Nai") < names.index("Đồng Tháp") < names.index("Gia Lai")


def test_the_matrix_page_is_read_in_a_fixed_number_of_queries(client):
    client.force_login(ministry())
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("reporting:ministry_matrix"), {"year": 2023})
    for key in ("kon-tum", "hoa-binh", "bac-lieu", "hai-duong"):
        plan = make_full_plan(province=province(key))
        author = staff(key)
        submitted(annual_report(plan, by=author, year=2023), by=author)
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("reporting:ministry_matrix"), {"year": 2023})
    assert response.context["submitted"] == 4
    assert len(many) == len(few)
    assert response.content.decode().count('data-role="pdf"') == 4


# --- National compilation ---------------------------------------------------------------------------------------------


@pytest.fixture
def merger_data():
    """Support approved in 2025 under three plans: Kon Tum's (before the merger, 40 million), old Quảng Ngãi's
    (before the merger, 20 million) and the new Quảng Ngãi's (after it, 10 million)."""
    kon_tum = make_plan(province=province("kon-tum"), start_year=2021, end_year=2025)
    old_quang_ngai = make_plan(province=province("quang-ngai"), start_year=2021, end_year=2025)
    new_quang_ngai = make_plan(province=province("quang-ngai-2025"), start_year=2025, end_year=2030)
    make_application_row(
        enterprise=make_enterprise(province_key="kon-tum"),
        year=2025,
        approved=40 * MILLION,
        counterpart=30 * MILLION,
        decided_on=dt.date(2025, 3, 10),
    )
    make_application_row(
        enterprise=make_enterprise(province_key="quang-ngai"),
        year=2025,
        approved=20 * MILLION,
        counterpart=10 * MILLION,
        decided_on=dt.date(2025, 4, 1),
    )
    make_application_row(
        enterprise=make_enterprise(province_key="quang-ngai-2025"),
        year=2025,
        approved=10 * MILLION,
        counterpart=5 * MILLION,
        decided_on=dt.date(2025, 9, 1),
    )
    return kon_tum, old_quang_ngai, new_quang_ngai


def _compile(by, kind="year", start=2025, end=None) -> NationalCompilation:
    compilation = services.compilation_request(by=by, kind=kind, start_year=start, end_year=end)
    services.compilation_generate(compilation_id=compilation.pk)
    compilation.refresh_from_db()
    return compilation


def test_the_compilation_of_2025_shows_the_data_both_ways_across_the_merger(merger_data):
    kon_tum_plan, _old, _new = merger_data
    author = staff("quang-ngai-2025")
    submitted(annual_report(kon_tum_plan, by=author, year=2025), by=author)

    compilation = _compile(ministry())

    assert compilation.status == GenerationStatus.READY
    s = compilation.snapshot
    assert s["compilation"]["crosses_merger"] is True
    # By the provinces of the time: 63 old + 23 new provinces existed in 2025; data stays where it was.
    assert len(s["by_time"]) == 86
    by_time = {row["key"]: row for row in s["by_time"]}
    assert (by_time["kon-tum"]["enterprises_supported"], by_time["kon-tum"]["state_support"]) == (1, 40 * MILLION)
    assert by_time["kon-tum"]["label"] == "Kon Tum (đến 30/6/2025)"
    assert (by_time["quang-ngai"]["state_support"], by_time["quang-ngai-2025"]["state_support"]) == (
        20 * MILLION,
        10 * MILLION,
    )
    assert by_time["quang-ngai-2025"]["label"] == "Quảng Ngãi (từ 1/7/2025)"
    assert [sub["period"] for sub in by_time["kon-tum"]["submitted"]] == ["2025"]
    # Rolled up into today's 34: Kon Tum and old Quảng Ngãi add into the new Quảng Ngãi.
    assert len(s["rolled_up"]) == 34
    rolled = {row["key"]: row for row in s["rolled_up"]}
    assert "kon-tum" not in rolled
    today = rolled["quang-ngai-2025"]
    assert (today["plans"], today["enterprises_supported"]) == (3, 3)
    assert (today["state_support"], today["enterprise_support"]) == (70 * MILLION, 45 * MILLION)
    assert len(today["submitted"]) == 1
    # National totals, the same both ways.
    assert (s["totals"]["plans"], s["totals"]["state_support"]) == (3, 70 * MILLION)
    assert sum(row["state_support"] for row in s["rolled_up"]) == 70 * MILLION


def test_before_the_merger_a_year_has_63_provinces_of_the_time(merger_data):
    s = _compile(ministry(), start=2023).snapshot
    assert len(s["by_time"]) == 63 and len(s["rolled_up"]) == 34
    assert s["compilation"]["crosses_merger"] is False
    assert {row["key"]: row["plans"] for row in s["rolled_up"]}["quang-ngai-2025"] == 2


def test_the_compilation_files_hold_a_row_per_province_and_the_national_totals(merger_data):
    compilation = _compile(ministry())

    book = load_workbook(io.BytesIO(compilation.xlsx.read()))
    assert book.sheetnames == ["Theo tỉnh thời điểm", "Theo tỉnh hiện nay"]
    rolled = list(book["Theo tỉnh hiện nay"].iter_rows(min_row=4, values_only=True))
    assert len(rolled) == 35  # 34 provinces and the national total
    assert rolled[-1][1] == "Toàn quốc" and rolled[-1][5] == 70 * MILLION
    quang_ngai = next(row for row in rolled if row[2] == "quang-ngai-2025")
    assert quang_ngai[5] == 70 * MILLION and quang_ngai[4] == 3

    from pypdf import PdfReader

    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(compilation.pdf.read())).pages)
    assert "BỘ KHOA HỌC VÀ CÔNG NGHỆ" in text and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Kon Tum (đến 30/6/2025)" in text and "Toàn quốc" in text
    assert "Số doanh nghiệp được hỗ trợ" in text


def test_a_phase_compilation_covers_its_years(merger_data):
    s = _compile(ministry(), kind="phase", start=2021, end=2025).snapshot
    assert s["compilation"]["years"] == [2021, 2022, 2023, 2024, 2025]
    assert len(s["by_time"]) == 86


def test_the_same_compilation_request_twice_makes_one(merger_data):
    boss = ministry()
    first = services.compilation_request(by=boss, kind="year", start_year=2025)
    again = services.compilation_request(by=boss, kind="year", start_year=2025)
    assert first.pk == again.pk
    make_application_row(enterprise=make_enterprise(province_key="hoa-binh"), year=2025)
    newer = services.compilation_request(by=boss, kind="year", start_year=2025)
    assert newer.pk != first.pk and newer.number == 2


def test_only_the_ministry_compiles():
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.compilation_request(by=staff("kon-tum"), kind="year", start_year=2025)
    assert not NationalCompilation.objects.exists()


def test_a_bad_period_is_shown_on_the_page_and_nothing_is_queued(client):
    client.force_login(ministry())
    response = client.post(
        reverse("reporting:compilation_list"), {"kind": "phase", "start_year": 2025, "end_year": 2021}
    )
    assert response.status_code == 400
    assert "Kỳ báo cáo không thể kết thúc trước khi bắt đầu." in response.content.decode()
    assert not NationalCompilation.objects.exists()


def test_the_compilation_list_is_read_in_a_fixed_number_of_queries(client):
    desk = ministry()
    client.force_login(desk)
    NationalCompilation.objects.create(start_year=2021, end_year=2021, number=1, request_key="a", requested_by=desk)
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("reporting:compilation_list"))
    for year in range(2022, 2026):
        NationalCompilation.objects.create(
            start_year=year, end_year=year, number=1, request_key=f"k{year}", requested_by=ministry()
        )
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("reporting:compilation_list"))
    assert len(response.context["page"].object_list) == 5
    assert len(many) == len(one)


def test_an_empty_compilation_list_says_so(client):
    client.force_login(ministry())
    assert "Chưa có báo cáo tổng hợp nào." in client.get(reverse("reporting:compilation_list")).content.decode()
