"""Each seed document, item by item, against what ``load_seed_plans`` stores: targets, tasks, responsibilities,
their reporting duties, budget and support lines, boards, the signature block and the legal basis.

The expected items are transcribed from the documents (``seed_transcripts.py``, the task tables of
``data/*.txt``, and the structured figures typed below from the documents' sentences), never read from
``plans/seed_data``. Texts are compared for equality after normalising whitespace only, so a missing, changed,
paraphrased or truncated item fails.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from plans.models import Plan
from plans.seeding import seed_plans_load

from .seed_transcripts import TRANSCRIPTS

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parent / "data"
M = 1_000_000


def norm(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def plans() -> dict[str, Plan]:
    seed_plans_load()
    return {plan.province.key: plan for plan in Plan.objects.select_related("province")}


def walk_common(plan: Plan, t: dict) -> None:
    """Signature block, legal basis, objectives, targets and responsibilities, in the document's order."""
    lines, signer = t["signature"]
    assert (plan.signature_lines, plan.signer_name) == (lines, signer)
    assert [norm(link.wording) for link in plan.basis_links.order_by("position")] == [norm(w) for w in t["legal_basis"]]
    assert [norm(o.text) for o in plan.objectives.all()] == [norm(o) for o in t["objectives"]]
    stored = [(target.phase.period, norm(target.text)) for target in plan.targets.select_related("phase")]
    assert stored == [(phase, norm(text)) for phase, text in t["targets"]]
    stored = [(r.section, norm(r.body), [norm(line) for line in r.lines]) for r in plan.responsibilities.all()]
    assert stored == [
        (section, norm(body), [norm(line) for line in text]) for section, body, text in t["responsibilities"]
    ]


def walk_prose_tasks(plan: Plan, t: dict) -> None:
    assert [(task.number, norm(task.content)) for task in plan.tasks.all()] == [(n, norm(c)) for n, c in t["tasks"]]


def walk_task_table(plan: Plan, filename: str, columns: tuple[str, ...]) -> None:
    """A task table typed from the document (tab separated, header rows repeated at page breaks)."""
    expected = []
    for line in (DATA / filename).read_text(encoding="utf-8").splitlines():
        cells = [norm(cell) for cell in line.split("\t")]
        if not any(cells) or cells[0] in ("STT", "TT"):
            continue
        row = dict(zip(columns, cells + [""] * (len(columns) - len(cells)), strict=True))
        expected.append(row)
    tasks = list(plan.tasks.select_related("lead_unit"))
    assert len(tasks) == len(expected)
    for task, row in zip(tasks, expected, strict=True):
        lead = task.lead_unit.alias_list if task.lead_unit else [""]
        assert row["lead"] in lead, (task.number, row["lead"], lead)
        assert (task.number, norm(task.content), norm(task.coordinating_text), task.timeframe) == (
            row["number"],
            row["content"],
            row["coordinating"],
            row["timeframe"],
        )
        assert norm(task.expected_output) == row["notes"], task.number


def duties_of(plan: Plan) -> list[tuple]:
    rows = []
    for duty in plan.reporting_duties.select_related("responsibility", "reporter").prefetch_related("recipient_units"):
        section = duty.responsibility.section if duty.responsibility else None
        # The duty quotes the sentence of its responsibility that creates it.
        assert duty.responsibility and norm(duty.note) in norm(duty.responsibility.text), duty.note
        rows.append(
            (
                section,
                duty.kind,
                duty.frequency,
                duty.level,
                duty.reporter.name if duty.reporter else duty.reporter_text,
                duty.recipients,
                sorted(u.name for u in duty.recipient_units.all()),
                duty.due_month,
                duty.due_day,
                duty.year,
            )
        )
    return sorted(rows, key=str)


def support_lines_of(plan: Plan) -> list[tuple]:
    return [(s.section, norm(s.heading), norm(s.wording), s.rate) for s in plan.support_lines.all()]


def expected_support(t: dict) -> list[tuple]:
    return [(sec, norm(h), norm(w), None if r is None else Decimal(r)) for sec, h, w, r in t["support_lines"]]


# --- 000 Hòa Bình ------------------------------------------------------------------------------------------


