"""Check the pages in docs/ against the content rules, with errors that say what to do.

Usage: ``python -m tools.content_check [FILE ...]`` (default: every page in docs/).
Each problem prints as ``path:line: message`` followed by the fix; the exit code is 1 when
there is any. The rules are the ones CONTRIBUTING.md describes:

- the file is UTF-8, with no byte order mark;
- front matter (valid YAML, closed by ``---``): ``title``, a one-sentence ``description``,
  ``tags`` from the allowed list in mkdocs.yml, a known ``page_type``, and type-specific
  fields (a challenge's ``technology``);
- the sections each page type needs, present and not empty;
- no two pages with the same title (checked against every page, blaming the newer one);
- every snippet include is allowed (tools/snippet_policy.py) and resolves, and every named
  snippet section exists;
- every code fence names a language, no code is indented instead of fenced, and Python
  (any name Pygments gives it: ``py3``, ``{.python}``...) is only ever a snippet of a tested file;
- images have alt text; Mermaid diagrams have ``accTitle`` and ``accDescr``;
- no ``<script>``, ``<iframe>``, ``<object>``... element, event handler attribute, or
  ``javascript:``/``data:`` URL, in raw HTML (read with an HTML parser, tools/html_audit.py)
  or in links, reference definitions, autolinks and attribute lists;
- links use https (except to this machine).

The build reads what each page becomes with the same rules
(tools/mkdocs_hooks/published_html.py); these messages come first, with the line.
"""

import codecs
import html
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import yaml
from mkdocs.utils.meta import YAML_RE

from tools import html_audit, snippet_policy

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

PAGE_TYPES = {
    "technology": ["Pitfalls", "Check yourself", "Further reading", "Related"],
    "concept": ["Pitfalls", "Check yourself", "Further reading", "Related"],
    "challenge": ["Symptom", "Cause", "Fix", "Verify", "Prevent", "Related"],
    "project": ["Overview", "Features", "How to run it", "Check yourself", "Related"],
    # Generated API reference and guides about the hub itself: no fixed sections.
    "reference": [],
    "guide": [],
}
# Pages that introduce a section or list tags are navigation, not content: lighter rules.
NAVIGATION_PAGES = {"index.md", "tags.md"}

FENCE = re.compile(r"^(?P<indent>\s*)(?P<marks>`{3,}|~{3,})\s*(?P<info>[^`]*)$")
HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*#*\s*$")
# ![alt](src), ![alt][ref], ![alt] [ref]
IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\s?(?:\(\s*<?(?P<src>[^)\s>]*)|\[(?P<ref>[^\]]*)\])")
# The destinations Markdown makes links of: [text](url), [label]: url, <scheme:...>.
INLINE_URL = re.compile(r"\]\(\s*<?(?P<url>(?:[^()\s>]|\([^()\s]*\))+)")
REFERENCE_URL = re.compile(r"^\s{0,3}\[(?!\^)[^\]]+\]:\s*<?(?P<url>[^\s>]+)")
AUTOLINK = re.compile(r"<(?P<url>[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*)>")
# { #id .class key=value } after a heading, a link or a paragraph (attr_list).
ATTR_LIST = re.compile(r"\{:?(?P<body>[^{}\n]*)\}")
ATTRIBUTE = re.compile(r"""(?P<name>[^\s=.#]+)\s*=\s*(?P<value>"[^"]*"|'[^']*'|[^\s]+)""")
SCRIPT_TEXT = re.compile(r"(?i)\b(java|vb)script\s*:")
CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1")
# Lines after which indented text continues a block instead of starting code.
CONTINUES = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|!!!|\?\?\?|===|:\s|\[\^[^\]]+\]:|>|<|\|)")
SENTENCE_END = re.compile(r"[.!?][\"'\u2019\u201d)\]]*\s+(?=\S)")
ABBREVIATIONS = ("e.g.", "i.e.", "vs.", "etc.", "cf.", "approx.", "incl.", "no.")
UTF8_FIX = (
    "save the file as UTF-8 (in VS Code: 'Save with Encoding', then 'UTF-8'; or "
    "iconv -f WINDOWS-1252 -t UTF-8 file.md)"
)


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}\n    fix: {self.fix}"


class SourceError(NamedTuple):
    """A problem with how a page is written down (encoding, front matter), before its content."""

    line: int
    message: str
    fix: str

    def __str__(self) -> str:
        return self.message


