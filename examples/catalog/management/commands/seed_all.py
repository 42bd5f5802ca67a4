"""``python manage.py seed_all``: run every app's ``seed_*`` command, skipping filled apps."""

from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Fill every example app with its sample data; apps that already have data are skipped."

    def handle(self, *args, **options):
        names = sorted(n for n in get_commands() if n.startswith("seed_") and n != "seed_all")
        for name in names:
            try:
                call_command(name, stdout=self.stdout, stderr=self.stderr)
            except CommandError as exc:
                self.stdout.write(f"{name}: skipped ({exc})")
