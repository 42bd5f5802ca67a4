"""MkDocs hook: make the site an installable app that keeps itself for offline reading.

A phone cannot open the offline zip and the PDF is hundreds of pages, so the website itself
installs (a web app manifest) and keeps itself (a service worker made by Workbox). After
the build, in ``on_post_build``, this hook writes

- the app icons, drawn from the one source image ``docs/assets/images/nexus-icon.svg`` by
  ``tools/icon_render.py`` (Chromium, cached in ``.cache/icons/``);
- ``manifest.webmanifest``, with ``start_url`` and ``scope`` relative (``./``) so the app
  works at a domain root and under GitHub Pages' ``/<repository>/``;
- ``offline-files.json``: every page and asset a reader needs, with its size and SHA-256,
  the shell marked (what the service worker precaches on the first visit). "Save the whole
  hub" reads it to show its size and to fetch the rest, and the worker uses the hashes to
  store only this build's bytes;
- ``sw.js``, by running ``node tools/service_worker.mjs`` (workbox-build, pinned in
  package.json).

``<!-- nexus:offline-app -->`` on a page becomes the place where
``assets/javascripts/offline-app.js`` draws the save/remove controls. The page script
registers the worker after the page has loaded, and never on file://.

Nothing of this is in the offline build (``NEXUS_OFFLINE=true``: the zip and the PDF are
already offline). Under ``mkdocs serve`` no worker is written (a development server must not
cache itself into the browser). Where Node.js or workbox-build is missing, a build logs one
line and publishes no worker; a publishing build (``NEXUS_REQUIRE_SVG_DIAGRAMS=1``, set by
``make build``, the tests and the Pages workflow) fails instead, naming the fix.
"""

import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the project root, for tools.*

from tools.diagram_render import RendererUnavailable  # noqa: E402
from tools.icon_render import ICONS, IconRenderer, write_icons  # noqa: E402

log = logging.getLogger("mkdocs.hooks.offline_app")

MARKER = "<!-- nexus:offline-app -->"
SCRIPT = "assets/javascripts/offline-app.js"
ICON_SOURCE = "assets/images/nexus-icon.svg"
ICON_DIR = "assets/images/icons"
MANIFEST = "manifest.webmanifest"
FILE_LIST = "offline-files.json"
SERVICE_WORKER = "sw.js"
NODE_SCRIPT = Path(__file__).resolve().parents[1] / "service_worker.mjs"

# Material's indigo primary colour (its header), and the slate scheme's background.
THEME_COLOR = {"light": "#4051b5", "dark": "#1e2029"}
BACKGROUND_COLOR = "#ffffff"

# The shell, precached on the first visit: what every page needs to draw and to search.
# "*" stays inside one folder; the lists are of paths below the site folder.
SHELL = [
    "index.html",
    "404.html",
    "sitemap.xml",  # instant navigation reads it to know which links are the site's
    MANIFEST,
    "search/search_index.json",
    "assets/*.css",
    "assets/stylesheets/*.css",
    "assets/javascripts/*.js",
    "assets/javascripts/workers/*.js",
    "assets/vendor/panzoom/*.js",  # the enlarged diagram view (diagram-zoom.js)
    ICON_SOURCE,
    f"{ICON_DIR}/*.png",
]
# Budget for the shell, what a first visit downloads in the background: 4 MB before
# compression, about 1.1 MB as GitHub Pages sends it (gzip). The search index is most of it
# (1.8 MB of 2.4 MB at 76 pages) and grows with the pages. tests/test_offline_app.py
# enforces it; the build only reports it, so a growing index never blocks publishing.
PRECACHE_BUDGET = 4_000_000