def display(path: Path, root: Path = ROOT) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def decode_page(data: bytes) -> tuple[str | None, list[SourceError]]:
    """The page's text (None when it is not UTF-8) and what is wrong with its encoding."""
    problems = []
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
        problems.append(
            SourceError(
                1,
                "page starts with a UTF-8 byte order mark (BOM)",
                "save it as UTF-8 without BOM (in VS Code: 'Save with Encoding', then 'UTF-8', "
                "not 'UTF-8 with BOM'; or sed -i '1s/^\\xEF\\xBB\\xBF//' file.md)",
            )
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - data.rfind(b"\n", 0, error.start)
        problems.append(
            SourceError(
                line,
                f"page is not valid UTF-8 (byte 0x{data[error.start]:02x} at column {column})",
                UTF8_FIX,
            )
        )
        return None, problems
    return text.replace("\r\n", "\n").replace("\r", "\n"), problems


def allowed_tags(config_file: Path = ROOT / "mkdocs.yml") -> set[str]:
    """The tags_allowed list of the tags plugin in mkdocs.yml: the one list of tags."""

    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml uses !ENV and !!python/name tags; their values do not matter here.
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    config = yaml.load(config_file.read_text(), Loader=Loader)
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "tags" in plugin:
            return set(plugin["tags"].get("tags_allowed", []))
    return set()


def split_front_matter(text: str) -> tuple[dict | None, int, SourceError | None]:
    """Return (front matter, line where the body starts, error or None).

    Front matter is what MkDocs reads as such (its own YAML_RE: ``---``, then the YAML, then
    ``---`` or ``...``, each line allowed trailing spaces); MkDocs publishes anything else
    at the top of a page as text, silently.
    """
    if text.split("\n", 1)[0].rstrip(" \t") != "---":
        return None, 1, None
    match = YAML_RE.match(text)
    if not match:
        return None, 1, SourceError(
            1,
            "front matter opened with --- but never closed",
            "end it with a line holding only --- (and a line break after it)",
        )
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 1  # the YAML starts on line 2
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        context, context_mark = getattr(exc, "context", None), getattr(exc, "context_mark", None)
        if context and context_mark and context_mark.line + 2 != line:
            problem += f" ({context} on line {context_mark.line + 2})"
        return None, line, SourceError(
            line,
            f"front matter is not valid YAML: {problem}",
            "fix the YAML between the two --- lines; quote a value that holds ': ' or "
            'starts with [ { * & ! | > or a quote: title: "Celery: the basics"',
        )
    if not isinstance(meta, dict):
        return None, 1, SourceError(
            2, "front matter must be a mapping of keys to values", "write one 'key: value' per line"
        )
    return meta, text[: match.end()].count("\n") + 1, None


class PageChecker:
    def __init__(self, path: Path, text: str, tags: set[str], root: Path = ROOT):
        self.path = path
        self.rel = display(path, root)
        self.text = text
        self.lines = text.splitlines()
        self.tags = tags
        self.root = root
        self.problems: list[Problem] = []

    def report(self, line: int, message: str, fix: str) -> None:
        self.problems.append(Problem(self.rel, line, message, fix))

    def run(self) -> list[Problem]:
        meta, body_start, error = split_front_matter(self.text)
        if error:
            self.report(error.line, error.message, error.fix)
            return self.problems
        self.meta = meta or {}
        self.check_front_matter(meta)
        self.check_body(body_start)
        page_type = self.meta.get("page_type")
        if page_type in PAGE_TYPES:
            self.check_sections(PAGE_TYPES[page_type], body_start)
        self.check_journey(body_start)
        self.check_fix_first(body_start)
        self.problems.sort(key=lambda problem: problem.line)
        return self.problems

    def check_journey(self, body_start: int) -> None:
        """Knowledge checks (tools/quiz_check.py) and prerequisites (prerequisites_check.py)."""
        from tools import prerequisites_check, quiz_check

        findings = quiz_check.check_page(self.lines, self.meta.get("page_type"), body_start)
        if self.path.is_relative_to(self.root / "docs"):
            page = self.path.relative_to(self.root / "docs").as_posix()
            findings += prerequisites_check.check(page, self.meta, self.lines, self.root / "docs")
        for line, message, fix in findings:
            self.report(line, message, fix)

    def check_fix_first(self, body_start: int) -> None:
        """The sections and challenges a technology page's "Something broken?" box links."""
        from tools import fix_first

        docs = self.root / "docs"
        findings = fix_first.check(
            self.meta.get("page_type"), self.meta, self.lines, body_start, docs
        )
        for line, message, fix in findings:
            self.report(line, message, fix)

    # --- front matter ----------------------------------------------------------------------
    def check_front_matter(self, meta: dict | None) -> None:
        scaffold = "python -m tools.new_page"
        if meta is None:
            self.report(
                1,
                "page has no front matter",
                f"start the page with ---, title:, description:, tags:, --- (or use {scaffold})",
            )
            return
        for key in ("title", "description"):
            if not isinstance(meta.get(key), str) or not meta[key].strip():
                self.report(
                    1, f"front matter has no '{key}'", f"add '{key}: ...' between the --- lines"
                )
        description = meta.get("description")
        if isinstance(description, str) and description.strip():
            if not description.rstrip().endswith((".", "?", "!")):
                self.report(
                    1,
                    "description is not a full sentence",
                    "end the description with a full stop: it is shown in search results",
                )
            ends = [
                end for end in SENTENCE_END.finditer(description.strip())
                if not description.strip()[: end.start() + 1].lower().endswith(ABBREVIATIONS)
            ]
            if ends:
                self.report(
                    1,
                    f"description has {len(ends) + 1} sentences",
                    "make it one sentence (a semicolon joins two thoughts): it is the search "
                    "result and the link preview; the rest belongs in the page",
                )
            if len(description) > 200:
                self.report(
                    1,
                    f"description is {len(description)} characters long",
                    "keep it to one sentence under 200 characters",
                )
        is_navigation = self.path.name in NAVIGATION_PAGES
        page_type = meta.get("page_type")
        if not is_navigation and page_type not in PAGE_TYPES:
            self.report(
                1,
                f"page_type is {page_type!r}",
                f"set page_type to one of: {', '.join(PAGE_TYPES)}",
            )
        tags = meta.get("tags")
        if tags is None and not is_navigation:
            self.report(
                1,
                "front matter has no 'tags'",
                "add a tags: list using tags from tags_allowed in mkdocs.yml",
            )
        elif tags is not None:
            if not isinstance(tags, list) or not tags:
                self.report(
                    1, "'tags' must be a non-empty list", "write tags as '  - Django' lines"
                )
            else:
                for tag in tags:
                    if tag not in self.tags:
                        self.report(
                            1,
                            f"tag {tag!r} is not in the allowed list",
                            "use a tag from tags_allowed in mkdocs.yml, or add it there "
                            "in the same pull request",
                        )
        if page_type == "challenge":
            technology = meta.get("technology")
            if technology not in self.tags:
                self.report(
                    1,
                    f"challenge technology is {technology!r}",
                    "set technology: to the one allowed tag the challenge is about",
                )

    # --- body ------------------------------------------------------------------------------
    def check_body(self, start: int) -> None:
        fence: tuple[str, str, int] | None = None  # (marks, language, line)
        fence_lines: list[str] = []
        visible = list(self.visible_lines(start))
        # The text an HTML parser reads: the page without its code (fences, spans, autolinks).
        prose: dict[int, str] = {}
        previous = ""  # the last line with text before the current run of blank lines
        blank_before = True
        for number, line in visible:
            match = FENCE.match(line)
            if fence is None and match:
                language = fence_language(match.group("info"))
                fence = (match.group("marks"), language, number)
                fence_lines = []
                if not language:
                    self.report(
                        number,
                        "code fence has no language",
                        "name it: ```python, ```bash, ```text, ```yaml ...",
                    )
                continue
            if fence is not None:
                marks, language, opened = fence
                if line.strip() == marks or (
                    line.strip().startswith(marks[0] * len(marks))
                    and not line.strip().strip(marks[0])
                ):
                    self.check_fence(language, opened, fence_lines)
                    fence = None
                    previous, blank_before = line, False
                    continue
                fence_lines.append(line)
                continue
            if line.strip() and blank_before and re.match(r"^( {4}|\t)", line) and not (
                previous[:1].isspace() or CONTINUES.match(previous)
            ):
                self.report(
                    number,
                    "indented code block",
                    "fence it with a language (```text, ```bash ...); indented code is not "
                    "shown as code on this site",
                )
            if line.strip():
                previous, blank_before = line, False
            else:
                blank_before = True
            prose[number] = self.check_inline(number, line)
        if fence is not None:
            self.report(fence[2], "code fence is never closed", f"close it with {fence[0]}")
        for index, spec in snippet_policy.includes([text for _, text in visible]):
            self.check_include(visible[index][0], spec)
        for number, line in enumerate(self.lines[start - 1 :], start=start):
            # A browser ends a comment at these; the rest of the line would be markup.
            if number in prose and re.search(r"<!---?>|--!>", line):
                self.report(
                    number,
                    "malformed HTML comment (a browser ends it early)",
                    "write comments as <!-- text --> with no '--!>' inside",
                )
        for number, line in visible:
            if re.match(r"""^\s*-+8<-+[ \t]+(["']).+\1[ \t]+$""", line):
                self.report(
                    number,
                    "snippet line ends with a space, so it is shown as text, not included",
                    "remove the spaces after the closing quote",
                )
        self.check_html(prose)

    def check_html(self, prose: dict[int, str]) -> None:
        """Raw HTML in the page, read by the same parser and rules as the built page."""
        text = "\n".join(prose.get(number, "") for number in range(1, len(self.lines) + 1))
        for finding in html_audit.audit(text):
            self.report(finding.line, finding.message, finding.fix)
        # Whatever form the two checks above missed: the words themselves, outside code.
        flagged = {
            problem.line for problem in self.problems
            if problem.message.startswith(("javascript:", "vbscript:"))
        }
        for number, line in prose.items():
            if number not in flagged and SCRIPT_TEXT.search(
                html_audit.browser_url(html.unescape(line))
            ):
                self.report(
                    number,
                    "javascript: URL in page content",
                    "link to a page or an https:// address; javascript: URLs run script",
                )

    def visible_lines(self, start: int):
        """Number and text of each body line outside HTML comments (template guidance)."""
        in_comment = False
        for number, line in enumerate(self.lines[start - 1 :], start=start):
            if in_comment:
                if "-->" in line:
                    in_comment = False
                continue
            if "<!--" in line and "-->" not in line.split("<!--", 1)[1]:
                in_comment = True
                line = line.split("<!--", 1)[0]
            yield number, re.sub(r"<!--.*?-->", "", line)

    def check_fence(self, language: str, line: int, body: list[str]) -> None:
        notation = {index for index, _ in snippet_policy.includes(body)}
        code = [
            text for index, text in enumerate(body)
            if text.strip() and index not in notation and not snippet_policy.is_notation(text)
        ]
        if html_audit.is_python(language) and code:
            self.report(
                line,
                f"```{language} block holds code that no test runs",
                "move the code into a file under examples/ with a test, and include it "
                'with --8<-- "examples/<app>/<file>.py:<section>"',
            )
        if language == "mermaid":
            source = "\n".join(self.resolve_snippets(body))
            for keyword in ("accTitle", "accDescr"):
                if keyword not in source:
                    self.report(
                        line,
                        f"diagram has no {keyword}",
                        f"add '{keyword}: ...' to the diagram so screen readers can describe it",
                    )

    def resolve_snippets(self, body: list[str]) -> list[str]:
        out = list(body)
        for _, spec in snippet_policy.includes(body):
            path = snippet_policy.split_spec(spec)[0]
            target = self.root / path
            if not snippet_policy.refusal(path, self.root) and target.is_file():
                out.extend(target.read_text(encoding="utf-8", errors="replace").splitlines())
        return out

    def check_include(self, number: int, spec: str) -> None:
        file_part, selector = snippet_policy.split_spec(spec)
        if refused := snippet_policy.refusal(file_part, self.root):
            self.report(number, *refused)
            return
        target = self.root / file_part
        if not target.is_file():
            self.report(
                number,
                f"snippet file {file_part} does not exist",
                "snippet paths start at the repository root, e.g. examples/catalog/queries.py",
            )
            return
        if selector and selector[0].isalpha():
            source = target.read_text(encoding="utf-8", errors="replace")
            for marker in (f"[start:{selector}]", f"[end:{selector}]"):
                if marker not in source:
                    self.report(
                        number,
                        f"snippet section '{selector}' has no {marker} in {file_part}",
                        f"add '# --8<-- {marker}' lines around the code in {file_part}",
                    )

    def check_inline(self, number: int, line: str) -> str:
        """Check a line's links and images; return it with its code spans blanked."""
        line = CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)  # code may mention these
        for image in IMAGE.finditer(line):
            if not image.group("alt").strip():
                src = image.group("src") or f"[{image.group('ref')}]"
                self.report(
                    number,
                    f"image {src} has no alt text",
                    "describe the image: ![what it shows](path)",
                )
        urls = [m.group("url") for pattern in (INLINE_URL, REFERENCE_URL, AUTOLINK)
                for m in pattern.finditer(line)]
        for attributes in ATTR_LIST.finditer(line):
            for attribute in ATTRIBUTE.finditer(attributes.group("body")):
                name = attribute.group("name").lower()
                if name.startswith("on"):
                    self.report(
                        number,
                        f"event handler attribute {name}= in an attribute list",
                        html_audit.NO_SCRIPTS,
                    )
                elif name in html_audit.URL_ATTRIBUTES:
                    urls.append(attribute.group("value").strip("\"'"))
        for url in urls:
            if problem := html_audit.url_problem(html.unescape(url)):
                self.report(number, *problem)
        return AUTOLINK.sub(lambda m: " " * len(m.group(0)), line)

    # --- sections --------------------------------------------------------------------------
    def check_sections(self, required: list[str], start: int) -> None:
        headings: list[tuple[int, int, str]] = []  # (line, level, text)
        in_fence = False
        for number, line in self.visible_lines(start):
            if FENCE.match(line):
                in_fence = not in_fence
            match = None if in_fence else HEADING.match(line)
            if match:
                headings.append((number, len(match.group("hashes")), match.group("text")))
        page_type = self.meta.get("page_type")
        for name in required:
            found = [h for h in headings if h[1] == 2 and h[2].strip().lower() == name.lower()]
            if not found:
                self.report(
                    start,
                    f"{page_type} page has no '## {name}' section",
                    f"add '## {name}' (see the {page_type} template in tools/page_templates/)",
                )
                continue
            number, level, _ = found[0]
            following = [h for h in headings if h[0] > number and h[1] <= level]
            end = following[0][0] - 1 if following else len(self.lines)
            content = "\n".join(self.lines[number:end])
            content = re.sub(r"<!--.*?-->", "", content, flags=re.S)
            if not content.strip():
                self.report(
                    number,
                    f"section '## {name}' is empty",
                    "write the section, or replace the template's comment with content",
                )


