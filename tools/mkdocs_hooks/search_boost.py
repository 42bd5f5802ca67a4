"""MkDocs hook: rank the page that quotes a pasted error message first.

Two adjustments to Material's search, made here in one place:

- challenge pages get ``search.boost`` in their metadata, so the entry that quotes an
  error outranks pages that merely mention some of its words;
- the title field's weight drops from Material's 1000 to 10. Material matches each word of
  a query as a prefix, so with the default weight one short word of a pasted error ("in",
  "graph") that starts a page title outweighs every other word of the message.
"""

import json
from pathlib import Path

CHALLENGE_BOOST = 4
TITLE_BOOST = 10.0


def on_page_markdown(markdown, page, config, files):
    if page.meta.get("page_type") == "challenge":
        page.meta.setdefault("search", {}).setdefault("boost", CHALLENGE_BOOST)
    return markdown


def on_post_build(config):
    index = Path(config.site_dir) / "search" / "search_index.json"
    if not index.is_file():
        return
    data = json.loads(index.read_text(encoding="utf-8"))
    data["config"]["fields"]["title"]["boost"] = TITLE_BOOST
    index.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
