"""Catch what automated project checkers reject before you push: docstrings, shebang, mode.

Checkers of the kind the program uses run ``pycodestyle`` and also check that every module,
class and function has a docstring, and that runnable files start with a shebang and are
executable. This script checks the last three for the files you name::

    python -m python_basics.precheck 0-main.py utils.py
"""

import argparse
import ast
import os
from pathlib import Path

SHEBANG = "#!/usr/bin/env python3"


# --8<-- [start:missing_docstrings]
def missing_docstrings(source: str) -> list[str]:
    """List the module, classes and functions in some Python source that have no docstring.

    Args:
        source: The text of a Python file.

    Returns:
        Descriptions such as ``"module"`` or ``"function fetch (line 3)"``, in file order.

    """
    tree = ast.parse(source)
    missing = [] if ast.get_docstring(tree) else ["module"]
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            if not ast.get_docstring(node):
                kind = "class" if isinstance(node, ast.ClassDef) else "function"
                missing.append(f"{kind} {node.name} (line {node.lineno})")
    return missing
# --8<-- [end:missing_docstrings]


# --8<-- [start:script_problems]
def script_problems(path: Path) -> list[str]:
    """List why a file would fail a checker that runs it as ``./file.py``.

    Args:
        path: The file to inspect.

    Returns:
        Human-readable problems; empty when the file is fine.

    """
    problems = []
    text = path.read_text(encoding="utf-8")
    if text.splitlines()[:1] != [SHEBANG]:
        problems.append(f"first line is not {SHEBANG!r}")
    if not os.access(path, os.X_OK):
        problems.append("not executable (run: chmod +x " + path.name + ")")
    if text and not text.endswith("\n"):
        problems.append("no newline at end of file")
    return problems
# --8<-- [end:script_problems]


def main(argv: list[str] | None = None) -> int:
    """Check each file and print one line per problem.

    Args:
        argv: File paths (``sys.argv[1:]`` when None).

    Returns:
        0 when no file has a problem, 1 otherwise.

    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args(argv)
    found = 0
    for path in args.files:
        problems = script_problems(path)
        problems += [f"missing docstring: {m}" for m in missing_docstrings(path.read_text())]
        for problem in problems:
            print(f"{path}: {problem}")
        found += len(problems)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
