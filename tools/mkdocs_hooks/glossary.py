"""MkDocs hook: ``<!-- nexus:glossary -->`` becomes a table of every abbreviation on the site.

The terms live once, in docs/includes/abbreviations.md, which is also appended to every page
so each term shows its meaning as a tooltip. This table is that same file, sorted.
"""

import re
from pathlib import Path

MARKER = "<!-- nexus:glossary -->"
TERM = re.compile(r"^\*\[(?P<term>[^\]]+)\]:\s*(?P<meaning>.+)$")


def terms(docs_dir: Path) -> list[tuple[str, str]]:
    text = (docs_dir / "includes" / "abbreviations.md").read_text(encoding="utf-8")
    found = {m["term"]: m["meaning"].strip() for m in map(TERM.match, text.splitlines()) if m}
    return sorted(found.items(), key=lambda item: item[0].lower())


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    rows = ["| Term | Meaning |", "| --- | --- |"]
    rows += [f"| {term} | {meaning} |" for term, meaning in terms(Path(config.docs_dir))]
    return markdown.replace(MARKER, "\n".join(rows))
