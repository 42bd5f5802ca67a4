"""Build the offline downloads: a zip that reads from file:// and a PDF of the whole site.

``python -m tools.downloads`` writes both into ``.cache/downloads/``; the next site build
publishes them under ``downloads/`` and links them from the home page (see
``tools/mkdocs_hooks/downloads.py``). ``make build`` and ``make test`` run it first.

1. A strict build with ``NEXUS_OFFLINE=true``: Material's offline plugin (plain ``.html``
   links, inlined search index, the vendored search shim) plus the print-site page.
2. That build, zipped as ``project-nexus-offline/``.
3. Its print page (diagrams already drawn to SVG by the build) printed to PDF by headless
   Chromium, with bookmarks (the outline of its headings), page numbers in the footer
   (``docs/assets/stylesheets/print.css``) and in the Contents (``tools/pdf_contents.py``).
"""

import sys
import tempfile
import zipfile
from pathlib import Path

from tools.browser import LAUNCH_ARGS, find_chromium, missing_message
from tools.pdf_contents import print_navigable
from tools.sitebuild import ROOT, build

OUT = ROOT / ".cache" / "downloads"
ZIP_NAME = "project-nexus-offline.zip"
PDF_NAME = "project-nexus.pdf"
FOLDER_IN_ZIP = "project-nexus-offline"


def build_offline(site_dir: Path) -> Path:
    result = build(ROOT, site_dir, extra_env={"NEXUS_OFFLINE": "true"})
    if result.returncode != 0:
        raise SystemExit(f"offline build failed:\n{result.output}")
    return site_dir


def make_zip(site_dir: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(site_dir.rglob("*")):
            if file.is_file():
                archive.write(file, f"{FOLDER_IN_ZIP}/{file.relative_to(site_dir)}")
    return target


def make_pdf(site_dir: Path, target: Path, browser=None) -> Path:
    """Print the offline build's print page to PDF, in ``browser`` or a Chromium of its own."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        executable = find_chromium()
        if executable is None:
            raise SystemExit(missing_message())
        with sync_playwright() as playwright:
            own = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
            try:
                return make_pdf(site_dir, target, own)
            finally:
                own.close()
    page = browser.new_page()
    # The print page is one 10 MB document: loading it takes longer than Playwright's 30 s
    # default on a busy machine.
    page.goto((site_dir / "print_page.html").as_uri(), wait_until="load", timeout=300_000)
    page.emulate_media(media="print")
    pdf = print_navigable(
        page,
        {
            "format": "A4",
            "print_background": True,
            "margin": {"top": "18mm", "bottom": "18mm", "left": "14mm", "right": "14mm"},
        },
    )
    target.write_bytes(pdf)
    page.close()
    return target


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="nexus-offline-") as tmp:
        site_dir = build_offline(Path(tmp) / FOLDER_IN_ZIP)
        zip_path = make_zip(site_dir, OUT / ZIP_NAME)
        pdf_path = make_pdf(site_dir, OUT / PDF_NAME)
    for path in (zip_path, pdf_path):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
