"""Purchases with a background receipt, listening progress and "continue listening"."""

import pytest
from django.conf import settings
from django.core import mail
from django.test import override_settings

from audiobooks.models import ListeningProgress, Purchase
from audiobooks.tasks import send_purchase_receipt

pytestmark = pytest.mark.django_db

BOOKS = "/audiobooks/api/books/"
CONTINUE = "/audiobooks/api/continue-listening/"


def progress_url(slug: str) -> str:
    return f"{BOOKS}{slug}/progress/"


# --8<-- [start:purchase_receipt]
def test_purchase_queues_a_receipt_email(
    listener_client, listener, books, django_capture_on_commit_callbacks
):
    assert settings.CELERY_TASK_ALWAYS_EAGER  # no worker in tests: .delay() runs inline
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = listener_client.post(f"{BOOKS}sample-audiobook-02/purchase/")
    assert response.status_code == 201
    assert response.data["audiobook"] == "sample-audiobook-02"
    assert response.data["price_paid"] == "6.99"
    assert len(callbacks) == 1  # delay_on_commit() waited for the commit
    assert len(mail.outbox) == 1
    receipt = mail.outbox[0]
    assert receipt.to == ["listener@example.com"]
    assert receipt.subject == "Your receipt for Sample audiobook 02"
    assert "Amount paid: 6.99" in receipt.body


def test_buying_a_book_twice_is_409(listener_client, owned_book):
    response = listener_client.post(f"{BOOKS}{owned_book.slug}/purchase/")
    assert response.status_code == 409
    assert str(response.data["detail"]) == "You already own this audiobook."
    assert Purchase.objects.filter(audiobook=owned_book).count() == 1
# --8<-- [end:purchase_receipt]


def test_no_email_is_sent_when_the_transaction_rolls_back(listener_client, books):
    # Without running the on_commit callbacks (as after a rollback) the task never starts.
    response = listener_client.post(f"{BOOKS}sample-audiobook-03/purchase/")
    assert response.status_code == 201
    assert mail.outbox == []


@override_settings(
    EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
    EMAIL_HOST="127.0.0.1",
    EMAIL_PORT=9,
)
def test_purchase_succeeds_when_the_mail_server_is_down(
    listener_client, listener, books, django_capture_on_commit_callbacks, caplog
):
    # Nothing listens on port 9: the eager task fails, the purchase does not.
    with django_capture_on_commit_callbacks(execute=True):
        response = listener_client.post(f"{BOOKS}sample-audiobook-04/purchase/")
    assert response.status_code == 201
    assert Purchase.objects.filter(user=listener, audiobook__slug="sample-audiobook-04").exists()
    assert "ConnectionRefusedError: [Errno 111] Connection refused" in caplog.text
    trace = [r for r in caplog.records if r.name == "celery.app.trace"]
    failures = [r for r in trace if r.levelname == "ERROR"]
    assert len(failures) == 1  # logged once, after the last retry


def test_eager_mode_retries_at_once_up_to_max_retries(listener, books, monkeypatch):
    # In eager mode Task.retry() runs the task again straight away (no backoff wait):
    # one attempt plus max_retries=5 retries, then the error reaches the caller's result.
    calls = []

    def refused(**kwargs):
        calls.append(kwargs)
        raise ConnectionRefusedError(111, "Connection refused")

    monkeypatch.setattr("audiobooks.tasks.send_mail", refused)
    purchase = Purchase.objects.create(user=listener, audiobook=books[0], price_paid=books[0].price)
    result = send_purchase_receipt.delay(purchase.pk)
    assert result.state == "FAILURE"
    assert len(calls) == 6


def test_receipt_task_skips_users_without_email(other_listener, books):
    purchase = Purchase.objects.create(
        user=other_listener, audiobook=books[0], price_paid=books[0].price
    )
    assert send_purchase_receipt.delay(purchase.pk).get() == 0
    assert mail.outbox == []


