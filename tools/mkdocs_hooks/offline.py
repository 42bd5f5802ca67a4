"""MkDocs hook: make the offline build (NEXUS_OFFLINE=true) need no other host.

Material's offline plugin makes pages work from file://, but loads its search shim from
unpkg.com. Pointing the polyfills at the vendored copy first stops that.
"""

import logging

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
