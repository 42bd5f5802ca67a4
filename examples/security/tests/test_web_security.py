"""CSRF, XSS escaping, security headers, CSP and `check --deploy`."""

import importlib.util
import logging

import pytest
from catalog.models import Book
from django.test import Client, override_settings
from rest_framework.test import APIClient

from security.deploy_checks import PRODUCTION_SECURITY_SETTINGS, deploy_warning_ids
from security.rendering import greeting_safe, greeting_unsafe, render_comment
from security.sql import book_ids_by_title, book_ids_by_title_unsafe
from security.tests.conftest import PASSWORD

ATTACK = '<script>alert("pwned")</script>'


# --8<-- [start:csrf]
def test_post_without_csrf_token_is_403(caplog):
    client = Client(enforce_csrf_checks=True)  # the test client skips CSRF unless told
    with caplog.at_level(logging.WARNING, logger="django.security.csrf"):
        response = client.post("/security/feedback/", {"message": "hi"})
    assert response.status_code == 403
    assert b"CSRF verification failed. Request aborted." in response.content
    assert caplog.messages == ["Forbidden (CSRF cookie not set.): /security/feedback/"]


def test_cookie_without_token_is_still_403(caplog):
    client = Client(enforce_csrf_checks=True)
    client.get("/security/feedback/")  # sets the csrftoken cookie
    with caplog.at_level(logging.WARNING, logger="django.security.csrf"):
        response = client.post("/security/feedback/", {"message": "hi"})
    assert response.status_code == 403
    assert caplog.messages == ["Forbidden (CSRF token missing.): /security/feedback/"]


def test_post_with_cookie_and_token_passes():
    client = Client(enforce_csrf_checks=True)
    token = client.get("/security/feedback/").json()["csrfmiddlewaretoken"]
    response = client.post("/security/feedback/", {"message": "hi", "csrfmiddlewaretoken": token})
    assert response.status_code == 200
    assert response.json() == {"received": "hi"}


def test_foreign_origin_is_403_even_with_a_token(caplog):
    client = Client(enforce_csrf_checks=True)
    token = client.get("/security/feedback/").json()["csrfmiddlewaretoken"]
    with caplog.at_level(logging.WARNING, logger="django.security.csrf"):
        response = client.post(
            "/security/feedback/",
            {"csrfmiddlewaretoken": token},
            HTTP_ORIGIN="https://evil.example",
        )
    assert response.status_code == 403
    assert caplog.messages == [
        "Forbidden (Origin checking failed - https://evil.example does not match any "
        "trusted origins.): /security/feedback/"
    ]
# --8<-- [end:csrf]


# --8<-- [start:drf_csrf]
@pytest.mark.django_db
def test_drf_session_auth_enforces_csrf_but_jwt_does_not(alice):
    client = APIClient(enforce_csrf_checks=True)
    client.login(username="alice", password=PASSWORD)  # a session cookie, like a browser
    response = client.post("/security/session-note/", {}, format="json")
    assert response.status_code == 403
    assert str(response.data["detail"]) == "CSRF Failed: CSRF cookie not set."
# --8<-- [end:drf_csrf]


# --8<-- [start:xss]
def test_autoescaping_neutralises_user_html():
    assert render_comment(ATTACK) == (
        "<p>&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;</p>"
    )


def test_safe_filter_lets_the_attack_through():
    assert render_comment(ATTACK, trust_it=True) == f"<p>{ATTACK}</p>"


def test_mark_safe_on_user_input_is_the_same_hole():
    assert ATTACK in greeting_unsafe(ATTACK)
    assert greeting_safe(ATTACK) == (
        "<strong>Hello, &lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;</strong>"
    )
# --8<-- [end:xss]


# --8<-- [start:headers]
def test_default_security_headers():
    response = Client().get("/security/limited/ping/")
    assert response["X-Content-Type-Options"] == "nosniff"  # SECURE_CONTENT_TYPE_NOSNIFF
    assert response["Referrer-Policy"] == "same-origin"  # SECURE_REFERRER_POLICY
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"  # XFrameOptionsMiddleware
    assert "Strict-Transport-Security" not in response  # HSTS is off until you set it


@override_settings(SECURE_HSTS_SECONDS=31_536_000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True)
def test_hsts_is_sent_over_https_only():
    assert "Strict-Transport-Security" not in Client().get("/security/limited/ping/")
    response = Client().get("/security/limited/ping/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
# --8<-- [end:headers]


# --8<-- [start:csp]
def test_django_5_2_has_no_csp_middleware():
    assert importlib.util.find_spec("django.middleware.csp") is None


def test_the_csp_middleware_sends_the_projects_policy(settings):
    assert "security.middleware.ContentSecurityPolicyMiddleware" in settings.MIDDLEWARE
    response = Client().get("/security/limited/ping/")
    assert response["Content-Security-Policy"] == settings.CONTENT_SECURITY_POLICY
    assert response["Content-Security-Policy"].startswith("default-src 'self'; script-src 'self';")
# --8<-- [end:csp]


# --8<-- [start:check_deploy]
@override_settings(SECRET_KEY="insecure-example-key-for-local-use-only")
def test_check_deploy_warnings_for_the_example_settings():
    # The example settings (default key included) are made for a laptop; --deploy says so.
    assert deploy_warning_ids() == [
        "security.W004",  # SECURE_HSTS_SECONDS not set
        "security.W008",  # SECURE_SSL_REDIRECT not True
        "security.W009",  # SECRET_KEY short or generated
        "security.W012",  # SESSION_COOKIE_SECURE not True
        "security.W016",  # CSRF_COOKIE_SECURE not True
    ]


def test_debug_true_adds_w018():
    with override_settings(DEBUG=True):
        assert "security.W018" in deploy_warning_ids()


def test_production_settings_pass_check_deploy():
    with override_settings(**PRODUCTION_SECURITY_SETTINGS):
        assert deploy_warning_ids() == []
# --8<-- [end:check_deploy]


# --8<-- [start:behind_a_proxy]
@override_settings(SECURE_SSL_REDIRECT=True)
def test_ssl_redirect_behind_a_tls_proxy_needs_the_proxy_header():
    # The proxy speaks HTTPS to the browser and plain HTTP to Django.
    proxied = {"X-Forwarded-Proto": "https"}
    response = Client().get("/security/limited/ping/", headers=proxied)
    # Django cannot tell, and redirects to the URL the browser already asked for: a loop.
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/security/limited/ping/"
    with override_settings(SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https")):
        assert Client().get("/security/limited/ping/", headers=proxied).status_code == 200
# --8<-- [end:behind_a_proxy]


# --8<-- [start:sql_injection]
@pytest.mark.django_db
def test_string_built_sql_is_injectable(book):
    attack = "nothing' OR '1'='1"
    # The unsafe version returns every book; the parameterized one looks for that title.
    assert book_ids_by_title_unsafe(attack) == sorted(Book.objects.values_list("id", flat=True))
    assert book_ids_by_title(attack) == []
    assert book_ids_by_title(book.title) == [book.pk]
    # The ORM always uses parameters: this is the same safe query.
    assert list(Book.objects.filter(title=attack)) == []
# --8<-- [end:sql_injection]
