"""The /graphql/ view: who the user is, and what a client may see in each environment."""

from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponseBadRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from graphene_django.views import GraphQLView, HttpError
from rest_framework_simplejwt.authentication import JWTAuthentication
from rest_framework_simplejwt.exceptions import AuthenticationFailed

from .schema import production_validation_rules, validation_rules

# GraphiQL (DEBUG only) loads React and GraphiQL from cdn.jsdelivr.net, pinned with integrity
# hashes, and starts them with an inline script: settings.CONTENT_SECURITY_POLICY allows
# neither, so its page gets a policy of its own (the CSP middleware keeps a view's header).
GRAPHIQL_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline' 'unsafe-eval' https://cdn.jsdelivr.net",
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net",
    "img-src 'self' data: https://cdn.jsdelivr.net",
    "font-src 'self' data: https://cdn.jsdelivr.net",
    "object-src 'none'",
    "frame-ancestors 'none'",
])


# --8<-- [start:view]
class BearerTokenGraphQLView(GraphQLView):
    """Take the user from an ``Authorization: Bearer`` access token, never from a cookie."""

    def render_graphiql(self, request, **data):
        """The GraphiQL page (DEBUG only), with the CSP its CDN scripts need."""
        response = super().render_graphiql(request, **data)
        response["Content-Security-Policy"] = GRAPHIQL_POLICY
        return response

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

    def parse_body(self, request):
        try:
            return super().parse_body(request)
        except RecursionError as error:  # json.loads() on [[[[...]]]]; graphene lets it out
            message = "POST body sent invalid JSON: it is nested too deeply."
            raise HttpError(HttpResponseBadRequest(message)) from error


def graphql_view(*, debug: bool):
    """The endpoint: GraphiQL and introspection while developing, neither in production."""
    rules = validation_rules if debug else production_validation_rules
    # csrf_exempt is safe only because the view above ignores session cookies.
    return csrf_exempt(BearerTokenGraphQLView.as_view(graphiql=debug, validation_rules=rules))
# --8<-- [end:view]
