"""URL routes of the tasks app."""

urlpatterns: list = []
