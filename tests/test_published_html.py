"""What a page becomes is checked, whatever Markdown produced it; bad input names file and line.

Each defect is planted in a page of a small fixture site (tests/fixture_site.py), which reads
pages with the project's Markdown settings and hooks and builds in seconds.
"""

import pytest

from tests.fixture_site import build_fixture

LINE = 8  # the first body line of a fixture page (after its front matter and title)
SNIPPET = '--8<-- "examples/catalog/queries.py:n_plus_one"'

# page name: (body, the message of the build, naming the page and its line)
PLANTED = {
    "split-handler.md": (
        '<span onclick\n="alert(1)">split</span>\n',
        f"docs/split-handler.md:{LINE}: event handler attribute onclick= on <span>",
    ),
    "svg-handler.md": (
        "<svg/onload=alert(2)>\n",
        f"docs/svg-handler.md:{LINE}: event handler attribute onload= on <svg>",
    ),
    "attribute-list-handler.md": (
        '## Heading {onclick="alert(3)"}\n',
        f"docs/attribute-list-handler.md:{LINE}: event handler attribute onclick= on <h2>",
    ),
    "entity-javascript.md": (
        '<a href="javascript&colon;alert(4)">x</a>\n',
        f"docs/entity-javascript.md:{LINE}: javascript: URL 'javascript:alert(4)'",
    ),
    "markdown-javascript.md": (
        "[x](javascript:alert(5))\n",
        f"docs/markdown-javascript.md:{LINE}: javascript: URL 'javascript:alert(5)'",
    ),
    "form-javascript.md": (
        '<form action="javascript:void(0);"><button>Go</button></form>\n',
        f"docs/form-javascript.md:{LINE}: javascript: URL 'javascript:void(0);'",
    ),
    "object-data.md": (
        '<object data="data:text/html;base64,PHNjcmlwdD4=">x</object>\n',
        f"docs/object-data.md:{LINE}: data: URL 'data:text/html;base64,PHNjcmlwdD4='",
    ),
    "object-element.md": (
        '<object data="movie.swf">x</object>\n',
        f"docs/object-element.md:{LINE}: <object> element in page content",
    ),
    "inline-script.md": (
        "<script>alert(6)</script>\n",
        f"docs/inline-script.md:{LINE}: <script> element in page content",
    ),
    "site-script-with-code.md": (
        '<script src="../assets/javascripts/progress.js">alert(7)</script>\n',
        f"docs/site-script-with-code.md:{LINE}: <script> element with inline code",
    ),
    "comment-trick.md": (
        "<!--><img src=x onerror=alert(8) alt=x>-->\n",
        f"docs/comment-trick.md:{LINE}: malformed HTML comment",
    ),
    "reference-http.md": (
        "[Django][docs]\n\n[docs]: http://example.com/\n",
        "docs/reference-http.md:10: link http://example.com/ uses http",
    ),
    "autolink-http.md": (
        "<http://example.org/auto>\n",
        f"docs/autolink-http.md:{LINE}: link http://example.org/auto uses http",
    ),
    "html-http.md": (
        '<a href="http://example.net/">raw</a>\n',
        f"docs/html-http.md:{LINE}: link http://example.net/ uses http",
    ),
    "html-image.md": (
        '<img src="photo.png">\n',
        f"docs/html-image.md:{LINE}: image photo.png has no alt text",
    ),
    "markdown-image.md": (
        "![](photo.png)\n",
        f"docs/markdown-image.md:{LINE}: image ../photo.png has no alt text",
    ),
    "attribute-python.md": (
        '``` {.python}\nprint("untested")\n```\n',
        "docs/attribute-python.md:9: Python code block holds code that no test runs",
    ),
    "py3.md": (
        '```py3\nprint("untested")\n```\n',
        "docs/py3.md:9: Python code block holds code that no test runs",
    ),
    "pycon.md": (
        "```pycon\n>>> print('untested')\n```\n",
        "docs/pycon.md:9: Python code block holds code that no test runs",
    ),
    "typed-after-snippet.md": (
        f'```python\n{SNIPPET}\nprint("typed")\n```\n',
        "docs/typed-after-snippet.md:10: Python code block holds code that no test runs",
    ),
    "html-python.md": (
        '<pre><code class="language-python">print("untested")</code></pre>\n',
        f"docs/html-python.md:{LINE}: Python code block holds code that no test runs",
    ),
}
# Pages the checks must let through.
ALLOWED = {
    "snippet.md": f'```python\n{SNIPPET}\n```\n',
    "loopback.md": "Run it, then open [the API](http://127.0.0.1:8000/api/).\n",
    # The site's own script, as the knowledge checks' hook links quiz.js from page content.
    "site-script.md": '<script src="../assets/javascripts/progress.js" defer></script>\n',
    "indented.md": "Text.\n\n    print('indented text is a paragraph, not code')\n",
    "described-image.md": "![The logo](photo.png)\n",
}


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    pages = {name: body for name, (body, _) in PLANTED.items()} | ALLOWED
    image = {"docs/photo.png": b"\x89PNG\r\n\x1a\n"}
    return build_fixture(tmp_path_factory.mktemp("planted") / "site", pages, image)


