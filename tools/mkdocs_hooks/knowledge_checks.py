"""MkDocs hook: the knowledge checks (mkdocs-quiz) as cached files, with a form that prints.

mkdocs-quiz 1.7 appends to every page with a question its whole script (44 kB), its style
(10 kB), a confetti library and two configuration scripts, inline: a reader downloads them
again with every such page, and a Content-Security-Policy without 'unsafe-inline' would block
them. Each form also carries ``action="javascript:void(0);" onsubmit="return false;"``, which
its own script makes redundant (the submit handler calls preventDefault), and a hidden
progress sidebar this site does not use (scores show on the learning path instead).

This hook, running after the plugin, removes exactly what the plugin appended (compared with
the plugin's own strings, so a new plugin version that changes them fails the tests instead of
leaving a copy behind). The plugin's quiz.js is copied from the installed package into
assets/vendor/mkdocs-quiz/ at build time: it loads on every page from
extra_javascript; the style is part of the site's one stylesheet (stylesheets.py). Without
JavaScript, and on paper, the explanations show and the correct options are marked
(docs/assets/stylesheets/extra.css, overrides/main.html).
"""

import re
from importlib.resources import files as package_files

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

VENDOR = "assets/vendor/mkdocs-quiz"
SCRIPT = f"{VENDOR}/quiz.js"
FORM = '<form action="javascript:void(0);" onsubmit="return false;">'
CONFIG_SCRIPT = re.compile(
    r'<script type="text/javascript">\s*window\.mkdocsQuiz(?:Translations|Config) = .*?</script>',
    re.S,
)
QUESTION = re.compile(r'<div class="quiz[ "]')
SIDEBAR = re.compile(
    r'<div id="quiz-progress-sidebar".*?</div>\s*<nav id="quiz-progress-mobile".*?</nav>', re.S
)


class QuizMarkupChanged(RuntimeError):
    """mkdocs-quiz no longer writes what this hook rewrites: read its new output first."""


def _plugin_assets():
    from mkdocs_quiz import plugin

    return [plugin.style, plugin.confetti_lib_script, plugin.js_script]


def on_files(files, config):
    source = package_files("mkdocs_quiz") / "js" / "quiz.js"
    files.append(File.generated(config, SCRIPT, content=source.read_text(encoding="utf-8")))
    return files


@event_priority(-50)  # after the plugin (priority 0) has put its questions in
def on_page_content(html, page, config, files):
    # The plugin appends its assets to every page it processes, with questions or without.
    for asset in _plugin_assets():
        if asset:
            html = html.replace(asset, "")
    html = CONFIG_SCRIPT.sub("", html)
    html = SIDEBAR.sub("", html)
    if not QUESTION.search(html):
        return _keep_for_print(page, html)
    if FORM not in html or "<script" in html[QUESTION.search(html).start() :]:
        raise QuizMarkupChanged(
            f"{page.file.src_uri}: mkdocs-quiz's markup changed; update "
            "tools/mkdocs_hooks/knowledge_checks.py to match the installed version"
        )
    html = html.replace(FORM, '<form class="quiz-form">')
    # The script is in extra_javascript (every page, cached once): instant navigation then
    # finds it running when it brings in a page with questions, and page content holds no
    # script. The style is part of the site's one stylesheet (tools/mkdocs_hooks/stylesheets.py).
    return _keep_for_print(page, html)


def _keep_for_print(page, html):
    if hasattr(page, "html"):
        # mkdocs-print-site keeps a copy of each page's HTML for the print page (the PDF),
        # taken at the plugin's priority, before this hook: give it the rewritten one.
        page.html = html
    return html
