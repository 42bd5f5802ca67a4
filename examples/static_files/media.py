"""User uploads ("media"): saved through a storage backend, never served by WhiteNoise."""

from django.conf import settings
from django.conf.urls.static import static
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage


# --8<-- [start:save_upload]
def save_upload(name: str, data: bytes) -> str:
    """Store an uploaded file in the default storage and return the URL to fetch it from.

    The default storage is ``STORAGES["default"]``: files under ``MEDIA_ROOT`` here, a
    bucket in production. The storage may change the name (``avatar_a1B2c3D.png``) when a
    file of that name exists, so keep the name it returns, not the one you asked for.

    Args:
        name: The wanted path, relative to the storage root, e.g. ``"avatars/ada.png"``.
        data: The file's content.

    Returns:
        The URL of the stored file, e.g. ``"/media/avatars/ada.png"``.

    """
    stored_name = default_storage.save(name, ContentFile(data))
    return default_storage.url(stored_name)
# --8<-- [end:save_upload]


# --8<-- [start:development_media_urls]
def development_media_urls() -> list:
    """URL patterns that serve MEDIA_ROOT at MEDIA_URL, or none at all when DEBUG is off.

    Add them to a development URLconf (``urlpatterns += development_media_urls()``). Django's
    ``static()`` helper returns an empty list unless DEBUG is on: its ``serve`` view reads
    files from disk one request at a time and is not meant for production.
    """
    return static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
# --8<-- [end:development_media_urls]
