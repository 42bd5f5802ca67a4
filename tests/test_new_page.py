"""The scaffold command makes pages that the content check accepts once they are written."""

import shutil

import pytest

from tools.content_check import check_pages
from tools.new_page import main
from tools.sitebuild import ROOT


@pytest.fixture
def docs(tmp_path):
    target = tmp_path / "docs"
    for folder in ("technologies", "concepts", "challenges", "projects"):
        (target / folder).mkdir(parents=True)
    return target


def scaffold(docs, *args):
    return main(list(args), docs=docs)


def test_scaffolded_challenge_has_front_matter_and_every_section(docs, capsys):
    code = scaffold(
        docs,
        "challenge",
        "Celery tasks never run",
        "--description",
        "Why queued tasks never execute.",
        "--tags",
        "Celery,RabbitMQ",
        "--technology",
        "Celery",
    )
    assert code == 0
    page = docs / "challenges/celery-tasks-never-run.md"
    text = page.read_text()
    assert text.startswith("---\ntitle: Celery tasks never run\n")
    assert "technology: Celery\n" in text
    for section in ("Symptom", "Cause", "Fix", "Verify", "Prevent", "Related"):
        assert f"\n## {section}\n" in text
    assert "Created docs/challenges/celery-tasks-never-run.md" in capsys.readouterr().out


def test_unwritten_scaffold_fails_the_content_check_until_filled(docs):
    scaffold(
        docs,
        "challenge",
        "Celery tasks never run",
        "--description",
        "Why tasks hang.",
        "--tags",
        "Celery",
        "--technology",
        "Celery",
    )
    page = docs / "challenges/celery-tasks-never-run.md"
    problems = [str(p) for p in check_pages([page], ROOT)]
    assert any("section '## Symptom' is empty" in p for p in problems), problems

    written = page.read_text()
    for section in ("Symptom", "Cause", "Fix", "Verify", "Prevent", "Related"):
        written = written.replace(f"## {section}\n", f"## {section}\n\nWritten {section}.\n", 1)
    page.write_text(written)
    assert check_pages([page], ROOT) == []


# Five knowledge checks, as CONTRIBUTING.md shows them (tools/quiz_check.py).
QUESTIONS = [
    line
    for n in range(5)
    for line in (
        "<quiz>",
        f"Question {n}?",
        "- [x] Right",
        "- [ ] Wrong",
        "> Why it is wrong.",
        "",
        "Why the right one is right.",
        "</quiz>",
        "",
    )
]


@pytest.mark.parametrize("page_type", ["technology", "concept", "project"])
def test_every_template_passes_once_written(docs, page_type):
    scaffold(docs, page_type, f"A {page_type}", "--description", "A sentence.", "--tags", "Django")
    page = next(docs.rglob("*.md"))
    lines = []
    for line in page.read_text().splitlines():
        lines.append(line)
        if line == "## Check yourself":
            lines += ["", *QUESTIONS]
        elif line.startswith("## "):
            lines += ["", f"Content for {line[3:]}."]
    page.write_text("\n".join(lines) + "\n")
    assert [str(p) for p in check_pages([page], ROOT)] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["concept", "X", "--description", "A sentence.", "--tags", "Djnago"],
            "unknown tag(s) Djnago",
        ),
        (
            ["challenge", "X", "--description", "A sentence.", "--tags", "Django"],
            "a challenge needs --technology",
        ),
        (
            ["concept", "X", "--description", "no full stop", "--tags", "Django"],
            "--description must be one full sentence",
        ),
    ],
)
def test_bad_arguments_are_refused_with_a_reason(docs, capsys, args, message):
    with pytest.raises(SystemExit) as exit_info:
        scaffold(docs, *args)
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err


def test_an_existing_page_is_never_overwritten(docs, capsys):
    args = ["concept", "Caching", "--description", "A sentence.", "--tags", "Caching"]
    scaffold(docs, *args)
    with pytest.raises(SystemExit):
        scaffold(docs, *args)
    assert "already exists" in capsys.readouterr().err


def test_templates_exist_for_every_type():
    from tools.new_page import FOLDERS, TEMPLATES

    assert sorted(p.stem for p in TEMPLATES.glob("*.md")) == sorted(FOLDERS)
    assert shutil.which  # the scaffold needs nothing outside the standard library and PyYAML


def test_fresh_scaffolds_of_every_type_build_under_strict(tmp_path):
    # The templates' guidance comments must not trip the build (snippet lines are escaped).
    from tools.sitebuild import build, copy_project

    project = copy_project(tmp_path / "project")
    for page_type in ("technology", "concept", "challenge", "project"):
        args = [
            page_type,
            f"Scaffold {page_type}",
            "--description",
            "A sentence.",
            "--tags",
            "Django",
        ]
        if page_type == "challenge":
            args += ["--technology", "Django"]
        assert main(args, docs=project / "docs") == 0
    result = build(project)
    assert result.returncode == 0, result.output
