"""Screenshot pages of the built site in light, dark and phone views, to look at a change.

Usage: ``.venv/bin/python -m tools.screenshots [--site DIR] [--at SELECTOR] [PATH ...]`` after
``make build``; PNGs go to ``.cache/screenshots/``. Paths are site paths such as
``concepts/query-optimization/``; ``--at .nexus-diagram`` scrolls to the first diagram first.
"""

import argparse
import functools
import http.server
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

from tools.browser import LAUNCH_ARGS, find_chromium, missing_message

ROOT = Path(__file__).resolve().parent.parent
VIEWS = {
    "light": {"viewport": {"width": 1280, "height": 900}, "color_scheme": "light"},
    "dark": {"viewport": {"width": 1280, "height": 900}, "color_scheme": "dark"},
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "color_scheme": "light",
        "device_scale_factor": 2,
        "is_mobile": True,
        "has_touch": True,
    },
}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.screenshots")
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="built site folder")
    parser.add_argument("--at", help="CSS selector to scroll into view before each shot")
    parser.add_argument("paths", nargs="*", default=[""])
    args = parser.parse_args(argv)
    executable = find_chromium()
    if executable is None:
        print(missing_message())
        return 1
    handler = functools.partial(_Quiet, directory=str(args.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    out = ROOT / ".cache" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        for path in args.paths:
            for view, options in VIEWS.items():
                context = browser.new_context(**options)
                page = context.new_page()
                page.goto(f"http://127.0.0.1:{server.server_port}/{path}", wait_until="networkidle")
                if args.at:
                    page.locator(args.at).first.scroll_into_view_if_needed()
                page.wait_for_timeout(500)
                name = (path.strip("/").replace("/", "_") or "home") + f"-{view}.png"
                page.screenshot(path=out / name, full_page=view == "phone")
                print(out / name)
                context.close()
        browser.close()
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
