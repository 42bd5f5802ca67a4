"""The Content-Security-Policy, and the API docs pages that work under it with no CDN."""

from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client, RequestFactory
from graphql_api.views import GRAPHIQL_POLICY, graphql_view

pytestmark = pytest.mark.django_db

DOCS_PAGES = [
    "/api/v1/docs/", "/api/v1/redoc/", "/api/v2/docs/", "/shop/api/docs/", "/shop/api/redoc/",
    "/stays/api/docs/", "/stays/api/redoc/", "/audiobooks/api/docs/", "/audiobooks/api/redoc/",
]


class Resources(HTMLParser):
    """The URLs a page loads (scripts, stylesheets, icons) and its inline script bodies."""

    def __init__(self):
        super().__init__()
        self.urls, self.inline_scripts, self._in_script = [], [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self._in_script = "src" not in attrs
            if "src" in attrs:
                self.urls.append(attrs["src"])
        elif tag == "link":
            self.urls.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline_scripts.append(data)


def resources(html: str) -> Resources:
    parser = Resources()
    parser.feed(html)
    return parser


def policy(header: str) -> dict[str, list[str]]:
    directives = (part.split() for part in header.split(";") if part.strip())
    return {name: sources for name, *sources in directives}


def test_every_response_gets_the_project_policy():
    for url in ("/api/v1/books/", "/admin/login/", "/healthz", "/api/v1/schema/"):
        assert Client().get(url)["Content-Security-Policy"] == settings.CONTENT_SECURITY_POLICY
    directives = policy(settings.CONTENT_SECURITY_POLICY)
    assert directives["script-src"] == ["'self'"]  # no inline script, no other site
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]


# --8<-- [start:docs_pages]
@pytest.mark.parametrize("url", DOCS_PAGES)
def test_the_docs_pages_load_only_this_sites_files_and_no_inline_script(url):
    response = Client().get(url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == settings.CONTENT_SECURITY_POLICY
    page = resources(response.content.decode())
    assert page.inline_scripts == []  # script-src 'self' would block them
    assert page.urls  # the UI's bundle, its stylesheet, Swagger UI's start script
    for url_loaded in page.urls:
        assert url_loaded.startswith("/"), url_loaded  # same site: no CDN, no fonts.googleapis
        if url_loaded.startswith(settings.STATIC_URL):
            # drf-spectacular-sidecar ships the files as static files (collectstatic, WhiteNoise).
            assert finders.find(url_loaded.removeprefix(settings.STATIC_URL)), url_loaded
# --8<-- [end:docs_pages]


def test_swagger_uis_start_script_is_a_file_of_its_own():
    page = resources(Client().get("/api/v1/docs/").content.decode())
    (start,) = [url for url in page.urls if "?script" in url]
    script = Client().get(start)
    assert script["Content-Type"] == "application/javascript"
    assert b'url: "/api/v1/schema/"' in script.content
    assert b'"validatorUrl": null' in script.content  # no badge image from validator.swagger.io


def test_graphiql_gets_a_policy_that_allows_its_cdn_scripts():
    page = graphql_view(debug=True)(RequestFactory().get("/graphql/", HTTP_ACCEPT="text/html"))
    assert page["Content-Security-Policy"] == GRAPHIQL_POLICY
    allowed = policy(GRAPHIQL_POLICY)["script-src"]
    for url in resources(page.content.decode()).urls:
        if url.startswith("https://"):
            assert any(url.startswith(source) for source in allowed if source.startswith("https:"))
