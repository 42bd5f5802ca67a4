"""Models of the audiobook platform case study: a catalogue, purchases and listening progress."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q


class Author(models.Model):
    """Someone who wrote one or more audiobooks."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Narrator(models.Model):
    """The voice of an audiobook."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


# --8<-- [start:audiobook]
class Audiobook(models.Model):
    """A title in the catalogue: written by one or more authors, read by one narrator."""

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    authors = models.ManyToManyField(Author, related_name="audiobooks")
    narrator = models.ForeignKey(Narrator, on_delete=models.PROTECT, related_name="audiobooks")
    description = models.TextField(blank=True)
    duration_seconds = models.PositiveIntegerField()
    published = models.DateField()
    price = models.DecimalField(
        max_digits=8, decimal_places=2, validators=[MinValueValidator(Decimal("0.00"))]
    )

    class Meta:
        ordering = ["-published", "-id"]
        indexes = [models.Index(fields=["-published"], name="audiobooks_published_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(price__gte=0), name="audiobooks_price_gte_0"),
        ]

    def __str__(self) -> str:
        return self.title


class Chapter(models.Model):
    """One chapter of an audiobook; numbers are unique within the book."""

    audiobook = models.ForeignKey(Audiobook, on_delete=models.CASCADE, related_name="chapters")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    duration_seconds = models.PositiveIntegerField()

    class Meta:
        ordering = ["audiobook", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["audiobook", "number"], name="audiobooks_chapter_number_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.audiobook}: {self.number}. {self.title}"
# --8<-- [end:audiobook]


# --8<-- [start:purchase_progress]
class Purchase(models.Model):
    """A user owns an audiobook: one row per user and book, with the price paid."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="purchases",
        db_index=False,  # the unique (user, audiobook) index below starts with user
    )
    # PROTECT: a book someone paid for cannot disappear from their library.
    audiobook = models.ForeignKey(Audiobook, on_delete=models.PROTECT, related_name="purchases")
    price_paid = models.DecimalField(max_digits=8, decimal_places=2)
    purchased_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-purchased_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "audiobook"], name="audiobooks_owned_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} owns {self.audiobook}"


class ListeningProgress(models.Model):
    """Where a user stopped in a book: one row per user and book, overwritten on every save."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="listening",
        db_index=False,  # the unique (user, audiobook) index below starts with user
    )
    audiobook = models.ForeignKey(Audiobook, on_delete=models.CASCADE, related_name="progress")
    chapter = models.ForeignKey(Chapter, on_delete=models.CASCADE, related_name="+")
    position_seconds = models.PositiveIntegerField()
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "listening progress"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "audiobook"], name="audiobooks_one_progress_per_book"
            ),
        ]
        # "Continue listening" needs no index of its own: the unique constraint's index finds
        # a user's rows, and a user has few of them to sort.

    def __str__(self) -> str:
        return f"{self.user} at {self.position_seconds}s of {self.chapter}"
# --8<-- [end:purchase_progress]


class Review(models.Model):
    """A rating from 1 to 5, with optional text; one review per user and book."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="audiobook_reviews",
        db_index=False,  # the unique (user, audiobook) index below starts with user
    )
    audiobook = models.ForeignKey(Audiobook, on_delete=models.CASCADE, related_name="reviews")
    rating = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    body = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "audiobook"], name="audiobooks_review_once"),
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=5), name="audiobooks_rating_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rating}/5 for {self.audiobook} by {self.user}"
