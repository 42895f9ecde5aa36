import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from accounts import access
from accounts.models import AuditEntry, Membership, Notification, Role, User
from enterprises import selectors, services
from enterprises.models import Award, Certificate, Enterprise, EnterpriseClaim
from enterprises.sizes import SizeClass
from tests.accounts.factories import make_user
from tests.enterprises.factories import (
    BILLION,
    make_certificate,
    make_claim,
    make_enterprise,
    make_member,
    next_tax_code,
    province,
    sector,
)

pytestmark = pytest.mark.django_db

PASSWORD = "Ngoc-Linh-2025!sam"


def _audit(instance, action=None):
    qs = AuditEntry.objects.filter(content_type=ContentType.objects.get_for_model(instance), object_id=str(instance.pk))
    return qs.filter(action=action) if action else qs


def _registration(**overrides):
    data = {
        "email": "ketoan@ngoclinh.vn",
        "password": PASSWORD,
        "full_name": "Nguyễn Thị Thu Hà",
        "tax_code": "0100233488",
        "position": "Kế toán trưởng",
        "enterprise_data": {
            "name": "Công ty Cổ phần Dược liệu Ngọc Linh",
            "kind": Enterprise.Kind.COMPANY,
            "ownership": Enterprise.Ownership.PRIVATE,
            "main_sector": sector("C"),
            "other_sectors": [sector("A")],
            "employees": 120,
            "revenue": 150 * BILLION,
            "capital": 80 * BILLION,
            "province": province("quang-ngai-2025"),
            "address": "128 Trần Hưng Đạo",
        },
    }
    data.update(overrides)
    return data


# --- Registration ------------------------------------------------------------------------------


def test_registering_a_new_tax_code_creates_the_account_the_enterprise_pending_and_a_membership(
    django_capture_on_commit_callbacks,
):
    staff = make_user(role=Role.PROVINCE_STAFF, province=province("quang-ngai-2025"))
    old_province_staff = make_user(role=Role.PROVINCE_STAFF, province=province("kon-tum"))

    with django_capture_on_commit_callbacks(execute=True):
        result = services.enterprise_register(**_registration())

    enterprise = Enterprise.objects.get(tax_code="0100233488")
    assert result.enterprise == enterprise and result.claim is None
    assert enterprise.status == Enterprise.Status.PENDING
    # Manufacturing, 120 employees, revenue 150 bn: not small (> 100 employees), medium (<= 200, <= 200 bn).
    assert enterprise.size_class == SizeClass.MEDIUM
    assert list(enterprise.other_sectors.values_list("code", flat=True)) == ["A"]
    user = User.objects.get(email="ketoan@ngoclinh.vn")
    assert user.check_password(PASSWORD)
    membership = Membership.objects.get(user=user)
    assert (membership.role, membership.enterprise, membership.is_active) == (Role.ENTERPRISE_MEMBER, enterprise, True)
    assert access.principal_for(user).enterprise_ids == {enterprise.pk}
    assert _audit(enterprise, AuditEntry.Action.CREATE).get().province_id == enterprise.province_id
    # The staff of the enterprise's province are told; staff of a predecessor province are not.
    assert Notification.objects.filter(user=staff).count() == 1
    assert not Notification.objects.filter(user=old_province_staff).exists()
    assert [m.to for m in mail.outbox] == [[staff.email]]


