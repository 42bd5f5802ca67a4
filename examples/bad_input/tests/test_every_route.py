"""Every route of the project's URLconf, fed bad input: a 4xx with a JSON body, never a 5xx.

The routes come from the URL resolver, so a new app or endpoint is tested without being
listed here, and each view is asked which query parameters it reads (its filters, search,
ordering and pagination). Each test sends one kind of bad input to one route and lists
every request that got a server error (with its exception) or, from a JSON API, a body that
is not JSON. The databases differ in what they refuse: run it on SQLite, PostgreSQL and
MySQL/MariaDB.
"""

import base64
import inspect
import json
import logging
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db import transaction
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework import pagination
from rest_framework.filters import OrderingFilter, SearchFilter
from rest_framework.request import Request
from rest_framework.test import APIClient, APIRequestFactory

from bad_input.tests.routes import Route, all_routes

pytestmark = pytest.mark.django_db

# The admin is Django's own HTML application, with its own tests.
ROUTES = all_routes(skip_prefixes=("/admin/",))

# Mounted on purpose, to show a server error on the page that teaches it.
DELIBERATE_500 = {
    "/tasks/async/books/count-broken/": "SynchronousOnlyOperation: concepts/async-programming",
    "/api-depth/throttle/exports/": "ImproperlyConfigured: technologies/drf-in-depth",
}
DOCUMENTATION_VIEWS = (SpectacularAPIView, SpectacularSwaggerView, SpectacularRedocView)

# Each value has broken at least one route of this project on at least one database.
BAD_IDS = [
    "a\x00b",  # PostgreSQL refuses NUL in text: DataError
    "abc",
    "99999999999999999999",  # beyond 64 bits: SQLite's driver raises OverflowError
    "1e30",
    "x" * 300,  # longer than any column, and than memcached's 250-character keys
]
BAD_QUERY_VALUES = [*BAD_IDS, "1.5", "-1"]
BAD_CURSORS = [
    base64.b64encode(raw.encode()).decode()
    for raw in ["p=abc", "p=a\x00b", "p=99999999999999999999", "r=1&p=1e30", "o=abc"]
] + ["not-base64!"]
BAD_BODY_VALUES = [
    "a\x00b", 99999999999999999999, 1e308, "9999-12-31", [], {}, None, "x" * 10_000,
]
DEEP_JSON = "[" * 100_000 + "]" * 100_000  # RecursionError in json.loads
BAD_CREDENTIALS = [
    "Basic " + base64.b64encode(b"a\x00b:password").decode(),  # a NUL in the username
    "Basic " + base64.b64encode(b"x" * 300 + b":password").decode(),
    "Basic not-base64!",
    "Bearer not.a.jwt",
    "Token " + "x" * 300,
]
UNSAFE_METHODS = ["post", "put", "patch", "delete"]

# What each kind of failure has meant so far, and the fix this project uses for it.
FIXES = {
    "NUL (0x00)": "check the value before the query: bad_input.lookups.ValidLookupMixin "
    "(ids and slugs), bad_input.filters.ColumnCheckedFilterSet (filters), <text:...> "
    "(bad_input.converters) for a path",
    "OverflowError": "an integer beyond 64 bits reached SQLite: ColumnCheckedFilterSet, or "
    "bad_input.columns.check_value() for a value the view reads itself",
    "RecursionError": "a JSON parser let RecursionError out: REST_FRAMEWORK's "
    "DEFAULT_PARSER_CLASSES must list bad_input.parsers.JSONParser",
    "argument 'format'": "an @action without format=None: DefaultRouter passes the .json "
    "suffix as a format keyword argument",
    "DoesNotExist": "a .get() that an unknown id reaches: get_object_or_404()",
    "not JSON": "a JSON API must answer JSON: handler404 = 'bad_input.views.not_found' "
    "(config/urls.py) for URLs no pattern matches, a DRF view for the rest",
}
PLAIN_VIEW_PARAMETERS = ["page", "search", "q", "format"]


# --- what a route accepts -------------------------------------------------------------------


def is_json_api(route: Route) -> bool:
    return route.is_drf and not issubclass(route.view_class, DOCUMENTATION_VIEWS)


