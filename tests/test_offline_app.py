"""The installable hub: manifest, service worker, "Save the whole hub", updates and faults.

The site is served the way GitHub Pages serves a project site, under a sub-path
(``/project-nexus/``), by a small server that can also play the network: go offline
(connections closed unanswered), drop some requests, or switch to a new deployment. Two
throwaway copies of the project are built: the first version, and a second one with a
changed home page and a changed topic page.
"""

import http.server
import json
import re
import threading
from pathlib import Path

import pytest

from tests.test_progress import tick, ticked
from tools.browser import LAUNCH_ARGS, find_chromium
from tools.gzip_server import GzipHandler
from tools.icon_render import png_size
from tools.mkdocs_hooks.offline_app import PRECACHE_BUDGET
from tools.sitebuild import build, copy_project

PREFIX = "/project-nexus/"
NEW_HOME = "This sentence is new in the second version of the hub."
NEW_PAGE = "This caching sentence is new in the second version."
CHANGED_PAGE = "concepts/caching/"
STATUS = ".nexus-offline-app__status"
FINISHED = (
    f"document.querySelector('{STATUS}') && !document.querySelector('[data-nexus-save]')"
    ".disabled && /^(Saved|This device has no more room|The network dropped|A new version)/"
    f".test(document.querySelector('{STATUS}').textContent)"
)


# --- two versions of the site, and a server for them ------------------------------------


@pytest.fixture(scope="module")
def versions(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("installable")
    project = copy_project(tmp / "project")
    first = build(project, tmp / "site-v1")
    if first.returncode != 0:
        pytest.fail(f"first build failed:\n{first.output}", pytrace=False)
    home = project / "docs" / "index.md"
    text = home.read_text().replace("# Project Nexus\n", f"# Project Nexus\n\n{NEW_HOME}\n", 1)
    home.write_text(text)
    topic = project / "docs" / "concepts" / "caching.md"
    topic.write_text(topic.read_text().replace("# Caching\n", f"# Caching\n\n{NEW_PAGE}\n", 1))
    second = build(project, tmp / "site-v2")
    if second.returncode != 0:
        pytest.fail(f"second build failed:\n{second.output}", pytrace=False)
    return first.site_dir, second.site_dir


def listing(site: Path) -> dict:
    return json.loads((site / "offline-files.json").read_text())


class SubPathHandler(GzipHandler):
    """Serve ``server.site`` under ``PREFIX``, gzipped as GitHub Pages does; no-cache (on top
    of Pages' max-age=600), so a new deployment shows at once."""

    def log_message(self, format, *args):
        pass

    def translate_path(self, path):
        clean = path.split("?", 1)[0].split("#", 1)[0]
        site = self.server.site
        if not clean.startswith(PREFIX):
            return str(site / "__outside_the_sub_path__")
        self.directory = str(site)
        return super().translate_path("/" + clean[len(PREFIX):])

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def do_GET(self):
        server = self.server
        dropped = server.offline or bool(server.drop and server.drop(self))
        saving = bool(self.headers.get("X-Nexus-Save"))
        server.log.append((self.path.split("?")[0], saving, dropped))
        if dropped:
            self.close_connection = True  # no answer at all: the browser sees a network error
            return
        super().do_GET()


@pytest.fixture(scope="module")
def server(versions):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), SubPathHandler)
    httpd.url = f"http://127.0.0.1:{httpd.server_port}{PREFIX}"
    httpd.site, httpd.offline, httpd.drop, httpd.log = versions[0], False, None, []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()


@pytest.fixture
def net(server, versions):
    """The server, reset to the first version, online, nothing dropped, an empty log."""
    server.site, server.offline, server.drop = versions[0], False, None
    server.log.clear()
    return server


