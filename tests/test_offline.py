"""The offline downloads: a zip that reads from file:// and a PDF of the whole site."""

import re
import zipfile

import pytest

from tests.pages import DIAGRAM_PAGES, PAGES, offline_file
from tools import downloads


def test_site_publishes_both_downloads_and_links_them(site_dir):
    for name in (downloads.ZIP_NAME, downloads.PDF_NAME):
        assert (site_dir / "downloads" / name).stat().st_size > 100_000
    html = (site_dir / "index.html").read_text()
    assert f'href="downloads/{downloads.ZIP_NAME}"' in html
    assert f'href="downloads/{downloads.PDF_NAME}"' in html


def test_zip_holds_a_complete_file_url_site(site_build):
    with zipfile.ZipFile(downloads.OUT / downloads.ZIP_NAME) as archive:
        names = set(archive.namelist())
    top = downloads.FOLDER_IN_ZIP
    for needed in (
        "index.html",
        "concepts/query-optimization.html",
        "search/search_index.js",
        "assets/vendor/mermaid/mermaid.min.js",
        "assets/vendor/iframe-worker/shim.js",
    ):
        assert f"{top}/{needed}" in names, needed


def test_offline_pages_use_plain_html_links(offline_site):
    html = (offline_site / "index.html").read_text()
    assert 'href="concepts/query-optimization.html"' in html or "query-optimization.html" in html
    assert "You are reading the offline copy" in html


def test_pdf_has_the_whole_site(site_build):
    data = (downloads.OUT / downloads.PDF_NAME).read_bytes()
    assert data.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page\b", data))
    assert pages >= 15, f"the PDF has only {pages} pages"


@pytest.mark.browser
def test_offline_copy_searches_from_file_url(visit, offline_site):
    page = visit.goto((offline_site / "index.html").as_uri())
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("select_related", delay=20)
    first = page.locator(".md-search-result__item").first
    first.wait_for(timeout=20_000)
    assert "query-optimization.html" in first.locator("a").first.get_attribute("href")
    assert visit.blocked == []


@pytest.mark.browser
def test_offline_copy_navigates_from_file_url(visit, offline_site):
    page = visit.goto((offline_site / "index.html").as_uri())
    page.locator('a[href="program/index.html"]').first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("program/index.html")
    assert visit.blocked == []
    assert visit.console_errors == []


@pytest.mark.browser
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_offline_pages_render_from_file_url(visit, offline_site, path):
    page = visit.goto(offline_file(offline_site, path).as_uri())
    assert page.locator("h1").first.is_visible()
    assert visit.blocked == [], f"requests to other hosts: {visit.blocked}"
    assert visit.console_errors == []


@pytest.mark.browser
@pytest.mark.parametrize("path", DIAGRAM_PAGES.values(), ids=DIAGRAM_PAGES.keys())
def test_offline_copy_shows_every_diagram(visit, offline_site, path):
    page = visit.goto(offline_file(offline_site, path).as_uri())
    figures = page.locator(".nexus-diagram").count()
    heights = page.eval_on_selector_all(
        ".nexus-diagram svg", "els => els.map(e => e.getBoundingClientRect().height)"
    )
    shown = [h for h in heights if h > 0]
    assert figures > 0
    assert len(shown) == figures, (figures, heights)
    assert all(h > 40 for h in shown)
    assert visit.console_errors == []
