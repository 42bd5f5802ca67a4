"""The audiobook platform's constraints, admin registration and seed command."""

from io import StringIO

import pytest
from django.contrib import admin
from django.core.management import CommandError, call_command
from django.db import IntegrityError, connection, transaction
from django.db.models import ProtectedError

from audiobooks.models import (
    Audiobook,
    Chapter,
    ListeningProgress,
    Narrator,
    Purchase,
    Review,
)

pytestmark = pytest.mark.django_db


def test_chapter_numbers_are_unique_per_book(books):
    with pytest.raises(IntegrityError), transaction.atomic():
        Chapter.objects.create(audiobook=books[0], number=1, title="Again", duration_seconds=5)
    # The same number in another book is fine.
    Chapter.objects.create(audiobook=books[1], number=4, title="Extra", duration_seconds=5)


def test_a_user_owns_a_book_once(books, listener):
    Purchase.objects.create(user=listener, audiobook=books[0], price_paid=books[0].price)
    with pytest.raises(IntegrityError), transaction.atomic():
        Purchase.objects.create(user=listener, audiobook=books[0], price_paid=books[0].price)


def test_one_progress_row_per_user_and_book(owned_book, listener):
    chapter = owned_book.chapters.get(number=1)
    ListeningProgress.objects.create(
        user=listener, audiobook=owned_book, chapter=chapter, position_seconds=1
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        ListeningProgress.objects.create(
            user=listener, audiobook=owned_book, chapter=chapter, position_seconds=2
        )


@pytest.mark.parametrize("rating", [0, 6])
def test_database_rejects_ratings_outside_1_to_5(books, listener, rating):
    with pytest.raises(IntegrityError), transaction.atomic():
        Review.objects.create(user=listener, audiobook=books[0], rating=rating)


def test_database_rejects_a_negative_price(books):
    with pytest.raises(IntegrityError), transaction.atomic():
        Audiobook.objects.filter(pk=books[0].pk).update(price=-1)


def test_a_purchased_book_cannot_be_deleted(owned_book):
    with pytest.raises(ProtectedError):
        owned_book.delete()


def test_a_narrator_with_books_cannot_be_deleted(books):
    with pytest.raises(ProtectedError):
        Narrator.objects.get(slug="dana-voss").delete()


def test_every_model_has_an_admin_page():
    for model in (Audiobook, Purchase, ListeningProgress, Review, Narrator):
        assert admin.site.is_registered(model), model
    # Chapters are edited inside their audiobook's page.
    book_admin = admin.site.get_model_admin(Audiobook)
    assert [inline.model for inline in book_admin.inlines] == [Chapter]


def test_seed_audiobooks_fills_an_empty_database_once(db):
    out = StringIO()
    call_command("seed_audiobooks", stdout=out)
    assert out.getvalue().strip() == "Created 6 audiobooks with 18 chapters."
    book = Audiobook.objects.get(slug="sample-audiobook-01")
    assert book.duration_seconds == sum(c.duration_seconds for c in book.chapters.all())
    with pytest.raises(CommandError, match="already has audiobooks"):
        call_command("seed_audiobooks", stdout=StringIO())


def test_unique_constraint_index_finds_a_users_progress(owned_book, listener):
    chapter = owned_book.chapters.get(number=1)
    ListeningProgress.objects.create(
        user=listener, audiobook=owned_book, chapter=chapter, position_seconds=1
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE audiobooks_listeningprogress")
            cursor.execute("SET LOCAL enable_seqscan = off")
    plan = ListeningProgress.objects.filter(user=listener).order_by("-updated").explain()
    # SQLite creates the unique constraint inside CREATE TABLE, under a name of its own.
    unique_index = (
        "sqlite_autoindex_audiobooks_listeningprogress"
        if connection.vendor == "sqlite"
        else "audiobooks_one_progress_per_book"
    )
    assert unique_index in plan, plan
