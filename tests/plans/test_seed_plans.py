"""The five seed plans load faithfully, idempotently, and a broken seed file is refused.

Every expected number below was read from the documents (seeds 000-004), not from the loader.
"""

from __future__ import annotations

import io
import json
import shutil
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from accounts.models import AuditEntry
from plans.budget import plan_budget_summary
from plans.models import (
    BudgetAmount,
    BudgetLine,
    Indicator,
    LegalDocument,
    Objective,
    Phase,
    Plan,
    PlanLegalBasis,
    ReportingDuty,
    Target,
    Task,
    Unit,
)
from plans.seeding import INDICATORS_JSON, SEED_DIR, SeedDataError, seed_plans_load

pytestmark = pytest.mark.django_db

M = 1_000_000
MODELS = [
    Plan,
    PlanLegalBasis,
    Phase,
    Objective,
    Target,
    Task,
    Task.coordinating_units.through,
    BudgetLine,
    BudgetAmount,
    ReportingDuty,
    Unit,
    LegalDocument,
    Indicator,
    AuditEntry,
]


@pytest.fixture
def plans() -> dict[str, Plan]:
    seed_plans_load()
    return {plan.province.key: plan for plan in Plan.objects.select_related("province__successor")}


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def targets_of(plan: Plan) -> list[tuple]:
    return [
        (
            t.phase.period,
            t.indicator.code,
            t.measure,
            t.period,
            t.comparator,
            t.value_min,
            t.value_max,
        )
        for t in plan.targets.select_related("phase", "indicator")
    ]


def expect(*rows: tuple) -> list[tuple]:
    """Expected targets with their numbers written as the documents write them."""
    return [
        (*row[:5], None if row[5] is None else Decimal(str(row[5])), None if row[6] is None else Decimal(str(row[6])))
        for row in rows
    ]


def task(plan: Plan, number: str, parent: str | None = None) -> Task:
    rows = plan.tasks.filter(number=number)
    rows = rows.filter(parent__number=parent) if parent else rows.filter(parent__isnull=True)
    return rows.select_related("lead_unit").get()


def unit_names(task: Task) -> set[str]:
    return {u.name for u in task.coordinating_units.all()}


# --- provinces and plan fields -------------------------------------------------------------------------------


def test_each_plan_belongs_to_the_province_of_its_time_and_rolls_up_into_the_2025_successor(plans):
    found = {key: (p.province.name, p.province.successor.key, p.province.successor.name) for key, p in plans.items()}
    assert found == {
        "hoa-binh": ("Hòa Bình", "phu-tho-2025", "Phú Thọ"),
        "bac-lieu": ("Bạc Liêu", "ca-mau-2025", "Cà Mau"),
        "hai-duong": ("Hải Dương", "hai-phong-2025", "Hải Phòng"),
        "hau-giang": ("Hậu Giang", "can-tho-2025", "Cần Thơ"),
        "kon-tum": ("Kon Tum", "quang-ngai-2025", "Quảng Ngãi"),
    }


def test_plan_fields_are_those_of_the_documents(plans):
    bac_lieu, hoa_binh, hai_duong = plans["bac-lieu"], plans["hoa-binh"], plans["hai-duong"]
    hau_giang, kon_tum = plans["hau-giang"], plans["kon-tum"]
    assert (bac_lieu.kind, bac_lieu.number, bac_lieu.issued_on.isoformat(), bac_lieu.period) == (
        "plan",
        "187/KH-UBND",
        "2021-12-03",
        "2021-2030",
    )
    assert bac_lieu.signer_name == "Phan Thanh Duy"
    assert [link.document.number for link in bac_lieu.basis_links.select_related("document")] == [
        "1322/QĐ-TTg",
        "36/QĐ-TTg",
        "35/2021/TT-BTC",
    ]
    assert (hoa_binh.number, hoa_binh.issued_on, hoa_binh.issued_note) == ("", None, "tháng 9 năm 2021")
    assert (hoa_binh.signer_name, hoa_binh.signer_title, hoa_binh.period) == (
        "Đinh Công Sứ",
        "Phó Chủ tịch",
        "2021-2025",
    )
    assert hoa_binh.funding.startswith("Nguồn kinh phí ngân sách nhà nước và các nguồn huy động hợp pháp khác")
    assert (hai_duong.kind, hai_duong.number, hai_duong.issued_on.isoformat()) == ("scheme", "74/QĐ-UBND", "2021-01-11")
    assert "Bản tin Khoa học và Công nghệ Hải Dương số 3" in hai_duong.source_note
    assert (hau_giang.programme, hau_giang.period, hau_giang.status) == ("712", "2016-2020", "ended")
    assert hau_giang.legal_basis.get(number="712/QĐ-TTg").issued_on.isoformat() == "2010-05-21"
    assert (kon_tum.signer_name, kon_tum.programme, kon_tum.period) == ("Nguyễn Hữu Tháp", "1322", "2021-2025")
    assert [(p.name, p.period) for p in bac_lieu.phases.all()] == [
        ("Giai đoạn 1", "2021-2025"),
        ("Giai đoạn 2", "2026-2030"),
    ]
    assert [p.period for p in hoa_binh.phases.all()] == ["2021-2025"]
    assert hau_giang.objectives.count() == 4
    assert kon_tum.objectives.count() == 2


