"""The built site in a real browser: rendered, self-contained, usable on a phone."""

import pytest

from tests.pages import DIAGRAM_PAGES, PAGES
from tools.sitebuild import ROOT

pytestmark = pytest.mark.browser

# The drawing a reader sees: one per diagram, the other palette's is display: none.
VISIBLE_DRAWINGS = """() => [...document.querySelectorAll('.nexus-diagram svg')]
    .filter(svg => svg.getBoundingClientRect().height > 0)
    .map(svg => ({height: svg.getBoundingClientRect().height,
                  title: svg.querySelector('title')?.textContent || ''}))"""


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_page_renders_without_errors_or_other_hosts(visit, site_url, path):
    page = visit.goto(site_url + path)
    assert page.locator("h1").first.is_visible()
    assert visit.blocked == [], f"requests to other hosts: {visit.blocked}"
    assert visit.console_errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", DIAGRAM_PAGES.values(), ids=DIAGRAM_PAGES.keys())
def test_diagrams_show_one_drawing_per_palette(chromium, site_url, path, scheme):
    context = chromium.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(site_url + path, wait_until="networkidle")
    figures = page.locator(".nexus-diagram").count()
    drawings = page.evaluate(VISIBLE_DRAWINGS)
    loaded = page.evaluate("performance.getEntriesByType('resource').map(r => r.name)")
    context.close()
    assert figures > 0, f"{path} has no diagram"
    assert len(drawings) == figures, f"{path}: {len(drawings)} drawings shown for {figures}"
    assert all(d["height"] > 40 and d["title"] for d in drawings), drawings
    assert not [url for url in loaded if "mermaid" in url], "a drawn page loaded Mermaid"


def test_search_finds_select_related(visit, site_url):
    page = visit.goto(site_url)
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("select_related", delay=20)
    first = page.locator(".md-search-result__item").first
    first.wait_for(timeout=15_000)
    assert "query-optimization" in first.locator("a").first.get_attribute("href")


@pytest.mark.viewport(390, 844)
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_no_horizontal_scroll_on_a_phone(visit, site_url, path):
    page = visit.goto(site_url + path)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{path} is {overflow}px wider than a 390px screen"


def test_palette_choice_persists_across_navigation(visit, site_url):
    page = visit.goto(site_url)
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    # The toggle cycles system preference -> light -> dark; click until dark is chosen.
    for _ in range(3):
        if page.evaluate(scheme) == "slate":
            break
        page.locator("form[data-md-component=palette] label:not([hidden])").first.click()
    assert page.evaluate(scheme) == "slate"
    page.locator(".md-tabs__link", has_text="Concepts").click()
    page.wait_for_url("**/concepts/")
    assert page.evaluate(scheme) == "slate"
    page.reload(wait_until="networkidle")
    assert page.evaluate(scheme) == "slate"


def test_code_copy_button_copies_the_snippet_text(chromium, site_url):
    context = chromium.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + "concepts/query-optimization/", wait_until="networkidle")
    block = page.locator("pre", has_text="def titles_with_authors_naive").first
    block.hover()
    page.locator(f'button[data-clipboard-target="#{block.get_attribute("id")} > code"]').click()
    copied = page.evaluate("navigator.clipboard.readText()")
    context.close()
    source = (ROOT / "examples/catalog/queries.py").read_text()
    snippet = source.split("# --8<-- [start:n_plus_one]\n")[1].split("# --8<-- [end:n_plus_one]")[0]
    assert copied.strip() == snippet.strip()
