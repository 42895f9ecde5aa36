"""Import of enterprises from the business registry's spreadsheets (django-import-export resource).

A row is found by its tax code: a tax code already on file updates that enterprise (never a duplicate), a new
one creates an enterprise awaiting verification. The size class is recomputed by the enterprises service from
the main sector, employees, revenue and capital. Rows may name only provinces the importer reaches; new
enterprises and moves go to today's provinces. Rows are written in batches (``use_bulk``), each object with an
audit row "import".
"""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import access
from accounts.importing import (
    ChoiceWidget,
    Column,
    EmailWidget,
    LookupWidget,
    PortalResource,
    TextWidget,
    WholeNumberWidget,
    Widget,
    fold,
)
from plans.models import Province

from .models import Enterprise, Sector
from .services import enterprise_size_class
from .taxcodes import normalise_tax_code

# VSIC 2018 divisions (the first two digits of a business line's code) -> section (Sector.code).
_VSIC_SECTIONS: tuple[tuple[int, int, str], ...] = (
    (1, 3, "A"),
    (5, 9, "B"),
    (10, 33, "C"),
    (35, 35, "D"),
    (36, 39, "E"),
    (41, 43, "F"),
    (45, 47, "G"),
    (49, 53, "H"),
    (55, 56, "I"),
    (58, 63, "J"),
    (64, 66, "K"),
    (68, 68, "L"),
    (69, 75, "M"),
    (77, 82, "N"),
    (84, 84, "O"),
    (85, 85, "P"),
    (86, 88, "Q"),
    (90, 93, "R"),
    (94, 96, "S"),
    (97, 98, "T"),
    (99, 99, "U"),
)


def vsic_section(division: int) -> str | None:
    """The VSIC section of a 2-digit division: 10 (food products) -> "C"."""
    for first, last, section in _VSIC_SECTIONS:
        if first <= division <= last:
            return section
    return None


def _tax_code_text(value: Any) -> str:
    """Excel drops the leading zero of a tax code typed as a number (0100233488 -> 100233488): put it back."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        text = str(value)
        return text.zfill(10) if len(text) == 9 else text
    return str(value)


class TaxCodeWidget(Widget):
    def parse(self, value):
        try:
            return normalise_tax_code(_tax_code_text(value))
        except ValidationError as exc:
            raise ValueError(exc.messages[0]) from exc


class KindWidget(ChoiceWidget):
    """The registry's "Loại hình" ("Công ty TNHH một thành viên", "Hợp tác xã", "Hộ kinh doanh" ...) or one of
    the portal's types."""

    KEYWORDS = (
        ("hop tac xa", Enterprise.Kind.COOPERATIVE),
        ("ho kinh doanh", Enterprise.Kind.HOUSEHOLD),
        ("khoa hoc", Enterprise.Kind.ST_ORGANISATION),
        ("cong ty", Enterprise.Kind.COMPANY),
        ("doanh nghiep", Enterprise.Kind.COMPANY),
        ("tnhh", Enterprise.Kind.COMPANY),
        ("co phan", Enterprise.Kind.COMPANY),
    )

    def __init__(self, **kwargs):
        super().__init__(Enterprise.Kind, **kwargs)

    def parse(self, value):
        found = self.table().get(fold(value))
        if found is not None:
            return found
        text = fold(value)
        for keyword, kind in self.KEYWORDS:
            if keyword in text:
                return kind
        return super().parse(value)


OWNERSHIP_ALIASES = {
    "nhà nước": Enterprise.Ownership.STATE,
    "doanh nghiệp nhà nước": Enterprise.Ownership.STATE,
    "tư nhân": Enterprise.Ownership.PRIVATE,
    "ngoài nhà nước": Enterprise.Ownership.PRIVATE,
    "FDI": Enterprise.Ownership.FDI,
    "có vốn đầu tư nước ngoài": Enterprise.Ownership.FDI,
    "vốn đầu tư nước ngoài": Enterprise.Ownership.FDI,
}

_PROVINCE_PREFIX = re.compile(r"^(tinh|thanh pho|tp\.?)\s+")


