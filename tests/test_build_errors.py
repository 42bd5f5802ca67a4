"""A contributor's broken link, anchor, snippet or nav entry fails the build, naming the file,
the line and the fix, with no traceback (the same checks on a small site: test_published_html.py).
"""

import pytest

from tools.sitebuild import build, copy_project

PAGE = "docs/concepts/query-optimization.md"


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def append(project, path, text) -> int:
    """Append ``text`` to a file; return the line number its first non-blank line gets."""
    file = project / path
    before = file.read_text()
    file.write_text(before + text)
    return len(before.splitlines()) + len(text) - len(text.lstrip("\n")) + 1


def assert_fails_naming(result, *needles):
    assert result.returncode != 0, f"the build should have failed:\n{result.output}"
    for needle in needles:
        assert needle in result.output, f"{needle!r} missing from:\n{result.output}"
    assert "Traceback" not in result.output


def test_an_untouched_copy_builds_cleanly(project):
    # Guards the tests below: each must fail because of its defect, not because of the copy.
    result = build(project)
    assert result.returncode == 0, result.output


def test_broken_relative_link_fails(project):
    line = append(project, PAGE, "\nSee [the missing page](no-such-page.md).\n")
    assert_fails_naming(
        build(project),
        f"{PAGE}:{line}: Doc file 'concepts/query-optimization.md' "
        "contains a link 'no-such-page.md'",
        "fix: link the .md file by its path relative to this page",
    )


def test_missing_anchor_fails(project):
    line = append(project, PAGE, "\nSee [a section](../program/index.md#no-such-section).\n")
    assert_fails_naming(
        build(project),
        f"{PAGE}:{line}: Doc file 'concepts/query-optimization.md' contains a link "
        "'../program/index.md#no-such-section'",
        "fix: link to a heading that exists",
    )


def test_missing_snippet_file_fails(project):
    line = append(project, PAGE, '\n```python\n--8<-- "examples/catalog/no_such_file.py"\n```\n')
    assert_fails_naming(
        build(project),
        f"{PAGE}:{line + 1}: snippet file examples/catalog/no_such_file.py does not exist",
        "fix: snippet paths start at the repository root",
    )


def test_missing_snippet_section_fails(project):
    include = '--8<-- "examples/catalog/queries.py:no_such_section"'
    line = append(project, PAGE, f"\n```python\n{include}\n```\n")
    assert_fails_naming(
        build(project),
        f"{PAGE}:{line + 1}: snippet section 'no_such_section' has no [start:no_such_section]",
        "fix: add '# --8<-- [start:no_such_section]'",
    )


def test_snippet_of_the_git_config_is_refused(project):
    (project / ".git").mkdir()
    (project / ".git/config").write_text('[remote "origin"]\n  url = https://TOKEN@example.com/\n')
    line = append(project, PAGE, '\n```text\n--8<-- ".git/config"\n```\n')
    result = build(project)
    assert_fails_naming(
        result,
        f"{PAGE}:{line + 1}: snippet .git/config is a dotfile or inside a dot folder",
        "fix: dotfiles (.git, .env, .venv, ...) can hold secrets",
    )
    assert "TOKEN" not in result.output


def test_what_a_page_publishes_is_checked_and_broken_front_matter_fails(project):
    """Defects the Markdown check used to miss, in the real build (after every hook)."""
    line = append(
        project,
        PAGE,
        '\n<span onclick\n="alert(1)">x</span>\n\n```py3\nprint("untested")\n```\n'
        "\n[Django][docs]\n\n[docs]: http://docs.djangoproject.com/\n",
    )
    other = project / "docs/concepts/caching.md"
    other.write_text(other.read_text().replace("title: ", "title: [", 1))
    assert_fails_naming(
        build(project),
        f"{PAGE}:{line}: event handler attribute onclick= on <span> (in the published HTML)",
        f"{PAGE}:{line + 4}: Python code block holds code that no test runs",
        f"{PAGE}:{line + 9}: link http://docs.djangoproject.com/ uses http",
        "docs/concepts/caching.md:3: front matter is not valid YAML",
    )


def test_nav_entry_without_a_file_fails(project):
    nav = project / "docs/concepts/.nav.yml"
    text = nav.read_text()
    nav.write_text(text.replace("  - index.md\n", "  - index.md\n  - no-such-page.md\n"))
    line = text.splitlines().index("  - index.md") + 2
    assert_fails_naming(
        build(project),
        f"docs/concepts/.nav.yml:{line}: awesome-nav: The nav item 'no-such-page.md'",
        "fix: name a page or folder that exists in this folder, or remove the entry",
    )


def test_page_outside_the_navigation_fails(project):
    nav = project / "docs/concepts/.nav.yml"
    nav.write_text("nav:\n  - index.md\n")
    assert_fails_naming(
        build(project),
        "concepts/query-optimization.md",
        "fix: add the page to the .nav.yml of its folder",
    )


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
