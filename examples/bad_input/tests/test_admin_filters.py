"""Every change list of the examples' admin, filtered on every column with impossible values."""

import logging
from urllib.parse import urlencode

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model

from bad_input.admin import ColumnCheckedAdmin

pytestmark = pytest.mark.django_db

# The examples' own ModelAdmins; Django's auth admin (users, groups) is Django's.
OURS = [
    (model, model_admin)
    for model, model_admin in admin.site._registry.items()
    if not type(model_admin).__module__.startswith("django.")
]
BAD_VALUES = ["a\x00b", "99999999999999999999"]


def filter_parameters(model) -> list[str]:
    """``title``, ``category__id__exact``, ``genres__exact``...: one per column, as the admin's
    list filters write them."""
    names = []
    for field in model._meta.get_fields():
        if field.concrete or field.many_to_many:
            names.append(field.name)
            if field.is_relation:
                names += [f"{field.name}__exact", f"{field.name}__id__exact"]
    return names


@pytest.fixture
def staff_client(client, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    client.force_login(get_user_model().objects.create_superuser("root", password="pw"))
    client.raise_request_exception = False
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.CRITICAL)  # the test reports the 500s itself
    yield client
    logger.setLevel(level)


def test_every_admin_of_the_examples_checks_its_filters():
    assert OURS
    assert [admin for _, admin in OURS if not isinstance(admin, ColumnCheckedAdmin)] == []


@pytest.mark.parametrize(("model", "model_admin"), OURS, ids=[m._meta.label for m, _ in OURS])
def test_an_impossible_filter_value_is_the_admins_error_redirect(staff_client, model, model_admin):
    changelist = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
    problems = []
    for name in ["q", *filter_parameters(model)]:
        for value in BAD_VALUES:
            url = f"{changelist}?{urlencode({name: value})}"
            response = staff_client.get(url)
            if response.status_code >= 500:
                exc = getattr(response, "exc_info", None)
                problems.append(f"{url!r} -> {response.status_code} {exc and exc[1]}")
    assert not problems, "\n".join(problems)
