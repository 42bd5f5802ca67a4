"""Check a page's ``prerequisites:`` front matter against the learning path.

``prerequisites`` lists pages, by their path under docs/ (``technologies/django.md``), that a
reader should have done first; the step bar links them. Each must exist, and on a step of the
learning path each must be a step that comes earlier (docs/program/learning-path.md).
"""

import re
from pathlib import Path

from tools.learning_path import DOCS, PATH_PAGE, PathError, load_steps

Finding = tuple[int, str, str]  # (line, message, fix)


def _line_of(lines: list[str], item: str, start: int) -> int:
    for number in range(start, len(lines)):
        if item in lines[number]:
            return number + 1
    return start + 1


def check(page: str, meta: dict, lines: list[str], docs: Path = DOCS) -> list[Finding]:
    if "prerequisites" not in meta:
        return []
    key_line = next((i for i, line in enumerate(lines) if re.match(r"^prerequisites\s*:", line)), 0)
    value = meta["prerequisites"]
    fix_form = "write 'prerequisites:' followed by lines '  - folder/page.md' (paths under docs/)"
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        return [(key_line + 1, "'prerequisites' must be a list of page paths", fix_form)]
    try:
        steps = load_steps(docs)
    except PathError as error:
        return [(key_line + 1, f"the learning path cannot be read: {error}", "fix that line")]
    position = {step.page: step.number for step in steps}
    findings: list[Finding] = []
    for item in value:
        line = _line_of(lines, item, key_line)
        if item == page:
            findings.append(
                (line, f"the page lists itself as a prerequisite ({item})", "remove it")
            )
        elif not (docs / item).is_file():
            findings.append(
                (
                    line,
                    f"prerequisite {item} does not exist",
                    "use the page's path under docs/, such as technologies/django.md",
                )
            )
        elif page in position and item not in position:
            findings.append(
                (
                    line,
                    f"prerequisite {item} is not a step of the learning path",
                    f"name a step of docs/{PATH_PAGE} that comes before this page",
                )
            )
        elif page in position and position[item] > position[page]:
            findings.append(
                (
                    line,
                    f"prerequisite {item} is step {position[item]}, after this page "
                    f"(step {position[page]})",
                    f"name an earlier step, or move the steps in docs/{PATH_PAGE}",
                )
            )
    return findings
