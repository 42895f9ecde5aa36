"""The sector catalogue: the sections of the Vietnamese economic activity system (VSIC 2018, Decision
27/2018/QĐ-TTg) that enterprises register under, each in its Decree 80/2021/NĐ-CP Art. 5 group."""

from django.db import migrations

PRODUCTION, TRADE_SERVICES = "production", "trade_services"

# (VSIC section, Vietnamese name as in the system, Decree 80 group)
SECTORS = [
    ("A", "Nông nghiệp, lâm nghiệp và thủy sản", PRODUCTION),
    ("B", "Khai khoáng", PRODUCTION),
    ("C", "Công nghiệp chế biến, chế tạo", PRODUCTION),
    ("D", "Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hòa không khí", PRODUCTION),
    ("E", "Cung cấp nước; hoạt động quản lý và xử lý rác thải, nước thải", PRODUCTION),
    ("F", "Xây dựng", PRODUCTION),
    ("G", "Bán buôn và bán lẻ; sửa chữa ô tô, mô tô, xe máy và xe có động cơ khác", TRADE_SERVICES),
    ("H", "Vận tải kho bãi", TRADE_SERVICES),
    ("I", "Dịch vụ lưu trú và ăn uống", TRADE_SERVICES),
    ("J", "Thông tin và truyền thông", TRADE_SERVICES),
    ("K", "Hoạt động tài chính, ngân hàng và bảo hiểm", TRADE_SERVICES),
    ("L", "Hoạt động kinh doanh bất động sản", TRADE_SERVICES),
    ("M", "Hoạt động chuyên môn, khoa học và công nghệ", TRADE_SERVICES),
    ("N", "Hoạt động hành chính và dịch vụ hỗ trợ", TRADE_SERVICES),
    ("P", "Giáo dục và đào tạo", TRADE_SERVICES),
    ("Q", "Y tế và hoạt động trợ giúp xã hội", TRADE_SERVICES),
    ("R", "Nghệ thuật, vui chơi và giải trí", TRADE_SERVICES),
    ("S", "Hoạt động dịch vụ khác", TRADE_SERVICES),
]


def load(apps, schema_editor):
    Sector = apps.get_model("enterprises", "Sector")
    for position, (code, name, group) in enumerate(SECTORS, start=1):
        Sector.objects.update_or_create(code=code, defaults={"name": name, "group": group, "position": position})


def unload(apps, schema_editor):
    apps.get_model("enterprises", "Sector").objects.filter(code__in=[code for code, _n, _g in SECTORS]).delete()


class Migration(migrations.Migration):
    dependencies = [("enterprises", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
