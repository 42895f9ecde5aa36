import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Membership, Role, User
from enterprises.models import Certificate, Contact, Enterprise, EnterpriseClaim
from enterprises.sizes import SizeClass
from plans.models import Unit
from tests.accounts.factories import make_user
from tests.enterprises.factories import (
    BILLION,
    make_award,
    make_certificate,
    make_claim,
    make_enterprise,
    make_member,
    province,
    registration_form,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    """A verified Kon Tum enterprise with a certificate, another Kon Tum enterprise, and people in every role."""
    kon_tum = province("kon-tum")
    enterprise = make_enterprise(province_key="kon-tum")
    other = make_enterprise(province_key="kon-tum")
    certificate = make_certificate(enterprise)
    unit = Unit.objects.create(province=kon_tum, name="Sở Công Thương")
    users = {
        "staff": make_user(role=Role.PROVINCE_STAFF, province=kon_tum),
        "leader": make_user(role=Role.PROVINCE_LEADER, province=kon_tum),
        "successor_staff": make_user(role=Role.PROVINCE_STAFF, province=province("quang-ngai-2025")),
        "other_province_staff": make_user(role=Role.PROVINCE_STAFF, province=province("hau-giang")),
        "ministry": make_user(role=Role.MINISTRY),
        "member": make_member(enterprise),
        "other_member": make_member(other),
        "council": make_user(role=Role.COUNCIL_MEMBER, province=kon_tum),
        "reporter": make_user(role=Role.UNIT_REPORTER, unit=unit),
        "nobody": make_user(),
        "admin": make_user(role=Role.ADMINISTRATOR),
    }
    return {"enterprise": enterprise, "other": other, "certificate": certificate, "users": users}


VIEW = {
    "staff": 200,
    "leader": 200,
    "successor_staff": 200,  # Quảng Ngãi (2025) inherits Kon Tum's enterprises
    "other_province_staff": 404,
    "ministry": 200,
    "member": 200,
    "other_member": 404,
    "council": 404,
    "reporter": 404,
    "nobody": 404,
    "admin": 200,
}
CHANGE = {**VIEW, "ministry": 403}


@pytest.mark.parametrize(("role", "expected"), VIEW.items())
def test_profile_page_by_role(client, world, role, expected):
    client.force_login(world["users"][role])
    assert client.get(world["enterprise"].get_absolute_url()).status_code == expected


@pytest.mark.parametrize(("role", "expected"), CHANGE.items())
def test_edit_page_by_role(client, world, role, expected):
    client.force_login(world["users"][role])
    response = client.get(reverse("enterprises:enterprise_edit", args=[world["enterprise"].pk]))
    assert response.status_code == expected


@pytest.mark.parametrize(("role", "expected"), CHANGE.items())
def test_certificate_edit_page_by_role(client, world, role, expected):
    client.force_login(world["users"][role])
    url = reverse("enterprises:certificate_edit", args=[world["enterprise"].pk, world["certificate"].pk])
    assert client.get(url).status_code == expected


def test_a_certificate_of_another_enterprise_is_404_even_under_ones_own_enterprise(client, world):
    """The certificate id is looked up inside the enterprise of the URL: guessing ids leads nowhere."""
    client.force_login(world["users"]["other_member"])
    url = reverse("enterprises:certificate_edit", args=[world["other"].pk, world["certificate"].pk])
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("role", "expected", "verified"),
    [
        ("staff", 302, True),
        ("leader", 302, True),
        ("successor_staff", 302, True),
        ("other_province_staff", 404, False),
        ("ministry", 403, False),
        ("member", 403, False),
        ("other_member", 404, False),
        ("council", 404, False),
        ("nobody", 404, False),
    ],
)
def test_verify_by_role_and_a_denied_verification_changes_nothing(client, world, role, expected, verified):
    enterprise = make_enterprise(province_key="kon-tum", status=Enterprise.Status.PENDING)
    if role == "member":
        Membership.objects.create(user=world["users"]["member"], role=Role.ENTERPRISE_MEMBER, enterprise=enterprise)
    client.force_login(world["users"][role])

    response = client.post(reverse("enterprises:enterprise_verify", args=[enterprise.pk]))

    assert response.status_code == expected
    enterprise.refresh_from_db()
    assert (enterprise.status == Enterprise.Status.VERIFIED) is verified


