"""Check the pages in docs/ against the content rules, with errors that say what to do.

Usage: ``python -m tools.content_check [FILE ...]`` (default: every page in docs/).
Each problem prints as ``path:line: message`` followed by the fix; the exit code is 1 when
there is any. The rules are the ones CONTRIBUTING.md describes:

- front matter: ``title``, a one-sentence ``description``, ``tags`` from the allowed list in
  mkdocs.yml, a known ``page_type``, and type-specific fields (a challenge's ``technology``);
- the sections each page type needs, present and not empty;
- no two pages with the same title;
- every snippet include resolves, and every named snippet section exists;
- every code fence names a language, and Python on a page is only ever a snippet of a
  tested file;
- images have alt text; Mermaid diagrams have ``accTitle`` and ``accDescr``;
- no raw ``<script>``, ``<iframe>``, inline event handlers or ``javascript:`` links;
- external links use https.
"""

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

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
PYTHON_FENCES = {"python", "py", "python3", "pycon"}

SNIPPET = re.compile(r'^\s*-{1,}8<-{1,}\s+"(?P<path>[^"]+)"\s*$')
FENCE = re.compile(r"^(?P<indent>\s*)(?P<marks>`{3,}|~{3,})\s*(?P<info>[^`]*)$")
HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*#*\s*$")
IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)")
LINK = re.compile(r"\]\((?P<url>http://[^)\s]+)")
FORBIDDEN_HTML = [
    (re.compile(r"<\s*script\b", re.I), "raw <script> tag"),
    (re.compile(r"<\s*iframe\b", re.I), "raw <iframe> tag"),
    (re.compile(r"<[^>]+\son[a-z]+\s*=", re.I), "inline event handler (onclick=...)"),
    (re.compile(r"javascript:", re.I), "javascript: link"),
]
LOCAL_HTTP = re.compile(r"^http://(127\.0\.0\.1|localhost)([:/]|$)")


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}\n    fix: {self.fix}"


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


def split_front_matter(text: str) -> tuple[dict | None, int, str | None]:
    """Return (front matter, line where the body starts, YAML error or None)."""
    if not text.startswith("---\n"):
        return None, 1, None
    end = text.find("\n---\n", 4)
    if end == -1:
        return None, 1, "front matter opened with --- but never closed"
    try:
        meta = yaml.safe_load(text[4:end]) or {}
    except yaml.YAMLError as exc:
        return None, 1, f"front matter is not valid YAML: {exc}"
    if not isinstance(meta, dict):
        return None, 1, "front matter must be a mapping of keys to values"
    return meta, text[: end + 5].count("\n") + 1, None


class PageChecker:
    def __init__(self, path: Path, text: str, tags: set[str], root: Path = ROOT):
        self.path = path
        self.rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
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
            self.report(1, error, "fix the YAML between the two --- lines at the top of the page")
            return self.problems
        self.meta = meta or {}
        self.check_front_matter(meta)
        self.check_body(body_start)
        page_type = self.meta.get("page_type")
        if page_type in PAGE_TYPES:
            self.check_sections(PAGE_TYPES[page_type], body_start)
        self.check_journey(body_start)
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
        for number, line in self.visible_lines(start):
            match = FENCE.match(line)
            if fence is None and match:
                info = match.group("info").strip()
                language = info.split()[0].lower() if info else ""
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
                    continue
                fence_lines.append(line)
                self.check_snippet(number, line)
                continue
            self.check_snippet(number, line)
            self.check_inline(number, line)
        if fence is not None:
            self.report(fence[2], "code fence is never closed", f"close it with {fence[0]}")

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
        code = [text for text in body if text.strip()]
        if language in PYTHON_FENCES and not all(SNIPPET.match(text) for text in code):
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
        out = []
        for text in body:
            match = SNIPPET.match(text)
            target = self.root / match.group("path").split(":")[0] if match else None
            if target is not None and target.is_file():
                out.extend(target.read_text().splitlines())
            else:
                out.append(text)
        return out

    def check_snippet(self, number: int, line: str) -> None:
        match = SNIPPET.match(line)
        if not match:
            return
        spec = match.group("path")
        file_part, _, section = spec.partition(":")
        target = self.root / file_part
        if not target.is_file():
            self.report(
                number,
                f"snippet file {file_part} does not exist",
                "snippet paths start at the repository root, e.g. examples/catalog/queries.py",
            )
            return
        if section and not section.isdigit():
            source = target.read_text()
            for marker in (f"[start:{section}]", f"[end:{section}]"):
                if marker not in source:
                    self.report(
                        number,
                        f"snippet section '{section}' has no {marker} in {file_part}",
                        f"add '# --8<-- {marker}' lines around the code in {file_part}",
                    )

    def check_inline(self, number: int, line: str) -> None:
        for image in IMAGE.finditer(line):
            if not image.group("alt").strip():
                self.report(
                    number,
                    f"image {image.group('src')} has no alt text",
                    "describe the image: ![what it shows](path)",
                )
        for link in LINK.finditer(line):
            if not LOCAL_HTTP.match(link.group("url")):
                self.report(
                    number, f"link {link.group('url')} uses http", "use the https:// address"
                )
        stripped = re.sub(r"`[^`]*`", "", line)  # code spans may mention these safely
        for pattern, what in FORBIDDEN_HTML:
            if pattern.search(stripped):
                self.report(
                    number,
                    f"{what} in page content",
                    "pages hold Markdown only; scripts belong in the theme, reviewed",
                )

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


def check_titles(pages: dict[Path, dict]) -> list[Problem]:
    seen: dict[str, Path] = {}
    problems = []
    for path, meta in sorted(pages.items()):
        title = (meta or {}).get("title")
        if not isinstance(title, str):
            continue
        key = title.strip().lower()
        if key in seen:
            rel = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)
            other = (
                seen[key].relative_to(ROOT).as_posix()
                if seen[key].is_relative_to(ROOT)
                else seen[key]
            )
            problems.append(
                Problem(
                    rel,
                    1,
                    f"title {title!r} is already used by {other}",
                    "give each page a distinct title",
                )
            )
        else:
            seen[key] = path
    return problems


def check_pages(paths: list[Path], root: Path = ROOT) -> list[Problem]:
    tags = allowed_tags(root / "mkdocs.yml")
    problems: list[Problem] = []
    metas = {}
    for path in paths:
        text = path.read_text(encoding="utf-8")
        checker = PageChecker(path, text, tags, root)
        problems.extend(checker.run())
        metas[path] = split_front_matter(text)[0]
    problems.extend(check_titles(metas))
    return problems


def content_pages(docs: Path = DOCS) -> list[Path]:
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
