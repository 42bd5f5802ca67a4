"""Draw the app icons (PNG, in the sizes browsers ask for) from the one source SVG.

Pillow cannot read SVG, so the icons are drawn the way diagrams are
(``tools/diagram_render.py``): by the system Chromium, through Playwright, at build time.
Each PNG is cached in ``.cache/icons/`` under the SHA-256 of what decides it (the SVG, the
size, the background and ``RENDERER_VERSION``), so a build starts a browser only when the
SVG changed; ``NEXUS_ICON_CACHE`` points throwaway copies of the project at the same cache.

``python -m tools.icon_render OUT_DIR`` writes every icon of ``ICONS`` into ``OUT_DIR``.
"""

import base64
import hashlib
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from tools.diagram_render import RendererUnavailable

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "docs" / "assets" / "images" / "nexus-icon.svg"
DEFAULT_CACHE = ROOT / ".cache" / "icons"
RENDERER_VERSION = "1"


@dataclass(frozen=True)
class Icon:
    size: int
    # None: transparent corners, for "any" icons. A colour: drawn over it edge to edge, for
    # maskable icons (the launcher cuts its own shape) and Apple's touch icon (iOS fills
    # transparency with black and rounds the corners itself).
    background: str | None
    purpose: str  # the manifest's "purpose"; "" for icons the manifest does not list


# The sizes Chromium and Android ask for (192 and 512, plus a maskable 512) and the 180 px
# icon iOS uses for the home screen.
ICONS = {
    "icon-192.png": Icon(192, None, "any"),
    "icon-512.png": Icon(512, None, "any"),
    "icon-maskable-512.png": Icon(512, "#4051b5", "maskable"),
    "apple-touch-icon.png": Icon(180, "#4051b5", ""),
}


def cache_dir() -> Path:
    configured = os.environ.get("NEXUS_ICON_CACHE")
    return Path(configured) if configured else DEFAULT_CACHE


def _key(svg: bytes, icon: Icon) -> str:
    recipe = {
        "renderer": RENDERER_VERSION,
        "svg": hashlib.sha256(svg).hexdigest(),
        "size": icon.size,
        "background": icon.background,
    }
    return hashlib.sha256(json.dumps(recipe, sort_keys=True).encode()).hexdigest()


class IconRenderer:
    """Rasterize SVG icons, from the cache when possible; Chromium starts on the first miss."""

    def __init__(self, cache: Path | None = None):
        self.cache = cache or cache_dir()
        self.drawn = 0
        self._playwright = None
        self._browser = None

    def png(self, svg: bytes, icon: Icon) -> bytes:
        cached = self.cache / f"{_key(svg, icon)}.png"
        if cached.is_file():
            return cached.read_bytes()
        data = self._draw(svg, icon)
        self.cache.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(data)
        os.replace(partial, cached)  # atomic: parallel builds may share the cache
        self.drawn += 1
        return data

    def _draw(self, svg: bytes, icon: Icon) -> bytes:
        browser = self._open()
        page = browser.new_page(
            viewport={"width": icon.size, "height": icon.size}, device_scale_factor=1
        )
        try:
            source = "data:image/svg+xml;base64," + base64.b64encode(svg).decode()
            background = icon.background or "transparent"
            page.set_content(
                f'<!doctype html><html><body style="margin:0;background:{background}">'
                f'<img src="{source}" width="{icon.size}" height="{icon.size}" '
                'style="display:block" alt=""></body></html>'
            )
            page.evaluate("() => document.querySelector('img').decode()")
            return page.screenshot(
                type="png",
                clip={"x": 0, "y": 0, "width": icon.size, "height": icon.size},
                omit_background=icon.background is None,
            )
        finally:
            page.close()

    def _open(self):
        if self._browser is not None:
            return self._browser
        try:
            from playwright.sync_api import sync_playwright
        except ImportError as error:
            raise RendererUnavailable(
                "Playwright is not installed (it comes with the contributor's install: make test)"
            ) from error
        from tools.browser import LAUNCH_ARGS, find_chromium, missing_message

        executable = find_chromium()
        if executable is None:
            raise RendererUnavailable(missing_message())
        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(
            executable_path=executable, headless=True, args=LAUNCH_ARGS
        )
        return self._browser

    def close(self) -> None:
        if self._browser is not None:
            self._browser.close()
        if self._playwright is not None:
            self._playwright.stop()
        self._playwright = self._browser = None


def write_icons(svg: bytes, out_dir: Path, renderer: IconRenderer | None = None) -> dict[str, Path]:
    """Write every icon of ``ICONS`` into ``out_dir``; raises RendererUnavailable."""
    own = renderer is None
    renderer = renderer or IconRenderer()
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    try:
        for name, icon in ICONS.items():
            target = out_dir / name
            target.write_bytes(renderer.png(svg, icon))
            written[name] = target
    finally:
        if own:
            renderer.close()
    return written


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk (no image library needed)."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG file")
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: python -m tools.icon_render OUT_DIR", file=sys.stderr)
        return 2
    try:
        written = write_icons(SOURCE.read_bytes(), Path(sys.argv[1]))
    except RendererUnavailable as error:
        print(f"Cannot draw the icons: {error}", file=sys.stderr)
        return 2
    for name, path in written.items():
        print(f"{name}: {'x'.join(map(str, png_size(path.read_bytes())))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
