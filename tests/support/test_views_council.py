"""The council member's pages: only the applications of their councils; a score and an opinion; a declared
conflict of interest removes the score form and says why."""

import pytest
from django.urls import reverse

from support import services
from support.choices import Status
from support.models import Review
from tests.support.factories import advance, make_application, scenario

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    return response.content.decode()


@pytest.fixture
def assigned():
    app, people = scenario()
    waiting = make_application(member=people.member, enterprise=app.enterprise, rule=app.rule)
    waiting = advance(waiting, Status.SCREENING, people)  # not sent to any council yet
    app = advance(app, Status.COUNCIL_REVIEW, people)
    return app, waiting, people


def test_the_list_holds_only_the_applications_of_the_members_councils(client, assigned):
    app, waiting, people = assigned
    client.force_login(people.council_member)
    text = _text(client.get(reverse("support:council_reviews")))
    assert app.title in text and waiting.title not in text
    assert '<span class="pill">cần đánh giá</span>' in text

    client.force_login(people.other_council_member)
    text = _text(client.get(reverse("support:council_reviews")))
    assert app.title not in text
    assert "Hiện không có hồ sơ nào chờ hội đồng của bạn." in text


def test_the_list_of_all_applications_keeps_those_already_decided(client, assigned):
    app, _waiting, people = assigned
    services.review_submit(application=app, by=people.council_member, score=82, recommendation="approve")
    advance(app, Status.APPROVED, people)
    client.force_login(people.council_member)
    assert app.title not in _text(client.get(reverse("support:council_reviews")))
    text = _text(client.get(reverse("support:council_reviews"), {"all": "1"}))
    assert app.title in text and "82 điểm" in text


def test_scoring_with_an_opinion(client, assigned):
    app, _waiting, people = assigned
    client.force_login(people.council_member)
    page = _text(client.get(reverse("support:application_detail", args=[app.pk])))
    assert "Lưu phiếu đánh giá" in page and "Khai báo xung đột lợi ích" in page
    # The member sees neither the other members' scores nor the messages with the enterprise.
    assert 'id="council"' not in page and 'id="messages"' not in page
    url = reverse("support:review_submit", args=[app.pk])
    response = client.post(url, {"score": "88", "recommendation": "approve", "opinion": "Khả thi"})
    assert response.status_code == 302
    review = Review.objects.get()
    assert (review.score, review.recommendation, review.opinion) == (88, "approve", "Khả thi")
    page = _text(client.get(response["Location"]))
    assert "Bạn đã chấm 88 điểm và kiến nghị: đề nghị phê duyệt." in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"score": "150", "recommendation": "approve"}, "nhỏ hơn hoặc bằng với 100"),
        ({"score": "", "recommendation": "approve"}, "Thông tin này là bắt buộc."),
        ({"score": "80", "recommendation": "maybe"}, "lựa chọn hợp lệ"),
    ],
)
def test_a_bad_review_shows_the_error_and_records_nothing(client, assigned, data, message):
    app, _waiting, people = assigned
    client.force_login(people.council_member)
    response = client.post(reverse("support:review_submit", args=[app.pk]), data)
    assert response.status_code == 200
    assert message in _text(response)
    assert not Review.objects.exists()


def test_a_declared_conflict_of_interest_replaces_the_score_form_with_an_explanation(client, assigned):
    app, _waiting, people = assigned
    client.force_login(people.council_member)
    services.review_submit(application=app, by=people.council_member, score=70, recommendation="approve")
    missing_note = client.post(reverse("support:conflict_declare", args=[app.pk]), {"note": ""})
    assert "Thông tin này là bắt buộc." in _text(missing_note)
    assert not Review.objects.get().conflict_of_interest

    response = client.post(reverse("support:conflict_declare", args=[app.pk]), {"note": "Tôi tư vấn cho công ty"})
    assert response.status_code == 302
    page = _text(client.get(reverse("support:application_detail", args=[app.pk])))
    assert "Bạn đã khai báo xung đột lợi ích với hồ sơ này nên không chấm điểm" in page
    assert "Lưu phiếu đánh giá" not in page and 'name="score"' not in page
    review = Review.objects.get()
    assert (review.conflict_of_interest, review.score) == (True, None)

    # Scoring anyway is refused with the reason, and changes nothing.
    refused = client.post(reverse("support:review_submit", args=[app.pk]), {"score": "90", "recommendation": "approve"})
    assert "Bạn đã khai báo xung đột lợi ích với hồ sơ này nên không thể chấm điểm." in _text(refused)
    review.refresh_from_db()
    assert (review.conflict_of_interest, review.score) == (True, None)


def test_reviews_are_closed_once_the_council_has_decided(client, assigned):
    app, _waiting, people = assigned
    services.review_submit(application=app, by=people.council_member, score=82, recommendation="approve")
    app = advance(app, Status.APPROVED, people)
    client.force_login(people.council_member)
    page = _text(client.get(reverse("support:application_detail", args=[app.pk])))
    assert "Bạn đã chấm 82 điểm" in page and 'name="score"' not in page
    refused = client.post(reverse("support:review_submit", args=[app.pk]), {"score": "10", "recommendation": "reject"})
    assert "Chỉ đánh giá khi hồ sơ đang được hội đồng thẩm định; hồ sơ đang ở trạng thái “đã phê duyệt”." in _text(
        refused
    )
    assert Review.objects.get().score == 82
