"""Every page and API list the benchmarks measure (support.scale.bench_cases) issues the same number of queries
with 10 rows as with 200: generated data for one province (Hà Nội) with 10 enterprises and 10 applications, then
with 200 of each; the same person asks for the same kind of record in both (a paid application, the enterprise
with the most applications, the province's plan)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from support import scale
from support.models import Application

AS_OF = dt.date(2026, 11, 20)
FEW = scale.ScaleOptions(provinces=["ha-noi"], enterprises=10, applications=10, seed=5, as_of=AS_OF)
MANY = scale.ScaleOptions(provinces=["ha-noi"], enterprises=200, applications=200, seed=5, as_of=AS_OF)


def _quiet(message: str) -> None:
    pass


def _measure() -> dict[str, tuple[int, int, int]]:
    """(queries, HTTP status, bytes) of every case, after one warm-up request."""
    result = {}
    clients: dict[int, Client] = {}
    for case in scale.bench_cases(scale.bench_subjects()):
        if case.user_id not in clients:
            clients[case.user_id] = Client(raise_request_exception=False)  # a broken page fails its own test only
            clients[case.user_id].force_login(User.objects.get(pk=case.user_id))
        client = clients[case.user_id]
        client.get(case.url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(case.url)
        result[case.name] = (len(queries), response.status_code, len(response.content))
    return result


@pytest.fixture(scope="module")
def measured(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        scale.generate(FEW, log=_quiet)
        few = _measure()
        few_rows = Application.objects.count()
        scale.generate(MANY, log=_quiet)
        many = _measure()
        many_rows = Application.objects.count()
        transaction.set_rollback(True)
    assert (few_rows, many_rows) == (10, 200)
    return few, many


pytestmark = pytest.mark.django_db


def _case_names() -> list[str]:
    """The cases of this version of the portal (pages or endpoints not there yet are left out)."""
    dummy = scale.BenchSubjects(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2024)  # only the names are read
    return [case.name for case in scale.bench_cases(dummy)]


@pytest.mark.parametrize("name", _case_names())
def test_query_count_does_not_grow_with_rows(measured, name):
    few, many = measured
    # With one province the index of province dashboards sends the person straight to it.
    expected = 302 if name == "target dashboard: province index (Ministry)" else 200
    assert few[name][1] == many[name][1] == expected, (few[name], many[name])
    assert few[name][0] == many[name][0], f"{name}: {few[name][0]} queries with 10 rows, {many[name][0]} with 200"


def test_lists_show_more_rows_with_more_data(measured):
    """The comparison means something: the lists of the larger world are longer."""
    few, many = measured
    for name in ("application queue (staff)", "enterprise list (staff)", "application queue (Ministry, national)"):
        assert many[name][2] > few[name][2], name
