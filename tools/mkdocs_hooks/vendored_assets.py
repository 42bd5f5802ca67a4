"""MkDocs hook: fail early, with the fix, when a vendored asset is missing or changed.

Each folder under docs/assets/vendor/ holds one third-party library served with the site
(so pages work with no network) and a VERSION file naming its files, the sha256 of each
(``file: NAME`` followed by ``sha256: HEX``) and how to restore them. tests/test_supply_chain.py
runs the same check without a build.
"""

import hashlib
from pathlib import Path

from mkdocs.exceptions import PluginError

NOT_VENDORED = {"VERSION", "LICENSE"}


def recorded_files(version_file: Path) -> dict[str, str | None]:
    """{file name: the sha256 recorded after its ``file:`` line, or None}."""
    files, current = {}, None
    for line in version_file.read_text(encoding="utf-8").splitlines():
        if line.startswith("file:"):
            current = line.removeprefix("file:").split("(")[0].strip()
            files[current] = None
        elif line.startswith("sha256:") and current is not None:
            files[current] = line.removeprefix("sha256:").strip().lower()
    return files


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def vendored_problems(vendor_dir: Path, root: Path) -> list[str]:
    """One message per missing, changed, unrecorded or unhashed vendored file."""
    problems = []
    for folder in sorted(p for p in vendor_dir.iterdir() if p.is_dir()):
        rel = folder.relative_to(root)
        version_file = folder / "VERSION"
        if not version_file.is_file():
            problems.append(
                f"{rel} has no VERSION file. Add one with a 'file: NAME' and a 'sha256: HEX' line "
                f"for each file (sha256sum {rel}/*), its licence and how to restore it."
            )
            continue
        files = recorded_files(version_file)
        for name, expected in files.items():
            path = folder / name
            if not path.is_file():
                problems.append(
                    f"{rel / name} is missing. Restore it with 'git checkout -- {rel}', "
                    f"or fetch it again as {rel / 'VERSION'} describes."
                )
            elif expected is None:
                problems.append(
                    f"{rel / 'VERSION'} records no sha256 for {name}. Add the line "
                    f"'sha256: {sha256_of(path)}' after its 'file:' line, once you have checked "
                    f"the file against the published package."
                )
            elif (actual := sha256_of(path)) != expected:
                problems.append(
                    f"{rel / name} does not match the sha256 in {rel / 'VERSION'}: expected "
                    f"{expected}, got {actual}. Restore it with 'git checkout -- {rel / name}'; "
                    f"to upgrade, fetch it as VERSION describes and record the new version "
                    f"and sha256 there."
                )
        for extra in sorted(p.name for p in folder.iterdir() if p.is_file()):
            if extra not in files and extra not in NOT_VENDORED:
                problems.append(
                    f"{rel / extra} is not recorded in {rel / 'VERSION'}. Add a 'file: {extra}' "
                    f"line and its 'sha256: ...' line, or delete the file."
                )
    return problems


def on_config(config):
    vendor_dir = Path(config.docs_dir) / "assets" / "vendor"
    problems = vendored_problems(vendor_dir, Path(config.config_file_path).parent)
    if problems:
        raise PluginError("Vendored asset check failed:\n  " + "\n  ".join(problems))
    return config
