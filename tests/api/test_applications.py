"""Applications through the API: the workflow from draft to approval with the same guards as the pages, the
transitions each person may start, documents, and one enterprise never reaching another's."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from support.models import Application, Attachment, BudgetAllocation, Decision

from .world import PDF_BYTES

pytestmark = pytest.mark.django_db


def _names(detail: dict) -> list[str]:
    return [t["name"] for t in detail["transitions"]]


def test_the_detail_lists_the_transitions_this_person_may_start(api, world):
    url = f"/api/v1/applications/{world.reviewing.pk}/"
    staff = api("staff").get(url).json()
    assert _names(staff) == ["reject", "approve"]
    approve = staff["transitions"][1]
    assert approve["fields"] == ["decision_number", "decision_date", "signer_name", "approved_amount"]
    assert approve["reasons"] == ["Chưa có thành viên hội đồng nào đánh giá hồ sơ này."]
    assert _names(api("member").get(url).json()) == ["withdraw"]
    assert _names(api("council").get(url).json()) == []
    assert _names(api("ministry").get(url).json()) == []


def test_the_detail_shows_messages_only_to_who_may_read_them(api, world):
    url = f"/api/v1/applications/{world.reviewing.pk}/"
    assert [m["body"] for m in api("staff").get(url).json()["messages"]] == ["Xin hỏi về hồ sơ."]
    assert api("council").get(url).json()["messages"] is None


def test_an_application_goes_from_draft_to_approval_through_the_api(api, world):
    app = world.draft
    url = f"/api/v1/applications/{app.pk}/"
    submitted = api("member").post(f"{url}transitions/submit/", {}, format="json")
    assert submitted.status_code == 200, submitted.data
    assert submitted.json()["application"]["status"] == "submitted"
    # 50 % of 100,000,000 (consultancy 60,000,000 and audit 40,000,000) is capped at 45,000,000 per system.
    assert submitted.json()["application"]["max_support"] == 45_000_000
    staff = api("staff")
    assert staff.post(f"{url}transitions/start_screening/", {}, format="json").status_code == 200
    sent = staff.post(f"{url}transitions/send_to_council/", {"council": world.council.pk}, format="json")
    assert sent.json()["application"]["council"] == world.council.pk
    review = api("council").post(f"{url}reviews/", {"score": 85, "recommendation": "approve"}, format="json")
    assert review.status_code == 201
    committed = BudgetAllocation.objects.get(pk=world.allocation.pk).committed
    approved = staff.post(
        f"{url}transitions/approve/",
        {
            "decision_number": "21/QĐ-SKHCN",
            "decision_date": "2025-06-02",
            "signer_name": "Trần Văn Minh",
            "approved_amount": 45_000_000,
        },
        format="json",
    )
    assert approved.status_code == 200, approved.data
    body = approved.json()
    assert body["application"]["status"] == "approved"
    assert body["decision"]["number"] == "21/QĐ-SKHCN"
    assert [e["transition"] for e in body["events"]][-4:] == ["submit", "start_screening", "send_to_council", "approve"]
    assert Decision.objects.get(application=app).approved_amount == 45_000_000
    assert BudgetAllocation.objects.get(pk=world.allocation.pk).committed == committed + 45_000_000


def test_approving_above_the_maximum_is_refused_and_commits_nothing(api, world):
    app = world.draft
    url = f"/api/v1/applications/{app.pk}/transitions/"
    api("member").post(f"{url}submit/", {}, format="json")
    api("staff").post(f"{url}start_screening/", {}, format="json")
    api("staff").post(f"{url}send_to_council/", {"council": world.council.pk}, format="json")
    api("council").post(
        f"/api/v1/applications/{app.pk}/reviews/", {"score": 70, "recommendation": "approve"}, format="json"
    )
    committed = BudgetAllocation.objects.get(pk=world.allocation.pk).committed
    response = api("staff").post(
        f"{url}approve/",
        {"decision_number": "1", "decision_date": "2025-06-02", "signer_name": "A", "approved_amount": 46_000_000},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "transition_refused"
    assert "45.000.000" in response.json()["error"]["message"]
    assert Application.objects.get(pk=app.pk).status == "council_review"
    assert BudgetAllocation.objects.get(pk=world.allocation.pk).committed == committed


def test_a_member_creates_a_draft_with_its_cost_estimate(api, world):
    response = api("member").post(
        "/api/v1/applications/",
        {
            "enterprise": world.enterprise.pk,
            "rule": world.rule.pk,
            "budget_year": 2025,
            "title": "Áp dụng ISO 22000 cho xưởng rang",
            "cost_items": [
                {"kind": "consultancy", "estimated_amount": 70_000_000},
                {"kind": "certification_audit", "estimated_amount": 30_000_000},
            ],
        },
        format="json",
    )
    assert response.status_code == 201
    body = response.json()
    assert body["application"]["status"] == "draft"
    assert [(i["kind"], i["estimated_amount"]) for i in body["cost_items"]] == [
        ("consultancy", 70_000_000),
        ("certification_audit", 30_000_000),
    ]
    assert body["quote"]["support"] == 45_000_000
    assert _names(body) == ["submit", "withdraw"]


def test_a_draft_outside_the_policy_period_is_refused(api, world):
    count = Application.objects.count()
    response = api("member").post(
        "/api/v1/applications/",
        {"enterprise": world.enterprise.pk, "rule": world.rule.pk, "budget_year": 2027, "title": "Dự án 2027"},
        format="json",
    )
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["budget_year"]
    assert Application.objects.count() == count


# --- Documents --------------------------------------------------------------------------------------------------


def test_a_document_is_uploaded_and_downloaded_by_who_may_read_it(api, world):
    url = f"/api/v1/applications/{world.reviewing.pk}/documents/"
    upload = SimpleUploadedFile("bao-gia-bo-sung.pdf", PDF_BYTES, content_type="application/pdf")
    response = api("member").post(url, {"kind": "quotation", "file": upload}, format="multipart")
    assert response.status_code == 201, response.data
    document = response.json()
    assert (document["original_name"], document["size"]) == ("bao-gia-bo-sung.pdf", len(PDF_BYTES))
    download = api("council").get(document["download"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF_BYTES
    assert download["Content-Type"] == "application/pdf"
    assert 'filename="bao-gia-bo-sung.pdf"' in download["Content-Disposition"]


def test_a_refused_upload_leaves_no_file(api, world):
    private = Path(settings.MEDIA_ROOT) / "private"
    files = {p for p in private.rglob("*") if p.is_file()}
    count = Attachment.objects.count()
    exe = SimpleUploadedFile("hoa-don.pdf", b"MZ\x90\x00" + b"\x00" * 64, content_type="application/pdf")
    response = api("member").post(
        f"/api/v1/applications/{world.reviewing.pk}/documents/", {"kind": "invoice", "file": exe}, format="multipart"
    )
    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {
        "file": ["Nội dung tệp không phải là tài liệu PDF, dù tên tệp ghi như vậy."]
    }
    assert Attachment.objects.count() == count
    assert {p for p in private.rglob("*") if p.is_file()} == files


def test_an_enterprise_token_cannot_reach_another_enterprises_application_or_document(api, world):
    other = api("other_member")
    app, document = world.reviewing, world.document
    assert other.get(f"/api/v1/applications/{app.pk}/").status_code == 404
    assert other.get(f"/api/v1/applications/{app.pk}/documents/{document.pk}/download/").status_code == 404
    assert other.get(f"/api/v1/applications/{app.pk}/events/").status_code == 404
    assert other.post(f"/api/v1/applications/{app.pk}/messages/", {"body": "?"}, format="json").status_code == 404
    assert app.pk not in [row["id"] for row in other.get("/api/v1/applications/").json()["results"]]


def test_a_document_is_found_only_under_its_own_application(api, world):
    # The member's own draft in the URL does not open the document of another application.
    url = f"/api/v1/applications/{world.draft.pk}/documents/{world.document.pk}/download/"
    assert api("member").get(url).status_code == 404


def test_an_enterprise_applies_only_under_its_provinces_policies(api, world):
    from support import demo

    hau_giang_rule = demo.hau_giang_policy().rules.get(category__code="management-systems")
    count = Application.objects.count()
    response = api("member").post(
        "/api/v1/applications/",
        {"enterprise": world.enterprise.pk, "rule": hau_giang_rule.pk, "budget_year": 2020, "title": "ISO 9001"},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {
        "rule": ["Chính sách chỉ áp dụng cho doanh nghiệp trên địa bàn Hậu Giang."]
    }
    assert Application.objects.count() == count


def test_a_task_reported_done_is_100_percent_complete(api, world):
    response = api("unit").post(
        "/api/v1/task-progress/",
        {"task": world.task.pk, "year": 2025, "unit": world.unit.pk, "status": "done", "results": "Hoàn thành"},
        format="json",
    )
    assert response.status_code == 201
    assert (response.json()["status"], response.json()["percent_complete"]) == ("done", 100)
    again = api("unit").post(
        "/api/v1/task-progress/",
        {"task": world.task.pk, "year": 2025, "unit": world.unit.pk, "status": "in_progress", "percent_complete": 80},
        format="json",
    )
    assert again.status_code == 200  # the same task, year and unit: the report is corrected
    assert again.json()["id"] == response.json()["id"]
