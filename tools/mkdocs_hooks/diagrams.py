"""MkDocs hook: ship every Mermaid diagram as finished SVG, drawn at build time.

Each ```` ```mermaid ```` fence (mermaid2 writes it as ``<pre class="mermaid"><code>``) is
drawn twice by ``tools/diagram_render.py``, once per palette, and the page carries both
drawings; CSS shows the one matching the reader's light or dark scheme. Pages then load no
diagram code at all, and the offline copy and the PDF show exactly what the website shows.

Where the browser is missing (a reader who ran only ``make serve``), diagrams stay as source
and the vendored Mermaid draws them when the page opens, as mermaid2 arranges; builds that
publish (tests, ``make build``, the Pages workflow) set ``NEXUS_REQUIRE_SVG_DIAGRAMS=1``,
and then a missing browser fails the build. A diagram Mermaid cannot draw is a build
warning (an error under ``--strict``) naming the page, the diagram's file and Mermaid's
message.
"""

import html
import logging
import os
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the project root, for tools.*

from tools.diagram_render import (  # noqa: E402
    THEMES,
    DiagramError,
    MermaidRenderer,
    RendererUnavailable,
)

log = logging.getLogger("mkdocs.hooks.diagrams")

FENCE = re.compile(r'<pre\b[^>]*\bclass="mermaid"[^>]*><code>(?P<source>.*?)</code></pre>', re.S)
# Guidance in page templates keeps example fences inside HTML comments: leave those alone.
COMMENT = re.compile(r"(<!--.*?-->)", re.S)
TITLE = re.compile(r"^\s*accTitle\s*:\s*(?P<title>.+?)\s*$", re.M)
# Stands in for a drawing between the two page events, so mermaid2 (which rewrites any page
# that mentions "mermaid") never re-parses the SVG.
PLACEHOLDER = re.compile(r'<div data-nexus-drawing="(?P<index>\d+)"></div>')

# Text, not an SVG icon: the page's tests count the drawings as the SVGs in a diagram.
ENLARGE = (
    '<button type="button" class="nexus-diagram__enlarge" hidden'
    ' aria-label="Enlarge diagram: {label}">'
    '<span class="nexus-diagram__enlarge-icon" aria-hidden="true">\u2922</span>'
    " Enlarge</button>"
)

_renderer: MermaidRenderer | None = None
_unavailable: str | None = None
_pending: dict[str, list[str]] = {}


def _required() -> bool:
    return os.environ.get("NEXUS_REQUIRE_SVG_DIAGRAMS") == "1"


def on_pre_build(config):
    global _renderer, _unavailable
    _unavailable = None
    _renderer = MermaidRenderer()


def _diagram_files(config) -> dict[str, str]:
    root = Path(config.config_file_path).parent
    return {
        path.read_text(encoding="utf-8").strip(): str(path.relative_to(root))
        for path in sorted((root / "diagrams").rglob("*.mmd"))
    }


def _figure(source: str, drawings: dict[str, str]) -> str:
    match = TITLE.search(source)
    label = html.escape(match.group("title") if match else "Diagram", quote=True)
    # Focusable and named: Enter on it, a click on it or its button opens it full screen
    # (assets/javascripts/diagram-zoom.js, which unhides the button).
    parts = [f'<div class="nexus-diagram" role="group" tabindex="0" aria-label="{label}">']
    for theme, svg in drawings.items():
        parts.append(f'<div class="nexus-diagram__{theme}">{svg}</div>')
    parts.append(ENLARGE.format(label=label))
    parts.append("</div>")
    return "".join(parts)


def render_diagrams(output: str, where: str, config) -> tuple[str, list[str]]:
    """Replace each diagram in ``output`` with a placeholder; return the figures they stand for."""
    figures: list[str] = []

    def replace(match: re.Match) -> str:
        global _unavailable
        if _unavailable is not None:
            return match.group(0)
        source = match.group("source").strip()
        try:
            drawings = {theme: _renderer.draw(source, theme).svg for theme in THEMES}
        except RendererUnavailable as error:
            if _required():
                raise PluginError(
                    f"Diagrams must be drawn to SVG for this build, but: {error}"
                ) from error
            _unavailable = str(error)
            log.info(
                "Diagrams will be drawn in the browser by the vendored Mermaid (%s).", error
            )
            return match.group(0)
        except DiagramError as error:
            origin = _diagram_files(config).get(source)
            origin = f" (from {origin})" if origin else ""
            first = source.splitlines()[0] if source else ""
            log.warning(
                "%s: Mermaid cannot draw the diagram starting '%s'%s: %s\n"
                "  fix: correct the diagram source; 'make test' names the line "
                "(tests/test_mermaid.py)",
                where, first, origin, error,
            )
            return match.group(0)
        figures.append(_figure(source, drawings))
        return f'<div data-nexus-drawing="{len(figures) - 1}"></div>'

    parts = COMMENT.split(output)  # odd items are comments
    drawn = [part if i % 2 else FENCE.sub(replace, part) for i, part in enumerate(parts)]
    return "".join(drawn), figures


def _fill(output: str, figures: list[str]) -> str:
    return PLACEHOLDER.sub(lambda m: figures[int(m.group("index"))], output)


@event_priority(50)  # before mermaid2 looks for diagrams to load Mermaid for
def _draw(output, page, config):
    if _renderer is None or 'class="mermaid"' not in output:
        return output
    output, figures = render_diagrams(output, page.file.src_uri, config)
    if figures:
        _pending[page.file.src_uri] = figures
    return output


@event_priority(-50)  # after mermaid2
def _fill_in(output, page, config):
    figures = _pending.pop(page.file.src_uri, None)
    return _fill(output, figures) if figures else output


on_post_page = CombinedEvent(_draw, _fill_in)


def on_post_build(config):
    """Draw the print page too (the PDF's source), written by print-site after every page."""
    try:
        print_page = Path(config.site_dir) / "print_page.html"
        if print_page.is_file():
            text = print_page.read_text(encoding="utf-8")
            if 'class="mermaid"' in text:
                text, figures = render_diagrams(text, "print_page.html", config)
                print_page.write_text(_fill(text, figures), encoding="utf-8")
    finally:
        _close()


def on_build_error(error):
    _close()


def _close():
    global _renderer
    if _renderer is not None:
        if _renderer.drawn:
            log.info("Drew %d diagram(s) to SVG (cached in %s).", _renderer.drawn, _renderer.cache)
        _renderer.close()
    _renderer = None


@event_priority(-100)  # after every plugin has registered its page events
def on_config(config):
    """Call mermaid2 only for a page that still holds a diagram for the browser to draw.

    mermaid2 parses with BeautifulSoup, and writes back re-serialised, every page whose HTML
    merely contains the word "mermaid" (a link to mermaid.js.org, a requirements listing).
    When the diagrams are drawn here its work is done; without a browser (``make serve`` on a
    bare machine) the fences stay and it runs as before.
    """
    handlers = config.plugins.events["post_page"]
    for index, handler in enumerate(handlers):
        if type(getattr(handler, "__self__", None)).__module__ == "mermaid2.plugin":
            handlers[index] = _only_with_fences(handler)
    return config


def _only_with_fences(on_post_page):
    def skip_drawn_pages(output, *, page, config):
        if 'class="mermaid"' in output or "language-mermaid" in output:
            return on_post_page(output, page=page, config=config)
        return output

    return skip_drawn_pages
