"""Schemathesis fuzzes every published OpenAPI schema: no 5xx, and the schema tells the truth.

The cases go to Django's WSGI application on the test database, which holds the sample data
of every app, once anonymously and once with a valid JWT of a staff user. Each response must
not be a server error, must have a status code its operation documents, and must match the
documented body. Hypothesis is derandomized, so every run sends the same cases, and the
number of cases is bounded, so the whole file takes well under a minute on two cores:

* the combined schema (/api/v1/schema/), with a token: schemathesis' coverage phase (edge
  values, missing and wrong-typed parameters, for every parameter) plus a few random cases;
* the same schema anonymously: a few random cases (most operations stop at 401 or 403);
* every other schema, both ways: a case or two per operation, as their operations are
  the same views (v2 differs for the bookshop only).
"""

import pytest
import schemathesis
from audiobooks.sample_data import create_sample_audiobooks
from catalog.sample_data import create_sample_catalog
from django.contrib.auth import get_user_model
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from django.test import override_settings
from hypothesis import HealthCheck, settings
from rest_framework_simplejwt.tokens import AccessToken
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)
from shop.sample_data import create_sample_shop
from stays.sample_data import create_sample_stays

from .published import PUBLISHED_SCHEMAS

COMBINED, *OTHERS = PUBLISHED_SCHEMAS
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]
APPLICATION = get_wsgi_application()  # Django's own handler (config.wsgi adds the key guard)
# Logins hash the password even for unknown users; the default hasher is slow on purpose.
FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]
BOUNDED = {"derandomize": True, "deadline": None, "database": None,
           "suppress_health_check": list(HealthCheck)}


def load(url: str, *, coverage: bool):
    schema = schemathesis.openapi.from_wsgi(url, APPLICATION)
    schema.config.phases.coverage.enabled = coverage
    return schema


@pytest.fixture(scope="module")
def connection_kept_open():
    """What Django's test client does: no request may close the test's database connection.

    A real WSGI request ends with close_old_connections(); inside the test's transaction
    that would close PostgreSQL's and MariaDB's connection (SQLite's in-memory one stays).
    """
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture(scope="module")
def sample_data(django_db_setup, django_db_blocker, connection_kept_open):
    """Every app's sample data and a staff user, made once for the module, rolled back after."""
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHER), \
            transaction.atomic():
        create_sample_catalog(authors=2, books_per_author=2, reviews_per_book=1)
        create_sample_shop(products_per_category=2)
        create_sample_stays()
        create_sample_audiobooks(books=2, chapters_per_book=2)
        staff = get_user_model().objects.create_user("fuzz-staff", is_staff=True,
                                                     is_superuser=True)
        yield {"token": {"Authorization": f"Bearer {AccessToken.for_user(staff)}"},
               "anonymous": {}}
        transaction.set_rollback(True)


@pytest.fixture
def headers(request, sample_data, db):
    """The caller's headers; each test is one database transaction, rolled back after it."""
    with override_settings(PASSWORD_HASHERS=FAST_HASHER):
        yield sample_data[request.param]


# --8<-- [start:fuzz]
@schemathesis.pytest.parametrize(combined=load(COMBINED, coverage=True))
@pytest.mark.parametrize("headers", ["token"], indirect=True)
@settings(max_examples=3, **BOUNDED)
def test_the_combined_schema_with_a_token(case, headers):
    case.call_and_validate(headers=headers, checks=CHECKS)


@schemathesis.pytest.parametrize(combined=load(COMBINED, coverage=False))
@pytest.mark.parametrize("headers", ["anonymous"], indirect=True)
@settings(max_examples=3, **BOUNDED)
def test_the_combined_schema_anonymously(case, headers):
    case.call_and_validate(headers=headers, checks=CHECKS)


@schemathesis.pytest.parametrize(**{url: load(url, coverage=False) for url in OTHERS})
@pytest.mark.parametrize("headers", ["token", "anonymous"], indirect=True)
@settings(max_examples=2, **BOUNDED)
def test_every_other_schema(case, headers):
    case.call_and_validate(headers=headers, checks=CHECKS)
# --8<-- [end:fuzz]
