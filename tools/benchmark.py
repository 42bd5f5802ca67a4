"""Benchmark the site build: ``make benchmark``.

Prints figures, asserts nothing: strict build wall time (best of three), pages built,
seconds per page, and the size of the built site (raw and gzipped, as GitHub Pages serves
it). These figures go in release notes and issue notes, never in a timed test.
"""

import gzip
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tests.sitebuild import ROOT, build

RUNS = 3


def site_size(site_dir: Path) -> tuple[int, int]:
    raw = zipped = 0
    for file in site_dir.rglob("*"):
        if file.is_file():
            data = file.read_bytes()
            raw += len(data)
            zipped += len(gzip.compress(data, compresslevel=6))
    return raw, zipped


def main() -> int:
    timings = []
    with tempfile.TemporaryDirectory(prefix="nexus-bench-") as tmp:
        site_dir = Path(tmp) / "site"
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
    print(
        f"strict build wall time: best {best:.2f} s, median {statistics.median(timings):.2f} s "
        f"over {RUNS} runs"
    )
    print(f"pages built:            {pages}")
    print(f"seconds per page:       {best / pages:.3f}")
    print(f"site size:              {raw / 1e6:.2f} MB raw, {zipped / 1e6:.2f} MB gzipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