# Files of the built site that "Save the whole hub" leaves out, and why.
NOT_SAVED = {
    "downloads/*": "the zip and the PDF are downloads of their own",
    "**.map": "source maps are for developer tools",
    "assets/javascripts/lunr/**": "search in other languages: the hub is in English",
    "assets/vendor/iframe-worker/*": "only the file:// copy uses it",
    "assets/vendor/*/LICENSE": "licence text of vendored code, not read by pages",
    "assets/vendor/*/VERSION": "version notes of vendored code, not read by pages",
    "assets/images/favicon.png": "Material's default favicon, replaced by the Nexus icon",
    "sitemap.xml.gz": "for search engines",
    "objects.inv": "mkdocstrings' inventory, for other sites' cross-references",
    "tags.json": "the tags plugin's export, not read by pages",
    FILE_LIST: "the list itself (precached)",
    SERVICE_WORKER: "the worker itself",
    "workbox-v*/**": "the worker's own scripts, kept with the worker",
}
# Pages carry their diagrams as SVG; Mermaid is needed only by a build that could not draw
# them (no browser), and then its pages reference it.
MERMAID = "assets/vendor/mermaid/*"

_command = "build"
_worker = False


def _offline_build() -> bool:
    return os.environ.get("NEXUS_OFFLINE", "").lower() == "true"


def _publishing() -> bool:
    return os.environ.get("NEXUS_REQUIRE_SVG_DIAGRAMS") == "1"


def _pattern(glob: str) -> re.Pattern:
    """``*`` within one folder, ``**`` across folders."""
    parts = re.split(r"(\*\*|\*)", glob)
    regex = "".join(
        ".*" if part == "**" else "[^/]*" if part == "*" else re.escape(part) for part in parts
    )
    return re.compile(f"^{regex}$")


def _matches(path: str, globs) -> bool:
    return any(_pattern(glob).match(path) for glob in globs)


def _node_modules(config) -> Path | None:
    """Where workbox-build is installed: the project's node_modules, or NEXUS_NODE_MODULES."""
    candidates = [Path(config.config_file_path).parent / "node_modules"]
    if os.environ.get("NEXUS_NODE_MODULES"):
        candidates.append(Path(os.environ["NEXUS_NODE_MODULES"]))
    for folder in candidates:
        if (folder / "workbox-build" / "package.json").is_file():
            return folder
    return None


def on_startup(command, dirty):
    global _command
    _command = command


def on_config(config):
    global _worker
    if _offline_build():
        # The zip and the PDF are offline already: no manifest, no worker, no page script.
        config.extra_javascript = [s for s in config.extra_javascript if str(s) != SCRIPT]
        config.extra["nexus_app"] = None
        _worker = False
        return config
    missing = None
    if shutil.which("node") is None:
        missing = "Node.js is not installed"
    elif _node_modules(config) is None:
        missing = "workbox-build is not installed (node_modules/workbox-build)"
    if _command == "serve":
        _worker = False
        log.info("No service worker under 'mkdocs serve': build the site to get one.")
    elif missing:
        if _publishing():
            raise PluginError(
                f"The offline service worker cannot be built: {missing}. Fix: install "
                "Node.js 18+ and run 'npm ci' in the project folder (package.json pins "
                "workbox-build), then build again."
            )
        _worker = False
        log.info("No service worker in this build (%s; 'npm ci' installs it).", missing)
    else:
        _worker = True
    config.extra["nexus_app"] = {
        "manifest": MANIFEST,
        "apple_touch_icon": f"{ICON_DIR}/apple-touch-icon.png",
        "theme_color": THEME_COLOR,
        "service_worker": SERVICE_WORKER if _worker else None,
    }
    return config


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    if _offline_build():
        note = (
            "*In the offline copy there is nothing to save: every page is already on "
            "your device.*"
        )
        return markdown.replace(MARKER, note)
    # Shown until the page script takes over, and where it cannot (no JavaScript, a
    # browser without service workers, a build without a worker).
    placeholder = (
        '<div class="nexus-offline-app" data-nexus-offline-app>'
        "<p>Saving the whole hub on this device works on the published website, in a "
        "browser with JavaScript. The downloads below work everywhere.</p></div>"
    )
    return markdown.replace(MARKER, placeholder)


def _url(path: str) -> str:
    """The address a reader's browser asks for: a folder for its index page."""
    if path == "index.html":
        return ""
    return path[: -len("index.html")] if path.endswith("/index.html") else path


