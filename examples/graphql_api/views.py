"""The /graphql/ view: who the user is, and what a client may see in each environment."""

from django.contrib.auth.models import AnonymousUser
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from graphene_django.views import GraphQLView
from rest_framework_simplejwt.authentication import JWTAuthentication
from rest_framework_simplejwt.exceptions import AuthenticationFailed

from .schema import production_validation_rules, validation_rules


# --8<-- [start:view]
class BearerTokenGraphQLView(GraphQLView):
    """Take the user from an ``Authorization: Bearer`` access token, never from a cookie."""

    def dispatch(self, request, *args, **kwargs):
        authentication = JWTAuthentication()
        try:
            found = authentication.authenticate(request)  # None without a Bearer header
        except AuthenticationFailed as failure:  # expired, forged, refresh instead of access
            # simplejwt's own body ({"detail", "code", "messages"}) as the error's extensions.
            error = {"message": str(failure.detail["detail"]), "extensions": failure.detail}
            response = JsonResponse({"errors": [error]}, status=401)
            response["WWW-Authenticate"] = authentication.authenticate_header(request)
            return response
        # Replace the user AuthenticationMiddleware read from the session cookie: this view
        # is csrf_exempt, so a cookie the browser sends by itself must not log anyone in.
        user = found[0] if found else AnonymousUser()
        request.user = user

        async def auser():  # Django 5's async accessor would still read the session
            return user

        request.auser = auser
        return super().dispatch(request, *args, **kwargs)


def graphql_view(*, debug: bool):
    """The endpoint: GraphiQL and introspection while developing, neither in production."""
    rules = validation_rules if debug else production_validation_rules
    # csrf_exempt is safe only because the view above ignores session cookies.
    return csrf_exempt(BearerTokenGraphQLView.as_view(graphiql=debug, validation_rules=rules))
# --8<-- [end:view]
