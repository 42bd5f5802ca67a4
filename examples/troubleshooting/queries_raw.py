"""Raw SQL done wrong and done right: a query per row with values pasted in, then one query.

The challenge page "N+1 queries and unsafe raw SQL" includes these functions. Tables are
the ``catalog`` app's: ``catalog_author`` and ``catalog_book``.
"""

from decimal import Decimal

from catalog.models import Author
from django.db import connection
from django.db.models import Count, Q


# --8<-- [start:raw_before]
def books_per_author_naive(min_price: str) -> dict[str, int]:
    """Count each author's books at or above a price: 1 + N queries, value pasted into SQL."""
    counts = {}
    for author in Author.objects.order_by("name"):
        with connection.cursor() as cursor:
            # DON'T: an f-string puts the caller's text inside the SQL (injection), and the
            # loop sends one query per author (N+1).
            cursor.execute(
                "SELECT COUNT(*) FROM catalog_book "
                f"WHERE author_id = {author.pk} AND price >= {min_price}"
            )
            counts[author.name] = cursor.fetchone()[0]
    return counts
# --8<-- [end:raw_before]


# --8<-- [start:raw_after]
BOOKS_PER_AUTHOR_SQL = """
    SELECT a.name, COUNT(b.id)
    FROM catalog_author a
    LEFT JOIN catalog_book b ON b.author_id = a.id AND b.price >= %s
    GROUP BY a.id, a.name
    ORDER BY a.name
"""


def books_per_author(min_price: Decimal) -> dict[str, int]:
    """Same counts in one query; the price travels as a parameter, never as SQL text."""
    with connection.cursor() as cursor:
        cursor.execute(BOOKS_PER_AUTHOR_SQL, [min_price])  # the driver handles quoting
        return {name: count for name, count in cursor.fetchall()}
# --8<-- [end:raw_after]


# --8<-- [start:orm_after]
def books_per_author_orm(min_price: Decimal) -> dict[str, int]:
    """Same counts, same single query, written with the ORM: no SQL to keep portable."""
    authors = Author.objects.annotate(
        n=Count("books", filter=Q(books__price__gte=min_price))
    ).order_by("name")
    return {author.name: author.n for author in authors}
# --8<-- [end:orm_after]
