"""The representative pages that the browser, offline and accessibility tests open."""

import re

from tools.sitebuild import ROOT

FENCE = re.compile(r"^```mermaid\s*$", re.M)

PAGES = {
    "home": "",
    "technology page": "technologies/django-rest-framework/",
    "concept page": "concepts/query-optimization/",
    "challenge entry": "challenges/celery-tasks-not-executing/",
    "challenges index": "challenges/",
    "case study with ERD": "projects/e-commerce-backend/",
    "learning path": "program/learning-path/",
    "program overview": "program/",
}

# Pages holding diagrams: a flowchart page, an ERD page and the learning path.
DIAGRAM_PAGES = {
    "program overview": "program/",
    "case study with ERD": "projects/e-commerce-backend/",
    "learning path": "program/learning-path/",
}


def offline_file(site, path: str):
    """The file of ``path`` in the offline build, which links ``name.html``, not ``name/``."""
    page = site / (path.rstrip("/") + ".html")
    return page if path and page.is_file() else site / path / "index.html"


def expected_diagrams() -> dict[str, int]:
    """How many diagrams each built page must show, counted from the Markdown."""
    counts = {}
    for page in sorted((ROOT / "docs").rglob("*.md")):
        n = len(FENCE.findall(page.read_text()))
        if n:
            rel = page.relative_to(ROOT / "docs").with_suffix("")
            html = rel.parent / "index.html" if rel.name == "index" else rel / "index.html"
            counts[str(html)] = n
    return counts
