"""Find anything that would make a reader's browser fetch from another host.

Usage: ``python -m tools.remote_assets``; prints ``path:line: URL`` for each offender and
exits 1 when there is any. It reads the pages (Markdown images, raw tags), the theme
overrides, the stylesheets and scripts under docs/, and mkdocs.yml (extra_css,
extra_javascript, theme fonts). Links a reader clicks are fine; assets are not.
"""

import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REMOTE = r"(?:https?:)?//[^\s\"')>]+"
PATTERNS = {
    ".md": [
        re.compile(rf"!\[[^\]]*\]\((?P<url>{REMOTE})"),  # Markdown image
        re.compile(
            rf"<(?:img|script|link|source|video|audio|iframe)\b[^>]*\b(?:src|href)=\"(?P<url>{REMOTE})\"",
            re.I,
        ),
    ],
    ".html": [
        re.compile(
            rf"<(?:img|script|link|source|video|audio|iframe)\b[^>]*\b(?:src|href)=\"(?P<url>{REMOTE})\"",
            re.I,
        ),
        re.compile(rf"\burl\(\s*['\"]?(?P<url>{REMOTE})"),
    ],
    ".css": [
        re.compile(rf"@import\s+(?:url\()?\s*['\"]?(?P<url>{REMOTE})"),
        re.compile(rf"\burl\(\s*['\"]?(?P<url>{REMOTE})"),
    ],
    ".js": [
        re.compile(rf"(?:import\s*\(|from\s+|fetch\(|\.src\s*=)\s*['\"](?P<url>{REMOTE})['\"]"),
    ],
}
VENDOR = "docs/assets/vendor"


@dataclass(frozen=True)
class RemoteAsset:
    path: str
    line: int
    url: str

    def __str__(self) -> str:
        return (
            f"{self.path}:{self.line}: loads {self.url} from another host at reading time\n"
            f"    fix: download it into {VENDOR}/<name>/ with its LICENSE and a VERSION file, "
            "and reference the local copy"
        )


def scan_text(path: str, text: str, suffix: str) -> list[RemoteAsset]:
    found: dict[RemoteAsset, None] = {}  # ordered and without repeats (patterns overlap)
    for number, line in enumerate(text.splitlines(), start=1):
        for pattern in PATTERNS.get(suffix, []):
            found.update(
                {RemoteAsset(path, number, m.group("url")): None for m in pattern.finditer(line)}
            )
    return list(found)


def scan_config(path: Path, rel: str) -> list[RemoteAsset]:
    found = []
    lines = path.read_text().splitlines()
    section = None
    for number, line in enumerate(lines, start=1):
        key = re.match(r"^(\w[\w_]*):", line)
        if key:
            section = key.group(1)
        # "- URL", "- path: URL" and "  path: URL" (entries with defer/async options)
        item = re.match(rf"^\s*(?:-\s*(?:path:\s*)?|path:\s*)['\"]?(?P<url>{REMOTE})", line)
        if item and section in ("extra_css", "extra_javascript"):
            found.append(RemoteAsset(rel, number, item.group("url")))
        font = re.match(r"^\s+font:\s*(?P<value>.*)$", line)
        if section == "theme" and font and font.group("value").strip() not in ("false", "False"):
            found.append(RemoteAsset(rel, number, "fonts.googleapis.com (theme.font is not false)"))
    return found


def scan(root: Path = ROOT) -> list[RemoteAsset]:
    found = scan_config(root / "mkdocs.yml", "mkdocs.yml")
    folders = [root / "docs", root / "overrides"]
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix not in PATTERNS or not path.is_file():
                continue
            if path.is_relative_to(root / VENDOR):
                continue  # third-party code, reviewed when vendored
            found += scan_text(str(path.relative_to(root)), path.read_text(), path.suffix)
    return found


def main() -> int:
    found = scan()
    for asset in found:
        print(asset)
    print(f"remote assets: {len(found)}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
