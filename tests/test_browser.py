"""The built site in a real browser: rendered, self-contained, usable on a phone."""

import pytest

pytestmark = pytest.mark.browser

PAGES = {
    "home": "",
    "program overview": "program/",
    "query optimization": "concepts/query-optimization/",
}


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_page_renders_without_errors_or_other_hosts(visit, site_url, path):
    page = visit.goto(site_url + path)
    assert page.locator("h1").first.is_visible()
    assert visit.blocked == [], f"requests to other hosts: {visit.blocked}"
    assert visit.console_errors == []


@pytest.mark.parametrize("path", ["program/"])
def test_diagrams_render(visit, site_url, path):
    page = visit.goto(site_url + path)
    # Material swaps each <pre class="mermaid"> source for a <div class="mermaid"> holding the
    # SVG in a closed shadow root; a rendered diagram has a real height.
    page.wait_for_function("document.querySelectorAll('pre.mermaid').length === 0", timeout=20_000)
    heights = page.eval_on_selector_all("div.mermaid", "els => els.map(e => e.offsetHeight)")
    assert heights, "no rendered diagram found"
    assert all(h > 40 for h in heights), heights
    assert visit.blocked == []
    assert visit.console_errors == []


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
