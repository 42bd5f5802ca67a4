#!/usr/bin/env python3
"""Add two numbers and keep a point: the bad_style.txt sample, made clean."""


def add(a: int, b: int) -> int:
    """Return the sum of a and b."""
    return a + b


class Point:
    """A point on a number line."""

    def __init__(self, x: int) -> None:
        """Store the point's coordinate."""
        self.x = x


if __name__ == "__main__":
    result = add(1, 2)  # one and two
    if result is not None:
        print(result)
