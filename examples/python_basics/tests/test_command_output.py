"""Run ``python -m python_basics`` for real and compare with the output the page shows."""

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2]
OUTPUTS = EXAMPLES / "python_basics" / "outputs"


@pytest.mark.parametrize(
    ("args", "exit_code", "expected"),
    [
        (["--skip-bad-rows"], 0, "import_skip_bad_rows.txt"),
        ([], 1, "import_strict.txt"),
    ],
)
def test_command_prints_what_the_page_shows(args, exit_code, expected):
    result = subprocess.run(
        [sys.executable, "-m", "python_basics", "python_basics/samples/products.csv", *args],
        cwd=EXAMPLES,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == exit_code
    shown = (OUTPUTS / expected).read_text()
    # In a terminal the log lines (stderr) appear before the summary (stdout).
    assert shown == result.stderr + result.stdout, (
        f"The page shows examples/python_basics/outputs/{expected}; refresh it from:\n"
        f"{result.stderr}{result.stdout}"
    )


def test_the_unittest_runner_runs_the_unittest_file():
    result = subprocess.run(
        [sys.executable, "-m", "unittest", "python_basics.tests.test_utils_unittest", "-v"],
        cwd=EXAMPLES,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Ran 3 tests" in result.stderr
    assert result.stderr.rstrip().endswith("OK")