def test_hoa_binh_plan_item_by_item(plans):
    plan, t = plans["hoa-binh"], TRANSCRIPTS["hoa-binh"]
    walk_common(plan, t)
    walk_task_table(plan, "hoa_binh_tasks.txt", ("number", "content", "timeframe", "lead", "coordinating", "notes"))
    dost = "Sở Khoa học và Công nghệ"
    units = "Các Sở, Ban, ngành; Ủy ban nhân dân các huyện, thành phố"
    # IV.1: "báo cáo định kỳ hàng năm, 05 năm hoặc đột xuất"; "sơ kết Kế hoạch vào năm 2025"; "tổng kết ... năm 2030".
    # IV.2: the departments and districts report "định kỳ hàng năm, 05 năm hoặc đột xuất" (to no body written).
    assert duties_of(plan) == sorted(
        [
            ("IV.1", "annual", "yearly", "province", dost, "", [], None, None, None),
            ("IV.1", "five_year", "five_yearly", "province", dost, "", [], None, None, None),
            ("IV.1", "ad_hoc", "on_request", "province", dost, "", [], None, None, None),
            ("IV.1", "mid_term", "once", "province", dost, "", [], None, None, 2025),
            ("IV.1", "final", "once", "province", dost, "", [], None, None, 2030),
            ("IV.2", "annual", "yearly", "unit", units, "", [], None, None, None),
            ("IV.2", "five_year", "five_yearly", "unit", units, "", [], None, None, None),
            ("IV.2", "ad_hoc", "on_request", "unit", units, "", [], None, None, None),
        ],
        key=str,
    )
    assert not plan.support_lines.exists() and not plan.boards.exists() and not plan.budget_lines.exists()


# --- 001 Bạc Liêu ------------------------------------------------------------------------------------------


def test_bac_lieu_plan_item_by_item(plans):
    plan, t = plans["bac-lieu"], TRANSCRIPTS["bac-lieu"]
    walk_common(plan, t)
    walk_task_table(
        plan, "bac_lieu_appendix_tasks.txt", ("number", "content", "lead", "coordinating", "timeframe", "notes")
    )
    dost = "Sở Giáo dục, Khoa học và Công nghệ"
    units = "Các Sở, Ngành, đơn vị và Ủy ban nhân dân các huyện, thị xã, thành phố"
    ubnd, ministry = "Ủy ban nhân dân tỉnh", "Bộ Khoa học và Công nghệ"
    # V.1: "Định kỳ trước ngày 30 tháng 11 hằng năm hoặc đột xuất ..., báo cáo Ủy ban nhân dân tỉnh, Bộ Khoa học và
    # Công nghệ"; "Tổ chức sơ kết giai đoạn 2021 - 2025, tổng kết vào năm 2030". V.5: the same date, to the Department.
    recipients = "Ủy ban nhân dân tỉnh, Bộ Khoa học và Công nghệ"
    assert duties_of(plan) == sorted(
        [
            ("V.1", "annual", "yearly", "province", dost, recipients, sorted([ubnd, ministry]), 11, 30, None),
            ("V.1", "ad_hoc", "on_request", "province", dost, recipients, sorted([ubnd, ministry]), None, None, None),
            ("V.1", "mid_term", "once", "province", dost, "", [], None, None, 2025),
            ("V.1", "final", "once", "province", dost, "", [], None, None, 2030),
            ("V.5", "annual", "yearly", "unit", units, dost, [dost], 11, 30, None),
            ("V.5", "ad_hoc", "on_request", "unit", units, dost, [dost], None, None, None),
        ],
        key=str,
    )
    assert not plan.support_lines.exists() and not plan.boards.exists()


# --- 002 Hải Dương -----------------------------------------------------------------------------------------


def test_hai_duong_scheme_item_by_item(plans):
    plan, t = plans["hai-duong"], TRANSCRIPTS["hai-duong"]
    walk_common(plan, t)
    walk_prose_tasks(plan, t)
    # The article names no responsibilities, reports, boards or budget.
    assert duties_of(plan) == []
    assert not plan.support_lines.exists() and not plan.boards.exists() and not plan.budget_lines.exists()


# --- 003 Hậu Giang -----------------------------------------------------------------------------------------