def test_registering_a_tax_code_already_on_file_creates_a_claim_and_never_attaches_the_person(
    django_capture_on_commit_callbacks,
):
    enterprise = make_enterprise(province_key="kon-tum")
    member = make_member(enterprise)
    staff = make_user(role=Role.PROVINCE_STAFF, province=province("kon-tum"))
    successor_staff = make_user(role=Role.PROVINCE_STAFF, province=province("quang-ngai-2025"))
    other_staff = make_user(role=Role.PROVINCE_STAFF, province=province("hau-giang"))

    with django_capture_on_commit_callbacks(execute=True):
        result = services.enterprise_register(
            **_registration(tax_code=enterprise.tax_code, enterprise_data={}, message="Tôi là kế toán mới")
        )

    assert result.enterprise is None
    claim = EnterpriseClaim.objects.get()
    assert (claim.user, claim.enterprise, claim.status) == (result.user, enterprise, EnterpriseClaim.Status.PENDING)
    assert claim.message == "Tôi là kế toán mới"
    assert Enterprise.objects.count() == 1
    assert not Membership.objects.filter(user=result.user).exists()
    assert access.principal_for(result.user).enterprise_ids == frozenset()
    # Flagged for the staff of the province and of the province it was merged into; members are not told.
    told = set(Notification.objects.values_list("user_id", flat=True))
    assert told == {staff.pk, successor_staff.pk}
    assert other_staff.pk not in told and member.pk not in told
    assert sorted(to for m in mail.outbox for to in m.to) == sorted([staff.email, successor_staff.email])
    assert _audit(claim, AuditEntry.Action.CREATE).exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"email": "taken@example.vn"}, "email"),
        ({"password": "12345678"}, None),  # too common and numeric
        ({"tax_code": "0100233480"}, None),  # wrong check digit
    ],
)
def test_bad_registration_changes_nothing(overrides, field):
    make_user(email="taken@example.vn")
    users_before = User.objects.count()

    with pytest.raises(ValidationError) as caught:
        services.enterprise_register(**_registration(**overrides))

    if field:
        assert field in caught.value.message_dict
    assert User.objects.count() == users_before
    assert not Enterprise.objects.exists()
    assert not Membership.objects.exists()
    assert not AuditEntry.objects.exists()


def test_registration_must_choose_a_current_province():
    data = _registration()
    data["enterprise_data"]["province"] = province("kon-tum")  # merged into Quảng Ngãi on 1 July 2025

    with pytest.raises(ValidationError) as caught:
        services.enterprise_register(**data)

    assert caught.value.message_dict["province"] == ["Chọn một tỉnh, thành phố theo địa giới hành chính hiện nay."]
    assert not User.objects.exists()
    assert not Enterprise.objects.exists()


# --- Profile -----------------------------------------------------------------------------------


def test_update_recomputes_the_size_class_and_records_what_changed():
    enterprise = make_enterprise(employees=20, revenue=10 * BILLION, capital=5 * BILLION)
    assert enterprise.size_class == SizeClass.SMALL
    member = make_member(enterprise)

    # 150 employees is above the small limit (100) and within medium (200).
    updated = services.enterprise_update(enterprise=enterprise, by=member, data={"employees": 150})

    assert updated.size_class == SizeClass.MEDIUM
    enterprise.refresh_from_db()
    assert enterprise.size_class == SizeClass.MEDIUM
    entry = _audit(enterprise, AuditEntry.Action.UPDATE).get()
    assert entry.changes["employees"] == [20, 150]
    assert entry.changes["size_class"] == ["small", "medium"]
    assert entry.actor == member


def test_update_with_a_trade_sector_changes_the_class_for_the_same_figures():
    enterprise = make_enterprise(sector_code="C", employees=40, revenue=60 * BILLION, capital=30 * BILLION)
    assert enterprise.size_class == SizeClass.MEDIUM

    services.enterprise_update(enterprise=enterprise, by=make_user(), data={"main_sector": sector("G")})

    enterprise.refresh_from_db()
    assert enterprise.size_class == SizeClass.SMALL


def test_editing_a_rejected_registration_sends_it_back_for_verification():
    enterprise = make_enterprise(status=Enterprise.Status.REJECTED)
    staff = make_user(role=Role.PROVINCE_STAFF, province=enterprise.province)
    member = make_member(enterprise)

    services.enterprise_update(enterprise=enterprise, by=member, data={"address": "02 Lê Lợi"})

    enterprise.refresh_from_db()
    assert (enterprise.status, enterprise.status_reason, enterprise.address) == ("pending", "", "02 Lê Lợi")
    assert Notification.objects.filter(user=staff).count() == 1


