"""Every OpenAPI schema the examples project serves, by URL (a test checks the list is whole)."""

PUBLISHED_SCHEMAS = [
    "/api/v1/schema/",  # every API of the project: the bookshop's v1 and the case studies
    "/api/v2/schema/",  # the bookshop's v2
    "/shop/api/schema/",
    "/stays/api/schema/",
    "/audiobooks/api/schema/",
]
