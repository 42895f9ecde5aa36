"""Property-based run of the API against its own OpenAPI schema (schemathesis, through the WSGI application):
for every operation, a bounded number of generated requests, as the province's staff with a token, and none
may end in a server error. It runs in ``make test`` (marker ``fuzz``: ``-m "not fuzz"`` leaves it out)."""

from __future__ import annotations

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

pytestmark = [pytest.mark.django_db, pytest.mark.fuzz]

EXAMPLES = int(os.environ.get("NSCL_FUZZ_EXAMPLES", "10"))


def _load_schema():
    """The schema as the portal serves it, called through the WSGI application (no server, no database)."""
    from config.wsgi import application

    return schemathesis.openapi.from_wsgi("/api/schema/", application)


schema = _load_schema()


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """Django closes a connection at the end of a request when it is inside a transaction (as the test's is):
    the WSGI calls must not close the test's connection, as Django's own test client makes sure."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,  # the same examples on every run: a failure can be replayed
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_no_operation_answers_with_a_server_error(case, world):
    response = case.call(headers={"Authorization": f"Token {world.tokens['staff']}"})
    case.validate_response(response, checks=[not_a_server_error])