@pytest.mark.parametrize("page", PLANTED)
def test_each_planted_defect_fails_the_build_naming_page_and_line(planted, page):
    assert planted.returncode != 0
    expected = PLANTED[page][1]
    lines = [line for line in planted.output.splitlines() if expected in line]
    assert lines, f"{expected!r} missing from:\n{planted.output}"
    assert lines[0].endswith("(in the published HTML)")
    following = planted.output.splitlines()[planted.output.splitlines().index(lines[0]) + 1]
    assert following.startswith("  fix: ")


def test_allowed_pages_pass(planted):
    warned = [name for name in ALLOWED if f"docs/{name}" in planted.output]
    assert warned == [], planted.output


def test_the_indented_text_is_published_as_text(planted):
    html = (planted.site_dir / "indented/index.html").read_text()
    assert "<p>print('indented text is a paragraph, not code')</p>" in html


# --- bad input that stops the build: one line, no traceback --------------------------------

FATAL = {
    "not-utf8": (
        {"latin.md": "---\ntitle: T\ndescription: D.\n---\n\n# T\n\nOl\xe9\n".encode("latin-1")},
        {},
        "docs/latin.md:8: page is not valid UTF-8 (byte 0xe9 at column 3)",
    ),
    "git-config": (
        {"git.md": '```text\n--8<-- ".git/config"\n```\n'},
        {".git/config": "[remote]\n  url = https://token@example.com/\n"},
        "docs/git.md:9: snippet .git/config is a dotfile or inside a dot folder",
    ),
    "env-file": (
        {"env.md": "--8<-- '.env'\n"},
        {".env": "SECRET_KEY=abc\n"},
        "docs/env.md:8: snippet .env is a dotfile or inside a dot folder",
    ),
    "etc-hostname": (
        {"host.md": '```text\n--8<-- "/etc/hostname"\n```\n'},
        {},
        "docs/host.md:9: snippet /etc/hostname is outside the repository",
    ),
    "outside-the-allowed-folders": (
        {"tool.md": "```text\n-8<-\ntools/secret.py\n-8<-\n```\n"},
        {"tools/secret.py": "TOKEN = 1\n"},
        "docs/tool.md:10: snippet tools/secret.py is outside examples/ and diagrams/",
    ),
    "nested-include": (
        {"nested.md": '```text\n--8<-- "examples/catalog/notes.txt"\n```\n'},
        {"examples/catalog/notes.txt": 'Notes\n--8<-- ".env"\n', ".env": "SECRET_KEY=abc\n"},
        "examples/catalog/notes.txt:2: snippet .env is a dotfile or inside a dot folder",
    ),
    "missing-file": (
        {"missing.md": '```python\n--8<-- "examples/catalog/no_such_file.py"\n```\n'},
        {},
        "docs/missing.md:9: snippet file examples/catalog/no_such_file.py does not exist",
    ),
    "missing-section": (
        {"section.md": '```python\n--8<-- "examples/catalog/queries.py:no_such_section"\n```\n'},
        {},
        "docs/section.md:9: snippet section 'no_such_section' has no [start:no_such_section] "
        "in examples/catalog/queries.py",
    ),
    "snippet-not-utf8": (
        {"latin-snippet.md": '```text\n--8<-- "examples/catalog/latin.txt"\n```\n'},
        {"examples/catalog/latin.txt": "ol\xe9\n".encode("latin-1")},
        "docs/latin-snippet.md:9: snippet examples/catalog/latin.txt is not valid UTF-8",
    ),
}


