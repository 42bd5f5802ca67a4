"""A conventional-commit message checker: ``type(scope)!: subject``.

Run it as a Git ``commit-msg`` hook with ``python -m git_workflow.commits FILE``.
"""

import re
import sys
from dataclasses import dataclass
from pathlib import Path

# --8<-- [start:validator]
TYPES = (
    "feat", "fix", "perf", "refactor", "revert",  # changes to the code's behaviour or shape
    "docs", "style", "test", "build", "ci", "chore",  # everything around the code
)
HEADER = re.compile(
    rf"^(?P<type>{'|'.join(TYPES)})"  # what kind of change
    r"(?:\((?P<scope>[a-z0-9][a-z0-9_/-]*)\))?"  # optional scope: fix(api): ...
    r"(?P<breaking>!)?"  # feat!: ... marks a breaking change
    r": (?P<subject>\S.*)$"  # colon, one space, then the subject
)
MAX_HEADER = 72


@dataclass(frozen=True)
class Commit:
    type: str
    scope: str | None
    subject: str
    breaking: bool


def parse_commit_message(message: str) -> Commit:
    """Parse a commit message, or explain why it is not a conventional commit.

    Args:
        message: The whole message: header line, then optional body and footers.

    Returns:
        The parsed header. ``breaking`` is true for ``type!:`` or a ``BREAKING CHANGE:`` footer.

    Raises:
        ValueError: If the header does not follow ``type(scope): subject``.

    """
    header, _, body = message.strip().partition("\n")
    if len(header) > MAX_HEADER:
        raise ValueError(f"header is {len(header)} characters; keep it to {MAX_HEADER}")
    match = HEADER.match(header)
    if match is None:
        raise ValueError(f"expected 'type(scope): subject' with a type from {', '.join(TYPES)}")
    if match["subject"].endswith("."):
        raise ValueError("the subject does not end with a full stop")
    footer_breaking = re.search(r"^BREAKING[ -]CHANGE: ", body, flags=re.MULTILINE) is not None
    return Commit(
        type=match["type"],
        scope=match["scope"],
        subject=match["subject"],
        breaking=match["breaking"] is not None or footer_breaking,
    )
# --8<-- [end:validator]


# --8<-- [start:hook]
def main(argv: list[str] | None = None) -> int:
    """Check the message file Git passes to a ``commit-msg`` hook.

    Args:
        argv: The command-line arguments; ``argv[0]`` is the message file's path.

    Returns:
        0 when the message is valid, 1 (which makes Git abort the commit) when not.

    """
    path = Path((sys.argv[1:] if argv is None else argv)[0])
    lines = path.read_text().splitlines()
    # Git adds "# ..." help lines to the file; they are not part of the message.
    message = "\n".join(line for line in lines if not line.startswith("#"))
    try:
        parse_commit_message(message)
    except ValueError as error:
        print(f"commit-msg: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
# --8<-- [end:hook]
