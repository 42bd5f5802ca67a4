"""Fixtures for the site tests: one strict build per run, served over HTTP, and a browser."""

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest

from tools.sitebuild import ROOT, build

# One build serves several pytest runs: make test builds once (NEXUS_BUILD_CACHE=write, into
# site/ and .cache/offline-site/) and its other runs read that build (NEXUS_BUILD_CACHE=read,
# tools/check_all.py). NEXUS_REUSE_BUILD=1 does the same by hand while you work on a few tests.
_BY_HAND = "read" if os.environ.get("NEXUS_REUSE_BUILD") == "1" else ""
CACHE_MODE = os.environ.get("NEXUS_BUILD_CACHE", _BY_HAND)
READ = CACHE_MODE == "read"
CACHED = CACHE_MODE in ("read", "write")
BUILD_LOG = ROOT / ".cache" / "site-build-output.txt"


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory, chromium):
    """The offline build (file:// copy), zipped and printed to PDF into .cache/downloads/."""
    from tools import downloads

    if CACHED:
        site = ROOT / ".cache" / "offline-site" / downloads.FOLDER_IN_ZIP
        if READ and (site / "index.html").is_file():
            return site
        shutil.rmtree(site, ignore_errors=True)
    else:
        site = tmp_path_factory.mktemp("offline") / downloads.FOLDER_IN_ZIP
    site = downloads.build_offline(site)
    downloads.OUT.mkdir(parents=True, exist_ok=True)
    downloads.make_zip(site, downloads.OUT / downloads.ZIP_NAME)
    downloads.make_pdf(site, downloads.OUT / downloads.PDF_NAME, chromium)
    return site


@pytest.fixture(scope="session")
def site_build(offline_site):
    """The real site, built once with --strict into site/ (CI uploads it as a preview).

    It is built after the downloads, which it publishes under downloads/.
    """
    if READ and (ROOT / "site" / "index.html").is_file() and BUILD_LOG.is_file():
        return SimpleNamespace(site_dir=ROOT / "site", returncode=0, output=BUILD_LOG.read_text())
    result = build(ROOT, ROOT / "site")
    if CACHED:
        BUILD_LOG.parent.mkdir(exist_ok=True)
        BUILD_LOG.write_text(result.output)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.output}", pytrace=False)
    return result


@pytest.fixture(scope="session")
def site_dir(site_build) -> Path:
    return site_build.site_dir


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="session")
def site_url(site_dir):
    """Base URL of the built site served on 127.0.0.1 by a background thread."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


# --- the browser -------------------------------------------------------------------------

LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]"}


@pytest.fixture(scope="session")
def chromium():
    """The system Chromium, driven by Playwright (which never downloads a browser here)."""
    import os

    from playwright.sync_api import sync_playwright

    from tools.browser import LAUNCH_ARGS, find_chromium, missing_message

    if os.environ.get("NEXUS_SKIP_BROWSER") == "1":
        pytest.skip("NEXUS_SKIP_BROWSER=1: browser tests skipped on request")
    executable = find_chromium()
    if executable is None:
        pytest.fail(missing_message(), pytrace=False)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=LAUNCH_ARGS
        )
        yield browser
        browser.close()


class BrowserVisit:
    """A browser tab that refuses every request to another host and remembers it."""

    def __init__(self, context):
        from urllib.parse import urlsplit

        self.context = context
        self.blocked: list[str] = []
        self.console_errors: list[str] = []

        def route(route):
            url = route.request.url
            parts = urlsplit(url)
            if parts.scheme in ("file", "data", "blob") or parts.hostname in LOCAL_HOSTS:
                route.continue_()
            else:
                self.blocked.append(url)
                route.abort()

        context.route("**/*", route)
        self.page = context.new_page()
        self.page.on(
            "console",
            lambda msg: self.console_errors.append(msg.text) if msg.type == "error" else None,
        )
        self.page.on("pageerror", lambda exc: self.console_errors.append(str(exc)))

    def goto(self, url: str):
        self.page.goto(url, wait_until="networkidle")
        return self.page


@pytest.fixture
def visit(chromium, request):
    """Open pages in a fresh context; parametrize ``viewport``/``color_scheme`` via markers."""
    marker = request.node.get_closest_marker("viewport")
    width, height = marker.args if marker else (1280, 900)
    context = chromium.new_context(viewport={"width": width, "height": height})
    yield BrowserVisit(context)
    context.close()
