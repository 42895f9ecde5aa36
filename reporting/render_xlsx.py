"""The tables of a report (and of a national compilation) as an Excel workbook, with openpyxl, from the snapshot.

One sheet per table of the PDF. Money is in whole VND (numbers, formatted with thousands separators) so that
the Ministry can add them up; counts are numbers; percentages and indicator values are numbers with decimals.
"""

from __future__ import annotations

from decimal import Decimal
from io import BytesIO
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

VND_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.##"
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
BOLD = Font(bold=True)


def _number(value: Any) -> Any:
    """Snapshot decimals are strings ("60.5"): give Excel a number (never through float for whole values)."""
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)):
        return value
    number = Decimal(str(value))
    return int(number) if number == number.to_integral_value() else float(number)


class Sheet:
    """A sheet written row by row: a title, a header, rows, with borders and widths."""

    def __init__(
        self, workbook: Workbook, title: str, heading: str, columns: list[tuple[str, int]], first: bool = False
    ):
        self.ws = workbook.active if first else workbook.create_sheet()
        self.ws.title = title[:31]
        self.ws.append([heading])
        self.ws["A1"].font = Font(bold=True, size=13)
        self.ws.append([])
        self.ws.append([name for name, _width in columns])
        for index, (_name, width) in enumerate(columns, start=1):
            cell = self.ws.cell(row=3, column=index)
            cell.font = BOLD
            cell.border = BORDER
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            self.ws.column_dimensions[get_column_letter(index)].width = width
        self.ws.freeze_panes = "A4"
        self.ws.print_title_rows = "3:3"

    def row(self, values: list[Any], formats: list[str | None] | None = None, bold: bool = False) -> None:
        self.ws.append(values)
        row = self.ws.max_row
        for index, _value in enumerate(values, start=1):
            cell = self.ws.cell(row=row, column=index)
            cell.border = BORDER
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            if bold:
                cell.font = BOLD
            if formats and index - 1 < len(formats) and formats[index - 1]:
                cell.number_format = formats[index - 1]


