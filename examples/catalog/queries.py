"""The query-optimization examples: each problem next to its fix.

Every function returns plain data so the tests can compare the slow and the fast
version: same answer, different number of queries. The snippet markers
(``--8<-- [start:...]``) let the documentation include one function at a time.
"""

import datetime

from django.db.models import Count, Prefetch, QuerySet

from .models import Book, Review


# --8<-- [start:n_plus_one]
def titles_with_authors_naive() -> list[str]:
    """List "title by author": one query for the books, then one per book for its author."""
    return [f"{book.title} by {book.author.name}" for book in Book.objects.all()]
# --8<-- [end:n_plus_one]


# --8<-- [start:select_related]
def titles_with_authors() -> list[str]:
    """Same list in one query: the authors arrive in the books' query through a JOIN."""
    books = Book.objects.select_related("author")
    return [f"{book.title} by {book.author.name}" for book in books]
# --8<-- [end:select_related]


# --8<-- [start:genres_naive]
def genres_by_title_naive() -> dict[str, list[str]]:
    """Map each title to its genres: one query per book for its many-to-many rows."""
    return {book.title: [g.name for g in book.genres.all()] for book in Book.objects.all()}
# --8<-- [end:genres_naive]


# --8<-- [start:prefetch_related]
def genres_by_title() -> dict[str, list[str]]:
    """Same mapping in two queries: the books, then every genre of every book at once."""
    books = Book.objects.prefetch_related("genres")
    return {book.title: [g.name for g in book.genres.all()] for book in books}
# --8<-- [end:prefetch_related]


# --8<-- [start:prefetch_filter_pitfall]
def five_star_counts_pitfall() -> dict[str, int]:
    """Prefetches reviews, then throws the prefetch away by filtering: 2 + N queries."""
    books = Book.objects.prefetch_related("reviews")
    return {book.title: book.reviews.filter(rating=5).count() for book in books}
# --8<-- [end:prefetch_filter_pitfall]


# --8<-- [start:prefetch_object]
def five_star_counts() -> dict[str, int]:
    """Filter inside the prefetch with a Prefetch object: 2 queries, however many books."""
    five_star = Prefetch(
        "reviews",
        queryset=Review.objects.filter(rating=5),
        to_attr="five_star_reviews",
    )
    books = Book.objects.prefetch_related(five_star)
    return {book.title: len(book.five_star_reviews) for book in books}
# --8<-- [end:prefetch_object]


# --8<-- [start:annotate]
def review_counts() -> dict[str, int]:
    """Let the database count: one query with GROUP BY, no review rows sent to Python."""
    books = Book.objects.annotate(review_count=Count("reviews"))
    return {book.title: book.review_count for book in books}
# --8<-- [end:annotate]


def review_counts_naive() -> dict[str, int]:
    """Count each book's reviews with a query of its own: 1 + N queries."""
    return {book.title: book.reviews.count() for book in Book.objects.all()}


# --8<-- [start:indexed_filter]
def recent_books_by_author(author_id: int, since: datetime.date) -> QuerySet[Book]:
    """An author's books published since a date, newest first.

    The composite index ``(author, -published)`` serves both the filter and the order.
    """
    return Book.objects.filter(author_id=author_id, published__gte=since).order_by("-published")
# --8<-- [end:indexed_filter]
