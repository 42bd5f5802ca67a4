"""Finding the system Chromium that the browser tests and benchmarks drive.

Playwright is told where the browser is (``executable_path``) and never downloads one.
"""

import os
import shutil

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

# Flags for a headless run on a machine with a closed network and no GPU.
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

MISSING_MESSAGE = (
    "No Chromium found (looked for NEXUS_CHROMIUM, then {names} on PATH). "
    "Install it: 'sudo apt-get install chromium' on Debian/Ubuntu, 'brew install --cask chromium' "
    "on macOS, or point NEXUS_CHROMIUM at any Chromium or Chrome binary."
)


def find_chromium() -> str | None:
    """Path of the Chromium to drive, or None when there is none."""
    configured = os.environ.get("NEXUS_CHROMIUM")
    if configured:
        return configured if os.access(configured, os.X_OK) else None
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


def missing_message() -> str:
    return MISSING_MESSAGE.format(names=", ".join(CANDIDATES))