# --- targets ---------------------------------------------------------------------------------------------------


def test_hoa_binh_targets(plans):
    assert targets_of(plans["hoa-binh"]) == expect(
        ("2021-2025", "experts_certified", "count", "phase", "at_least", 2, None),
        ("2021-2025", "enterprises_supported_growth", "growth_rate", "year", "range", 3, 5),
        ("2021-2025", "enterprises_st_tasks", "count", "phase", "at_least", 2, None),
        ("2021-2025", "env_monitoring_orgs_certified", "count", "phase", "exactly", 1, None),
    )
    growth = plans["hoa-binh"].targets.get(indicator__code="enterprises_supported_growth")
    assert growth.text.endswith("hàng năm tăng từ 3-5%;")


def test_bac_lieu_targets_per_phase(plans):
    one, two = "2021-2025", "2026-2030"
    assert targets_of(plans["bac-lieu"]) == expect(
        (one, "experts_certified", "count", "phase", "at_least", 10, None),
        (one, "person_times_trained", "count", "phase", "more_than", 250, None),
        (one, "enterprises_supported", "count", "year", "at_least", 2, None),
        (one, "nqa_winners", "count", "phase", "at_least", 5, None),
        (one, "nqa_gold", "count", "phase", "at_least", 1, None),
        (one, "conformity_assessment_bodies", "count", "phase", "exactly", 1, None),
        (one, "labour_productivity_growth", "growth_rate", "year", "more_than", 7, None),
        (one, "tfp_share", "share", "phase", "approximately", 30, None),
        (two, "experts_certified", "count", "phase", "at_least", 10, None),
        (two, "person_times_trained", "count", "phase", "more_than", 250, None),
        (two, "enterprises_supported", "count", "year", "at_least", 3, None),
        (two, "nqa_winners", "count", "phase", "at_least", 5, None),
        (two, "nqa_gold", "count", "phase", "at_least", 1, None),
        (two, "conformity_assessment_bodies", "count", "phase", "qualitative", None, None),
        (two, "labour_productivity_growth", "growth_rate", "year", "more_than", "7.5", None),
        (two, "tfp_share", "share", "phase", "approximately", 35, None),
    )


def test_a_sentence_with_several_targets_keeps_its_wording_on_each(plans):
    winners, gold = plans["bac-lieu"].targets.filter(
        phase__start_year=2021, indicator__code__in=["nqa_winners", "nqa_gold"]
    )
    assert winners.text == gold.text
    assert "ít nhất 05 doanh nghiệp" in winners.text
    assert "trong đó có ít nhất 01 doanh nghiệp đạt Giải Vàng" in gold.text
    media = plans["hai-duong"].targets.filter(
        phase__start_year=2021, indicator__code__in=["tv_reports", "talk_shows", "videos"]
    )
    assert len({t.text for t in media}) == 1
    assert "10 phóng sự, 01 toạ đàm" in media[0].text
    assert "20 video" in media[0].text


