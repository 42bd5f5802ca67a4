"""The content rules hold for every page, and each broken rule gives a clear, located error."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tools.content_check import check_pages, content_pages

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

QUIZ = """<quiz>
Question {n}?
- [x] Right
- [ ] Wrong
> Why it is wrong.

Why the right answer is right.
</quiz>
"""

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

""" + "\n".join(QUIZ.format(n=n) for n in range(1, 6)) + """
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


BROKEN = {
    "no-front-matter": (
        GOOD.replace("---\ntitle", "title", 1).replace("Django\n---", "Django\n", 1),
        "example.md:1: page has no front matter",
    ),
    "no-title": (GOOD.replace("title: Example technology\n", ""), "front matter has no 'title'"),
    "description-not-sentence": (
        GOOD.replace("every rule.", "every rule"), "description is not a full sentence"
    ),
    "description-three-sentences": (
        GOOD.replace("every rule.", "every rule. It has sections. And tags."),
        "example.md:1: description has 3 sentences",
    ),
    "unknown-tag": (
        GOOD.replace("  - Django", "  - Djnago"),
        "tag 'Djnago' is not in the allowed list",
    ),
    "bad-page-type": (
        GOOD.replace("page_type: technology", "page_type: essay"),
        "page_type is 'essay'",
    ),
    "no-tags": (GOOD.replace("tags:\n  - Django\n", ""), "front matter has no 'tags'"),
    "bad-yaml": (
        GOOD.replace("title: Example", "title: [Example"),
        "example.md:3: front matter is not valid YAML: expected ',' or ']', but got ':' "
        "(while parsing a flow sequence on line 2)",
    ),
    "front-matter-never-closed": (
        GOOD.replace("Django\n---", "Django\n-- -", 1),
        "example.md:1: front matter opened with --- but never closed",
    ),
    "missing-section": (
        GOOD.replace("## Pitfalls\n\nA pitfall.\n", ""),
        "technology page has no '## Pitfalls'",
    ),
    "empty-section": (
        GOOD.replace("A pitfall.", "<!-- Write the pitfalls. -->"), "section '## Pitfalls' is empty"
    ),
    "missing-snippet-file": (
        GOOD + '\n```python\n--8<-- "examples/catalog/missing.py"\n```\n',
        "snippet file examples/catalog/missing.py does not exist",
    ),
    "missing-snippet-section": (
        GOOD + '\n```python\n--8<-- "examples/catalog/queries.py:nope"\n```\n',
        "snippet section 'nope' has no [start:nope] in examples/catalog/queries.py",
    ),
    "snippet-git-config": (
        GOOD + '\n```text\n--8<-- ".git/config"\n```\n',
        "snippet .git/config is a dotfile or inside a dot folder, which is never published",
    ),
    "snippet-env-single-quotes": (
        GOOD + "\n--8<-- '.env'\n", "snippet .env is a dotfile or inside a dot folder"
    ),
    "snippet-dotfile-in-examples": (
        GOOD + '\n--8<-- "examples/.env"\n', "snippet examples/.env is a dotfile"
    ),
    "snippet-etc-hostname": (
        GOOD + '\n```text\n--8<-- "/etc/hostname"\n```\n',
        "snippet /etc/hostname is outside the repository",
    ),
    "snippet-parent-folder": (
        GOOD + '\n--8<-- "examples/../../secret.txt"\n', "is outside the repository"
    ),
    "snippet-block-form-outside-examples": (
        GOOD + "\n```text\n-8<-\ntools/services.py\n-8<-\n```\n",
        "snippet tools/services.py is outside examples/ and diagrams/",
    ),
    "snippet-trailing-space": (
        GOOD + '\n```python\n--8<-- "examples/catalog/queries.py:n_plus_one" \n```\n',
        "snippet line ends with a space, so it is shown as text, not included",
    ),
    "fence-without-language": (GOOD + "\n```\nplain\n```\n", "code fence has no language"),
    "untested-python": (
        GOOD + "\n```python\nprint('untested')\n```\n",
        "```python block holds code that no test runs",
    ),
    "untested-python-attribute-list": (
        GOOD + "\n``` {.python}\nprint('untested')\n```\n",
        "```python block holds code that no test runs",
    ),
    "untested-py3": (
        GOOD + "\n```py3\nprint('untested')\n```\n", "```py3 block holds code that no test runs"
    ),
    "untested-python-after-a-snippet": (
        GOOD + '\n```python\n--8<-- "examples/catalog/queries.py:n_plus_one"\nprint(1)\n```\n',
        "```python block holds code that no test runs",
    ),
    "indented-code": (GOOD + "\nSome text.\n\n    print('untested')\n", "indented code block"),
    "image-no-alt": (GOOD + "\n![](diagram.png)\n", "image diagram.png has no alt text"),
    "reference-image-no-alt": (
        GOOD + "\n![][diagram]\n\n[diagram]: diagram.png\n", "image [diagram] has no alt text"
    ),
    "html-image-no-alt": (
        GOOD + '\n<img src="diagram.png">\n',
        "image diagram.png has no alt text",
    ),
    "diagram-no-title": (
        GOOD + "\n```mermaid\nflowchart LR\n  a --> b\n```\n",
        "diagram has no accTitle",
    ),
    "script": (GOOD + "\n<script>alert(1)</script>\n", "<script> element in page content"),
    "iframe": (GOOD + '\n<iframe src="x"></iframe>\n', "<iframe> element in page content"),
    "object-data-url": (
        GOOD + '\n<object data="data:text/html;base64,PHNjcmlwdD4=">x</object>\n',
        "data: URL 'data:text/html;base64,PHNjcmlwdD4='",
    ),
    "event-handler": (
        GOOD + '\n<span onclick="x()">a</span>\n', "event handler attribute onclick= on <span>"
    ),
    "event-handler-over-two-lines": (
        GOOD + '\n<span onclick\n="x()">a</span>\n', "event handler attribute onclick= on <span>"
    ),
    "svg-onload": (GOOD + "\n<svg/onload=alert(1)>\n", "event handler attribute onload= on <svg>"),
    "event-handler-in-attribute-list": (
        GOOD + '\n## Heading {onclick="alert(1)"}\n',
        "event handler attribute onclick= in an attribute list",
    ),
    "comment-a-browser-ends-early": (
        GOOD + "\n<!--><img src=x onerror=alert(1)>-->\n",
        "malformed HTML comment (a browser ends it early)",
    ),
    "javascript-link": (
        GOOD + "\n[x](javascript:alert(1))\n",
        "javascript: URL 'javascript:alert(1)'",
    ),
    "javascript-entity": (
        GOOD + '\n<a href="javascript&colon;alert(1)">x</a>\n',
        "javascript: URL 'javascript:alert(1)'",
    ),
    "javascript-reference-link": (
        GOOD + "\n[x][run]\n\n[run]: javascript:alert(1)\n", "javascript: URL"
    ),
    "http-link": (GOOD + "\n[Django](http://docs.djangoproject.com/)\n", "uses http"),
    "http-reference-link": (
        GOOD + "\n[Django][docs]\n\n[docs]: http://docs.djangoproject.com/\n",
        "link http://docs.djangoproject.com/ uses http",
    ),
    "http-autolink": (
        GOOD + "\n<http://docs.djangoproject.com/>\n",
        "link http://docs.djangoproject.com/ uses http",
    ),
    "http-html-link": (
        GOOD + '\n<a href="http://docs.djangoproject.com/">Django</a>\n',
        "link http://docs.djangoproject.com/ uses http",
    ),
}


@pytest.mark.parametrize(("broken", "expected"), BROKEN.values(), ids=BROKEN.keys())
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
    os.utime(tmp_path / "a/page.md", (1_000_000_000, 1_000_000_000))  # a is the older page
    problems = [str(p) for p in check_pages([tmp_path / "a/page.md", tmp_path / "b/page.md"], ROOT)]
    assert problems == [
        f"{tmp_path / 'b/page.md'}:1: title 'Example technology' is already used by "
        f"{tmp_path / 'a/page.md'}\n    fix: give this page a distinct title (it is the newer "
        "of the two)"
    ]


def test_a_new_page_is_checked_against_every_page_not_only_the_files_passed(tmp_path):
    """What pre-commit does: it passes only the changed page."""
    caching = ROOT / "docs/concepts/caching.md"
    title = next(line for line in caching.read_text().splitlines() if line.startswith("title:"))
    page = tmp_path / "new-caching.md"
    page.write_text(GOOD.replace("title: Example technology", title))
    problems = [str(p) for p in check_pages([page], ROOT)]
    assert any(
        p.startswith(f"{page}:1: title ") and "is already used by docs/concepts/caching.md" in p
        for p in problems
    ), problems


@pytest.fixture
def site(tmp_path):
    """A repository with its mkdocs.yml and two pages of the same title, a.md the older."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path)
    (tmp_path / "docs").mkdir()
    for name in ("a.md", "b.md"):
        (tmp_path / "docs" / name).write_text(GOOD)
    os.utime(tmp_path / "docs/a.md", (1_000_000_000, 1_000_000_000))
    return tmp_path


