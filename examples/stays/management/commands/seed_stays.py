"""``python manage.py seed_stays``: fill an empty database with sample stays data."""

from django.core.management.base import BaseCommand, CommandError

from stays.models import Booking, Property
from stays.sample_data import SAMPLE_PASSWORD, create_sample_stays


class Command(BaseCommand):
    help = "Create sample hosts, guests, properties, bookings, reviews and messages."

    def handle(self, *args, **options):
        if Property.objects.exists():
            raise CommandError("The stays app already has properties; seed an empty database.")
        data = create_sample_stays()
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {len(data['properties'])} properties and "
                f"{Booking.objects.count()} bookings for users "
                f"{', '.join(sorted(data['users']))} (password: {SAMPLE_PASSWORD})."
            )
        )
