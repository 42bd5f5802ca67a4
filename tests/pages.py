"""The representative pages that the browser, offline and accessibility tests open."""

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
