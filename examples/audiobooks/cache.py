"""The cached catalogue: one version key for every cached page, bumped by any write.

A list response depends on many rows (and its query string), so deleting "the" affected
key is not possible. Instead every cache key contains the catalogue's current version; a
write stores a new version, and every older entry becomes unreachable and expires on its own.
"""

import hashlib
import uuid
from collections.abc import Callable

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from rest_framework.response import Response

from audiobooks.models import Audiobook, Author, Chapter, Narrator, Review

# --8<-- [start:versioned_keys]
VERSION_KEY = "audiobooks:catalogue:version"
CATALOGUE_TTL = 60 * 15  # an entry nobody invalidates still expires after 15 minutes


def catalogue_version() -> str:
    """The current catalogue version, created on first use (or after the cache lost it)."""
    return cache.get_or_set(VERSION_KEY, lambda: uuid.uuid4().hex, timeout=None)


def invalidate_catalogue() -> None:
    """Make every cached catalogue response stale at once by storing a new version."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def cached_response(url: str, build: Callable[[], Response]) -> Response:
    """Return the cached body for ``url``, or build the response and cache its body.

    Args:
        url: The full request URL, query string included: each page and filter is one entry.
        build: Produces the response on a miss (it runs the database queries).

    Returns:
        A response with the cached or freshly built data.

    """
    # A digest, not the URL itself: memcached refuses keys over 250 characters or with
    # spaces, and the query string is whatever the client sent.
    digest = hashlib.sha256(url.encode()).hexdigest()
    key = f"audiobooks:catalogue:{catalogue_version()}:{digest}"
    data = cache.get(key)
    if data is not None:
        return Response(data)
    response = build()
    if response.status_code == 200:
        cache.set(key, response.data, timeout=CATALOGUE_TTL)
    return response
# --8<-- [end:versioned_keys]


# --8<-- [start:invalidation]
@receiver(post_save, sender=Audiobook)
@receiver(post_delete, sender=Audiobook)
@receiver(post_save, sender=Chapter)
@receiver(post_delete, sender=Chapter)
@receiver(post_save, sender=Author)
@receiver(post_delete, sender=Author)
@receiver(post_save, sender=Narrator)
@receiver(post_delete, sender=Narrator)
@receiver(post_save, sender=Review)
@receiver(post_delete, sender=Review)
@receiver(m2m_changed, sender=Audiobook.authors.through)
def catalogue_changed(sender, **kwargs) -> None:
    """Any write that can change a catalogue response invalidates the cached catalogue.

    After the commit, not now: invalidating inside the transaction would let a concurrent
    request cache the old rows again before the new ones are visible.
    """
    transaction.on_commit(invalidate_catalogue)
# --8<-- [end:invalidation]