class EnterpriseResource(PortalResource):
    COLUMNS = (
        Column(
            "Mã số thuế",
            "tax_code",
            TaxCodeWidget(required=True),
            required=True,
            aliases=("MST", "Mã số doanh nghiệp", "Mã số DN", "Mã doanh nghiệp"),
            help=gettext_lazy("10 digits, or 13 for a branch. A tax code already on file updates that enterprise."),
            example="0100233488",
        ),
        Column(
            "Tên doanh nghiệp",
            "name",
            TextWidget(max_length=255, required=True),
            required=True,
            aliases=("Tên", "Tên DN", "Tên doanh nghiệp viết bằng tiếng Việt"),
            example="Công ty TNHH Thực phẩm Sao Mai",
        ),
        Column("Tên viết tắt", "short_name", TextWidget(max_length=100), aliases=("Tên ngắn",), example="Sao Mai Food"),
        Column(
            "Loại hình",
            "kind",
            KindWidget(),
            aliases=("Loại hình doanh nghiệp", "Loại hình DN"),
            help=gettext_lazy("The registry's wording is understood: company, cooperative, household business ..."),
            example="Công ty TNHH hai thành viên trở lên",
        ),
        Column(
            "Sở hữu",
            "ownership",
            ChoiceWidget(Enterprise.Ownership, aliases=OWNERSHIP_ALIASES),
            aliases=("Hình thức sở hữu", "Loại hình sở hữu"),
            help=gettext_lazy("State-owned, private or FDI. Empty: private for a new enterprise."),
            example="tư nhân",
        ),
        Column(
            "Địa chỉ",
            "address",
            TextWidget(max_length=255, required=True),
            required=True,
            aliases=("Địa chỉ trụ sở", "Địa chỉ trụ sở chính"),
            example="Số 12 đường Trần Hưng Đạo",
        ),
        Column(
            "Tỉnh/Thành phố",
            "province",
            LookupWidget("resolve_province", required=True),
            required=True,
            aliases=("Tỉnh", "Tỉnh/TP", "Tỉnh, thành phố", "Tỉnh/thành phố trực thuộc trung ương"),
            help=gettext_lazy("One of today's provinces you work for, e.g. Quảng Ngãi."),
            example="Quảng Ngãi",
        ),
        Column(
            "Xã/Phường",
            "commune",
            TextWidget(max_length=150),
            aliases=("Xã, phường", "Phường/Xã", "Xã/Phường/Đặc khu"),
            example="Phường Kon Tum",
        ),
        Column(
            "Điện thoại", "phone", TextWidget(max_length=30), aliases=("Số điện thoại", "SĐT"), example="0260 3862 123"
        ),
        Column(
            "Email", "email", EmailWidget(max_length=254), aliases=("Thư điện tử", "E-mail"), example="info@saomai.vn"
        ),
        Column(
            "Ngành nghề kinh doanh chính",
            "main_sector",
            LookupWidget("resolve_sector", required=True),
            required=True,
            aliases=("Ngành nghề chính", "Ngành kinh doanh chính", "Mã ngành", "Ngành"),
            help=gettext_lazy("A VSIC code (1079, C10) or section (C), or the section's name."),
            example="1079 - Sản xuất thực phẩm khác chưa được phân vào đâu",
        ),
        Column(
            "Số lao động",
            "employees",
            WholeNumberWidget(required=True, maximum=10_000_000),
            required=True,
            aliases=("Lao động", "Số lao động bình quân"),
            help=gettext_lazy("Average number of employees with social insurance over the last year."),
            example=45,
        ),
        Column(
            "Doanh thu",
            "revenue",
            WholeNumberWidget(required=True, maximum=10**18),
            required=True,
            aliases=("Tổng doanh thu",),
            help=gettext_lazy("Total revenue of the last year, in đồng."),
            example=25_000_000_000,
        ),
        Column(
            "Tổng nguồn vốn",
            "capital",
            WholeNumberWidget(required=True, maximum=10**18),
            required=True,
            aliases=("Nguồn vốn", "Tổng vốn"),
            help=gettext_lazy("In đồng."),
            example=12_000_000_000,
        ),
        Column(
            "Người đại diện",
            "representative_name",
            TextWidget(max_length=150),
            aliases=("Người đại diện theo pháp luật", "Đại diện pháp luật"),
            example="Nguyễn Văn An",
        ),
    )
    AUDITED_FIELDS = (
        "tax_code",
        "name",
        "short_name",
        "kind",
        "ownership",
        "main_sector",
        "employees",
        "revenue",
        "capital",
        "size_class",
        "province",
        "commune",
        "address",
        "phone",
        "email",
        "representative_name",
        "status",
    )

    class Meta:
        model = Enterprise
        use_bulk = True
        batch_size = 1000

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.reach = access.province_ids(self.user, "enterprise.import")  # None: every province
        self._provinces: dict[str, list[Province]] | None = None
        self._province_by_id: dict[int, Province] = {}
        self._sectors: dict[str, Sector] | None = None
        self._sector_by_id: dict[int, Sector] = {}
        self.seen: dict[str, int | None] = {}  # tax code -> sheet row where the file first gave it

    # Lookups, loaded once -----------------------------------------------------------------------------------

    def provinces(self) -> dict[str, list[Province]]:
        if self._provinces is None:
            self._provinces = {}
            for province in Province.objects.select_related("successor").order_by("valid_to", "pk"):
                self._province_by_id[province.pk] = province
                self._provinces.setdefault(fold(province.name), []).append(province)
        return self._provinces

    def resolve_province(self, value) -> Province:
        key = _PROVINCE_PREFIX.sub("", fold(value))
        candidates = self.provinces().get(key)
        if not candidates:
            raise ValueError(_("Unknown province “%(value)s”.") % {"value": value})
        current = [p for p in candidates if p.is_current]
        return (current or candidates)[0]

    def sectors(self) -> dict[str, Sector]:
        if self._sectors is None:
            self._sectors = {s.code: s for s in Sector.objects.all()}
            self._sector_by_id = {s.pk: s for s in self._sectors.values()}
        return self._sectors

    def resolve_sector(self, value) -> Sector:
        sectors = self.sectors()
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        text = str(value).strip()
        if isinstance(value, int):
            text = text.zfill(4) if len(text) == 3 else text.zfill(2)
        code = None
        letter = re.match(r"^([A-Za-z])(?![A-Za-zÀ-ỹ])", text)
        digits = re.match(r"^(\d{2})", text)
        if letter:
            code = letter.group(1).upper()
        elif digits:
            code = vsic_section(int(digits.group(1)))
        else:
            folded = fold(text)
            for sector in sectors.values():
                if fold(sector.name) == folded:
                    return sector
        if code is None:
            raise ValueError(
                _("“%(value)s” is not a VSIC code or sector: write e.g. 1079, C10 or C.") % {"value": value}
            )
        if code not in sectors:
            raise ValueError(_("The sector %(code)s is not in the portal's catalogue of sectors.") % {"code": code})
        return sectors[code]

    # Rows that update existing enterprises ---------------------------------------------------------------------

    def instance_key(self, row: dict) -> str | None:
        value = row.get("Mã số thuế")
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        try:
            return normalise_tax_code(_tax_code_text(value))
        except ValidationError:
            return None

    def existing_instances(self, keys: set) -> dict:
        found: dict[str, Enterprise] = {}
        keys = sorted(keys)
        for start in range(0, len(keys), 5_000):
            for enterprise in Enterprise.objects.filter(tax_code__in=keys[start : start + 5_000]):
                found[enterprise.tax_code] = enterprise
        return found

    def after_init_instance(self, instance, new, row, **kwargs):
        super().after_init_instance(instance, new, row, **kwargs)
        instance._import_province_id = None if new else instance.province_id

    # Rules -----------------------------------------------------------------------------------------------------

    def check_row(self, instance, row, problems, *, failed, row_number):
        def problem(name: str, message: str) -> None:
            problems.setdefault(name, []).append(message)

        original_province_id = getattr(instance, "_import_province_id", None)
        if "tax_code" not in failed:
            first = self.seen.get(instance.tax_code)
            if instance.tax_code in self.seen:
                problem("tax_code", _("This tax code is already in row %(row)s of the file.") % {"row": first})
            else:
                self.seen[instance.tax_code] = self.sheet_row(row_number)
            if original_province_id is not None and not self._reaches(original_province_id):
                province = self._province(original_province_id)
                problem(
                    "tax_code",
                    _("This tax code is an enterprise of %(province)s, which you may not change.")
                    % {"province": province.name if province else "?"},
                )
        if "province" not in failed and "province" in self.present:
            province: Province = instance.province
            if not self._reaches(province.pk):
                problem("province", _("You may not import enterprises of %(province)s.") % {"province": province.name})
            elif not province.is_current and province.pk != original_province_id:
                if province.successor_id:
                    message = _("%(old)s was merged into %(new)s on 01/07/2025: write %(new)s.") % {
                        "old": province.name,
                        "new": province.successor.name,
                    }
                else:
                    message = _("Choose one of today's provinces.")
                problem("province", message)
        if "ownership" not in self.present or row.get("Sở hữu") in (None, ""):
            hint = fold(row.get("Loại hình") or "")
            if "nuoc ngoai" in hint or "fdi" in hint:
                instance.ownership = Enterprise.Ownership.FDI
            elif "nha nuoc" in hint and instance.pk is None:
                instance.ownership = Enterprise.Ownership.STATE

    def _reaches(self, province_id: int) -> bool:
        return self.reach is None or province_id in self.reach

    def _province(self, province_id: int) -> Province | None:
        self.provinces()
        return self._province_by_id.get(province_id)

    def prepare_save(self, instance, row):
        self.sectors()
        instance.size_class = enterprise_size_class(
            main_sector=self._sector_by_id[instance.main_sector_id],
            employees=instance.employees,
            revenue=instance.revenue,
            capital=instance.capital,
        )
        instance.updated_at = timezone.now()
        if instance.pk is None:
            instance.status = Enterprise.Status.PENDING

    def get_bulk_update_fields(self):
        return sorted((self.present - {"tax_code"}) | {"size_class", "ownership", "updated_at"})
