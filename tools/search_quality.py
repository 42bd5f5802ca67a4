"""The search-quality set, run through the reader's own search box in headless Chromium.

``tests/search_queries.yml`` holds realistic queries (pasted error lines, whole tracebacks,
questions, keywords, misspellings), each with the page that must come first. Both the test
(``tests/test_search_quality.py``) and the benchmark run the set here: the query is typed
into Material's search input on the built site, the real worker and index answer, and the
rank of the expected page among the results is read from the page.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urldefrag, urljoin

import yaml

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "tests" / "search_queries.yml"
KINDS = ("error", "exception", "traceback", "question", "keyword", "misspelling")

# How many result groups are read per query: Material renders the first ten at once.
DEPTH = 10


class SearchSetError(ValueError):
    """A case of the search set that cannot be used, with its file and line."""


@dataclass(frozen=True)
class Case:
    query: str
    expect: str  # a page's source path under docs/, e.g. "challenges/x.md"
    kind: str
    line: int

    def url_path(self, offline: bool) -> str:
        """The expected page's address relative to the site root."""
        stem = self.expect.removesuffix(".md")
        if offline:  # the file:// copy links name.html, and index.html for sections
            return f"{stem}.html"
        if stem == "index":
            return ""
        return f"{stem.removesuffix('/index')}/" if stem.endswith("/index") else f"{stem}/"


@dataclass(frozen=True)
class Outcome:
    case: Case
    results: tuple[str, ...]  # the pages shown, best first, relative to the site root

    @property
    def rank(self) -> int | None:
        for position, path in enumerate(self.results, start=1):
            if path == self.expected:
                return position
        return None

    expected: str = ""


def load_cases(path: Path = QUERIES, docs: Path = ROOT / "docs") -> list[Case]:
    """Read and check the set: every case has a query, a known kind and an existing page."""
    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    try:
        node = yaml.compose(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise SearchSetError(f"{where}: not valid YAML: {exc}") from None
    if node is None or not isinstance(node, yaml.SequenceNode):
        raise SearchSetError(f"{where}: expected a list of cases (- query: ..., expect: ...)")
    cases = []
    for item in node.value:
        line = item.start_mark.line + 1
        data = yaml.safe_load(yaml.serialize(item))
        if not isinstance(data, dict) or set(data) != {"query", "expect", "kind"}:
            raise SearchSetError(
                f"{where}:{line}: each case needs exactly the keys query, expect and kind"
            )
        query, expect, kind = (str(data[key]).strip() for key in ("query", "expect", "kind"))
        if not query:
            raise SearchSetError(f"{where}:{line}: the query is empty")
        if kind not in KINDS:
            raise SearchSetError(f"{where}:{line}: kind {kind!r} is not one of {', '.join(KINDS)}")
        if not (docs / expect).is_file():
            raise SearchSetError(
                f"{where}:{line}: expected page docs/{expect} does not exist "
                "(give the page's path under docs/, e.g. challenges/x.md)"
            )
        cases.append(Case(query, expect, kind, line))
    return cases


def _site_relative(href: str, base: str) -> str:
    url, _ = urldefrag(urljoin(base, href))
    url = url.split("?", 1)[0]  # search.highlight adds ?h=...
    return url[len(base):] if url.startswith(base) else url


def run_cases(page, start_url: str, cases: list[Case], offline: bool = False) -> list[Outcome]:
    """Type each query into the search box of ``start_url`` and read the results shown.

    ``start_url`` must be the site's home page, so that result links resolve against it.
    """
    base = start_url.removesuffix("index.html")
    page.goto(start_url, wait_until="load")
    page.locator("label.md-search__icon, label[for=__search]").first.wait_for(state="attached")
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    box.wait_for()
    # The count line shows this text once the worker is ready and the box is empty.
    placeholder = page.evaluate(
        "() => JSON.parse(document.getElementById('__config').textContent)"
        ".translations['search.result.placeholder']"
    )
    outcomes = []
    for case in cases:
        set_query(page, "")
        page.wait_for_function(
            "p => document.querySelector('.md-search-result__meta').textContent.trim() === p"
            " && !document.querySelector('.md-search-result__list > *')",
            arg=placeholder,
            timeout=30_000,
        )
        set_query(page, case.query)
        # Done when the count line has changed and the list shows what it announces.
        page.wait_for_function(
            "p => { const m = document.querySelector('.md-search-result__meta').textContent.trim();"
            " const n = document.querySelectorAll('.md-search-result__list > *').length;"
            " return m && m !== p && (n > 0 || /^no /i.test(m)) }",
            arg=placeholder,
            timeout=20_000,
        )
        # One item per page: its first link is the page, the others its sections.
        hrefs = page.eval_on_selector_all(
            ".md-search-result__list > .md-search-result__item",
            "items => items.map(li => li.querySelector('a').getAttribute('href'))",
        )
        results = tuple(_site_relative(h, base) for h in hrefs[:DEPTH])
        outcomes.append(Outcome(case, results, expected=case.url_path(offline)))
    return outcomes


def set_query(page, text: str) -> None:
    """Put ``text`` in the search box as a paste would: one value, then one key event.

    A paste into a one-line box turns each line break into a space (Chromium does so), so
    a pasted traceback arrives as one long line; setting ``value`` would drop them instead.
    """
    text = text.replace("\r\n", " ").replace("\r", " ").replace("\n", " ")
    page.eval_on_selector(
        "input.md-search__input",
        "(box, text) => { box.value = text;"
        " box.dispatchEvent(new KeyboardEvent('keyup', {bubbles: true})) }",
        text,
    )


def rates(outcomes: list[Outcome]) -> tuple[float, float]:
    """The share of queries whose page came first, and within the first three."""
    if not outcomes:
        return 0.0, 0.0
    first = sum(1 for o in outcomes if o.rank == 1) / len(outcomes)
    top3 = sum(1 for o in outcomes if o.rank is not None and o.rank <= 3) / len(outcomes)
    return first, top3


def describe_misses(outcomes: list[Outcome]) -> str:
    lines = []
    for o in outcomes:
        if o.rank != 1:
            where = f"rank {o.rank}" if o.rank else f"not in the first {DEPTH}"
            shown = ", ".join(o.results[:3]) or "no results"
            query = " ".join(o.case.query.split())
            lines.append(
                f"  line {o.case.line} [{o.case.kind}] {query[:90]!r}: {o.case.expect} {where}"
                f" (first: {shown})"
            )
    return "\n".join(lines)


def measure(site: Path) -> list[Outcome]:
    """Serve a built site on loopback and run the whole set through its search box."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    from tools.browser import LAUNCH_ARGS, find_chromium

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=find_chromium(), headless=True, args=LAUNCH_ARGS
            )
            page = browser.new_page()
            outcomes = run_cases(page, f"http://127.0.0.1:{server.server_port}/", load_cases())
            browser.close()
    finally:
        server.shutdown()
    return outcomes


def report(outcomes: list[Outcome]) -> str:
    first, top3 = rates(outcomes)
    head = f"search set: {len(outcomes)} queries, first {first:.1%}, top 3 {top3:.1%}"
    misses = describe_misses(outcomes)
    return f"{head}\n{misses}" if misses else head


def main() -> int:
    """Run the set on a built site folder: python -m tools.search_quality [SITE_DIR]."""
    site = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "site").resolve()
    print(report(measure(site)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
