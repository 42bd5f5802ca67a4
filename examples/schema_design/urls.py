"""URL routes of the schema_design app."""

urlpatterns: list = []