def test_the_newer_of_two_pages_is_blamed_whichever_is_checked(site):
    older, newer = site / "docs/a.md", site / "docs/b.md"
    assert check_pages([older], site) == []
    for checked in ([newer], [older, newer]):
        problems = [str(p) for p in check_pages(checked, site)]
        assert problems == [
            "docs/b.md:1: title 'Example technology' is already used by docs/a.md\n"
            "    fix: give this page a distinct title (it is the newer of the two)"
        ]


def test_the_page_not_yet_committed_is_blamed_even_if_its_file_is_older(site):
    def git(*args):
        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
            cwd=site, check=True, capture_output=True,
        )

    git("init", "-q")
    git("add", "docs/b.md")
    git("commit", "-q", "-m", "b")
    # a.md has the older file but is only staged (pre-commit's view of a new page).
    git("add", "docs/a.md")
    problems = [str(p) for p in check_pages([site / "docs/a.md", site / "docs/b.md"], site)]
    assert [p.split("\n")[0] for p in problems] == [
        "docs/a.md:1: title 'Example technology' is already used by docs/b.md"
    ]


def test_a_closing_front_matter_line_with_a_trailing_space_is_accepted(tmp_path):
    # MkDocs reads "--- " as the end of the front matter, so the check does too.
    assert check(tmp_path, GOOD.replace("Django\n---\n", "Django\n--- \n", 1)) == []


