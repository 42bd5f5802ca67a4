"""Run Git in a scratch repository: commits, a merge conflict and its resolution."""

import os
import subprocess
from pathlib import Path

AUTHOR_NAME = "Nexus Learner"
AUTHOR_EMAIL = "learner@example.com"


# --8<-- [start:git]
def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run one ``git`` command inside ``repo`` and capture its output.

    The environment is scrubbed so the command cannot reach another repository or the
    user's own Git configuration: ``GIT_DIR`` and friends (set inside Git hooks) are
    dropped, global and system config are ignored, and messages are in English.

    Args:
        repo: The repository's working directory.
        *args: The Git subcommand and its arguments, e.g. ``"commit", "-m", "feat: x"``.
        check: Raise :class:`subprocess.CalledProcessError` on a non-zero exit.

    Returns:
        The finished process, with ``stdout`` and ``stderr`` as text.

    """
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    env.update(GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull, LC_ALL="C")
    command = ["git", "-c", f"user.name={AUTHOR_NAME}", "-c", f"user.email={AUTHOR_EMAIL}"]
    return subprocess.run(
        [*command, "-C", str(repo), *args], env=env, capture_output=True, text=True, check=check
    )
# --8<-- [end:git]


def init_repo(path: Path) -> Path:
    """Create an empty repository whose first branch is ``main``.

    Args:
        path: The directory to create the repository in (created if missing).

    Returns:
        The same path, for chaining.

    """
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "--initial-branch=main")
    return path


def commit_file(repo: Path, name: str, content: str, message: str) -> str:
    """Write ``content`` to ``name``, stage it and commit it.

    Args:
        repo: The repository.
        name: The file's path inside the repository.
        content: The file's new content.
        message: The commit message.

    Returns:
        The new commit's hash.

    """
    (repo / name).write_text(content)
    git(repo, "add", name)
    git(repo, "commit", "-m", message)
    return git(repo, "rev-parse", "HEAD").stdout.strip()


BASE_CONFIG = "[server]\nport = 8000\ntimeout = 30\nworkers = 2\n"


# --8<-- [start:conflict]
def create_conflict(repo: Path) -> subprocess.CompletedProcess[str]:
    """Change the same line on two branches, then merge one into the other.

    Args:
        repo: An empty repository made by :func:`init_repo`.

    Returns:
        The failed ``git merge`` process; ``app.cfg`` is left with conflict markers.

    """
    commit_file(repo, "app.cfg", BASE_CONFIG, "feat(config): add server settings")
    git(repo, "switch", "--create", "feature/slow-clients")
    commit_file(
        repo, "app.cfg", BASE_CONFIG.replace("30", "60"), "perf(config): wait 60 s for clients"
    )
    git(repo, "switch", "main")
    commit_file(
        repo, "app.cfg", BASE_CONFIG.replace("30", "45"), "fix(config): raise timeout to 45 s"
    )
    return git(repo, "merge", "feature/slow-clients", check=False)
# --8<-- [end:conflict]


def conflicted_files(repo: Path) -> list[str]:
    """Paths Git lists as unmerged (both sides changed them).

    Args:
        repo: The repository, in the middle of a merge.

    Returns:
        The unmerged paths, sorted.

    """
    out = git(repo, "diff", "--name-only", "--diff-filter=U").stdout
    return sorted(out.split())


# --8<-- [start:resolve]
def resolve_conflict(repo: Path, name: str, content: str) -> str:
    """Finish a conflicted merge: write the resolved file, stage it, commit the merge.

    Args:
        repo: The repository, in the middle of a merge.
        name: The conflicted file.
        content: The resolved content, with no conflict markers left.

    Returns:
        The merge commit's hash.

    Raises:
        ValueError: If ``content`` still contains conflict markers.

    """
    if any(line.startswith(("<<<<<<<", "=======", ">>>>>>>")) for line in content.splitlines()):
        raise ValueError(f"{name} still contains conflict markers")
    (repo / name).write_text(content)
    git(repo, "add", name)
    git(repo, "commit", "--no-edit")  # keeps Git's "Merge branch ..." message
    return git(repo, "rev-parse", "HEAD").stdout.strip()
# --8<-- [end:resolve]


# --8<-- [start:untrack]
def stop_tracking(repo: Path, name: str) -> None:
    """Remove a committed file from Git but keep it on disk, and ignore it from now on.

    Args:
        repo: The repository.
        name: The file to stop tracking, e.g. ``.env``.

    """
    with (repo / ".gitignore").open("a") as gitignore:
        gitignore.write(f"{name}\n")
    git(repo, "rm", "--cached", name)
    git(repo, "add", ".gitignore")
    git(repo, "commit", "-m", f"chore: stop tracking {name}")
# --8<-- [end:untrack]
