"""Run deploy.validate's validators on the before/after files: a missing tool fails, never skips."""

from pathlib import Path

import pytest
from deploy import validate
from deploy.validate import DEPLOY, ROOT, ValidatorMissing

CONFIGS = Path(__file__).resolve().parents[1] / "configs"
OUTPUTS = Path(__file__).resolve().parents[1] / "outputs"
__all__ = ["CONFIGS", "DEPLOY", "OUTPUTS", "ROOT", "check", "shown"]


def check(name: str, path: Path) -> tuple[int, str]:
    """Run one validator of deploy.validate (hadolint, actionlint, ...) on a file."""
    try:
        return getattr(validate, name)(path)
    except ValidatorMissing as exc:
        pytest.fail(str(exc), pytrace=False)


def shown(output: str, path: Path) -> str:
    """The output with the file's path written relative to the repository root."""
    return output.replace(str(path), str(path.relative_to(ROOT)))
