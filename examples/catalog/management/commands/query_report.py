"""``python manage.py query_report``: count the queries each example makes."""

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from catalog import queries
from catalog.sample_data import create_sample_catalog

# Each slow version next to its fix, in the order the page explains them.
PAIRS = [
    (queries.titles_with_authors_naive, queries.titles_with_authors),
    (queries.genres_by_title_naive, queries.genres_by_title),
    (queries.five_star_counts_pitfall, queries.five_star_counts),
    (queries.review_counts_naive, queries.review_counts),
]


def count_queries(func) -> int:
    """Run ``func`` and return how many SQL queries it sent."""
    with CaptureQueriesContext(connection) as captured:
        func()
    return len(captured.captured_queries)


class Command(BaseCommand):
    help = "Create a sample catalogue of 20 books, count the queries of each example, roll back."

    def handle(self, *args, **options):
        with transaction.atomic():
            books = create_sample_catalog(authors=5, books_per_author=4)
            self.stdout.write(f"{len(books)} books in the sample catalogue")
            self.stdout.write(f"{'example':<28}{'queries':>8}")
            for slow, fast in PAIRS:
                for func in (slow, fast):
                    self.stdout.write(f"{func.__name__:<28}{count_queries(func):>8}")
            transaction.set_rollback(True)
