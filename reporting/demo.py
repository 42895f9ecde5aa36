"""Demo data of the reporting app: Kon Tum's annual report for 2023, with its narrative written but not
generated (generation happens when someone asks for it on the report's page)."""

from __future__ import annotations

import datetime as dt

NARRATIVE = {
    "number": "",
    "dated": dt.date(2023, 11, 25),
    "assessment": (
        "Năm 2023, Sở Khoa học và Công nghệ đã chủ trì, phối hợp với các sở, ban ngành và Ủy ban nhân dân các "
        "huyện, thành phố triển khai các nhiệm vụ của Kế hoạch; tổ chức tuyên truyền về Chương trình trên Báo Kon "
        "Tum, Đài Phát thanh và Truyền hình tỉnh và Cổng thông tin điện tử của Sở.\n"
        "Công tác hướng dẫn doanh nghiệp áp dụng hệ thống quản lý, công cụ cải tiến năng suất chất lượng và truy "
        "xuất nguồn gốc sản phẩm được duy trì; nhận thức của doanh nghiệp về năng suất, chất lượng từng bước được "
        "nâng lên."
    ),
    "difficulties": (
        "Phần lớn doanh nghiệp trên địa bàn tỉnh có quy mô nhỏ và siêu nhỏ, nguồn lực đối ứng hạn chế nên số doanh "
        "nghiệp đăng ký tham gia còn ít so với chỉ tiêu 10 đến 20 doanh nghiệp mỗi năm.\n"
        "Kinh phí bố trí cho Kế hoạch còn hạn chế; đội ngũ cán bộ làm công tác năng suất chất lượng còn mỏng."
    ),
    "recommendations": (
        "Đề nghị Bộ Khoa học và Công nghệ tiếp tục hỗ trợ tỉnh đào tạo chuyên gia năng suất chất lượng và ưu tiên "
        "bố trí kinh phí Trung ương cho các nhiệm vụ hỗ trợ doanh nghiệp vừa và nhỏ.\n"
        "Đề nghị Ủy ban nhân dân tỉnh bố trí kinh phí sự nghiệp khoa học và công nghệ năm 2024 cho Kế hoạch."
    ),
    "next_year_plan": (
        "Tiếp tục tuyên truyền, phổ biến Chương trình; tổ chức 01 khóa đào tạo về công cụ cải tiến năng suất chất "
        "lượng; hướng dẫn, hỗ trợ từ 10 đến 20 doanh nghiệp áp dụng hệ thống quản lý, truy xuất nguồn gốc; vận động "
        "ít nhất 01 doanh nghiệp tham gia Giải thưởng Chất lượng Quốc gia."
    ),
    "recipients": "Bộ Khoa học và Công nghệ (b/c)\nỦy ban nhân dân tỉnh (b/c)\nGiám đốc Sở\nLưu: VT, TĐC",
    "signer_title": "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC",
    "signer_name": "Trần Văn Minh",
}


def load() -> str:
    from accounts.models import User
    from plans.models import Plan

    from . import services
    from .models import Report

    plan = Plan.objects.filter(province__key="kon-tum", start_year__lte=2023, end_year__gte=2023).order_by("pk").first()
    if plan is None:
        return "no Kon Tum plan covering 2023: nothing to do"
    report = Report.objects.filter(plan=plan, kind=Report.Kind.ANNUAL, start_year=2023).first()
    if report is not None:
        return "Kon Tum's 2023 annual report already there"
    staff = User.objects.filter(email="canbo.kontum@demo.nscl.vn").first()
    if staff is None:
        return "no Kon Tum staff account: load accounts.demo first"
    report = services.report_create(by=staff, plan=plan, kind=Report.Kind.ANNUAL, start_year=2023)
    services.report_update(report=report, by=staff, data=NARRATIVE)
    return "Kon Tum's 2023 annual report with its narrative (not generated)"
