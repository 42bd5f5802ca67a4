"""``python manage.py catalog_stats``: a small custom management command."""

# --8<-- [start:command]
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Avg, Count

from catalog.models import Author, Book, Genre, Review


class Command(BaseCommand):
    help = "Print the size of the catalogue and its best-rated genres."

    def add_arguments(self, parser):
        parser.add_argument("--top", type=int, default=3, help="How many genres to list.")

    def handle(self, *args, **options):
        top = options["top"]
        if top < 1:
            raise CommandError("--top must be 1 or more.")
        self.stdout.write(
            f"{Book.objects.count()} books, {Author.objects.count()} authors, "
            f"{Review.objects.count()} reviews"
        )
        genres = (
            Genre.objects.annotate(
                book_count=Count("books", distinct=True),
                avg_rating=Avg("books__reviews__rating"),
            )
            .filter(book_count__gt=0)
            .order_by("-avg_rating", "name")[:top]
        )
        for genre in genres:
            self.stdout.write(
                f"{genre.name:<12}{genre.book_count:>3} books  {genre.avg_rating:.2f} stars"
            )
# --8<-- [end:command]