def _save(workbook: Workbook) -> bytes:
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def report_xlsx(snapshot: dict[str, Any]) -> bytes:
    """The report's tables: targets, tasks, support, enterprises (appendix), activities, budget."""
    r, f = snapshot["report"], snapshot["figures"]
    years = f["years"]
    multi = len(years) > 1
    title = f"{r['title']} ({snapshot['province']['name']})"
    wb = Workbook()

    # Information
    info = Sheet(wb, "Thông tin", title, [("Mục", 28), ("Nội dung", 90)], first=True)
    for label, value in (
        ("Tỉnh, thành phố", snapshot["province"]["name"]),
        ("Loại báo cáo", r["kind_label"]),
        ("Kỳ báo cáo", r["period"]),
        ("Số", r["number"]),
        ("Ngày", r["date_line"]),
        ("Kế hoạch", snapshot["plan"]["reference"]),
        ("Phiên bản", snapshot["version"]),
        ("Số liệu tính đến", f["as_of"]),
    ):
        info.row([label, value])

    # Targets
    year_heads = [(str(y), 12) for y in years]
    sheet = Sheet(
        wb,
        "Chỉ tiêu",
        "Kết quả thực hiện các chỉ tiêu",
        [("TT", 5), ("Chỉ tiêu", 50), ("Đơn vị tính", 14), ("Mục tiêu", 16), *year_heads]
        + ([("Cả giai đoạn", 14), ("Tỷ lệ đạt cả giai đoạn (%)", 12)] if multi else [])
        + (
            []
            if multi
            else [("Tỷ lệ đạt của năm (%)", 12), ("Lũy kế từ đầu giai đoạn", 12), ("Tỷ lệ đạt lũy kế (%)", 12)]
        )
        + [("Đánh giá", 16), ("Nguồn số liệu", 30)],
    )
    for n, t in enumerate(f["targets"], start=1):
        fmt = VND_FORMAT if t["is_money"] else DECIMAL_FORMAT
        values = [n, t["indicator"], t["unit"], t["target"]] + [_number(c["actual"]) for c in t["cells"]]
        if multi:
            values += [_number(t["overall"]["actual"]), _number(t["overall"]["percent"])]
            formats = [fmt] * (len(years) + 1) + [DECIMAL_FORMAT]
        else:  # the year's result and the cumulative one, each with its own rate (older snapshots: the overall)
            year_percent = t.get("year_percent", t["overall"]["percent"])
            values += [_number(year_percent), _number(t["cumulative"]), _number(t.get("cumulative_percent"))]
            formats = [fmt] * len(years) + [DECIMAL_FORMAT, fmt, DECIMAL_FORMAT]
        values += [t["overall"]["status_label"], "; ".join(t["sources"])]
        sheet.row(values, [None, None, None, None, *formats])

    # Tasks
    sheet = Sheet(
        wb,
        "Nhiệm vụ",
        "Tình hình thực hiện các nhiệm vụ",
        [("TT", 6), ("Nội dung nhiệm vụ", 60), ("Đơn vị chủ trì", 22), ("Thời gian", 12), ("Sản phẩm", 24)]
        + [(f"Tiến độ {y}", 16) for y in years]
        + [(f"% {y}", 8) for y in years]
        + [("Kết quả", 40)],
    )
    for task in f["tasks"]:
        progress = task["progress"]
        sheet.row(
            [task["number"], task["content"], task["lead"], task["timeframe"], task["expected_output"]]
            + [p["status_label"] for p in progress]
            + [p["percent"] for p in progress]
            + ["; ".join(p["results"] for p in progress if p["results"])],
            bold=task["is_group"],
        )

    # Support by content
    columns = [("TT", 5), ("Nội dung hỗ trợ", 45)]
    for y in years:
        columns += [(f"Số doanh nghiệp được hỗ trợ {y}", 14), (f"NSNN {y} (đồng)", 16), (f"Đối ứng DN {y} (đồng)", 16)]
    if multi:
        columns += [
            ("Số doanh nghiệp cả giai đoạn", 14),
            ("NSNN cả giai đoạn (đồng)", 16),
            ("Đối ứng DN cả giai đoạn (đồng)", 16),
        ]
    sheet = Sheet(wb, "Hỗ trợ", "Kết quả hỗ trợ doanh nghiệp theo nội dung", columns)
    fmt = [None, None] + [None, VND_FORMAT, VND_FORMAT] * (len(years) + (1 if multi else 0))

    def support_values(cells: list[dict[str, Any]], total: dict[str, Any]) -> list[Any]:
        values: list[Any] = []
        for c in cells:
            values += [c["enterprises"], c["state"], c["enterprise"]]
        if multi:
            values += [total["enterprises"], total["state"], total["enterprise"]]
        return values

    for n, row in enumerate(f["support"]["rows"], start=1):
        sheet.row([n, row["name"], *support_values(row["cells"], row["total"])], fmt)
    total = f["support"]["total"]
    sheet.row(["", "Tổng cộng", *support_values(total["cells"], total["total"])], fmt, bold=True)

    # Supported enterprises (appendix)
    sheet = Sheet(
        wb,
        "Doanh nghiệp",
        "Danh sách doanh nghiệp được hỗ trợ",
        [
            ("TT", 5),
            ("Năm", 7),
            ("Tên doanh nghiệp", 40),
            ("Mã số thuế", 15),
            ("Địa chỉ", 36),
            ("Nội dung hỗ trợ", 32),
            ("Tên hồ sơ", 40),
            ("Kinh phí NSNN (đồng)", 16),
            ("Kinh phí đối ứng (đồng)", 16),
            ("Đã thanh toán (đồng)", 16),
            ("Tình trạng", 16),
        ],
    )
    for n, e in enumerate(f["enterprises"], start=1):
        sheet.row(
            [
                *(n, e["year"], e["name"], e["tax_code"], e["address"], e["category"], e["title"]),
                *(e["state"], e["enterprise"], e["paid"], e["status_label"]),
            ],
            [None] * 7 + [VND_FORMAT] * 3,
        )

    # Activities
    columns = [("TT", 5), ("Hoạt động", 36)] + [(f"Số lượng {y}", 11) for y in years]
    columns += [("Số lượng", 11), ("Người tham dự", 12), ("Lượt người", 12), ("Kinh phí (đồng)", 16)]
    sheet = Sheet(wb, "Hoạt động", "Các hoạt động đã triển khai", columns)
    for n, row in enumerate(f["activities"]["rows"], start=1):
        t = row["total"]
        sheet.row(
            [
                n,
                row["label"],
                *[c["count"] for c in row["cells"]],
                t["count"],
                t["participants"],
                t["person_times"],
                t["cost"],
            ],
            [None] * (2 + len(years) + 3) + [VND_FORMAT],
        )

    # Budget
    columns = [("TT", 6), ("Nội dung", 45)]
    for y in years:
        columns += [(f"Kế hoạch {y} (đồng)", 16), (f"Cam kết {y} (đồng)", 16), (f"Giải ngân {y} (đồng)", 16)]
    if multi:
        columns += [("Kế hoạch (đồng)", 16), ("Cam kết (đồng)", 16), ("Giải ngân (đồng)", 16)]
    columns += [("Tỷ lệ giải ngân (%)", 12)]
    sheet = Sheet(wb, "Kinh phí", "Tình hình sử dụng kinh phí", columns)
    fmt = [None, None] + [VND_FORMAT] * 3 * (len(years) + (1 if multi else 0)) + [DECIMAL_FORMAT]

    def budget_values(cells: list[dict[str, Any]], total: dict[str, Any]) -> list[Any]:
        values: list[Any] = []
        for c in cells:
            values += [c["planned"], c["committed"], c["disbursed"]]
        if multi:
            values += [total["planned"], total["committed"], total["disbursed"]]
        return [*values, _number(total.get("rate"))]

    for line in f["budget"]["lines"]:
        sheet.row(
            [line["number"], line["content"], *budget_values(line["cells"], line["total"])],
            fmt,
            bold=line["is_heading"],
        )
    for source in f["budget"]["sources"]:
        sheet.row(["", f"Nguồn: {source['label']}", *budget_values(source["cells"], source["total"])], fmt)
    total = f["budget"]["total"]
    sheet.row(["", "Tổng cộng", *budget_values(total["cells"], total["total"])], fmt, bold=True)
    return _save(wb)


