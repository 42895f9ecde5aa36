"""The import pages: access for every role, the upload's refusals (type, content, size, columns) with translated
messages and nothing stored, the check's page with every invalid row, the confirmation, the templates."""

from __future__ import annotations

import io
import os

import pytest
from django.conf import settings
from django.urls import reverse
from openpyxl import load_workbook

from accounts.models import ImportJob, Role
from enterprises.models import Enterprise
from tests.accounts.factories import make_user
from tests.enterprises.factories import make_enterprise
from tests.imports.factories import ENTERPRISE_HEADERS, csv_bytes, enterprise_row, tax_codes, upload, xlsx_bytes
from tests.plans.factories import make_plan, make_unit, province

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    """One person per role, in Quảng Ngãi (the 2025 province) where a role is held in a province."""
    qn = province("quang-ngai-2025")
    enterprise = make_enterprise(province_key="quang-ngai-2025")
    users = {
        "staff": make_user(role=Role.PROVINCE_STAFF, province=qn),
        "leader": make_user(role=Role.PROVINCE_LEADER, province=qn),
        "council": make_user(role=Role.COUNCIL_MEMBER, province=qn),
        "reporter": make_user(role=Role.UNIT_REPORTER, unit=make_unit(province=qn)),
        "member": make_user(role=Role.ENTERPRISE_MEMBER, enterprise=enterprise),
        "ministry": make_user(role=Role.MINISTRY),
        "nobody": make_user(),
        "other_staff": make_user(role=Role.PROVINCE_STAFF, province=province("hoa-binh")),
    }
    return users


PAGES = {
    # page: (url name, args, roles that may open it)
    "index": ("imports:index", [], {"staff", "leader", "other_staff"}),
    "upload": ("imports:upload", ["enterprises"], {"staff", "leader", "other_staff"}),
    "template": ("imports:template", ["activities"], {"staff", "leader", "other_staff"}),
    "export_plans": ("imports:export_plans", [], {"staff", "leader", "reporter", "ministry", "other_staff"}),
    "export_enterprises": (
        "imports:export_enterprises",
        [],
        {"staff", "leader", "member", "ministry", "other_staff"},
    ),
    "export_applications": ("imports:export_applications", [], {"staff", "leader", "ministry", "other_staff"}),
    "export_budget": ("imports:export_budget", [], {"staff", "leader", "ministry", "other_staff"}),
}
ROLES = ("staff", "leader", "council", "reporter", "member", "ministry", "nobody", "other_staff")


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("role", ROLES)
def test_every_role_reaches_only_the_import_and_export_pages_it_may(client, people, page, role):
    name, args, allowed = PAGES[page]
    client.force_login(people[role])
    response = client.get(reverse(name, args=args), {"format": "csv"} if page.startswith("export") else {})
    assert response.status_code == (200 if role in allowed else 403)


def test_anonymous_visitors_are_sent_to_sign_in(client):
    for name, args, _allowed in PAGES.values():
        response = client.get(reverse(name, args=args))
        assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def _upload(client, kind: str, name: str, content: bytes):
    return client.post(reverse("imports:upload", args=[kind]), {"file": upload(name, content)})


def _stored_files() -> list[str]:
    folder = os.path.join(settings.MEDIA_ROOT, "private", "imports")
    return os.listdir(folder) if os.path.isdir(folder) else []