def test_update_refuses_fields_outside_the_profile():
    enterprise = make_enterprise(status=Enterprise.Status.PENDING)
    with pytest.raises(ValueError):
        services.enterprise_update(enterprise=enterprise, by=make_user(), data={"status": "verified"})
    enterprise.refresh_from_db()
    assert enterprise.status == Enterprise.Status.PENDING


# --- Verification ------------------------------------------------------------------------------


def test_verification_records_who_and_when_writes_audit_and_tells_the_members(django_capture_on_commit_callbacks):
    enterprise = make_enterprise(status=Enterprise.Status.PENDING)
    member = make_member(enterprise)
    staff = make_user(role=Role.PROVINCE_STAFF, province=enterprise.province)

    with django_capture_on_commit_callbacks(execute=True):
        services.enterprise_verify(enterprise=enterprise, by=staff)

    enterprise.refresh_from_db()
    assert enterprise.status == Enterprise.Status.VERIFIED
    assert enterprise.verified_by == staff and enterprise.verified_at is not None
    entry = _audit(enterprise, AuditEntry.Action.TRANSITION).get()
    assert entry.changes["status"] == ["pending", "verified"] and entry.actor == staff
    assert Notification.objects.get(user=member).title == f"{enterprise.name} đã được xác minh"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [member.email]
    assert selectors.enterprise_can_apply(enterprise) == (True, "")


def test_rejection_needs_a_reason_and_changes_nothing_without_one():
    enterprise = make_enterprise(status=Enterprise.Status.PENDING)
    staff = make_user(role=Role.PROVINCE_STAFF, province=enterprise.province)

    with pytest.raises(ValidationError):
        services.enterprise_reject(enterprise=enterprise, by=staff, reason="   ")

    enterprise.refresh_from_db()
    assert enterprise.status == Enterprise.Status.PENDING
    assert not AuditEntry.objects.exists()


def test_rejection_records_the_reason_and_emails_the_members(django_capture_on_commit_callbacks):
    enterprise = make_enterprise(status=Enterprise.Status.PENDING)
    member = make_member(enterprise)
    staff = make_user(role=Role.PROVINCE_STAFF, province=enterprise.province)

    with django_capture_on_commit_callbacks(execute=True):
        services.enterprise_reject(enterprise=enterprise, by=staff, reason="Mã số thuế không khớp giấy phép")

    enterprise.refresh_from_db()
    assert (enterprise.status, enterprise.status_reason) == ("rejected", "Mã số thuế không khớp giấy phép")
    assert _audit(enterprise, AuditEntry.Action.TRANSITION).get().comment == "Mã số thuế không khớp giấy phép"
    assert mail.outbox[0].to == [member.email]
    assert "Mã số thuế không khớp giấy phép" in mail.outbox[0].body
    allowed, reason = selectors.enterprise_can_apply(enterprise)
    assert not allowed and "Mã số thuế không khớp giấy phép" in reason


def test_suspension_and_lifting_it(django_capture_on_commit_callbacks):
    enterprise = make_enterprise(status=Enterprise.Status.VERIFIED)
    member = make_member(enterprise)
    staff = make_user(role=Role.PROVINCE_STAFF, province=enterprise.province)

    with django_capture_on_commit_callbacks(execute=True):
        services.enterprise_suspend(enterprise=enterprise, by=staff, reason="Ngừng sử dụng hóa đơn")

    enterprise.refresh_from_db()
    assert enterprise.status == Enterprise.Status.SUSPENDED
    assert selectors.enterprise_can_apply(enterprise) == (
        False,
        "Doanh nghiệp đang bị tạm đình chỉ: Ngừng sử dụng hóa đơn",
    )
    assert mail.outbox[-1].to == [member.email]

    services.enterprise_verify(enterprise=enterprise, by=staff)
    enterprise.refresh_from_db()
    assert (enterprise.status, enterprise.status_reason) == ("verified", "")
    assert _audit(enterprise, AuditEntry.Action.TRANSITION).count() == 2