ND119 = "Nghị định 119/1999/NĐ-CP ngày 18/9/1999"
HAU_GIANG_BUDGET = [
    # (number, content, estimate in million VND, rate %, related documents) as the table prints them.
    ("I", "Chi hoạt động thông tin tuyên truyền về dự án", None, None, ""),
    ("1", "Phóng sự, thông tin/tọa đàm trên truyền hình", 100, 100, "Căn cứ trên báo giá"),
    ("2", "Thông báo/đăng bài quảng bá tổ chức hội nghị tuyên truyền phổ biến áp dụng trên báo", 30, 100,
     "Căn cứ trên báo giá"),
    ("3", "Hội thảo, hội nghị phổ biến, triển khai các nội dung của Dự án nâng suất chất lượng cho doanh nghiệp", 100,
     100, "Thông tư 97/2010/TT-BTC ngày 06/7/2010; Quyết định 09/2011/QĐ-UBND ngày 25/2/2011"),
    ("II", "Chi hoạt động hỗ trợ doanh nghiệp tham gia dự án", None, None, ""),
    ("1", "25 doanh nghiệp áp dụng hệ thống quản lý chất lượng ISO", 3_250, 30, ND119),
    ("2", "18 doanh nghiệp áp dụng các công cụ năng suất chất lượng", 1_800, 30, ND119),
    ("3", "10 sản phẩm hàng hóa của doanh nghiệp chứng nhận và công bố phù hợp tiêu chuẩn/quy chuẩn kỹ thuật", 141, 30,
     "Nghị định 119/1999/NĐ-CP ngày 18/9/1999; Thông tư liên tịch số 28/2010/TTLT-BTC-BKHCN ngày 03/3/2010"),
    ("4", "07 doanh nghiệp tham gia giải thưởng chất lượng quốc gia", 210, 30, ND119),
    ("5", "05 doanh nghiệp hoàn thiện, đổi mới công nghệ, đổi mới dây chuyền sản xuất.", 500, 30,
     "Nghị định 119/1999/NĐ-CP ngày 18/9/1999; Thông tư liên tịch số 22/2011/TTLT-BTC-BKHCN ngày 21/02/2011"),
    ("6", "10 lớp thông tin tuyên truyền, đào tạo tập huấn về công tác tiêu chuẩn, quy chuẩn kỹ thuật; đánh giá sự phù "
     "hợp; công cụ nâng suất chất lượng,…cho các cơ quan quản lý, các doanh nghiệp", 250, 100,
     "Thông tư số 97/2010/TT-BTC ngày 06/7/2010; Thông tư 139/2010/TT-BTC ngày 21/9/2010; Quyết định 09/2011/QĐ-UBND "
     "ngày 25/2/2011"),
    ("III", "Chi hoạt động nghiệp vụ", None, None, ""),
    ("1", "Chi thù lao hàng tháng cho Ban Điều hành dự án Ngân suất chất lượng của tỉnh", 318, 100,
     "Thông tư liên tịch số 130/2011/TTLT-BTC-BKHCN ngày 16/9/2011; Quyết định số 14/2007/QĐ-UBND ngày 19/7/2007"),
    ("2", "Chi họp Ban Điều hành dự án", 28, 100,
     "Thông tư liên tịch số 130/2011/TTLT-BTC-BKHCN ngày 16/9/2011; Quyết định số 14/2007/QĐ-UBND ngày 19/7/2007"),
    ("3", "Hội nghị tổng kết dự án giai đoạn 2012 - 2020", 20, 100,
     "Thông tư số 97/2010/TT-BTC ngày 06/7/2010; Quyết định số 09/2011/QĐ-UBND ngày 25/2/2011"),
]  # fmt: skip
# The state budget by year (second table, million VND): information 46 a year; enterprise support 403, 405, 405,
# 404,3, 403; operations 68, 70, 70, 70, 88. Totals 517 / 521 / 521 / 520,3 / 537 = 2.616,3.
HAU_GIANG_BY_YEAR = {
    "I": [46, 46, 46, 46, 46],
    "II": [403, 405, 405, Decimal("404.3"), 403],
    "III": [68, 70, 70, 70, 88],
}


