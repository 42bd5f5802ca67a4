"""``python manage.py seed_catalog``: fill an empty database with the sample catalogue."""

from django.core.management.base import BaseCommand, CommandError

from catalog.models import Book
from catalog.sample_data import create_sample_catalog


class Command(BaseCommand):
    help = "Create the sample catalogue (authors, books, genres, reviews) in an empty database."

    def add_arguments(self, parser):
        parser.add_argument("--authors", type=int, default=5)
        parser.add_argument("--books-per-author", type=int, default=4)

    def handle(self, *args, **options):
        if Book.objects.exists():
            raise CommandError("The catalogue already has books; seed an empty database.")
        books = create_sample_catalog(options["authors"], options["books_per_author"])
        self.stdout.write(self.style.SUCCESS(f"Created {len(books)} books."))
