"""Views of the security examples: JWT, 401 vs 403, object permissions, CSRF, rate limits."""

from functools import wraps

from config.token_views import ThrottledTokenRefreshView
from django.http import HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.views.decorators.http import require_http_methods
from django_ratelimit.core import get_usage
from django_ratelimit.decorators import ratelimit
from django_ratelimit.exceptions import Ratelimited
from rest_framework import views, viewsets
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import IsAdminUser, IsAuthenticated
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework_simplejwt.authentication import JWTAuthentication

from security.models import BookNote
from security.permissions import IsAuthorOrReadOnly
from security.serializers import BookNoteSerializer, RotatingRefreshSerializer


class SecurityAPIView(views.APIView):
    """Per-view settings shared by the security endpoints (the project defaults differ)."""

    versioning_class = None
    schema = None  # left out of the OpenAPI schema: these are teaching endpoints

    def get_exception_handler(self):
        return views.exception_handler


# --8<-- [start:who_am_i]
class WhoAmIView(SecurityAPIView):
    """JWT first: an anonymous caller gets 401 plus ``WWW-Authenticate: Bearer``."""

    authentication_classes = [JWTAuthentication]
    permission_classes = [IsAuthenticated]

    def get(self, request):
        return Response({"username": request.user.username})


class SessionWhoAmIView(WhoAmIView):
    """Session only: no WWW-Authenticate challenge exists, so DRF answers 403 instead."""

    authentication_classes = [SessionAuthentication]


class StaffReportView(WhoAmIView):
    """Logged in is not enough: IsAdminUser wants ``is_staff``, otherwise 403."""

    permission_classes = [IsAdminUser]
# --8<-- [end:who_am_i]


class SessionNoteView(SecurityAPIView):
    """A write endpoint behind session authentication, where DRF enforces CSRF."""

    authentication_classes = [SessionAuthentication]
    permission_classes = [IsAuthenticated]

    def post(self, request):
        return Response({"saved": True}, status=201)


class RotatingTokenRefreshView(ThrottledTokenRefreshView):
    """``POST {"refresh": ...}`` returns a new access token AND a new refresh token."""

    serializer_class = RotatingRefreshSerializer


# --8<-- [start:note_viewset]
class BookNoteViewSet(viewsets.ModelViewSet):
    """Notes on books: read by anyone, written by their author only."""

    serializer_class = BookNoteSerializer
    authentication_classes = [JWTAuthentication]
    permission_classes = [IsAuthorOrReadOnly]
    queryset = BookNote.objects.select_related("author", "book")
    versioning_class = None

    def perform_create(self, serializer):
        # Never trust an "author" field from the client: take it from the token.
        serializer.save(author=self.request.user)
# --8<-- [end:note_viewset]

    def get_exception_handler(self):
        return views.exception_handler


# --8<-- [start:csrf_form]
@require_http_methods(["GET", "POST"])
def feedback(request):
    """A classic form endpoint: GET hands out the CSRF cookie, POST must send it back."""
    if request.method == "GET":
        # get_token() sets the csrftoken cookie; a template would use {% csrf_token %}.
        return JsonResponse({"csrfmiddlewaretoken": get_token(request)})
    return JsonResponse({"received": request.POST.get("message", "")})
# --8<-- [end:csrf_form]


# --8<-- [start:ratelimit_default]
@ratelimit(key="ip", rate="3/m", method="POST")
def login_attempt_default(request):
    """django-ratelimit alone: the fourth POST in a minute raises Ratelimited, a 403."""
    return HttpResponse("checked")
# --8<-- [end:ratelimit_default]


# --8<-- [start:ratelimit_429]
LOGIN_RATE = "3/m"
LOGIN_GROUP = "security.login"


def too_many_requests(group: str, key: str, rate: str):
    """Turn django-ratelimit's Ratelimited (a PermissionDenied) into 429 + Retry-After."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            try:
                return view(request, *args, **kwargs)
            except Ratelimited:
                usage = get_usage(request, group=group, key=key, rate=rate, increment=False)
                response = HttpResponse("Too many login attempts.", status=429)
                response["Retry-After"] = str(usage["time_left"])
                return response

        return wrapper

    return decorator


@too_many_requests(group=LOGIN_GROUP, key="ip", rate=LOGIN_RATE)
@ratelimit(group=LOGIN_GROUP, key="ip", rate=LOGIN_RATE, method="POST")
def login_attempt(request):
    """The same limit, answered the way HTTP clients expect."""
    return HttpResponse("checked")
# --8<-- [end:ratelimit_429]


def limited_ping(request):
    """A plain view that FixedWindowRateLimitMiddleware protects (see middleware.py)."""
    return HttpResponse("pong")


# --8<-- [start:drf_throttle]
class BurstAnonThrottle(AnonRateThrottle):
    """Anonymous callers, by IP: three requests a minute (the rate is set here, not in settings)."""

    rate = "3/minute"


class ThrottledPingView(SecurityAPIView):
    """DRF's built-in throttling answers 429 with a Retry-After header by itself."""

    authentication_classes = []
    permission_classes = []
    throttle_classes = [BurstAnonThrottle]

    def get(self, request):
        return Response({"pong": True})
# --8<-- [end:drf_throttle]