@pytest.mark.parametrize("case", FATAL)
def test_bad_input_stops_the_build_in_one_line(tmp_path, case):
    pages, files, expected = FATAL[case]
    result = build_fixture(tmp_path / "site", pages, files)
    assert result.returncode != 0
    assert expected in result.output, result.output
    assert "\n  fix: " in result.output
    assert "Traceback" not in result.output
    assert "SECRET_KEY" not in result.output


# --- bad input that is a warning: every page is reported at once -----------------------------

FRONT = "---\ntitle: T\ndescription: D.\n---\n\n# T\n"
WARNED = {
    "bom.md": (
        b"\xef\xbb\xbf" + FRONT.encode(),
        "docs/bom.md:1: page starts with a UTF-8 byte order mark (BOM)",
    ),
    "yaml.md": (
        FRONT.replace("title: T", "title: [T"),
        "docs/yaml.md:3: front matter is not valid YAML: expected ',' or ']', but got ':'",
    ),
    "list.md": (
        "---\n- title\n- description\n---\n\n# T\n",
        "docs/list.md:2: front matter must be a mapping of keys to values",
    ),
    "never-closed.md": (
        "---\ntitle: T\ndescription: D.\n\n# T\n",
        "docs/never-closed.md:1: front matter opened with --- but never closed",
    ),
    "links.md": (
        FRONT + "\nSee [the missing page](no-such-page.md).\n",
        "docs/links.md:8: Doc file 'links.md' contains a link 'no-such-page.md', but the target "
        "is not found among documentation files.",
    ),
    "anchor.md": (
        FRONT + "\nSee [the home page](index.md#no-such-section).\n",
        "docs/anchor.md:8: Doc file 'anchor.md' contains a link 'index.md#no-such-section'",
    ),
    "reference.md": (
        FRONT + "\nSee [the page][p].\n\n[p]: other-missing.md\n",
        "docs/reference.md:10: Doc file 'reference.md' contains a link 'other-missing.md'",
    ),
}


@pytest.fixture(scope="module")
def warned(tmp_path_factory):
    pages = {name: body for name, (body, _) in WARNED.items()}
    pages["trailing-space.md"] = FRONT.replace("title: T", "title: Trailing").replace(
        "D.\n---\n", "D.\n--- \n"
    )
    return build_fixture(tmp_path_factory.mktemp("warned") / "site", pages)


@pytest.mark.parametrize("page", WARNED)
def test_bad_input_warns_naming_the_line_and_the_fix(warned, page):
    assert warned.returncode != 0
    lines = warned.output.splitlines()
    found = [index for index, line in enumerate(lines) if WARNED[page][1] in line]
    assert found, f"{WARNED[page][1]!r} missing from:\n{warned.output}"
    assert lines[found[0] + 1].startswith("  fix: ")
    assert "Traceback" not in warned.output


def test_a_closing_front_matter_line_with_a_trailing_space_is_front_matter(warned):
    assert "trailing-space.md" not in warned.output
    html = (warned.site_dir / "trailing-space/index.html").read_text()
    assert "<title>Trailing - Fixture</title>" in html
    assert "description: D." not in html