COMPILATION_COLUMNS = [
    ("plans", "Số kế hoạch", 10, None),
    ("enterprises_supported", "Số doanh nghiệp được hỗ trợ", 14, None),
    ("state_support", "Kinh phí NSNN hỗ trợ (đồng)", 18, VND_FORMAT),
    ("enterprise_support", "Kinh phí đối ứng của doanh nghiệp (đồng)", 18, VND_FORMAT),
    ("activities", "Số hoạt động", 10, None),
    ("person_times", "Lượt người tham dự", 12, None),
    ("planned", "Kinh phí kế hoạch (đồng)", 18, VND_FORMAT),
    ("committed", "Kinh phí đã cam kết (đồng)", 18, VND_FORMAT),
    ("disbursed", "Kinh phí đã giải ngân (đồng)", 18, VND_FORMAT),
    ("targets_achieved", "Chỉ tiêu đạt", 10, None),
    ("targets_behind", "Chỉ tiêu chậm", 10, None),
]


def compilation_xlsx(snapshot: dict[str, Any]) -> bytes:
    """A row per province, national totals: one sheet by the provinces of the time, one rolled up into
    today's provinces."""
    c = snapshot["compilation"]
    wb = Workbook()
    columns = [("TT", 5), ("Tỉnh, thành phố", 24), ("Mã", 6)] + [
        (label, width) for _k, label, width, _f in COMPILATION_COLUMNS
    ]
    columns += [("Báo cáo đã gửi", 24)]
    formats = [None, None, None] + [fmt for _k, _l, _w, fmt in COMPILATION_COLUMNS]
    for index, (key, title, heading) in enumerate(
        (
            (
                "by_time",
                "Theo tỉnh thời điểm",
                f"Tổng hợp kết quả thực hiện Chương trình {c['period']}: theo tỉnh, thành phố tại thời điểm",
            ),
            (
                "rolled_up",
                "Theo tỉnh hiện nay",
                f"Tổng hợp kết quả thực hiện Chương trình {c['period']}: quy về 34 tỉnh, thành phố hiện nay",
            ),
        )
    ):
        sheet = Sheet(wb, title, heading, columns, first=index == 0)
        for n, row in enumerate(snapshot[key], start=1):
            submitted = ", ".join(f"{s['period']} (v{s['version']}, {s['submitted_at']})" for s in row["submitted"])
            sheet.row(
                [n, row["label"], row["key"], *[row[k] for k, _l, _w, _f in COMPILATION_COLUMNS], submitted], formats
            )
        totals = snapshot["totals"]
        sheet.row(["", "Toàn quốc", "", *[totals[k] for k, _l, _w, _f in COMPILATION_COLUMNS], ""], formats, bold=True)
    return _save(wb)
