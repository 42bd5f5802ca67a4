"""The lines of a Markdown page outside its fenced code blocks.

For checks that read pages line by line: a heading or a link shown inside a code block is
an example, not the page's own.
"""

import re
from collections.abc import Iterator

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def outside_code(lines: list[str], start: int = 1) -> Iterator[tuple[int, str]]:
    """(line number, line) from line ``start`` on, skipping fences and what they hold.

    A fence closes on a line of the same character only, at least as long as the opening one
    (as in CommonMark), so a ```` ```python ```` shown inside a ```` ```` ```` block stays code.
    """
    fence = None
    for number, line in enumerate(lines[start - 1 :], start=start):
        mark = FENCE.match(line)
        if mark:
            bare = line.strip()
            if fence is None:
                fence = mark.group(1)
            elif bare == fence[0] * len(bare) and len(bare) >= len(fence):
                fence = None
            continue
        if fence is None:
            yield number, line
