"""Models of the security examples: a note that belongs to the user who wrote it."""

from catalog.models import Book
from django.conf import settings
from django.db import models


# --8<-- [start:model]
class BookNote(models.Model):
    """A reader's note on a catalog book; only its author may change or delete it."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="book_notes"
    )
    book = models.ForeignKey(Book, on_delete=models.CASCADE, related_name="notes")
    body = models.CharField(max_length=500)
    created = models.DateTimeField(auto_now_add=True)
# --8<-- [end:model]

    class Meta:
        ordering = ["-created", "-id"]

    def __str__(self) -> str:
        return f"{self.author} on {self.book}"