def test_a_byte_order_mark_is_reported_as_such(tmp_path):
    page = tmp_path / "example.md"
    page.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    assert [str(p) for p in check_pages([page], ROOT)] == [
        f"{page}:1: page starts with a UTF-8 byte order mark (BOM)\n"
        "    fix: save it as UTF-8 without BOM (in VS Code: 'Save with Encoding', then 'UTF-8', "
        "not 'UTF-8 with BOM'; or sed -i '1s/^\\xEF\\xBB\\xBF//' file.md)"
    ]


def test_a_page_that_is_not_utf8_is_named_with_its_line_and_no_traceback(tmp_path):
    page = tmp_path / "latin.md"
    page.write_bytes(GOOD.replace("Some text.", "Ol\xe9 text.").encode("latin-1"))
    line = GOOD.splitlines().index("Some text.") + 1
    proc = subprocess.run(
        [sys.executable, "-m", "tools.content_check", str(page)],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert proc.returncode == 1
    assert proc.stderr == ""
    assert proc.stdout.startswith(
        f"{page}:{line}: page is not valid UTF-8 (byte 0xe9 at column 3)\n"
        "    fix: save the file as UTF-8"
    ), proc.stdout


def test_snippets_the_pages_include_today_are_allowed():
    from tools.snippet_policy import includes, refusal, split_spec

    specs = {
        split_spec(spec)[0]
        for page in content_pages()
        for _, spec in includes(page.read_text(encoding="utf-8").splitlines())
    }
    assert {spec for spec in specs if refusal(spec, ROOT)} == set()
    assert {".github/workflows/ci.yml", "CONTRIBUTING.md", "requirements/site.in"} <= specs


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
