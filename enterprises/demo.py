"""Demo enterprises in Kon Tum, Hậu Giang and the Quảng Ngãi of 2025: every size class, type and
verification status, with certificates, awards, a pending claim and two demo enterprise accounts.

The names and tax codes are made up (valid check digits, computed with python-stdnum). Idempotent."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone

from accounts.models import Membership, Role, User

from .models import Award, Certificate, Contact, Enterprise, EnterpriseClaim, Sector
from .services import enterprise_size_class
from .taxcodes import with_check_digit

BILLION = 1_000_000_000
S, E = Enterprise.Status, Enterprise.Kind

# First nine digits of each tax code (province prefix: 61 Kon Tum, 63 Hậu Giang, 43 Quảng Ngãi).
ENTERPRISES = [
    {
        "prefix": "610021345",
        "name": "Công ty Cổ phần Dược liệu Ngọc Linh Kon Tum",
        "short_name": "NGOC LINH PHARMA",
        "english_name": "Ngoc Linh Kon Tum Medicinal Herbs JSC",
        "kind": E.COMPANY,
        "ownership": Enterprise.Ownership.PRIVATE,
        "sector": "C",
        "other_sectors": ["A", "G"],
        "employees": 120,
        "revenue": 150 * BILLION,
        "capital": 80 * BILLION,
        "province": "kon-tum",
        "commune": "Phường Quyết Thắng",
        "address": "128 Trần Hưng Đạo, thành phố Kon Tum",
        "phone": "0260 3862 118",
        "priority_products": "Cao sâm Ngọc Linh; trà dược liệu túi lọc",
        "ocop_stars": 4,
        "representative": ("Nguyễn Văn Bình", "Tổng Giám đốc"),
        "status": S.VERIFIED,
    },
    {
        "prefix": "610045678",
        "name": "Hợp tác xã Nông nghiệp và Dịch vụ Măng Đen",
        "kind": E.COOPERATIVE,
        "ownership": Enterprise.Ownership.PRIVATE,
        "sector": "A",
        "employees": 8,
        "revenue": 2_500_000_000,
        "capital": 1_800_000_000,
        "province": "kon-tum",
        "commune": "Thị trấn Măng Đen",
        "address": "Thôn Kon Ktu, huyện Kon Plông",
        "priority_products": "Rau, hoa ôn đới; dâu tây Măng Đen",
        "ocop_stars": 3,
        "representative": ("A Thuận", "Giám đốc"),
        "status": S.VERIFIED,
    },
    {
        "prefix": "610078901",
        "name": "Hộ kinh doanh Cà phê Đắk Hà",
        "kind": E.HOUSEHOLD,
        "ownership": Enterprise.Ownership.PRIVATE,
        "sector": "C",
        "employees": 3,
        "revenue": 1_200_000_000,
        "capital": 600_000_000,
        "province": "kon-tum",
        "address": "Tổ dân phố 4, thị trấn Đắk Hà",
        "priority_products": "Cà phê rang xay",
        "representative": ("Lê Thị Sương", "Chủ hộ kinh doanh"),
        "status": S.PENDING,
    },
    {
        "prefix": "610012097",
        "name": "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Kon Tum (demo)",
        "kind": E.ST_ORGANISATION,
        "ownership": Enterprise.Ownership.STATE,
        "sector": "M",
        "employees": 25,
        "revenue": 6 * BILLION,
        "capital": 12 * BILLION,
        "province": "kon-tum",
        "address": "Đường Phan Đình Phùng, thành phố Kon Tum",
        "representative": ("Đỗ Minh Tâm", "Giám đốc"),
        "status": S.REJECTED,
        "reason": "Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ tải lên đã hết hiệu lực; "
        "đề nghị bổ sung bản còn hiệu lực.",
    },
    {
        "prefix": "630011223",
        "name": "Công ty TNHH Thủy sản Hậu Giang Xanh",
        "english_name": "Hau Giang Green Seafood Co., Ltd",
        "kind": E.COMPANY,
        "ownership": Enterprise.Ownership.FDI,
        "sector": "C",
        "other_sectors": ["A"],
        "employees": 650,
        "revenue": 900 * BILLION,
        "capital": 400 * BILLION,
        "province": "hau-giang",
        "commune": "Khu công nghiệp Sông Hậu",
        "address": "Lô C2, KCN Sông Hậu, huyện Châu Thành",
        "priority_products": "Cá tra phi lê đông lạnh; tôm chế biến",
        "representative": ("Park Ji-hoon", "Tổng Giám đốc"),
        "status": S.VERIFIED,
    },
    {
        "prefix": "630033445",
        "name": "Công ty Cổ phần Thương mại Dịch vụ Vị Thanh",
        "kind": E.COMPANY,
        "ownership": Enterprise.Ownership.PRIVATE,
        "sector": "G",
        "employees": 45,
        "revenue": 80 * BILLION,
        "capital": 30 * BILLION,
        "province": "hau-giang",
        "address": "25 Trần Hưng Đạo, thành phố Vị Thanh",
        "representative": ("Trương Văn Lợi", "Giám đốc"),
        "status": S.SUSPENDED,
        "reason": "Doanh nghiệp đang bị cơ quan thuế tạm ngừng sử dụng hóa đơn; tạm dừng xét hỗ trợ đến khi có "
        "văn bản khôi phục.",
    },
    {
        "prefix": "630055667",
        "name": "Hợp tác xã Khóm Cầu Đúc Hỏa Tiến",
        "kind": E.COOPERATIVE,
        "ownership": Enterprise.Ownership.PRIVATE,
        "sector": "A",
        "employees": 12,
        "revenue": 4 * BILLION,
        "capital": 2_500_000_000,
        "province": "hau-giang",
        "commune": "Xã Hỏa Tiến",
        "address": "Ấp Thạnh Hòa, xã Hỏa Tiến, thành phố Vị Thanh",
        "priority_products": "Khóm Cầu Đúc tươi; khóm sấy dẻo",
        "ocop_stars": 4,
        "representative": ("Nguyễn Văn Tư", "Giám đốc"),
        "status": S.VERIFIED,
    },
    {
        "prefix": "630077889",
        "name": "Công ty TNHH MTV Cấp thoát nước Hậu Giang (demo)",
        "kind": E.COMPANY,
        "ownership": Enterprise.Ownership.STATE,
        "sector": "E",
        "employees": 180,
        "revenue": 120 * BILLION,
        "capital": 150 * BILLION,
        "province": "hau-giang",
        "address": "Đường 3 tháng 2, thành phố Vị Thanh",
        "representative": ("Phạm Quốc Việt", "Chủ tịch kiêm Giám đốc"),
        "status": S.PENDING,
    },
    {
        "prefix": "430098765",
        "name": "Công ty Cổ phần Chế biến Nông sản Sa Huỳnh",
        "kind": E.COMPANY,
        "ownership": Enterprise.Ownership.PRIVATE,
        "sector": "C",
        "employees": 60,
        "revenue": 35 * BILLION,
        "capital": 25 * BILLION,
        "province": "quang-ngai-2025",
        "commune": "Phường Sa Huỳnh",
        "address": "Quốc lộ 1A, phường Sa Huỳnh",
        "priority_products": "Muối Sa Huỳnh; nước mắm",
        "representative": ("Võ Thị Hạnh", "Giám đốc"),
        "status": S.PENDING,
    },
]

QUACERT = "Trung tâm Chứng nhận Phù hợp (QUACERT)"
VIETCERT = "Công ty CP Chứng nhận VietCert"
BV = "Bureau Veritas Việt Nam"

# (tax code prefix, standard, other name, number, body, issued, expires)
CERTIFICATES = [
    ("610021345", "iso_9001", "", "VN-QMS-21.0345", QUACERT, "2022-03-15", "2025-03-14"),
    ("610021345", "iso_9001", "", "VN-QMS-25.0112", QUACERT, "2025-03-10", "2028-03-09"),
    ("610021345", "iso_22000", "", "VN-FSMS-23.0078", QUACERT, "2023-06-01", "2026-05-31"),
    ("610045678", "vietgap", "", "VietGAP-TT-22-07-62-0031", VIETCERT, "2024-04-20", "2027-04-19"),
    ("630011223", "iso_9001", "", "SGS-VN-24-9001-118", "SGS Việt Nam", "2024-01-08", "2027-01-07"),
    ("630011223", "iso_14001", "", "SGS-VN-24-14001-052", "SGS Việt Nam", "2024-01-08", "2027-01-07"),
    ("630011223", "haccp", "", "HACCP-2023-HG-009", BV, "2023-09-12", "2026-09-11"),
    ("630011223", "globalgap", "", "GGN 4063061234567", "Control Union Việt Nam", "2025-02-01", "2026-01-31"),
    ("630011223", "other", "BRCGS Food Safety", "BRC-VN-2024-331", BV, "2024-05-20", "2025-05-19"),
    ("630055667", "vietgap", "", "VietGAP-TT-23-05-64-0012", "TT Kỹ thuật TĐC Hậu Giang", "2023-05-10", "2026-05-09"),
    ("630055667", "organic", "", "HC-TCVN11041-24-007", VIETCERT, "2024-08-01", "2025-07-31"),
]

# (tax code prefix, year, result, score, note)
AWARDS = [
    ("610021345", 2021, "entrant", 560, "Tham dự lần đầu"),
    ("610021345", 2023, "award", 640, "Giải thưởng Chất lượng Quốc gia"),
    ("630011223", 2020, "award", 720, ""),
    ("630011223", 2022, "gold", 830, "Giải Vàng Chất lượng Quốc gia"),
]

# (e-mail, full name, enterprise prefix, position)
MEMBERS = [
    ("doanhnghiep.kontum@demo.nscl.vn", "Nguyễn Thị Thu Hà", "610021345", "Trưởng phòng Quản lý chất lượng"),
    ("doanhnghiep2.kontum@demo.nscl.vn", "Y Bluit", "610045678", "Kế toán"),
    ("doanhnghiep.haugiang@demo.nscl.vn", "Lâm Quốc Khánh", "630011223", "Phó Giám đốc sản xuất"),
]
CLAIMANT = ("nhanvien.haugiang@demo.nscl.vn", "Trần Thị Mỹ Duyên", "630055667", "Nhân viên kinh doanh")


def tax_code(prefix: str) -> str:
    code = with_check_digit(prefix)
    if code is None:  # pragma: no cover - the prefixes above were chosen to have a check digit
        raise ValueError(f"no valid tax code starts with {prefix}")
    return code


def _demo_user(email: str, full_name: str) -> User:
    user, created = User.objects.get_or_create(email=email, defaults={"full_name": full_name, "is_demo": True})
    if created:
        user.set_password(settings.DEMO_PASSWORD)
    user.full_name, user.is_demo = full_name, True
    user.save()
    return user


def load() -> str:
    from plans.models import Province

    sectors = {s.code: s for s in Sector.objects.all()}
    provinces = {p.key: p for p in Province.objects.filter(key__in={row["province"] for row in ENTERPRISES})}
    staff = {
        m.province.key: m.user
        for m in Membership.objects.filter(role=Role.PROVINCE_STAFF, is_active=True).select_related("province", "user")
    }
    now = timezone.now()
    by_prefix: dict[str, Enterprise] = {}
    created = 0
    for row in ENTERPRISES:
        main_sector = sectors[row["sector"]]
        status = row["status"]
        verified = status in (S.VERIFIED, S.SUSPENDED)
        name, title = row["representative"]
        enterprise, was_created = Enterprise.objects.update_or_create(
            tax_code=tax_code(row["prefix"]),
            defaults={
                "name": row["name"],
                "short_name": row.get("short_name", ""),
                "english_name": row.get("english_name", ""),
                "kind": row["kind"],
                "ownership": row["ownership"],
                "main_sector": main_sector,
                "employees": row["employees"],
                "revenue": row["revenue"],
                "capital": row["capital"],
                "size_class": enterprise_size_class(
                    main_sector=main_sector, employees=row["employees"], revenue=row["revenue"], capital=row["capital"]
                ),
                "priority_products": row.get("priority_products", ""),
                "ocop_stars": row.get("ocop_stars"),
                "province": provinces[row["province"]],
                "commune": row.get("commune", ""),
                "address": row["address"],
                "phone": row.get("phone", ""),
                "representative_name": name,
                "representative_title": title,
                "status": status,
                "status_reason": row.get("reason", ""),
                "verified_by": staff.get(row["province"]) if verified else None,
                "verified_at": now - dt.timedelta(days=90) if verified else None,
            },
        )
        created += was_created
        enterprise.other_sectors.set([sectors[code] for code in row.get("other_sectors", [])])
        Contact.objects.update_or_create(
            enterprise=enterprise, name=name, defaults={"position": title, "phone": row.get("phone", "")}
        )
        by_prefix[row["prefix"]] = enterprise

    for prefix, standard, other, number, body, issued, expires in CERTIFICATES:
        Certificate.objects.update_or_create(
            enterprise=by_prefix[prefix],
            standard=standard,
            number=number,
            defaults={
                "other_standard": other,
                "certification_body": body,
                "issued_on": dt.date.fromisoformat(issued),
                "expires_on": dt.date.fromisoformat(expires),
            },
        )
    for prefix, year, result, score, note in AWARDS:
        Award.objects.update_or_create(
            enterprise=by_prefix[prefix], year=year, defaults={"result": result, "score": score, "note": note}
        )

    for email, full_name, prefix, position in MEMBERS:
        user = _demo_user(email, full_name)
        Membership.objects.update_or_create(
            user=user,
            role=Role.ENTERPRISE_MEMBER,
            enterprise=by_prefix[prefix],
            defaults={"title": position, "is_active": True},
        )

    email, full_name, prefix, position = CLAIMANT
    claimant = _demo_user(email, full_name)
    EnterpriseClaim.objects.get_or_create(
        user=claimant,
        enterprise=by_prefix[prefix],
        status=EnterpriseClaim.Status.PENDING,
        defaults={
            "position": position,
            "message": "Tôi phụ trách hồ sơ OCOP của hợp tác xã, đề nghị Sở cho tôi quản lý hồ sơ doanh nghiệp.",
        },
    )
    return f"{len(ENTERPRISES)} demo enterprises ({created} new), {len(MEMBERS)} enterprise accounts, 1 pending claim"
