"""MkDocs hook: the learning path drives the site.

The steps come from one place, the checklist on docs/program/learning-path.md
(tools/learning_path.py). From it this hook

- orders each navigation section: its index, then its steps in path order, then the rest;
- sets Previous/Next of every step to the steps before and after it (Material's footer);
- puts a step bar under each step page's title ("Step 9 of 35 · Django and APIs", the page's
  ``prerequisites:``, what comes next, a "Mark as done" button) and a "Mark as done" at its end;
- gives every item of the learning-path checklist its step's id, for the progress store;
- lists "Pages that link here" at the bottom of each page, from the links between pages;
- writes assets/javascripts/learning-path-data.js: the steps with their addresses in this
  build, which assets/javascripts/journey.js reads (it works from file:// too, unlike fetch).

Everything it adds is marked ``data-search-exclude``, so search ranks pages by their own text.
"""

import html
import json
import posixpath
import re

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils import meta as meta_utils

from tools.learning_path import PATH_PAGE, PathError, load_steps
from tools.markdown_lines import outside_code
from tools.quiz_check import quiz_count

DATA_SCRIPT = "assets/javascripts/learning-path-data.js"
LINK = re.compile(r"\]\((?P<target>[^)\s#]+\.md)(?:#[^)\s]*)?\)|^\s*\[[^\]]+\]:\s*(?P<ref>\S+\.md)")
H1_END = "</h1>"

_steps = []
_by_page = {}
_titles: dict[str, str] = {}
_meta: dict[str, dict] = {}
_backlinks: dict[str, list[str]] = {}
_files = None


def _links(source: str, markdown: str) -> set[str]:
    """Pages a page links to, resolved to paths under docs/; code blocks are skipped."""
    found = set()
    base = posixpath.dirname(source)
    for _, line in outside_code(markdown.splitlines()):
        for match in LINK.finditer(line):
            target = match.group("target") or match.group("ref")
            if "://" in target:
                continue
            found.add(posixpath.normpath(posixpath.join(base, target)))
    found.discard(source)
    return found


def _title(file: File, meta: dict) -> str:
    if meta.get("title"):
        return str(meta["title"])
    heading = re.search(r"^#\s+(.+)$", file.content_string, re.M)
    return heading.group(1).strip() if heading else file.name.replace("-", " ").capitalize()


def on_files(files, config):
    global _steps, _by_page, _files
    _files = files
    try:
        _steps = load_steps()
    except PathError as error:
        raise PluginError(f"{error}: link an existing page, once") from None
    _by_page = {step.page: step for step in _steps}
    _titles.clear()
    _meta.clear()
    _backlinks.clear()
    pages = {file.src_uri: file for file in files.documentation_pages()}
    quizzes = {}
    for source, file in pages.items():
        markdown, meta = meta_utils.get_data(file.content_string)
        _meta[source] = meta
        _titles[source] = _title(file, meta)
        count = quiz_count(markdown)
        if count:
            quizzes[source] = count
        if source == "tags.md":
            continue
        for target in _links(source, markdown):
            if target in pages:
                _backlinks.setdefault(target, []).append(source)
    data = {
        "pathPage": pages[PATH_PAGE].url,
        "steps": [
            {
                "id": step.id,
                "number": step.number,
                "title": step.title,
                "milestone": step.milestone,
                "url": pages[step.page].url,
                "quizzes": quizzes.get(step.page, 0),
            }
            for step in _steps
        ],
        # Every page with questions, in or out of the path: its answers travel in an export.
        "quizPages": [
            {"id": source[: -len(".md")], "url": pages[source].url, "quizzes": count}
            for source, count in sorted(quizzes.items())
        ],
    }
    script = (
        "/* Made by tools/mkdocs_hooks/learning_path.py from docs/program/learning-path.md. */\n"
        f"window.nexusPath = {json.dumps(data, ensure_ascii=False, indent=1)};\n"
    )
    files.append(File.generated(config, DATA_SCRIPT, content=script))
    return files


def _walk(items):
    for item in items:
        if isinstance(item, Section):
            yield from _walk(item.children)
        elif isinstance(item, Page):
            yield item


def _order(section: Section) -> None:
    def key(indexed):
        position, item = indexed
        source = item.file.src_uri if isinstance(item, Page) else ""
        if source.endswith("index.md"):
            return (0, 0)
        step = _by_page.get(source)
        return (1, step.number) if step else (2, position)

    section.children = [item for _, item in sorted(enumerate(section.children), key=key)]
    for child in section.children:
        if isinstance(child, Section):
            _order(child)


