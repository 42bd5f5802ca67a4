"""Create a new page from its template: ``make page TYPE=challenge TITLE="..." ...``.

Usage::

    python -m tools.new_page TYPE "Title" --description "One sentence." --tags Django,SQL
        [--technology Celery]    # challenges only: the one technology it is about

The page lands in the folder for its type, with the front matter filled in and one
commented section per part the content check requires. It appears in the navigation and
in its section's index at once; it passes the content check once every section is written.
"""

import argparse
import re
import sys
from pathlib import Path

from tools.content_check import allowed_tags

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = Path(__file__).resolve().parent / "page_templates"
FOLDERS = {
    "technology": "technologies",
    "concept": "concepts",
    "challenge": "challenges",
    "project": "projects",
}


def slugify(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def yaml_string(value: str) -> str:
    """Quote a value for YAML front matter when it needs it."""
    if re.search(r"[:#\[\]{}&*!|>'\"%@`]", value) or value != value.strip():
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return value


def render(
    page_type: str, title: str, description: str, tags: list[str], technology: str | None
) -> str:
    lines = [
        "---",
        f"title: {yaml_string(title)}",
        f"description: {yaml_string(description)}",
        f"page_type: {page_type}",
    ]
    if technology:
        lines.append(f"technology: {yaml_string(technology)}")
    lines.append("tags:")
    lines += [f"  - {yaml_string(tag)}" for tag in tags]
    lines.append("---")
    body = (TEMPLATES / f"{page_type}.md").read_text().replace("{title}", title)
    return "\n".join(lines) + "\n\n" + body


def main(argv: list[str], docs: Path = ROOT / "docs") -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.new_page", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "page_type",
        choices=sorted(FOLDERS),
        metavar="TYPE",
        help="one of: " + ", ".join(sorted(FOLDERS)),
    )
    parser.add_argument("title")
    parser.add_argument(
        "--description", required=True, help="one sentence, ending with a full stop"
    )
    parser.add_argument(
        "--tags", required=True, help="comma-separated, from tags_allowed in mkdocs.yml"
    )
    parser.add_argument("--technology", help="challenges: the technology the challenge is about")
    args = parser.parse_args(argv)

    allowed = allowed_tags(ROOT / "mkdocs.yml")
    tags = [t.strip() for t in args.tags.split(",") if t.strip()]
    unknown = [t for t in tags + ([args.technology] if args.technology else []) if t not in allowed]
    if unknown:
        parser.error(f"unknown tag(s) {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}")
    if args.page_type == "challenge" and not args.technology:
        parser.error("a challenge needs --technology, e.g. --technology Celery")
    if args.page_type != "challenge" and args.technology:
        parser.error("--technology is only for challenges")
    if not args.description.rstrip().endswith((".", "?", "!")):
        parser.error("--description must be one full sentence ending with a full stop")

    path = docs / FOLDERS[args.page_type] / f"{slugify(args.title)}.md"
    if path.exists():
        parser.error(f"{path.relative_to(docs.parent)} already exists; pick another title")
    path.write_text(render(args.page_type, args.title, args.description, tags, args.technology))
    rel = path.relative_to(docs.parent)
    print(f"Created {rel}.")
    print(
        "Next: write every section (replace each <!-- comment -->), put code in examples/ "
        "with a test, then run: make check-content && make serve"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
