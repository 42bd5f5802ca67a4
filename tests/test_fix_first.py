"""A reader with a broken system comes first: the "Something broken?" box of technology pages.

The built pages are read as HTML (tools/mkdocs_hooks/fix_first.py made the box); the bad
inputs go through the content check (tools/fix_first.py) and the hook itself.
"""

import json
import posixpath
from types import SimpleNamespace

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError
from mkdocs.structure.toc import get_toc
from mkdocs.utils.meta import YAML_RE

from tools import fix_first
from tools.content_check import check_pages
from tools.sitebuild import ROOT

DOCS = ROOT / "docs"
# The pages issue 18 names, each with a dedicated "why it fails" section.
NAMED = {
    "technologies/celery.md": "Why tasks do not execute",
    "technologies/ci-cd.md": "Why deployments break in CI, and how to debug them",
    "technologies/docker.md": 'Why "dependencies are not recognized" in a container',
    "technologies/python-for-backend.md": "Failing automated checker tests despite working code",
}


def front_matter(path):
    return yaml.safe_load(YAML_RE.match(path.read_text(encoding="utf-8")).group(1))


def marked_pages() -> dict[str, dict]:
    pages = {}
    for path in sorted((DOCS / "technologies").glob("*.md")):
        meta = front_matter(path)
        if meta.get("page_type") == "technology" and fix_first.KEY in meta:
            pages[path.relative_to(DOCS).as_posix()] = meta
    return pages


def challenges_of(technologies) -> dict[str, str]:
    """Challenge path under docs/ -> title, for every entry of these technologies."""
    found = {}
    for path in sorted((DOCS / "challenges").glob("*.md")):
        meta = front_matter(path)
        if meta.get("page_type") == "challenge" and meta.get("technology") in technologies:
            found[path.relative_to(DOCS).as_posix()] = meta["title"]
    return found


def built(site_dir, source: str) -> BeautifulSoup:
    html = (site_dir / source[: -len(".md")] / "index.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser")


def test_the_pages_the_issue_names_mark_their_section():
    pages = marked_pages()
    for source, section in NAMED.items():
        assert source in pages, f"docs/{source} has no fix_first front matter"
        assert section in pages[source][fix_first.KEY]["sections"]


@pytest.mark.parametrize("source", sorted(NAMED))
def test_the_box_comes_before_the_second_section_and_links_what_it_should(site_dir, source):
    meta = marked_pages()[source]
    soup = built(site_dir, source)
    article = soup.select_one("article.md-content__inner")
    boxes = article.select("aside.nexus-fix-first")
    assert len(boxes) == 1, f"{source}: {len(boxes)} boxes"
    box = boxes[0]
    assert box.has_attr("data-search-exclude")
    assert box.select_one(".admonition-title").get_text(strip=True) == "Something broken?"
    # Before the second h2, and after the title (and the step bar, when there is one).
    order = [tag for tag in article.find_all(["h1", "h2", "aside", "nav"])]
    second_h2 = [tag for tag in order if tag.name == "h2"][1]
    assert order.index(box) < order.index(second_h2)
    assert order.index(soup.select_one("article h1")) < order.index(box)
    step_bar = article.select_one("nav.nexus-step")
    if step_bar is not None:
        assert order.index(step_bar) < order.index(box)
    # No other admonition stacked on it before the second section.
    stacked = []
    for element in article.descendants:
        if element is second_h2:
            break
        if getattr(element, "name", None) and element is not box:
            if "admonition" in (element.get("class") or []) or element.name == "details":
                stacked.append(element)
    assert stacked == [], f"{source}: an admonition stacks on the box"

    links = box.find_all("a")
    sections = [a for a in links if a["href"].startswith("#")]
    expected = [*meta[fix_first.KEY]["sections"], fix_first.PITFALLS]
    assert [a.get_text() for a in sections] == expected
    for a in sections:
        target = soup.find(id=a["href"][1:])
        assert target is not None, f"{source}: no element has the id of {a['href']}"
        assert target.name == "h2", f"{source}: {a['href']} is no h2"
        assert target.get_text().rstrip("¶").strip() == a.get_text()

    page_dir = posixpath.dirname(source[: -len(".md")] + "/index.html")
    listed = {}
    for a in links:
        if a["href"].startswith("#"):
            continue
        target = posixpath.normpath(posixpath.join(page_dir, a["href"]))
        assert (site_dir / target / "index.html").is_file(), f"{source}: {a['href']} is no page"
        listed[target + ".md"] = a.get_text()
    expected_challenges = challenges_of(fix_first.technologies(meta))
    assert expected_challenges, f"{source}: no challenge of {fix_first.technologies(meta)}"
    assert listed == expected_challenges