def on_nav(nav, config, files):
    for item in nav.items:
        if isinstance(item, Section):
            _order(item)
    pages = list(_walk(nav.items))
    nav.pages = pages
    for before, page, after in zip([None, *pages[:-1]], pages, [*pages[1:], None], strict=False):
        page.previous_page, page.next_page = before, after
    by_source = {page.file.src_uri: page for page in pages}
    ordered = [by_source[step.page] for step in _steps if step.page in by_source]
    path_page = by_source.get(PATH_PAGE)
    for index, page in enumerate(ordered):
        page.previous_page = ordered[index - 1] if index else path_page
        if index + 1 < len(ordered):
            page.next_page = ordered[index + 1]
    if path_page is not None and ordered:
        path_page.next_page = ordered[0]
    return nav


def _href(page, source: str) -> str:
    return get_relative_url(_files.get_file_from_path(source).url, page.file.url)


def _link(page, source: str) -> str:
    return f'<a href="{html.escape(_href(page, source))}">{html.escape(_titles[source])}</a>'


def _done_button(step, primary: bool = False) -> str:
    kind = "md-button md-button--primary" if primary else "md-button"
    return (
        f'<button type="button" class="{kind} nexus-done" data-step="{step.id}"'
        ' aria-pressed="false" hidden>Mark as done</button>'
    )


def _step_anchor(step) -> str:
    return "step-" + step.id.replace("/", "-")


def _step_bar(page, step) -> str:
    total = len(_steps)
    where = _href(page, PATH_PAGE) + "#" + _step_anchor(step)
    parts = [
        f'<nav class="nexus-step" aria-label="Learning path" data-step="{step.id}"'
        " data-search-exclude>",
        f'<p class="nexus-step__where"><a href="{html.escape(where)}">'
        f"Step {step.number} of {total}</a>"
        f" · {html.escape(step.milestone)}</p>",
    ]
    prerequisites = [p for p in _meta[step.page].get("prerequisites") or [] if p in _titles]
    if prerequisites:
        links = ", ".join(_link(page, source) for source in prerequisites)
        parts.append(f'<p class="nexus-step__before">Before this step: {links}</p>')
    following = _steps[step.number] if step.number < total else None
    if following:
        parts.append(f'<p class="nexus-step__next">Next: {_link(page, following.page)}</p>')
    else:
        parts.append(
            '<p class="nexus-step__next">Last step. Then: '
            f"{_link(page, 'program/next-steps.md')}</p>"
        )
    parts.append(_done_button(step))
    parts.append("</nav>")
    return "".join(parts)


def _step_end(page, step) -> str:
    following = _steps[step.number] if step.number < len(_steps) else None
    then = (
        f"Next step: {_link(page, following.page)}"
        if following
        else f"That was the last step: {_link(page, 'program/next-steps.md')}"
    )
    return (
        f'<div class="nexus-step-end" data-step="{step.id}" data-search-exclude>'
        f"<p>Can you do what this page teaches without looking? {_done_button(step, True)}</p>"
        f"<p>{then}</p></div>"
    )


def _backlinks_block(page) -> str:
    sources = sorted(_backlinks.get(page.file.src_uri, []), key=lambda s: _titles[s].lower())
    if not sources:
        return ""
    items = "".join(f"<li>{_link(page, source)}</li>" for source in sources)
    return (
        '<section class="nexus-backlinks" aria-labelledby="pages-that-link-here"'
        " data-search-exclude>"
        '<h2 id="pages-that-link-here">Pages that link here</h2>'
        f"<ul>{items}</ul></section>"
    )


def _mark_checklist(content: str) -> str:
    """Give each checklist item of the learning path its step id and anchor, in path order."""
    steps = iter(_steps)

    def mark(match):
        step = next(steps, None)
        if step is None:
            return match.group(0)
        return (
            f'<li class="task-list-item" id="{_step_anchor(step)}" data-step="{step.id}"'
            f' data-quizzes="{_quiz_total(step)}">'
        )

    return re.sub(r'<li class="task-list-item">', mark, content)


def _quiz_total(step) -> int:
    return quiz_count(meta_utils.get_data(_files.get_file_from_path(step.page).content_string)[0])


def on_page_content(html_content, page, config, files):
    source = page.file.src_uri
    if source == PATH_PAGE:
        html_content = _mark_checklist(html_content)
    step = _by_page.get(source)
    if step is not None:
        bar = _step_bar(page, step)
        if H1_END in html_content:
            head, tail = html_content.split(H1_END, 1)
            html_content = head + H1_END + bar + tail
        else:
            html_content = bar + html_content
        html_content += _step_end(page, step)
    return html_content + _backlinks_block(page)