def added_at(path: Path) -> tuple[float, float, str]:
    """When a page joined the site, to tell the newer of two.

    Its first commit, else (not committed yet) now; then its modification time.
    """
    first_commit = float("inf")
    try:
        log = subprocess.run(
            ["git", "log", "--diff-filter=A", "--format=%ct", "--", path.name],
            cwd=path.parent, capture_output=True, text=True, timeout=30,
        )
        if log.returncode == 0 and log.stdout.split():
            first_commit = float(log.stdout.split()[-1])
    except (OSError, subprocess.SubprocessError):
        pass
    return first_commit, path.stat().st_mtime, str(path)


def check_titles(
    pages: dict[Path, dict], root: Path = ROOT, others: dict[Path, dict] | None = None
) -> list[Problem]:
    """Pages in ``pages`` whose title an older page (of ``pages`` or ``others``) already has.

    ``others`` are the site's other pages, so a commit that touches one page is still
    checked against all of them; the newer page of two is the one blamed.
    """
    by_title: dict[str, list[Path]] = {}
    for path, meta in {**(others or {}), **pages}.items():
        title = (meta or {}).get("title")
        if isinstance(title, str) and title.strip():
            by_title.setdefault(title.strip().lower(), []).append(path)
    problems = []
    for paths in by_title.values():
        if len(paths) < 2:
            continue
        oldest, *newer = sorted(paths, key=added_at)
        for path in newer:
            if path in pages:
                problems.append(
                    Problem(
                        display(path, root),
                        1,
                        f"title {pages[path]['title']!r} is already used by "
                        f"{display(oldest, root)}",
                        "give this page a distinct title (it is the newer of the two)",
                    )
                )
    return problems


