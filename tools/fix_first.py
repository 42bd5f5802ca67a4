"""The "Something broken?" box at the top of a technology page: what it links, and its check.

A technology page names its dedicated "why it fails" sections in its front matter:

    fix_first:
      sections:
        - Why tasks do not execute
      technologies: [Celery]

``sections`` are ``##`` headings of the page, written as in the page (without ``##`` and
without an attribute list). ``technologies`` (optional; default: the page's first tag) picks
the challenge entries to list: every one whose ``technology:`` is among them. The page's
``## Pitfalls`` is always linked as well. tools/mkdocs_hooks/fix_first.py builds the box;
``check`` below is the content check's part (``python -m tools.content_check``).
"""

import difflib
import re
from pathlib import Path

import yaml
from mkdocs.utils.meta import YAML_RE

from tools.markdown_lines import outside_code

KEY = "fix_first"
PITFALLS = "Pitfalls"
FORM = (
    "write 'fix_first:' then '  sections:' with lines '    - <a ## heading of this page>' "
    "(and optionally '  technologies: [Celery]')"
)
HEADING = re.compile(r"^##\s+(?P<text>.+?)\s*#*\s*$")
ATTR_LIST = re.compile(r"\s*\{:?[^{}]*\}\s*$")
ADMONITION = re.compile(r"^(!!!|\?\?\?\+?)\s")

Finding = tuple[int, str, str]  # (line, message, fix)


def h2_headings(lines: list[str], start: int = 1) -> dict[str, int]:
    """The page's ``##`` headings outside code fences: text (attribute list removed) -> line."""
    found = {}
    for number, line in outside_code(lines, start):
        match = HEADING.match(line)
        if match:
            found.setdefault(ATTR_LIST.sub("", match.group("text")), number)
    return found


def technologies(meta: dict) -> list[str]:
    """The challenge technologies a page's box lists: its ``technologies`` or its first tag."""
    value = (meta.get(KEY) or {}).get("technologies") if isinstance(meta.get(KEY), dict) else None
    if value:
        return list(value)
    tags = meta.get("tags") or []
    return tags[:1]


def challenge_technologies(docs: Path) -> dict[str, list[str]]:
    """Technology -> the challenge entries (paths under docs/) that name it."""
    found: dict[str, list[str]] = {}
    for path in sorted((docs / "challenges").glob("*.md")):
        match = YAML_RE.match(path.read_text(encoding="utf-8", errors="replace"))
        try:
            meta = yaml.safe_load(match.group(1)) if match else None
        except yaml.YAMLError:
            continue  # the content check reports that page's front matter itself
        if isinstance(meta, dict) and meta.get("page_type") == "challenge":
            found.setdefault(str(meta.get("technology")), []).append(
                path.relative_to(docs).as_posix()
            )
    return found


def _line_of(lines: list[str], text: str, start: int) -> int:
    for number in range(start, len(lines)):
        if text in lines[number]:
            return number + 1
    return start + 1


def _stacked(lines: list[str], start: int) -> list[Finding]:
    """An admonition before the second ## heading would sit on the box (never stack them)."""
    h2 = 0
    for number, line in outside_code(lines, start):
        if HEADING.match(line):
            h2 += 1
            if h2 == 2:
                break
        elif ADMONITION.match(line):
            return [
                (
                    number,
                    "an admonition near the top would stack on the 'Something broken?' box",
                    "move its links into fix_first (sections, technologies) or below, or "
                    "make it a sentence",
                )
            ]
    return []


def check(
    page_type: str | None, meta: dict, lines: list[str], body_start: int, docs: Path
) -> list[Finding]:
    if KEY not in meta:
        return []
    key_line = next((i for i, line in enumerate(lines) if re.match(rf"^{KEY}\s*:", line)), 0)
    if page_type != "technology":
        return [
            (
                key_line + 1,
                f"'{KEY}' is only read on technology pages (this is {page_type!r})",
                f"remove '{KEY}:', or link the sections from a sentence near the top",
            )
        ]
    value = meta[KEY]
    if not isinstance(value, dict) or set(value) - {"sections", "technologies"}:
        return [(key_line + 1, f"'{KEY}' must hold 'sections' and optionally 'technologies'", FORM)]
    sections = value.get("sections")
    if (
        not isinstance(sections, list)
        or not sections
        or not all(isinstance(item, str) and item.strip() for item in sections)
    ):
        return [(key_line + 1, f"'{KEY}.sections' must be a list of headings", FORM)]
    headings = h2_headings(lines, body_start)
    findings: list[Finding] = []
    for section in sections:
        line = _line_of(lines, section, key_line)
        if section == PITFALLS:
            findings.append(
                (line, "Pitfalls is always linked from the box", "list only the other sections")
            )
        elif section not in headings:
            close = difflib.get_close_matches(section, list(headings), n=1)
            hint = f" (the page has '## {close[0]}', line {headings[close[0]]})" if close else ""
            findings.append(
                (
                    line,
                    f"fix_first section '{section}' is not a ## heading of this page{hint}",
                    "write the heading's text exactly as in the page, without '##', or "
                    "remove the entry",
                )
            )
    findings += _stacked(lines, body_start)
    chosen = value.get("technologies")
    if chosen is not None:
        if not isinstance(chosen, list) or not all(isinstance(t, str) for t in chosen):
            return findings + [(key_line + 1, f"'{KEY}.technologies' must be a list", FORM)]
        entries = challenge_technologies(docs)
        for technology in chosen:
            if technology not in entries:
                findings.append(
                    (
                        _line_of(lines, technology, key_line),
                        f"fix_first technology {technology!r} is the technology: of no challenge",
                        "name the technology: of a challenge in docs/challenges/ "
                        f"({', '.join(sorted(entries))})",
                    )
                )
    return findings
