"""Which files a page may include as a snippet: one rule for the build and the content check.

A snippet (``--8<-- "path"``) publishes a file's text on the site, so the rule is an
allow-list: the tested code in ``examples/``, the diagram sources in ``diagrams/``, and a few
files that pages show whole, each named below. Anything else in the repository (``.git/``, a
local ``.env``, ``.venv/``, the tools) is refused, and so is anything outside it.
``tools/mkdocs_hooks/snippets.py`` applies this in the build, ``tools/content_check.py``
before each commit.
"""

import posixpath
import re
from pathlib import Path

FOLDERS = ("examples", "diagrams")
# Files shown whole by a page (or appended to every page), named one by one.
FILES = frozenset(
    {
        "CONTRIBUTING.md",  # docs/contribute/index.md
        "CODE_OF_CONDUCT.md",  # docs/contribute/CODE_OF_CONDUCT.md
        "requirements/site.in",  # docs/technologies/python-for-backend.md
        ".github/workflows/ci.yml",  # docs/technologies/ci-cd.md
        "tools/benchmark-results.txt",  # docs/reference/how-this-site-is-built.md
    }
)
ALLOWED = "examples/, diagrams/ or one of the files named in tools/snippet_policy.py"
# The notation as pymdownx.snippets reads it: an include line, and the block form's fence;
# with a space after the closing quote, the line is not an include but text.
INCLUDE = re.compile(r"""^(?P<indent>[ \t]*)-+8<-+[ \t]+(?P<quote>["'])(?P<spec>.+?)(?P=quote)$""")
BLOCK = re.compile(r"^[ \t]*-+8<-+$")
# A file's line ranges (":3:9", ":3:9,12:") or section (":name") after the path.
SELECTOR = re.compile(r"(?i)(?::-?\d*){1,2}(?:,-?\d*(?::-?\d*)?)*$|:[a-z][-_0-9a-z]*$")


def split_spec(spec: str) -> tuple[str, str]:
    """Split ``examples/x.py:section`` into the path and the selector (without the colon)."""
    spec = spec.strip()
    match = SELECTOR.search(spec)
    if match and match.start() > 0:
        return spec[: match.start()], match.group(0)[1:]
    return spec, ""


def includes(lines: list[str]) -> list[tuple[int, str]]:
    """(index, spec) of each snippet the lines include, inline or in a ``-8<-`` block."""
    found = []
    in_block = False
    for index, line in enumerate(lines):
        if BLOCK.match(line):
            in_block = not in_block
        elif in_block:
            if line.strip() and not line.strip().startswith(";"):
                found.append((index, line.strip()))
        elif match := INCLUDE.match(line):
            if not match.group("spec").startswith(";"):
                found.append((index, match.group("spec")))
    return found


def is_notation(line: str) -> bool:
    """Whether a line is snippet notation (an include or a block fence), not content."""
    return bool(INCLUDE.match(line) or BLOCK.match(line))


def refusal(path: str, root: Path) -> tuple[str, str] | None:
    """Why ``path`` (from the repository root) may not be included, as (message, fix)."""
    path = path.strip()
    if re.match(r"(?i)^[a-z][a-z0-9+.-]*://", path):
        return (
            f"snippet {path} is a web address",
            "snippets are files of this repository: put the code in examples/ with a test",
        )
    normal = posixpath.normpath(path.replace("\\", "/"))
    if normal.startswith(("/", "../")) or normal == ".." or re.match(r"^[A-Za-z]:", normal):
        return (
            f"snippet {path} is outside the repository",
            f"paths start at the repository root, and only {ALLOWED} may be included",
        )
    parts = normal.split("/")
    if normal not in FILES:
        if any(part.startswith(".") for part in parts):
            return (
                f"snippet {path} is a dotfile or inside a dot folder, which is never published",
                "dotfiles (.git, .env, .venv, ...) can hold secrets; include a file from "
                "examples/ or diagrams/ instead",
            )
        if parts[0] not in FOLDERS or len(parts) < 2:
            return (
                f"snippet {path} is outside examples/ and diagrams/",
                "put what the page shows in examples/ (with a test) or diagrams/; a file a "
                "page must show whole is added to FILES in tools/snippet_policy.py, reviewed",
            )
    real = (root / normal).resolve()
    if (root / normal).exists() and real != root.resolve() / normal:
        return (
            f"snippet {path} is a symbolic link (to {real})",
            "include the file itself, from examples/ or diagrams/",
        )
    return None
