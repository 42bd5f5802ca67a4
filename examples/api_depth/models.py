"""Models of the DRF-in-depth examples: a private shelf of catalog books, and API tokens.

Everything else (books, authors, publishers) is the catalog app's.
"""

import secrets

from catalog.models import Book
from django.conf import settings
from django.db import models


# --8<-- [start:shelf]
class Shelf(models.Model):
    """A user's private list of catalog books: only its owner may see or change it."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="shelves"
    )
    name = models.CharField(max_length=100)
    books = models.ManyToManyField(Book, related_name="shelves", blank=True)
# --8<-- [end:shelf]

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


# --8<-- [start:api_token]
class ApiToken(models.Model):
    """One opaque key per user, with the fields of DRF's ``rest_framework.authtoken`` Token.

    A project normally adds ``"rest_framework.authtoken"`` to INSTALLED_APPS and migrates;
    the examples project is shared by many apps, so this app brings its own table and
    points ``TokenAuthentication.model`` at it (see ``authentication.py``).
    """

    key = models.CharField(max_length=40, primary_key=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_depth_token"
    )
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"token of {self.user}"

    def save(self, *args, **kwargs):
        if not self.key:
            self.key = secrets.token_hex(20)  # what DRF's Token.generate_key() does
        return super().save(*args, **kwargs)
# --8<-- [end:api_token]
