"""A contributor's broken link, anchor, snippet or nav entry fails the build, naming the file."""

import pytest

from tools.sitebuild import build, copy_project

PAGE = "docs/concepts/query-optimization.md"


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def append(project, path, text):
    file = project / path
    file.write_text(file.read_text() + text)


def assert_fails_naming(result, *needles):
    assert result.returncode != 0, f"the build should have failed:\n{result.output}"
    for needle in needles:
        assert needle in result.output, f"{needle!r} missing from:\n{result.output}"


def test_an_untouched_copy_builds_cleanly(project):
    # Guards the tests below: each must fail because of its defect, not because of the copy.
    result = build(project)
    assert result.returncode == 0, result.output


def test_broken_relative_link_fails(project):
    append(project, PAGE, "\nSee [the missing page](no-such-page.md).\n")
    assert_fails_naming(build(project), "concepts/query-optimization.md", "no-such-page.md")


def test_missing_anchor_fails(project):
    append(project, PAGE, "\nSee [a section](../program/index.md#no-such-section).\n")
    assert_fails_naming(build(project), "concepts/query-optimization.md", "no-such-section")


def test_missing_snippet_file_fails(project):
    append(project, PAGE, '\n```python\n--8<-- "examples/catalog/no_such_file.py"\n```\n')
    assert_fails_naming(build(project), "concepts/query-optimization.md", "no_such_file.py")


def test_missing_snippet_section_fails(project):
    include = '--8<-- "examples/catalog/queries.py:no_such_section"'
    append(project, PAGE, f"\n```python\n{include}\n```\n")
    assert_fails_naming(build(project), "concepts/query-optimization.md", "no_such_section")


def test_nav_entry_without_a_file_fails(project):
    nav = project / "docs/concepts/.nav.yml"
    nav.write_text(nav.read_text().replace("  - index.md\n", "  - index.md\n  - no-such-page.md\n"))
    assert_fails_naming(build(project), "concepts/.nav.yml", "no-such-page.md")


def test_page_outside_the_navigation_fails(project):
    nav = project / "docs/concepts/.nav.yml"
    nav.write_text("nav:\n  - index.md\n")
    assert_fails_naming(build(project), "concepts/query-optimization.md")


def test_missing_vendored_mermaid_fails_with_a_restore_hint(project):
    (project / "docs/assets/vendor/mermaid/mermaid.min.js").unlink()
    assert_fails_naming(build(project), "mermaid.min.js", "docs/assets/vendor/mermaid/VERSION")


def test_diagram_mermaid_cannot_draw_fails_naming_the_page(project):
    broken = "flowchart LR\n    accTitle: Broken\n    accDescr: An arrow to nowhere\n    a -->\n"
    append(project, PAGE, f"\n```mermaid\n{broken}```\n")
    assert_fails_naming(
        build(project), "concepts/query-optimization.md", "Mermaid cannot draw", "Parse error"
    )


def test_publishing_build_without_a_browser_says_how_to_install_one(project, tmp_path):
    env = {"NEXUS_CHROMIUM": str(tmp_path / "no-chromium"), "NEXUS_DIAGRAM_CACHE": str(tmp_path)}
    assert_fails_naming(
        build(project, extra_env=env), "Diagrams must be drawn to SVG", "apt-get install chromium"
    )