@pytest.mark.parametrize(
    ("status", "action"),
    [
        (Enterprise.Status.PENDING, "suspend"),
        (Enterprise.Status.VERIFIED, "verify"),
        (Enterprise.Status.VERIFIED, "reject"),
        (Enterprise.Status.REJECTED, "suspend"),
    ],
)
def test_transitions_not_in_the_table_are_refused(status, action):
    enterprise = make_enterprise(status=status)
    staff = make_user(role=Role.PROVINCE_STAFF, province=enterprise.province)
    service = {
        "verify": services.enterprise_verify,
        "reject": services.enterprise_reject,
        "suspend": services.enterprise_suspend,
    }[action]
    kwargs = {} if action == "verify" else {"reason": "Lý do"}

    with pytest.raises(ValidationError):
        service(enterprise=enterprise, by=staff, **kwargs)

    enterprise.refresh_from_db()
    assert enterprise.status == status
    assert not AuditEntry.objects.exists()


def test_a_pending_enterprise_cannot_apply():
    allowed, reason = selectors.enterprise_can_apply(make_enterprise(status=Enterprise.Status.PENDING))
    assert not allowed
    assert reason == "Hồ sơ đăng ký của doanh nghiệp chưa được Sở Khoa học và Công nghệ xác minh."


# --- Claims and members ------------------------------------------------------------------------


def test_approving_a_claim_creates_an_active_membership_and_tells_everyone(django_capture_on_commit_callbacks):
    enterprise = make_enterprise()
    colleague = make_member(enterprise)
    claim = make_claim(enterprise)
    staff = make_user(role=Role.PROVINCE_STAFF, province=enterprise.province)

    with django_capture_on_commit_callbacks(execute=True):
        services.claim_approve(claim=claim, by=staff)

    claim.refresh_from_db()
    assert (claim.status, claim.decided_by) == (EnterpriseClaim.Status.APPROVED, staff)
    assert Membership.objects.get(user=claim.user).enterprise == enterprise
    assert access.principal_for(User.objects.get(pk=claim.user.pk)).enterprise_ids == {enterprise.pk}
    assert {to for m in mail.outbox for to in m.to} == {claim.user.email, colleague.email}
    assert _audit(claim, AuditEntry.Action.TRANSITION).exists()


def test_a_decided_claim_cannot_be_decided_again():
    claim = make_claim(make_enterprise())
    staff = make_user(role=Role.PROVINCE_STAFF, province=claim.enterprise.province)
    services.claim_reject(claim=claim, by=staff, reason="Không làm việc tại doanh nghiệp")

    with pytest.raises(ValidationError):
        services.claim_approve(claim=claim, by=staff)

    assert not Membership.objects.filter(user=claim.user).exists()
    claim.refresh_from_db()
    assert (claim.status, claim.reason) == ("rejected", "Không làm việc tại doanh nghiệp")


def test_claim_rejection_needs_a_reason():
    claim = make_claim(make_enterprise())
    with pytest.raises(ValidationError):
        services.claim_reject(claim=claim, by=make_user(), reason="")
    claim.refresh_from_db()
    assert claim.status == EnterpriseClaim.Status.PENDING


def test_adding_a_member_by_email_creates_the_account_and_emails_a_password_link(django_capture_on_commit_callbacks):
    enterprise = make_enterprise()
    staff = make_user(role=Role.PROVINCE_STAFF, province=enterprise.province)

    with django_capture_on_commit_callbacks(execute=True):
        membership = services.enterprise_member_add(
            enterprise=enterprise, by=staff, email="Moi@NgocLinh.vn", full_name="Trần Văn Mới", position="Kỹ sư"
        )

    user = User.objects.get(email="moi@ngoclinh.vn")
    assert membership.user == user and membership.enterprise == enterprise and membership.is_active
    assert not user.has_usable_password()
    assert mail.outbox[0].to == ["moi@ngoclinh.vn"]
    assert "/tai-khoan/dat-lai-mat-khau/" in mail.outbox[0].body
    assert _audit(membership, AuditEntry.Action.CREATE).get().province_id == enterprise.province_id