def test_hau_giang_project_item_by_item(plans):
    plan, t = plans["hau-giang"], TRANSCRIPTS["hau-giang"]
    walk_common(plan, t)
    walk_prose_tasks(plan, t)

    lines = list(plan.budget_lines.order_by("position"))
    assert [(b.number, norm(b.content), b.estimate, b.support_rate, norm(b.basis)) for b in lines] == [
        (n, norm(c), None if e is None else e * M, None if r is None else Decimal(r), norm(basis))
        for n, c, e, r, basis in HAU_GIANG_BUDGET
    ]
    for heading in (b for b in lines if b.parent_id is None):
        amounts = sorted(heading.amounts.all(), key=lambda a: a.year)
        assert [(a.year, a.source) for a in amounts] == [(y, "state_local") for y in range(2016, 2021)]
        assert [a.amount for a in amounts] == [int(v * M) for v in HAU_GIANG_BY_YEAR[heading.number]]

    assert support_lines_of(plan) == expected_support(t)
    dost, chicuc = "Sở Khoa học và Công nghệ", "Chi cục Tiêu chuẩn Đo lường Chất lượng"
    ministry, ubnd = "Bộ Khoa học và Công nghệ", "Ủy ban nhân dân tỉnh"
    # IV.2: "Định kỳ tháng 5, tháng 12 hàng năm hoặc khi có yêu cầu đột xuất báo cáo ... về Bộ Khoa học và Công nghệ,
    # UBND tỉnh"; the Chi cục "báo cáo định kỳ cho Sở Khoa học và Công nghệ". IV.10: the enterprises "báo cáo định kỳ
    # hoặc đột xuất ... cho Sở Khoa học và Công nghệ (Chi cục Tiêu chuẩn Đo lường Chất lượng)".
    to_ministry = "Bộ Khoa học và Công nghệ, UBND tỉnh"
    to_dost = "Sở Khoa học và Công nghệ (Chi cục Tiêu chuẩn Đo lường Chất lượng)"
    enterprises = "Doanh nghiệp tham gia dự án"
    assert duties_of(plan) == sorted(
        [
            ("IV.2", "annual", "yearly", "province", dost, to_ministry, sorted([ministry, ubnd]), 5, None, None),
            ("IV.2", "annual", "yearly", "province", dost, to_ministry, sorted([ministry, ubnd]), 12, None, None),
            ("IV.2", "ad_hoc", "on_request", "province", dost, to_ministry, sorted([ministry, ubnd]), None, None, None),
            ("IV.2", "periodic", "periodic", "unit", chicuc, dost, [dost], None, None, None),
            ("IV.10", "periodic", "periodic", "unit", enterprises, to_dost, sorted([chicuc, dost]), None, None, None),
            ("IV.10", "ad_hoc", "on_request", "unit", enterprises, to_dost, sorted([chicuc, dost]), None, None, None),
        ],
        key=str,
    )

    board, council = plan.boards.all()
    assert (board.kind, board.name, norm(board.composition), norm(board.duties)) == (
        "steering",
        "Ban Điều hành dự án",
        norm(t["board_composition"]),
        norm(t["board_duties"]),
    )
    # "do Phó Chủ tịch UBND tỉnh làm Trưởng ban, Giám đốc Sở Khoa học và Công nghệ làm Phó Ban thường trực, đại diện
    # lãnh đạo Sở Công Thương, Sở Nông nghiệp và Phát triển nông thôn làm Phó ban; thành viên gồm đại diện lãnh đạo ..."
    lead = "đại diện lãnh đạo"
    assert [(m.role, m.role_title, m.capacity, m.body) for m in board.members.all()] == [
        ("head", "Trưởng ban", "Phó Chủ tịch", "UBND tỉnh"),
        ("standing_deputy", "Phó Ban thường trực", "Giám đốc", "Sở Khoa học và Công nghệ"),
        ("deputy", "Phó ban", lead, "Sở Công Thương"),
        ("deputy", "Phó ban", lead, "Sở Nông nghiệp và Phát triển nông thôn"),
        ("member", "thành viên", lead, "Văn phòng UBND tỉnh"),
        ("member", "thành viên", lead, "Sở Tài chính"),
        ("member", "thành viên", lead, "Sở Kế hoạch và Đầu tư"),
        ("member", "thành viên", lead, "Sở Xây dựng"),
        ("member", "thành viên", lead, "Ban quản lý các Khu công nghiệp"),
        ("member", "thành viên", lead, "Liên hiệp các hội khoa học kỹ thuật"),
        ("member", "thành viên", lead, "Liên minh Hợp tác xã tỉnh"),
        ("member", "thành viên", lead, "UBND huyện, thị xã, thành phố"),
        ("member", "thành viên", lead, "Chi cục Tiêu chuẩn Đo lường Chất lượng"),
    ]
    # IV.3 and IV.4: the departments that "Cử cán bộ tham gia Hội đồng xét duyệt nội dung, nghiệm thu".
    assert (council.kind, council.name, norm(council.established_by), council.composition) == (
        "council",
        "Hội đồng xét duyệt nội dung và nghiệm thu dự án của doanh nghiệp",
        norm(t["council_set_up"]),
        "",
    )
    assert [(m.capacity, m.body, m.source) for m in council.members.all()] == [
        ("cán bộ", "Sở Tài chính", "IV.3"),
        ("cán bộ", "Sở Kế hoạch và Đầu tư", "IV.4"),
        ("cán bộ", "Sở Công Thương", "IV.4"),
        ("cán bộ", "Sở Y tế", "IV.4"),
        ("cán bộ", "Sở Nông nghiệp và Phát triển nông thôn", "IV.4"),
    ]
    assert "Cách hiểu của cổng" in council.notes  # the composition is gathered by the portal, and says so


