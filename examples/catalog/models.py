"""Models of the bookshop catalogue used across the knowledge-core pages.

Authors write books, publishers publish them, books carry many genres and receive reviews.
The shape is small on purpose: every relation kind the ORM offers appears once
(foreign key, many-to-many, reverse foreign key), which is all the query-optimization
examples need.
"""

from django.db import models
from django.db.models import Q


class Author(models.Model):
    """A person who writes books."""

    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Publisher(models.Model):
    """A company that publishes books."""

    name = models.CharField(max_length=200, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Genre(models.Model):
    """A category a book belongs to; a book has several."""

    name = models.CharField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


# --8<-- [start:book]
class Book(models.Model):
    """A book in the catalogue."""

    title = models.CharField(max_length=300)
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="books")
    publisher = models.ForeignKey(Publisher, on_delete=models.PROTECT, related_name="books")
    genres = models.ManyToManyField(Genre, related_name="books", blank=True)
    published = models.DateField()
    price = models.DecimalField(max_digits=8, decimal_places=2)

    class Meta:
        ordering = ["title"]
        indexes = [
            # "Newest books" lists filter and sort on the date alone.
            models.Index(fields=["published"], name="book_published_idx"),
            # "This author's books, newest first": equality column first, range column second.
            models.Index(fields=["author", "-published"], name="book_author_published_idx"),
        ]

    def __str__(self) -> str:
        return self.title
# --8<-- [end:book]


class Review(models.Model):
    """A reader's rating of a book, from 1 to 5 stars."""

    book = models.ForeignKey(Book, on_delete=models.CASCADE, related_name="reviews")
    rating = models.PositiveSmallIntegerField()
    body = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(rating__gte=1) & Q(rating__lte=5), name="review_rating_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rating}★ for {self.book}"
