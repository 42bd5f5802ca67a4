"""``python manage.py seed_audiobooks``: fill an empty database with a sample catalogue."""

from django.core.management.base import BaseCommand, CommandError

from audiobooks.models import Audiobook, Chapter
from audiobooks.sample_data import create_sample_audiobooks


class Command(BaseCommand):
    help = "Create sample authors, narrators, audiobooks and chapters in an empty catalogue."

    def add_arguments(self, parser):
        parser.add_argument("--books", type=int, default=6)
        parser.add_argument("--chapters", type=int, default=3)

    def handle(self, *args, **options):
        if Audiobook.objects.exists():
            raise CommandError("The catalogue already has audiobooks; seed an empty database.")
        books = create_sample_audiobooks(options["books"], options["chapters"])
        chapters = Chapter.objects.count()
        self.stdout.write(
            self.style.SUCCESS(f"Created {len(books)} audiobooks with {chapters} chapters.")
        )
