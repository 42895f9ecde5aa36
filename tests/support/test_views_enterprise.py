"""The enterprise's pages: policies open to it, the quote, the application form with its cost lines,
documents, submission and withdrawal, messages, actual costs, the timeline, payments and "My applications".

Numbers are the Kon Tum rule of the factories (system certification: 50 % of consultancy and first
certification audit, at most 45 million đồng per system)."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from support import services
from support.choices import CostKind, Status
from support.models import Application, ApplicationMessage, Attachment, CostItem
from tests.enterprises.factories import BILLION, make_enterprise
from tests.support.factories import (
    MILLION,
    PDF,
    advance,
    make_application,
    make_people,
    make_rule,
    scenario,
)
from tests.support.test_uploads import EXE, _files

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    return response.content.decode()


@pytest.fixture
def draft():
    app, people = scenario()
    return app, people


@pytest.fixture
def member_client(client, draft):
    client.force_login(draft[1].member)
    return client


def _form(rule, **overrides) -> dict:
    data = {
        "title": "Chứng nhận ISO 9001 cho nhà máy",
        "description": "Xây dựng hệ thống quản lý chất lượng.",
        "rule": str(rule.pk),
        "budget_year": "2025",
        "quantity": "1",
        "counterpart_funds": "55.000.000",
        "costs-TOTAL_FORMS": "3",
        "costs-INITIAL_FORMS": "0",
        "costs-MIN_NUM_FORMS": "0",
        "costs-MAX_NUM_FORMS": "40",
        "costs-0-kind": "consultancy",
        "costs-0-description": "Tư vấn xây dựng hệ thống",
        "costs-0-estimated_amount": "60.000.000",
        "costs-1-kind": "certification_audit",
        "costs-1-estimated_amount": "40000000",
        "costs-2-kind": "",
        "costs-2-estimated_amount": "",
    }
    data.update(overrides)
    return data


# --- Policies open to the enterprise ----------------------------------------------------------------------------


def test_policies_page_shows_what_is_open_to_the_enterprise_in_plain_words(member_client, draft):
    app, _people = draft
    response = member_client.get(reverse("support:policy_list"), {"year": "2025"})
    text = _text(response)
    assert f"Dành cho {app.enterprise.name} năm 2025" in text
    assert "Hỗ trợ 50 % các khoản chi phí thuộc diện hỗ trợ, tối đa 45.000.000 đ cho mỗi hệ thống." in text
    assert "doanh nghiệp đủ điều kiện" in text
    assert f"?enterprise={app.enterprise.pk}&amp;rule={app.rule.pk}" in text


def test_policies_page_says_why_a_large_enterprise_may_not_apply(client):
    rule = make_rule(policy=None)
    rule.policy.allowed_size_classes = ["micro", "small", "medium"]
    rule.policy.save()
    enterprise = make_enterprise(employees=500, revenue=900 * BILLION, capital=900 * BILLION)
    people = make_people(enterprise)
    client.force_login(people.member)
    text = _text(client.get(reverse("support:policy_list"), {"year": "2025"}))
    assert "doanh nghiệp chưa đủ điều kiện" in text
    assert "Chính sách chỉ hỗ trợ doanh nghiệp" in text and "lớn" in text


def test_policies_page_without_policy_in_force_says_so(member_client):
    text = _text(member_client.get(reverse("support:policy_list"), {"year": "2031"}))
    assert "Năm 2031 không có chính sách nào của tỉnh còn hiệu lực." in text


# --- The quote ---------------------------------------------------------------------------------------------------


def _quote(rule, lines, quantity="1"):
    data = {
        "rule": str(rule.pk),
        "quantity": quantity,
        "lines-TOTAL_FORMS": "4",
        "lines-INITIAL_FORMS": "0",
        "lines-MIN_NUM_FORMS": "0",
        "lines-MAX_NUM_FORMS": "30",
    }
    for n, (kind, amount) in enumerate(lines):
        data[f"lines-{n}-kind"] = kind
        data[f"lines-{n}-amount"] = amount
    return data


def test_quote_gives_the_support_and_the_reasoning_before_applying(member_client, draft):
    app, _people = draft
    response = member_client.post(
        reverse("support:quote"),
        _quote(
            app.rule, [("consultancy", "30.000.000"), ("certification_audit", "20.000.000"), ("training", "5.000.000")]
        ),
    )
    text = _text(response)
    # 50 % of 50 million eligible = 25 million, below the cap of 45 million; training is not covered.
    assert "Chi phí được hỗ trợ</dt><dd>50.000.000 đ" in text
    assert "<strong>25.000.000 đ</strong>" in text
    assert "đào tạo: 5.000.000 đ — không tính: nội dung hỗ trợ này không bao gồm đào tạo." in text
    assert "chưa vượt mức tối đa, mức hỗ trợ là 25.000.000 đ." in text
    assert f"rule={app.rule.pk}&amp;quantity=1" in text


def test_quote_applies_the_cap_per_system_times_the_quantity(member_client, draft):
    app, _people = draft
    text = _text(member_client.post(reverse("support:quote"), _quote(app.rule, [("consultancy", "200.000.000")], "2")))
    # 50 % of 200 million = 100 million; the cap is 45 million × 2 systems = 90 million.
    assert "<strong>90.000.000 đ</strong>" in text


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ([], "Nhập ít nhất một khoản chi phí."),
        ([("consultancy", "")], "Nhập số tiền của khoản chi này."),
        ([("", "5.000.000")], "Chọn loại của khoản chi này."),
        ([("consultancy", "năm triệu")], "Nhập số tiền nguyên theo đồng, ví dụ 3.000.000.000."),
    ],
)
def test_quote_bad_input_shows_a_translated_error(member_client, draft, lines, message):
    app, _people = draft
    text = _text(member_client.post(reverse("support:quote"), _quote(app.rule, lines)))
    assert message in text
    assert 'id="result"' not in text


# --- The application form --------------------------------------------------------------------------------------


def test_application_form_saves_a_draft_with_its_cost_lines(member_client, draft):
    app, people = draft
    response = member_client.post(reverse("support:application_create"), _form(app.rule))
    created = Application.objects.exclude(pk=app.pk).get()
    assert response.status_code == 302
    assert response["Location"] == reverse("support:application_detail", args=[created.pk])
    assert (created.status, created.enterprise, created.budget_year) == (Status.DRAFT, app.enterprise, 2025)
    assert created.counterpart_funds == 55_000_000
    assert list(created.cost_items.values_list("kind", "description", "estimated_amount")) == [
        ("consultancy", "Tư vấn xây dựng hệ thống", 60_000_000),
        ("certification_audit", "", 40_000_000),
    ]
    assert created.created_by == people.member


def test_application_form_offers_the_content_and_year_of_the_link(member_client, draft):
    app, _people = draft
    text = _text(member_client.get(reverse("support:application_create"), {"rule": app.rule.pk}))
    assert f'<option value="{app.rule.pk}" selected>' in text
    # The policy of the factories runs 2021-2025: past it, the form offers its last year.
    assert 'name="budget_year" value="2025"' in text


@pytest.mark.parametrize(
    ("changes", "field_error"),
    [
        ({"title": ""}, "Thông tin này là bắt buộc."),
        ({"budget_year": "2031"}, "không có hiệu lực trong năm 2031"),
        ({"quantity": "0"}, "lớn hơn hoặc bằng với 1"),
        ({"counterpart_funds": "-5"}, "Nhập số tiền nguyên theo đồng, ví dụ 3.000.000.000."),
        ({"costs-0-estimated_amount": "60,5 triệu"}, "Nhập số tiền nguyên theo đồng, ví dụ 3.000.000.000."),
        ({"costs-0-estimated_amount": ""}, "Nhập số tiền của khoản chi này."),
        ({"costs-0-kind": "lunch"}, "Hãy chọn một lựa chọn hợp lệ."),
    ],
)
def test_application_form_bad_input_shows_the_error_and_saves_nothing(member_client, draft, changes, field_error):
    app, _people = draft
    before = (Application.objects.count(), CostItem.objects.count())
    response = member_client.post(reverse("support:application_create"), _form(app.rule, **changes))
    assert response.status_code == 200
    assert field_error in _text(response)
    assert (Application.objects.count(), CostItem.objects.count()) == before


def test_edit_changes_adds_and_removes_cost_lines(member_client, draft):
    app, _people = draft
    consultancy, audit = app.cost_items.order_by("position")
    data = _form(
        app.rule,
        **{
            "title": "Tên mới",
            "costs-TOTAL_FORMS": "4",
            "costs-INITIAL_FORMS": "2",
            "costs-0-item": str(consultancy.pk),
            "costs-0-kind": "consultancy",
            "costs-0-estimated_amount": "70.000.000",
            "costs-1-item": str(audit.pk),
            "costs-1-kind": "certification_audit",
            "costs-1-estimated_amount": "40.000.000",
            "costs-1-delete": "on",
            "costs-2-kind": "testing",
            "costs-2-estimated_amount": "5.000.000",
            "costs-3-kind": "",
        },
    )
    response = member_client.post(reverse("support:application_edit", args=[app.pk]), data)
    assert response.status_code == 302
    app.refresh_from_db()
    assert app.title == "Tên mới"
    assert sorted(app.cost_items.values_list("kind", "estimated_amount")) == [
        ("consultancy", 70_000_000),
        ("testing", 5_000_000),
    ]


def test_edit_refuses_a_cost_line_of_another_application(member_client, draft):
    app, people = draft
    other = make_application(member=people.member, enterprise=app.enterprise, rule=app.rule)
    foreign = other.cost_items.first()
    data = _form(
        app.rule,
        **{
            "costs-TOTAL_FORMS": "1",
            "costs-INITIAL_FORMS": "1",
            "costs-0-item": str(foreign.pk),
            "costs-0-kind": "consultancy",
            "costs-0-estimated_amount": "1",
        },
    )
    response = member_client.post(reverse("support:application_edit", args=[app.pk]), data)
    assert "Có dòng chi phí thuộc hồ sơ khác được gửi lên." in _text(response)
    foreign.refresh_from_db()
    assert foreign.estimated_amount == 60 * MILLION


def test_a_submitted_application_can_no_longer_be_edited(member_client, draft):
    app, people = draft
    app = advance(app, Status.SUBMITTED, people)
    response = member_client.post(reverse("support:application_edit", args=[app.pk]), _form(app.rule, title="X"))
    assert response.status_code == 302
    app.refresh_from_db()
    assert app.title != "X"
    page = _text(member_client.get(response["Location"]))
    assert "Không thể sửa hồ sơ nữa: hồ sơ đang ở trạng thái “đã nộp”." in page


# --- Documents ---------------------------------------------------------------------------------------------------


def _upload(client, app, name, content, kind="quotation"):
    return client.post(
        reverse("support:attachment_upload", args=[app.pk]),
        {"kind": kind, "file": SimpleUploadedFile(name, content, content_type="application/pdf")},
    )


def test_upload_stores_the_document_and_download_streams_it_back(member_client, draft):
    app, _people = draft
    response = _upload(member_client, app, "bao-gia-2.pdf", PDF + "% thêm".encode())
    assert response.status_code == 302
    attachment = app.attachments.get(original_name="bao-gia-2.pdf")
    download = member_client.get(reverse("support:attachment_download", args=[app.pk, attachment.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF + "% thêm".encode()
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    # The page links the access-checked view, never a media URL.
    page = _text(member_client.get(reverse("support:application_detail", args=[app.pk])))
    assert reverse("support:attachment_download", args=[app.pk, attachment.pk]) in page
    assert "/media" not in page


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bao-gia.pdf", EXE, "Nội dung tệp không phải là tài liệu PDF, dù tên tệp ghi như vậy."),
        ("virus.exe", EXE, "Chỉ nhận tệp PDF, DOCX, XLSX, JPG và PNG."),
        ("lon-qua.pdf", PDF + b"0" * (10 * 1024 * 1024), "Tệp lớn hơn 10 MB."),
    ],
)
def test_upload_of_the_wrong_type_or_size_shows_the_error_and_stores_nothing(
    member_client, draft, name, content, message
):
    app, _people = draft
    rows, files = Attachment.objects.count(), len(_files())
    response = _upload(member_client, app, name, content)
    assert response.status_code == 200
    assert message in _text(response)
    assert (Attachment.objects.count(), len(_files())) == (rows, files)


def test_the_enterprise_removes_a_document_of_its_draft(member_client, draft):
    app, _people = draft
    attachment = app.attachments.get(kind="quotation")
    response = member_client.post(reverse("support:attachment_delete", args=[app.pk, attachment.pk]))
    assert response.status_code == 302
    assert not app.attachments.filter(kind="quotation").exists()
    page = _text(member_client.get(reverse("support:application_detail", args=[app.pk])))
    assert "Còn thiếu để nộp hồ sơ:" in page and "báo giá" in page.lower()


# --- Submit, withdraw ---------------------------------------------------------------------------------------------


def test_submit_from_the_page(member_client, draft):
    app, _people = draft
    response = member_client.post(reverse("support:transition", args=[app.pk, "submit"]))
    assert response.status_code == 302
    app.refresh_from_db()
    assert app.status == Status.SUBMITTED
    assert app.max_support == 45 * MILLION  # 50 % of 100 million is 50 million, capped at 45 million


def test_a_refused_submission_shows_the_translated_reason_and_changes_nothing(member_client, draft):
    app, _people = draft
    app.attachments.filter(kind__in=["quotation", "application_form"]).delete()
    page = _text(member_client.get(reverse("support:application_detail", args=[app.pk])))
    # The page warns before the button is pressed ...
    assert "Hồ sơ còn thiếu: đơn đề nghị hỗ trợ, báo giá." in page
    # ... and pressing it is refused with the same reason.
    response = member_client.post(reverse("support:transition", args=[app.pk, "submit"]))
    assert response.status_code == 200
    assert "Hồ sơ còn thiếu: đơn đề nghị hỗ trợ, báo giá." in _text(response)
    app.refresh_from_db()
    assert (app.status, app.max_support, app.submitted_at) == (Status.DRAFT, None, None)
    assert not app.events.exists()


def test_withdraw_with_a_comment(member_client, draft):
    app, people = draft
    app = advance(app, Status.SUBMITTED, people)
    url = reverse("support:transition", args=[app.pk, "withdraw"])
    assert "Hồ sơ đã rút không thể mở lại" in _text(member_client.get(url))
    response = member_client.post(url, {"comment": "Đổi kế hoạch đầu tư"})
    assert response.status_code == 302
    app.refresh_from_db()
    assert app.status == Status.WITHDRAWN
    assert app.events.last().comment == "Đổi kế hoạch đầu tư"


# --- Messages -----------------------------------------------------------------------------------------------------


def test_messages_between_the_enterprise_and_the_staff(client, draft):
    app, people = draft
    client.force_login(people.member)
    url = reverse("support:message_post", args=[app.pk])
    response = client.post(url, {"body": "  "})
    assert "Thông tin này là bắt buộc." in _text(response)
    assert not ApplicationMessage.objects.exists()
    assert client.post(url, {"body": "Xin hỏi về báo giá"}).status_code == 302

    client.force_login(people.staff)
    assert client.post(url, {"body": "Cần thêm một báo giá"}).status_code == 302
    page = _text(client.get(reverse("support:application_detail", args=[app.pk])))
    assert "Xin hỏi về báo giá" in page and "Cần thêm một báo giá" in page
    assert list(ApplicationMessage.objects.values_list("from_enterprise", flat=True)) == [True, False]


# --- Implementation: actual costs and evidence ---------------------------------------------------------------------


def _actuals(app, *amounts) -> dict:
    items = list(app.cost_items.order_by("position"))
    return {f"actual_{item.pk}": amount for item, amount in zip(items, amounts, strict=True)}


def test_actual_costs_are_entered_during_implementation(member_client, draft):
    app, people = draft
    app = advance(app, Status.IMPLEMENTING, people)
    url = reverse("support:actual_costs", args=[app.pk])
    response = member_client.post(url, _actuals(app, "60.000.000", "38.000.000"))
    assert response.status_code == 302
    assert sorted(app.cost_items.values_list("actual_amount", flat=True)) == [38 * MILLION, 60 * MILLION]
    page = _text(member_client.get(reverse("support:application_detail", args=[app.pk])))
    # 50 % of 98 million = 49 million, capped at 45 million.
    assert "Mức hỗ trợ theo chi phí thực tế: 45.000.000 đ" in page


@pytest.mark.parametrize(
    ("amounts", "message"),
    [
        (("60.000.000", ""), "Thông tin này là bắt buộc."),
        (("60.000.000", "ba mươi triệu"), "Nhập số tiền nguyên theo đồng, ví dụ 3.000.000.000."),
    ],
)
def test_actual_costs_bad_input_changes_nothing(member_client, draft, amounts, message):
    app, people = draft
    app = advance(app, Status.IMPLEMENTING, people)
    response = member_client.post(reverse("support:actual_costs", args=[app.pk]), _actuals(app, *amounts))
    assert message in _text(response)
    assert set(app.cost_items.values_list("actual_amount", flat=True)) == {None}


def test_actual_costs_are_refused_before_implementation(member_client, draft):
    app, _people = draft
    response = member_client.post(reverse("support:actual_costs", args=[app.pk]), _actuals(app, "1", "2"))
    assert "Chi phí thực tế được nhập trong giai đoạn thực hiện; hồ sơ đang ở trạng thái “bản nháp”." in _text(response)
    assert set(app.cost_items.values_list("actual_amount", flat=True)) == {None}


# --- The timeline, payments, "My applications" ----------------------------------------------------------------------


def test_the_enterprise_sees_each_step_with_dates_actors_and_comments_and_its_payments(member_client, draft):
    app, people = draft
    app = services.application_transition(application=app, transition="submit", by=people.member)
    services.application_transition(
        application=app, transition="request_changes", by=people.staff, comment="Bổ sung báo giá thứ hai"
    )
    services.application_transition(application=app, transition="resubmit", by=people.member)
    app = advance(Application.objects.get(pk=app.pk), Status.ACCEPTED, people)
    services.payment_record(
        application=app, by=people.staff, paid_on=dt.date(2025, 12, 1), amount=20 * MILLION, reference="UNC 7"
    )
    page = _text(member_client.get(reverse("support:application_detail", args=[app.pk])))
    timeline = page[page.index('id="timeline"') : page.index('id="messages"')]
    for label in ("Nộp hồ sơ", "Yêu cầu bổ sung", "Phê duyệt", "Ghi nhận nghiệm thu"):
        assert label in timeline
    assert 'đã nộp → <span class="pill">yêu cầu bổ sung</span>' in timeline
    assert "Bổ sung báo giá thứ hai" in timeline
    assert str(people.staff) in timeline and str(people.member) in timeline
    assert "Số quyết định: 15/QĐ-SKHCN" in timeline and "Ngày quyết định: 06/05/2025" in timeline
    payments = page[page.index('id="payments"') :]
    assert "01/12/2025" in payments and "UNC 7" in payments and "20.000.000" in payments
    assert "Còn phải thanh toán: 25.000.000 đ" in payments
    # The council's scores are the Department's, not the enterprise's.
    assert 'id="council"' not in page


def test_my_applications_lists_them_with_status_pills(member_client, draft):
    app, people = draft
    submitted = advance(
        make_application(member=people.member, enterprise=app.enterprise, rule=app.rule), Status.SUBMITTED, people
    )
    other = scenario()[0]  # another enterprise's application
    text = _text(member_client.get(reverse("support:my_applications")))
    assert app.title in text and submitted.title in text and other.title not in text
    assert '<span class="pill warn">Bản nháp</span>' in text
    assert '<span class="pill warn">Đã nộp</span>' in text
    filtered = _text(member_client.get(reverse("support:my_applications"), {"status": "submitted"}))
    assert submitted.title in filtered and app.title not in filtered


def test_my_applications_empty_state(client):
    enterprise = make_enterprise()
    people = make_people(enterprise)
    client.force_login(people.member)
    text = _text(client.get(reverse("support:my_applications")))
    assert "Doanh nghiệp chưa có hồ sơ nào." in text
    assert "Hồ sơ của tôi" in text


def test_costs_estimate_kinds_are_vietnamese(member_client, draft):
    app, _people = draft
    text = _text(member_client.get(reverse("support:application_edit", args=[app.pk])))
    assert '<option value="consultancy" selected>Tư vấn</option>' in text
    assert 'aria-label="Dự toán (đồng), dòng 1"' in text
    assert CostKind.CONSULTANCY.label  # the kind exists


def test_the_pages_switch_to_english(member_client, draft):
    app, _people = draft
    member_client.post(reverse("set_language"), {"language": "en", "next": "/"})
    text = _text(member_client.get(reverse("support:application_detail", args=[app.pk])))
    assert "What can be done now" in text and "Status timeline" in text and "Cost estimate" in text
    assert '<span class="pill warn">Draft</span>' in text
