"""What the linters report on samples/bad_style.txt, copied to a temporary .py file.

The sample is kept as .txt so that the repository's own ``ruff check`` never sees it.
"""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "bad_style.txt"


@pytest.fixture
def bad_file(tmp_path):
    path = tmp_path / "bad_style.py"
    shutil.copy(SAMPLE, path)
    return path


def ruff_codes(path, *options):
    """Run ruff without the repository's settings and return the rule codes it reports."""
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--isolated", "--no-cache",
         "--output-format", "json", *options, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr  # 1 means "violations found"
    return sorted({item["code"] for item in json.loads(result.stdout)})


# --8<-- [start:ruff_vs_pycodestyle]
def test_stable_ruff_checks_only_part_of_pycodestyle(bad_file):
    # ruff's stable E/W rules skip the whitespace and blank-line checks...
    assert ruff_codes(bad_file, "--select", "E,W", "--line-length", "79") == [
        "E401", "E501", "E711",
    ]


def test_preview_ruff_adds_whitespace_and_blank_line_rules(bad_file):
    # ...which pycodestyle (and so the checker) reports: E203, E225, E231, E261, E302, E305.
    assert ruff_codes(bad_file, "--select", "E,W", "--line-length", "79", "--preview") == [
        "E203", "E225", "E226", "E231", "E261", "E302", "E305", "E401", "E501", "E711",
    ]
# --8<-- [end:ruff_vs_pycodestyle]


def test_docstring_and_naming_rules(bad_file):
    assert ruff_codes(bad_file, "--select", "D1,N") == ["D100", "D101", "D103", "D107", "N801"]


def test_the_repository_line_length_hides_what_79_columns_would_catch(bad_file):
    assert "E501" not in ruff_codes(bad_file, "--select", "E", "--line-length", "100")
