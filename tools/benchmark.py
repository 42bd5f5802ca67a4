"""Benchmark the site against stock Material: ``make benchmark``.

Prints figures, asserts nothing. Both sites are built from the same pages (stock Material as
tools/stock_material.py defines it), interleaved, so a busy machine slows both alike:

- strict build wall and CPU time per page, Nexus against stock (median of BUILD_RUNS pairs,
  diagram cache warm; one cold Nexus build first, which draws every diagram);
- the size of the built site (raw and gzipped) and of the downloads;
- the search-quality set's right-first and top-3 rates (tests/search_queries.yml);
- when Node.js is installed, Lighthouse (mobile profile, system Chromium) on the pages in
  PAGES of both sites served with gzip as GitHub Pages serves them, run after run in turn,
  median of LIGHTHOUSE_RUNS: performance, LCP, TBT and weight side by side, and Nexus's
  other categories against BUDGETS.

These figures go in notes and docs/reference/how-this-site-is-built.md, never in a timed test.
"""

import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tools.browser import find_chromium
from tools.gzip_server import serve
from tools.sitebuild import ROOT, build
from tools.stock_material import build_stock

BUILD_RUNS = 3
LIGHTHOUSE_RUNS = 5  # scores vary by several points run to run; report the median
LIGHTHOUSE_DIR = ROOT / "tools" / "lighthouse"
PAGES = {
    "home": "",
    "text page": "technologies/python-for-backend/",
    "diagrams page": "concepts/system-design/",
    "ERD page": "projects/e-commerce-backend/",
}
# Budgets from the offline/quality and phone-first issues: scores out of 100, kB transferred.
BUDGETS = {"performance": 100, "accessibility": 100, "best-practices": 100, "seo": 100}
WEIGHT_BUDGET_KB = {"home": 150, "text page": 150, "diagrams page": 400, "ERD page": 700}
SITES = ("nexus", "stock")  # the two builds timed side by side


def site_size(site_dir: Path) -> tuple[int, int]:
    """Raw and gzipped bytes of the site, without the offline downloads (reported apart)."""
    raw = zipped = 0
    for file in site_dir.rglob("*"):
        if file.is_file() and "downloads" not in file.relative_to(site_dir).parts[:1]:
            data = file.read_bytes()
            raw += len(data)
            zipped += len(gzip.compress(data, compresslevel=6))
    return raw, zipped


def markdown_pages() -> int:
    """The pages both builds make: every Markdown file under docs/ but the included fragments."""
    docs = ROOT / "docs"
    return sum(1 for p in docs.rglob("*.md") if "includes" not in p.relative_to(docs).parts)


def timed(make) -> tuple[float, float]:
    """Wall and CPU seconds (of the build's own process) of ``make()``, which must succeed."""
    before, start = os.times(), time.perf_counter()
    result = make()
    wall, after = time.perf_counter() - start, os.times()
    if result.returncode != 0:
        raise SystemExit(result.output)
    return wall, (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )


def lighthouse(url: str, out: Path) -> dict:
    """Run Lighthouse (mobile profile) on ``url`` and return its JSON report."""
    cli = LIGHTHOUSE_DIR / "node_modules" / "lighthouse" / "cli" / "index.js"
    flags = (
        "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
        "--disable-component-update --disable-sync --no-first-run"
    )
    subprocess.run(
        [
            "node",
            str(cli),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            "--only-categories=performance,accessibility,best-practices,seo",
            f"--chrome-flags={flags}",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": find_chromium() or ""},
        timeout=300,
    )
    return json.loads(out.read_text())


def transfer_kb(report: dict) -> float:
    """Bytes transferred by the page, minus the search index (fetched for search only)."""
    items = report["audits"]["network-requests"]["details"]["items"]
    return sum(i.get("transferSize", 0) for i in items if "search_index" not in i["url"]) / 1024


def summary(runs: list[dict]) -> dict:
    """Median scores, LCP, TBT and weight of several reports of one page."""
    scores = {
        k: statistics.median(round(r["categories"][k]["score"] * 100) for r in runs)
        for k in BUDGETS
    }
    lcp, tbt = (
        statistics.median(r["audits"][audit]["numericValue"] for r in runs)
        for audit in ("largest-contentful-paint", "total-blocking-time")
    )
    return {**scores, "lcp": lcp, "tbt": tbt, "kb": statistics.median(transfer_kb(r) for r in runs)}


def run_lighthouse(sites: dict[str, Path], runs: int = LIGHTHOUSE_RUNS) -> None:
    if shutil.which("node") is None or find_chromium() is None:
        out("lighthouse: skipped (needs Node.js and Chromium)")
        return
    # `npm install`, not `npm ci`: npm 11 reports lighthouse 12's lock file as out of sync
    # (third-party-web) although `npm install` resolves exactly the locked versions.
    subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=LIGHTHOUSE_DIR,
        check=True,
    )
    servers = {name: serve(folder) for name, folder in sites.items()}
    reports: dict[tuple[str, str], list[dict]] = {}
    with tempfile.TemporaryDirectory(prefix="nexus-lh-") as tmp:
        # Run after run, page after page, site after site: drift on the machine hits both.
        for run in range(runs):
            for page, path in PAGES.items():
                for name, (_, base) in servers.items():
                    report = lighthouse(base + path, Path(tmp) / f"{name}-{run}.json")
                    reports.setdefault((page, name), []).append(report)
    for server, _ in servers.values():
        server.shutdown()
    out()
    out(f"Lighthouse mobile, median of {runs} interleaved runs (LCP and TBT in ms, weight in kB):")
    out(
        f"{'page':<15}{'site':<8}{'perf':>5}{'LCP':>7}{'TBT':>6}{'kB':>6}{'a11y':>6}{'best':>6}{'seo':>5}"
    )
    for page in PAGES:
        for name in sites:
            got = summary(reports[(page, name)])
            line = (
                f"{page:<15}{name:<8}{got['performance']:>5.0f}{got['lcp']:>7.0f}{got['tbt']:>6.0f}"
                f"{got['kb']:>6.0f}{got['accessibility']:>6.0f}{got['best-practices']:>6.0f}"
                f"{got['seo']:>5.0f}"
            )
            if name == "nexus":
                misses = [f"{k} {got[k]:.0f} < {v}" for k, v in BUDGETS.items() if got[k] < v]
                if got["kb"] > WEIGHT_BUDGET_KB[page]:
                    misses.append(f"{got['kb']:.0f} kB > {WEIGHT_BUDGET_KB[page]} kB")
                line += "  budgets " + ("met" if not misses else "MISSED: " + "; ".join(misses))
            out(line)


