"""Build the site, or a throwaway copy of it, and report what MkDocs said."""

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What a build reads: the configuration, the pages, and the files snippets pull in.
PROJECT_PARTS = ["mkdocs.yml", "docs", "examples", "diagrams", "overrides", "tools/mkdocs_hooks"]
IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", "db.sqlite3", "staticfiles")


@dataclass
class BuildResult:
    returncode: int
    output: str
    site_dir: Path


def build(
    project_dir: Path = ROOT, site_dir: Path | None = None, strict: bool = True
) -> BuildResult:
    """Run ``mkdocs build`` in ``project_dir`` and capture its log."""
    site_dir = site_dir or project_dir / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site_dir)]
    if strict:
        command.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    if project_dir != ROOT:
        env["NEXUS_GIT_HISTORY"] = "false"  # a throwaway copy has no git history
    proc = subprocess.run(
        command, cwd=project_dir, env=env, capture_output=True, text=True, timeout=600
    )
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site_dir)


def copy_project(destination: Path) -> Path:
    """Copy what a build needs into ``destination``, for tests that plant a defect."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=IGNORE)
        elif source.exists():
            shutil.copy2(source, destination / part)
    return destination
