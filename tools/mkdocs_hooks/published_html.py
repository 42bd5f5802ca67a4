"""MkDocs hook: check the HTML each page becomes, whatever Markdown produced it.

The content check reads the Markdown, line by line; this reads what is published, with an
HTML parser (tools/html_audit.py), so a reference link, an autolink, raw HTML split over two
lines or an attribute list cannot slip past it. Each finding is a build warning (an error
under --strict) naming the page's source file, its line where the text can be found there,
and the fix. Checked in every page's content:

- no element or attribute that runs script (``<script>``, ``<iframe>``, ``<object>``, any
  ``on...=`` attribute), no ``javascript:``, ``vbscript:`` or ``data:`` URL, no ``http://``
  link except to this machine, no image without alt text;
- Python code blocks (any name Pygments reads as Python: ``python``, ``py3``, ``pycon``,
  ``{.python}``...) hold only lines of the files the page includes as snippets, or, on the
  API reference pages, lines mkdocstrings renders from examples/.

Only the content is read (``on_page_content``), not the theme's template, so the one
allow-list is short: a ``<script src>`` or stylesheet ``<link>`` of the site's own files
(extra_javascript, extra_css and the knowledge checks' script and style, which
tools/mkdocs_hooks/knowledge_checks.py links from the content), with no inline code.
It runs after every other hook has changed the content (priority -100).
"""

import logging
import posixpath
import re
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the project root, for tools.*

from tools import html_audit, snippet_policy  # noqa: E402
from tools.content_check import split_front_matter  # noqa: E402

log = logging.getLogger("mkdocs.hooks.published_html")

# Files the site links from page content itself (besides extra_javascript and extra_css).
SITE_SCRIPTS = ("assets/vendor/mkdocs-quiz/quiz.js",)
SITE_STYLESHEETS: tuple[str, ...] = ()
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr"}
)
AUTODOC = re.compile(r"^:::\s+\S", re.M)
# Most of a page's tags are Pygments' token spans and line anchors, which cannot run script
# (a class or id attribute, a same-page href). Each is replaced by a NUL before parsing, which
# joins no two pieces of markup into a new tag or comment, so the parser does a tenth of
# the work and sees the same elements and attributes.
HARMLESS_TAG = re.compile(
    r'<span(?: class="[\w -]*"| id="[\w.:-]*")?>|</span>'
    r'|<a id="[\w.:-]*" name="[\w.:-]*"(?: href="#[\w.:-]*")?></a>'
)
SNIPPET_FIX = (
    "move the code into a file under examples/ with a test, and include it with "
    '--8<-- "examples/<app>/<file>.py:<section>"'
)

_allowed: dict[str, frozenset[str]] = {}
_markdown: dict[str, str] = {}


class PublishedAudit(html_audit.Audit):
    """The shared rules, plus the site's own scripts and the origin of Python blocks."""

    def __init__(self, page_url: str, root: Path, snippet_lines: set[str], autodoc: bool):
        super().__init__()
        self.page_url = "/" + page_url
        self.root = root
        self.snippet_lines = snippet_lines
        self.autodoc = autodoc
        self.stack: list[tuple[str, frozenset[str]]] = []
        self.block: dict | None = None  # the <pre> being read
        self.source_file: str | None = None  # named by mkdocstrings' "Source code in"
        self.summary: list[str] | None = None
        self.in_script = False

    # --- the allow-list ------------------------------------------------------------------
    def site_path(self, url: str | None) -> str | None:
        if not url or urlsplit(url).scheme or url.startswith("//"):
            return None
        return urlsplit(urljoin(self.page_url, url)).path.lstrip("/")

    def allowed_element(self, tag, attrs):
        if tag == "script":
            return self.site_path(attrs.get("src")) in _allowed["scripts"]
        if tag == "link":
            rel = (attrs.get("rel") or "").lower().split()
            return rel == ["stylesheet"] and self.site_path(attrs.get("href")) in _allowed["css"]
        return False

    def handle_data(self, data):
        data = data.replace("\0", "")
        if self.block is not None and not self.block["linenos"]:
            self.block["text"].append(data)
        if self.summary is not None:
            self.summary.append(data)
        if self.in_script and data.strip():
            self.report("<script> element with inline code", html_audit.NO_SCRIPTS, "<script")

    # --- the element stack, for code blocks --------------------------------------------
    def classes(self) -> set[str]:
        return {name for _, names in self.stack for name in names}

    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, attrs)
        self.in_script = tag == "script"
        if tag in VOID:
            return
        names = frozenset((dict(attrs).get("class") or "").split())
        self.stack.append((tag, names))
        if tag == "summary" and "mkdocstrings-source" in self.classes():
            self.summary = []
        if tag == "pre" and self.block is None:
            self.block = {
                "line": self.getpos()[0],
                "classes": set(self.classes()),
                "linenos": "linenos" in self.classes(),
                "text": [],
            }
        elif tag == "code" and self.block is not None:
            self.block["classes"] |= names

    def handle_endtag(self, tag):
        super().handle_endtag(tag)
        self.in_script = False
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                break
        else:
            return  # an end tag with no open element: a browser ignores it too
        if tag == "summary" and self.summary is not None:
            self.source_file = "".join(self.summary).removeprefix("Source code in").strip()
            self.summary = None
        if tag == "pre" and self.block is not None:
            block, self.block = self.block, None
            if not block["linenos"]:
                self.check_block(block)

    def check_block(self, block: dict) -> None:
        classes = block["classes"]
        languages = [name[len("language-") :] for name in classes if name.startswith("language-")]
        if not any(html_audit.is_python(name) for name in languages):
            return
        if "doc-signature" in classes and self.autodoc:
            return  # a signature mkdocstrings wrote from the code
        allowed = self.snippet_lines
        if "mkdocstrings-source" in classes and self.autodoc and self.source_file:
            allowed = allowed | file_lines(self.root, self.source_file)
        lines = [line.strip() for line in "".join(block["text"]).splitlines()]
        typed = [line for line in lines if line and line not in allowed]
        if typed:
            self.findings.append(
                html_audit.Finding(
                    block["line"],
                    f"Python code block holds code that no test runs: {typed[0][:60]!r}",
                    SNIPPET_FIX,
                    (typed[0],),
                )
            )