def test_hai_duong_targets_per_phase(plans):
    one, two = "2021-2025", "2026-2030"
    assert targets_of(plans["hai-duong"]) == expect(
        (one, "training_courses", "count", "phase", "qualitative", None, None),
        (one, "tv_reports", "count", "phase", "exactly", 10, None),
        (one, "talk_shows", "count", "phase", "exactly", 1, None),
        (one, "videos", "count", "phase", "exactly", 20, None),
        (one, "enterprises_supported_certification", "count", "phase", "range", 100, 150),
        (one, "enterprises_supported_traceability", "count", "phase", "exactly", 5, None),
        (one, "traceability_system", "count", "phase", "qualitative", None, None),
        (one, "tfp_study", "count", "phase", "qualitative", None, None),
        (two, "tv_reports", "count", "phase", "exactly", 10, None),
        (two, "talk_shows", "count", "phase", "exactly", 1, None),
        (two, "videos", "count", "phase", "exactly", 20, None),
        (two, "enterprises_supported_certification", "count", "phase", "range", 100, 150),
        (two, "enterprises_supported_traceability", "count", "phase", "exactly", 10, None),
        (two, "traceability_system", "count", "phase", "qualitative", None, None),
        (two, "tfp_study", "count", "phase", "qualitative", None, None),
    )
    tfp = plans["hai-duong"].targets.get(phase__start_year=2021, indicator__code="tfp_study")
    assert "nhân tố tổng hợp (TFP) trong tốc độ tăng trưởng kinh tế của tỉnh giai đoạn 2021 - 2025" in tfp.text


def test_hau_giang_targets(plans):
    p = "2016-2020"
    assert targets_of(plans["hau-giang"]) == expect(
        (p, "key_products_conforming", "percentage", "phase", "exactly", 80, None),
        (p, "mandatory_products_certified", "percentage", "phase", "exactly", 100, None),
        (p, "nqa_winners", "count", "year", "qualitative", None, None),
        (p, "key_enterprises_nscl_projects", "percentage", "phase", "at_least", 80, None),
        (p, "key_enterprises_technology_projects", "percentage", "phase", "at_least", 50, None),
        (p, "key_products_ip_registered", "percentage", "phase", "exactly", 90, None),
        (p, "key_enterprises_trained_staff", "percentage", "phase", "exactly", 90, None),
        (p, "tfp_share", "share", "phase", "at_least", 35, None),
    )


def test_kon_tum_targets_include_a_range_per_year(plans):
    p = "2021-2025"
    assert targets_of(plans["kon-tum"]) == expect(
        (p, "officials_trained", "count", "phase", "at_least", 10, None),
        (p, "enterprises_supported", "count", "year", "range", 10, 20),
        (p, "enterprises_trained", "count", "year", "range", 10, 20),
        (p, "nqa_winners", "count", "year", "at_least", 1, None),
        (p, "experts_certified", "count", "phase", "qualitative", None, None),
    )
    supported = plans["kon-tum"].targets.get(indicator__code="enterprises_supported")
    assert supported.text.startswith("Hàng năm hướng dẫn, hỗ trợ từ 10 đến 20 doanh nghiệp")


def test_every_target_indicator_comes_from_the_catalogue_loaded_by_the_migration():
    catalogue = json.loads(INDICATORS_JSON.read_text(encoding="utf-8"))
    assert Indicator.objects.count() == len(catalogue)  # before any seed load: the data migration
    manual = set(Indicator.objects.filter(source="manual").values_list("code", flat=True))
    assert {"labour_productivity_growth", "tfp_share", "key_products_conforming"} <= manual
    seed_plans_load()
    assert Indicator.objects.count() == len(catalogue)
    assert not Indicator.objects.filter(source="computed", computation="").exists()


def test_the_loader_restores_the_indicator_catalogue():
    Indicator.objects.filter(code="nqa_gold").update(name="sửa tay", parameter="")
    seed_plans_load()
    gold = Indicator.objects.get(code="nqa_gold")
    assert (gold.name, gold.computation, gold.parameter) == (
        "Số doanh nghiệp đạt Giải Vàng Chất lượng Quốc gia",
        "nqa_winners",
        "gold",
    )


# --- tasks -----------------------------------------------------------------------------------------------------


def test_hoa_binh_task_table_has_five_rows_without_groups(plans):
    plan = plans["hoa-binh"]
    assert list(plan.tasks.values_list("number", flat=True)) == ["1", "2", "3", "4", "5"]
    assert not plan.tasks.filter(parent__isnull=False).exists()
    first, second, fifth = task(plan, "1"), task(plan, "2"), task(plan, "5")
    assert (first.timeframe, first.is_annual, first.timeframe_spans) == ("2023", False, [[2023, 2023]])
    assert (second.timeframe, second.is_annual) == ("Hàng năm", True)
    assert (fifth.timeframe, fifth.first_year, fifth.last_year) == ("2021-2023", 2021, 2023)
    assert {t.lead_unit.name for t in plan.tasks.select_related("lead_unit")} == {"Sở Khoa học và Công nghệ"}
    assert first.coordinating_text == "Các sở, ngành, UBND huyện/TP, doanh nghiệp, Liên minh HTX, Hiệp hội DN tỉnh"
    assert unit_names(first) == {
        "Các sở, ban, ngành tỉnh",
        "Ủy ban nhân dân các huyện, thành phố",
        "Doanh nghiệp",
        "Liên minh Hợp tác xã tỉnh",
        "Hiệp hội Doanh nghiệp tỉnh",
    }
    assert unit_names(fifth) == {"Tổ chức khoa học và công nghệ công lập", "Doanh nghiệp"}


