"""MkDocs hook: make the offline build (NEXUS_OFFLINE=true) need no other host.

Material's offline plugin makes pages work from file://, but loads its search shim from
unpkg.com. Pointing the polyfills at the vendored copy first stops that.
"""

import logging
from pathlib import Path

from mkdocs.plugins import event_priority

SHIM = "assets/vendor/iframe-worker/shim.js"


class _HooksAreNotPlugins(logging.Filter):
    """Drop print-site's one false warning that it is not the last plugin.

    print-site 2.9 counts MkDocs hooks as plugins listed after it, though it is the last
    plugin in mkdocs.yml.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return "'print-site' should be defined as the *last* plugin" not in record.getMessage()


logging.getLogger("mkdocs.plugins").addFilter(_HooksAreNotPlugins())


@event_priority(100)  # before the offline plugin appends the unpkg.com address
def on_config(config):
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    if offline is not None and offline.config.enabled:
        config.extra["polyfills"] = [SHIM]
    return config


MERMAID = "assets/vendor/mermaid/mermaid.min.js"

# Material renders diagrams over http(s) but leaves them as source when a page is opened
# from file://; in the offline copy, render whatever it left.
FILE_URL_DIAGRAMS = """<script>
document.addEventListener("DOMContentLoaded", function () {
  setTimeout(function () {
    if (location.protocol === "file:" && window.mermaid && document.querySelector("pre.mermaid")) {
      mermaid.initialize({startOnLoad: false, securityLevel: "strict"});
      mermaid.run({querySelector: "pre.mermaid"});
    }
  }, 0);
});
</script>"""


def on_post_page(output, page, config):
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    if offline is not None and offline.config.enabled and 'class="mermaid"' in output:
        output = output.replace("</body>", FILE_URL_DIAGRAMS + "\n</body>", 1)
    return output


def on_post_build(config):
    """Give the print page (the PDF's source) the diagram library mermaid2 adds to others.

    print-site writes its page after every per-page event has run, so mermaid2 never sees
    it; this runs after print-site's own post-build step.
    """
    print_page = Path(config.site_dir) / "print_page.html"
    if not print_page.is_file():
        return
    html = print_page.read_text(encoding="utf-8")
    if 'class="mermaid"' in html and MERMAID not in html:
        html = html.replace("</body>", f'<script src="{MERMAID}"></script>\n</body>', 1)
        print_page.write_text(html, encoding="utf-8")
