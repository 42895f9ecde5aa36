"""Refused input: a 400 with a stable code and a message in the client's language (Vietnamese by default), the
messages by field, and nothing changed. Also the language rule (``?lang=``, cookie, ``Accept-Language``)."""

from __future__ import annotations

import pytest
from django.conf import settings

from accounts.models import AuditEntry
from enterprises.models import Enterprise
from plans.models import Plan, Target
from support.models import Application, CostItem

pytestmark = pytest.mark.django_db

INVALID_VI = "Dữ liệu gửi lên không hợp lệ: xem thông báo theo từng trường."
INVALID_EN = "The data sent is not valid: see the messages by field."


def audit_count() -> int:
    return AuditEntry.objects.count()


def test_a_plan_ending_before_it_starts_is_refused_in_vietnamese_and_nothing_is_saved(api, world):
    plans, audits = Plan.objects.count(), audit_count()
    response = api("staff").post(
        "/api/v1/plans/",
        {"province": world.plan.province_id, "title": "Kế hoạch sai", "start_year": 2030, "end_year": 2026},
        format="json",
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert error["message"] == INVALID_VI
    assert error["fields"] == {"end_year": ["Kế hoạch không thể kết thúc trước khi bắt đầu."]}
    assert response["Content-Language"] == "vi"
    assert (Plan.objects.count(), audit_count()) == (plans, audits)


def test_a_range_target_without_its_upper_bound_gets_the_services_message(api, world):
    targets = Target.objects.count()
    response = api("leader").post(
        f"/api/v1/plans/{world.plan.pk}/targets/",
        {
            "phase": world.phase.pk,
            "text": "10-20 doanh nghiệp/năm",
            "indicator": world.indicator.pk,
            "measure": "count",
            "period": "year",
            "comparator": "range",
            "value_min": "10",
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {"value_max": ["Khoảng cần có cận trên (với “10-20”, nhập 10 và 20)."]}
    assert Target.objects.count() == targets


def test_a_negative_amount_is_refused_by_the_input_check_in_vietnamese(api, world):
    items = CostItem.objects.count()
    response = api("member").post(
        f"/api/v1/applications/{world.draft.pk}/cost-items/",
        {"kind": "consultancy", "estimated_amount": -5},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {"estimated_amount": ["Giá trị phải lớn hơn hoặc bằng 0."]}
    assert CostItem.objects.count() == items


def test_missing_fields_and_unknown_choices_are_named_in_vietnamese(api, world):
    response = api("member").post(
        f"/api/v1/applications/{world.draft.pk}/cost-items/", {"kind": "bribe"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {
        "kind": ["“bribe” không phải là lựa chọn hợp lệ."],
        "estimated_amount": ["Thông tin này là bắt buộc."],
    }


def test_an_invalid_tax_code_is_refused_with_the_check_digit_message(api, world):
    before = Enterprise.objects.get(pk=world.enterprise.pk).tax_code
    response = api("staff").patch(
        f"/api/v1/enterprises/{world.enterprise.pk}/", {"tax_code": "0100233489"}, format="json"
    )
    assert response.status_code == 400
    fields = response.json()["error"]["fields"]
    assert fields == {"tax_code": ["Mã số thuế không hợp lệ: chữ số kiểm tra không khớp. Hãy kiểm tra lỗi gõ nhầm."]}
    assert Enterprise.objects.get(pk=world.enterprise.pk).tax_code == before


def test_a_member_may_not_change_the_tax_code(api, world):
    response = api("member").patch(
        f"/api/v1/enterprises/{world.enterprise.pk}/", {"tax_code": world.enterprise.tax_code}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {"tax_code": ["Chỉ cán bộ của tỉnh mới được thay đổi thông tin này."]}


def test_the_tax_code_check_gives_the_standard_form(api):
    response = api("member").post(
        "/api/v1/enterprises/validate-tax-code/", {"tax_code": "0314 409 058 - 002"}, format="json"
    )
    assert response.status_code == 200
    assert response.json() == {"tax_code": "0314409058-002"}


def test_a_transition_from_the_wrong_state_is_refused_with_its_reason(api, world):
    events = world.reviewing.events.count()
    response = api("member").post(f"/api/v1/applications/{world.reviewing.pk}/transitions/withdraw/", {}, format="json")
    assert response.status_code == 200  # withdrawing is possible while the council reviews
    response = api("member").post(f"/api/v1/applications/{world.reviewing.pk}/transitions/withdraw/", {}, format="json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "transition_refused"
    assert error["message"] == "Không thể “Rút hồ sơ” khi hồ sơ đang ở trạng thái “đã rút”."
    assert world.reviewing.events.count() == events + 1


def test_a_transition_missing_its_data_names_the_fields(api, world):
    status = Application.objects.get(pk=world.reviewing.pk).status
    response = api("staff").post(f"/api/v1/applications/{world.reviewing.pk}/transitions/approve/", {}, format="json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "transition_refused"
    assert set(error["fields"]) == {"decision_number", "decision_date", "signer_name", "approved_amount"}
    assert Application.objects.get(pk=world.reviewing.pk).status == status


def test_data_a_transition_does_not_take_is_refused(api, world):
    response = api("staff").post(
        f"/api/v1/applications/{world.reviewing.pk}/transitions/reject/",
        {"comment": "Không đạt", "approved_amount": 5},
        format="json",
    )
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["approved_amount"]
    assert Application.objects.get(pk=world.reviewing.pk).status == "council_review"


def test_an_unknown_transition_is_not_found(api, world):
    response = api("staff").post(f"/api/v1/applications/{world.reviewing.pk}/transitions/teleport/", {}, format="json")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_malformed_json_is_a_parse_error(api, world):
    response = api("staff").generic("POST", "/api/v1/legal-documents/", "{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "parse_error"


def test_without_credentials_the_answer_is_401_with_the_token_scheme(api):
    response = api("anonymous").get("/api/v1/plans/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json()["error"] == {
        "code": "not_authenticated",
        "message": "Hãy đăng nhập, hoặc gửi mã API của bạn trong tiêu đề “Authorization: Token …”.",
        "fields": {},
    }


def test_a_wrong_token_is_refused(api):
    from rest_framework.test import APIClient

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    response = client.get("/api/v1/plans/")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "authentication_failed"


# --- Language -------------------------------------------------------------------------------------------------


def _bad_plan(client, world, **extra):
    return client.post(
        "/api/v1/plans/",
        {"province": world.plan.province_id, "title": "x", "start_year": 2030, "end_year": 2026},
        format="json",
        **extra,
    )


def test_lang_en_answers_in_english(api, world):
    response = api("staff").post(
        "/api/v1/plans/?lang=en",
        {"province": world.plan.province_id, "title": "x", "start_year": 2030, "end_year": 2026},
        format="json",
    )
    assert response["Content-Language"] == "en"
    assert response.json()["error"]["message"] == INVALID_EN


def test_accept_language_en_answers_in_english(api, world):
    response = _bad_plan(api("staff"), world, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response["Content-Language"] == "en"
    assert response.json()["error"]["message"] == INVALID_EN


def test_the_portal_language_cookie_wins_over_accept_language(api, world):
    client = api("staff")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    response = _bad_plan(client, world, HTTP_ACCEPT_LANGUAGE="en")
    assert response["Content-Language"] == "vi"
    assert response.json()["error"]["message"] == INVALID_VI


def test_an_unsupported_language_falls_back_to_vietnamese(api, world):
    response = _bad_plan(api("staff"), world, HTTP_ACCEPT_LANGUAGE="fr-FR,de;q=0.8")
    assert response["Content-Language"] == "vi"
    assert response.json()["error"]["message"] == INVALID_VI


def test_a_browser_asking_for_html_gets_json(api, world):
    response = api("staff").get(f"/api/v1/applications/{world.reviewing.pk}/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json()["application"]["id"] == world.reviewing.pk
