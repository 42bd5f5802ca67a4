"""URL routes of the graphql_api app: one endpoint for every query and mutation."""

from django.conf import settings
from django.urls import path

from .views import graphql_view

# --8<-- [start:urls]
urlpatterns = [
    # The schema comes from settings.GRAPHENE["SCHEMA"]. With DEBUG on (DJANGO_DEBUG=1),
    # requests that accept text/html get the GraphiQL IDE; every other request gets JSON.
    # DEBUG is read once, when Django loads this URLconf.
    path("", graphql_view(debug=settings.DEBUG), name="graphql"),
]
# --8<-- [end:urls]
