"""MkDocs hook: a reader with a broken system comes first.

On each technology page whose front matter has ``fix_first:`` (tools/fix_first.py says what
it holds), a short "Something broken?" box goes under the title (and the learning path's
step bar) and its first paragraph, well before the first long section. It links the page's
dedicated "why it fails" sections, its Pitfalls, and the challenge entries of the same
technology, each by its title. It is marked ``data-search-exclude``: it repeats titles.
"""

import html
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url
from mkdocs.utils import meta as meta_utils

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the project root, for tools.*

from tools import fix_first  # noqa: E402

H1_END = "</h1>"
STEP_BAR = re.compile(r'\s*<nav class="nexus-step"[^>]*>.*?</nav>', re.S)
FIRST_PARAGRAPH = re.compile(r"\s*<p[ >].*?</p>", re.S)
TAGS = re.compile(r"<[^>]+>")

_challenges: dict[str, list[tuple[str, object]]] = {}  # technology -> [(title, File)]


def on_files(files, config):
    _challenges.clear()
    for file in files.documentation_pages():
        if not file.src_uri.startswith("challenges/") or file.name == "index":
            continue
        _, meta = meta_utils.get_data(file.content_string)
        if meta.get("page_type") == "challenge":
            title = str(meta.get("title") or file.name)
            _challenges.setdefault(str(meta.get("technology")), []).append((title, file))
    for entries in _challenges.values():
        entries.sort(key=lambda entry: entry[0].lower())
    return files


def _sections(page) -> dict[str, str]:
    """Title -> id of the page's h2 headings, from its table of contents."""
    found = {}

    def walk(items):
        for item in items:
            if item.level == 2:
                found.setdefault(html.unescape(TAGS.sub("", item.title)), item.id)
            walk(item.children)

    walk(page.toc.items)
    return found


def _box(page) -> str:
    sections = _sections(page)
    wanted = [*page.meta[fix_first.KEY]["sections"], fix_first.PITFALLS]
    links = []
    for title in wanted:
        if title not in sections:
            raise PluginError(
                f"docs/{page.file.src_uri}: fix_first section '{title}' is not a ## heading "
                "of the page; write its text exactly as in the page (python -m "
                "tools.content_check names the line)"
            )
        links.append(f'<a href="#{html.escape(sections[title])}">{html.escape(title)}</a>')
    entries = [
        entry
        for technology in fix_first.technologies(page.meta)
        for entry in _challenges.get(technology, [])
    ]
    parts = [
        '<aside class="admonition tip nexus-fix-first" aria-label="Something broken?"'
        " data-search-exclude>",
        '<p class="admonition-title">Something broken?</p>',
        f"<p>Start with {', '.join(links[:-1])} and {links[-1]} on this page.</p>"
        if len(links) > 1
        else f"<p>Start with {links[0]} on this page.</p>",
    ]
    if entries:
        items = "".join(
            f'<li><a href="{html.escape(get_relative_url(file.url, page.file.url))}">'
            f"{html.escape(title)}</a></li>"
            for title, file in entries
        )
        parts.append(f"<p>Step by step, with tested fixes:</p><ul>{items}</ul>")
    parts.append("</aside>")
    return "".join(parts)


def on_page_content(html_content, page, config, files):
    if page.meta.get("page_type") != "technology" or fix_first.KEY not in page.meta:
        return html_content
    box = _box(page)
    at = html_content.find(H1_END)
    at = 0 if at < 0 else at + len(H1_END)
    for pattern in (STEP_BAR, FIRST_PARAGRAPH):
        match = pattern.match(html_content, at)
        if match:
            at = match.end()
    return html_content[:at] + box + html_content[at:]
