"""The real site builds under --strict, and what it builds is complete and self-contained."""

import re

import pytest


def test_strict_build_has_no_warnings(site_build):
    warnings = [line for line in site_build.output.splitlines() if line.startswith("WARNING")]
    assert warnings == []


@pytest.mark.parametrize(
    "page",
    [
        "index.html",
        "404.html",
        "sitemap.xml",
        "program/index.html",
        "concepts/query-optimization/index.html",
        "reference/catalog/index.html",
        "tags/index.html",
    ],
)
def test_expected_pages_exist(site_dir, page):
    assert (site_dir / page).is_file()


def test_snippets_are_inlined_from_the_examples(site_dir):
    html = (site_dir / "concepts/query-optimization/index.html").read_text()
    # The code comes from examples/catalog/queries.py, not from a copy in the page.
    assert "titles_with_authors_naive" in html
    assert "Same list in one query: the authors arrive" in html
    assert "--8&lt;--" not in html
    assert "--8<--" not in html


def test_every_page_has_edit_and_view_source_links(site_dir):
    html = (site_dir / "concepts/query-optimization/index.html").read_text()
    assert re.search(r'href="[^"]+/edit/main/docs/concepts/query-optimization\.md"', html)
    assert re.search(r'href="[^"]+/raw/main/docs/concepts/query-optimization\.md"', html)


def test_glossary_abbreviations_become_tooltips(site_dir):
    html = (site_dir / "concepts/query-optimization/index.html").read_text()
    assert '<abbr title="Object-Relational Mapper">ORM</abbr>' in html


def test_api_reference_is_rendered_from_docstrings(site_dir):
    html = (site_dir / "reference/catalog/index.html").read_text()
    assert "titles_with_authors_naive" in html
    assert "one query for the books, then one per book for its author" in html


def test_pages_reference_no_other_host_for_assets(site_dir):
    # Links to documentation are fine; scripts, styles, fonts and images must be local.
    tag = re.compile(r"<(?:script|link|img|source|iframe)\b[^>]*>", re.I)
    remote = re.compile(r'\b(?:src|href)="(?:https?:)?//', re.I)
    offenders = [
        f"{path.relative_to(site_dir)}: {m.group(0)}"
        for path in site_dir.rglob("*.html")
        for m in tag.finditer(path.read_text())
        if remote.search(m.group(0)) and 'rel="canonical"' not in m.group(0)
    ]
    assert offenders == []


def test_pages_show_last_update_and_contributors_from_git(site_dir):
    html = (site_dir / "concepts/query-optimization/index.html").read_text()
    assert 'title="Last update"' in html
    assert 'title="Contributors"' in html


def test_home_lists_recently_updated_pages(site_dir):
    html = (site_dir / "index.html").read_text()
    section = html.split('id="recently-updated"', 1)[1].split("<h2", 1)[0]
    links = re.findall(r'<li>(\d{4}-\d{2}-\d{2}): <a href="([^"]+)">', section)
    assert len(links) >= 3, section
    dates = [date for date, _ in links]
    assert dates == sorted(dates, reverse=True)
