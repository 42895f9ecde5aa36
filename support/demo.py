"""Demo data of the support app: the support policies of Kon Tum (plan 2021-2025, section III.2) and Hậu
Giang (project 2016-2020, section III.1.3) as the documents write them, budget allocations, appraisal
councils, and applications in every state of the workflow, driven through the services so that events,
audit rows and money are what the portal itself would have written. Idempotent.

The documents set the rates and caps; they do not list cost kinds one by one for Kon Tum, nor budget
amounts per year: where the demo needs those, the note of the row says so.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from .choices import CapPer, CostKind, PrioritySectorMode, Status

K = CostKind
MILLION = 1_000_000

KON_TUM_POLICY = "Chính sách hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng tỉnh Kon Tum giai đoạn 2021-2025"
HAU_GIANG_POLICY = (
    "Chính sách hỗ trợ doanh nghiệp tham gia Dự án năng suất và chất lượng tỉnh Hậu Giang giai đoạn 2016-2020"
)

KON_TUM_PRIORITY = (
    "Ưu tiên các doanh nghiệp vừa và nhỏ sản xuất sản phẩm chủ lực của tỉnh, bao gồm các ngành sản xuất: cà phê; "
    "các sản phẩm chế biến từ mủ cây cao su; các sản phẩm chế biến từ sắn, mía đường; gạch ngói; bột giấy và giấy; "
    "rau hoa xứ lạnh; sâm Ngọc Linh; trồng và chế biến dược liệu; sản xuất và chế biến cá nước lạnh; các sản "
    "phẩm có nhu cầu tiêu thụ lớn trong nước thay thế hàng nhập khẩu, sản phẩm có giá trị xuất khẩu hoặc thị "
    "trường xuất khẩu lớn."
)
KON_TUM_KINDS_NOTE = (
    "Kế hoạch không liệt kê từng loại chi phí; danh sách loại chi phí là cách hiểu dùng cho dữ liệu mẫu."
)
# Section III.2.2, third line, word for word: one line of the plan, which the portal holds as two rules.
KON_TUM_CERTIFICATION = (
    "Chứng nhận sản phẩm, hàng hoá; chứng nhận hệ thống quản lý chất lượng; an toàn thực phẩm; môi trường; năng "
    "lượng; an toàn và sức khoẻ nghề nghiệp và chứng nhận hệ thống truy xuất nguồn gốc sản phẩm, hàng hoá phù hợp "
    "với tiêu chuẩn quốc gia, tiêu chuẩn quốc tế, tối đa không quá 45 triệu đồng/hệ thống."
)
KON_TUM_CERTIFICATION_NOTE = (
    "Cách hiểu của cổng: kế hoạch ghi một dòng cho cả chứng nhận sản phẩm, hàng hoá và chứng nhận hệ thống quản "
    "lý, với mức tối đa “45 triệu đồng/hệ thống” chung; cổng tách thành hai quy tắc (chứng nhận sản phẩm, hàng "
    "hoá; chứng nhận hệ thống quản lý), mỗi quy tắc trích nguyên dòng."
)

# (category code, wording, rate %, cap VND, cap per, once, [(kind, eligible, own rate, note)], notes)
KON_TUM_RULES = [
    (
        "industrial-property",
        "Đăng ký bảo hộ quyền sở hữu công nghiệp (nhãn hiệu, kiểu dáng công nghiệp, sáng chế...), tối đa không quá "
        "10 triệu đồng/sản phẩm hoặc dịch vụ.",
        100,
        10 * MILLION,
        CapPer.PRODUCT,
        False,
        [(K.REGISTRATION_FEES, True, None, ""), (K.CONSULTANCY, True, None, "")],
        KON_TUM_KINDS_NOTE,
    ),
    (
        "barcodes",
        "Đăng ký, sử dụng mã số mã vạch, tối đa không quá 10 triệu đồng/sản phẩm.",
        100,
        10 * MILLION,
        CapPer.PRODUCT,
        False,
        [(K.REGISTRATION_FEES, True, None, "")],
        KON_TUM_KINDS_NOTE,
    ),
    (
        "traceability-gap-organic-green",
        "Xây dựng và áp dụng hệ thống truy xuất nguồn gốc sản phẩm, hàng hoá, áp dụng thực hành nông nghiệp tốt "
        "(G.A.P), thực hành sản xuất nông nghiệp hữu cơ, năng suất xanh, tối đa không quá 45 triệu đồng/hệ thống.",
        50,
        45 * MILLION,
        CapPer.SYSTEM,
        False,
        [
            (K.CONSULTANCY, True, None, ""),
            (K.CERTIFICATION_AUDIT, True, None, ""),
            (K.TESTING, True, None, ""),
            (K.SOFTWARE, True, None, ""),
            (K.TRAINING, True, None, ""),
        ],
        KON_TUM_KINDS_NOTE,
    ),
    (
        "digital-tools",
        "Ứng dụng công nghệ thông tin, công nghệ số để thiết lập, tối ưu hoá, hiện đại hoá hệ thống quản trị doanh "
        "nghiệp; áp dụng tiêu chuẩn, công cụ hỗ trợ cho sản xuất thông minh, dịch vụ thông minh, không quá 30 triệu "
        "đồng/sản phẩm, hàng hoá.",
        50,
        30 * MILLION,
        CapPer.PRODUCT,
        False,
        [
            (K.SOFTWARE, True, None, ""),
            (K.CONSULTANCY, True, None, ""),
            (K.TRAINING, True, None, ""),
            (K.EQUIPMENT, True, None, ""),
        ],
        KON_TUM_KINDS_NOTE,
    ),
    (
        "product-certification",
        KON_TUM_CERTIFICATION,
        50,
        45 * MILLION,
        CapPer.SYSTEM,
        False,
        [
            (K.CONSULTANCY, True, None, ""),
            (K.CERTIFICATION_AUDIT, True, None, ""),
            (K.TESTING, True, None, ""),
            (K.EXPERT_ALLOWANCE, True, None, ""),
            (K.REGISTRATION_FEES, True, None, ""),
        ],
        KON_TUM_KINDS_NOTE + " " + KON_TUM_CERTIFICATION_NOTE,
    ),
    (
        "system-certification",
        KON_TUM_CERTIFICATION,
        50,
        45 * MILLION,
        CapPer.SYSTEM,
        False,
        [
            (K.CONSULTANCY, True, None, ""),
            (K.CERTIFICATION_AUDIT, True, None, ""),
            (K.TESTING, True, None, ""),
            (K.EXPERT_ALLOWANCE, True, None, ""),
            (K.REGISTRATION_FEES, True, None, ""),
        ],
        KON_TUM_KINDS_NOTE + " " + KON_TUM_CERTIFICATION_NOTE,
    ),
]

_NOT_SURVEILLANCE = "Không bao gồm chi phí đánh giá giám sát cho các năm tiếp theo."
# Section III.1.3, second item, word for word (its "+" lines on lines of their own).
HAU_GIANG_SYSTEMS_AND_TOOLS = (
    "Hỗ trợ doanh nghiệp xây dựng, áp dụng các hệ thống quản lý chất lượng ISO; các công cụ cải tiến năng suất và "
    "chất lượng: hỗ trợ 01 lần chi phí:\n"
    "+ Tư vấn: hỗ trợ 30% chi phí tư vấn.\n"
    "+ Đánh giá chứng nhận: hỗ trợ 30% chi phí đánh giá chứng nhận lần đầu (không bao gồm chi phí đánh giá giám sát "
    "cho các năm tiếp theo)."
)
HAU_GIANG_SPLIT_NOTE = (
    "Cách hiểu của cổng: kế hoạch ghi một ý chung cho hệ thống quản lý chất lượng ISO và công cụ cải tiến năng "
    "suất và chất lượng; cổng tách thành hai quy tắc (hệ thống quản lý; công cụ cải tiến), mỗi quy tắc trích "
    "nguyên ý."
)
HAU_GIANG_RULES = [
    (
        "management-systems",
        HAU_GIANG_SYSTEMS_AND_TOOLS,
        30,
        None,
        CapPer.APPLICATION,
        True,
        [
            (K.CONSULTANCY, True, None, ""),
            (K.CERTIFICATION_AUDIT, True, None, ""),
            (K.SURVEILLANCE_AUDIT, False, None, _NOT_SURVEILLANCE),
        ],
        HAU_GIANG_SPLIT_NOTE,
    ),
    (
        "improvement-tools",
        HAU_GIANG_SYSTEMS_AND_TOOLS,
        30,
        None,
        CapPer.APPLICATION,
        True,
        [
            (K.CONSULTANCY, True, None, ""),
            (K.CERTIFICATION_AUDIT, True, None, ""),
            (K.SURVEILLANCE_AUDIT, False, None, _NOT_SURVEILLANCE),
        ],
        HAU_GIANG_SPLIT_NOTE,
    ),
    (
        "product-certification",
        "Hỗ trợ doanh nghiệp chứng nhận và công bố hợp chuẩn/hợp quy: hỗ trợ (30%) kinh phí thử nghiệm và chi phí "
        "phụ cấp chuyên gia đánh giá.",
        30,
        None,
        CapPer.APPLICATION,
        False,
        [(K.TESTING, True, None, ""), (K.EXPERT_ALLOWANCE, True, None, "")],
        "",
    ),
    (
        "national-quality-award",
        "Đối với doanh nghiệp tham gia Giải thưởng Chất lượng Quốc gia: hỗ trợ 30% chi phí tư vấn xây dựng báo cáo "
        "đánh giá theo 7 tiêu chí Giải thưởng Chất lượng Quốc gia và chi phí xét tuyển tại Hội đồng Sơ tuyển và Hội "
        "đồng Quốc gia.",
        30,
        None,
        CapPer.APPLICATION,
        False,
        [
            (K.CONSULTANCY, True, None, "Tư vấn xây dựng báo cáo đánh giá theo 7 tiêu chí."),
            (K.REGISTRATION_FEES, True, None, "Chi phí xét tuyển tại Hội đồng Sơ tuyển và Hội đồng Quốc gia."),
        ],
        "",
    ),
]

# The policies' legal basis, one document a line (the decision print writes "Căn cứ" before each): the
# documents the plan itself cites, as the plan words them, then the plan and its section.
KON_TUM_BASIS = (
    "Quyết định số 1322/QĐ-TTg ngày 31 tháng 8 năm 2020 của Thủ tướng Chính phủ về việc phê duyệt Chương trình "
    "quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa giai đoạn 2021-2030\n"
    "Kế hoạch Thực hiện Chương trình hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hoá trên "
    "địa bàn tỉnh Kon Tum giai đoạn 2021-2025, mục III.2 “Về chính sách hỗ trợ”"
)
HAU_GIANG_BASIS = (
    "Quyết định số 712/QĐ-TTg ngày 21 tháng 5 năm 2010 của Thủ tướng Chính phủ V/v phê duyệt Chương trình Quốc gia "
    "“Nâng cao năng suất và chất lượng sản phẩm, hàng hóa của doanh nghiệp Việt Nam đến năm 2020”\n"
    "Thông tư số 20/2010/TT-BKHCN ngày 29 tháng 12 năm 2010 của Bộ Khoa học và Công nghệ V/v quy định về tổ chức, "
    "quản lý và điều hành Chương trình quốc gia “Nâng cao năng suất và chất lượng sản phẩm, hàng hóa của doanh "
    "nghiệp Việt Nam đến năm 2020”\n"
    "Quyết định số 1950/QĐ-UBND ngày 28 tháng 9 năm 2012 của UBND tỉnh Hậu Giang V/v phê duyệt Dự án “Nâng cao "
    "năng suất và chất lượng sản phẩm, hàng hóa của doanh nghiệp tỉnh Hậu Giang giai đoạn 2012-2015 và tầm nhìn "
    "đến năm 2020”\n"
    "Kế hoạch thực hiện Dự án “Nâng cao năng suất và chất lượng sản phẩm, hàng hóa của doanh nghiệp tỉnh Hậu Giang "
    "giai đoạn 2016 - 2020”, mục III.1.3 “Chính sách hỗ trợ doanh nghiệp tham gia dự án”"
)

# State budget for "Chi hoạt động hỗ trợ doanh nghiệp tham gia dự án" by year (Hậu Giang plan, table 2).
HAU_GIANG_SUPPORT_BY_YEAR = {
    2016: 403 * MILLION,
    2017: 405 * MILLION,
    2018: 405 * MILLION,
    2019: 404_300_000,
    2020: 403 * MILLION,
}
KON_TUM_DEMO_ALLOCATION = {2024: 300 * MILLION, 2025: 300 * MILLION}

# (number, date, kind, issuer, title) of the documents the policies cite (plans' seeds create the same rows).
DOCUMENTS = {
    "1322": (
        "1322/QĐ-TTg",
        dt.date(2020, 8, 31),
        "decision",
        "Thủ tướng Chính phủ",
        "Phê duyệt Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa "
        "giai đoạn 2021-2030",
    ),
    "712": (
        "712/QĐ-TTg",
        dt.date(2010, 5, 21),
        "decision",
        "Thủ tướng Chính phủ",
        "V/v phê duyệt Chương trình Quốc gia “Nâng cao năng suất và chất lượng sản phẩm, hàng hóa của doanh "
        "nghiệp Việt Nam đến năm 2020”",
    ),
    "20": (
        "20/2010/TT-BKHCN",
        dt.date(2010, 12, 29),
        "circular",
        "Bộ Khoa học và Công nghệ",
        "V/v quy định về tổ chức, quản lý và điều hành Chương trình quốc gia “Nâng cao năng suất và chất lượng "
        "sản phẩm, hàng hóa của doanh nghiệp Việt Nam đến năm 2020”",
    ),
    "1950": (
        "1950/QĐ-UBND",
        dt.date(2012, 9, 28),
        "decision",
        "UBND tỉnh Hậu Giang",
        "V/v phê duyệt Dự án “Nâng cao năng suất và chất lượng sản phẩm, hàng hóa của doanh nghiệp tỉnh Hậu Giang "
        "giai đoạn 2012-2015 và tầm nhìn đến năm 2020”",
    ),
}


def _document(key: str):
    from plans.models import LegalDocument

    number, issued_on, kind, issuer, title = DOCUMENTS[key]
    document, _created = LegalDocument.objects.get_or_create(
        number=number, issued_on=issued_on, defaults={"kind": kind, "issuer": issuer, "title": title}
    )
    return document


def _policy(*, province, name: str, plan, defaults: dict, documents: list[str], rules: list, sectors=()):
    from .models import RuleCostKind, SupportCategory, SupportPolicy, SupportRule

    policy, _created = SupportPolicy.objects.update_or_create(
        province=province, name=name, defaults={"plan": plan, **defaults}
    )
    policy.legal_basis.set([_document(key) for key in documents])
    policy.priority_sectors.set(sectors)
    categories = {c.code: c for c in SupportCategory.objects.all()}
    for position, (code, wording, rate, cap, cap_per, once, kinds, notes) in enumerate(rules, start=1):
        rule, _created = SupportRule.objects.update_or_create(
            policy=policy,
            category=categories[code],
            defaults={
                "position": position,
                "wording": wording,
                "rate": Decimal(rate),
                "cap": cap,
                "cap_per": cap_per,
                "once_per_enterprise": once,
                "notes": notes,
            },
        )
        for kind, eligible, own_rate, note in kinds:
            RuleCostKind.objects.update_or_create(
                rule=rule, kind=kind, defaults={"eligible": eligible, "rate": own_rate, "note": note}
            )
    return policy


def kon_tum_policy():
    """The Kon Tum policy (plan 2021-2025, III.2), created or brought up to date."""
    from enterprises.models import Sector
    from enterprises.sizes import SizeClass
    from plans.models import Plan, Province

    province = Province.objects.get(key="kon-tum")
    return _policy(
        province=province,
        name=KON_TUM_POLICY,
        plan=Plan.objects.filter(province=province, start_year=2021, end_year=2025).order_by("pk").first(),
        defaults={
            "legal_basis_text": KON_TUM_BASIS,
            "effective_from": dt.date(2021, 1, 1),
            "effective_to": dt.date(2025, 12, 31),
            "allowed_size_classes": [SizeClass.MICRO, SizeClass.SMALL, SizeClass.MEDIUM],
            "allowed_enterprise_types": [],
            "excluded_ownerships": [],
            "priority_sector_mode": PrioritySectorMode.PRIORITISED,
            "priority_products_note": KON_TUM_PRIORITY,
            "notes": "Đối tượng: các doanh nghiệp vừa và nhỏ có hoạt động sản xuất, kinh doanh sản phẩm, hàng hoá "
            "trên địa bàn tỉnh Kon Tum (mục III.1).",
        },
        documents=["1322"],  # the plan cites Decision 1322 only (not Circular 35/2021/TT-BTC)
        rules=KON_TUM_RULES,
        sectors=Sector.objects.filter(code__in=["A", "C"]),
    )


def hau_giang_policy():
    """The Hậu Giang policy (project 2016-2020, III.1.3), created or brought up to date."""
    from plans.models import Plan, Province

    province = Province.objects.get(key="hau-giang")
    return _policy(
        province=province,
        name=HAU_GIANG_POLICY,
        plan=Plan.objects.filter(province=province, start_year=2016, end_year=2020).order_by("pk").first(),
        defaults={
            "legal_basis_text": HAU_GIANG_BASIS,
            "effective_from": dt.date(2016, 1, 1),
            "effective_to": dt.date(2020, 12, 31),
            "allowed_size_classes": [],
            "allowed_enterprise_types": [],
            "excluded_ownerships": [],
            "priority_sector_mode": PrioritySectorMode.NONE,
            "priority_products_note": "Doanh nghiệp sản xuất kinh doanh các sản phẩm, hàng hóa chủ lực của tỉnh.",
            "notes": "Mức chi hỗ trợ được tính toán thực tế tại thời điểm phát sinh phù hợp với quy định hiện hành; "
            "kế hoạch không nêu mức tối đa. Đăng ký xác lập quyền sở hữu công nghiệp và đổi mới công nghệ được hỗ trợ "
            "theo quy định khác, không thuộc kinh phí của dự án.",
        },
        documents=["712", "20", "1950"],
        rules=HAU_GIANG_RULES,
    )


def _allocations(kon_tum, hau_giang) -> None:
    from plans.models import BudgetLine

    from .models import BudgetAllocation

    line = None
    if hau_giang.plan_id:
        line = (
            BudgetLine.objects.filter(
                plan_id=hau_giang.plan_id, category=BudgetLine.Category.ENTERPRISE_SUPPORT, parent__isnull=True
            )
            .order_by("position")
            .first()
        )
    for year, amount in HAU_GIANG_SUPPORT_BY_YEAR.items():
        BudgetAllocation.objects.get_or_create(
            policy=hau_giang,
            year=year,
            defaults={
                "province": hau_giang.province,
                "budget_line": line,
                "amount": amount,
                "note": "Kinh phí ngân sách nhà nước chi hoạt động hỗ trợ doanh nghiệp tham gia dự án năm "
                f"{year} (bảng dự toán của kế hoạch).",
            },
        )
    for year, amount in KON_TUM_DEMO_ALLOCATION.items():
        BudgetAllocation.objects.get_or_create(
            policy=kon_tum,
            year=year,
            defaults={
                "province": kon_tum.province,
                "amount": amount,
                "note": "Số liệu minh họa: kế hoạch không nêu dự toán theo năm.",
            },
        )


# --- Demo applications ----------------------------------------------------------------------------------------

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
DOSSIER = [
    ("application_form", "don-de-nghi-ho-tro.pdf"),
    ("business_registration", "giay-chung-nhan-dkdn.pdf"),
    ("project_description", "thuyet-minh-du-toan.pdf"),
    ("quotation", "bao-gia.pdf"),
]
EVIDENCE = [("invoice", "hoa-don.pdf"), ("acceptance_evidence", "bien-ban-va-chung-chi.pdf")]

# The path every application follows, up to its final state; the demo stops at the state it wants.
HAPPY_PATH = [
    Status.SUBMITTED,
    Status.SCREENING,
    Status.COUNCIL_REVIEW,
    Status.APPROVED,
    Status.CONTRACTED,
    Status.IMPLEMENTING,
    Status.ACCEPTANCE,
    Status.ACCEPTED,
    Status.PAID,
]
DETOURS = {
    Status.CHANGES_REQUESTED: (Status.SUBMITTED, "request_changes"),
    Status.REJECTED: (Status.COUNCIL_REVIEW, "reject"),
    Status.WITHDRAWN: (Status.SCREENING, "withdraw"),
    Status.CANCELLED: (Status.CONTRACTED, "cancel"),
}
COMMENTS = {
    "request_changes": "Đề nghị bổ sung báo giá của ít nhất hai đơn vị tư vấn.",
    "reject": "Hội đồng đánh giá nội dung chưa đáp ứng mục tiêu nâng cao năng suất, chất lượng.",
    "withdraw": "Doanh nghiệp điều chỉnh kế hoạch đầu tư năm nay.",
    "cancel": "Doanh nghiệp không triển khai được theo hợp đồng do thay đổi nhà cung cấp.",
}

# (key, province key, enterprise tax prefix, category, year, title, quantity, [(kind, estimate, actual)], state)
APPLICATIONS = [
    (
        "kt-iso22000",
        "kon-tum",
        "610021345",
        "system-certification",
        2025,
        "Chứng nhận hệ thống quản lý an toàn thực phẩm ISO 22000 cho xưởng chế biến cao sâm",
        1,
        [(K.CONSULTANCY, 60 * MILLION, 60 * MILLION), (K.CERTIFICATION_AUDIT, 40 * MILLION, 38 * MILLION)],
        Status.PAID,
    ),
    (
        "kt-trademark-tea",
        "kon-tum",
        "610021345",
        "industrial-property",
        2025,
        "Đăng ký nhãn hiệu “Trà dược liệu Ngọc Linh”",
        1,
        [(K.REGISTRATION_FEES, 8_500_000, 8 * MILLION)],
        Status.ACCEPTED,
    ),
    (
        "kt-barcodes",
        "kon-tum",
        "610021345",
        "barcodes",
        2025,
        "Đăng ký mã số mã vạch cho 3 sản phẩm trà túi lọc",
        3,
        [(K.REGISTRATION_FEES, 4_500_000, 4_500_000)],
        Status.ACCEPTANCE,
    ),
    (
        "kt-vietgap",
        "kon-tum",
        "610045678",
        "traceability-gap-organic-green",
        2025,
        "Áp dụng VietGAP và truy xuất nguồn gốc cho vùng rau xứ lạnh Măng Đen",
        1,
        [
            (K.CONSULTANCY, 50 * MILLION, None),
            (K.CERTIFICATION_AUDIT, 30 * MILLION, None),
            (K.TRAINING, 10 * MILLION, None),
        ],
        Status.IMPLEMENTING,
    ),
    (
        "kt-warehouse-software",
        "kon-tum",
        "610045678",
        "digital-tools",
        2025,
        "Phần mềm quản lý kho và bán hàng cho hợp tác xã",
        1,
        [(K.SOFTWARE, 50 * MILLION, None)],
        Status.CONTRACTED,
    ),
    (
        "kt-product-conformity",
        "kon-tum",
        "610021345",
        "product-certification",
        2025,
        "Chứng nhận hợp chuẩn sản phẩm trà dược liệu túi lọc",
        1,
        [(K.TESTING, 20 * MILLION, None), (K.EXPERT_ALLOWANCE, 10 * MILLION, None)],
        Status.APPROVED,
    ),
    (
        "kt-iso9001-coop",
        "kon-tum",
        "610045678",
        "system-certification",
        2025,
        "Chứng nhận hệ thống quản lý chất lượng ISO 9001 cho hợp tác xã",
        1,
        [(K.CONSULTANCY, 40 * MILLION, None), (K.CERTIFICATION_AUDIT, 30 * MILLION, None)],
        Status.COUNCIL_REVIEW,
    ),
    (
        "kt-erp",
        "kon-tum",
        "610021345",
        "digital-tools",
        2025,
        "Ứng dụng phần mềm quản trị nguồn lực (ERP) cho nhà máy",
        1,
        [(K.SOFTWARE, 120 * MILLION, None), (K.TRAINING, 20 * MILLION, None)],
        Status.SCREENING,
    ),
    (
        "kt-collective-mark",
        "kon-tum",
        "610045678",
        "industrial-property",
        2025,
        "Đăng ký nhãn hiệu tập thể “Rau hoa Măng Đen”",
        1,
        [(K.REGISTRATION_FEES, 6 * MILLION, None), (K.CONSULTANCY, 3 * MILLION, None)],
        Status.SUBMITTED,
    ),
    (
        "kt-barcodes-coop",
        "kon-tum",
        "610045678",
        "barcodes",
        2025,
        "Mã số mã vạch cho sản phẩm rau đóng gói",
        2,
        [(K.REGISTRATION_FEES, 3 * MILLION, None)],
        Status.CHANGES_REQUESTED,
    ),
    (
        "kt-trademark-ginseng",
        "kon-tum",
        "610021345",
        "industrial-property",
        2025,
        "Đăng ký kiểu dáng công nghiệp bao bì cao sâm",
        1,
        [(K.REGISTRATION_FEES, 5 * MILLION, None)],
        Status.DRAFT,
    ),
    (
        "kt-organic",
        "kon-tum",
        "610045678",
        "traceability-gap-organic-green",
        2025,
        "Chuyển đổi sản xuất rau hữu cơ",
        1,
        [(K.CONSULTANCY, 70 * MILLION, None)],
        Status.REJECTED,
    ),
    (
        "kt-greenhouse-sensors",
        "kon-tum",
        "610021345",
        "digital-tools",
        2025,
        "Cảm biến và phần mềm giám sát nhà kính trồng dược liệu",
        1,
        [(K.EQUIPMENT, 40 * MILLION, None), (K.SOFTWARE, 10 * MILLION, None)],
        Status.WITHDRAWN,
    ),
    (
        "kt-haccp-coop",
        "kon-tum",
        "610045678",
        "system-certification",
        2024,
        "Chứng nhận HACCP cho cơ sở sơ chế rau",
        1,
        [(K.CONSULTANCY, 25 * MILLION, None), (K.CERTIFICATION_AUDIT, 15 * MILLION, None)],
        Status.CANCELLED,
    ),
    (
        "hg-iso22000",
        "hau-giang",
        "630011223",
        "management-systems",
        2018,
        "Xây dựng, áp dụng hệ thống quản lý an toàn thực phẩm ISO 22000 cho nhà máy chế biến thủy sản",
        1,
        [
            (K.CONSULTANCY, 100 * MILLION, 100 * MILLION),
            (K.CERTIFICATION_AUDIT, 40 * MILLION, 40 * MILLION),
            (K.SURVEILLANCE_AUDIT, 15 * MILLION, 15 * MILLION),
        ],
        Status.PAID,
    ),
    (
        "hg-quality-award",
        "hau-giang",
        "630011223",
        "national-quality-award",
        2019,
        "Tham gia Giải thưởng Chất lượng Quốc gia năm 2019",
        1,
        [(K.CONSULTANCY, 60 * MILLION, 60 * MILLION), (K.REGISTRATION_FEES, 10 * MILLION, 10 * MILLION)],
        Status.ACCEPTED,
    ),
]


def _people():
    from accounts.models import Membership, Role

    staff, leaders, council = {}, {}, {}
    for m in Membership.objects.filter(
        is_active=True, role__in=[Role.PROVINCE_STAFF, Role.PROVINCE_LEADER, Role.COUNCIL_MEMBER], user__is_demo=True
    ).select_related("province", "user"):
        target = {Role.PROVINCE_STAFF: staff, Role.PROVINCE_LEADER: leaders, Role.COUNCIL_MEMBER: council}[m.role]
        target.setdefault(m.province.key, m.user)
    return staff, leaders, council


def _council(*, province, year: int, name: str, number: str, date: dt.date, seats: list):
    from . import services
    from .models import Council

    council = Council.objects.filter(province=province, year=year, name=name).first()
    if council is None:
        council = services.council_create(
            by=seats[0][0], province=province, name=name, year=year, decision_number=number, decision_date=date
        )
    for user, role in seats:
        if user is not None and not council.members.filter(user=user).exists():
            services.council_member_add(council=council, by=seats[0][0], user=user, role=role)
    return council


def _upload(application, member, kind: str, filename: str) -> None:
    from . import services

    services.attachment_upload(
        application=application,
        by=member,
        kind=kind,
        file=SimpleUploadedFile(filename, PDF, content_type="application/pdf"),
    )


def _drive(app, target: str, *, actuals: dict[int, int], member, staff, council) -> None:
    """Take a draft through the workflow to ``target``, as the people would have. ``actuals``: the actual
    amount of each cost item (by id), entered before acceptance."""
    from . import services
    from .models import CouncilMember

    if target == Status.DRAFT:
        return
    stop_at, detour = DETOURS.get(target, (target, None))
    day = dt.date(app.budget_year, 3, 1)
    refused = target == Status.REJECTED
    for state in HAPPY_PATH:
        if state == Status.SUBMITTED:
            services.application_transition(application=app, transition="submit", by=member)
        elif state == Status.SCREENING:
            services.application_transition(application=app, transition="start_screening", by=staff)
        elif state == Status.COUNCIL_REVIEW:
            services.application_transition(application=app, transition="send_to_council", by=staff, council=council)
            for seat in CouncilMember.objects.filter(council=council).select_related("user").order_by("pk"):
                services.review_submit(
                    application=app,
                    by=seat.user,
                    score=45 if refused else 82,
                    recommendation="reject" if refused else "approve",
                    opinion="Nội dung chưa rõ hiệu quả." if refused else "Hồ sơ đầy đủ, phù hợp chính sách hỗ trợ.",
                )
        elif state == Status.APPROVED:
            app.refresh_from_db()
            services.application_transition(
                application=app,
                transition="approve",
                by=staff,
                decision_number=f"{app.pk:02d}/QĐ-SKHCN",
                decision_date=day + dt.timedelta(days=45),
                signer_name="Trần Văn Minh" if app.province.key == "kon-tum" else "Giám đốc Sở KH&CN (minh họa)",
                signer_title="Phó Giám đốc Sở Khoa học và Công nghệ",
                approved_amount=app.max_support,
            )
        elif state == Status.CONTRACTED:
            services.application_transition(
                application=app,
                transition="sign_contract",
                by=staff,
                contract_number=f"{app.pk:02d}/HĐ-SKHCN",
                contract_date=day + dt.timedelta(days=60),
                contract_signer=app.enterprise.representative_name or "Người đại diện theo pháp luật",
            )
        elif state == Status.IMPLEMENTING:
            services.application_transition(application=app, transition="start_implementation", by=member)
        elif state == Status.ACCEPTANCE:
            for item in app.cost_items.all():
                services.cost_item_record_actual(cost_item=item, by=member, actual_amount=actuals[item.pk])
            for kind, filename in EVIDENCE:
                _upload(app, member, kind, filename)
            services.application_transition(application=app, transition="request_acceptance", by=member)
        elif state == Status.ACCEPTED:
            services.application_transition(
                application=app,
                transition="accept",
                by=staff,
                accepted_on=day + dt.timedelta(days=240),
                minutes_number=f"{app.pk:02d}/BB-NT",
            )
        elif state == Status.PAID:
            app.refresh_from_db()
            first = app.final_amount // 2
            for n, amount in enumerate((first, app.final_amount - first), start=1):
                services.payment_record(
                    application=app,
                    by=staff,
                    paid_on=day + dt.timedelta(days=260 + 20 * n),
                    amount=amount,
                    reference=f"UNC {app.pk:02d}-{n}",
                )
        if state == stop_at:
            break
    if detour:
        services.application_transition(
            application=app, transition=detour, by=member if detour == "withdraw" else staff, comment=COMMENTS[detour]
        )


def _applications(kon_tum, hau_giang) -> int:
    from accounts.models import Membership, Role
    from enterprises.demo import tax_code
    from enterprises.models import Enterprise

    from . import services
    from .models import Application, CouncilMember, SupportRule

    staff, leaders, council_people = _people()
    policies = {"kon-tum": kon_tum, "hau-giang": hau_giang}
    councils = {
        "kon-tum": _council(
            province=kon_tum.province,
            year=2025,
            name="Hội đồng thẩm định hồ sơ hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng năm 2025",
            number="45/QĐ-SKHCN",
            date=dt.date(2025, 3, 20),
            seats=[
                (staff["kon-tum"], CouncilMember.Role.SECRETARY),
                (leaders.get("kon-tum"), CouncilMember.Role.CHAIR),
                (council_people.get("kon-tum"), CouncilMember.Role.MEMBER),
            ],
        ),
        "hau-giang": _council(
            province=hau_giang.province,
            year=2018,
            name="Hội đồng xét duyệt nội dung và nghiệm thu dự án của doanh nghiệp năm 2018",
            number="12/QĐ-SKHCN",
            date=dt.date(2018, 3, 15),
            seats=[(staff["hau-giang"], CouncilMember.Role.SECRETARY)],
        ),
    }
    created = 0
    for _key, province_key, prefix, category, year, title, quantity, costs, target in APPLICATIONS:
        enterprise = Enterprise.objects.get(tax_code=tax_code(prefix))
        if Application.objects.filter(enterprise=enterprise, title=title).exists():
            continue
        member = (
            Membership.objects.filter(enterprise=enterprise, role=Role.ENTERPRISE_MEMBER, is_active=True)
            .select_related("user")
            .order_by("pk")
            .first()
            .user
        )
        rule = SupportRule.objects.get(policy=policies[province_key], category__code=category)
        app = services.application_create(
            by=member,
            enterprise=enterprise,
            rule=rule,
            budget_year=year,
            title=title,
            description="Hồ sơ mẫu (dữ liệu minh họa).",
            quantity=quantity,
            counterpart_funds=sum(estimate for _kind, estimate, _actual in costs) // 2,
        )
        actuals: dict[int, int] = {}
        for kind, estimate, actual in costs:
            item = services.cost_item_add(application=app, by=member, kind=kind, estimated_amount=estimate)
            actuals[item.pk] = actual
        for kind, filename in DOSSIER:
            _upload(app, member, kind, filename)
        _drive(app, target, actuals=actuals, member=member, staff=staff[province_key], council=councils[province_key])
        created += 1
    return created


def load() -> str:
    kon_tum = kon_tum_policy()
    hau_giang = hau_giang_policy()
    _allocations(kon_tum, hau_giang)
    created = _applications(kon_tum, hau_giang)
    return f"2 support policies, {len(APPLICATIONS)} demo applications ({created} new)"