def read_page(path: Path) -> tuple[str | None, list[SourceError]]:
    return decode_page(path.read_bytes())


def check_pages(paths: list[Path], root: Path = ROOT) -> list[Problem]:
    tags = allowed_tags(root / "mkdocs.yml")
    problems: list[Problem] = []
    metas = {}
    for path in paths:
        text, errors = read_page(path)
        problems.extend(Problem(display(path, root), *error) for error in errors)
        if text is None:
            continue
        checker = PageChecker(path, text, tags, root)
        problems.extend(checker.run())
        metas[path] = split_front_matter(text)[0]
    others = {}
    for path in content_pages(root / "docs"):
        if path not in metas:
            text, _ = read_page(path)
            others[path] = split_front_matter(text)[0] if text is not None else None
    problems.extend(check_titles(metas, root, others))
    return problems


def fence_language(info: str) -> str:
    """The language a fence names: ```python, ``` py3 title="x", ``` {.python}."""
    info = info.strip()
    if info.startswith("{"):
        match = re.search(r"(?:^|[\s{])\.([\w+#-]+)", info)
        return match.group(1).lower() if match else ""
    return info.split()[0].lower() if info else ""


def content_pages(docs: Path = DOCS) -> list[Path]:
    if not docs.is_dir():
        return []
    return sorted(p for p in docs.rglob("*.md") if "includes" not in p.relative_to(docs).parts)


def main(argv: list[str]) -> int:
    paths = [Path(a).resolve() for a in argv] or content_pages()
    problems = check_pages(paths)
    for problem in problems:
        print(problem)
    print(f"content check: {len(paths)} page(s), {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
