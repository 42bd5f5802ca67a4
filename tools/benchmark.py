"""Benchmark the site: ``make benchmark``.

Prints figures, asserts nothing: strict build wall time (once with an empty diagram cache,
so every diagram is drawn, then best of three with the cache warm), pages built,
seconds per page, the size of the built site (raw and gzipped), the search-quality set's
right-first and top-3 rates (tests/search_queries.yml), and, when Node.js is
installed, Lighthouse scores (mobile profile, system Chromium) and the transfer weight of
three representative pages served with gzip as GitHub Pages serves them, against the
budgets in BUDGETS. These figures go in notes and docs/reference/how-this-site-is-built.md,
never in a timed test.
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

RUNS = 3
LIGHTHOUSE_RUNS = 3  # scores vary by several points run to run; report the median
LIGHTHOUSE_DIR = ROOT / "tools" / "lighthouse"
PAGES = {
    "home": "",
    "technology page": "technologies/python-for-backend/",
    "ERD page": "projects/e-commerce-backend/",
}
# Budgets from the offline/quality issue: scores out of 100, weights in kB transferred.
BUDGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
WEIGHT_BUDGET_KB = {"home": 150, "technology page": 150, "ERD page": 700}


def site_size(site_dir: Path) -> tuple[int, int]:
    """Raw and gzipped bytes of the site, without the offline downloads (reported apart)."""
    raw = zipped = 0
    for file in site_dir.rglob("*"):
        if file.is_file() and "downloads" not in file.relative_to(site_dir).parts[:1]:
            data = file.read_bytes()
            raw += len(data)
            zipped += len(gzip.compress(data, compresslevel=6))
    return raw, zipped


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


def run_lighthouse(site_dir: Path) -> None:
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
    server, base = serve(site_dir)
    out()
    out(f"Lighthouse, median of {LIGHTHOUSE_RUNS} runs (LCP and TBT in ms, weight in kB):")
    out(
        f"{'page':<16}{'perf':>6}{'a11y':>6}{'best':>6}{'seo':>6}{'LCP':>7}{'TBT':>6}{'kB':>6}"
        "  budgets"
    )
    with tempfile.TemporaryDirectory(prefix="nexus-lh-") as tmp:
        for name, path in PAGES.items():
            runs = [
                lighthouse(base + path, Path(tmp) / f"report-{i}.json")
                for i in range(LIGHTHOUSE_RUNS)
            ]
            scores = {
                k: statistics.median(round(r["categories"][k]["score"] * 100) for r in runs)
                for k in BUDGETS
            }
            lcp, tbt = (
                statistics.median(r["audits"][audit]["numericValue"] for r in runs)
                for audit in ("largest-contentful-paint", "total-blocking-time")
            )
            weight = statistics.median(transfer_kb(r) for r in runs)
            misses = [f"{k} {scores[k]:.0f} < {v}" for k, v in BUDGETS.items() if scores[k] < v]
            if weight > WEIGHT_BUDGET_KB[name]:
                misses.append(f"{weight:.0f} kB > {WEIGHT_BUDGET_KB[name]} kB")
            out(
                f"{name:<16}{scores['performance']:>6.0f}{scores['accessibility']:>6.0f}"
                f"{scores['best-practices']:>6.0f}{scores['seo']:>6.0f}{lcp:>7.0f}{tbt:>6.0f}"
                f"{weight:>6.0f}  " + ("met" if not misses else "MISSED: " + "; ".join(misses))
            )
    server.shutdown()


RESULTS = ROOT / "tools" / "benchmark-results.txt"


class _Tee:
    """Print to the terminal and keep a copy for tools/benchmark-results.txt."""

    def __init__(self):
        self.lines: list[str] = []

    def __call__(self, text: str = "") -> None:
        print(text, flush=True)
        self.lines.extend(str(text).splitlines() or [""])


out = _Tee()


def main() -> int:
    timings = []
    with tempfile.TemporaryDirectory(prefix="nexus-bench-") as tmp:
        site_dir = Path(tmp) / "site"
        start = time.perf_counter()
        result = build(ROOT, site_dir, extra_env={"NEXUS_DIAGRAM_CACHE": str(Path(tmp) / "cold")})
        cold = time.perf_counter() - start
        if result.returncode != 0:
            print(result.output)
            return 1
        drawings = sum(1 for _ in (Path(tmp) / "cold").glob("*.svg"))
        for _ in range(RUNS):
            start = time.perf_counter()
            result = build(ROOT, site_dir)
            timings.append(time.perf_counter() - start)
            if result.returncode != 0:
                print(result.output)
                return 1
        pages = sum(1 for _ in site_dir.rglob("*.html"))
        raw, zipped = site_size(site_dir)
        best = min(timings)
        out(f"measured {time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores")
        out(
            f"strict build wall time: best {best:.2f} s, median "
            f"{statistics.median(timings):.2f} s over {RUNS} runs"
        )
        out(f"cold build:             {cold:.2f} s (empty cache: {drawings} diagram drawings made)")
        out(f"pages built:            {pages}")
        out(f"seconds per page:       {best / pages:.3f}")
        out(f"site size:              {raw / 1e6:.2f} MB raw, {zipped / 1e6:.2f} MB gzipped")
        for download in sorted((site_dir / "downloads").glob("*")):
            out(f"download {download.name + ':':<30}{download.stat().st_size / 1e6:.2f} MB")
        if find_chromium() is not None:
            from tools import search_quality

            out()
            out(search_quality.report(search_quality.measure(site_dir)))
        run_lighthouse(site_dir)
    RESULTS.write_text("\n".join(out.lines) + "\n")
    print(f"\nwritten to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