@pytest.fixture
def app(chromium):
    """A fresh browser profile (no worker, no caches) with a desktop window."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    yield page
    context.close()


def open_controlled(page, url):
    page.goto(url, wait_until="load")
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=30_000)
    return page


def status(page) -> str:
    return page.locator(STATUS).inner_text()


def save_the_hub(page) -> str:
    button = page.locator("[data-nexus-save]")
    page.wait_for_function(
        "document.querySelector('[data-nexus-save]')?.textContent.includes('MB')"
    )
    button.click()
    page.wait_for_function(FINISHED, timeout=90_000)
    return status(page)


def set_network(page, net, online: bool):
    page.context.set_offline(not online)
    net.offline = not online


def cached(page) -> dict[str, list[str]]:
    return page.evaluate(
        """async () => { const out = {};
            for (const name of await caches.keys()) {
              out[name] = (await (await caches.open(name)).keys()).map(r => r.url); }
            return out; }"""
    )


def saved_requests(net) -> list[str]:
    """Files fetched by "Save the whole hub" and answered."""
    return [path for path, save, dropped in net.log if save and not dropped]


def precache_entries(site: Path) -> list[dict]:
    worker = (site / "sw.js").read_text()
    return json.loads(re.search(r"precacheAndRoute\((\[.*?\])\s*,", worker, re.S).group(1))


def precache_keys(site: Path) -> set[str]:
    """The cache keys Workbox stores the precache under (revision in the query)."""
    return {
        e["url"] + (f"?__WB_REVISION__={e['revision']}" if e.get("revision") else "")
        for e in precache_entries(site)
    }


def drawings_shown(page) -> list[float]:
    return page.eval_on_selector_all(
        ".nexus-diagram svg",
        "els => els.map(e => e.getBoundingClientRect().height).filter(h => h > 0)",
    )


# --- installable ---------------------------------------------------------------------------


def test_manifest_is_complete_with_relative_start_and_scope(versions):
    site = versions[0]
    manifest = json.loads((site / "manifest.webmanifest").read_text())
    assert manifest["name"] == "Project Nexus"
    assert manifest["short_name"] == "Nexus"
    assert manifest["start_url"] == "./"
    assert manifest["scope"] == "./"
    assert "id" not in manifest  # a relative id would resolve against the whole origin
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"] == "#4051b5"
    assert manifest["background_color"] == "#ffffff"
    pngs = [icon for icon in manifest["icons"] if icon["type"] == "image/png"]
    for icon in pngs:
        width, height = png_size((site / icon["src"]).read_bytes())
        assert icon["sizes"] == f"{width}x{height}", icon
    offered = {(icon["sizes"], icon["purpose"]) for icon in pngs}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= offered
    assert png_size((site / "assets/images/icons/apple-touch-icon.png").read_bytes()) == (180, 180)
    head = (site / "concepts/caching/index.html").read_text().split("</head>")[0]
    assert '<link rel="manifest" href="../../manifest.webmanifest">' in head
    touch = "../../assets/images/icons/apple-touch-icon.png"
    assert f'<link rel="apple-touch-icon" href="{touch}">' in head
    assert 'media="(prefers-color-scheme: light)" content="#4051b5"' in head
    assert 'media="(prefers-color-scheme: dark)" content="#1e2029"' in head
    assert '<link rel="icon" href="../../assets/images/nexus-icon.svg">' in head


@pytest.mark.browser
def test_chromium_finds_the_app_installable_under_a_sub_path(chromium, net, tmp_path):
    # A profile on disk: Chromium reports every incognito context as not installable.
    context = chromium.browser_type.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=find_chromium(), headless=True, args=LAUNCH_ARGS
    )
    try:
        page = open_controlled(context.new_page(), net.url + "concepts/caching/")
        cdp = context.new_cdp_session(page)
        manifest = cdp.send("Page.getAppManifest")
        errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    finally:
        context.close()
    assert manifest["url"] == net.url + "manifest.webmanifest"
    assert manifest["errors"] == []
    parsed = manifest["manifest"]
    assert parsed["startUrl"] == net.url
    assert parsed["scope"] == net.url
    assert parsed["id"] == net.url
    assert parsed["display"] == "kStandalone"
    assert parsed["themeColor"] == "rgba(64,81,181,1)"
    assert errors == []


# --- the service worker ------------------------------------------------------------------


def test_precache_is_the_shell_within_its_budget(versions):
    site = versions[0]
    urls = {entry["url"] for entry in precache_entries(site)}
    size = sum((site / url).stat().st_size for url in urls)
    assert size <= PRECACHE_BUDGET, (
        f"the precache is {size / 1e6:.2f} MB, over its {PRECACHE_BUDGET / 1e6:.1f} MB budget: "
        "take a file out of SHELL in tools/mkdocs_hooks/offline_app.py, or raise "
        "PRECACHE_BUDGET there with the reason"
    )
    for needed in ("index.html", "404.html", "search/search_index.json", "manifest.webmanifest",
                   "offline-files.json", "sitemap.xml", "assets/images/icons/icon-192.png"):
        assert needed in urls, needed
    assert any(re.fullmatch(r"assets/javascripts/bundle\.\w+\.min\.js", u) for u in urls)
    assert any(re.fullmatch(r"assets/stylesheets/main\.\w+\.min\.css", u) for u in urls)
    assert any(re.fullmatch(r"assets/javascripts/workers/search\.\w+\.min\.js", u) for u in urls)
    assert not [u for u in urls if u.endswith(".map") or u.startswith("downloads/")]
    shell = {f["path"] for f in listing(site)["files"] if f["shell"]}
    assert urls == shell | {"offline-files.json"}


def test_the_hub_list_holds_every_page_and_every_file_pages_use(versions):
    site = versions[0]
    files = listing(site)["files"]
    paths = {f["path"] for f in files}
    pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    assert pages <= paths
    for f in files:
        assert f["bytes"] == (site / f["path"]).stat().st_size
    # Every local script, style and image a page loads is in the list.
    used = set()
    reference = re.compile(r'<(?:script|link|img)\b[^>]*\b(?:src|href)="([^"#?]+)"')
    for page in site.rglob("*.html"):
        for ref in reference.findall(page.read_text()):
            if "//" in ref or ref.endswith("/") or ref.endswith(".html"):
                continue
            target = (page.parent / ref).resolve()
            if target.is_file() and "downloads" not in target.parts:
                used.add(target.relative_to(site.resolve()).as_posix())
    assert used - paths == set()


@pytest.mark.browser
def test_worker_registers_after_load_and_precaches_the_shell(app, net, versions):
    app.add_init_script(
        """const register = ServiceWorkerContainer.prototype.register;
        ServiceWorkerContainer.prototype.register = function (...args) {
          window.__registeredWhen = document.readyState;
          window.__registeredAfterPaint = performance.getEntriesByType('paint').length > 0;
          return register.apply(this, args);
        };"""
    )
    open_controlled(app, net.url)
    assert app.evaluate("window.__registeredWhen") == "complete"
    assert app.evaluate("window.__registeredAfterPaint") is True
    scope = app.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")
    assert scope == net.url
    caches_now = cached(app)
    precache = [name for name in caches_now if name.startswith("workbox-precache")]
    assert len(precache) == 1
    shell = [f for f in listing(versions[0])["files"] if f["shell"]]
    assert len(caches_now[precache[0]]) == len(shell) + 1  # and offline-files.json
    assert app.errors == []


@pytest.mark.browser
def test_a_page_not_saved_says_so_offline(app, net):
    open_controlled(app, net.url)
    set_network(app, net, online=False)
    app.goto(net.url + "concepts/testing/", wait_until="load")
    assert app.locator("h1").inner_text() == "This page is not saved on this device"
    app.goto(net.url, wait_until="load")
    with app.expect_navigation(wait_until="load"):  # instant navigation falls back to a load
        # Material makes every link absolute once the page has loaded.
        app.locator(f'.md-content a[href="{net.url}concepts/"]').first.click()
    assert app.locator("h1").inner_text() == "This page is not saved on this device"
    app.goto(net.url, wait_until="load")  # the home page is in the shell
    assert app.locator("h1").first.inner_text().startswith("Project Nexus")


# --- save the whole hub ------------------------------------------------------------------


@pytest.mark.browser
def test_saved_hub_opens_unvisited_pages_offline_with_diagrams_and_search(app, net, versions):
    open_controlled(app, net.url)
    total = listing(versions[0])["total_bytes"]
    label = app.locator("[data-nexus-save]").inner_text()
    assert label == f"Save the whole hub for offline reading ({total / 1e6:.1f} MB)"
    assert save_the_hub(app).startswith(f"Saved: the whole hub ({total / 1e6:.1f} MB)")
    app.locator("[data-nexus-remove]").wait_for(state="visible")
    assert app.locator("[data-nexus-save]").is_hidden()
    progress = app.locator(".nexus-offline-app progress")
    assert progress.get_attribute("value") == progress.get_attribute("max") == str(total)
    assert app.locator(f"label[for='{progress.get_attribute('id')}']").is_visible()
    app.wait_for_function(
        "document.querySelector('.nexus-offline-app__space').textContent.includes('Storage used')"
    )

    set_network(app, net, online=False)
    for path in ("projects/e-commerce-backend/", "program/learning-path/"):
        app.goto(net.url + path, wait_until="load")
        assert app.locator(".nexus-diagram").count() > 0, path
        heights = drawings_shown(app)
        assert len(heights) == app.locator(".nexus-diagram").count()
        assert min(heights) > 40

    # The learning-path ticks (localStorage) work offline and survive a reload.
    tick(app, 1)
    app.reload(wait_until="load")
    app.wait_for_function("document.querySelector('.nexus-progress-status').textContent.includes('of')")
    assert ticked(app)[:2] == [False, True]

    # The "Check yourself" questions answer offline (their script is precached).
    app.goto(net.url + "concepts/query-optimization/", wait_until="load")
    quiz = app.locator(".quiz").first
    for answer in quiz.locator("input[data-correct]").all():
        quiz.locator(f'label[for="{answer.get_attribute("id")}"]').click()
    if quiz.locator("input[data-correct]").count() > 1:
        quiz.locator("button.quiz-button[type=submit]").click()
    assert quiz.locator("section.content").is_visible()

    # Search answers from the precached index.
    app.keyboard.press("/")
    app.locator("input.md-search__input").press_sequentially("select_related", delay=20)
    first = app.locator(".md-search-result__item").first
    first.wait_for(timeout=20_000)
    assert "query-optimization" in first.locator("a").first.get_attribute("href")
    unexpected = [e for e in app.errors if "ERR_INTERNET_DISCONNECTED" not in e]
    assert unexpected == []


@pytest.mark.browser
def test_removing_the_saved_copy_frees_it(app, net):
    open_controlled(app, net.url)
    save_the_hub(app)
    app.locator("[data-nexus-remove]").click()
    app.wait_for_function(f"document.querySelector('{STATUS}').textContent.startsWith('Removed')")
    assert not [name for name in cached(app) if name.startswith("nexus[")]
    app.locator("[data-nexus-save]").wait_for(state="visible")
    set_network(app, net, online=False)
    app.goto(net.url + "concepts/testing/", wait_until="load")
    assert app.locator("h1").inner_text() == "This page is not saved on this device"


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_save_controls_fit_a_phone_and_pass_axe(chromium, net, scheme):
    from axe_playwright_python.sync_playwright import Axe

    context = chromium.new_context(viewport={"width": 390, "height": 844}, color_scheme=scheme)
    page = open_controlled(context.new_page(), net.url + "program/read-offline/")
    try:
        page.wait_for_function(
            "document.querySelector('[data-nexus-save]')?.textContent.includes('MB')"
        )
        before = Axe().run(page, context=".nexus-offline-app").response["violations"]
        save_the_hub(page)
        page.locator("[data-nexus-remove]").wait_for(state="visible")
        panel = page.locator(".nexus-offline-app")
        panel.scroll_into_view_if_needed()
        box = panel.bounding_box()
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= 390
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
        after = Axe().run(page, context=".nexus-offline-app").response["violations"]
    finally:
        context.close()
    assert [v["id"] for v in before + after] == []


# --- faults ------------------------------------------------------------------------------

QUOTA_AFTER_PUTS = 12
FULL_STORAGE = """(() => {
  const put = Cache.prototype.put;
  let puts = 0;
  Cache.prototype.put = function (...args) {
    puts += 1;
    if (puts > QUOTA_AFTER_PUTS) {
      return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    }
    return put.apply(this, args);
  };
})();""".replace("QUOTA_AFTER_PUTS", str(QUOTA_AFTER_PUTS))


@pytest.mark.browser
def test_storage_running_out_keeps_what_was_saved(app, net, versions):
    app.add_init_script(FULL_STORAGE)  # the page's Cache Storage only, not the worker's
    open_controlled(app, net.url + "program/read-offline/")
    message = save_the_hub(app)
    assert message.startswith("This device has no more room for the hub:")
    assert "The pages saved so far still open offline" in message
    assert "continues where it stopped" in message
    app.wait_for_function(
        "document.querySelector('[data-nexus-save]').textContent"
        ".startsWith('Continue saving the hub (')"
    )
    build = listing(versions[0])["build"]
    caches = cached(app)
    saved = [u for u in caches[f"nexus[{PREFIX}]-pages-{build}"] if u.endswith("/")]
    # Pages and assets are saved as they come in the listing: all but the refused put stay.
    kept = sum(len(urls) for name, urls in caches.items() if name.endswith(f"-{build}"))
    assert kept >= QUOTA_AFTER_PUTS - 1
    assert len(saved) >= 2
    visited = net.url + "program/read-offline/"
    unvisited = next(u for u in saved if u != visited)

    set_network(app, net, online=False)
    app.goto(unvisited, wait_until="load")
    assert app.locator("h1").inner_text() != "This page is not saved on this device"
    assert app.locator(".md-content h1").count() == 1


@pytest.mark.browser
def test_network_drop_mid_save_resumes_without_downloading_again(app, net, versions):
    open_controlled(app, net.url)
    rest = [f for f in listing(versions[0])["files"] if not f["shell"]]
    answered = []

    def drop_after_twenty(handler):
        if not handler.headers.get("X-Nexus-Save"):
            return False
        answered.append(handler.path)
        return len(answered) > 20

    net.drop = drop_after_twenty
    message = save_the_hub(app)
    assert message.startswith("The network dropped:")
    assert "continues where it stopped" in message
    first_run = saved_requests(net)
    assert 0 < len(first_run) <= 20

    net.drop = None
    net.log.clear()
    assert save_the_hub(app).startswith("Saved: the whole hub")
    second_run = saved_requests(net)
    # Nothing saved in the first run was asked for again, and every file came exactly once.
    assert not set(first_run) & set(second_run)
    assert sorted(first_run + second_run) == sorted(PREFIX + f["url"] for f in rest)


# --- new versions --------------------------------------------------------------------------


def reload_prompt(page):
    return page.locator(".nexus-update")


@pytest.mark.browser
def test_new_deployment_prompts_to_reload_then_shows_new_content(app, net, versions):
    open_controlled(app, net.url)
    assert NEW_HOME not in app.content()

    net.site = versions[1]  # the second version is deployed
    app.reload(wait_until="load")
    reload_prompt(app).wait_for(state="visible", timeout=30_000)
    assert "A new version of the hub is available" in reload_prompt(app).inner_text()
    assert NEW_HOME not in app.content()  # the reader keeps the version they have

    with app.expect_navigation(wait_until="load"):
        reload_prompt(app).get_by_role("button", name="Reload").click()
    app.wait_for_function("navigator.serviceWorker.controller !== null")
    assert NEW_HOME in app.locator("article").inner_text()
    assert reload_prompt(app).count() == 0
    # The old version's caches are gone: only the new build's names and precache entries.
    new_build = listing(versions[1])["build"]
    now = cached(app)
    assert [name for name in now if name.startswith("nexus[") and new_build not in name] == []
    (precache,) = [name for name in now if name.startswith("workbox-precache")]
    assert {url.removeprefix(net.url) for url in now[precache]} == precache_keys(versions[1])


@pytest.mark.browser
def test_deployment_while_offline_keeps_the_old_version_until_reload(app, net, versions):
    old, new = listing(versions[0]), listing(versions[1])
    open_controlled(app, net.url)
    save_the_hub(app)

    set_network(app, net, online=False)
    net.site = versions[1]  # deployed while the reader is offline
    for url in (net.url, net.url + CHANGED_PAGE):
        app.goto(url, wait_until="load")
        assert NEW_HOME not in app.content()
        assert NEW_PAGE not in app.content()
    assert reload_prompt(app).count() == 0

    set_network(app, net, online=True)
    net.log.clear()
    app.goto(net.url, wait_until="load")
    reload_prompt(app).wait_for(state="visible", timeout=30_000)
    set_network(app, net, online=False)  # still the old version, whole, while waiting
    app.goto(net.url + CHANGED_PAGE, wait_until="load")
    assert NEW_PAGE not in app.content()
    assert app.locator(".md-content h1").inner_text().startswith("Caching")

    set_network(app, net, online=True)
    app.goto(net.url, wait_until="load")
    reload_prompt(app).wait_for(state="visible", timeout=30_000)
    with app.expect_navigation(wait_until="load"):
        reload_prompt(app).get_by_role("button", name="Reload").click()
    assert NEW_HOME in app.locator("article").inner_text()
    # The saved copy updates itself: the new worker carried the unchanged files over, so
    # only the changed ones are downloaded.
    app.wait_for_function(FINISHED, timeout=90_000)
    assert status(app).startswith("Saved: the whole hub")
    old_sha = {f["url"]: f["sha256"] for f in old["files"]}
    changed = sorted(
        PREFIX + f["url"]
        for f in new["files"]
        if not f["shell"] and old_sha.get(f["url"]) != f["sha256"]
    )
    assert PREFIX + CHANGED_PAGE in changed
    assert sorted(saved_requests(net)) == changed

    set_network(app, net, online=False)
    app.goto(net.url + CHANGED_PAGE, wait_until="load")
    assert NEW_PAGE in app.locator("article").inner_text()
    app.goto(net.url + "concepts/testing/", wait_until="load")  # never visited: carried over
    assert app.locator(".md-content h1").inner_text().startswith("Testing")


# --- builds without Node.js or workbox-build ------------------------------------------------


def test_a_build_without_workbox_fails_to_publish_and_skips_the_worker_otherwise(tmp_path):
    project = copy_project(tmp_path / "project")  # a copy has no node_modules of its own
    no_workbox = {"NEXUS_NODE_MODULES": ""}
    publishing = build(project, tmp_path / "site-publish", extra_env=no_workbox)
    assert publishing.returncode != 0
    assert "The offline service worker cannot be built" in publishing.output
    assert "run 'npm ci'" in publishing.output

    not_publishing = {**no_workbox, "NEXUS_REQUIRE_SVG_DIAGRAMS": "0"}
    reader = build(project, tmp_path / "site-reader", extra_env=not_publishing)
    assert reader.returncode == 0, reader.output
    notes = [line for line in reader.output.splitlines() if "service worker" in line.lower()]
    assert len(notes) == 1, notes
    assert "No service worker in this build" in notes[0]
    assert not (reader.site_dir / "sw.js").exists()
    home = (reader.site_dir / "index.html").read_text()
    assert 'rel="manifest"' in home  # still installable as a bookmark with an icon
    assert "nexus-service-worker" not in home


# --- the offline zip is unaffected -----------------------------------------------------------


def test_offline_copy_has_no_manifest_worker_or_save_button(offline_site):
    assert not (offline_site / "sw.js").exists()
    assert not (offline_site / "manifest.webmanifest").exists()
    for page in ("index.html", "program/read-offline.html"):
        html = (offline_site / page).read_text()
        assert 'rel="manifest"' not in html
        assert "offline-app.js" not in html
        assert "nexus-service-worker" not in html
        assert "data-nexus-offline-app" not in html


@pytest.mark.browser
def test_file_urls_register_nothing_and_log_no_errors(visit, offline_site, versions):
    for url in ((offline_site / "index.html").as_uri(), (versions[0] / "index.html").as_uri()):
        page = visit.goto(url)
        registrations = page.evaluate(
            "'serviceWorker' in navigator ? navigator.serviceWorker.getRegistrations()"
            ".then(r => r.length).catch(() => 0) : 0"
        )
        assert registrations == 0, url
    about = re.compile(r"(?i)service ?worker|manifest|offline-app")
    about_the_app = [e for e in visit.console_errors if about.search(e)]
    assert about_the_app == []
    assert visit.blocked == []