RESULTS = ROOT / "tools" / "benchmark-results.txt"


class _Tee:
    """Print to the terminal and keep a copy for tools/benchmark-results.txt."""

    def __init__(self):
        self.lines: list[str] = []

    def __call__(self, text: str = "") -> None:
        print(text, flush=True)
        self.lines.extend(str(text).splitlines() or [""])


out = _Tee()


def compare_builds(tmp: Path, site_dir: Path, stock_dir: Path) -> None:
    cold = Path(tmp) / "cold"
    cold_env = {"NEXUS_DIAGRAM_CACHE": str(cold)}
    cold_wall, _ = timed(lambda: build(ROOT, site_dir, extra_env=cold_env))
    drawings = sum(1 for _ in cold.glob("*.svg"))
    timings: dict[str, list[tuple[float, float]]] = {name: [] for name in SITES}
    for _ in range(BUILD_RUNS):
        timings["nexus"].append(timed(lambda: build(ROOT, site_dir)))
        timings["stock"].append(timed(lambda: build_stock(Path(tmp) / "stock", stock_dir)))
    pages = markdown_pages()
    wall = {name: statistics.median(t[0] for t in runs) for name, runs in timings.items()}
    cpu = {name: statistics.median(t[1] for t in runs) for name, runs in timings.items()}
    out(f"measured {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores, {pages} pages")
    out(f"strict build, median of {BUILD_RUNS} interleaved pairs (diagram cache warm):")
    for name in SITES:
        out(
            f"  {name:<6} wall {wall[name]:6.2f} s = {wall[name] / pages:.3f} s/page, "
            f"CPU {cpu[name]:6.2f} s = {cpu[name] / pages:.3f} s/page"
        )
    out(
        f"  nexus / stock: wall {wall['nexus'] / wall['stock']:.2f}x, "
        f"CPU {cpu['nexus'] / cpu['stock']:.2f}x"
    )
    out(f"cold Nexus build: {cold_wall:.2f} s (empty cache: {drawings} diagram drawings made)")


def main(argv: list[str]) -> int:
    """Benchmark; ``--lighthouse-only`` skips the build timing.

    ``--also NAME=SITE_DIR`` (repeatable) adds another built site to the same interleaved
    Lighthouse runs, e.g. an earlier commit's, for figures before and after a change.
    """
    lighthouse_only = "--lighthouse-only" in argv
    also = {}
    for value in (argv[i + 1] for i, arg in enumerate(argv) if arg == "--also"):
        name, _, folder = value.partition("=")
        if not (name and Path(folder, "index.html").is_file()):
            raise SystemExit(f"--also {value}: expected NAME=SITE_DIR, a folder with index.html")
        also[name] = Path(folder)
    with tempfile.TemporaryDirectory(prefix="nexus-bench-") as tmp:
        site_dir, stock_dir = Path(tmp) / "site", Path(tmp) / "stock-site"
        if lighthouse_only:
            for result in (build(ROOT, site_dir), build_stock(Path(tmp) / "stock", stock_dir)):
                if result.returncode != 0:
                    raise SystemExit(result.output)
        else:
            compare_builds(Path(tmp), site_dir, stock_dir)
            raw, zipped = site_size(site_dir)
            out(f"site size:              {raw / 1e6:.2f} MB raw, {zipped / 1e6:.2f} MB gzipped")
            for download in sorted((site_dir / "downloads").glob("*")):
                out(f"download {download.name + ':':<30}{download.stat().st_size / 1e6:.2f} MB")
            if find_chromium() is not None:
                from tools import search_quality

                out()
                out(search_quality.report(search_quality.measure(site_dir)))
        run_lighthouse({"nexus": site_dir, **also, "stock": stock_dir})
    if not lighthouse_only:
        RESULTS.write_text("\n".join(out.lines) + "\n")
        print(f"\nwritten to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
