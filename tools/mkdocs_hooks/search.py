"""MkDocs hook: the site's search tuning, in one place with the search plugin's settings.

The index side is configured on the search plugin in ``mkdocs.yml`` (separator, pipeline).
What Material has no setting for is the query side and the order of the results: its worker
has no query hook, and lunr, as Material sets it up, scores sections without length
normalisation or word order. So this hook points the pages' search configuration at a
small worker (``search_worker.js`` beside this file) that rewrites each query, runs
Material's own worker, and orders its results by a ranking model of its own (BM25 over
sections and their passages, word order, page titles, and the query's intent: an error
wants the challenge entry, a question the topic page; a static per-page ``search.boost``
cannot do both). The file is written with Material's worker name in it and a hash of its
content in its own name, so a new version is never served stale.

``tests/search_queries.yml`` is the measure of every change here (``make benchmark``).
"""

import hashlib
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

SOURCE = Path(__file__).with_name("search_worker.js")
WORKERS = "assets/javascripts/workers/"
# Material's worker as the pages' __config names it, e.g. "../assets/.../search.a7633da7.min.js"
MATERIAL_WORKER = re.compile(
    r'("search":\s*"[^"]*' + re.escape(WORKERS) + r')(search\.[0-9a-f]+\.min\.js)"'
)

_worker: dict[str, str] = {}  # Material's worker name -> our worker's file name


def on_pre_build(config):
    _worker.clear()


def _point_at_our_worker(output: str, where: str) -> str:
    if '"search":' not in output or 'id="__config"' not in output:
        return output
    match = MATERIAL_WORKER.search(output)
    if match is None:
        raise PluginError(
            f"{where}: the page's search configuration does not name Material's worker "
            f"({WORKERS}search.<hash>.min.js). Material's template changed: update "
            "MATERIAL_WORKER in tools/mkdocs_hooks/search.py."
        )
    material = match.group(2)
    if material not in _worker:
        text = SOURCE.read_text(encoding="utf-8").replace("__MATERIAL_WORKER__", material)
        digest = hashlib.sha256(text.encode()).hexdigest()[:8]
        _worker[material] = f"nexus-search.{digest}.js"
    return MATERIAL_WORKER.sub(lambda m: f'{m.group(1)}{_worker[material]}"', output)


def on_post_page(output, page, config):
    return _point_at_our_worker(output, f"docs/{page.file.src_uri}")


def on_post_template(output, template_name, config):
    return _point_at_our_worker(output, template_name)  # 404.html


def on_post_build(config):
    for material, name in _worker.items():
        text = SOURCE.read_text(encoding="utf-8").replace("__MATERIAL_WORKER__", material)
        target = Path(config.site_dir) / WORKERS / name
        if not (target.parent / material).is_file():
            raise PluginError(f"Material's search worker {WORKERS}{material} is missing")
        target.write_text(text, encoding="utf-8")
