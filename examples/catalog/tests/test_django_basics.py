"""The Django technology page's claims: lazy querysets, settings from the environment, the
admin change list and the ``catalog_stats`` management command."""

from io import StringIO
from pathlib import Path

import environ
import pytest
from django.contrib import admin
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.models import Book
from catalog.sample_data import create_sample_catalog

PAGE = Path(__file__).resolve().parents[3] / "docs" / "technologies" / "django.md"


@pytest.fixture
def scratch_env(monkeypatch):
    """An empty environment for django-environ, so the test never reads or writes os.environ."""
    monkeypatch.setattr(environ.Env, "ENVIRON", {})
    return environ.Env()


# --8<-- [start:lazy_querysets]
@pytest.mark.django_db
def test_querysets_are_lazy(django_assert_num_queries):
    create_sample_catalog(authors=2, books_per_author=3)
    with django_assert_num_queries(0):
        # Building, filtering and ordering only describe the query.
        recent = Book.objects.filter(published__year__gte=2021).order_by("title")
        cheap_and_recent = recent.exclude(price__gt=12)
    with django_assert_num_queries(1):
        # Iterating evaluates it: one SELECT, and the rows are cached on the queryset.
        titles = [book.title for book in cheap_and_recent]
    with django_assert_num_queries(0):
        assert len(cheap_and_recent) == len(titles)  # served from the cache
    assert titles == ["Book 01-02", "Book 01-03", "Book 02-02"]
# --8<-- [end:lazy_querysets]


@pytest.mark.django_db
def test_each_new_queryset_queries_again(django_assert_num_queries):
    create_sample_catalog(authors=1, books_per_author=2)
    books = Book.objects.all()
    with django_assert_num_queries(2):
        assert books.count() == 2  # count() is a new SELECT COUNT(*)
        assert books.filter(title__endswith="01").exists()  # so is every new chain


@pytest.mark.django_db
def test_an_evaluated_queryset_answers_from_its_cache(django_assert_num_queries):
    create_sample_catalog(authors=1, books_per_author=3)
    books = Book.objects.all()
    with django_assert_num_queries(1):
        rows = list(books)  # evaluates and fills the cache
    with django_assert_num_queries(0):
        # count(), exists() and first() on an evaluated queryset read the cache.
        assert books.count() == len(rows) == 3
        assert books.exists()
        assert books.first() == rows[0]
    with django_assert_num_queries(1):
        assert books.filter(title__endswith="01").exists()  # a new queryset: a new query


# --8<-- [start:read_env]
def test_read_env_loads_a_dotenv_file(tmp_path, scratch_env):
    env_file = tmp_path / ".env"
    env_file.write_text(
        "DJANGO_DEBUG=on\n"
        "DATABASE_URL=postgres://shop:s3cret@db.internal:5432/shop\n"
        "CACHE_URL=redis://cache.internal:6379/1\n"
    )
    environ.Env.read_env(env_file)

    assert scratch_env.bool("DJANGO_DEBUG") is True
    database = scratch_env.db("DATABASE_URL")
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["PORT"], database["NAME"]) == ("db.internal", 5432, "shop")
    assert (database["USER"], database["PASSWORD"]) == ("shop", "s3cret")
    cache = scratch_env.cache("CACHE_URL")
    assert cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert cache["LOCATION"] == "redis://cache.internal:6379/1"
# --8<-- [end:read_env]


def test_real_environment_variables_win_over_the_dotenv_file(tmp_path, scratch_env):
    environ.Env.ENVIRON["DJANGO_DEBUG"] = "off"
    env_file = tmp_path / ".env"
    env_file.write_text("DJANGO_DEBUG=on\n")
    environ.Env.read_env(env_file)
    assert scratch_env.bool("DJANGO_DEBUG") is False
    environ.Env.read_env(env_file, overwrite=True)
    assert scratch_env.bool("DJANGO_DEBUG") is True


def test_missing_required_variable_is_an_improperly_configured_error(scratch_env):
    with pytest.raises(ImproperlyConfigured) as excinfo:
        scratch_env("DJANGO_SECRET_KEY")
    assert str(excinfo.value) == "Set the DJANGO_SECRET_KEY environment variable"
    # With a default, the same call succeeds: that is how settings.py stays runnable locally.
    assert scratch_env("DJANGO_SECRET_KEY", default="dev-only") == "dev-only"


def test_settings_module_reads_the_database_and_cache_from_urls(settings):
    assert "default" in settings.DATABASES
    engine = settings.DATABASES["default"]["ENGINE"]
    assert engine.startswith(f"django.db.backends.{connection.vendor}")
    assert "BACKEND" in settings.CACHES["default"]


@pytest.mark.django_db
def test_a_host_outside_allowed_hosts_is_a_400(client, settings):
    assert settings.DEBUG is False  # pytest-django runs tests with DEBUG off, like a server
    assert client.get("/admin/login/").status_code == 200  # "testserver" is allowed
    assert client.get("/admin/login/", HTTP_HOST="api.example.com").status_code == 400


def _changelist_queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/admin/catalog/book/")
    assert response.status_code == 200
    return len(captured.captured_queries)


# --8<-- [start:admin_changelist]
@pytest.mark.django_db
def test_admin_changelist_query_count_does_not_grow(admin_client):
    # admin_client is a test client logged in as a superuser (pytest-django).
    create_sample_catalog(authors=1, books_per_author=4)
    with_4_books = _changelist_queries(admin_client)
    create_sample_catalog(authors=4, books_per_author=4)  # 20 books now
    assert Book.objects.count() == 20
    assert _changelist_queries(admin_client) == with_4_books
# --8<-- [end:admin_changelist]


@pytest.mark.django_db
def test_admin_changelist_without_select_related_grows(admin_client, monkeypatch):
    # An empty list turns the automatic select_related() off: one query per author and publisher.
    monkeypatch.setattr(admin.site._registry[Book], "list_select_related", [])
    create_sample_catalog(authors=1, books_per_author=4)
    with_4_books = _changelist_queries(admin_client)
    create_sample_catalog(authors=4, books_per_author=4)
    assert _changelist_queries(admin_client) > with_4_books


@pytest.mark.django_db
def test_admin_changelist_shows_the_list_display_columns(admin_client):
    create_sample_catalog(authors=1, books_per_author=1)
    html = admin_client.get("/admin/catalog/book/").content.decode()
    for column in ("column-title", "column-author", "column-publisher", "column-price"):
        assert column in html
    assert "Book 01-01" in html
    assert "Author 01" in html


@pytest.mark.django_db
def test_admin_requires_login(client):
    response = client.get("/admin/catalog/book/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_catalog_stats_prints_what_the_page_shows():
    create_sample_catalog()
    out = StringIO()
    call_command("catalog_stats", stdout=out)
    output = out.getvalue()
    assert output.splitlines()[0] == "20 books, 5 authors, 60 reviews"
    assert len(output.splitlines()) == 4
    assert f"```text\n{output}```" in PAGE.read_text()


@pytest.mark.django_db
def test_catalog_stats_top_option_limits_the_genres():
    create_sample_catalog()
    out = StringIO()
    call_command("catalog_stats", "--top", "1", stdout=out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[1].startswith("Python")


def test_catalog_stats_rejects_a_bad_option():
    with pytest.raises(CommandError, match=r"^--top must be 1 or more\.$"):
        call_command("catalog_stats", "--top", "0")
