"""URL routes of the graphql_api app: one endpoint for every query and mutation."""

from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from graphene_django.views import GraphQLView

from .schema import validation_rules

# --8<-- [start:urls]
urlpatterns = [
    # The schema comes from settings.GRAPHENE["SCHEMA"]. graphiql=True serves the in-browser
    # IDE to requests that accept text/html; every other request gets JSON.
    # csrf_exempt: clients send JSON, and this API does not authenticate with session cookies.
    path(
        "",
        csrf_exempt(GraphQLView.as_view(graphiql=True, validation_rules=validation_rules)),
        name="graphql",
    ),
]
# --8<-- [end:urls]