# --- 004 Kon Tum -------------------------------------------------------------------------------------------


def test_kon_tum_plan_item_by_item(plans):
    plan, t = plans["kon-tum"], TRANSCRIPTS["kon-tum"]
    walk_common(plan, t)
    walk_prose_tasks(plan, t)
    assert support_lines_of(plan) == expected_support(t)
    # Caps as written: "tối đa không quá 10 triệu đồng/sản phẩm hoặc dịch vụ", "... 10 triệu đồng/sản phẩm",
    # "45 triệu đồng/hệ thống", "không quá 30 triệu đồng/sản phẩm, hàng hoá", "45 triệu đồng/hệ thống".
    assert [(s.beneficiary, s.cap, s.cap_per) for s in plan.support_lines.all()] == [
        ("programme", None, ""),
        ("programme", None, ""),
        ("enterprises", 10 * M, "sản phẩm hoặc dịch vụ"),
        ("enterprises", 10 * M, "sản phẩm"),
        ("enterprises", 45 * M, "hệ thống"),
        ("enterprises", 30 * M, "sản phẩm, hàng hoá"),
        ("enterprises", 45 * M, "hệ thống"),
    ]
    dost, ministry, ubnd = "Sở Khoa học và Công nghệ", "Bộ Khoa học và Công nghệ", "Ủy ban nhân dân tỉnh"
    recipients = "Bộ Khoa học và Công nghệ, Ủy ban nhân dân tỉnh"
    # V.1: "Tổ chức sơ kết và tổng kết ... Định kỳ trước ngày 30 tháng 11 hàng năm hoặc đột xuất khi có yêu cầu, gửi
    # báo cáo ... về Bộ Khoa học và Công nghệ, Ủy ban nhân dân tỉnh."
    assert duties_of(plan) == sorted(
        [
            ("V.1", "annual", "yearly", "province", dost, recipients, sorted([ministry, ubnd]), 11, 30, None),
            ("V.1", "ad_hoc", "on_request", "province", dost, recipients, sorted([ministry, ubnd]), None, None, None),
            ("V.1", "mid_term", "once", "province", dost, "", [], None, None, None),
            ("V.1", "final", "once", "province", dost, "", [], None, None, None),
        ],
        key=str,
    )
    (council,) = plan.boards.all()
    assert (council.kind, council.name, norm(council.established_by), council.composition) == (
        "council",
        "Hội đồng thẩm định xét duyệt hồ sơ của doanh nghiệp tham gia chương trình",
        norm(t["council_set_up"]),
        "",
    )
    assert not council.members.exists()  # the plan does not give its composition


# --- The support policies built from two of the plans --------------------------------------------------------


@pytest.fixture
def policies(plans):
    from support import demo

    return {"kon-tum": demo.kon_tum_policy(), "hau-giang": demo.hau_giang_policy()}


