"""Who may open which support page: every page walked with every role (the enterprise's member and another
enterprise's, the province's staff and leader and those of another province or of the merged province, the
assigned council's member and another council's, the Ministry, a unit reporter, nobody signed in), and a
denied POST that changes nothing."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from support import services
from support.choices import Status
from support.models import Application, ApplicationMessage, Attachment, CouncilMember, Review
from tests.support.factories import PDF
from tests.support.page_world import (
    COUNCIL_ACTION,
    ENTERPRISE_ACTION,
    ROLES,
    SHARED_ACTION,
    STAFF_ACTION,
    VIEW,
    make_world,
    statuses_by_role,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return make_world()


def _only(allowed: dict[str, int], default: int = 403) -> dict[str, int]:
    """``default`` for every signed-in role, the login redirect for nobody, and ``allowed`` where given."""
    return {role: 302 if role == "anonymous" else allowed.get(role, default) for role in ROLES}


# --- One application's pages ---------------------------------------------------------------------------------


def test_application_page_by_role(world):
    url = reverse("support:application_detail", args=[world.app.pk])
    assert statuses_by_role(world, lambda c: c.get(url), VIEW) == {}


def test_document_download_by_role(world):
    attachment = world.app.attachments.first()
    url = reverse("support:attachment_download", args=[world.app.pk, attachment.pk])
    assert statuses_by_role(world, lambda c: c.get(url), VIEW) == {}


def test_a_document_is_not_found_under_another_application(world):
    """The document id is looked up within the application of the URL: a guessed pair leads nowhere."""
    attachment = world.app.attachments.first()
    url = reverse("support:attachment_download", args=[world.draft.pk, attachment.pk])
    assert world.client("member").get(url).status_code == 404


def test_edit_page_of_a_draft_by_role(world):
    url = reverse("support:application_edit", args=[world.draft.pk])
    expected = {
        **ENTERPRISE_ACTION,
        "member": 200,
        # Drafts stay with the enterprise and its province: no council sees them.
        "council": 404,
    }
    assert statuses_by_role(world, lambda c: c.get(url), expected) == {}


def test_decision_form_by_role(world):
    url = reverse("support:transition", args=[world.app.pk, "approve"])
    assert (
        statuses_by_role(
            world, lambda c: c.get(url), {**STAFF_ACTION, "staff": 200, "leader": 200, "successor_staff": 200}
        )
        == {}
    )


def test_withdraw_form_by_role(world):
    url = reverse("support:transition", args=[world.app.pk, "withdraw"])
    assert statuses_by_role(world, lambda c: c.get(url), {**ENTERPRISE_ACTION, "member": 200}) == {}


def test_actual_costs_page_by_role(world):
    url = reverse("support:actual_costs", args=[world.app.pk])
    assert statuses_by_role(world, lambda c: c.get(url), SHARED_ACTION) == {}


def test_payment_page_by_role(world):
    url = reverse("support:payment_create", args=[world.app.pk])
    assert (
        statuses_by_role(
            world, lambda c: c.get(url), {**STAFF_ACTION, "staff": 200, "leader": 200, "successor_staff": 200}
        )
        == {}
    )


def test_an_unknown_or_automatic_transition_is_not_found(world):
    client = world.client("staff")
    assert client.get(reverse("support:transition", args=[world.app.pk, "mark_paid"])).status_code == 404
    assert client.get(reverse("support:transition", args=[world.app.pk, "fly"])).status_code == 404


# --- Denied POSTs change nothing -------------------------------------------------------------------------------


def test_a_denied_approval_changes_nothing(world):
    services.review_submit(application=world.app, by=world.people.council_member, score=80, recommendation="approve")
    url = reverse("support:transition", args=[world.app.pk, "approve"])
    data = {
        "decision_number": "15/QĐ-SKHCN",
        "decision_date": "06/05/2025",
        "signer_name": "Trần Văn Minh",
        "approved_amount": "45.000.000",
    }
    for role in ROLES:
        if role in ("staff", "leader", "successor_staff"):
            continue  # allowed: tried last
        assert world.client(role).post(url, data).status_code == STAFF_ACTION[role], role
        world.app.refresh_from_db()
        assert (world.app.status, world.app.approved_amount) == (Status.COUNCIL_REVIEW, None), role
    assert world.client("successor_staff").post(url, data).status_code == 302
    world.app.refresh_from_db()
    assert (world.app.status, world.app.approved_amount) == (Status.APPROVED, 45_000_000)


def test_a_denied_upload_stores_nothing(world):
    url = reverse("support:attachment_upload", args=[world.app.pk])
    for role in ROLES:
        before = Attachment.objects.count()
        response = world.client(role).post(
            url, {"kind": "other", "file": SimpleUploadedFile(f"{role}.pdf", PDF, content_type="application/pdf")}
        )
        expected = {**SHARED_ACTION, "member": 302, "staff": 302, "leader": 302, "successor_staff": 302}[role]
        assert response.status_code == expected, role
        assert Attachment.objects.count() == before + (1 if expected == 302 and role != "anonymous" else 0), role


def test_a_denied_message_is_not_posted(world):
    url = reverse("support:message_post", args=[world.app.pk])
    expected = {**SHARED_ACTION, "member": 302, "staff": 302, "leader": 302, "successor_staff": 302}
    for role in ROLES:
        before = ApplicationMessage.objects.count()
        response = world.client(role).post(url, {"body": f"Tin nhắn của {role}"})
        assert response.status_code == expected[role], role
        sent = 1 if expected[role] == 302 and role != "anonymous" else 0
        assert ApplicationMessage.objects.count() == before + sent, role


def test_a_denied_review_records_nothing(world):
    url = reverse("support:review_submit", args=[world.app.pk])
    expected = {**COUNCIL_ACTION, "council": 302}
    for role in ROLES:
        response = world.client(role).post(url, {"score": "90", "recommendation": "approve", "opinion": role})
        assert response.status_code == expected[role], role
    assert list(Review.objects.filter(application=world.app).values_list("opinion", flat=True)) == ["council"]


def test_a_denied_conflict_declaration_records_nothing(world):
    url = reverse("support:conflict_declare", args=[world.app.pk])
    for role in ROLES:
        if role == "council":
            continue
        response = world.client(role).post(url, {"note": "Tôi tư vấn cho doanh nghiệp"})
        assert response.status_code == COUNCIL_ACTION[role], role
    assert not Review.objects.filter(application=world.app, conflict_of_interest=True).exists()


def test_a_denied_document_removal_removes_nothing(world):
    attachment = world.draft.attachments.first()
    url = reverse("support:attachment_delete", args=[world.draft.pk, attachment.pk])
    expected = {**ENTERPRISE_ACTION, "council": 404}
    for role in ROLES:
        if role == "member":
            continue
        assert world.client(role).post(url).status_code == expected[role], role
        assert Attachment.objects.filter(pk=attachment.pk).exists(), role
    assert world.client("member").post(url).status_code == 302
    assert not Attachment.objects.filter(pk=attachment.pk).exists()


def test_a_denied_submission_leaves_the_draft_a_draft(world):
    url = reverse("support:transition", args=[world.draft.pk, "submit"])
    expected = {**ENTERPRISE_ACTION, "council": 404}
    for role in ROLES:
        if role == "member":
            continue
        assert world.client(role).post(url).status_code == expected[role], role
        assert Application.objects.get(pk=world.draft.pk).status == Status.DRAFT, role


# --- Lists and the province's pages ---------------------------------------------------------------------------

STAFF_LIST = {"staff": 200, "leader": 200, "successor_staff": 200, "other_staff": 200, "other_leader": 200}


@pytest.mark.parametrize(
    ("url_name", "allowed"),
    [
        ("support:application_queue", {**STAFF_LIST, "ministry": 200}),
        ("support:my_applications", {"member": 200, "other_member": 200}),
        ("support:council_reviews", {"council": 200, "other_council": 200}),
        ("support:budget_usage", {**STAFF_LIST, "ministry": 200}),
        ("support:council_list", {**STAFF_LIST, "ministry": 200, "council": 200, "other_council": 200}),
        ("support:council_create", STAFF_LIST),
        ("support:application_create", {"member": 200, "other_member": 200}),
        ("support:policy_create", STAFF_LIST),
        ("support:allocation_create", STAFF_LIST),
        ("support:policy_list", dict.fromkeys(ROLES, 200)),
        ("support:quote", dict.fromkeys(ROLES, 200)),
    ],
)
def test_list_pages_by_role(world, url_name, allowed):
    url = reverse(url_name)
    assert statuses_by_role(world, lambda c: c.get(url), _only(allowed)) == {}


def test_policy_page_by_role(world):
    url = reverse("support:policy_detail", args=[world.app.rule.policy_id])
    assert statuses_by_role(world, lambda c: c.get(url), _only(dict.fromkeys(ROLES, 200))) == {}


def test_policy_and_support_content_forms_by_role(world):
    policy, rule = world.app.rule.policy, world.app.rule
    own = {"staff": 200, "leader": 200, "successor_staff": 200}
    for url in (
        reverse("support:policy_update", args=[policy.pk]),
        reverse("support:rule_create", args=[policy.pk]),
        reverse("support:rule_update", args=[policy.pk, rule.pk]),
    ):
        # Policies are public: whoever may not change this one is told so (403), not that it is missing.
        assert statuses_by_role(world, lambda c, url=url: c.get(url), _only(own)) == {}, url


def test_budget_allocation_form_by_role(world):
    from support.models import BudgetAllocation

    url = reverse("support:allocation_update", args=[BudgetAllocation.objects.get().pk])
    expected = _only(
        {"staff": 200, "leader": 200, "successor_staff": 200, "ministry": 403, "other_staff": 404, "other_leader": 404},
        default=404,
    )
    assert statuses_by_role(world, lambda c: c.get(url), expected) == {}


def test_council_page_by_role(world):
    url = reverse("support:council_detail", args=[world.people.council.pk])
    expected = {
        **VIEW,
        "member": 404,  # the enterprise never sees who sits on the council
        "other_council": 404,
    }
    assert statuses_by_role(world, lambda c: c.get(url), expected) == {}


def test_a_denied_council_seat_is_not_given(world):
    from tests.accounts.factories import make_user

    council = world.people.council
    url = reverse("support:council_member_add", args=[council.pk])
    newcomer = make_user(full_name="Người mới")
    expected = {**VIEW, "member": 404, "other_council": 404, "council": 403, "ministry": 403}
    for role in ROLES:
        if role in ("staff", "leader", "successor_staff"):
            continue
        response = world.client(role).post(url, {"email": newcomer.email, "role": "member"})
        assert response.status_code == expected[role], role
    assert not CouncilMember.objects.filter(user=newcomer).exists()
    assert world.client("leader").post(url, {"email": newcomer.email, "role": "member"}).status_code == 302
    assert CouncilMember.objects.filter(council=council, user=newcomer).exists()


def test_a_denied_payment_is_not_recorded():
    world = make_world(state=Status.ACCEPTED)
    url = reverse("support:payment_create", args=[world.app.pk])
    data = {"paid_on": dt.date.today().isoformat(), "amount": "1.000.000", "reference": "UNC 1"}
    for role in ROLES:
        if role in ("staff", "leader", "successor_staff"):
            continue
        response = world.client(role).post(url, data)
        assert response.status_code == {**STAFF_ACTION}[role], role
        world.app.refresh_from_db()
        assert world.app.paid_total == 0, role
    assert world.client("staff").post(url, data).status_code == 302
    world.app.refresh_from_db()
    assert world.app.paid_total == 1_000_000