def file_lines(root: Path, path: str) -> set[str]:
    """The stripped lines of a file a page may include, or nothing if it may not."""
    if snippet_policy.refusal(path, root) or not (root / path).is_file():
        return set()
    text = (root / path).read_text(encoding="utf-8", errors="replace")
    return {line.strip() for line in text.splitlines()}


def included_lines(markdown: str, root: Path) -> set[str]:
    lines: set[str] = set()
    for _, spec in snippet_policy.includes(markdown.splitlines()):
        lines |= file_lines(root, snippet_policy.split_spec(spec)[0])
    return lines


def source_line(source: str, evidence: tuple[str, ...]) -> int | None:
    """The first line of the page's body where a piece of ``evidence`` is written."""
    start = split_front_matter(source)[1]
    lines = source.splitlines()[start - 1 :]
    # MkDocs rewrites links to .md files and images ("../photo.png"): try the file name too.
    pieces = [*evidence, *(piece.rsplit("/", 1)[-1] for piece in evidence if "/" in piece)]
    for piece in pieces:
        piece = piece.strip().lower()
        for number, line in enumerate(lines, start=start):
            if piece and piece in line.lower():
                return number
    return None


def on_config(config):
    def paths(entries) -> frozenset[str]:
        return frozenset(getattr(entry, "path", entry) for entry in entries)

    _allowed["scripts"] = paths(config.extra_javascript) | set(SITE_SCRIPTS)
    _allowed["css"] = paths(config.extra_css) | set(SITE_STYLESHEETS)
    return config


@event_priority(-100)  # the Markdown as rendered: after every hook that rewrites it
def on_page_markdown(markdown, page, config, files):
    _markdown[page.file.src_uri] = markdown
    return markdown


@event_priority(-100)  # after every hook that rewrites the content (the knowledge checks: -50)
def on_page_content(html, page, config, files):
    root = Path(config.config_file_path).parent
    markdown = _markdown.pop(page.file.src_uri, "")
    parser = PublishedAudit(
        page.file.url,
        root,
        included_lines(markdown, root),
        autodoc=bool(AUTODOC.search(markdown))
        and "doc-signature" not in markdown
        and "mkdocstrings-source" not in markdown,
    )
    findings = html_audit.audit(HARMLESS_TAG.sub("\0", html), parser)
    if findings:
        source_path = Path(page.file.abs_src_path or "")
        rel = posixpath.join(
            Path(config.docs_dir).relative_to(root).as_posix(), page.file.src_uri
        )
        source = source_path.read_text(encoding="utf-8") if source_path.is_file() else ""
        for finding in findings:
            line = source_line(source, finding.evidence)
            where = f"{rel}:{line}" if line else rel
            log.warning(
                "%s: %s (in the published HTML)\n  fix: %s", where, finding.message, finding.fix
            )
    return html
