"""Every endpoint against every role: the status code the access rules give, the route the request reached,
the error envelope of a refusal, and that a refused write changed nothing while an allowed one was recorded."""

from __future__ import annotations

import re

import pytest
from django.urls import NoReverseMatch, reverse

from accounts.models import AuditEntry
from enterprises.models import Award, Certificate, Contact, Enterprise
from plans.models import (
    Activity,
    BudgetAmount,
    BudgetLine,
    IndicatorValue,
    LegalDocument,
    Objective,
    Phase,
    Plan,
    ReportingDuty,
    Target,
    Task,
    TaskProgress,
    Unit,
)
from reporting.models import Report, ReportVersion
from support.models import (
    Application,
    ApplicationEvent,
    ApplicationMessage,
    Attachment,
    BudgetAllocation,
    CostItem,
    Payment,
    Review,
    RuleCostKind,
    SupportPolicy,
    SupportRule,
)
from tests.accounts.factories import PASSWORD

from .cases import CASES, Case
from .world import ROLES

pytestmark = pytest.mark.django_db

COUNTED = (
    AuditEntry,
    Plan,
    Phase,
    Objective,
    Target,
    Task,
    BudgetLine,
    BudgetAmount,
    ReportingDuty,
    Unit,
    LegalDocument,
    Activity,
    TaskProgress,
    IndicatorValue,
    Enterprise,
    Certificate,
    Award,
    Contact,
    SupportPolicy,
    SupportRule,
    RuleCostKind,
    BudgetAllocation,
    Application,
    CostItem,
    Attachment,
    ApplicationEvent,
    ApplicationMessage,
    Review,
    Payment,
    Report,
    ReportVersion,
)
ERROR_CODES = {
    400: {"validation_error", "transition_refused"},
    401: {"not_authenticated"},
    403: {"permission_denied"},
    404: {"not_found"},
}


def fingerprint() -> dict:
    """How many rows each table holds, and the state of what changes in place (statuses, amounts)."""
    counts = {model.__name__: model.objects.count() for model in COUNTED}
    counts["applications"] = list(Application.objects.order_by("pk").values_list("status", "approved_amount", "title"))
    counts["enterprises"] = list(Enterprise.objects.order_by("pk").values_list("status", "employees", "name"))
    counts["audit_last"] = AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first()
    return counts


def schema_path(route: str) -> str:
    """A Django route as the OpenAPI schema writes it: "api/v1/plans/<int:pk>/" -> "/api/v1/plans/{id}/"."""
    route = route.replace("<int:pk>", "{id}")
    return "/" + re.sub(r"<\w+:(\w+)>", r"{\1}", route)


def call(client, case: Case, world, role: str):
    body = case.body(world) if case.body else None
    if case.extra.get("own_credentials") and role != "anonymous":
        body = {"email": world.users[role].email, "password": PASSWORD}
    method = getattr(client, case.method)
    if case.multipart:
        return method(case.url(world), body, format="multipart")
    return method(case.url(world), body, format="json") if body is not None else method(case.url(world))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_every_role_gets_the_status_the_access_rules_give(world, api, case: Case, role: str):
    if case.extra.get("needs_url") and case.expected[role] < 300:
        try:
            reverse(case.extra["needs_url"])
        except NoReverseMatch:
            pytest.skip(f"{case.extra['needs_url']} is not mounted in config/urls.py yet")
    writing = case.method != "get"
    before = fingerprint() if writing else None
    response = call(api(role), case, world, role)

    expected = case.expected[role]
    detail = getattr(response, "data", None)
    assert response.status_code == expected, f"{case.name} as {role}: {response.status_code} {detail}"
    assert schema_path(response.wsgi_request.resolver_match.route) == case.path
    after = fingerprint() if writing else None
    if response.status_code >= 400:
        assert response.json()["error"]["code"] in ERROR_CODES[response.status_code]
        assert after == before, f"a refused {case.name} changed the data"
    elif writing and case.writes:
        assert after["audit_last"] != before["audit_last"], f"{case.name} wrote no audit row"
