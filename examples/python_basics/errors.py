"""The exceptions of the product importer: one base class, one subclass per kind of failure.

Callers catch ``ProductImportError`` to handle every import problem in one place, or a
subclass when they can do something specific about it.
"""


# --8<-- [start:hierarchy]
class ProductImportError(Exception):
    """Base class: anything that stops a product file from being imported."""


class MissingColumnError(ProductImportError):
    """The header row lacks one or more required columns."""

    def __init__(self, missing: list[str]) -> None:
        """Keep the missing column names for callers and build the message."""
        self.missing = missing
        super().__init__(f"missing column(s): {', '.join(missing)}")


class InvalidRowError(ProductImportError):
    """One data row cannot be turned into a product."""

    def __init__(self, line: int, reason: str) -> None:
        """Keep the line number and reason for callers and build the message."""
        self.line = line
        self.reason = reason
        super().__init__(f"line {line}: {reason}")
# --8<-- [end:hierarchy]
