"""A small, deterministic catalogue: authors, narrators, audiobooks and their chapters."""

from datetime import date
from decimal import Decimal

from django.utils.text import slugify

from audiobooks.models import Audiobook, Author, Chapter, Narrator

AUTHORS = ["Ada Quill", "Bram Okafor", "Chen Liu"]
NARRATORS = ["Dana Voss", "Eli Marsh"]


def create_sample_audiobooks(books: int = 6, chapters_per_book: int = 3) -> list[Audiobook]:
    """Create ``books`` audiobooks, each with ``chapters_per_book`` chapters of 10 to 30 minutes.

    Book ``n`` costs ``n * 3 + 0.99``, was published in 2020 + ``n``, and is written by author
    ``n % 3`` (every third book also by the next author) and read by narrator ``n % 2``.

    Args:
        books: How many audiobooks to create.
        chapters_per_book: How many chapters each audiobook has.

    Returns:
        The audiobooks, in creation order.

    """
    authors = [Author.objects.create(name=name, slug=slugify(name)) for name in AUTHORS]
    narrators = [Narrator.objects.create(name=name, slug=slugify(name)) for name in NARRATORS]
    created = []
    for n in range(1, books + 1):
        lengths = [600 * (1 + (n + c) % 3) for c in range(1, chapters_per_book + 1)]
        title = f"Sample audiobook {n:02d}"
        book = Audiobook.objects.create(
            title=title,
            slug=slugify(title),
            narrator=narrators[n % 2],
            description=f"Sample audiobook number {n}.",
            duration_seconds=sum(lengths),
            published=date(2020 + n, 1, 1),
            price=Decimal(n * 3) + Decimal("0.99"),
        )
        book.authors.add(authors[n % 3])
        if n % 3 == 0:
            book.authors.add(authors[(n + 1) % 3])
        Chapter.objects.bulk_create(
            Chapter(audiobook=book, number=c, title=f"Chapter {c}", duration_seconds=length)
            for c, length in enumerate(lengths, start=1)
        )
        created.append(book)
    return created
