"""MkDocs hook: ``<!-- nexus:recent -->`` becomes a list of the most recently updated pages.

Dates come from one ``git log`` over docs/, so the list works offline and needs no API.
Outside a git checkout (a downloaded archive) the marker becomes a short note instead.
"""

import subprocess
from pathlib import Path, PurePosixPath

MARKER = "<!-- nexus:recent -->"
HOW_MANY = 8


def last_changes(docs_dir: Path) -> dict[str, str]:
    """Map each page under docs/ (relative path) to the date of its last commit."""
    try:
        log = subprocess.run(
            ["git", "log", "--format=%x00%cs", "--name-only", "--", "."],
            cwd=docs_dir, capture_output=True, text=True, check=True, timeout=60,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    top = subprocess.run(
        ["git", "rev-parse", "--show-prefix"], cwd=docs_dir, capture_output=True, text=True
    ).stdout.strip()
    dates: dict[str, str] = {}
    for entry in log.split("\0")[1:]:
        date, *names = entry.strip().splitlines()
        for name in names:
            rel = name.removeprefix(top) if top else name
            if rel.endswith(".md"):
                dates.setdefault(rel, date)
    return dates


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    dates = last_changes(Path(config.docs_dir))
    pages = {file.src_uri: file for file in files.documentation_pages()}
    recent = sorted(
        ((date, uri) for uri, date in dates.items() if uri in pages and uri != page.file.src_uri),
        reverse=True,
    )[:HOW_MANY]
    if not recent:
        return markdown.replace(MARKER, "*This copy has no git history to date its pages.*")
    here = PurePosixPath(page.file.src_uri).parent
    lines = []
    for date, uri in recent:
        title = _title(pages[uri]) or PurePosixPath(uri).stem
        link = PurePosixPath(uri).relative_to(here) if here != PurePosixPath(".") else uri
        lines.append(f"- {date}: [{title}]({link})")
    return markdown.replace(MARKER, "\n".join(lines))


def _title(file) -> str | None:
    from mkdocs.utils import meta as meta_utils

    _, meta = meta_utils.get_data(file.content_string)
    return meta.get("title")
