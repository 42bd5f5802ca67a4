"""SQL and the ORM side by side, on the bookshop catalogue.

Joins, aggregation, subqueries and raw SQL, each as the ORM writes it and, where it helps,
as hand-written SQL that returns the same rows. The last section shows why SQL built with
string formatting is dangerous and what to write instead.
"""

import datetime
from decimal import Decimal

from catalog.models import Author, Book, Publisher, Review
from django.db import connection
from django.db.models import Avg, Count, Exists, Max, OuterRef, QuerySet, Subquery
from django.db.models.expressions import RawSQL


# --8<-- [start:inner_join]
def titles_from_publisher(name: str) -> QuerySet[Book]:
    """Books of one publisher: filtering across a foreign key makes an INNER JOIN."""
    return Book.objects.filter(publisher__name=name).order_by("title")
# --8<-- [end:inner_join]


# --8<-- [start:left_join]
def authors_without_books() -> QuerySet[Author]:
    """Authors with no book yet: ``isnull`` on a reverse relation makes a LEFT OUTER JOIN."""
    return Author.objects.filter(books__isnull=True)


def book_counts() -> dict[str, int]:
    """Books per author, including authors with none (LEFT OUTER JOIN + GROUP BY)."""
    authors = Author.objects.annotate(book_count=Count("books")).order_by("name")
    return {author.name: author.book_count for author in authors}
# --8<-- [end:left_join]


# --8<-- [start:left_join_raw]
def book_counts_raw() -> dict[str, int]:
    """The same numbers from hand-written SQL through a database cursor."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT a.name, COUNT(b.id)
            FROM catalog_author a
            LEFT OUTER JOIN catalog_book b ON b.author_id = a.id
            GROUP BY a.id, a.name
            ORDER BY a.name
            """
        )
        return dict(cursor.fetchall())
# --8<-- [end:left_join_raw]


# --8<-- [start:aggregate]
def catalogue_summary() -> dict:
    """One row for the whole table: ``aggregate()`` returns a dict, not a queryset."""
    return Book.objects.aggregate(
        books=Count("id"), average_price=Avg("price"), newest=Max("published")
    )


def books_per_year() -> dict[int, int]:
    """``values()`` before ``annotate()`` groups by those columns: GROUP BY the year."""
    rows = (
        Book.objects.values("published__year")
        .annotate(books=Count("id"))
        .order_by("published__year")
    )
    return {row["published__year"]: row["books"] for row in rows}
# --8<-- [end:aggregate]


# --8<-- [start:having]
def publishers_with_at_least(min_books: int) -> QuerySet[Publisher]:
    """Filtering on an annotation filters the groups: HAVING COUNT(...) >= min_books."""
    return (
        Publisher.objects.annotate(book_count=Count("books"))
        .filter(book_count__gte=min_books)
        .order_by("name")
    )


def recent_book_counts(since: datetime.date) -> dict[str, int]:
    """Filtering *before* annotating filters the rows: WHERE, then GROUP BY."""
    publishers = (
        Publisher.objects.filter(books__published__gte=since)
        .annotate(book_count=Count("books"))
        .order_by("name")
    )
    return {publisher.name: publisher.book_count for publisher in publishers}
# --8<-- [end:having]


# --8<-- [start:subquery]
def newest_title_by_author() -> dict[str, str]:
    """Each author's most recent title, computed per row by a correlated subquery."""
    newest = (
        Book.objects.filter(author=OuterRef("pk")).order_by("-published").values("title")[:1]
    )
    authors = Author.objects.annotate(newest_title=Subquery(newest)).order_by("name")
    return {author.name: author.newest_title for author in authors}


def authors_with_a_rating(rating: int) -> QuerySet[Author]:
    """Authors with at least one review of ``rating`` stars: WHERE EXISTS (...)."""
    reviews = Review.objects.filter(book__author=OuterRef("pk"), rating=rating)
    return Author.objects.filter(Exists(reviews)).order_by("name")
# --8<-- [end:subquery]


# --8<-- [start:subquery_pitfall]
def newest_title_by_author_unsliced() -> dict[str, str]:
    """Forgets ``[:1]``: the subquery returns every title of the author."""
    titles = Book.objects.filter(author=OuterRef("pk")).order_by("-published").values("title")
    authors = Author.objects.annotate(newest_title=Subquery(titles))
    return {author.name: author.newest_title for author in authors}
# --8<-- [end:subquery_pitfall]


# --8<-- [start:raw]
def authors_named(name: str) -> list[Author]:
    """``Manager.raw()`` maps rows onto model instances; the primary key must be selected."""
    query = "SELECT id, name FROM catalog_author WHERE name = %s"
    return list(Author.objects.raw(query, [name]))


def price_range_since(since: datetime.date) -> tuple[int, Decimal, Decimal]:
    """A plain cursor returns tuples; the values travel separately as parameters."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COUNT(*), MIN(price), MAX(price) FROM catalog_book WHERE published >= %s",
            [since],
        )
        count, low, high = cursor.fetchone()
    return count, Decimal(str(low)), Decimal(str(high))


def prices_with_tax(rate: Decimal) -> dict[str, Decimal]:
    """``RawSQL`` drops one SQL expression into an ORM query, with its own parameters."""
    books = Book.objects.annotate(with_tax=RawSQL("price * %s", (rate,))).order_by("title")
    return {book.title: Decimal(str(book.with_tax)).quantize(Decimal("0.01")) for book in books}
# --8<-- [end:raw]


# --8<-- [start:quoted_placeholder]
def find_titles_quoted_placeholder(title: str) -> list[str]:
    """Wrong: quotes around ``%s`` turn the placeholder into part of a string literal."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT title FROM catalog_book WHERE title = '%s'", [title])
        return [row[0] for row in cursor.fetchall()]
# --8<-- [end:quoted_placeholder]


# --8<-- [start:injection_unsafe]
def find_titles_unsafe(title: str) -> list[str]:
    """DANGEROUS: pastes user input into the SQL text, so the input can rewrite the query."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT title FROM catalog_book WHERE title = '{title}' ORDER BY title")
        return [row[0] for row in cursor.fetchall()]


def find_titles_extra_unsafe(title: str) -> list[str]:
    """DANGEROUS in the same way: ``.extra(where=...)`` takes raw SQL text too."""
    books = Book.objects.extra(where=[f"title = '{title}'"]).order_by("title")
    return list(books.values_list("title", flat=True))
# --8<-- [end:injection_unsafe]


# --8<-- [start:injection_safe]
def find_titles(title: str) -> list[str]:
    """Safe: the SQL text is fixed and the input is sent as a parameter."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT title FROM catalog_book WHERE title = %s ORDER BY title", [title]
        )
        return [row[0] for row in cursor.fetchall()]


def find_titles_orm(title: str) -> list[str]:
    """Safe and simpler: the ORM always sends values as parameters."""
    return list(Book.objects.filter(title=title).values_list("title", flat=True))
# --8<-- [end:injection_safe]
