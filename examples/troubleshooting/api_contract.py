"""Check example payloads against the OpenAPI schema the backend generates.

A frontend built against a hand-written sample breaks when the sample and the API
disagree. Validating every example against the generated schema (drf-spectacular)
catches the drift in the backend's test suite, before the frontend team does.
"""

from drf_spectacular.generators import SchemaGenerator
from jsonschema import Draft7Validator

# --8<-- [start:before]
# A sample pasted into a chat message weeks ago: the frontend was built against it.
STALE_BOOK_EXAMPLE = {
    "id": 1,
    "title": "Designing Web APIs",
    "author": "Ada Lovelace",
    "price": 29.9,
    "published_on": "2024-03-01",
}
# --8<-- [end:before]


# --8<-- [start:after]
def openapi_schema(urlconf: str = "api.tests.urls_api_only") -> dict:
    """The OpenAPI 3 document, generated from the serializers and URL patterns."""
    return SchemaGenerator(urlconf=urlconf).get_schema(request=None, public=True)


def contract_errors(example: dict, component: str, schema: dict) -> list[str]:
    """Ways an example payload breaks a component of the OpenAPI schema.

    Args:
        example: The payload, for instance a documented example or a mock response.
        component: A name under ``components/schemas``, such as ``"Book"``.
        schema: The OpenAPI document from :func:`openapi_schema`.

    Returns:
        One message per problem, as ``field: message``; empty when the example conforms.

    """
    validator = Draft7Validator(
        {"$ref": f"#/components/schemas/{component}", "components": schema["components"]}
    )
    return sorted(
        f"{'.'.join(map(str, error.absolute_path)) or '(payload)'}: {error.message}"
        for error in validator.iter_errors(example)
    )
# --8<-- [end:after]