def methods(route: Route) -> list[str]:
    """The methods a viewset route maps to an action; GET and POST for a plain Django view."""
    if not route.is_drf:
        return ["get", "post"]
    return [m for m in ["get", *UNSAFE_METHODS] if not route.actions or m in route.actions]


def good_values(route: Route) -> dict[str, str]:
    """``v1`` for the version, ``json`` for a format suffix, ``1`` for any id."""
    values = {name: "1" for name in route.params}
    if "version" in values:
        values["version"] = "v1"
    if "format" in values:  # the API root's pattern keeps the dot inside the group
        values["format"] = "json" if ".%(format)s" in route.template else ".json"
    return values


def view_for(route: Route, method: str, user):
    """The route's view, set up as DRF does for a request, to ask it for its serializer."""
    view = route.view_class(**route.pattern.callback.initkwargs)
    view.action = route.actions.get(method)
    request = Request(getattr(APIRequestFactory(), method)("/"))
    request.user, request.version = user, "v1"
    view.request, view.args, view.kwargs, view.format_kwarg = request, (), {}, None
    return view


def serializer_fields(route: Route, method: str, user) -> dict:
    if not route.is_drf:
        return {}
    try:
        return view_for(route, method, user).get_serializer().fields
    except Exception:  # a view without a serializer of its own
        return {}


def query_parameters(route: Route, user) -> list[tuple[str, str]]:
    """(name, value) pairs for every query parameter the view reads."""
    if not route.is_drf:  # nothing to ask: the usual names, the two most harmful values
        values = ["a\x00b", "99999999999999999999"]
        return [(name, value) for name in PLAIN_VIEW_PARAMETERS for value in values]
    view = route.view_class
    names = ["format"]
    backends = getattr(view, "filter_backends", [])
    if any(issubclass(b, DjangoFilterBackend) for b in backends):
        if filterset := getattr(view, "filterset_class", None):
            names += list(filterset.base_filters)
        names += list(getattr(view, "filterset_fields", None) or [])
    if any(issubclass(b, SearchFilter) for b in backends) and getattr(view, "search_fields", 0):
        names.append("search")
    paginator = getattr(view, "pagination_class", None)
    if paginator and issubclass(paginator, pagination.PageNumberPagination):
        names += ["page", "page_size"]
    pairs = [(name, value) for name in names for value in BAD_QUERY_VALUES]
    if any(issubclass(b, OrderingFilter) for b in backends):
        pairs += [("ordering", "a\x00b")]
        fields = serializer_fields(route, "get", user).values()  # OrderingFilter's default
        pairs += [
            ("ordering", field.source.replace(".", "__"))
            for field in fields
            if not field.write_only and field.source != "*"
        ]
    if paginator and issubclass(paginator, pagination.CursorPagination):
        pairs += [("cursor", cursor) for cursor in BAD_CURSORS]
    return pairs


# --- sending requests -----------------------------------------------------------------------


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("root", password="root-pass-123")


def make_client(user=None) -> APIClient:
    client = APIClient()
    client.raise_request_exception = False  # a 500 is reported, with its exception
    if user is not None:
        client.force_login(user)  # plain Django views
        client.force_authenticate(user)  # DRF views, whatever their authentication classes
    return client


@pytest.fixture(params=["anonymous", "superuser"])
def who(request, superuser):
    return superuser if request.param == "superuser" else None