def test_the_box_is_not_in_the_search_index(site_dir):
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = tuple(source[: -len(".md")] + "/" for source in NAMED)
    found = [d["location"] for d in index["docs"] if "Something broken?" in d["text"]]
    assert [where for where in found if where.startswith(pages)] == []
    assert any(d["location"].startswith(pages) for d in index["docs"])


def test_pages_without_fix_first_get_no_box(site_dir):
    for path in sorted((DOCS / "technologies").glob("*.md")):
        source = path.relative_to(DOCS).as_posix()
        if path.name == "index.md" or source in marked_pages():
            continue
        assert not built(site_dir, source).select("aside.nexus-fix-first"), source


# --- bad input -------------------------------------------------------------------------------

PAGE = """---
title: Example broker
description: A page that names its why-it-fails section.
page_type: technology
tags:
  - Celery
fix_first:
  sections:
    - Why messages are lost
---

# Example broker

Summary.

## Why it matters

Text.

```text
## Why messages vanish
```

## Why messages vanish

Text.
"""


def problems(tmp_path, text):
    page = tmp_path / "technologies" / "example-broker.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(text)
    return [str(p) for p in check_pages([page], ROOT) if "fix_first" in str(p) or "box" in str(p)]


def test_a_marked_heading_that_is_not_in_the_page_is_named_with_its_line(tmp_path):
    found = problems(tmp_path, PAGE)
    assert len(found) == 1, found
    assert "example-broker.md:9: fix_first section 'Why messages are lost'" in found[0]
    assert "(the page has '## Why messages vanish', line 24)" in found[0]
    assert "fix: write the heading's text exactly as in the page" in found[0]


def test_a_heading_inside_a_code_block_does_not_count(tmp_path):
    lines = PAGE.replace("    - Why messages are lost", "    - Why messages vanish")
    assert problems(tmp_path, lines) == []
    only_in_code = lines.replace("## Why messages vanish\n\nText.\n", "")
    assert any(
        ":9: fix_first section 'Why messages vanish' is not a ## heading" in p
        for p in problems(tmp_path, only_in_code)
    )


def test_other_mistakes_are_named(tmp_path):
    fixed = PAGE.replace("    - Why messages are lost", "    - Why messages vanish")
    cases = {
        "page_type: technology": (
            fixed.replace("page_type: technology", "page_type: concept"),
            ":7: 'fix_first' is only read on technology pages",
        ),
        "pitfalls": (
            fixed.replace("    - Why messages vanish", "    - Pitfalls"),
            ":9: Pitfalls is always linked from the box",
        ),
        "technology": (
            fixed.replace("---\n\n#", "  technologies: [Terraform]\n---\n\n#"),
            ":10: fix_first technology 'Terraform' is the technology: of no challenge",
        ),
        "form": (
            fixed.replace("  sections:\n    - Why messages vanish\n", "  - Why messages vanish\n"),
            ":7: 'fix_first' must hold 'sections'",
        ),
        "stacked": (
            fixed.replace("Summary.\n", 'Summary.\n\n!!! tip "Broken?"\n    See below.\n'),
            ":16: an admonition near the top would stack",
        ),
    }
    for name, (text, expected) in cases.items():
        found = problems(tmp_path, text)
        assert any(expected in p for p in found), f"{name}: {found}"


def test_the_hook_refuses_a_section_the_page_does_not_have():
    from tools.mkdocs_hooks import fix_first as hook

    toc = get_toc([{"level": 2, "id": "pitfalls", "name": "Pitfalls", "children": []}])
    page = SimpleNamespace(
        meta={"page_type": "technology", "tags": ["Celery"], "fix_first": {"sections": ["Gone"]}},
        toc=toc,
        file=SimpleNamespace(src_uri="technologies/example.md", url="technologies/example/"),
    )
    with pytest.raises(PluginError, match="docs/technologies/example.md: fix_first section 'Gone'"):
        hook.on_page_content("<h1>Example</h1><p>Summary.</p>", page, None, None)