def _file_list(site: Path) -> dict:
    paths = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    pages = [p for p in paths if p.endswith(".html")]
    mermaid_used = any(
        "vendor/mermaid/mermaid.min.js" in (site / p).read_text(encoding="utf-8") for p in pages
    )
    skip = list(NOT_SAVED) + ([] if mermaid_used else [MERMAID])
    files = []
    for path in paths:
        if _matches(path, skip):
            continue
        data = (site / path).read_bytes()
        files.append(
            {
                "url": _url(path),
                "path": path,
                "bytes": len(data),
                "sha256": hashlib.sha256(data).hexdigest(),
                "shell": _matches(path, SHELL),
            }
        )
    build = hashlib.sha256(
        "\n".join(f"{f['url']} {f['sha256']}" for f in files).encode()
    ).hexdigest()[:12]
    return {
        "build": build,
        "total_bytes": sum(f["bytes"] for f in files),
        "shell_bytes": sum(f["bytes"] for f in files if f["shell"]),
        "files": files,
    }


def _icons(site: Path) -> list[dict]:
    renderer = IconRenderer()
    try:
        write_icons((site / ICON_SOURCE).read_bytes(), site / ICON_DIR, renderer)
    finally:
        if renderer.drawn:
            log.info("Drew %d app icon(s) (cached in %s).", renderer.drawn, renderer.cache)
        renderer.close()
    return [
        {
            "src": f"{ICON_DIR}/{name}",
            "sizes": f"{icon.size}x{icon.size}",
            "type": "image/png",
            "purpose": icon.purpose,
        }
        for name, icon in ICONS.items()
        if icon.purpose
    ]


def _manifest(config, icons: list[dict]) -> dict:
    # No "id": a relative id resolves against the origin, so every project site of one
    # github.io account would share it. Without one, the app's id is its start_url.
    return {
        "name": config.site_name,
        "short_name": "Nexus",
        "description": " ".join((config.site_description or "").split()),
        "lang": "en",
        "dir": "ltr",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": BACKGROUND_COLOR,
        "theme_color": THEME_COLOR["light"],
        "categories": ["education", "books"],
        "icons": icons + [{"src": ICON_SOURCE, "sizes": "any", "type": "image/svg+xml"}],
    }


def _service_worker(site: Path, config) -> dict:
    command = ["node", str(NODE_SCRIPT), str(site), str(_node_modules(config))]
    try:
        proc = subprocess.run(command, capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise PluginError(f"tools/service_worker.mjs could not run: {error}") from error
    if proc.returncode != 0:
        raise PluginError(
            "tools/service_worker.mjs (Workbox) failed:\n"
            f"{(proc.stderr or proc.stdout).strip()}\n"
            "Fix: run 'npm ci' if workbox-build is missing; otherwise the message names the "
            "file or option at fault."
        )
    return json.loads(proc.stdout.strip().splitlines()[-1])


@event_priority(-100)  # last: after the search index, the search worker and every page
def on_post_build(config):
    if _offline_build():
        return
    site = Path(config.site_dir)
    try:
        icons = _icons(site)
    except RendererUnavailable as error:
        if _publishing():
            raise PluginError(
                f"The app icons must be drawn for this build, but: {error}"
            ) from error
        log.info("App icons not drawn (%s); the manifest lists the SVG icon only.", error)
        icons = []
    manifest = _manifest(config, icons)
    (site / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    listing = _file_list(site)
    (site / FILE_LIST).write_text(json.dumps(listing, indent=1) + "\n", encoding="utf-8")
    if not _worker:
        return
    summary = _service_worker(site, config)
    precache = summary["precache_bytes"]
    log.info(
        "Service worker: %d shell files precached (%.2f MB, budget %.1f MB); "
        "'Save the whole hub' keeps %d files (%.1f MB).",
        summary["precache_files"], precache / 1e6, PRECACHE_BUDGET / 1e6,
        len(listing["files"]), listing["total_bytes"] / 1e6,
    )