@pytest.fixture(autouse=True)
def quiet_request_log():
    """Django logs every 4xx and 5xx; the test reports the wrong ones instead."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    yield
    logger.setLevel(level)


def send(client: APIClient, method: str, url: str, body: str | None, headers: dict):
    caches["default"].clear()  # throttles count in the cache: let every request through
    with transaction.atomic():  # a savepoint: on PostgreSQL a failed query aborts the rest
        if body is None:
            response = client.generic(method.upper(), url, headers=headers)
        else:
            response = client.generic(
                method.upper(), url, body, content_type="application/json", headers=headers
            )
        if response.status_code >= 500:
            transaction.set_rollback(True)
    return response


def problem(route: Route, method: str, url: str, response) -> str | None:
    """What is wrong with this response, or ``None``."""
    status = response.status_code
    shown = f"{method.upper()} {url[:120]!r} -> {status}"
    if status >= 500 and route.template not in DELIBERATE_500:
        exc_type, exc, _ = getattr(response, "exc_info", None) or (None, None, None)
        return shown + (f" {exc_type.__name__}: {str(exc)[:150]}" if exc_type else "")
    if 400 <= status < 500 and is_json_api(route):
        if "json" not in response.get("Content-Type", ""):
            return f"{shown} with Content-Type {response.get('Content-Type')!r}, not JSON"
    return None


def where(route: Route) -> str:
    """``examples/shop/views.py:51 (ProductViewSet)``: the view that answered."""
    view = route.view_class or route.pattern.callback
    view = inspect.unwrap(view)
    try:
        source = Path(inspect.getsourcefile(view)).relative_to(settings.BASE_DIR.parent)
        return f"{source}:{inspect.getsourcelines(view)[1]} ({view.__qualname__})"
    except (TypeError, ValueError, OSError):  # a view from an installed package
        return f"{view.__module__}.{view.__qualname__}"


def check(route: Route, client: APIClient, requests) -> None:
    """Send every (method, url, body, headers) and fail with the list of bad answers."""
    problems = []
    for method, url, body, headers in requests:
        if found := problem(route, method, url, send(client, method, url, body, headers)):
            problems.append(found)
    fixes = {fix for needle, fix in FIXES.items() if any(needle in p for p in problems)}
    assert not problems, (
        f"{len(problems)} bad answers from {route}, view {where(route)}:\n"
        + "\n".join(problems)
        + "".join(f"\nFix: {fix}" for fix in sorted(fixes))
    )


def routes_with(predicate) -> list[Route]:
    return [route for route in ROUTES if predicate(route)]


# --- the tests ------------------------------------------------------------------------------


@pytest.mark.parametrize("route", routes_with(lambda r: set(r.params) - {"version"}), ids=str)
def test_a_bad_id_slug_or_suffix_is_a_4xx(route, who):
    """``/products/a%00b/``, ``/bookings/99999999999999999999/``, ``/books.a%00b``."""
    unsafe = [m for m in methods(route) if m in UNSAFE_METHODS]
    some_methods = list(dict.fromkeys(methods(route)[:1] + unsafe[:1]))
    requests = [
        (method, route.url(**{**good_values(route), name: quote(value, safe="")}), None, {})
        for name in set(route.params) - {"version"}
        for value in BAD_IDS
        for method in some_methods  # DRF loads the object the same way for every method
    ]
    check(route, make_client(who), requests)


@pytest.mark.parametrize(
    "route", routes_with(lambda r: "get" in methods(r) and not r.has_format_suffix), ids=str
)
def test_a_bad_query_parameter_is_a_4xx(route, superuser):
    """``?author=9223372036854775808``, ``?user=1e30``, ``?cursor=...``, ``?ordering=...``."""
    url = route.url(**good_values(route))
    requests = [
        ("get", f"{url}?{urlencode({name: value})}", None, {})
        for name, value in query_parameters(route, superuser)
    ]
    check(route, make_client(superuser), requests)


@pytest.mark.parametrize(
    "route",
    # Routes without an id: with no rows in the database, a detail route answers 404
    # before it reads the body.
    routes_with(lambda r: set(methods(r)) & set(UNSAFE_METHODS) and set(r.params) <= {"version"}),
    ids=str,
)
def test_a_bad_body_is_a_4xx(route, who):
    """A body nested 100,000 deep, broken JSON, and bad values in every writable field."""
    url = route.url(**good_values(route))
    requests = []
    for method in [m for m in methods(route) if m in UNSAFE_METHODS]:
        requests += [(method, url, DEEP_JSON, {}), (method, url, "{", {})]
        if who is not None and route.is_drf:  # past every permission, to the serializer
            fields = serializer_fields(route, method, who)
            names = [name for name, field in fields.items() if not field.read_only] or ["name"]
            requests += [
                (method, url, json.dumps(dict.fromkeys(names, value)), {})
                for value in BAD_BODY_VALUES
            ]
    check(route, make_client(who), requests)


@pytest.mark.parametrize("route", routes_with(lambda r: r.is_drf), ids=str)
def test_bad_credentials_are_a_4xx(route):
    """A NUL byte or 300 characters in a Basic username, a broken JWT or token."""
    url = route.url(**good_values(route))
    method = methods(route)[0]
    requests = [(method, url, None, {"authorization": value}) for value in BAD_CREDENTIALS]
    check(route, make_client(), requests)
