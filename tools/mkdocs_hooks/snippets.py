"""MkDocs hook: snippets include only what tools/snippet_policy.py allows, and fail in one line.

pymdownx.snippets reads any file under its base path, the repository root here: with
``restrict_base_path`` it keeps paths inside the root (``/etc/hostname`` and ``../`` are not
found), but ``.git/config`` or a local ``.env`` would be published. This hook swaps the
extension for a subclass whose ``get_snippet_path`` asks the policy first, so the build and
the content check refuse the same paths, with the same message.

A missing file or section, which pymdownx reports as a traceback, becomes a build error
naming the page (or the including file), the line and the fix.
"""

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from pymdownx.snippets import SnippetExtension, SnippetMissingError, SnippetPreprocessor

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the project root, for tools.*

from tools import snippet_policy  # noqa: E402
from tools.content_check import UTF8_FIX  # noqa: E402

NAME = "pymdownx.snippets"
# What the policy assumes of mkdocs.yml: paths from the root, nothing outside it, no
# download, and a missing file is an error.
REQUIRED = {"base_path": ["."], "restrict_base_path": True, "check_paths": True,
            "url_download": False}

_page: dict[str, Path] = {}  # the source file and the docs folder of the page being rendered


class SnippetRefused(SnippetMissingError):
    """The policy refuses the path: carries (message, fix)."""


class PolicySnippetPreprocessor(SnippetPreprocessor):
    root: Path
    spec = ""

    def parse_snippet_target(self, path):
        self.spec = path  # the include as written, to find its line if it fails
        return super().parse_snippet_target(path)

    def get_snippet_path(self, path):
        if refused := snippet_policy.refusal(path, self.root):
            raise SnippetRefused(*refused)
        return super().get_snippet_path(path)

    def read_lines(self, path):
        try:
            return super().read_lines(path)
        except UnicodeDecodeError as error:
            raise SnippetRefused(
                f"snippet {Path(path).relative_to(self.root)} is not valid UTF-8 ({error.reason} "
                f"at byte {error.start})",
                UTF8_FIX,
            ) from None

    def parse_snippets(self, lines, file_name=None, is_url=False, is_section=False):
        try:
            return super().parse_snippets(lines, file_name, is_url, is_section)
        except SnippetMissingError as error:
            raise PluginError(self.explain(error, file_name)) from None

    def explain(self, error: SnippetMissingError, file_name: str | None) -> str:
        source = Path(file_name) if file_name else _page.get("source")
        path, selector = snippet_policy.split_spec(self.spec)
        if isinstance(error, SnippetRefused):
            message, fix = error.args
        elif str(error).startswith("Snippet section"):
            message = f"snippet section '{selector}' has no [start:{selector}] in {path}"
            fix = (
                f"add '# --8<-- [start:{selector}]' and '# --8<-- [end:{selector}]' lines "
                f"around the code in {path}"
            )
        else:
            message = f"snippet file {path} does not exist"
            fix = "snippet paths start at the repository root, e.g. examples/catalog/queries.py"
        where = "a page"
        if source is not None:
            where = source.relative_to(self.root).as_posix() if source.is_relative_to(
                self.root) else str(source)
            if source.is_file():
                text = source.read_text(encoding="utf-8", errors="replace").splitlines()
                number = next(
                    (n for n, line in enumerate(text, start=1) if self.spec in line), None
                )
                where += f":{number}" if number else ""
        return f"{where}: {message}\n  fix: {fix}"


class PolicySnippetExtension(SnippetExtension):
    def __init__(self, root: Path, **options):
        self.root = root
        super().__init__(**options)

    def extendMarkdown(self, md):
        self.md = md
        md.registerExtension(self)
        preprocessor = PolicySnippetPreprocessor(self.getConfigs(), md)
        preprocessor.root = self.root
        md.preprocessors.register(preprocessor, "snippet", 32)


@event_priority(100)  # before plugins (mkdocstrings, mkdocs-quiz) read the extension list
def on_config(config):
    root = Path(config.config_file_path).parent
    options = dict(config.mdx_configs.get(NAME) or {})
    effective = SnippetExtension(**options).getConfigs()
    wrong = {key: effective[key] for key, value in REQUIRED.items() if effective[key] != value}
    if NAME not in config.markdown_extensions or wrong:
        raise PluginError(
            f"mkdocs.yml: {NAME} must be configured with {REQUIRED} for the snippet policy "
            f"(tools/snippet_policy.py); found {wrong or 'no ' + NAME}"
        )
    # The root, not the directory mkdocs was started from, whatever the command line.
    options["base_path"] = [str(root)]
    index = config.markdown_extensions.index(NAME)
    config.markdown_extensions[index] = PolicySnippetExtension(root, **options)
    return config


@event_priority(-100)  # the last change to the Markdown before it is rendered
def on_page_markdown(markdown, page, config, files):
    _page["source"] = Path(page.file.abs_src_path) if page.file.abs_src_path else None
    return markdown