def test_adding_an_existing_person_notifies_them_and_twice_is_refused():
    enterprise = make_enterprise()
    staff = make_user(role=Role.PROVINCE_STAFF, province=enterprise.province)
    person = make_user(email="co@example.vn")

    services.enterprise_member_add(enterprise=enterprise, by=staff, email="co@example.vn")
    with pytest.raises(ValidationError) as caught:
        services.enterprise_member_add(enterprise=enterprise, by=staff, email="co@example.vn")

    assert "email" in caught.value.message_dict
    assert Membership.objects.filter(user=person).count() == 1
    assert Notification.objects.filter(user=person).count() == 1


def test_adding_someone_new_needs_their_name():
    enterprise = make_enterprise()
    with pytest.raises(ValidationError) as caught:
        services.enterprise_member_add(enterprise=enterprise, by=make_user(), email="new@example.vn")
    assert "full_name" in caught.value.message_dict
    assert not User.objects.filter(email="new@example.vn").exists()


def test_a_person_may_be_member_of_two_enterprises():
    first, second = make_enterprise(), make_enterprise()
    person = make_member(first)
    services.enterprise_member_add(enterprise=second, by=make_user(), email=person.email)
    assert access.principal_for(User.objects.get(pk=person.pk)).enterprise_ids == {first.pk, second.pk}


def test_removing_a_member_ends_their_reach_writes_audit_and_tells_them():
    enterprise = make_enterprise()
    staff = make_user(role=Role.PROVINCE_STAFF, province=enterprise.province)
    person = make_member(enterprise)
    membership = Membership.objects.get(user=person, enterprise=enterprise)

    services.enterprise_member_remove(membership=membership, by=staff, reason="Đã nghỉ việc tại công ty.")

    membership.refresh_from_db()
    assert not membership.is_active
    assert access.principal_for(User.objects.get(pk=person.pk)).enterprise_ids == set()
    assert not selectors.enterprise_member_users(enterprise=enterprise).filter(pk=person.pk).exists()
    entry = _audit(membership, AuditEntry.Action.UPDATE).get()
    assert (entry.actor, entry.changes, entry.comment) == (
        staff,
        {"is_active": [True, False]},
        "Đã nghỉ việc tại công ty.",
    )
    assert entry.province_id == enterprise.province_id
    note = Notification.objects.get(user=person)
    assert note.title == f"Bạn không còn là thành viên của {enterprise.name}"
    assert "Lý do: Đã nghỉ việc tại công ty." in note.body


def test_removing_twice_is_refused_and_adding_again_restores_the_membership():
    enterprise = make_enterprise()
    staff = make_user(role=Role.PROVINCE_STAFF, province=enterprise.province)
    person = make_member(enterprise)
    membership = Membership.objects.get(user=person, enterprise=enterprise)
    services.enterprise_member_remove(membership=membership, by=staff)

    with pytest.raises(ValidationError):
        services.enterprise_member_remove(membership=membership, by=staff)
    services.enterprise_member_add(enterprise=enterprise, by=staff, email=person.email)

    assert Membership.objects.filter(user=person, enterprise=enterprise).get().is_active
    assert _audit(membership).count() == 2


def test_only_an_enterprise_membership_can_be_removed_as_a_member():
    staff = make_user(role=Role.PROVINCE_STAFF, province=province("kon-tum"))
    with pytest.raises(ValidationError):
        services.enterprise_member_remove(membership=staff.memberships.get(), by=make_user())
    assert staff.memberships.get().is_active


# --- Certificates and awards -------------------------------------------------------------------


