"""The task-table parser on the seeds' real tables (copied into tests/plans/data/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from plans.models import Unit
from plans.tasktable import UnitMatcher, fold, is_group_number, parse_task_table

DATA = Path(__file__).parent / "data"


def unit(name: str, short_name: str = "", aliases: str = "") -> Unit:
    """An unsaved unit: the parser needs only its names."""
    return Unit(name=name, short_name=short_name, aliases=aliases)


@pytest.fixture
def hoa_binh_units():
    return {
        "dost": unit("Sở Khoa học và Công nghệ", "Sở KH&CN"),
        "departments": unit("Các sở, ngành"),
        "districts": unit("Ủy ban nhân dân các huyện, thành phố", "UBND huyện/TP"),
        "cooperatives": unit("Liên minh Hợp tác xã tỉnh", "Liên minh HTX"),
        "business": unit("Hiệp hội Doanh nghiệp tỉnh", "Hiệp hội DN tỉnh"),
        "enterprises": unit("Doanh nghiệp"),
    }


@pytest.fixture
def bac_lieu_units():
    return {
        "dost": unit("Sở Giáo dục, Khoa học và Công nghệ"),
        "departments": unit("Các sở, ngành, đơn vị có liên quan"),
        "districts": unit("Ủy ban nhân dân cấp huyện", "UBND cấp huyện"),
        "departments_and_districts": unit(
            "Các sở, ngành, đơn vị có liên quan và UBND cấp huyện",
            aliases="Các Sở, Ngành, đơn vị có liên quan, Ủy ban nhân dân cấp huyện\n"
            "Các Sở, Ngành, đơn vị có liên quan và Ủy ban nhân dân cấp huyện",
        ),
        "enterprises": unit("Doanh nghiệp"),
        "stameq": unit("Tổng cục Tiêu chuẩn Đo lường Chất lượng", "Tổng cục TĐC"),
    }


def test_group_numbers_are_roman_numerals():
    assert [n for n in ["I", "II.", "iv", "VIII", "1", "2.1", "", "a", "IIII"] if is_group_number(n)] == [
        "I",
        "II.",
        "iv",
        "VIII",
    ]


def test_fold_ignores_case_diacritics_and_spacing():
    assert fold("  Sở  KH&CN ") == fold("SỞ KH&CN") == "so kh&cn"
    assert fold("Ủy ban nhân dân") == fold("uy ban nhan dan")
    assert fold("Đơn vị") == "don vi"


def test_hoa_binh_table_gives_five_tasks_led_by_the_department(hoa_binh_units):
    text = (DATA / "hoa_binh_tasks.txt").read_text(encoding="utf-8")

    table = parse_task_table(text, units=hoa_binh_units.values(), period=(2021, 2025))

    assert not table.has_errors, [(r.line, r.errors) for r in table.rows] + table.errors
    assert [r.number for r in table.rows] == ["1", "2", "3", "4", "5"]
    assert all(r.lead_unit is hoa_binh_units["dost"] for r in table.rows)
    assert all(r.lead_text == "Sở KH&CN" for r in table.rows)
    assert not any(r.is_group for r in table.rows)
    assert all(r.group_index is None for r in table.rows)
    assert table.rows[0].content.startswith("Rà soát cơ chế, chính sách")
    assert table.rows[4].content.endswith("chứng nhận sự phù hợp cho các sản phẩm, hàng hóa.")
    # Timeframes: "2023", "Hàng năm" three times, "2021-2023".
    assert [r.timeframe_text for r in table.rows] == ["2023", "Hàng năm", "Hàng năm", "Hàng năm", "2021-2023"]
    assert table.rows[0].timeframe.spans == ((2023, 2023),)
    assert table.rows[1].timeframe.is_annual and table.rows[1].timeframe.spans == ((2021, 2025),)
    assert table.rows[4].timeframe.spans == ((2021, 2023),)
    # The coordinating wording is kept as written; the units it names are linked, in the order written.
    first = table.rows[0]
    assert first.coordinating_text == ("Các sở, ngành, UBND huyện/TP, doanh nghiệp, Liên minh HTX, Hiệp hội DN tỉnh")
    assert first.coordinating_units == [
        hoa_binh_units["departments"],
        hoa_binh_units["districts"],
        hoa_binh_units["enterprises"],
        hoa_binh_units["cooperatives"],
        hoa_binh_units["business"],
    ]
    # Row 5 names no known unit as coordinator: the wording stays, nothing is linked.
    assert table.rows[4].coordinating_text == "Tổ chức khoa học và công nghệ công lập, doanh nghiệp"
    assert table.rows[4].coordinating_units == [hoa_binh_units["enterprises"]]
    assert [r.notes for r in table.rows] == [""] * 5


def test_bac_lieu_appendix_groups_rows_and_skips_repeated_headers(bac_lieu_units):
    text = (DATA / "bac_lieu_appendix_tasks.txt").read_text(encoding="utf-8")

    table = parse_task_table(text, units=bac_lieu_units.values(), period=(2021, 2030))

    assert not table.has_errors, [(r.line, r.errors) for r in table.rows] + table.errors
    # 19 rows: the three repeated header rows and the empty lines are gone.
    numbers = [r.number for r in table.rows]
    assert numbers == [
        "I", "II", "1", "2", "3", "4", "5", "6", "III", "1", "2", "IV", "1", "2", "V", "", "VI", "VII", "VIII",
    ]  # fmt: skip
    groups = [r.number for r in table.rows if r.is_group]
    assert groups == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]

    def members(group_number):
        index = next(i for i, r in enumerate(table.rows) if r.number == group_number)
        return [r.number for r in table.rows if r.group_index == index]

    assert members("I") == []
    assert members("II") == ["1", "2", "3", "4", "5", "6"]  # row 6 comes after a page break
    assert members("III") == ["1", "2"]
    assert members("IV") == ["1", "2"]
    assert members("V") == [""]  # the unnumbered row after group V belongs to it
    assert members("VI") == members("VII") == members("VIII") == []

    rows = {(r.group_index, r.number): r for r in table.rows}
    group_ii = numbers.index("II")
    tour = rows[(group_ii, "5")]
    assert tour.content == "Tham quan, học tập kinh nghiệm"
    assert tour.timeframe_text == "2023 2027"
    assert tour.timeframe.spans == ((2023, 2023), (2027, 2027))
    assert tour.notes == "02 đợt"
    column = rows[(group_ii, "2")]
    assert column.timeframe.spans == ((2022, 2025), (2026, 2030))
    assert column.notes == "01 Chuyên mục/ giai đoạn"
    assert rows[(group_ii, "1")].notes == "01 Hội nghị"

    # Group rows may carry their own lead unit and timeframe (group I), or none (group II).
    group_i = table.rows[0]
    assert group_i.lead_unit is bac_lieu_units["dost"]
    assert group_i.timeframe.spans == ((2021, 2025),)
    assert table.rows[1].lead_unit is None and table.rows[1].timeframe is None
    # Longest names first: "Các Sở, Ngành, đơn vị có liên quan, Ủy ban nhân dân cấp huyện" is one group of
    # units, not "Các sở, ngành, đơn vị có liên quan" plus "Ủy ban nhân dân cấp huyện".
    assert group_i.coordinating_units == [bac_lieu_units["departments_and_districts"], bac_lieu_units["stameq"]]
    group_vii = table.rows[numbers.index("VII")]
    assert group_vii.lead_unit is bac_lieu_units["departments_and_districts"]
    assert group_vii.coordinating_units == [bac_lieu_units["dost"]]
    assert group_vii.timeframe.is_annual
    unnumbered = table.rows[numbers.index("")]
    assert unnumbered.coordinating_text == "Các Sở: Kế hoạch và Đầu tư, Tài chính; Tổ chức đánh giá sự phù hợp"
    assert unnumbered.coordinating_units == []


def test_columns_are_mapped_by_header_in_any_order_and_output_columns_are_accepted():
    units = [unit("Sở Khoa học và Công nghệ", "Sở KH&CN")]
    text = (
        "Thời gian thực hiện\tĐơn vị chủ trì\tNội dung\tSản phẩm\tSTT\n"
        "2022\tsở kh&cn\tTổ chức hội nghị\t01 Hội nghị\t1\n"
        "Kết quả dự kiến\tNội dung\tTT\n"
    )
    table = parse_task_table(text, units=units, period=(2021, 2025))
    assert not table.has_errors
    assert len(table.rows) == 1
    row = table.rows[0]
    assert (row.number, row.content, row.expected_output) == ("1", "Tổ chức hội nghị", "01 Hội nghị")
    assert row.lead_unit is units[0]  # matched without regard to case


def test_quoted_cells_keep_their_line_breaks():
    units = [unit("Sở Khoa học và Công nghệ")]
    text = (
        "STT\tNội dung\tĐơn vị chủ trì\n"
        '1\t"Tổ chức hội nghị\n- Phổ biến kiến thức\n- Tôn vinh doanh nghiệp"\tSở Khoa học và Công nghệ\n'
        "2\tĐào tạo\tSở Khoa học và Công nghệ\n"
    )
    table = parse_task_table(text, units=units, period=(2021, 2025))
    assert not table.has_errors
    assert [r.content for r in table.rows] == [
        "Tổ chức hội nghị\n- Phổ biến kiến thức\n- Tôn vinh doanh nghiệp",
        "Đào tạo",
    ]
    assert table.rows[1].line == 5  # the quoted cell spans three lines of the pasted text


def test_each_kind_of_bad_row_gets_its_error():
    units = [unit("Sở Khoa học và Công nghệ", "Sở KH&CN")]
    text = (
        "STT\tNội dung\tThời gian thực hiện\tĐơn vị chủ trì\n"
        "1\tĐúng\t2022\tSở KH&CN\n"
        "2\tĐơn vị lạ\t2022\tSở Tài chính\n"
        "3\t\t2022\tSở KH&CN\n"
        "4\tSai thời gian\tnăm sau\tSở KH&CN\n"
        "5\tNgoài kỳ\t2019-2020\tSở KH&CN\n"
        "6\tThừa ô\t2022\tSở KH&CN\tthừa\n"
        "7\tKhông chủ trì\t2022\t\n"
        "II\tNhóm không chủ trì\t\t\n"
    )
    table = parse_task_table(text, units=units, period=(2021, 2025))
    errors = {r.number: " ".join(r.errors) for r in table.rows}
    assert errors["1"] == ""
    assert "“Sở Tài chính” không phải là đơn vị đã biết" in errors["2"]
    assert "Thiếu nội dung" in errors["3"]
    assert "“năm sau” không phải là thời gian thực hiện" in errors["4"]
    assert "nằm ngoài thời kỳ của kế hoạch 2021-2025" in errors["5"]
    assert "Dòng này có 5 ô nhưng dòng tiêu đề có 4 cột" in errors["6"]
    assert "Nhiệm vụ cần có đơn vị chủ trì" in errors["7"]
    assert errors["II"] == ""  # a group row needs no lead unit
    assert table.has_errors and table.error_count == 6


def test_text_without_header_is_refused_as_a_whole():
    table = parse_task_table("1\tTổ chức hội nghị\t2022\tSở KH&CN\n", units=[], period=(2021, 2025))
    assert table.rows == []
    assert table.has_errors
    assert "Dòng đầu tiên phải ghi tên các cột" in table.errors[0]


def test_a_task_content_mentioning_column_words_is_not_taken_for_a_header():
    units = [unit("Sở Khoa học và Công nghệ", "Sở KH&CN")]
    text = "STT\tNội dung\tĐơn vị chủ trì\n1\tChủ trì, phối hợp thời gian nội dung\tSở KH&CN\n"
    table = parse_task_table(text, units=units, period=(2021, 2025))
    assert [r.content for r in table.rows] == ["Chủ trì, phối hợp thời gian nội dung"]


def test_matcher_prefers_the_longest_name_and_respects_word_boundaries():
    broad = unit("Các sở, ngành")
    narrow = unit("Sở Công Thương", aliases="ngành")
    tax = unit("Cục Thuế", "Thuế")
    matcher = UnitMatcher([narrow, broad, tax])
    assert matcher.find_all("Các sở, ngành, doanh nghiệp") == [broad]
    assert matcher.find_all("Phối hợp với ngành Thuế") == [narrow, tax]
    assert matcher.find_all("Thuếvụ") == []  # part of a word is not a name
    assert matcher.find("CÁC SỞ, NGÀNH") is broad
    assert matcher.find("Các sở") is None
