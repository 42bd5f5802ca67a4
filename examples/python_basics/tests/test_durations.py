"""parse_duration, built test-first: each section below was one red-green-refactor turn."""

import pytest

from python_basics.durations import parse_duration


# --8<-- [start:step1]
def test_minutes():
    assert parse_duration("45m") == 45 * 60
# --8<-- [end:step1]


# --8<-- [start:step2]
def test_hours_and_minutes():
    assert parse_duration("1h30m") == 90 * 60
# --8<-- [end:step2]


# --8<-- [start:step3]
@pytest.mark.parametrize("text", ["", "abc", "90", "1h30", "1.5h", "-5m", "1d"])
def test_rejects_anything_else(text):
    with pytest.raises(ValueError, match="invalid duration"):
        parse_duration(text)
# --8<-- [end:step3]


# --8<-- [start:step4]
@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("90s", 90),
        ("2h", 7200),
        ("1h1m1s", 3661),
        (" 1H30M ", 5400),  # case and surrounding spaces are ignored
        ("30m1h", 5400),  # order does not matter
    ],
)
def test_other_valid_durations(text, seconds):
    assert parse_duration(text) == seconds
# --8<-- [end:step4]
