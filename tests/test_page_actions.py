"""Every page says how to fix it: a labelled "Edit this page" and a "Report a problem" link.

The report link opens the content-fix issue form with the page's address in its ``page``
field: GitHub fills an issue form's field from the query parameter named by the field's
``id`` (docs.github.com, "Syntax for GitHub's form schema", Keys: ``id``), and picks the
form with ``template=<file name>``. These read the built HTML (overrides/partials/actions.html).
"""

from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from tools.sitebuild import ROOT

FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "content-fix.yml"
FIELD = "page"


def pages(site_dir):
    """Every page of the built site (the 404 page has no content actions)."""
    return sorted(p for p in site_dir.rglob("index.html"))


def source_of(site_dir, html_path) -> str | None:
    """The Markdown file under docs/ that a built page comes from, if there is one."""
    rel = html_path.parent.relative_to(site_dir).as_posix()
    for candidate in [f"{rel}.md", f"{rel}/index.md"] if rel != "." else ["index.md"]:
        if (ROOT / "docs" / candidate).is_file():
            return candidate
    return None


def actions(soup):
    article = soup.select_one("article.md-content__inner")
    return {
        a.get_text(" ", strip=True): a
        for a in article.select("a.md-content__button")
        if a.get_text(strip=True)
    }


def test_the_issue_form_has_the_field_the_link_fills():
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    fields = {item.get("id"): item for item in form["body"]}
    assert FIELD in fields, f"{FORM.name} has no field with id: {FIELD}"
    assert fields[FIELD]["type"] in ("input", "textarea")


def test_every_page_has_both_links_with_their_text_and_address(site_dir):
    found = pages(site_dir)
    assert len(found) > 50
    without_edit = []
    for html_path in found:
        soup = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
        where = html_path.relative_to(site_dir).as_posix()
        repo = soup.select_one("a.md-source")["href"].rstrip("/")
        canonical = soup.select_one('link[rel="canonical"]')["href"]
        links = actions(soup)

        report = links.get("Report a problem")
        assert report is not None, f"{where}: no 'Report a problem' link (has {sorted(links)})"
        parts = urlsplit(report["href"])
        assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{repo}/issues/new", where
        query = parse_qs(parts.query, strict_parsing=True)
        assert query == {"template": [FORM.name], FIELD: [canonical]}, f"{where}: {query}"
        assert canonical.endswith(
            "/" + html_path.parent.relative_to(site_dir).as_posix() + "/"
        ) or (html_path.parent == site_dir), f"{where}: canonical address {canonical}"

        source = source_of(site_dir, html_path)
        edit = links.get("Edit this page")
        if source is None:
            without_edit.append(where)
            continue
        assert edit is not None, f"{where}: no labelled 'Edit this page' (has {sorted(links)})"
        assert edit["href"] == f"{repo}/edit/main/docs/{source}", where
        assert edit.get("rel") == ["edit"]
    # Generated pages may have no source file to edit; nearly every page has one.
    assert len(without_edit) <= 2, without_edit


@pytest.mark.parametrize("label", ["Edit this page", "Report a problem"])
def test_the_labels_are_text_not_only_a_tooltip(site_dir, label):
    soup = BeautifulSoup(
        (site_dir / "technologies" / "celery" / "index.html").read_text(encoding="utf-8"),
        "html.parser",
    )
    link = actions(soup)[label]
    span = link.select_one(".nexus-action__label")
    assert span is not None
    assert span.get_text(strip=True) == label
    assert not span.has_attr("hidden")
    assert link.select_one("svg") is not None


def test_the_offline_copy_reports_the_pages_address_on_the_site(offline_site, site_dir):
    """The file:// copy links name.html; its reports name the page as it is on the site."""
    checked = 0
    for html_path in pages(site_dir):
        rel = html_path.parent.relative_to(site_dir).as_posix()
        offline = offline_site / ("index.html" if rel == "." else f"{rel}.html")
        if not offline.is_file():
            offline = offline_site / rel / "index.html"
        online = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
        soup = BeautifulSoup(offline.read_text(encoding="utf-8"), "html.parser")
        report = actions(soup)["Report a problem"]
        query = parse_qs(urlsplit(report["href"]).query, strict_parsing=True)
        assert query[FIELD] == [online.select_one('link[rel="canonical"]')["href"]], rel
        checked += 1
    assert checked > 50
