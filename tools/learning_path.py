"""The learning path, read from its one source: the checklist on docs/program/learning-path.md.

Each ``## N. Milestone`` heading opens a milestone; each ``- [ ] [Title](../folder/page.md): ...``
item under it is a step. The navigation order, Previous/Next, the step bar, the progress store
and the content check all take the order from here (tools/mkdocs_hooks/learning_path.py).
"""

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

DOCS = Path(__file__).resolve().parent.parent / "docs"
PATH_PAGE = "program/learning-path.md"
MILESTONE = re.compile(r"^##\s+(?P<number>\d+)\.\s+(?P<name>.+?)\s*$")
STEP = re.compile(r"^- \[[ xX]\] \[(?P<title>[^\]]+)\]\((?P<target>[^)#\s]+\.md)\)")


@dataclass(frozen=True)
class Step:
    number: int  # 1-based position in the whole path
    page: str  # the page's path under docs/, e.g. "technologies/redis.md"
    title: str
    milestone: str
    line: int  # where the step is written in learning-path.md

    @property
    def id(self) -> str:
        """The page's stable name in the progress store: its path without '.md'."""
        return self.page[: -len(".md")]


class PathError(ValueError):
    """The learning path page names a page that does not exist, or a page twice."""


def read_steps(text: str, docs: Path = DOCS) -> list[Step]:
    steps: list[Step] = []
    milestone = ""
    base = posixpath.dirname(PATH_PAGE)
    seen: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        heading = MILESTONE.match(line)
        if heading:
            milestone = heading.group("name")
            continue
        item = STEP.match(line)
        if not item or not milestone:
            continue
        page = posixpath.normpath(posixpath.join(base, item.group("target")))
        where = f"docs/{PATH_PAGE}:{number}"
        if not (docs / page).is_file():
            raise PathError(f"{where}: step links {item.group('target')}, which does not exist")
        if page in seen:
            raise PathError(f"{where}: {page} is already step on line {seen[page]}")
        seen[page] = number
        steps.append(Step(len(steps) + 1, page, item.group("title"), milestone, number))
    return steps


def load_steps(docs: Path = DOCS) -> list[Step]:
    return read_steps((docs / PATH_PAGE).read_text(encoding="utf-8"), docs)
