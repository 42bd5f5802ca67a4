"""Build the site, or a throwaway copy of it, and report what MkDocs said."""

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class BuildResult:
    returncode: int
    output: str
    site_dir: Path


def build(
    project_dir: Path = ROOT,
    site_dir: Path | None = None,
    strict: bool = True,
    extra_env: dict[str, str] | None = None,
) -> BuildResult:
    """Run ``mkdocs build`` in ``project_dir`` and capture its log."""
    site_dir = site_dir or project_dir / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir)]
    if strict:
        command.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    # Publishable builds ship diagrams as SVG; copies share the real project's drawings.
    env.setdefault("NEXUS_REQUIRE_SVG_DIAGRAMS", "1")
    env.setdefault("NEXUS_DIAGRAM_CACHE", str(ROOT / ".cache" / "diagrams"))
    # ... and its app icons, and its Workbox (node_modules is not part of a copy).
    env.setdefault("NEXUS_ICON_CACHE", str(ROOT / ".cache" / "icons"))
    env.setdefault("NEXUS_NODE_MODULES", str(ROOT / "node_modules"))
    if project_dir != ROOT:
        env["NEXUS_GIT_HISTORY"] = "false"  # a throwaway copy has no git history
    env.update(extra_env or {})
    proc = subprocess.run(
        command, cwd=project_dir, env=env, capture_output=True, text=True, timeout=600
    )
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site_dir)


def project_files(root: Path = ROOT) -> list[str]:
    """Every file of the working tree that git would commit (tracked or new, not ignored).

    Pages may include any file of the repository as a snippet, so a copy takes them all.
    """
    listing = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=root, capture_output=True, text=True, check=True,
    ).stdout
    return [name for name in listing.split("\0") if name and (root / name).is_file()]


def copy_project(destination: Path) -> Path:
    """Copy the project into ``destination``, for tests that plant a defect in the copy."""
    for name in project_files():
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    return destination