@pytest.mark.parametrize("role", ["council", "reporter", "member", "ministry", "nobody"])
def test_a_person_who_may_not_import_is_refused_and_nothing_is_stored(client, people, role):
    client.force_login(people[role])
    content = csv_bytes(ENTERPRISE_HEADERS, [enterprise_row(next(tax_codes(1)), 1)])
    assert _upload(client, "enterprises", "dn.csv", content).status_code == 403
    assert not ImportJob.objects.exists() and not Enterprise.objects.filter(name__startswith="Công ty TNHH Nông sản")
    assert _stored_files() == []


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("dn.pdf", b"%PDF-1.4 fake", "Chỉ nhận tệp Excel (.xlsx) và CSV (.csv)."),
        ("dn.xls", b"\xd0\xcf\x11\xe0 old excel", "Không nhận tệp Excel cũ (.xls)"),
        (
            "dn.xlsx",
            b"Ma so thue,Ten\n1,2\n",
            "Nội dung tệp không phải là bảng tính Excel (XLSX), dù tên tệp ghi như vậy.",
        ),
        ("dn.csv", xlsx_bytes(["a"], [[1]]), "Nội dung tệp không phải là văn bản CSV, dù tên tệp ghi như vậy."),
        ("dn.csv", "Mã số thuế,Tên doanh nghiệp\n".encode(), "Tệp có dòng tiêu đề nhưng không có dòng dữ liệu nào."),
        (
            "dn.csv",
            "Mã số thuế,Tên doanh nghiệp\n0100233488,Công ty A\n".encode(),
            "Tệp thiếu các cột bắt buộc: “Địa chỉ”, “Tỉnh/Thành phố”",
        ),
    ],
)
def test_a_file_of_the_wrong_type_or_shape_is_refused_with_a_translated_message(client, people, name, content, message):
    client.force_login(people["staff"])
    response = _upload(client, "enterprises", name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ImportJob.objects.exists()
    assert _stored_files() == []


def test_an_oversized_file_is_refused_and_nothing_is_stored(client, people, settings):
    settings.IMPORT_MAX_BYTES = 1024 * 1024
    codes = tax_codes(12_000)
    content = csv_bytes(ENTERPRISE_HEADERS, [enterprise_row(code, n) for n, code in enumerate(codes)])
    assert len(content) > 1024 * 1024
    client.force_login(people["staff"])
    response = _upload(client, "enterprises", "dn.csv", content)
    assert "Tệp lớn hơn 1 MB: hãy chia thành các tệp nhỏ hơn." in response.content.decode()
    assert not ImportJob.objects.exists() and not Enterprise.objects.filter(name__startswith="Công ty TNHH Nông sản")
    assert _stored_files() == []


def test_the_check_page_lists_the_bad_rows_and_the_corrected_file_is_imported(client, people):
    staff = people["staff"]
    codes = list(tax_codes(3))
    bad = [
        enterprise_row(codes[0], 1),
        enterprise_row(codes[1], 2, **{"Số lao động": -4}),
        enterprise_row(codes[2], 3, **{"Tỉnh/Thành phố": "Hòa Bình"}),
    ]
    client.force_login(staff)
    response = _upload(client, "enterprises", "dn.csv", csv_bytes(ENTERPRISE_HEADERS, bad))
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("imports:job", args=[job.pk])
    page = client.get(response["Location"]).content.decode()
    assert "2 dòng không hợp lệ" in page
    assert "Số không được âm." in page and "Bạn không được nhập doanh nghiệp của Hòa Bình." in page
    assert "Tải lên tệp đã sửa" in page and reverse("imports:job_confirm", args=[job.pk]) not in page

    refused = client.post(reverse("imports:job_confirm", args=[job.pk]), follow=True)
    assert "Tệp có dòng không hợp lệ: không dữ liệu nào được nhập." in refused.content.decode()
    assert not Enterprise.objects.filter(tax_code__in=codes).exists()

    good = [enterprise_row(code, n) for n, code in enumerate(codes, start=1)]
    response = _upload(client, "enterprises", "dn.xlsx", xlsx_bytes(ENTERPRISE_HEADERS, good))
    fixed = ImportJob.objects.latest("pk")
    page = client.get(response["Location"]).content.decode()
    assert "Mọi dòng đều hợp lệ." in page and "Nhập 3 dòng" in page
    assert client.get(reverse("imports:job_progress", args=[fixed.pk])).json()["status"] == "ready"

    done = client.post(reverse("imports:job_confirm", args=[fixed.pk]), follow=True).content.decode()
    assert "Đã nhập: tạo mới 3, cập nhật 0, giữ nguyên 0." in done
    assert Enterprise.objects.filter(tax_code__in=codes).count() == 3
    progress = client.get(reverse("imports:job_progress", args=[fixed.pk])).json()
    assert progress == {
        "status": "done",
        "status_label": "đã nhập từ tệp",
        "done": 3,
        "total": 3,
        "percent": 100,
        "running": False,
    }


def test_a_job_of_another_province_is_not_found_and_cannot_be_confirmed(client, people):
    staff = people["staff"]
    client.force_login(staff)
    code = next(tax_codes(1))
    _upload(client, "enterprises", "dn.csv", csv_bytes(ENTERPRISE_HEADERS, [enterprise_row(code, 1)]))
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.READY

    for role in ("other_staff", "ministry"):
        client.force_login(people[role])
        assert client.get(reverse("imports:job", args=[job.pk])).status_code == 404
        assert client.post(reverse("imports:job_confirm", args=[job.pk])).status_code == 404
    client.force_login(people["leader"])
    assert client.get(reverse("imports:job", args=[job.pk])).status_code == 200  # the same province's leader
    job.refresh_from_db()
    assert job.status == ImportJob.Status.READY and not Enterprise.objects.filter(tax_code=code).exists()


def test_the_template_has_the_headers_and_an_example_row(client, people):
    client.force_login(people["staff"])
    response = client.get(reverse("imports:template", args=["enterprises"]))
    assert response["Content-Disposition"] == 'attachment; filename="mau-nhap-doanh-nghiep.xlsx"'
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    headers = [c.value for c in sheet[1]]
    assert headers[:2] == ["Mã số thuế *", "Tên doanh nghiệp *"] and "Người đại diện" in headers
    assert sheet.cell(row=2, column=1).value == "0100233488"


def test_the_index_lists_the_kinds_and_recent_imports_of_the_province(client, people):
    make_plan(province=province("quang-ngai-2025"))
    client.force_login(people["staff"])
    _upload(client, "enterprises", "dn.csv", csv_bytes(ENTERPRISE_HEADERS, [enterprise_row(next(tax_codes(1)), 1)]))
    page = client.get(reverse("imports:index")).content.decode()
    assert "Doanh nghiệp đã được hỗ trợ trước đây" in page and "Số liệu chỉ số" in page
    assert "dn.csv" in page
    client.force_login(people["other_staff"])
    assert "dn.csv" not in client.get(reverse("imports:index")).content.decode()