def test_certificate_create_update_delete_each_write_an_audit_row():
    enterprise = make_enterprise()
    member = make_member(enterprise)
    data = {
        "standard": Certificate.Standard.ISO_14001,
        "other_standard": "",
        "number": "EMS-01",
        "certification_body": "QUACERT",
        "issued_on": dt.date(2024, 3, 1),
        "expires_on": dt.date(2027, 2, 28),
    }

    certificate = services.certificate_create(enterprise=enterprise, by=member, data=data)
    services.certificate_update(certificate=certificate, by=member, data={**data, "number": "EMS-02"})
    entry = _audit(certificate, AuditEntry.Action.UPDATE).get()
    pk = certificate.pk
    services.certificate_delete(certificate=certificate, by=member)

    assert entry.changes == {"number": ["EMS-01", "EMS-02"]}
    assert list(AuditEntry.objects.filter(object_id=str(pk)).order_by("id").values_list("action", flat=True)) == [
        "create",
        "update",
        "delete",
    ]
    assert not Certificate.objects.exists()


def test_a_certificate_expiring_before_its_issue_is_refused():
    enterprise = make_enterprise()
    data = {
        "standard": Certificate.Standard.ISO_9001,
        "number": "QMS-1",
        "certification_body": "QUACERT",
        "issued_on": dt.date(2024, 3, 1),
        "expires_on": dt.date(2024, 3, 1),
    }
    with pytest.raises(ValidationError) as caught:
        services.certificate_create(enterprise=enterprise, by=make_user(), data=data)
    assert "Ngày hết hạn phải sau ngày cấp." in caught.value.messages
    assert not Certificate.objects.exists() and not AuditEntry.objects.exists()


@pytest.mark.parametrize(
    ("result", "score", "valid"),
    [
        (Award.Result.ENTRANT, 420, True),
        (Award.Result.AWARD, 600, True),
        (Award.Result.AWARD, 599, False),
        (Award.Result.GOLD, 800, True),
        (Award.Result.GOLD, 799, False),
        (Award.Result.GOLD, None, True),
        (Award.Result.ENTRANT, 1001, False),
    ],
)
def test_award_score_must_match_its_result(result, score, valid):
    enterprise = make_enterprise()
    data = {"year": 2023, "result": result, "score": score, "note": ""}
    if valid:
        services.award_create(enterprise=enterprise, by=make_user(), data=data)
        assert Award.objects.count() == 1
    else:
        with pytest.raises(ValidationError):
            services.award_create(enterprise=enterprise, by=make_user(), data=data)
        assert not Award.objects.exists()


# --- Database constraints ------------------------------------------------------------------------


def test_membership_constraint_ties_the_enterprise_to_the_enterprise_member_role():
    enterprise = make_enterprise()
    user = make_user()
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=user, role=Role.ENTERPRISE_MEMBER)
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            user=user, role=Role.PROVINCE_STAFF, province=enterprise.province, enterprise=enterprise
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(user=user, role=Role.MINISTRY, enterprise=enterprise)


@pytest.mark.parametrize(
    "values",
    [
        {"revenue": -1},
        {"capital": -1},
        {"ocop_stars": 6},
        {"size_class": "huge"},
        {"tax_code": "0100233488-"},
        {"status": "verified", "verified_at": None},
        {"status": "rejected", "status_reason": ""},
    ],
)
def test_enterprise_constraints_refuse_impossible_rows(values):
    enterprise = make_enterprise(status=Enterprise.Status.PENDING)
    for name, value in values.items():
        setattr(enterprise, name, value)
    with pytest.raises(IntegrityError), transaction.atomic():
        enterprise.save()


def test_tax_code_is_unique():
    enterprise = make_enterprise()
    with pytest.raises(IntegrityError), transaction.atomic():
        make_enterprise(tax_code=enterprise.tax_code)
    assert next_tax_code() != enterprise.tax_code


def test_two_results_in_one_year_are_refused_by_the_database():
    enterprise = make_enterprise()
    Award.objects.create(enterprise=enterprise, year=2023, result=Award.Result.ENTRANT)
    with pytest.raises(IntegrityError), transaction.atomic():
        Award.objects.create(enterprise=enterprise, year=2023, result=Award.Result.AWARD, score=650)


def test_certificate_dates_are_checked_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_certificate(make_enterprise(), issued_on=dt.date(2024, 1, 1), expires_on=dt.date(2023, 1, 1))
