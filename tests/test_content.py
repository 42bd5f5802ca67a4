"""The content rules hold for every page, and each broken rule gives a clear, located error."""

import subprocess
import sys
from pathlib import Path

import pytest

from tools.content_check import check_pages, content_pages

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

GOOD = """---
title: Example technology
description: A page that follows every rule.
page_type: technology
tags:
  - Django
---

# Example technology

Some text.

## Pitfalls

A pitfall.

## Check yourself

<quiz>
Question 0?
- [x] Right
- [ ] Wrong
> Why it is wrong.

Why the right one is right.
</quiz>

<quiz>
Question 1?
- [x] Right
- [ ] Wrong
> Why it is wrong.

Why the right one is right.
</quiz>

<quiz>
Question 2?
- [x] Right
- [ ] Wrong
> Why it is wrong.

Why the right one is right.
</quiz>

<quiz>
Question 3?
- [x] Right
- [ ] Wrong
> Why it is wrong.

Why the right one is right.
</quiz>

<quiz>
Question 4?
- [x] Right
- [ ] Wrong
> Why it is wrong.

Why the right one is right.
</quiz>

## Further reading

- [Django](https://docs.djangoproject.com/en/5.2/)

## Related

- [Query optimization](../concepts/query-optimization.md)
"""


def test_every_page_follows_the_content_rules():
    problems = check_pages(content_pages())
    assert problems == [], "\n".join(map(str, problems))


def check(tmp_path, text, name="example.md"):
    page = tmp_path / name
    page.write_text(text)
    return [str(p) for p in check_pages([page], ROOT)]


def test_a_good_page_passes(tmp_path):
    assert check(tmp_path, GOOD) == []


@pytest.mark.parametrize(
    ("broken", "expected"),
    [
        (
            GOOD.replace("---\ntitle", "title", 1).replace("Django\n---", "Django\n", 1),
            "example.md:1: page has no front matter",
        ),
        (GOOD.replace("title: Example technology\n", ""), "front matter has no 'title'"),
        (GOOD.replace("every rule.", "every rule"), "description is not a full sentence"),
        (GOOD.replace("  - Django", "  - Djnago"), "tag 'Djnago' is not in the allowed list"),
        (GOOD.replace("page_type: technology", "page_type: essay"), "page_type is 'essay'"),
        (GOOD.replace("tags:\n  - Django\n", ""), "front matter has no 'tags'"),
        (GOOD.replace("title: Example", "title: [Example"), "front matter is not valid YAML"),
        (GOOD.replace("## Pitfalls\n\nA pitfall.\n", ""), "technology page has no '## Pitfalls'"),
        (
            GOOD.replace("A pitfall.", "<!-- Write the pitfalls. -->"),
            "section '## Pitfalls' is empty",
        ),
        (
            GOOD + '\n```python\n--8<-- "examples/catalog/missing.py"\n```\n',
            "snippet file examples/catalog/missing.py does not exist",
        ),
        (
            GOOD + '\n```python\n--8<-- "examples/catalog/queries.py:nope"\n```\n',
            "snippet section 'nope' has no [start:nope] in examples/catalog/queries.py",
        ),
        (GOOD + "\n```\nplain\n```\n", "code fence has no language"),
        (
            GOOD + "\n```python\nprint('untested')\n```\n",
            "```python block holds code that no test runs",
        ),
        (GOOD + "\n![](diagram.png)\n", "image diagram.png has no alt text"),
        (GOOD + "\n```mermaid\nflowchart LR\n  a --> b\n```\n", "diagram has no accTitle"),
        (GOOD + "\n<script>alert(1)</script>\n", "raw <script> tag"),
        (GOOD + '\n<iframe src="x"></iframe>\n', "raw <iframe> tag"),
        (GOOD + '\n<span onclick="x()">a</span>\n', "inline event handler"),
        (GOOD + "\n[x](javascript:alert(1))\n", "javascript: link"),
        (GOOD + "\n[Django](http://docs.djangoproject.com/)\n", "uses http"),
    ],
    ids=[
        "no-front-matter",
        "no-title",
        "description-not-sentence",
        "unknown-tag",
        "bad-page-type",
        "no-tags",
        "bad-yaml",
        "missing-section",
        "empty-section",
        "missing-snippet-file",
        "missing-snippet-section",
        "fence-without-language",
        "untested-python",
        "image-no-alt",
        "diagram-no-title",
        "script",
        "iframe",
        "event-handler",
        "javascript-link",
        "http-link",
    ],
)
def test_each_broken_rule_names_the_file_and_the_fix(tmp_path, broken, expected):
    problems = check(tmp_path, broken)
    assert any(expected in p for p in problems), problems
    assert all(p.startswith(f"{tmp_path / 'example.md'}:") for p in problems)
    assert all("\n    fix: " in p for p in problems)


