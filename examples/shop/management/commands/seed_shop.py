"""``python manage.py seed_shop``: fill an empty database with sample categories and products."""

from django.core.management.base import BaseCommand, CommandError

from shop.models import Category
from shop.sample_data import create_sample_shop


class Command(BaseCommand):
    help = "Create sample categories and products in a database that has none."

    def add_arguments(self, parser):
        parser.add_argument("--per-category", type=int, default=5)

    def handle(self, *args, **options):
        if Category.objects.exists():
            raise CommandError("The shop already has categories; seed an empty database.")
        products = create_sample_shop(options["per_category"])
        categories = Category.objects.count()
        self.stdout.write(
            self.style.SUCCESS(f"Created {categories} categories and {len(products)} products.")
        )
