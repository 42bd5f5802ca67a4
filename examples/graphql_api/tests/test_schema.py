"""The schema, run directly: every query file returns the catalogue's data."""

from io import StringIO
from statistics import mean

import pytest
from catalog.models import Author
from catalog.sample_data import create_sample_catalog
from django.core.management import call_command
from graphql import build_schema, parse, validate

from graphql_api.documents import document_names, load_document
from graphql_api.schema import schema, validation_rules

pytestmark = pytest.mark.django_db


@pytest.fixture
def books():
    return create_sample_catalog(authors=5, books_per_author=4)


def execute(name, **variables):
    result = schema.execute(load_document(name), variables=variables)
    assert result.errors is None, result.errors
    return result.data


def test_books_nested_returns_every_book_with_its_relations(books):
    data = execute("books_nested")
    assert len(data["books"]) == len(books)
    by_title = {book["title"]: book for book in data["books"]}
    for book in books:
        got = by_title[book.title]
        assert got["author"] == {"name": book.author.name}
        assert got["genres"] == [{"name": g.name} for g in book.genres.all()]
        assert got["reviews"] == [{"rating": r.rating, "body": r.body} for r in book.reviews.all()]
    assert [book["title"] for book in data["books"]] == sorted(by_title)


def test_books_by_genre_filters_and_computes_the_average(books):
    data = execute("books_by_genre", genre="Security")
    expected = [b for b in books if b.genres.filter(name="Security").exists()]
    assert len(data["books"]) == len(expected) > 0
    assert data["books"] == [
        {
            "title": b.title,
            "author": {"name": b.author.name},
            "averageRating": mean(r.rating for r in b.reviews.all()),
        }
        for b in sorted(expected, key=lambda b: b.title)
    ]


def test_books_by_unknown_genre_is_an_empty_list(books):
    assert execute("books_by_genre", genre="Poetry") == {"books": []}


def test_authors_with_books_nests_two_levels(books):
    data = execute("authors_with_books")
    assert [a["name"] for a in data["authors"]] == list(
        Author.objects.values_list("name", flat=True)
    )
    first = data["authors"][0]
    author = Author.objects.get(name=first["name"])
    assert first["books"] == [
        {"title": b.title, "genres": [{"name": g.name} for g in b.genres.all()]}
        for b in author.books.all()
    ]


def test_book_by_id_finds_one_book_or_returns_null(books):
    book = books[0]
    assert execute("book_by_id", id=str(book.pk)) == {
        "book": {"title": book.title, "publisher": {"name": book.publisher.name}}
    }
    missing = max(b.pk for b in books) + 1
    assert execute("book_by_id", id=str(missing)) == {"book": None}


def test_a_failing_field_does_not_take_its_siblings_down(books):
    result = schema.execute('{ authors { name } book(id: "abc") { title } }')
    assert result.data["book"] is None
    assert len(result.data["authors"]) == 5
    assert [error.path for error in result.errors] == [["book"]]


def test_a_resolver_exception_becomes_an_error_with_a_path(books):
    result = schema.execute(load_document("book_by_id"), variables={"id": "abc"})
    assert result.data == {"book": None}
    [error] = result.errors
    assert error.message == "Field 'id' expected a number but got 'abc'."
    assert error.path == ["book"]


REFUSED = {
    "unknown_field": "Cannot query field 'isbn' on type 'Book'.",
    "too_deep": "'TooDeep' exceeds maximum operation depth of 5.",
}


@pytest.mark.parametrize("name", document_names())
def test_every_query_file_is_checked_against_the_schema(name):
    errors = validate(schema.graphql_schema, parse(load_document(name)), validation_rules)
    if name in REFUSED:
        assert [e.message for e in errors] == [REFUSED[name]]
    else:
        assert errors == []


def test_depth_limit_is_added_to_the_standard_rules_not_instead_of_them():
    too_deep = parse(load_document("too_deep"))
    assert validate(schema.graphql_schema, too_deep) == []  # the standard rules allow it
    unknown = parse(load_document("unknown_field"))
    assert validate(schema.graphql_schema, unknown, validation_rules)  # still refused


def test_schema_file_matches_the_code(settings):
    out = StringIO()
    call_command("graphql_schema", out="-.graphql", stdout=out)
    path = settings.BASE_DIR / "graphql_api" / "schema.graphql"
    assert out.getvalue() == path.read_text(encoding="utf-8"), (
        "Refresh the SDL file: cd examples && "
        "python manage.py graphql_schema --out=-.graphql > graphql_api/schema.graphql"
    )


def test_query_files_run_against_the_printed_schema_too(settings):
    # schema.graphql is the contract a front end codes against: the queries must fit it.
    sdl = (settings.BASE_DIR / "graphql_api" / "schema.graphql").read_text(encoding="utf-8")
    printed = build_schema(sdl)
    for name in document_names():
        if name not in REFUSED:
            assert validate(printed, parse(load_document(name))) == [], name
