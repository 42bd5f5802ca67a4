"""MkDocs hook: a section's index page lists its pages from their own front matter.

Put ``<!-- nexus:pages -->`` in a folder's index.md; it becomes a table of every other page
in that folder (title linked, description beside it), sorted by title. A new page appears
there the moment it exists, and its description is written once, in its own front matter.

``<!-- nexus:challenges -->`` makes the challenges table instead: challenge, technology and
tags, inside a block that assets/javascripts/filter.js lets readers narrow by tag.
"""

from pathlib import PurePosixPath

MARKER = "<!-- nexus:pages -->"
CHALLENGES = "<!-- nexus:challenges -->"


def _siblings(page, files):
    """(title, file name, front matter) of the other pages in the page's folder, by title."""
    folder = PurePosixPath(page.file.src_uri).parent
    found = []
    for file in files.documentation_pages():
        path = PurePosixPath(file.src_uri)
        if path.parent != folder or path.name == "index.md":
            continue
        meta = _front_matter(file)
        title = meta.get("title") or path.stem.replace("-", " ").capitalize()
        found.append((title, path.name, meta))
    return sorted(found, key=lambda item: item[0].lower())


def on_page_markdown(markdown, page, config, files):
    if MARKER in markdown:
        table = ["| Page | What it covers |", "| --- | --- |"]
        table += [
            f"| [{t}]({name}) | {m.get('description', '')} |"
            for t, name, m in _siblings(page, files)
        ]
        markdown = markdown.replace(MARKER, "\n".join(table))
    if CHALLENGES in markdown:
        table = ["| Challenge | Technology | Tags |", "| --- | --- | --- |"]
        for title, name, meta in _siblings(page, files):
            tags = ", ".join(t for t in meta.get("tags", []) if t != "Challenge")
            table.append(f"| [{title}]({name}) | {meta.get('technology', '')} | {tags} |")
        block = '<div class="nexus-filter" markdown>\n\n' + "\n".join(table) + "\n\n</div>"
        markdown = markdown.replace(CHALLENGES, block)
    return markdown


def _front_matter(file) -> dict:
    from mkdocs.utils import meta as meta_utils

    _, meta = meta_utils.get_data(file.content_string)
    return meta
