"""MkDocs hook: a section's index page lists its pages from their own front matter.

Put ``<!-- nexus:pages -->`` in a folder's index.md; it becomes a table of every other page
in that folder (title linked, description beside it), sorted by title. A new page appears
there the moment it exists, and its description is written once, in its own front matter.
"""

from pathlib import PurePosixPath

MARKER = "<!-- nexus:pages -->"


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    folder = PurePosixPath(page.file.src_uri).parent
    rows = []
    for file in files.documentation_pages():
        path = PurePosixPath(file.src_uri)
        if path.parent != folder or path.name == "index.md":
            continue
        meta = _front_matter(file)
        title = meta.get("title") or path.stem.replace("-", " ").capitalize()
        rows.append((title.lower(), f"| [{title}]({path.name}) | {meta.get('description', '')} |"))
    table = ["| Page | What it covers |", "| --- | --- |"] + [row for _, row in sorted(rows)]
    return markdown.replace(MARKER, "\n".join(table))


def _front_matter(file) -> dict:
    from mkdocs.utils import meta as meta_utils

    _, meta = meta_utils.get_data(file.content_string)
    return meta
