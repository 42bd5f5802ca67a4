import re
import subprocess
import sys
from pathlib import Path

import pytest

from git_workflow.commits import Commit, main, parse_commit_message
from git_workflow.repo import commit_file, git, init_repo

EXAMPLES = Path(__file__).resolve().parents[2]


# --8<-- [start:valid]
@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("feat: add JWT authentication", Commit("feat", None, "add JWT authentication", False)),
        ("fix(api): return 404 for no book", Commit("fix", "api", "return 404 for no book", False)),
        ("docs(readme): explain .env files", Commit("docs", "readme", "explain .env files", False)),
        ("perf(catalog): prefetch genres", Commit("perf", "catalog", "prefetch genres", False)),
        ("feat(api)!: drop the v1 endpoints", Commit("feat", "api", "drop the v1 endpoints", True)),
        (
            "refactor: rename Order.total\n\nBREAKING CHANGE: clients must read total_price",
            Commit("refactor", None, "rename Order.total", True),
        ),
    ],
)  # fmt: skip
def test_valid_messages_parse(message, expected):
    assert parse_commit_message(message) == expected
# --8<-- [end:valid]


# --8<-- [start:invalid]
@pytest.mark.parametrize(
    ("message", "reason"),
    [
        ("Added JWT auth", "expected 'type(scope): subject'"),  # no type
        ("feature: add JWT authentication", "expected 'type(scope): subject'"),  # unknown type
        ("feat:add JWT authentication", "expected 'type(scope): subject'"),  # no space
        ("feat(API): add JWT authentication", "expected 'type(scope): subject'"),  # scope case
        ("fix: correct the totals.", "does not end with a full stop"),
        ("chore: " + "x" * 70, "header is 77 characters; keep it to 72"),
    ],
)
def test_invalid_messages_are_rejected_with_a_reason(message, reason):
    with pytest.raises(ValueError, match=re.escape(reason)):
        parse_commit_message(message)
# --8<-- [end:invalid]


def test_main_ignores_git_comment_lines(tmp_path, capsys):
    message_file = tmp_path / "COMMIT_EDITMSG"
    message_file.write_text("test: cover the validator\n# Please enter the commit message\n")
    assert main([str(message_file)]) == 0
    message_file.write_text("wip\n")
    assert main([str(message_file)]) == 1
    assert capsys.readouterr().err.startswith("commit-msg: expected 'type(scope): subject'")


def test_commit_msg_hook_blocks_a_bad_commit(tmp_path):
    repo = init_repo(tmp_path / "repo")
    hook = repo / ".git" / "hooks" / "commit-msg"
    hook.write_text(
        f'#!/bin/sh\nPYTHONPATH="{EXAMPLES}" exec "{sys.executable}" -m git_workflow.commits "$1"\n'
    )
    hook.chmod(0o755)

    with pytest.raises(subprocess.CalledProcessError) as excinfo:
        commit_file(repo, "notes.txt", "hello\n", "updated stuff")
    assert "commit-msg: expected 'type(scope): subject'" in excinfo.value.stderr
    assert git(repo, "rev-list", "--all", "--count").stdout.strip() == "0"

    commit_file(repo, "notes.txt", "hello\n", "docs: add notes")
    assert git(repo, "log", "--format=%s").stdout == "docs: add notes\n"