def test_anonymous_visitors_are_sent_to_sign_in(client, world):
    response = client.get(world["enterprise"].get_absolute_url())
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


def test_ministry_cannot_post_an_edit(client, world):
    client.force_login(world["users"]["ministry"])
    enterprise = world["enterprise"]
    response = client.post(reverse("enterprises:enterprise_edit", args=[enterprise.pk]), {"name": "Đổi tên"})
    assert response.status_code == 403
    enterprise.refresh_from_db()
    assert enterprise.name != "Đổi tên"


def test_member_of_one_enterprise_cannot_delete_another_ones_certificate(client, world):
    client.force_login(world["users"]["other_member"])
    url = reverse("enterprises:certificate_delete", args=[world["enterprise"].pk, world["certificate"].pk])
    assert client.post(url).status_code == 404
    assert Certificate.objects.filter(pk=world["certificate"].pk).exists()


# --- Members --------------------------------------------------------------------------------------


REMOVE_MEMBER = {
    "staff": 302,
    "leader": 302,
    "successor_staff": 302,
    "other_province_staff": 404,
    "ministry": 403,
    "member": 403,  # a member sees the enterprise but cannot remove colleagues
    "other_member": 404,
    "council": 404,
    "reporter": 404,
    "nobody": 404,
    "admin": 302,
}


@pytest.mark.parametrize(("role", "expected"), REMOVE_MEMBER.items())
def test_removing_a_member_by_role_and_a_refused_removal_changes_nothing(client, world, role, expected):
    colleague = make_member(world["enterprise"])
    membership = Membership.objects.get(user=colleague)
    client.force_login(world["users"][role])

    response = client.post(
        reverse("enterprises:member_remove", args=[world["enterprise"].pk, membership.pk]), {"reason": ""}
    )

    assert response.status_code == expected
    membership.refresh_from_db()
    assert membership.is_active is (expected != 302)


def test_staff_remove_a_member_from_the_profile_page_and_the_person_loses_the_enterprise(client, world):
    enterprise, staff, member = world["enterprise"], world["users"]["staff"], world["users"]["member"]
    membership = Membership.objects.get(user=member, enterprise=enterprise)
    client.force_login(staff)
    remove_url = reverse("enterprises:member_remove", args=[enterprise.pk, membership.pk])
    assert remove_url in client.get(enterprise.get_absolute_url()).content.decode()

    confirm = client.get(remove_url)
    assert f"Gỡ {member.full_name} khỏi {enterprise.name}" in confirm.content.decode()
    done = client.post(remove_url, {"reason": "Đã chuyển công tác."}, follow=True)

    assert f"{member.full_name} không còn là thành viên của {enterprise.name}" in done.content.decode()
    assert member.email not in done.content.decode()
    client.force_login(member)
    assert client.get(enterprise.get_absolute_url()).status_code == 404


def test_a_membership_of_another_enterprise_cannot_be_removed_through_this_one(client, world):
    other_membership = Membership.objects.get(user=world["users"]["other_member"])
    client.force_login(world["users"]["staff"])

    url = reverse("enterprises:member_remove", args=[world["enterprise"].pk, other_membership.pk])

    assert client.post(url).status_code == 404
    other_membership.refresh_from_db()
    assert other_membership.is_active


def test_members_cannot_see_the_remove_link_on_their_own_profile(client, world):
    client.force_login(world["users"]["member"])
    page = client.get(world["enterprise"].get_absolute_url()).content.decode()
    assert "/thanh-vien/" not in page


# --- Registration --------------------------------------------------------------------------------


def test_registration_page_is_public(client):
    response = client.get(reverse("enterprises:register"))
    assert response.status_code == 200
    assert "Đăng ký doanh nghiệp" in response.content.decode()


