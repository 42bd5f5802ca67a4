"""A small site for build tests: the project's Markdown settings and checking hooks, a few pages.

It inherits mkdocs.yml (INHERIT), so the pages are read by the same Markdown extensions and
checked by the same hooks as the real site, but it builds in seconds: no plugin except
search, no diagrams, no offline app. Each test plants its defect in a page of its own.
"""

import shutil
from pathlib import Path

from tools.sitebuild import ROOT, BuildResult, build

HOOKS = ("page_sources.py", "snippets.py", "published_html.py")
PAGE = """---
title: {title}
description: A page of the fixture site.
---

# {title}

"""


def fixture_site(
    directory: Path, pages: dict[str, str], files: dict[str, str | bytes] | None = None
) -> Path:
    """A site in ``directory`` with ``pages`` (docs/ paths to bodies, given front matter
    unless they start with ---) and repository ``files`` (paths from the root)."""
    (directory / "docs").mkdir(parents=True)
    (directory / "overrides").mkdir()
    hooks = "\n".join(f"  - {ROOT / 'tools/mkdocs_hooks' / hook}" for hook in HOOKS)
    (directory / "mkdocs.yml").write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        "site_name: Fixture\n"
        "theme:\n  custom_dir: overrides\n"
        "plugins:\n  - search\n"
        f"hooks:\n{hooks}\n"
    )
    includes = directory / "docs/includes"
    includes.mkdir()
    shutil.copy(ROOT / "docs/includes/abbreviations.md", includes)
    shutil.copytree(ROOT / "examples/catalog", directory / "examples/catalog",
                    ignore=shutil.ignore_patterns("__pycache__"))
    for name, body in pages.items():
        page = directory / "docs" / name
        page.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(body, bytes):
            page.write_bytes(body)
        else:
            title = Path(name).stem.replace("-", " ").capitalize()
            page.write_text(body if body.startswith("---") else PAGE.format(title=title) + body)
    for name, content in (files or {}).items():
        target = directory / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content)
    return directory


def build_fixture(directory: Path, pages: dict, files: dict | None = None) -> BuildResult:
    return build(fixture_site(directory, {"index.md": "Home.\n", **pages}, files))
