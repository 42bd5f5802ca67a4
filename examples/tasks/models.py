"""Models of the background-work examples: a report that a Celery task fills in."""

from django.db import models


# --8<-- [start:report]
class Report(models.Model):
    """A CSV report that is requested by a user and built later by a worker."""

    class Status(models.TextChoices):
        PENDING = "pending"
        RUNNING = "running"
        DONE = "done"
        FAILED = "failed"

    title = models.CharField(max_length=200)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    content = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # When a worker claimed it (status RUNNING); a claim older than the task's hard time
    # limit belongs to a worker that was killed, and the next delivery may take it over.
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.title} ({self.status})"
# --8<-- [end:report]
