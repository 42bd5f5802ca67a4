"""URL routes of the api app."""

urlpatterns: list = []
