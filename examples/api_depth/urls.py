"""URL routes of the api_depth app, mounted at /api-depth/ by ``config.urls``.

* ``generic/books/``, ``generic/books/<pk>/``: two generic views, two hand-written paths
* ``books/``, ``shelves/``, ``naive-shelves/``: a DefaultRouter; its API root is ``/api-depth/``
* ``simple/books/``: the same book viewset behind a SimpleRouter
* ``auth/...``, ``throttle/...``, ``jwt/...``: one small view per authentication or throttling case
"""

from config.token_views import ThrottledTokenObtainPairView, ThrottledTokenRefreshView
from django.urls import include, path
from rest_framework.routers import DefaultRouter, SimpleRouter

from . import views

app_name = "api_depth"


# --8<-- [start:routers]
router = DefaultRouter()  # DefaultRouter: adds an API root ("api-root") and .json suffixes
router.register("books", views.BookViewSet, basename="book")
router.register("shelves", views.ShelfViewSet, basename="shelf")
router.register("naive-shelves", views.NaiveShelfViewSet, basename="naive-shelf")

simple_router = SimpleRouter()  # the same routes, no root view, no format suffixes
simple_router.register("books", views.BookViewSet, basename="simple-book")

urlpatterns = [
    path("generic/books/", views.BookListCreateView.as_view(), name="generic-book-list"),
    path("generic/books/<int:pk>/", views.BookDetailView.as_view(), name="generic-book-detail"),
    path("", include(router.urls)),
    path("simple/", include(simple_router.urls)),
]
# --8<-- [end:routers]

urlpatterns += [
    path("auth/session/", views.SessionWhoAmI.as_view(), name="auth-session"),
    path("auth/token/", views.TokenWhoAmI.as_view(), name="auth-token"),
    path("auth/jwt/", views.JWTWhoAmI.as_view(), name="auth-jwt"),
    path("auth/session-first/", views.SessionFirstWhoAmI.as_view(), name="auth-session-first"),
    path("jwt/token/", ThrottledTokenObtainPairView.as_view(), name="jwt-obtain"),
    path("jwt/refresh/", ThrottledTokenRefreshView.as_view(), name="jwt-refresh"),
    path("throttle/ping/", views.Ping.as_view(), name="throttle-ping"),
    path("throttle/books/", views.ThrottledBooks.as_view(), name="throttle-books"),
    path("throttle/uploads/", views.Upload.as_view(), name="throttle-uploads"),
    path("throttle/search/", views.Search.as_view(), name="throttle-search"),
    path("throttle/exports/", views.Export.as_view(), name="throttle-exports"),
    path("throttle/default/", views.DefaultThrottles.as_view(), name="throttle-default"),
]