def test_registration_lands_the_member_on_their_profile_awaiting_verification(client):
    response = client.post(reverse("enterprises:register"), registration_form(), follow=True)

    enterprise = Enterprise.objects.get(tax_code="0100233488")
    assert response.redirect_chain[-1][0] == enterprise.get_absolute_url()
    page = response.content.decode()
    assert "Hồ sơ đăng ký đang chờ Sở Khoa học và Công nghệ Quảng Ngãi xác minh." in page
    assert response.context["user"].email == "ha@ngoclinh.vn"
    # Manufacturing, 8 employees, revenue 2.5 bn (typed with dots): micro.
    assert (enterprise.revenue, enterprise.size_class) == (2_500_000_000, SizeClass.MICRO)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"tax_code": "0100233480"}, "Mã số thuế không hợp lệ: chữ số kiểm tra không khớp."),
        ({"tax_code": "12345"}, "Mã số thuế gồm 10 chữ số, hoặc 13 chữ số đối với chi nhánh"),
        ({"email": "taken@example.vn"}, "Đã có tài khoản dùng địa chỉ thư điện tử này."),
        ({"password2": "something-else-1"}, "Hai mật khẩu không giống nhau."),
        ({"name": ""}, "Thông tin này là bắt buộc đối với doanh nghiệp đăng ký mới."),
        ({"revenue": "2,5"}, "Nhập số tiền nguyên theo đồng, ví dụ 3.000.000.000."),
        ({"province": None}, "Thông tin này là bắt buộc đối với doanh nghiệp đăng ký mới."),
    ],
)
def test_bad_registration_shows_the_error_and_changes_nothing(client, overrides, message):
    make_user(email="taken@example.vn")
    users_before = User.objects.count()
    data = {k: v for k, v in registration_form(**overrides).items() if v is not None}

    response = client.post(reverse("enterprises:register"), data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert User.objects.count() == users_before
    assert not Enterprise.objects.exists()


def test_a_province_merged_in_2025_cannot_be_chosen_at_registration(client):
    response = client.post(reverse("enterprises:register"), registration_form(province=province("kon-tum").pk))
    assert response.status_code == 200
    assert "province" in response.context["form"].errors
    assert not Enterprise.objects.exists()


def test_registering_an_existing_tax_code_sends_a_claim_and_does_not_attach(client):
    enterprise = make_enterprise()
    data = registration_form(
        tax_code=enterprise.tax_code, name="", main_sector="", province="", address="", employees=""
    )

    response = client.post(reverse("enterprises:register"), data, follow=True)

    assert response.redirect_chain[-1][0] == reverse("enterprises:claim_submitted")
    user = User.objects.get(email="ha@ngoclinh.vn")
    assert EnterpriseClaim.objects.get().user == user
    assert not Membership.objects.filter(user=user).exists()
    assert client.get(enterprise.get_absolute_url()).status_code == 404


# --- Staff pages -----------------------------------------------------------------------------------


def test_enterprise_list_shows_only_the_staffs_province_and_filters(client):
    mine = make_enterprise(province_key="hau-giang", name="Hợp tác xã Khóm Cầu Đúc", status="pending")
    make_enterprise(province_key="hau-giang", name="Công ty Thủy sản Xanh", status="verified")
    make_enterprise(province_key="kon-tum", name="Công ty Dược liệu Kon Tum")
    client.force_login(make_user(role=Role.PROVINCE_STAFF, province=province("hau-giang")))
    url = reverse("enterprises:enterprise_list")

    page = client.get(url).content.decode()
    assert "Khóm Cầu Đúc" in page and "Thủy sản Xanh" in page and "Dược liệu Kon Tum" not in page

    page = client.get(url, {"status": "pending"}).content.decode()
    assert "Khóm Cầu Đúc" in page and "Thủy sản Xanh" not in page

    page = client.get(url, {"q": mine.tax_code[:6]}).content.decode()
    assert "Khóm Cầu Đúc" in page

    page = client.get(url, {"q": "không có"}).content.decode()
    assert "Không có doanh nghiệp nào phù hợp với bộ lọc." in page


def test_successor_province_filter_includes_the_merged_provinces(client):
    make_enterprise(province_key="kon-tum", name="Dược liệu Kon Tum")
    make_enterprise(province_key="quang-ngai-2025", name="Muối Sa Huỳnh")
    client.force_login(make_user(role=Role.MINISTRY))
    page = client.get(
        reverse("enterprises:enterprise_list"), {"province": province("quang-ngai-2025").pk}
    ).content.decode()
    assert "Dược liệu Kon Tum" in page and "Muối Sa Huỳnh" in page


def test_enterprise_list_query_count_does_not_grow_with_rows(client):
    staff = make_user(role=Role.PROVINCE_STAFF, province=province("kon-tum"))
    client.force_login(staff)
    url = reverse("enterprises:enterprise_list")
    for _ in range(2):
        make_enterprise(province_key="kon-tum")
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    for _ in range(20):
        make_enterprise(province_key="kon-tum", sector_code="G")
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert response.context["page"].paginator.count == 22
    assert len(many) == len(few)


def test_detail_query_count_does_not_grow_with_certificates_awards_contacts_and_members(client):
    enterprise = make_enterprise()
    staff = make_user(role=Role.PROVINCE_STAFF, province=enterprise.province)
    client.force_login(staff)

    def fill(n):
        for i in range(n):
            make_certificate(enterprise)
            make_award(enterprise, year=1996 + i + len(enterprise.awards.all()))
            Contact.objects.create(enterprise=enterprise, name=f"Người {i}")
            make_member(enterprise)

    fill(1)
    with CaptureQueriesContext(connection) as few:
        client.get(enterprise.get_absolute_url())
    fill(10)
    with CaptureQueriesContext(connection) as many:
        response = client.get(enterprise.get_absolute_url())
    assert response.status_code == 200
    assert len(response.context["enterprise"].certificates.all()) == 11
    assert len(many) == len(few)


def test_member_edits_their_profile_and_the_size_class_follows(client, world):
    enterprise = world["enterprise"]
    client.force_login(world["users"]["member"])
    url = reverse("enterprises:enterprise_edit", args=[enterprise.pk])
    form = client.get(url).context["form"]
    data = {name: form[name].value() for name in form.fields if name != "other_sectors"}
    data.update({"employees": "250", "revenue": "300.000.000.000", "ocop_stars": "", "tax_code": "0100233488"})

    response = client.post(url, {k: ("" if v is None else v) for k, v in data.items()})

    assert response.status_code == 302
    enterprise.refresh_from_db()
    assert (enterprise.employees, enterprise.size_class) == (250, SizeClass.LARGE)
    assert enterprise.tax_code != "0100233488"  # members cannot change the tax code


def test_certificate_form_shows_the_error_and_creates_nothing(client, world):
    client.force_login(world["users"]["member"])
    url = reverse("enterprises:certificate_add", args=[world["enterprise"].pk])
    data = {
        "standard": "iso_9001",
        "number": "QMS-9",
        "certification_body": "QUACERT",
        "issued_on": "2024-05-01",
        "expires_on": "2024-04-30",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Ngày hết hạn phải sau ngày cấp." in response.content.decode()
    assert not Certificate.objects.filter(number="QMS-9").exists()

    response = client.post(url, {**data, "expires_on": "2027-04-30"})
    assert response.status_code == 302
    assert Certificate.objects.get(number="QMS-9").expires_on == dt.date(2027, 4, 30)


def test_reject_page_needs_a_reason(client, world):
    enterprise = make_enterprise(province_key="kon-tum", status=Enterprise.Status.PENDING)
    client.force_login(world["users"]["staff"])
    url = reverse("enterprises:enterprise_reject", args=[enterprise.pk])

    assert client.post(url, {"reason": ""}).status_code == 200
    enterprise.refresh_from_db()
    assert enterprise.status == Enterprise.Status.PENDING

    assert client.post(url, {"reason": "Giấy phép hết hạn"}).status_code == 302
    enterprise.refresh_from_db()
    assert (enterprise.status, enterprise.status_reason) == ("rejected", "Giấy phép hết hạn")
    page = client.get(enterprise.get_absolute_url()).content.decode()
    assert "Hồ sơ đăng ký bị từ chối." in page and "Giấy phép hết hạn" in page


def test_claims_queue_approve_and_scoping(client, world):
    claim = make_claim(world["enterprise"])
    hau_giang_claim = make_claim(make_enterprise(province_key="hau-giang"))

    client.force_login(world["users"]["staff"])
    page = client.get(reverse("enterprises:claim_list")).content.decode()
    assert claim.user.email in page and hau_giang_claim.user.email not in page
    assert client.post(reverse("enterprises:claim_approve", args=[hau_giang_claim.pk])).status_code == 404
    assert client.post(reverse("enterprises:claim_approve", args=[claim.pk])).status_code == 302
    claim.refresh_from_db()
    assert claim.status == EnterpriseClaim.Status.APPROVED
    assert Membership.objects.filter(user=claim.user, enterprise=world["enterprise"], is_active=True).exists()


@pytest.mark.parametrize("role", ["member", "ministry", "nobody"])
def test_claims_queue_is_for_province_staff_only(client, world, role):
    client.force_login(world["users"][role])
    assert client.get(reverse("enterprises:claim_list")).status_code == 403


def test_member_add_page(client, world):
    client.force_login(world["users"]["staff"])
    url = reverse("enterprises:member_add", args=[world["enterprise"].pk])
    response = client.post(url, {"email": "moi@example.vn", "full_name": "", "position": ""})
    assert response.status_code == 200
    assert "Nhập họ và tên: người này chưa có tài khoản." in response.content.decode()
    assert not User.objects.filter(email="moi@example.vn").exists()

    response = client.post(url, {"email": "moi@example.vn", "full_name": "Người Mới", "position": "Kỹ sư"})
    assert response.status_code == 302
    assert Membership.objects.get(user__email="moi@example.vn").enterprise == world["enterprise"]


def test_member_cannot_add_members(client, world):
    client.force_login(world["users"]["member"])
    url = reverse("enterprises:member_add", args=[world["enterprise"].pk])
    assert client.post(url, {"email": "x@example.vn", "full_name": "X"}).status_code == 403
    assert not User.objects.filter(email="x@example.vn").exists()


def test_enterprise_profile_link_goes_to_the_members_enterprise(client, world):
    client.force_login(world["users"]["member"])
    response = client.get(reverse("enterprises:my_enterprise"))
    assert response["Location"] == world["enterprise"].get_absolute_url()
    page = client.get(world["enterprise"].get_absolute_url()).content.decode()
    assert "Hồ sơ doanh nghiệp" in page  # the navigation link


def test_revenue_is_printed_in_vietnamese_grouping(client, world):
    enterprise = world["enterprise"]
    enterprise.revenue = 150 * BILLION
    enterprise.save()
    client.force_login(world["users"]["staff"])
    assert "150.000.000.000 đồng" in client.get(enterprise.get_absolute_url()).content.decode()


def test_staff_may_move_an_enterprise_only_to_a_current_province_they_reach(client, world):
    enterprise = world["enterprise"]  # in Kon Tum, merged into Quảng Ngãi (2025)
    client.force_login(world["users"]["successor_staff"])
    url = reverse("enterprises:enterprise_edit", args=[enterprise.pk])
    form = client.get(url).context["form"]
    assert set(form.fields["province"].queryset.values_list("key", flat=True)) == {"kon-tum", "quang-ngai-2025"}
    data = {name: form[name].value() for name in form.fields if name != "other_sectors"}
    data = {k: ("" if v is None else v) for k, v in data.items()}

    response = client.post(url, {**data, "province": province("hau-giang").pk})
    assert response.status_code == 200 and "province" in response.context["form"].errors

    response = client.post(url, {**data, "province": province("quang-ngai-2025").pk, "tax_code": "0100 233 488"})
    assert response.status_code == 302
    enterprise.refresh_from_db()
    assert (enterprise.province.key, enterprise.tax_code) == ("quang-ngai-2025", "0100233488")


@pytest.mark.parametrize("model", ["sector", "enterprise", "contact", "certificate", "award", "enterpriseclaim"])
def test_admin_pages_open(client, world, model):
    make_claim(world["enterprise"])
    make_award(world["enterprise"])
    Contact.objects.create(enterprise=world["enterprise"], name="Người liên hệ")
    client.force_login(world["users"]["admin"])
    assert client.get(reverse(f"admin:enterprises_{model}_changelist"), {"q": "a"}).status_code == 200
    assert client.get(reverse(f"admin:enterprises_{model}_add")).status_code == 200
