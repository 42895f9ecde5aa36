"""Two approvals at the same moment can never commit more than the allocation (PostgreSQL row locks)."""

import threading

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.models import F

from support import services
from support.choices import CapPer, CostKind, Status
from support.models import Application, BudgetAllocation
from support.workflow import TransitionError, application_transition
from tests.enterprises.factories import make_enterprise
from tests.support.factories import (
    MILLION,
    advance,
    make_allocation,
    make_application,
    make_people,
    make_rule,
    transition_data,
)

# Reference data (provinces, sectors, the support catalogue) comes from migrations: restore it after the flush.
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _two_applications_of_60_million_before_approval():
    rule = make_rule(rate="100", cap=None, cap_per=CapPer.APPLICATION, kinds=(CostKind.CONSULTANCY,))
    allocation = make_allocation(rule=rule, year=2025, amount=100 * MILLION)
    apps = []
    for _n in range(2):
        enterprise = make_enterprise()
        people = make_people(enterprise)
        app = make_application(
            member=people.member, enterprise=enterprise, rule=rule, costs=((CostKind.CONSULTANCY, 60 * MILLION),)
        )
        app = advance(app, Status.COUNCIL_REVIEW, people)
        services.review_submit(application=app, by=people.council_member, score=90, recommendation="approve")
        app.refresh_from_db()
        assert app.max_support == 60 * MILLION
        apps.append((app, people))
    return allocation, apps


def test_two_simultaneous_approvals_cannot_overspend_the_allocation():
    allocation, apps = _two_applications_of_60_million_before_approval()
    barrier = threading.Barrier(len(apps))
    outcomes: list[str] = []
    lock = threading.Lock()

    def approve(app, people):
        try:
            barrier.wait(timeout=10)
            application_transition(
                application=app, transition="approve", by=people.staff, **transition_data("approve", app, people)
            )
            result = "approved"
        except TransitionError as exc:
            result = "refused: " + " ".join(exc.messages)
        except Exception as exc:  # report any other failure to the main thread
            result = f"error: {exc!r}"
        finally:
            connection.close()  # each thread had its own connection
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=approve, args=pair) for pair in apps]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(o.split(":")[0] for o in outcomes) == ["approved", "refused"], outcomes
    allocation.refresh_from_db()
    assert allocation.committed == 60 * MILLION
    statuses = sorted(Application.objects.filter(pk__in=[a.pk for a, _p in apps]).values_list("status", flat=True))
    assert statuses == [Status.APPROVED, Status.COUNCIL_REVIEW]


def test_the_database_refuses_an_over_commitment_written_directly():
    rule = make_rule()
    allocation = make_allocation(rule=rule, amount=100 * MILLION)
    BudgetAllocation.objects.filter(pk=allocation.pk).update(committed=60 * MILLION)
    with pytest.raises(IntegrityError), transaction.atomic():
        BudgetAllocation.objects.filter(pk=allocation.pk).update(committed=F("committed") + 60 * MILLION)
    allocation.refresh_from_db()
    assert allocation.committed == 60 * MILLION
