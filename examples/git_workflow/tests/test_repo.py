from pathlib import Path

import pytest

from git_workflow.repo import (
    BASE_CONFIG,
    commit_file,
    conflicted_files,
    create_conflict,
    git,
    init_repo,
    resolve_conflict,
    stop_tracking,
)

OUTPUTS = Path(__file__).resolve().parents[1] / "outputs"
PROJECT_ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def repo(tmp_path):
    return init_repo(tmp_path / "repo")


def test_scratch_repo_is_not_the_project_repo(repo):
    top = Path(git(repo, "rev-parse", "--show-toplevel").stdout.strip())
    assert top == repo.resolve()
    assert top != PROJECT_ROOT


def test_commit_uses_the_configured_author(repo):
    commit_file(repo, "README.md", "# Demo\n", "docs: add readme")
    assert git(repo, "log", "-1", "--format=%an <%ae>|%s").stdout == (
        "Nexus Learner <learner@example.com>|docs: add readme\n"
    )


def test_merge_reports_the_conflict_and_leaves_markers(repo):
    merge = create_conflict(repo)
    assert merge.returncode == 1
    assert "CONFLICT (content): Merge conflict in app.cfg" in merge.stdout
    assert merge.stdout == (OUTPUTS / "merge_conflict.txt").read_text()
    assert (repo / "app.cfg").read_text() == (OUTPUTS / "conflicted_app_cfg.txt").read_text()
    assert conflicted_files(repo) == ["app.cfg"]
    assert git(repo, "status", "--short").stdout == "UU app.cfg\n"


def test_resolving_the_conflict_creates_a_merge_commit(repo):
    create_conflict(repo)
    resolved = BASE_CONFIG.replace("30", "60")  # the team agreed on the feature's value
    merge_commit = resolve_conflict(repo, "app.cfg", resolved)

    assert conflicted_files(repo) == []
    assert git(repo, "status", "--porcelain").stdout == ""
    parents = git(repo, "rev-list", "--parents", "-n", "1", merge_commit).stdout.split()
    assert len(parents) == 3  # the commit itself and its two parents
    assert git(repo, "log", "-1", "--format=%s").stdout == (
        "Merge branch 'feature/slow-clients'\n"
    )
    assert git(repo, "show", "HEAD:app.cfg").stdout == resolved


def test_resolving_with_markers_left_is_refused(repo):
    create_conflict(repo)
    with pytest.raises(ValueError, match="still contains conflict markers"):
        resolve_conflict(repo, "app.cfg", (repo / "app.cfg").read_text())
    assert conflicted_files(repo) == ["app.cfg"]


def test_abort_returns_to_the_state_before_the_merge(repo):
    create_conflict(repo)
    git(repo, "merge", "--abort")
    assert git(repo, "status", "--porcelain").stdout == ""
    assert "timeout = 45" in (repo / "app.cfg").read_text()


# --8<-- [start:secret_history]
def test_untracked_secret_stays_in_history(repo):
    commit_file(repo, ".env", "DJANGO_SECRET_KEY=abc123-real-key\n", "chore: add settings")
    stop_tracking(repo, ".env")

    assert git(repo, "ls-files").stdout == ".gitignore\n"  # no longer tracked
    assert (repo / ".env").exists()  # still on disk for local use
    assert git(repo, "check-ignore", ".env").stdout == ".env\n"  # and ignored from now on
    # But the commit that added it still holds the secret, for anyone who clones the repo:
    assert git(repo, "show", "HEAD~1:.env").stdout == "DJANGO_SECRET_KEY=abc123-real-key\n"
    assert "abc123-real-key" in git(repo, "log", "--all", "-p").stdout
# --8<-- [end:secret_history]


def test_gitignore_keeps_a_new_env_file_out_of_git_add(repo):
    commit_file(repo, ".gitignore", ".env\n", "chore: ignore .env files")
    (repo / ".env").write_text("DJANGO_SECRET_KEY=never-committed\n")
    git(repo, "add", "--all")
    assert git(repo, "status", "--porcelain").stdout == ""
    refused = git(repo, "add", ".env", check=False)
    assert refused.returncode == 1
    assert "The following paths are ignored by one of your .gitignore files:" in refused.stderr
