"""``python manage.py erd <app>``: write (or ``--check``) the app's Mermaid ERD."""

from django.core.management.base import BaseCommand, CommandError
from erd.mermaid import check_erd, write_erd


class Command(BaseCommand):
    help = "Write diagrams/erd/<app>.mmd from the app's models, or check it is up to date."

    def add_arguments(self, parser):
        parser.add_argument("app_labels", nargs="+", metavar="app_label")
        parser.add_argument(
            "--check",
            action="store_true",
            help="Write nothing; exit non-zero when a committed diagram differs from the models.",
        )

    def handle(self, *args, **options):
        for label in options["app_labels"]:
            if options["check"]:
                problem = check_erd(label)
                if problem:
                    raise CommandError(problem)
                self.stdout.write(f"diagrams/erd/{label}.mmd is up to date.")
            else:
                write_erd(label)
                self.stdout.write(f"Wrote diagrams/erd/{label}.mmd")
