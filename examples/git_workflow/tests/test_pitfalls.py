"""The git-workflow page's pitfalls, reproduced in scratch repositories with their real errors."""

import pytest

from git_workflow.repo import commit_file, create_conflict, git, init_repo


@pytest.fixture
def two_clones(tmp_path):
    """A bare "GitHub" remote and two clones that both have its first commit."""
    remote = tmp_path / "remote.git"
    remote.mkdir()
    git(remote, "init", "--bare", "--initial-branch=main")
    alice, bob = tmp_path / "alice", tmp_path / "bob"
    git(tmp_path, "clone", str(remote), "alice")
    commit_file(alice, "README.md", "# Shop\n", "docs: add readme")
    git(alice, "push", "origin", "main")
    git(tmp_path, "clone", str(remote), "bob")
    return alice, bob


def test_push_is_rejected_when_the_remote_moved_on(two_clones):
    alice, bob = two_clones
    commit_file(alice, "README.md", "# Shop\n\nRun it with Docker.\n", "docs: explain docker")
    git(alice, "push", "origin", "main")
    commit_file(bob, "cart.txt", "cart\n", "feat(cart): add cart")

    push = git(bob, "push", "origin", "main", check=False)
    assert push.returncode == 1
    assert " ! [rejected]        main -> main (fetch first)" in push.stderr
    assert "error: failed to push some refs to" in push.stderr

    pull = git(bob, "pull", "origin", "main", check=False)
    assert pull.returncode == 128
    assert "fatal: Need to specify how to reconcile divergent branches." in pull.stderr

    git(bob, "pull", "--rebase", "origin", "main")
    git(bob, "push", "origin", "main")
    log = git(bob, "log", "--format=%s").stdout.splitlines()
    assert log == ["feat(cart): add cart", "docs: explain docker", "docs: add readme"]


def test_merging_unrelated_histories_is_refused(tmp_path, two_clones):
    alice, _ = two_clones
    fresh = init_repo(tmp_path / "fresh")
    commit_file(fresh, "notes.txt", "notes\n", "chore: start over")
    git(fresh, "fetch", str(alice), "main")
    merge = git(fresh, "merge", "FETCH_HEAD", check=False)
    assert merge.returncode == 128
    assert merge.stderr == "fatal: refusing to merge unrelated histories\n"


def test_uncommitted_changes_block_a_merge(tmp_path):
    repo = init_repo(tmp_path / "repo")
    commit_file(repo, "app.cfg", "timeout = 30\n", "feat: add config")
    git(repo, "switch", "--create", "feature")
    commit_file(repo, "app.cfg", "timeout = 60\n", "perf: longer timeout")
    git(repo, "switch", "main")
    (repo / "app.cfg").write_text("timeout = 45\n")  # edited, not committed

    merge = git(repo, "merge", "feature", check=False)
    assert merge.returncode == 1
    assert merge.stderr.startswith(
        "error: Your local changes to the following files would be overwritten by merge:\n"
    )
    assert (repo / "app.cfg").read_text() == "timeout = 45\n"  # nothing was lost


def test_diff_check_catches_leftover_conflict_markers(tmp_path):
    repo = init_repo(tmp_path / "repo")
    create_conflict(repo)
    git(repo, "add", "app.cfg")  # staged with the markers still in it
    check = git(repo, "diff", "--cached", "--check", check=False)
    assert check.returncode == 2
    assert "app.cfg:3: leftover conflict marker" in check.stdout
