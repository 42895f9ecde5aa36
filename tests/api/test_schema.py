"""The OpenAPI schema: it validates without a warning, every operation in it is exercised by the role matrix
(``cases.CASES``), and its documentation pages work offline (their assets are served by the portal)."""

from __future__ import annotations

import pytest
import yaml
from django.core.management import call_command
from drf_spectacular.generators import SchemaGenerator

from .cases import CASES

pytestmark = pytest.mark.django_db

METHODS = {"get", "post", "put", "patch", "delete"}


def operations(schema: dict) -> set[tuple[str, str]]:
    return {(method, path) for path, ops in schema["paths"].items() for method in ops if method in METHODS}


def test_schema_validates_without_warnings(tmp_path):
    target = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    schema = yaml.safe_load(target.read_text())
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/plans/{id}/budget/" in schema["paths"]


def test_every_operation_of_the_schema_is_exercised_by_a_case():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    in_schema = operations(schema)
    in_cases = {(case.method, case.path) for case in CASES}
    assert sorted(in_schema - in_cases) == [], "operations without a test case"
    assert sorted(in_cases - in_schema) == [], "test cases for operations the schema does not have"


def test_every_operation_documents_the_error_envelope():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    error = schema["components"]["schemas"]["Error"]
    assert error["properties"]["error"]["required"] == ["code", "message", "fields"]
    for path, ops in schema["paths"].items():
        for method, operation in ops.items():
            if method in METHODS:
                assert {"400", "401", "403"} <= set(operation["responses"]), (method, path)


def test_the_schema_is_served_to_anyone(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    assert response.json()["info"]["title"] == "NSCL portal API"


@pytest.mark.parametrize("url", ["/api/docs/", "/api/redoc/"])
def test_documentation_pages_use_assets_served_by_the_portal(client, url):
    page = client.get(url).content.decode()
    assert "/static/drf_spectacular_sidecar/" in page
    assert "cdn.jsdelivr.net" not in page and "unpkg.com" not in page