def test_problem_lines_point_at_the_defect(tmp_path):
    problems = check(tmp_path, GOOD + "\n```\nplain\n```\n")
    fence_line = (GOOD + "\n```\nplain\n```\n").splitlines().index("```") + 1
    assert problems == [
        f"{tmp_path / 'example.md'}:{fence_line}: code fence has no language\n"
        "    fix: name it: ```python, ```bash, ```text, ```yaml ..."
    ]


def test_duplicate_titles_are_reported(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a/page.md").write_text(GOOD)
    (tmp_path / "b/page.md").write_text(GOOD)
    problems = [str(p) for p in check_pages([tmp_path / "a/page.md", tmp_path / "b/page.md"], ROOT)]
    assert any("title 'Example technology' is already used by" in p for p in problems), problems


def test_challenge_needs_a_technology(tmp_path):
    text = GOOD.replace("page_type: technology", "page_type: challenge")
    assert any("challenge technology is None" in p for p in check(tmp_path, text))


def test_spelling_is_clean():
    proc = subprocess.run(
        [
            str(BIN / "codespell"),
            "docs",
            "examples",
            "tools",
            "tests",
            "README.md",
            "CONTRIBUTING.md",
            "CODE_OF_CONDUCT.md",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, (
        f"{proc.stdout}\nFix the spelling, or add a real word to .codespell-words.txt"
    )


def test_spelling_check_catches_a_typo(tmp_path):
    page = tmp_path / "typo.md"
    typo = "datab" + "se"  # spelled in two parts so the spelling check of this file passes
    page.write_text(f"The {typo} is down.\n")
    proc = subprocess.run([str(BIN / "codespell"), str(page)], capture_output=True, text=True)
    assert proc.returncode != 0
    assert f"{page}:1: {typo} ==> database" in proc.stdout


def test_markdown_lint_is_clean():
    proc = subprocess.run(
        [
            str(BIN / "pymarkdown"),
            "scan",
            "--recurse",
            "--exclude",
            "docs/includes",
            "docs",
            "README.md",
            "CONTRIBUTING.md",
            "CODE_OF_CONDUCT.md",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_markdown_lint_catches_a_defect(tmp_path):
    page = tmp_path / "lint.md"
    page.write_text("# Title\n\n## Section\n### Sub without blank line\n")
    proc = subprocess.run(
        [str(BIN / "pymarkdown"), "-c", str(ROOT / "pyproject.toml"), "scan", str(page)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode != 0
    assert f"{page}:3:1: MD022" in proc.stdout


def test_every_challenge_is_linked_from_a_topic_page_body():
    """A reader of a topic page meets the entries of its problems where they are explained,
    not only in the page's Related list."""
    docs = ROOT / "docs"
    topics = [
        p for folder in ("technologies", "concepts") for p in (docs / folder).glob("*.md")
    ]
    bodies = {p: p.read_text(encoding="utf-8").split("\n## Related")[0] for p in topics}
    unlinked = [
        entry.name
        for entry in sorted((docs / "challenges").glob("*.md"))
        if entry.name != "index.md"
        and not any(f"challenges/{entry.name}" in body for body in bodies.values())
    ]
    assert unlinked == [], (
        f"challenge entries linked from no technology or concept page outside Related: {unlinked}"
        " (link each from the section that explains its problem)"
    )
