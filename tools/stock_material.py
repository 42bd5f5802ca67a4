"""A stock Material for MkDocs build of the same pages, the baseline of ``make benchmark``.

Stock means what a new project gets from the stack the site is built on and nothing of
Nexus's own: ``theme: material`` with its defaults (no features, no palette toggle, no
overrides, no extra CSS or JavaScript), the search plugin as it ships, mkdocstrings and
mkdocs-mermaid2-plugin (the vendored Mermaid, so nothing is fetched from a CDN), and the
same Markdown extensions, so every page renders the same content. None of the hooks in
tools/mkdocs_hooks/, and none of the plugins that only Nexus uses (tags, awesome-nav,
git dates and authors, quiz, offline, print-site).
"""

import re
import subprocess
import sys
from pathlib import Path

from tools.sitebuild import ROOT, BuildResult

CONFIG = ROOT / "mkdocs.yml"


def _markdown_extensions() -> str:
    """The ``markdown_extensions:`` block of mkdocs.yml, as written there."""
    text = CONFIG.read_text(encoding="utf-8")
    match = re.search(r"^markdown_extensions:\n(?:(?:[ \t].*|)\n)+", text, re.M)
    if match is None:
        raise SystemExit(f"{CONFIG}: no markdown_extensions block to copy into the stock build")
    return match.group(0)


def _mkdocstrings() -> str:
    """The mkdocstrings plugin entry of mkdocs.yml, so ``:::`` blocks render the same."""
    text = CONFIG.read_text(encoding="utf-8")
    match = re.search(r"^  - mkdocstrings:\n(?:(?: {4,}.*|)\n)+", text, re.M)
    if match is None:
        raise SystemExit(f"{CONFIG}: no mkdocstrings plugin entry to copy into the stock build")
    # Its paths are relative to the configuration file, which the stock build keeps elsewhere.
    return match.group(0).replace("paths: [examples]", f"paths: [{ROOT / 'examples'}]")


def write_config(folder: Path) -> Path:
    config = folder / "mkdocs.yml"
    config.write_text(
        f"""site_name: Project Nexus (stock Material)
site_url: https://example.org/stock/
docs_dir: {ROOT / "docs"}
theme:
  name: material
plugins:
  - search
  - mermaid2:
      javascript: assets/vendor/mermaid/mermaid.min.js
{_mkdocstrings()}
{_markdown_extensions()}
exclude_docs: |
  includes/
  **/.nav.yml
""",
        encoding="utf-8",
    )
    return config


def build_stock(folder: Path, site_dir: Path) -> BuildResult:
    """Build the stock site from the repository root (snippet paths are relative to it)."""
    folder.mkdir(parents=True, exist_ok=True)
    config = write_config(folder)
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site_dir)],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1", "HOME": "/tmp"},
        capture_output=True,
        text=True,
        timeout=600,
    )
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, site_dir)
