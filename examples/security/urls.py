"""URL routes of the security app, mounted under /security/."""

from config.token_views import ThrottledTokenObtainPairView, ThrottledTokenRefreshView
from django.urls import include, path
from rest_framework.routers import DefaultRouter

from security import views

app_name = "security"

router = DefaultRouter()
router.register("notes", views.BookNoteViewSet, basename="note")

urlpatterns = [
    path("token/", ThrottledTokenObtainPairView.as_view(), name="token-obtain"),
    path("token/refresh/", ThrottledTokenRefreshView.as_view(), name="token-refresh"),
    path("token/rotate/", views.RotatingTokenRefreshView.as_view(), name="token-rotate"),
    path("me/", views.WhoAmIView.as_view(), name="me"),
    path("session-me/", views.SessionWhoAmIView.as_view(), name="session-me"),
    path("staff-report/", views.StaffReportView.as_view(), name="staff-report"),
    path("session-note/", views.SessionNoteView.as_view(), name="session-note"),
    path("feedback/", views.feedback, name="feedback"),
    path("login-default/", views.login_attempt_default, name="login-default"),
    path("login/", views.login_attempt, name="login"),
    path("limited/ping/", views.limited_ping, name="limited-ping"),
    path("throttled/", views.ThrottledPingView.as_view(), name="throttled"),
    path("", include(router.urls)),
]