def test_bac_lieu_appendix_groups_quantities_and_years(plans):
    plan = plans["bac-lieu"]
    assert plan.tasks.count() == 19
    assert list(plan.tasks.filter(parent__isnull=True).values_list("number", flat=True)) == [
        "I",
        "II",
        "III",
        "IV",
        "V",
        "VI",
        "VII",
        "VIII",
    ]
    children = {g.number: g.children.count() for g in plan.tasks.filter(parent__isnull=True)}
    assert children == {"I": 0, "II": 6, "III": 2, "IV": 2, "V": 1, "VI": 0, "VII": 0, "VIII": 0}
    study_tour = task(plan, "5", parent="II")
    assert (study_tour.timeframe, study_tour.timeframe_spans) == ("2023 2027", [[2023, 2023], [2027, 2027]])
    assert study_tour.expected_output == "02 đợt"
    column = task(plan, "2", parent="II")
    assert column.timeframe == "2022 - 2025 2026 - 2030"
    assert column.timeframe_spans == [[2022, 2025], [2026, 2030]]
    assert task(plan, "1", parent="II").expected_output == "01 Hội nghị"
    support = task(plan, "1", parent="IV")
    assert (support.is_annual, support.expected_output) == (True, "Ít nhất 02 doanh nghiệp/ năm")
    assert support.lead_unit.name == "Sở Giáo dục, Khoa học và Công nghệ"
    assert unit_names(support) == {
        "Các Sở, Ngành, đơn vị có liên quan",
        "Ủy ban nhân dân cấp huyện",
        "Doanh nghiệp có liên quan",
        "Tổng cục Tiêu chuẩn Đo lường Chất lượng",
    }
    assert support.coordinating_units.get(name="Tổng cục Tiêu chuẩn Đo lường Chất lượng").province is None
    unnumbered = task(plan, "", parent="V")
    assert unit_names(unnumbered) == {"Sở Kế hoạch và Đầu tư", "Sở Tài chính", "Tổ chức đánh giá sự phù hợp"}
    proposals = task(plan, "VII")
    # The document names two groups of bodies as lead: kept as one group unit with the whole wording.
    assert proposals.lead_unit.name == "Các Sở, Ngành, đơn vị có liên quan, Ủy ban nhân dân cấp huyện"
    assert proposals.lead_unit.kind == "group"
    assessment = task(plan, "I")
    assert (assessment.timeframe, assessment.first_year, assessment.last_year) == ("2021 - 2025", 2021, 2025)


def test_kon_tum_prose_tasks_are_rows_with_quantities_and_the_radio_coordinates_communication(plans):
    plan = plans["kon-tum"]
    assert plan.tasks.count() == 11
    assert {g.number: g.children.count() for g in plan.tasks.filter(parent__isnull=True)} == {"1": 5, "2": 4}
    conference = task(plan, "1.1", parent="1")
    assert conference.expected_output == "01 hội nghị, khoảng 60 lượt người"
    assert conference.lead_unit.name == "Sở Khoa học và Công nghệ"
    assert task(plan, "1.3", parent="1").expected_output == "03 khóa đào tạo, tập huấn, khoảng 200 lượt người"
    communication = task(plan, "1.2", parent="1")
    assert (communication.timeframe, communication.is_annual) == ("Thường xuyên", True)
    radio = communication.coordinating_units.get(name="Đài Phát thanh và Truyền hình tỉnh Kon Tum")
    assert (radio.kind, radio.province.key) == ("media", "kon-tum")
    assert "Báo Kon Tum" in unit_names(communication)
    assert task(plan, "2.2", parent="2").is_annual


