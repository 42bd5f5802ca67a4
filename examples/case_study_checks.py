"""Checks shared by the three case studies: a page's endpoints table against the OpenAPI schema.

A case-study page (docs/projects/) lists its endpoints in a Markdown table whose rows start
with `` | `GET` | `/path/` | ``; the tests compare that table with the schema the app serves, so
the page cannot drift from the code.
"""

import re
from pathlib import Path

from django.conf import settings
from rest_framework.test import APIClient

PROJECT_PAGES = settings.BASE_DIR.parent / "docs" / "projects"
ROW = re.compile(r"^\| `(GET|POST|PUT|PATCH|DELETE)` \| `(/[^`]*)` \|", re.MULTILINE)
METHODS = {"get", "post", "put", "patch", "delete"}


def fetch_schema(url: str) -> dict:
    response = APIClient().get(url, HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    return response.json()


def schema_endpoints(schema: dict) -> set[tuple[str, str]]:
    return {
        (method.upper(), path)
        for path, operations in schema["paths"].items()
        for method in operations
        if method in METHODS
    }


def assert_endpoints_table_matches(page: Path, schema: dict) -> None:
    table = set(ROW.findall(page.read_text(encoding="utf-8")))
    in_schema = schema_endpoints(schema)
    assert table, "the page has no endpoints table"
    assert not table - in_schema, f"in the page's table but not in the API: {table - in_schema}"
    assert not in_schema - table, f"in the API but not in the page's table: {in_schema - table}"
