"""Deterministic sample data for the catalogue, used by the tests and ``seed_catalog``."""

import datetime
from decimal import Decimal

from django.db import transaction

from .models import Author, Book, Genre, Publisher, Review

GENRES = ["Backend", "Databases", "DevOps", "Python", "Security"]


@transaction.atomic
def create_sample_catalog(
    authors: int = 5, books_per_author: int = 4, reviews_per_book: int = 3
) -> list[Book]:
    """Create a small, predictable catalogue and return the books it created.

    Args:
        authors: How many authors to create.
        books_per_author: How many books each author gets.
        reviews_per_book: How many reviews each book gets (ratings cycle from 1 to 5).

    Returns:
        The created books, in creation order.

    """
    genres = [Genre.objects.get_or_create(name=name)[0] for name in GENRES]
    publishers = [
        Publisher.objects.get_or_create(name=name)[0] for name in ("Nexus Press", "Loopback Books")
    ]
    books = []
    for a in range(authors):
        author = Author.objects.create(name=f"Author {a + 1:02d}")
        for b in range(books_per_author):
            book = Book.objects.create(
                title=f"Book {a + 1:02d}-{b + 1:02d}",
                author=author,
                publisher=publishers[(a + b) % len(publishers)],
                published=datetime.date(2020 + b, 1 + a % 12, 1),
                price=Decimal("10.00") + a + b,
            )
            book.genres.set([genres[(a + b) % len(genres)], genres[(a + b + 1) % len(genres)]])
            Review.objects.bulk_create(
                Review(book=book, rating=1 + (a + b + r) % 5, body=f"Review {r + 1}")
                for r in range(reviews_per_book)
            )
            books.append(book)
    return books