def test_hau_giang_and_hai_duong_prose_tasks(plans):
    hau_giang = plans["hau-giang"]
    assert list(hau_giang.tasks.values_list("number", "timeframe")) == [
        ("1.1", "2016-2020"),
        ("1.2", "2016-2020"),
        ("1.3", "2016-2020"),
    ]
    assert task(hau_giang, "1.1").expected_output == "10 lớp thông tin tuyên truyền, đào tạo tập huấn"
    assert "25 doanh nghiệp" in task(hau_giang, "1.2").expected_output
    hai_duong = plans["hai-duong"]
    assert list(hai_duong.tasks.values_list("number", flat=True)) == ["4.1", "4.2", "4.3", "4.4", "4.5"]
    tfp = task(hai_duong, "4.5")
    assert tfp.timeframe_spans == [[2021, 2025], [2026, 2030]]
    assert tfp.lead_unit.name == "Sở Khoa học và Công nghệ"


def test_national_bodies_are_one_unit_without_province(plans):
    for name in ("Bộ Khoa học và Công nghệ", "Tổng cục Tiêu chuẩn Đo lường Chất lượng"):
        assert Unit.objects.filter(name=name).count() == 1
        assert Unit.objects.get(name=name).province is None


# --- reporting and budget -------------------------------------------------------------------------------------


def test_the_provinces_own_reporting_duties(plans):
    """The Department's reports for the province; the bodies' reports to the Department are the other level
    (walked in test_seed_transcripts)."""

    def duties(key):
        rows = plans[key].reporting_duties.filter(level="province")
        return sorted(rows.values_list("kind", "due_month", "due_day", "year"), key=str)

    assert duties("kon-tum") == sorted(
        [
            ("annual", 11, 30, None),
            ("ad_hoc", None, None, None),
            ("mid_term", None, None, None),
            ("final", None, None, None),
        ],
        key=str,
    )
    assert duties("bac-lieu") == sorted(
        [
            ("annual", 11, 30, None),
            ("ad_hoc", None, None, None),
            ("mid_term", None, None, 2025),
            ("final", None, None, 2030),
        ],
        key=str,
    )
    assert duties("hau-giang") == sorted(
        [("annual", 5, None, None), ("annual", 12, None, None), ("ad_hoc", None, None, None)], key=str
    )
    assert duties("hoa-binh") == sorted(
        [
            ("annual", None, None, None),
            ("five_year", None, None, None),
            ("ad_hoc", None, None, None),
            ("mid_term", None, None, 2025),
            ("final", None, None, 2030),
        ],
        key=str,
    )
    assert "05 năm" in plans["hoa-binh"].reporting_duties.get(kind="annual", level="province").note


def test_hau_giang_budget_matches_the_document(plans):
    summary = plan_budget_summary(plans["hau-giang"])
    assert (summary.estimate, summary.state, summary.enterprise) == (6_747 * M, 2_616_300_000, 4_130_700_000)
    assert [(h.line.number, h.estimate, h.state) for h in summary.headings] == [
        ("I", 230 * M, 230 * M),
        ("II", 6_151 * M, 2_020_300_000),
        ("III", 366 * M, 366 * M),
    ]
    assert [h.line.category for h in summary.headings] == ["communication", "enterprise_support", "operations"]
    assert summary.sources == ("state_local",)
    assert summary.year_totals == {2016: 517 * M, 2017: 521 * M, 2018: 521 * M, 2019: 520_300_000, 2020: 537 * M}
    assert summary.amounts_total == 2_616_300_000
    assert summary.headings[1].state_by_year == {
        2016: 403 * M,
        2017: 405 * M,
        2018: 405 * M,
        2019: 404_300_000,
        2020: 403 * M,
    }
    assert summary.inconsistencies == ()
    iso = summary.headings[1].leaves[0]
    assert (iso.estimate, iso.rate, iso.state, iso.enterprise) == (3_250 * M, Decimal(30), 975 * M, 2_275 * M)
    training = summary.headings[1].leaves[5]
    assert (training.line.category, training.rate, training.state) == ("training", Decimal(100), 250 * M)
    assert training.line.basis.startswith("Thông tư số 97/2010/TT-BTC ngày 06/7/2010")
    assert len(summary.leaves) == 12


# --- idempotence, staff edits, reset --------------------------------------------------------------------------


def test_loading_twice_changes_nothing(plans):
    before = counts()
    assert before["AuditEntry"] == 5
    summary = seed_plans_load()
    assert counts() == before
    assert "0 created" in summary
    assert "5 left as they were" in summary


def test_a_staff_edit_survives_a_reload(plans):
    target = plans["kon-tum"].targets.get(indicator__code="officials_trained")
    target.value_min = Decimal(12)
    target.save()
    Task.objects.filter(plan=plans["hoa-binh"], number="1").update(content="Nội dung do cán bộ sửa")
    seed_plans_load()
    target.refresh_from_db()
    assert target.value_min == Decimal(12)
    assert Task.objects.get(plan__province__key="hoa-binh", number="1").content == "Nội dung do cán bộ sửa"


