"""Diagrams are drawn to SVG at build time: cached, one drawing per palette, none left as source."""

import re

import pytest

from tests.pages import expected_diagrams
from tools.diagram_render import THEMES, DiagramError, MermaidRenderer
from tools.sitebuild import ROOT, build

FLOWCHART = "flowchart LR\n    accTitle: Two steps\n    accDescr: a leads to b\n    a --> b\n"


@pytest.fixture
def renderer(tmp_path, chromium):
    renderer = MermaidRenderer(cache=tmp_path, browser=chromium)
    yield renderer
    renderer.close()


@pytest.mark.browser
def test_a_drawing_is_cached_by_its_source_and_theme(renderer):
    first = renderer.draw(FLOWCHART, "light")
    assert first.svg.startswith("<svg")
    assert "Two steps" in first.svg
    assert renderer.drawn == 1
    again = renderer.draw(FLOWCHART, "light")
    assert again == first
    assert renderer.drawn == 1
    dark = renderer.draw(FLOWCHART, "dark")
    assert dark.key != first.key
    assert renderer.drawn == 2
    edited = renderer.draw(FLOWCHART.replace("a --> b", "a --> c"), "light")
    assert edited.key != first.key


@pytest.mark.browser
def test_a_broken_diagram_raises_mermaids_message(renderer):
    with pytest.raises(DiagramError, match=r"Parse error on line \d+"):
        renderer.draw("flowchart LR\n    accTitle: x\n    accDescr: y\n    a -->\n", "light")


def test_every_diagram_is_shipped_as_svg_in_both_palettes(site_dir):
    expected = expected_diagrams()
    assert expected, "no page has a diagram"
    problems = []
    for html_path, count in expected.items():
        html = (site_dir / html_path).read_text()
        shown = html.count('class="nexus-diagram"')
        if shown != count:
            problems.append(f"{html_path}: {shown} drawn diagrams, {count} in the Markdown")
        for theme in THEMES:
            if html.count(f'<div class="nexus-diagram__{theme}"><svg') != count:
                problems.append(f"{html_path}: a {theme} drawing is missing")
        if "Syntax error in text" in html:
            problems.append(f"{html_path}: holds Mermaid's error drawing")
    assert problems == []


def test_no_page_loads_diagram_code_or_keeps_diagram_source(site_dir):
    offenders = [
        str(path.relative_to(site_dir))
        for path in site_dir.rglob("*.html")
        if re.search(r'<pre\b[^>]*class="mermaid"|<script[^>]+mermaid', path.read_text())
    ]
    assert offenders == []


def test_the_pdf_source_has_drawn_diagrams_too(offline_site):
    html = (offline_site / "print_page.html").read_text()
    assert html.count('class="nexus-diagram"') >= sum(expected_diagrams().values())
    assert 'class="mermaid"' not in html


def test_without_a_browser_a_preview_build_leaves_diagrams_to_the_vendored_mermaid(tmp_path):
    # A reader who ran only `make serve` has no Playwright or Chromium: the build still
    # succeeds and the page loads the Mermaid copy served with the site to draw in place.
    env = {
        "NEXUS_CHROMIUM": str(tmp_path / "no-chromium"),
        "NEXUS_REQUIRE_SVG_DIAGRAMS": "0",
        "NEXUS_DIAGRAM_CACHE": str(tmp_path / "empty-cache"),
    }
    result = build(ROOT, tmp_path / "site", extra_env=env)
    assert result.returncode == 0, result.output
    assert "Diagrams will be drawn in the browser by the vendored Mermaid" in result.output
    html = (tmp_path / "site/program/index.html").read_text()
    assert 'class="mermaid"' in html
    assert 'src="../assets/vendor/mermaid/mermaid.min.js"' in html
    assert 'class="nexus-diagram"' not in html
