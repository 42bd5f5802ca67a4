"""Check the knowledge checks (mkdocs-quiz ``<quiz>`` blocks) of the pages, line by line.

Usage: ``python -m tools.quiz_check [FILE ...]`` (default: every page in docs/); the content
check runs the same rules. mkdocs-quiz itself fails the build on some of these mistakes, but
names the line of the rendered HTML; these messages name the line of the Markdown, and catch
what the plugin lets through (two options with the same text are both marked correct by it).

A quiz, as mkdocs-quiz 1.7 reads it::

    <quiz>
    The question (Markdown, one or more lines)
    - [x] a correct option
    - [ ] a wrong option
    > feedback for that option, directly below it
    (blank line)
    The explanation, shown once the reader has answered.
    </quiz>
"""

import re
import sys
from pathlib import Path

OPEN, CLOSE = "<quiz>", "</quiz>"
OPTION = re.compile(r"^[-*] \[(?P<mark>.?)\] (?P<text>.*)$")
FEEDBACK = re.compile(r"^\s*>")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
# Pages that teach a topic end with at least this many questions under "## Check yourself".
MIN_QUESTIONS = 5
QUIZ_PAGE_TYPES = {"technology", "concept", "project"}
SECTION = "Check yourself"

Finding = tuple[int, str, str]  # (line, message, fix)


def quiz_blocks(lines: list[str], start: int = 0):
    """Yield (line number of <quiz>, body lines with their numbers) outside code fences."""
    in_fence = None
    index = start
    while index < len(lines):
        line = lines[index]
        fence = FENCE.match(line)
        if fence and in_fence is None:
            in_fence = fence.group(1)[0]
        elif fence and line.strip().startswith(in_fence * 3):
            in_fence = None
        elif in_fence is None and line.strip() == OPEN:
            body = []
            opened = index + 1
            index += 1
            while index < len(lines) and lines[index].strip() != CLOSE:
                if lines[index].strip() == OPEN:
                    break
                body.append((index + 1, lines[index]))
                index += 1
            closed = index < len(lines) and lines[index].strip() == CLOSE
            yield opened, body, closed
        index += 1


def check_quiz(opened: int, body: list[tuple[int, str]], closed: bool) -> list[Finding]:
    where = f"the quiz opened on line {opened}"
    if not closed:
        return [(opened, "<quiz> is never closed", f"end {where} with a line holding </quiz>")]
    findings: list[Finding] = []
    question: list[str] = []
    options: list[tuple[int, bool, str]] = []
    explanation: list[str] = []
    last_blank_after_options = False
    for number, line in body:
        if line.startswith((" ", "\t")) and line.strip() and not explanation:
            if OPTION.match(line.strip()):
                findings.append(
                    (number, "a quiz option is indented", "start '- [x]' or '- [ ]' at column 1")
                )
                continue
        if FENCE.match(line):
            findings.append(
                (
                    number,
                    "a code block inside a quiz",
                    "use inline `code` in a quiz; show longer code in the page above it",
                )
            )
            continue
        option = OPTION.match(line)
        if option and not explanation:
            mark = option.group("mark")
            if mark not in ("x", "X", " ", ""):
                findings.append(
                    (
                        number,
                        f"option box '[{mark}]' is neither '[x]' nor '[ ]'",
                        "mark a correct option '- [x]' and a wrong one '- [ ]'",
                    )
                )
            options.append((number, mark.lower() == "x", option.group("text").strip()))
            last_blank_after_options = False
            continue
        if not options:
            question.append(line)
            continue
        if not line.strip():
            last_blank_after_options = True
            continue
        if FEEDBACK.match(line) and not explanation:
            if last_blank_after_options:
                findings.append(
                    (
                        number,
                        "option feedback is separated from its option by a blank line",
                        "put the '> ...' line directly under its option",
                    )
                )
            continue
        explanation.append(line)
    if not "".join(question).strip():
        findings.append(
            (opened, f"{where} has no question", "write the question on the line after <quiz>")
        )
    if len(options) < 2:
        findings.append(
            (
                opened,
                f"{where} has {len(options)} option(s)",
                "give at least two options: '- [x]' for a correct one, '- [ ]' for a wrong one",
            )
        )
    elif not any(correct for _, correct, _ in options):
        findings.append(
            (
                opened,
                f"{where} has no correct answer",
                "mark the correct option(s) with '- [x]'",
            )
        )
    elif all(correct for _, correct, _ in options):
        findings.append(
            (
                opened,
                f"every option of {where} is marked correct",
                "a question needs at least one wrong option '- [ ]'",
            )
        )
    seen: dict[str, int] = {}
    for number, _, text in options:
        if text in seen:
            findings.append(
                (
                    number,
                    f"option {text!r} repeats line {seen[text]} (mkdocs-quiz marks both alike)",
                    "give every option of a question its own text",
                )
            )
        seen.setdefault(text, number)
    if options and not "".join(explanation).strip():
        findings.append(
            (
                opened,
                f"{where} has no explanation",
                "after the options, leave a blank line and explain the answer (shown as feedback)",
            )
        )
    return findings


def check_page(lines: list[str], page_type: str | None, body_start: int = 1) -> list[Finding]:
    """Every quiz on the page, and the questions a topic page owes under 'Check yourself'."""
    findings: list[Finding] = []
    blocks = list(quiz_blocks(lines, body_start - 1))
    for opened, body, closed in blocks:
        findings.extend(check_quiz(opened, body, closed))
    stray = [
        index + 1
        for index, line in enumerate(lines)
        if line.strip() == CLOSE
        and not any(
            opened <= index + 1 <= (body[-1][0] + 1 if body else opened + 1)
            for opened, body, _ in blocks
        )
    ]
    for number in stray:
        findings.append(
            (number, "</quiz> without a <quiz> before it", "remove it or open the quiz")
        )
    if page_type not in QUIZ_PAGE_TYPES:
        return findings
    section = next(
        (i for i, line in enumerate(lines) if re.match(rf"^##\s+{SECTION}\s*$", line)), None
    )
    if section is None:
        return findings  # the section rules of the content check report a missing section
    end = next(
        (i for i in range(section + 1, len(lines)) if re.match(r"^##\s", lines[i])), len(lines)
    )
    for index in range(section + 1, end):
        if lines[index].lstrip().startswith("??? question"):
            findings.append(
                (
                    index + 1,
                    "a 'Check yourself' question is a collapsible note, not a quiz",
                    "write it as <quiz> ... </quiz> with options (see CONTRIBUTING.md)",
                )
            )
    count = sum(1 for opened, _, _ in blocks if section < opened <= end)
    if count < MIN_QUESTIONS:
        findings.append(
            (
                section + 1,
                f"'## {SECTION}' has {count} question(s), fewer than {MIN_QUESTIONS}",
                f"write at least {MIN_QUESTIONS} <quiz> questions in the section",
            )
        )
    return findings


def quiz_count(text: str) -> int:
    return sum(1 for _ in quiz_blocks(text.splitlines()))


def main(argv: list[str]) -> int:
    from tools.content_check import ROOT, content_pages, split_front_matter

    paths = [Path(a).resolve() for a in argv] or content_pages()
    problems = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        meta, body_start, _ = split_front_matter(text)
        rel = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)
        for line, message, fix in check_page(
            text.splitlines(), (meta or {}).get("page_type"), body_start
        ):
            problems += 1
            print(f"{rel}:{line}: {message}\n    fix: {fix}")
    print(f"quiz check: {len(paths)} page(s), {problems} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
