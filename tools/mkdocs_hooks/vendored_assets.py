"""MkDocs hook: fail early, with the fix, when a vendored asset is missing.

Each folder under docs/assets/vendor/ holds one third-party library served with the site
(so pages work with no network) and a VERSION file naming its files and how to restore them.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError


def on_config(config):
    vendor_dir = Path(config.docs_dir) / "assets" / "vendor"
    problems = []
    for version_file in sorted(vendor_dir.glob("*/VERSION")):
        for line in version_file.read_text().splitlines():
            if line.startswith("file:"):
                name = line.removeprefix("file:").split("(")[0].strip()
                if not (version_file.parent / name).is_file():
                    rel = version_file.parent.relative_to(Path(config.config_file_path).parent)
                    problems.append(
                        f"{rel / name} is missing. Restore it with 'git checkout -- {rel}', "
                        f"or fetch it again as {rel / 'VERSION'} describes."
                    )
    if problems:
        raise PluginError("Vendored asset check failed:\n  " + "\n  ".join(problems))
    return config
