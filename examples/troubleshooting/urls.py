"""URL routes of the troubleshooting app."""

urlpatterns: list = []
