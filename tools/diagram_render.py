"""Draw Mermaid diagrams to SVG at build time, with the vendored Mermaid, in headless Chromium.

Pages then carry finished SVG: no diagram library is downloaded or run when a page is read,
diagram pages weigh little more than text pages, and the offline copy and the PDF show the
same drawings as the website.

Each drawing is cached in ``.cache/diagrams/`` under the SHA-256 of everything that decides
it (the Mermaid file, the settings, the theme and the source), so a build only starts a
browser when a diagram changed; ``NEXUS_DIAGRAM_CACHE`` points throwaway copies of the
project at the same cache.

``python -m tools.diagram_render`` draws every diagram source under ``diagrams/`` and
reports how many were new.
"""

import hashlib
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MERMAID_JS = ROOT / "docs" / "assets" / "vendor" / "mermaid" / "mermaid.min.js"
DEFAULT_CACHE = ROOT / ".cache" / "diagrams"

# One drawing per palette: Material's light ("default") and dark ("slate") schemes. In the
# dark theme, edge labels sit on a darker box than Mermaid's grey, whose contrast with the
# label text is below the 4.5:1 that WCAG asks for (axe-core flags it).
THEMES = {
    "light": {"theme": "default"},
    "dark": {"theme": "dark", "themeVariables": {"edgeLabelBackground": "#2e3140"}},
}

SETTINGS = {"startOnLoad": False, "securityLevel": "strict"}

# Bump when the way drawings are made changes, so old cache entries are not reused.
RENDERER_VERSION = "1"


class DiagramError(Exception):
    """Mermaid could not draw a diagram; the message is Mermaid's own."""


class RendererUnavailable(Exception):
    """Playwright or Chromium is missing; the message says how to install them."""


@dataclass(frozen=True)
class Drawing:
    key: str
    theme: str
    svg: str


def cache_dir() -> Path:
    configured = os.environ.get("NEXUS_DIAGRAM_CACHE")
    return Path(configured) if configured else DEFAULT_CACHE


class MermaidRenderer:
    """Draw diagrams, from the cache when possible; the browser starts on the first miss.

    Use it from one thread and ``close()`` it when done (Playwright's sync API is bound to
    the thread that started it). Pass ``browser`` to draw in a Playwright browser that is
    already running (one thread can drive only one Playwright).
    """

    def __init__(self, cache: Path | None = None, mermaid_js: Path = MERMAID_JS, browser=None):
        self.cache = cache or cache_dir()
        self.mermaid_js = mermaid_js
        self._lent_browser = browser
        self._mermaid_digest = hashlib.sha256(mermaid_js.read_bytes()).hexdigest()
        self._playwright = None
        self._browser = None
        self._page = None
        self.drawn = 0  # drawings made in the browser (cache misses)

    def key(self, source: str, theme: str) -> str:
        recipe = {
            "renderer": RENDERER_VERSION,
            "mermaid": self._mermaid_digest,
            "settings": {**SETTINGS, **THEMES[theme]},
            "source": source.strip(),
        }
        return hashlib.sha256(json.dumps(recipe, sort_keys=True).encode()).hexdigest()

    def draw(self, source: str, theme: str) -> Drawing:
        key = self.key(source, theme)
        cached = self.cache / f"{key}.svg"
        if cached.is_file():
            return Drawing(key, theme, cached.read_text(encoding="utf-8"))
        svg = self._draw_in_browser(source.strip(), THEMES[theme], f"nexus-diagram-{key[:12]}")
        self.cache.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(svg, encoding="utf-8")
        os.replace(partial, cached)  # atomic: parallel builds may share the cache
        self.drawn += 1
        return Drawing(key, theme, svg)

    def _draw_in_browser(self, source: str, theme: dict, element_id: str) -> str:
        page = self._open()
        result = page.evaluate(
            """async ([source, id, settings]) => {
                mermaid.initialize(settings);
                try {
                    const {svg} = await mermaid.render(id, source);
                    return {svg};
                } catch (error) {
                    document.getElementById("d" + id)?.remove();
                    return {error: String(error.message || error)};
                }
            }""",
            [source, element_id, {**SETTINGS, **theme}],
        )
        if "error" in result:
            raise DiagramError(result["error"])
        return result["svg"]

    def _open(self):
        if self._page is not None:
            return self._page
        if self._lent_browser is not None:
            return self._prepare(self._lent_browser)
        try:
            from playwright.sync_api import sync_playwright
        except ImportError as error:
            raise RendererUnavailable(
                "Playwright is not installed (it comes with the contributor's install: make test)"
            ) from error
        from tools.browser import LAUNCH_ARGS, find_chromium, missing_message

        executable = find_chromium()
        if executable is None:
            raise RendererUnavailable(missing_message())
        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(
            executable_path=executable, headless=True, args=LAUNCH_ARGS
        )
        return self._prepare(self._browser)

    def _prepare(self, browser):
        # Wide enough that no diagram is squeezed while Mermaid measures it.
        self._page = browser.new_page(viewport={"width": 1600, "height": 1200})
        self._page.set_content("<!doctype html><html><body></body></html>")
        self._page.add_script_tag(content=self.mermaid_js.read_text(encoding="utf-8"))
        return self._page

    def close(self) -> None:
        if self._lent_browser is not None and self._page is not None:
            self._page.close()
        if self._browser is not None:
            self._browser.close()
        if self._playwright is not None:
            self._playwright.stop()
        self._playwright = self._browser = self._page = None


def main() -> int:
    sources = sorted((ROOT / "diagrams").rglob("*.mmd"))
    renderer = MermaidRenderer()
    failed = 0
    try:
        for path in sources:
            for theme in THEMES:
                try:
                    renderer.draw(path.read_text(encoding="utf-8"), theme)
                except DiagramError as error:
                    failed += 1
                    print(f"{path.relative_to(ROOT)} ({theme}): {error}", file=sys.stderr)
    except RendererUnavailable as error:
        print(f"Cannot draw diagrams: {error}", file=sys.stderr)
        return 2
    finally:
        renderer.close()
    print(f"{len(sources)} diagram sources, {renderer.drawn} drawings made, cache {renderer.cache}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
