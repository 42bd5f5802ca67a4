"""URL routes of the graphql_api app."""

urlpatterns: list = []
