"""URL routes of the stays app."""

urlpatterns: list = []
