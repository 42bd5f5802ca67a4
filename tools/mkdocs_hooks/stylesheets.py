"""MkDocs hook: one render-blocking stylesheet per page, not five.

Material links its main and palette sheets, then each ``extra_css`` file, then mkdocstrings
adds its own on every page and the knowledge checks their plugin's: five requests that all
hold up the first paint of a page on a phone. This hook joins, in that order, Material's two
sheets, the site's own (every ``extra_css`` file under assets/stylesheets/, so a new one
joins by being listed) and mkdocs-quiz's, into ``assets/stylesheets/nexus.<hash>.css``: one
request, cached across pages, renamed whenever its content changes. overrides/main.html
links it in place of Material's, and mkdocstrings' sheet only on the pages that show
generated reference (``class="doc doc-...``).
"""

import hashlib
import re
from importlib.resources import files as package_files
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

OURS = "assets/stylesheets/"
MKDOCSTRINGS = "assets/_mkdocstrings.css"
SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=\S+ \*/")
_sheet: dict[str, str] = {}


def _material_sheets(config) -> list[Path]:
    """Material's main sheet and, with a palette, its palette sheet, as base.html links them."""
    folder = Path(package_files("material")) / "templates" / "assets" / "stylesheets"
    wanted = ["main"] + (["palette"] if config.theme.get("palette") else [])
    sheets = []
    for name in wanted:
        found = sorted(folder.glob(f"{name}.*.min.css"))
        if len(found) != 1:
            raise PluginError(
                f"Material's {name} stylesheet: expected one {name}.*.min.css in {folder}, found "
                f"{len(found)}; tools/mkdocs_hooks/stylesheets.py must learn the new layout"
            )
        sheets.append(found[0])
    return sheets


def _quiz_sheet() -> str:
    return (package_files("mkdocs_quiz") / "css" / "quiz.css").read_text(encoding="utf-8")


def on_config(config):
    docs = Path(config.docs_dir)
    ours = [path for path in config.extra_css if str(path).startswith(OURS)]
    parts = [sheet.read_text(encoding="utf-8") for sheet in _material_sheets(config)]
    for path in ours:
        source = docs / str(path)
        if not source.is_file():
            raise PluginError(f"mkdocs.yml: extra_css lists {path}, but docs/{path} does not exist")
        parts.append(f"/* {path} */\n" + source.read_text(encoding="utf-8"))
    parts.append("/* mkdocs-quiz */\n" + _quiz_sheet())
    text = "\n".join(SOURCE_MAP.sub("", part) for part in parts)
    name = f"{OURS}nexus.{hashlib.sha256(text.encode()).hexdigest()[:8]}.css"
    _sheet.clear()
    _sheet.update(name=name, text=text)
    config.extra_css = [
        path for path in config.extra_css if path not in ours and str(path) != MKDOCSTRINGS
    ]
    config.extra["nexus_stylesheet"] = name
    config.extra["nexus_mkdocstrings_stylesheet"] = MKDOCSTRINGS
    return config


def on_files(files, config):
    files.append(File.generated(config, _sheet["name"], content=_sheet["text"]))
    return files
