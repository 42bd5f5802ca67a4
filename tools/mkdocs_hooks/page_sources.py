"""MkDocs hook: a page that is badly written down fails the build naming the file, line and fix.

MkDocs itself publishes front matter that is not valid YAML as page text, with no warning;
crashes with a traceback naming no file on a page that is not UTF-8; and reports a broken
link, anchor or nav entry with neither the line nor the fix. Here:

- before any other hook reads a page (``on_files``, first), every page is decoded and its
  front matter parsed with the content check's own functions (tools/content_check.py), so
  the build and the content check report the same problems in the same words: not UTF-8 is
  an error that stops the build, a byte order mark or broken front matter a warning (an
  error under --strict);
- a logging filter adds to MkDocs' link, anchor and nav warnings the line of the page (or
  of the .nav.yml) that holds the target, and what to do.
"""

import logging
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the project root, for tools.*

from tools.content_check import decode_page, split_front_matter  # noqa: E402

log = logging.getLogger("mkdocs.hooks.page_sources")

# MkDocs' and awesome-nav's messages, and the fix for each.
LINK = re.compile(r"^Doc file '(?P<page>[^']+)' contains (?:a|an unrecognized relative|an "
                  r"absolute) link '(?P<target>[^']+)'")
MISSING_ANCHOR = re.compile(r"does not contain an anchor '#(?P<anchor>[^']+)'|no such anchor")
NAV_ITEM = re.compile(r"^The nav item '(?P<target>[^']+)' .*\[(?P<nav>[^\]]+)\]$")
OMITTED = re.compile(r"^The following pages exist in the docs directory, but are not included")
FIXES = {
    "anchor": "link to a heading that exists: its anchor is the heading in lower case, "
    "with hyphens for spaces (see the headings' ¶ links on the built page)",
    "link": "link the .md file by its path relative to this page, e.g. ../concepts/caching.md",
    "file": "point it at a file that exists under docs/, by its path relative to this page",
    "absolute": "link the .md file by its relative path, not from the site root",
    "nav": "name a page or folder that exists in this folder, or remove the entry",
    "omitted": "add the page to the .nav.yml of its folder (or to a pattern it matches)",
}


class LocatedWarnings(logging.Filter):
    """Adds the source line and the fix to MkDocs' link, anchor and nav warnings."""

    def __init__(self, root: Path, docs: Path):
        super().__init__()
        self.root = root
        self.docs = docs

    def where(self, file: Path, *needles: str) -> str | None:
        """``file:line`` of the first line holding one of the needles, else None."""
        if not file.is_file():
            return None
        rel = file.relative_to(self.root).as_posix() if file.is_relative_to(self.root) else file
        lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
        for needle in needles:
            for number, line in enumerate(lines, start=1):
                if needle in line:
                    return f"{rel}:{number}"
        return str(rel)

    def filter(self, record):
        if record.levelno < logging.WARNING or getattr(record, "nexus_located", False):
            return True
        message = record.getMessage()
        where = fix = None
        if match := LINK.match(message):
            target = match.group("target")
            fix = FIXES["link"]
            if MISSING_ANCHOR.search(message):
                fix = FIXES["anchor"]
            elif "absolute link" in message:
                fix = FIXES["absolute"]
            elif not target.split("#")[0].endswith(".md"):
                fix = FIXES["file"]
            # An inline link holds "(target"; a reference definition "]: target".
            where = self.where(self.docs / match.group("page"), f"({target}", target)
        elif match := NAV_ITEM.search(message.removeprefix("awesome-nav: ")):
            where = self.where(self.docs / match.group("nav"), match.group("target"))
            fix = FIXES["nav"]
        elif OMITTED.match(message):
            fix = FIXES["omitted"]
        if fix:
            record.msg = f"{where + ': ' if where else ''}{message}\n  fix: {fix}"
            record.args = ()
            record.nexus_located = True
        return True


_filters: list[tuple[logging.Logger, logging.Filter]] = []
LOGGERS = ("mkdocs.structure.pages", "mkdocs.structure.nav", "mkdocs.plugins.awesome-nav")


def on_config(config):
    _remove_filters()
    root = Path(config.config_file_path).parent
    located = LocatedWarnings(root, Path(config.docs_dir))
    for name in LOGGERS:
        logger = logging.getLogger(name)
        logger.addFilter(located)
        _filters.append((logger, located))
    return config


@event_priority(100)  # before the hooks that read every page's front matter in on_files
def on_files(files, config):
    root = Path(config.config_file_path).parent
    unreadable = []
    for file in files.documentation_pages():
        if not file.abs_src_path:
            continue
        path = Path(file.abs_src_path)
        rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        text, errors = decode_page(path.read_bytes())
        if text is not None:
            error = split_front_matter(text)[2]
            errors += [error] if error else []
        for error in errors:
            line = f"{rel}:{error.line}: {error.message}\n  fix: {error.fix}"
            if text is None:
                unreadable.append(line)
            else:
                log.warning(line)
    if unreadable:
        raise PluginError("\n".join(unreadable))
    return files


def on_post_build(config):
    _remove_filters()


def on_build_error(error):
    _remove_filters()


def _remove_filters():
    while _filters:
        logger, located = _filters.pop()
        logger.removeFilter(located)
