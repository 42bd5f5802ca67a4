"""Working code that a checker fails: style, docstrings, shebang and mode, file names."""

import json
import subprocess
import sys
from pathlib import Path

from python_basics.precheck import main, missing_docstrings, script_problems

BEFORE = Path(__file__).resolve().parents[2] / "python_basics" / "samples" / "bad_style.txt"
AFTER = Path(__file__).resolve().parents[1] / "checker_style.py"
OUTPUT = Path(__file__).resolve().parents[1] / "outputs" / "checker_precheck.txt"


def pycodestyle_codes(path):
    """pycodestyle's checks at 79 columns, run through ruff's preview rules."""
    proc = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--isolated", "--no-cache", "--preview",
         "--select", "E,W", "--line-length", "79", "--output-format", "json", str(path)],
        capture_output=True, text=True, check=False,
    )
    return sorted({item["code"] for item in json.loads(proc.stdout)})


def test_precheck_prints_what_the_page_shows(tmp_path, monkeypatch, capsys):
    (tmp_path / "bad_style.py").write_text(BEFORE.read_text())
    monkeypatch.chdir(tmp_path)
    assert main(["bad_style.py"]) == 1
    assert capsys.readouterr().out == OUTPUT.read_text()


# --8<-- [start:tests]
def test_the_before_file_fails_style_and_docstrings_and_the_after_file_passes(tmp_path):
    before = tmp_path / "bad_style.py"
    before.write_text(BEFORE.read_text())
    assert pycodestyle_codes(before) == [
        "E203", "E225", "E226", "E231", "E261", "E302", "E305", "E401", "E501", "E711",
    ]
    assert missing_docstrings(BEFORE.read_text()) == [
        "module", "function add (line 2)", "class point (line 4)", "function __init__ (line 5)",
    ]
    assert pycodestyle_codes(AFTER) == []
    assert missing_docstrings(AFTER.read_text()) == []


def test_the_after_file_runs_as_dot_slash_like_the_checker_runs_it():
    assert script_problems(AFTER) == []
    proc = subprocess.run([str(AFTER)], capture_output=True, text=True, check=True)
    assert proc.stdout == "3\n"


def test_a_misnamed_file_is_not_found_by_the_checker(tmp_path):
    (tmp_path / "0_add.py").write_text((AFTER).read_text())  # the task asked for 0-add.py
    proc = subprocess.run(
        [sys.executable, "-c", 'print(__import__("0-add").add(1, 2))'],
        cwd=tmp_path, capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines()[-1] == "ModuleNotFoundError: No module named '0-add'"
    (tmp_path / "0_add.py").rename(tmp_path / "0-add.py")
    proc = subprocess.run(
        [sys.executable, "-c", 'print(__import__("0-add").add(1, 2))'],
        cwd=tmp_path, capture_output=True, text=True, check=True,
    )
    assert proc.stdout == "3\n"
# --8<-- [end:tests]
