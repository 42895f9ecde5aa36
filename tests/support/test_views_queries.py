"""The queue, the lists and the application's page keep a fixed number of queries as applications, cost
lines, documents, events, reviews, messages and payments grow: each is measured at two sizes."""

import dataclasses
import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from support import services
from support.choices import CostKind, Status
from support.models import CouncilMember
from tests.support.factories import (
    MILLION,
    advance,
    make_application,
    make_council,
    province,
    scenario,
    upload,
)

pytestmark = pytest.mark.django_db


def _queries(client, url, **params) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_queue_query_count_does_not_grow_with_applications(client):
    app, people = scenario()
    advance(app, Status.SUBMITTED, people)
    client.force_login(people.staff)
    url = reverse("support:application_queue")
    few = _queries(client, url)
    for _n in range(6):
        extra = make_application(member=people.member, enterprise=app.enterprise, rule=app.rule)
        advance(extra, Status.SCREENING, people)
    assert _queries(client, url) == few
    assert _queries(client, url, status="screening", ordering="amount") == _queries(
        client, url, status="submitted", ordering="amount"
    )


def test_my_applications_and_council_lists_do_not_grow_with_rows(client):
    app, people = scenario()
    advance(app, Status.COUNCIL_REVIEW, people)
    client.force_login(people.member)
    mine = _queries(client, reverse("support:my_applications"))
    client.force_login(people.council_member)
    council = _queries(client, reverse("support:council_reviews"))
    for _n in range(5):
        extra = make_application(member=people.member, enterprise=app.enterprise, rule=app.rule)
        extra = advance(extra, Status.COUNCIL_REVIEW, people)
        services.review_submit(application=extra, by=people.council_member, score=75, recommendation="approve")
    client.force_login(people.member)
    assert _queries(client, reverse("support:my_applications")) == mine
    client.force_login(people.council_member)
    assert _queries(client, reverse("support:council_reviews")) == council


def _accepted(people, app, *, seats: int, extra_costs: int, extra_documents: int, messages: int, payments: int):
    """An accepted application with a council of ``seats`` members who all reviewed it, a detour through
    "changes requested" when ``extra_costs`` (more events), more cost lines, documents, messages and payments."""
    council = make_council(province_obj=province("kon-tum"), seats=seats)
    users = [m.user for m in CouncilMember.objects.filter(council=council).select_related("user").order_by("pk")]
    people = dataclasses.replace(people, council=council, council_member=users[0])
    for n in range(extra_costs):
        services.cost_item_add(
            application=app, by=people.member, kind=CostKind.CONSULTANCY, estimated_amount=MILLION, description=f"{n}"
        )
    for _n in range(extra_documents):
        upload(app, people.member, "other")
    if extra_costs:
        app = services.application_transition(application=app, transition="submit", by=people.member)
        services.application_transition(
            application=app, transition="request_changes", by=people.staff, comment="Bổ sung"
        )
        app = services.application_transition(application=app, transition="resubmit", by=people.member)
    app = advance(app, Status.COUNCIL_REVIEW, people)
    for user in users:
        services.review_submit(application=app, by=user, score=80, recommendation="approve", opinion="Được")
    app = advance(app, Status.ACCEPTED, people)
    for n in range(messages):
        services.message_post(application=app, by=people.member if n % 2 else people.staff, body=f"Tin nhắn {n}")
    for n in range(payments):
        services.payment_record(
            application=app, by=people.staff, paid_on=dt.date(2025, 12, 1 + n), amount=MILLION, reference=f"UNC {n}"
        )
    return app


@pytest.mark.parametrize("who", ["staff", "member"])
def test_application_page_query_count_does_not_grow_with_its_parts(client, who):
    small, people = scenario()
    big = make_application(member=people.member, enterprise=small.enterprise, rule=small.rule)
    small = _accepted(people, small, seats=1, extra_costs=0, extra_documents=0, messages=1, payments=1)
    big = _accepted(people, big, seats=4, extra_costs=5, extra_documents=6, messages=7, payments=4)
    assert big.events.count() > small.events.count() + 1
    assert big.attachments.count() == small.attachments.count() + 6
    client.force_login(getattr(people, who))
    url = lambda app: reverse("support:application_detail", args=[app.pk])  # noqa: E731
    assert _queries(client, url(big)) == _queries(client, url(small))
