"""The national catalogue of support contents: the items Circular 35/2021/TT-BTC allows the state budget
to support under the programme, plus the contents provincial policies add (industrial property, barcodes,
the National Quality Award, technology innovation, training). Names are data, in Vietnamese."""

from django.db import migrations

CIRCULAR_35 = "Thông tư 35/2021/TT-BTC"

# (code, name, description, legal reference)
CATEGORIES = [
    (
        "management-systems",
        "Xây dựng, áp dụng hệ thống quản lý tiên tiến",
        "Tư vấn, đào tạo, xây dựng và áp dụng các hệ thống quản lý theo tiêu chuẩn quốc gia, quốc tế "
        "(ISO 9001, ISO 14001, ISO 22000, ISO 45001, ISO 50001, ISO 56000, HACCP...).",
        CIRCULAR_35,
    ),
    (
        "improvement-tools",
        "Áp dụng công cụ cải tiến năng suất chất lượng",
        "Tư vấn, đào tạo, áp dụng các mô hình, công cụ cải tiến năng suất chất lượng (5S, Kaizen, Lean, TPM, "
        "KPI, BSC...).",
        CIRCULAR_35,
    ),
    (
        "traceability-gap-organic-green",
        "Truy xuất nguồn gốc, thực hành nông nghiệp tốt (GAP), nông nghiệp hữu cơ, năng suất xanh",
        "Xây dựng và áp dụng hệ thống truy xuất nguồn gốc sản phẩm, hàng hóa; áp dụng thực hành nông nghiệp "
        "tốt (G.A.P), thực hành sản xuất nông nghiệp hữu cơ, năng suất xanh.",
        CIRCULAR_35,
    ),
    (
        "digital-tools",
        "Ứng dụng công nghệ thông tin, công nghệ số trong quản trị; sản xuất thông minh",
        "Ứng dụng công nghệ thông tin, công nghệ số để thiết lập, tối ưu hóa, hiện đại hóa hệ thống quản trị "
        "doanh nghiệp; áp dụng tiêu chuẩn, công cụ hỗ trợ cho sản xuất thông minh, dịch vụ thông minh.",
        CIRCULAR_35,
    ),
    (
        "product-certification",
        "Chứng nhận sản phẩm, hàng hóa",
        "Chứng nhận sản phẩm, hàng hóa phù hợp tiêu chuẩn quốc gia, tiêu chuẩn quốc tế, quy chuẩn kỹ thuật "
        "(chứng nhận hợp chuẩn, hợp quy).",
        CIRCULAR_35,
    ),
    (
        "system-certification",
        "Chứng nhận hệ thống quản lý",
        "Chứng nhận hệ thống quản lý chất lượng, an toàn thực phẩm, môi trường, năng lượng, an toàn và sức "
        "khỏe nghề nghiệp và hệ thống truy xuất nguồn gốc sản phẩm, hàng hóa phù hợp tiêu chuẩn quốc gia, "
        "tiêu chuẩn quốc tế.",
        CIRCULAR_35,
    ),
    (
        "industrial-property",
        "Đăng ký bảo hộ quyền sở hữu công nghiệp",
        "Đăng ký bảo hộ quyền sở hữu công nghiệp: nhãn hiệu, kiểu dáng công nghiệp, sáng chế, giải pháp hữu ích.",
        "",
    ),
    (
        "barcodes",
        "Đăng ký, sử dụng mã số mã vạch",
        "Đăng ký, sử dụng mã số mã vạch cho sản phẩm, hàng hóa.",
        "",
    ),
    (
        "national-quality-award",
        "Tham gia Giải thưởng Chất lượng Quốc gia",
        "Tư vấn xây dựng báo cáo đánh giá theo 7 tiêu chí của Giải thưởng Chất lượng Quốc gia và chi phí xét "
        "tuyển tại Hội đồng sơ tuyển và Hội đồng quốc gia.",
        "",
    ),
    (
        "technology-innovation",
        "Hoàn thiện, đổi mới công nghệ, áp dụng sản xuất sạch hơn",
        "Hoàn thiện, đổi mới công nghệ, đổi mới dây chuyền sản xuất, cải tiến thiết bị, quy trình, áp dụng sản "
        "xuất sạch hơn để nâng cao năng suất chất lượng.",
        "",
    ),
    (
        "training",
        "Đào tạo, tập huấn về năng suất chất lượng",
        "Đào tạo, tập huấn cho doanh nghiệp về tiêu chuẩn, quy chuẩn kỹ thuật, hệ thống quản lý, công cụ cải "
        "tiến năng suất chất lượng.",
        "",
    ),
]


def load(apps, schema_editor):
    SupportCategory = apps.get_model("support", "SupportCategory")
    for position, (code, name, description, reference) in enumerate(CATEGORIES, start=1):
        SupportCategory.objects.update_or_create(
            code=code,
            defaults={"name": name, "description": description, "legal_reference": reference, "position": position},
        )


def unload(apps, schema_editor):
    apps.get_model("support", "SupportCategory").objects.filter(code__in=[c[0] for c in CATEGORIES]).delete()


class Migration(migrations.Migration):
    dependencies = [("support", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
