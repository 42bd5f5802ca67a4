"""Nothing on the site loads from another host; a contributor who adds such a thing is told."""

import pytest

from tools.remote_assets import scan

CONFIG = "site_name: t\ntheme:\n  name: material\n  font: false\n"


def test_the_site_loads_nothing_from_other_hosts():
    found = scan()
    assert found == [], "\n".join(map(str, found))


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "overrides").mkdir()
    (tmp_path / "mkdocs.yml").write_text(CONFIG)
    return tmp_path


@pytest.mark.parametrize(
    ("path", "content", "url", "line"),
    [
        (
            "docs/page.md",
            "# T\n\n![Logo](https://example.com/logo.png)\n",
            "https://example.com/logo.png",
            3,
        ),
        (
            "docs/page.md",
            '# T\n<script src="https://unpkg.com/x.js"></script>\n',
            "https://unpkg.com/x.js",
            2,
        ),
        (
            "overrides/main.html",
            '<link rel="stylesheet" href="//cdn.example.com/a.css">\n',
            "//cdn.example.com/a.css",
            1,
        ),
        (
            "docs/assets/stylesheets/extra.css",
            "@import url(https://fonts.googleapis.com/css?family=Roboto);\n",
            "https://fonts.googleapis.com/css?family=Roboto",
            1,
        ),
        (
            "docs/assets/javascripts/extra.js",
            'import("https://esm.sh/lib.js");\n',
            "https://esm.sh/lib.js",
            1,
        ),
    ],
    ids=["markdown-image", "page-script", "override-stylesheet", "css-font", "js-import"],
)
def test_each_kind_of_remote_asset_is_named_with_file_line_and_url(tree, path, content, url, line):
    target = tree / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(content)
    found = [str(f) for f in scan(tree)]
    assert found == [
        f"{path}:{line}: loads {url} from another host at reading time\n"
        "    fix: download it into docs/assets/vendor/<name>/ with its LICENSE and a VERSION "
        "file, and reference the local copy"
    ]


def test_remote_extra_javascript_and_theme_fonts_in_the_config(tree):
    (tree / "mkdocs.yml").write_text(
        "site_name: t\ntheme:\n  name: material\n  font:\n    text: Roboto\n"
        "extra_javascript:\n  - https://unpkg.com/mathjax.js\n"
        "  - path: https://cdn.example.org/a.js\n    defer: true\n"
        "  - defer: true\n    path: https://cdn.example.org/b.js\n"
    )
    found = [f"{f.path}:{f.line}: {f.url}" for f in scan(tree)]
    assert found == [
        "mkdocs.yml:4: fonts.googleapis.com (theme.font is not false)",
        "mkdocs.yml:7: https://unpkg.com/mathjax.js",
        "mkdocs.yml:8: https://cdn.example.org/a.js",
        "mkdocs.yml:11: https://cdn.example.org/b.js",
    ]


def test_links_a_reader_clicks_are_not_assets(tree):
    (tree / "docs/page.md").write_text("See [Django](https://docs.djangoproject.com/en/5.2/).\n")
    assert scan(tree) == []
