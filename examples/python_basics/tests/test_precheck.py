"""The pre-push checks: docstrings everywhere, shebang and executable bit on scripts."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from python_basics.precheck import SHEBANG, main, missing_docstrings, script_problems

PACKAGE = Path(__file__).resolve().parents[1]


def test_missing_docstrings_names_each_offender():
    source = (
        "def fetch(url):\n"
        "    return url\n"
        "\n"
        "\n"
        "class Client:\n"
        '    """Documented."""\n'
        "\n"
        "    def get(self):\n"
        "        return 1\n"
    )
    assert missing_docstrings(source) == [
        "module",
        "function fetch (line 1)",
        "function get (line 8)",
    ]


def test_a_documented_file_passes():
    source = '"""Module."""\n\n\nasync def fetch():\n    """Fetch."""\n'
    assert missing_docstrings(source) == []


# --8<-- [start:every_module_documented]
@pytest.mark.parametrize(
    "path",
    sorted(p for p in PACKAGE.glob("*.py")),
    ids=lambda p: p.name,
)
def test_every_module_class_and_function_has_a_docstring(path):
    assert missing_docstrings(path.read_text(encoding="utf-8")) == []
# --8<-- [end:every_module_documented]


# --8<-- [start:shebang]
def test_a_script_runs_as_dot_slash_only_with_shebang_and_executable_bit(tmp_path):
    script = tmp_path / "0-main.py"
    script.write_text('print("hello")\n', encoding="utf-8")
    assert script_problems(script) == [
        f"first line is not {SHEBANG!r}",
        "not executable (run: chmod +x 0-main.py)",
    ]
    with pytest.raises(PermissionError):
        subprocess.run([str(script)], check=True)

    script.write_text(f'{SHEBANG}\nprint("hello")\n', encoding="utf-8")
    script.chmod(0o755)
    assert script_problems(script) == []
    result = subprocess.run([str(script)], capture_output=True, text=True, check=True)
    assert result.stdout == "hello\n"
# --8<-- [end:shebang]


def test_without_a_shebang_the_kernel_refuses_to_run_it(tmp_path):
    script = tmp_path / "no_shebang.py"
    script.write_text('print("hello")\n', encoding="utf-8")
    script.chmod(0o755)
    # With no "#!" line the file is handed to /bin/sh by a shell, or refused by exec().
    with pytest.raises(OSError, match="Exec format error"):
        subprocess.run([str(script)], check=True)


def test_missing_final_newline_is_reported(tmp_path):
    script = tmp_path / "utils.py"
    script.write_text(f'{SHEBANG}\n"""Utils."""', encoding="utf-8")
    os.chmod(script, 0o755)
    assert script_problems(script) == ["no newline at end of file"]


def test_command_line_lists_problems_and_fails(tmp_path, capsys):
    script = tmp_path / "1-main.py"
    script.write_text("def f():\n    pass\n", encoding="utf-8")
    assert main([str(script)]) == 1
    assert capsys.readouterr().out.splitlines() == [
        f"{script}: first line is not {SHEBANG!r}",
        f"{script}: not executable (run: chmod +x 1-main.py)",
        f"{script}: missing docstring: module",
        f"{script}: missing docstring: function f (line 1)",
    ]


def test_command_line_is_quiet_and_succeeds_on_a_good_file(tmp_path, capsys):
    script = tmp_path / "2-main.py"
    script.write_text(f'{SHEBANG}\n"""Two."""\n', encoding="utf-8")
    script.chmod(0o755)
    assert main([str(script)]) == 0
    assert capsys.readouterr().out == ""


def test_running_as_a_module(tmp_path):
    script = tmp_path / "3-main.py"
    script.write_text("x = 1\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "python_basics.precheck", str(script)],
        cwd=PACKAGE.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert f"{script}: missing docstring: module" in result.stdout
