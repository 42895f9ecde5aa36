"""The province's pages: the queue (filters, order, pages), the application's page with exactly the actions
allowed now, the small form of each action, payments, budget usage, councils and policies."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from accounts.audit import history_for
from accounts.models import Role
from support import services
from support.choices import CostKind, Status
from support.models import Application, BudgetAllocation, CouncilMember, Payment
from tests.accounts.factories import make_user
from tests.enterprises.factories import make_enterprise, make_member
from tests.support.factories import (
    MILLION,
    advance,
    make_application,
    make_council,
    make_policy,
    make_rule,
    province,
    scenario,
)

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    return response.content.decode()


@pytest.fixture
def world():
    app, people = scenario()
    return app, people


@pytest.fixture
def staff_client(client, world):
    client.force_login(world[1].staff)
    return client


def _transition(client, app, name, **data):
    return client.post(reverse("support:transition", args=[app.pk, name]), data)


# --- The queue ------------------------------------------------------------------------------------------------


def _queue(client, **params) -> str:
    return _text(client.get(reverse("support:application_queue"), params))


def test_queue_lists_submitted_applications_not_drafts(staff_client, world):
    app, people = world
    draft = make_application(member=people.member, enterprise=app.enterprise, rule=app.rule)
    app = advance(app, Status.SUBMITTED, people)
    text = _queue(staff_client)
    assert app.title in text and draft.title not in text
    assert '<span class="pill warn">Đã nộp</span>' in text
    assert "45.000.000" in text  # the maximum support computed at submission


def test_queue_filters_by_status_content_year_size_sector_and_search(staff_client, world):
    app, people = world
    app = advance(app, Status.SCREENING, people)
    barcode_rule = make_rule(policy=app.rule.policy, category="barcodes", kinds=(CostKind.REGISTRATION_FEES,))
    farm = make_enterprise(sector_code="A", employees=5, revenue=2 * 10**9, capital=1 * 10**9, name="HTX Rau Măng Đen")
    farmer = make_member(farm)
    other = make_application(
        member=farmer, enterprise=farm, rule=barcode_rule, costs=((CostKind.REGISTRATION_FEES, 3 * MILLION),)
    )
    services.application_transition(application=other, transition="submit", by=farmer)

    def titles(**params):
        text = _queue(staff_client, **params)
        return {a.title for a in (app, other) if f'href="/ho-tro/ho-so/{a.pk}/"' in text}

    assert titles() == {app.title, other.title}
    assert titles(status="screening") == {app.title}
    assert titles(category=barcode_rule.category_id) == {other.title}
    assert titles(year="2025") == {app.title, other.title}
    assert titles(year="2024") == set()
    assert titles(size_class="micro") == {other.title}
    assert titles(sector=farm.main_sector_id) == {other.title}
    assert titles(q="Măng Đen") == {other.title}
    assert titles(q=app.enterprise.tax_code) == {app.title}
    empty = _queue(staff_client, q="không có doanh nghiệp này")
    assert "Không có hồ sơ nào phù hợp với bộ lọc." in empty


def test_queue_orders_and_pages(staff_client, world, settings):
    settings.PAGE_SIZE = 2
    app, people = world
    apps = [advance(app, Status.SUBMITTED, people)]
    for _n in range(2):
        extra = make_application(member=people.member, enterprise=app.enterprise, rule=app.rule)
        apps.append(advance(extra, Status.SUBMITTED, people))
    first_page = _queue(staff_client, ordering="-submitted")
    assert apps[2].title in first_page and apps[1].title in first_page and apps[0].title not in first_page
    assert "Trang 1 / 2" in first_page
    assert "ordering=-submitted&amp;page=2" in first_page
    second_page = _queue(staff_client, ordering="-submitted", page="2")
    assert apps[0].title in second_page and apps[2].title not in second_page


def test_queue_empty_state(staff_client):
    assert "Chưa có hồ sơ nào được nộp." in _queue(staff_client)


# --- The application's page: exactly the allowed actions -----------------------------------------------------------


def _action_urls(text: str, app) -> set[str]:
    prefix = f"/ho-tro/ho-so/{app.pk}/thao-tac/"
    found = set()
    for part in text.split(prefix)[1:]:
        found.add(part.split("/", 1)[0])
    return found


@pytest.mark.parametrize(
    ("state", "staff_actions", "member_actions"),
    [
        (Status.SUBMITTED, {"start_screening", "request_changes", "reject"}, {"withdraw"}),
        (Status.SCREENING, {"request_changes", "send_to_council", "reject"}, {"withdraw"}),
        (Status.COUNCIL_REVIEW, {"approve", "reject"}, {"withdraw"}),
        (Status.APPROVED, {"sign_contract", "cancel"}, set()),
        (Status.CONTRACTED, {"start_implementation", "cancel"}, {"start_implementation"}),
        (Status.ACCEPTANCE, {"return_to_implementation", "accept", "cancel"}, set()),
        (Status.ACCEPTED, set(), set()),
    ],
)
def test_the_page_offers_exactly_the_actions_of_the_state_and_the_person(
    client, world, state, staff_actions, member_actions
):
    app, people = world
    app = advance(app, state, people)
    url = reverse("support:application_detail", args=[app.pk])
    client.force_login(people.staff)
    assert _action_urls(_text(client.get(url)), app) == staff_actions
    client.force_login(people.member)
    assert _action_urls(_text(client.get(url)), app) == member_actions
    client.force_login(people.ministry)
    ministry_page = _text(client.get(url))
    assert _action_urls(ministry_page, app) == set()
    assert "Việc có thể làm bây giờ" not in ministry_page


def test_the_staff_page_shows_history_costs_documents_and_the_council_result(staff_client, world):
    app, people = world
    council = make_council(province_obj=province("kon-tum"), seats=3)
    app = advance(app, Status.SCREENING, people)
    services.application_transition(application=app, transition="send_to_council", by=people.staff, council=council)
    seats = list(CouncilMember.objects.filter(council=council).select_related("user").order_by("pk"))
    services.review_submit(application=app, by=seats[0].user, score=80, recommendation="approve", opinion="Tốt")
    services.review_submit(application=app, by=seats[1].user, score=71, recommendation="reject", opinion="Chưa rõ")
    services.conflict_declare(application=app, by=seats[2].user, note="Tư vấn cho doanh nghiệp")
    text = _text(staff_client.get(reverse("support:application_detail", args=[app.pk])))
    council_part = text[text.index('id="council"') : text.index('id="timeline"')]
    assert "Điểm trung bình</dt><dd>75,5" in council_part
    assert "1 đề nghị phê duyệt, 1 đề nghị không phê duyệt" in council_part
    assert str(seats[2].user) in council_part and "Tư vấn cho doanh nghiệp" in council_part
    assert "Chưa rõ" in council_part
    assert "Tư vấn" in text and "60.000.000" in text and "Đánh giá chứng nhận lần đầu" in text
    assert "báo giá" in text.lower()
    assert "Chuyển hội đồng thẩm định" in text and "Bắt đầu rà soát" in text


# --- The forms of the actions ----------------------------------------------------------------------------------------


def test_asking_for_changes_needs_the_reason(staff_client, world):
    app, people = world
    app = advance(app, Status.SUBMITTED, people)
    response = _transition(staff_client, app, "request_changes", comment="")
    assert "Thông tin này là bắt buộc." in _text(response)
    app.refresh_from_db()
    assert app.status == Status.SUBMITTED
    response = _transition(staff_client, app, "request_changes", comment="Thiếu báo giá thứ hai")
    assert response.status_code == 302
    app.refresh_from_db()
    assert app.status == Status.CHANGES_REQUESTED
    assert app.events.last().comment == "Thiếu báo giá thứ hai"


def test_screening_and_sending_to_a_council_of_the_province(staff_client, world):
    app, people = world
    app = advance(app, Status.SUBMITTED, people)
    assert _transition(staff_client, app, "start_screening").status_code == 302
    other_province_council = make_council(province_obj=province("hoa-binh"))
    form = _text(staff_client.get(reverse("support:transition", args=[app.pk, "send_to_council"])))
    assert people.council.name in form and other_province_council.name not in form
    response = _transition(staff_client, app, "send_to_council", council=other_province_council.pk)
    assert "lựa chọn hợp lệ" in _text(response)
    app.refresh_from_db()
    assert (app.status, app.council_id) == (Status.SCREENING, None)
    assert _transition(staff_client, app, "send_to_council", council=people.council.pk).status_code == 302
    app.refresh_from_db()
    assert (app.status, app.council_id) == (Status.COUNCIL_REVIEW, people.council.pk)


def test_a_council_without_members_is_refused_with_its_reason(staff_client, world):
    app, people = world
    app = advance(app, Status.SCREENING, people)
    empty = services.council_create(by=people.staff, province=province("kon-tum"), name="Hội đồng trống", year=2025)
    response = _transition(staff_client, app, "send_to_council", council=empty.pk)
    assert "Hội đồng Hội đồng trống (2025, 1) chưa có thành viên." in _text(response)
    app.refresh_from_db()
    assert app.status == Status.SCREENING


def _decision(**overrides):
    data = {
        "decision_number": "15/QĐ-SKHCN",
        "decision_date": "06/05/2025",
        "signer_name": "Trần Văn Minh",
        "signer_title": "Phó Giám đốc",
        "approved_amount": "45.000.000",
        "comment": "",
    }
    data.update(overrides)
    return data


def _ready_for_decision(world):
    app, people = world
    app = advance(app, Status.COUNCIL_REVIEW, people)
    services.review_submit(application=app, by=people.council_member, score=80, recommendation="approve")
    return app, people


def test_approval_records_the_decision_and_commits_the_budget(staff_client, world):
    app, _people = _ready_for_decision(world)
    form = _text(staff_client.get(reverse("support:transition", args=[app.pk, "approve"])))
    assert 'value="45.000.000"' in form  # the maximum, proposed
    assert "Kinh phí năm 2025 còn lại</dt><dd>500.000.000 đ" in form
    response = _transition(staff_client, app, "approve", **_decision(approved_amount="40.000.000"))
    assert response.status_code == 302
    app.refresh_from_db()
    assert (app.status, app.approved_amount) == (Status.APPROVED, 40 * MILLION)
    assert (app.decision.number, app.decision.decided_on) == ("15/QĐ-SKHCN", dt.date(2025, 5, 6))
    assert BudgetAllocation.objects.get().committed == 40 * MILLION


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"approved_amount": "50.000.000"}, "vượt mức hỗ trợ tối đa tính khi nộp hồ sơ"),
        ({"approved_amount": "bốn mươi triệu"}, "Nhập số tiền nguyên theo đồng, ví dụ 3.000.000.000."),
        ({"approved_amount": "0"}, "lớn hơn hoặc bằng với 1"),
        ({"decision_number": ""}, "Thông tin này là bắt buộc."),
        ({"decision_date": "31/02/2025"}, "Nhập một ngày hợp lệ."),
    ],
)
def test_a_bad_decision_shows_the_error_and_changes_nothing(staff_client, world, changes, message):
    app, _people = _ready_for_decision(world)
    response = _transition(staff_client, app, "approve", **_decision(**changes))
    assert response.status_code == 200
    assert message in _text(response)
    app.refresh_from_db()
    assert (app.status, app.approved_amount) == (Status.COUNCIL_REVIEW, None)
    assert BudgetAllocation.objects.get().committed == 0


def test_approval_beyond_the_budget_is_refused_with_the_amount_left(staff_client):
    app, people = scenario(allocation=30 * MILLION)
    app = advance(app, Status.COUNCIL_REVIEW, people)
    services.review_submit(application=app, by=people.council_member, score=80, recommendation="approve")
    staff_client.force_login(people.staff)
    response = _transition(staff_client, app, "approve", **_decision())
    assert "Kinh phí năm 2025 chỉ còn 30.000.000 đ; không thể cam kết 45.000.000 đ." in _text(response)
    app.refresh_from_db()
    assert app.status == Status.COUNCIL_REVIEW


def test_contract_then_acceptance_with_corrected_actual_costs(staff_client, world):
    app, people = world
    app = advance(app, Status.APPROVED, people)
    response = _transition(
        staff_client,
        app,
        "sign_contract",
        contract_number="15/HĐ-SKHCN",
        contract_date="2025-05-20",
        contract_signer="Nguyễn Văn Bình",
    )
    assert response.status_code == 302
    app = advance(
        Application.objects.get(pk=app.pk), Status.ACCEPTANCE, people, actuals={"certification_audit": 38 * MILLION}
    )
    consultancy, audit = app.cost_items.order_by("position")
    form = _text(staff_client.get(reverse("support:transition", args=[app.pk, "accept"])))
    assert 'value="38.000.000"' in form
    # The acceptance found only 20 million of consultancy: 50 % of 58 million is 29 million, below the approval.
    response = _transition(
        staff_client,
        app,
        "accept",
        accepted_on="10/11/2025",
        minutes_number="15/BB-NT",
        **{f"actual_{consultancy.pk}": "20.000.000", f"actual_{audit.pk}": "38.000.000"},
    )
    assert response.status_code == 302
    app.refresh_from_db()
    assert (app.status, app.final_amount) == (Status.ACCEPTED, 29 * MILLION)
    assert app.acceptance.actual_cost == 58 * MILLION
    consultancy.refresh_from_db()
    assert consultancy.actual_amount == 20 * MILLION
    assert history_for(consultancy).filter(comment="Số tiền thực chi được điều chỉnh khi nghiệm thu.").exists()
    # The 16 million approved but not needed go back to the budget.
    assert BudgetAllocation.objects.get().committed == 29 * MILLION


def test_a_refused_acceptance_changes_no_actual_cost(staff_client, world):
    app, people = world
    app = advance(app, Status.ACCEPTANCE, people)
    app.attachments.filter(kind="invoice").delete()
    consultancy, audit = app.cost_items.order_by("position")
    response = _transition(
        staff_client,
        app,
        "accept",
        accepted_on="10/11/2025",
        minutes_number="15/BB-NT",
        **{f"actual_{consultancy.pk}": "1.000.000", f"actual_{audit.pk}": "1.000.000"},
    )
    assert "Đính kèm tài liệu phục vụ nghiệm thu: hóa đơn." in _text(response)
    consultancy.refresh_from_db()
    assert consultancy.actual_amount == 60 * MILLION
    app.refresh_from_db()
    assert app.status == Status.ACCEPTANCE


def test_payments_until_paid_in_full(staff_client, world):
    app, people = world
    app = advance(app, Status.ACCEPTED, people)
    url = reverse("support:payment_create", args=[app.pk])
    form = _text(staff_client.get(url))
    assert 'value="45.000.000"' in form
    too_much = staff_client.post(url, {"paid_on": "2025-12-01", "amount": "46.000.000", "reference": "UNC 1"})
    assert "Chỉ còn 45.000.000 đ" in _text(too_much)
    future = staff_client.post(
        url, {"paid_on": (dt.date.today() + dt.timedelta(days=10)).isoformat(), "amount": "1", "reference": "UNC"}
    )
    assert "Ngày thanh toán không thể ở tương lai." in _text(future)
    assert not Payment.objects.exists()
    assert (
        staff_client.post(url, {"paid_on": "2025-12-01", "amount": "20.000.000", "reference": "UNC 1"}).status_code
        == 302
    )
    response = staff_client.post(url, {"paid_on": "2025-12-20", "amount": "25.000.000", "reference": "UNC 2"})
    app.refresh_from_db()
    assert (app.status, app.paid_total) == (Status.PAID, 45 * MILLION)
    assert "Kinh phí hỗ trợ đã được thanh toán đủ." in _text(staff_client.get(response["Location"]))
    assert BudgetAllocation.objects.get().disbursed == 45 * MILLION


def test_cancelling_needs_a_reason_and_releases_the_budget(staff_client, world):
    app, people = world
    app = advance(app, Status.CONTRACTED, people)
    assert "Thông tin này là bắt buộc." in _text(_transition(staff_client, app, "cancel", comment=""))
    assert BudgetAllocation.objects.get().committed == 45 * MILLION
    assert _transition(staff_client, app, "cancel", comment="Doanh nghiệp không thực hiện").status_code == 302
    app.refresh_from_db()
    assert app.status == Status.CANCELLED
    assert BudgetAllocation.objects.get().committed == 0


def test_a_transition_from_the_wrong_state_is_refused_with_its_reason(staff_client, world):
    app, people = world
    app = advance(app, Status.SUBMITTED, people)
    response = _transition(staff_client, app, "approve", **_decision())
    assert "Không thể “Phê duyệt” khi hồ sơ đang ở trạng thái “đã nộp”." in _text(response)
    app.refresh_from_db()
    assert app.status == Status.SUBMITTED


# --- Budget ----------------------------------------------------------------------------------------------------------


def test_budget_usage_shows_allocated_committed_disbursed_and_available(staff_client, world):
    app, people = world
    app = advance(app, Status.ACCEPTED, people)
    services.payment_record(
        application=app, by=people.staff, paid_on=dt.date(2025, 12, 1), amount=10 * MILLION, reference="UNC 1"
    )
    other = make_rule(policy=None)
    services.allocation_create(
        by=people.staff, province=province("kon-tum"), year=2024, amount=7 * MILLION, policy=other.policy
    )
    text = _text(staff_client.get(reverse("support:budget_usage"), {"year": "2025"}))
    row = text[text.index(app.rule.policy.name) :]
    row = row[: row.index("</tr>")]
    cells = [c.split("<")[0] for c in row.split('<td class="num">')[1:]]
    assert cells == ["500.000.000", "45.000.000", "10.000.000", "455.000.000", "0"]
    assert other.policy.name not in text  # another year


def test_budget_usage_of_another_province_is_not_shown(client, world):
    _app, people = world
    client.force_login(people.other_staff)
    text = _text(client.get(reverse("support:budget_usage")))
    assert "Chưa bố trí kinh phí cho chính sách hỗ trợ nào." in text


# --- Councils --------------------------------------------------------------------------------------------------------


def test_council_create_add_and_remove_members(staff_client, world):
    _app, people = world
    bad = staff_client.post(
        reverse("support:council_create"),
        {"province": province("kon-tum").pk, "name": "", "year": "2025", "round": "1"},
    )
    assert "Thông tin này là bắt buộc." in _text(bad)
    other_province = staff_client.post(
        reverse("support:council_create"),
        {"province": province("hoa-binh").pk, "name": "Hội đồng lạ", "year": "2025", "round": "1"},
    )
    assert "lựa chọn hợp lệ" in _text(other_province)
    response = staff_client.post(
        reverse("support:council_create"),
        {
            "province": province("kon-tum").pk,
            "name": "Hội đồng đợt 2",
            "year": "2025",
            "round": "2",
            "decision_number": "50/QĐ-SKHCN",
            "decision_date": "01/06/2025",
        },
    )
    council = people.council.__class__.objects.get(name="Hội đồng đợt 2")
    assert response["Location"] == reverse("support:council_detail", args=[council.pk])
    assert council.decision_date == dt.date(2025, 6, 1)

    add = reverse("support:council_member_add", args=[council.pk])
    assert "Không có tài khoản đang hoạt động nào dùng địa chỉ thư điện tử này." in _text(
        staff_client.post(add, {"email": "khong-co@example.vn", "role": "member"})
    )
    expert = make_user(full_name="Chuyên gia Lê Văn An")
    assert staff_client.post(add, {"email": expert.email.upper(), "role": "chair"}).status_code == 302
    member = council.members.get()
    assert (member.user, member.role) == (expert, "chair")
    assert expert.memberships.filter(role=Role.COUNCIL_MEMBER, province=council.province).exists()
    page = _text(staff_client.get(reverse("support:council_detail", args=[council.pk])))
    assert "Chuyên gia Lê Văn An" in page and "Chủ tịch" in page

    remove = reverse("support:council_member_remove", args=[council.pk, member.pk])
    assert staff_client.post(remove).status_code == 302
    assert not council.members.exists()


def test_a_member_who_reviewed_cannot_be_removed(staff_client, world):
    app, people = world
    app = advance(app, Status.COUNCIL_REVIEW, people)
    services.review_submit(application=app, by=people.council_member, score=80, recommendation="approve")
    member = people.council.members.get()
    response = staff_client.post(reverse("support:council_member_remove", args=[people.council.pk, member.pk]))
    assert response.status_code == 302
    assert "đã đánh giá hồ sơ của hội đồng này" in _text(staff_client.get(response["Location"]))
    assert people.council.members.filter(pk=member.pk).exists()


def test_council_list_and_empty_state(staff_client, world):
    _app, people = world
    text = _text(staff_client.get(reverse("support:council_list")))
    assert people.council.name in text
    assert "Không có hội đồng nào phù hợp với bộ lọc." in _text(
        staff_client.get(reverse("support:council_list"), {"year": "2019"})
    )


# --- Policies ---------------------------------------------------------------------------------------------------


def test_policy_page_reads_the_rules_in_plain_words(staff_client):
    from support import demo

    policy = demo.hau_giang_policy()
    text = _text(staff_client.get(reverse("support:policy_detail", args=[policy.pk])))
    assert "Hỗ trợ 30 % các khoản chi phí thuộc diện hỗ trợ, chính sách không quy định mức tối đa." in text
    assert "Mỗi doanh nghiệp chỉ được hỗ trợ một lần cho nội dung này." in text
    assert "không hỗ trợ</span> Đánh giá giám sát" in text
    assert "Không bao gồm chi phí đánh giá giám sát cho các năm tiếp theo." in text
    assert "01/01/2016 – 31/12/2020" in text


# --- Budget allocations and policies kept by the province ------------------------------------------------------


def test_staff_allocate_and_change_a_budget(staff_client, world):
    app, people = world
    policy = make_rule(policy=None).policy
    url = reverse("support:allocation_create")
    hoa_binh = make_rule(policy=make_policy(province_key="hoa-binh")).policy
    form = _text(staff_client.get(url))
    assert policy.name in form and hoa_binh.name not in form
    refused = staff_client.post(url, {"policy": hoa_binh.pk, "year": "2025", "amount": "1.000.000"})
    assert "lựa chọn hợp lệ" in _text(refused)
    assert staff_client.post(url, {"policy": policy.pk, "year": "2025", "amount": "120.000.000"}).status_code == 302
    allocation = BudgetAllocation.objects.get(policy=policy)
    assert (allocation.amount, allocation.province) == (120 * MILLION, policy.province)
    duplicate = staff_client.post(url, {"policy": policy.pk, "year": "2025", "amount": "1"})
    assert duplicate.status_code == 200
    assert BudgetAllocation.objects.filter(policy=policy).count() == 1

    advance(app, Status.APPROVED, people)  # commits 45 million of the scenario's allocation
    committed = BudgetAllocation.objects.get(policy=app.rule.policy)
    edit = reverse("support:allocation_update", args=[committed.pk])
    below = staff_client.post(edit, {"amount": "40.000.000", "note": ""})
    assert "Đã cam kết 45.000.000 đ: kinh phí bố trí không được nhỏ hơn số này." in _text(below)
    committed.refresh_from_db()
    assert committed.amount == 500 * MILLION
    assert staff_client.post(edit, {"amount": "600.000.000", "note": "Bổ sung dự toán"}).status_code == 302
    committed.refresh_from_db()
    assert (committed.amount, committed.note) == (600 * MILLION, "Bổ sung dự toán")
    page = _text(staff_client.get(reverse("support:budget_usage")))
    assert edit in page


def test_the_ministry_reads_the_budget_but_cannot_allocate(client, world):
    _app, people = world
    client.force_login(people.ministry)
    page = _text(client.get(reverse("support:budget_usage")))
    assert "500.000.000" in page and "/ngan-sach/moi/" not in page and "/sua/" not in page
    assert client.get(reverse("support:allocation_create")).status_code == 403
    allocation = BudgetAllocation.objects.get()
    assert client.post(reverse("support:allocation_update", args=[allocation.pk]), {"amount": "1"}).status_code == 403
    allocation.refresh_from_db()
    assert allocation.amount == 500 * MILLION


def test_staff_record_a_policy_and_its_support_contents(staff_client):
    from support.models import SupportCategory, SupportPolicy

    kon_tum = province("kon-tum")
    bad = staff_client.post(
        reverse("support:policy_create"),
        {
            "province": kon_tum.pk,
            "name": "Chính sách 2026",
            "effective_from": "01/01/2026",
            "effective_to": "31/12/2025",
            "priority_sector_mode": "none",
        },
    )
    assert "Ngày hết hiệu lực của chính sách không được trước ngày bắt đầu." in _text(bad)
    assert not SupportPolicy.objects.filter(name="Chính sách 2026").exists()
    response = staff_client.post(
        reverse("support:policy_create"),
        {
            "province": kon_tum.pk,
            "name": "Chính sách 2026",
            "effective_from": "01/01/2026",
            "effective_to": "31/12/2030",
            "priority_sector_mode": "none",
            "allowed_size_classes": ["micro", "small"],
            "excluded_ownerships": ["fdi"],
        },
    )
    policy = SupportPolicy.objects.get(name="Chính sách 2026")
    assert response["Location"] == reverse("support:policy_detail", args=[policy.pk])
    assert (policy.province, policy.allowed_size_classes, policy.excluded_ownerships) == (
        kon_tum,
        ["micro", "small"],
        ["fdi"],
    )
    category = SupportCategory.objects.get(code="system-certification")
    rule_url = reverse("support:rule_create", args=[policy.pk])
    data = {
        "category": category.pk,
        "position": "1",
        "rate": "40,5",
        "cap": "50.000.000",
        "cap_per": "system",
        "kind_consultancy": "supported",
        "kind_certification_audit": "supported",
        "kind_certification_audit_rate": "30",
        "kind_surveillance_audit": "excluded",
        "kind_surveillance_audit_note": "Không hỗ trợ đánh giá giám sát",
    }
    wrong = staff_client.post(rule_url, {**data, "kind_testing_rate": "20"})
    assert "Chỉ loại chi phí được hỗ trợ mới có mức hỗ trợ riêng." in _text(wrong)
    assert not policy.rules.exists()
    assert staff_client.post(rule_url, data).status_code == 302
    rule = policy.rules.get()
    assert (str(rule.rate), rule.cap, rule.cap_per) == ("40.50", 50 * MILLION, "system")
    assert sorted(rule.cost_kinds.values_list("kind", "eligible", "rate")) == [
        ("certification_audit", True, Decimal("30.00")),
        ("consultancy", True, None),
        ("surveillance_audit", False, None),
    ]
    page = _text(staff_client.get(reverse("support:policy_detail", args=[policy.pk])))
    assert "Hỗ trợ 40,5 % các khoản chi phí thuộc diện hỗ trợ, tối đa 50.000.000 đ cho mỗi hệ thống." in page
    assert "Không hỗ trợ đánh giá giám sát" in page
    edit = _text(staff_client.get(reverse("support:rule_update", args=[policy.pk, rule.pk])))
    assert 'value="40,50"' in edit
    assert (
        staff_client.post(
            reverse("support:rule_update", args=[policy.pk, rule.pk]),
            {**data, "rate": "50", "kind_surveillance_audit": ""},
        ).status_code
        == 302
    )
    rule.refresh_from_db()
    assert rule.rate == 50 and not rule.cost_kinds.filter(kind="surveillance_audit").exists()


def test_policies_of_another_province_cannot_be_changed(client, world):
    app, people = world
    client.force_login(people.other_staff)
    policy = app.rule.policy
    assert client.get(reverse("support:policy_update", args=[policy.pk])).status_code == 403
    response = client.post(reverse("support:rule_update", args=[policy.pk, app.rule.pk]), {"rate": "100"})
    assert response.status_code == 403
    app.rule.refresh_from_db()
    assert app.rule.rate == 50
    client.force_login(people.member)
    assert client.get(reverse("support:policy_create")).status_code == 403


def test_staff_read_the_record_of_changes_and_the_enterprise_does_not(client, world):
    app, people = world
    app = advance(app, Status.SCREENING, people)
    url = reverse("support:application_detail", args=[app.pk])
    client.force_login(people.staff)
    history = _text(client.get(url))
    history = history[history.index('id="history"') :]
    assert "Bắt đầu rà soát" in history and str(people.staff) in history
    client.force_login(people.member)
    assert 'id="history"' not in _text(client.get(url))


@pytest.mark.urls("tests.support.urls_with_pdfs")
def test_the_page_links_the_decision_and_contract_pdfs_once_they_exist(staff_client, world):
    app, people = world
    approved = advance(app, Status.APPROVED, people)
    decision_pdf = reverse("reporting:decision_pdf", args=[approved.pk])
    contract_pdf = reverse("reporting:contract_pdf", args=[approved.pk])
    text = _text(staff_client.get(reverse("support:application_detail", args=[approved.pk])))
    assert f'href="{decision_pdf}"' in text and contract_pdf not in text
    contracted = advance(approved, Status.CONTRACTED, people)
    text = _text(staff_client.get(reverse("support:application_detail", args=[contracted.pk])))
    assert f'href="{decision_pdf}"' in text and f'href="{contract_pdf}"' in text


def test_without_the_pdf_pages_the_decision_is_shown_without_links(staff_client, world):
    app, people = world
    approved = advance(app, Status.APPROVED, people)
    text = _text(staff_client.get(reverse("support:application_detail", args=[approved.pk])))
    assert "Số 15/QĐ-SKHCN ngày 06/05/2025, người ký Trần Văn Minh: phê duyệt 45.000.000 đ" in text