@pytest.mark.parametrize("key", ["kon-tum", "hau-giang"])
def test_a_policy_quotes_its_plans_lines_and_cites_only_what_the_plan_cites(plans, policies, key):
    policy, plan = policies[key], plans[key]
    quoted = {norm(w) for _section, _heading, w, _rate in TRANSCRIPTS[key]["support_lines"]}
    for rule in policy.rules.all():
        assert norm(rule.wording) in quoted, rule.wording  # word for word, never cut with "…" or paraphrased
    numbers = [link.document.number for link in plan.basis_links.order_by("position")]
    assert {d.number for d in policy.legal_basis.all()} <= set(numbers)
    for number in {d.number for d in policy.legal_basis.all()}:
        assert number in policy.legal_basis_text
    assert "35/2021/TT-BTC" not in policy.legal_basis_text


def test_a_rule_split_from_one_line_says_so_in_its_notes(policies):
    kon_tum = {r.category.code: r for r in policies["kon-tum"].rules.select_related("category")}
    hau_giang = {r.category.code: r for r in policies["hau-giang"].rules.select_related("category")}
    for rule in (kon_tum["product-certification"], kon_tum["system-certification"]):
        assert "Cách hiểu của cổng" in rule.notes
    for rule in (hau_giang["management-systems"], hau_giang["improvement-tools"]):
        assert "Cách hiểu của cổng" in rule.notes


# --- Shown on the plan page --------------------------------------------------------------------------------


def _page(client, plan: Plan) -> str:
    from accounts.models import Role
    from tests.accounts.factories import make_user

    client.force_login(make_user(role=Role.PROVINCE_STAFF, province=plan.province))
    return norm(client.get(plan.get_absolute_url()).content.decode())


def test_the_kon_tum_page_shows_the_whole_signature_block_support_table_responsibilities_and_council(client, plans):
    page = _page(client, plans["kon-tum"])
    assert "<strong>TM. ỦY BAN NHÂN DÂN<br>KT. CHỦ TỊCH<br>PHÓ CHỦ TỊCH</strong>" in page
    for _section, heading, wording, _rate in TRANSCRIPTS["kon-tum"]["support_lines"]:
        assert norm(heading) in page and norm(wording) in page
    assert "Hoạt động của chính Chương trình" in page  # who benefits from the two programme lines
    for _section, body, lines in TRANSCRIPTS["kon-tum"]["responsibilities"]:
        assert all(norm(line) in page for line in lines) and norm(body) in page
    assert "Hội đồng thẩm định xét duyệt hồ sơ của doanh nghiệp tham gia chương trình" in page
    assert "Văn bản không nêu thành phần." in page


def test_the_hau_giang_page_shows_the_steering_board_with_its_composition_and_the_duties(client, plans):
    page = _page(client, plans["hau-giang"])
    assert norm(TRANSCRIPTS["hau-giang"]["board_composition"]) in page
    assert "Phó Ban thường trực" in page and "Liên hiệp các hội khoa học kỹ thuật" in page
    assert "Doanh nghiệp tham gia dự án → Sở Khoa học và Công nghệ (Chi cục Tiêu chuẩn Đo lường Chất lượng)" in page
    assert "tháng 5" in page and "tháng 12" in page


def test_the_bac_lieu_page_shows_the_departments_duty_to_report_before_30_november(client, plans):
    page = _page(client, plans["bac-lieu"])
    units = "Các Sở, Ngành, đơn vị và Ủy ban nhân dân các huyện, thị xã, thành phố"
    assert f"{units} → Sở Giáo dục, Khoa học và Công nghệ" in page
    assert "hằng năm 30/11" in page.lower()
    for link_wording in TRANSCRIPTS["bac-lieu"]["legal_basis"]:
        assert norm(link_wording) in page


@pytest.mark.parametrize(
    ("key", "closing"),
    [("bac-lieu", "nghiêm túc triển khai thực hiện Kế hoạch này"), ("kon-tum", "Trường hợp vượt thẩm quyền")],
)
def test_the_plan_page_numbers_nothing_the_document_does_not(client, plans, key, closing):
    """The document numbers its own sections (Bạc Liêu's implementation is V, not IV); the page's headings carry
    no numbering of the portal's, and a closing paragraph is shown as written, under no invented heading."""
    page = _page(client, plans[key])
    assert closing in page
    assert "Đoạn kết" not in page
    for invented in ("I. Mục tiêu", "II. Nhiệm vụ", "III. Kinh phí", "IV. Tổ chức thực hiện"):
        assert invented not in page
