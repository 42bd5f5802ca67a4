"""MkDocs hook: publish the offline downloads and list them where ``<!-- nexus:downloads -->`` is.

The marker may be on any page (the home page, ``program/read-offline.md``): the links are
written relative to it.

``python -m tools.downloads`` leaves the zip and the PDF in ``.cache/downloads/``; this hook
copies them into the site under ``downloads/`` and writes the links, with their sizes. A
build without them (``make serve``) says how to make them, and the offline copy itself says
that it is the offline copy.
"""

import os
import posixpath
from pathlib import Path

from mkdocs.structure.files import File

MARKER = "<!-- nexus:downloads -->"
DOWNLOADS = {
    "project-nexus-offline.zip": "the whole site as a folder of web pages: unzip it and open "
    "`index.html`; navigation, search and diagrams work with no network",
    "project-nexus.pdf": "the whole site as one PDF, with a table of contents, for "
    "e-readers and printing",
}


def _offline_build() -> bool:
    return os.environ.get("NEXUS_OFFLINE", "").lower() == "true"


def _cache(config) -> Path:
    return Path(config.config_file_path).parent / ".cache"


def on_files(files, config):
    if _offline_build():
        return files
    for name in DOWNLOADS:
        if (_cache(config) / "downloads" / name).is_file():
            files.append(
                File(
                    f"downloads/{name}",
                    str(_cache(config)),
                    config.site_dir,
                    config.use_directory_urls,
                )
            )
    return files


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    if _offline_build():
        text = "You are reading the offline copy: everything here works with no network."
        return markdown.replace(MARKER, text)
    lines = []
    # Relative to the page's Markdown file, so the marker works on any page.
    folder = posixpath.dirname(page.file.src_uri) or "."
    for name, what in DOWNLOADS.items():
        source = _cache(config) / "downloads" / name
        if source.is_file():
            size = source.stat().st_size / 1e6
            link = posixpath.relpath(f"downloads/{name}", folder)
            lines.append(f"- [{name}]({link}) ({size:.1f} MB): {what}.")
    if not lines:
        text = (
            "This build has no downloads; `make build` produces them (they need "
            "Chromium for the PDF)."
        )
        return markdown.replace(MARKER, text)
    return markdown.replace(MARKER, "\n".join(lines))
