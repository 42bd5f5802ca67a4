"""Parse human-written durations such as ``"1h30m"``: the worked example of test-driven development.

The tests in ``tests/test_durations.py`` were written first, one at a time; this is the
code after the last refactor.
"""

import re

# --8<-- [start:parse_duration]
_SECONDS_PER_UNIT = {"h": 3600, "m": 60, "s": 1}
_PART = re.compile(r"(\d+)([hms])")
_WHOLE = re.compile(r"(?:\d+[hms])+")


def parse_duration(text: str) -> int:
    """Convert a duration like ``"1h30m"``, ``"45m"`` or ``"90s"`` to seconds.

    Args:
        text: Whole numbers, each followed by ``h``, ``m`` or ``s``; case and surrounding
            spaces are ignored.

    Returns:
        The total number of seconds.

    Raises:
        ValueError: If the text is empty or contains anything else.

    """
    cleaned = text.strip().lower()
    if not _WHOLE.fullmatch(cleaned):
        raise ValueError(f"invalid duration: {text!r}")
    return sum(int(number) * _SECONDS_PER_UNIT[unit] for number, unit in _PART.findall(cleaned))
# --8<-- [end:parse_duration]