def test_purchase_needs_a_token(anonymous_client, books):
    response = anonymous_client.post(f"{BOOKS}sample-audiobook-02/purchase/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'


def test_library_lists_own_purchases(listener_client, other_client, owned_book):
    response = listener_client.get("/audiobooks/api/library/")
    assert response.status_code == 200
    assert [p["audiobook"] for p in response.data["results"]] == ["sample-audiobook-01"]
    assert other_client.get("/audiobooks/api/library/").data["count"] == 0


# --8<-- [start:progress_upsert]
def test_progress_is_created_then_overwritten(listener_client, listener, owned_book):
    url = progress_url(owned_book.slug)
    first = listener_client.put(url, {"chapter": 1, "position_seconds": 90}, format="json")
    assert first.status_code == 201
    second = listener_client.put(url, {"chapter": 2, "position_seconds": 30}, format="json")
    assert second.status_code == 200
    assert second.data["chapter"] == 2
    assert second.data["position_seconds"] == 30
    # Still one row per user and book: the second PUT updated the first row.
    progress = ListeningProgress.objects.get(user=listener)
    assert (progress.chapter.number, progress.position_seconds) == (2, 30)


def test_progress_on_a_book_you_do_not_own_is_403(other_client, owned_book):
    response = other_client.put(
        progress_url(owned_book.slug), {"chapter": 1, "position_seconds": 90}, format="json"
    )
    assert response.status_code == 403
    assert str(response.data["detail"]) == "You do not own this audiobook."


def test_position_beyond_the_chapter_is_400(listener_client, owned_book):
    # Chapter 2 of Sample audiobook 01 lasts 600 seconds.
    response = listener_client.put(
        progress_url(owned_book.slug), {"chapter": 2, "position_seconds": 601}, format="json"
    )
    assert response.status_code == 400
    assert response.data == {
        "position_seconds": ["Chapter 2 is only 600 seconds long."]
    }
# --8<-- [end:progress_upsert]


def test_unknown_chapter_and_bad_input_are_400(listener_client, owned_book):
    url = progress_url(owned_book.slug)
    response = listener_client.put(url, {"chapter": 9, "position_seconds": 0}, format="json")
    assert response.status_code == 400
    assert response.data == {"chapter": ["This audiobook has no such chapter."]}
    response = listener_client.put(url, {"chapter": 1, "position_seconds": -5}, format="json")
    assert response.status_code == 400
    assert str(response.data["position_seconds"][0]) == (
        "Ensure this value is greater than or equal to 0."
    )


def test_progress_on_an_unknown_book_is_404(listener_client, books):
    response = listener_client.put(
        progress_url("no-such-book"), {"chapter": 1, "position_seconds": 0}, format="json"
    )
    assert response.status_code == 404


# --8<-- [start:continue_listening]
def test_continue_listening_is_most_recent_first(
    listener_client, listener, other_client, books, django_assert_num_queries
):
    for book in books[:3]:
        Purchase.objects.create(user=listener, audiobook=book, price_paid=book.price)
        listener_client.put(
            progress_url(book.slug), {"chapter": 1, "position_seconds": 10}, format="json"
        )
    # Listening to the first book again moves it to the top.
    listener_client.put(
        progress_url(books[0].slug), {"chapter": 3, "position_seconds": 45}, format="json"
    )
    # One query loads the token's user, one the progress rows joined to book and chapter.
    with django_assert_num_queries(2):
        response = listener_client.get(CONTINUE)
    assert response.status_code == 200
    assert [(p["audiobook"], p["chapter"], p["position_seconds"]) for p in response.data] == [
        ("sample-audiobook-01", 3, 45),
        ("sample-audiobook-03", 1, 10),
        ("sample-audiobook-02", 1, 10),
    ]
    assert other_client.get(CONTINUE).data == []  # only the user's own progress
# --8<-- [end:continue_listening]


def test_ownership_is_checked_before_the_body(other_client, owned_book):
    response = other_client.put(progress_url(owned_book.slug), {"chapter": "x"}, format="json")
    assert response.status_code == 403
