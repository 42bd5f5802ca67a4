"""URL routes of the audiobooks app."""

urlpatterns: list = []