def test_reset_rebuilds_the_plans(plans):
    Task.objects.filter(plan=plans["hoa-binh"], number="1").update(content="Nội dung do cán bộ sửa")
    before = counts()
    call_command("load_seed_plans", "--reset", stdout=io.StringIO())
    after = counts()
    assert after.pop("AuditEntry") == before.pop("AuditEntry") + 10  # a deletion and an import per plan
    assert after == before
    assert Task.objects.get(plan__province__key="hoa-binh", number="1").content.startswith("Rà soát cơ chế")
    assert not Plan.objects.filter(pk=plans["hoa-binh"].pk).exists()


def test_the_command_loads_and_reports(capsys):
    call_command("load_seed_plans")
    assert "5 created" in capsys.readouterr().out
    assert Plan.objects.count() == 5


# --- broken files ----------------------------------------------------------------------------------------------


def _break(data: dict, how: str) -> None:
    if how == "indicator":
        data["targets"][1]["indicator"] = "no_such_indicator"
    elif how == "unit":
        data["tasks"][0]["children"][1]["coordinating"].append("Sở Không Tồn Tại")
    elif how == "timeframe":
        data["tasks"][1]["children"][3]["timeframe"] = "2019-2020"
    elif how == "range":
        data["targets"][1]["value_min"], data["targets"][1]["value_max"] = 20, 10
    elif how == "province":
        data["province"] = "kontum"


@pytest.mark.parametrize(
    ("how", "message"),
    [
        ("indicator", "kon_tum_2021_2025.json: targets[1].indicator: unknown indicator 'no_such_indicator'"),
        ("unit", "kon_tum_2021_2025.json: tasks[0].children[1].coordinating[4]: unknown unit 'Sở Không Tồn Tại'"),
        ("timeframe", "kon_tum_2021_2025.json: tasks[1].children[3].timeframe:"),
        ("range", "kon_tum_2021_2025.json: targets[1]: a range needs value_min ≤ value_max"),
        ("province", "kon_tum_2021_2025.json: province: unknown province key 'kontum'"),
    ],
)
def test_a_broken_seed_file_is_refused_and_nothing_is_written(tmp_path, how, message):
    for path in SEED_DIR.glob("*.json"):
        shutil.copy(path, tmp_path / path.name)
    broken = tmp_path / "kon_tum_2021_2025.json"
    data = json.loads(broken.read_text(encoding="utf-8"))
    _break(data, how)
    broken.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = counts()
    with pytest.raises(SeedDataError) as refused:
        seed_plans_load(directory=tmp_path)
    assert message in str(refused.value)
    assert counts() == before
    assert Plan.objects.count() == 0
    with pytest.raises(CommandError, match="nothing was written"):
        call_command("load_seed_plans", directory=str(tmp_path))
    assert counts() == before


def test_a_budget_that_does_not_add_up_is_refused(tmp_path):
    source = SEED_DIR / "hau_giang_2016_2020.json"
    data = json.loads(source.read_text(encoding="utf-8"))
    data["budget"]["lines"][1]["children"][0]["estimate"] = 3_251 * M
    (tmp_path / source.name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(SeedDataError, match=r"hau_giang_2016_2020.json: budget.lines\[1\]: the lines add up to"):
        seed_plans_load(directory=tmp_path)
    assert Plan.objects.count() == 0


def test_invalid_json_names_the_file_and_line(tmp_path):
    (tmp_path / "broken.json").write_text('{\n  "format": 1,\n  oops\n}', encoding="utf-8")
    with pytest.raises(SeedDataError, match=r"broken.json: line 3: not valid JSON"):
        seed_plans_load(directory=tmp_path)


def test_reset_is_refused_whole_while_support_money_refers_to_a_plan(plans):
    from support.models import BudgetAllocation

    line = plans["hau-giang"].budget_lines.filter(parent__isnull=True).first()
    BudgetAllocation.objects.create(province=plans["hau-giang"].province, budget_line=line, year=2016, amount=1)
    before = counts()
    with pytest.raises(SeedDataError, match=r"hau_giang_2016_2020\.json: .* cannot be rebuilt"):
        seed_plans_load(reset=True)
    assert counts() == before  # the plans before it in the folder were not rebuilt either
