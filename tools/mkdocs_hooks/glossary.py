"""MkDocs hook: the site's abbreviations on every page, and the glossary table of them.

The terms live once, in docs/includes/abbreviations.md. They reach every page as the ``abbr``
extension's ``glossary`` (Python-Markdown 3.7+), so each term shows its meaning as a tooltip,
also in the knowledge checks, whose options mkdocs-quiz converts one by one. Appending the
file to each document instead (snippets' ``auto_append``) made the abbr block processor
re-read 74 definition lines for each of those 1,700 fragments: 40% of the build's time.
``<!-- nexus:glossary -->`` becomes a table of the same terms, sorted.
"""

import re
from pathlib import Path

from mkdocs.exceptions import PluginError

MARKER = "<!-- nexus:glossary -->"
TERM = re.compile(r"^\*\[(?P<term>[^\]]+)\]:\s*(?P<meaning>.+)$")


def terms(docs_dir: Path) -> list[tuple[str, str]]:
    text = (docs_dir / "includes" / "abbreviations.md").read_text(encoding="utf-8")
    found = {m["term"]: m["meaning"].strip() for m in map(TERM.match, text.splitlines()) if m}
    return sorted(found.items(), key=lambda item: item[0].lower())


def on_config(config):
    if "abbr" not in config.markdown_extensions:
        raise PluginError("mkdocs.yml: the glossary needs 'abbr' in markdown_extensions")
    options = dict(config.mdx_configs.get("abbr") or {})
    options["glossary"] = {**dict(terms(Path(config.docs_dir))), **options.get("glossary", {})}
    config.mdx_configs["abbr"] = options
    return config


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    rows = ["| Term | Meaning |", "| --- | --- |"]
    rows += [f"| {term} | {meaning} |" for term, meaning in terms(Path(config.docs_dir))]
    return markdown.replace(MARKER, "\n".join(rows))
