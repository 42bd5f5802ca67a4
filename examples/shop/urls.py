"""URL routes of the shop app."""

urlpatterns: list = []
