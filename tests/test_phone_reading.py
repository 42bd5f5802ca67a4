"""Reading on a phone (390 x 844, touch), light and dark: wide tables, code in cells, the
copy button, and the page actions (docs/assets/stylesheets/reading.css,
tools/mkdocs_hooks/table_code.py, overrides/partials/actions.html).
"""

import base64
import re

import pytest

from tools.mkdocs_hooks.table_code import add_breaks

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
CODE_PAGE = "technologies/celery/"
MAX_TABLE_PAGES = 4
FOUR_COLUMNS = re.compile(r"<thead>\s*<tr>(?:\s*<th[^>]*>.*?</th>){4}\s*</tr>\s*</thead>", re.S)


def four_column_table_pages(site_dir) -> list[str]:
    """Pages of the built site with a table of four columns that has code in its cells,
    the ones the issue reports (django, postgresql-and-mysql...), a handful for speed."""
    found = []
    for path in sorted((site_dir / "technologies").glob("*/index.html")) + sorted(
        (site_dir / "concepts").glob("*/index.html")
    ):
        html = path.read_text(encoding="utf-8")
        tables = re.findall(r"<table>.*?</table>", html, re.S)
        if any(FOUR_COLUMNS.search(t) and "<td><code>" in t for t in tables):
            found.append(path.parent.relative_to(site_dir).as_posix() + "/")
    assert found, "no page with a four-column table with code in its cells"
    first = [p for p in found if p == "technologies/postgresql-and-mysql/"]
    return (first + [p for p in found if p not in first])[:MAX_TABLE_PAGES]


@pytest.fixture(params=["light", "dark"])
def phone(chromium, request):
    context = chromium.new_context(color_scheme=request.param, **PHONE)
    page = context.new_page()
    yield page
    context.close()


def open_page(page, url):
    page.goto(url, wait_until="networkidle")
    return page


def edge_contrast(page, locator) -> dict:
    """How far the left and right edge strips of a box differ from its middle, in luminance
    (0-255), with the text and borders made invisible: what is left is the scroll cue."""
    png = locator.screenshot(animations="disabled")
    return page.evaluate(
        """async (b64) => {
          const img = new Image();
          img.src = 'data:image/png;base64,' + b64;
          await img.decode();
          const canvas = new OffscreenCanvas(img.width, img.height);
          const ctx = canvas.getContext('2d');
          ctx.drawImage(img, 0, 0);
          const mean = (x0, x1) => {
            const d = ctx.getImageData(x0, 2, x1 - x0, img.height - 4).data;
            let sum = 0;
            for (let i = 0; i < d.length; i += 4)
              sum += 0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2];
            return sum / (d.length / 4);
          };
          const w = img.width, strip = 4, mid = mean(Math.floor(w / 2) - 2, Math.floor(w / 2) + 2);
          return {left: Math.abs(mean(2, 2 + strip) - mid),
                  right: Math.abs(mean(w - 2 - strip, w - 2) - mid)};
        }""",
        base64.b64encode(png).decode(),
    )


HIDE_CONTENT = """
.md-typeset table:not([class]) * { color: transparent !important;
  background: transparent !important; border-color: transparent !important;
  box-shadow: none !important; }
.md-typeset table:not([class]) { border-color: transparent !important; }
"""


def test_wide_tables_scroll_with_a_visible_cue_or_fit(phone, site_dir, site_url):
    for path in four_column_table_pages(site_dir):
        page = open_page(phone, site_url + path)
        tables = page.locator(".md-typeset table:not([class])").filter(
            has=page.locator("thead th:nth-child(4)")
        )
        assert tables.count(), path
        page.add_style_tag(content=HIDE_CONTENT)
        for index in range(tables.count()):
            table = tables.nth(index)
            table.scroll_into_view_if_needed()
            box = table.evaluate(
                """t => {
                  const s = [t, t.closest('.md-typeset__scrollwrap')].find(
                    e => e && e.scrollWidth > e.clientWidth + 1);
                  const r = t.getBoundingClientRect();
                  return {scrolls: !!s, isTable: s === t, right: r.right, width: innerWidth};
                }"""
            )
            assert box["right"] <= box["width"] + 0.5, f"{path}: table {index} overflows the page"
            if not box["scrolls"]:
                continue  # it fits: every column is on screen
            assert box["isTable"], f"{path}: table {index} scrolls outside its own box"
            start = edge_contrast(page, table)
            assert start["right"] > 6, f"{path}: table {index}, no cue that more is to the right"
            assert start["left"] < 3, f"{path}: table {index}, a cue at the start: {start}"
            table.evaluate("t => { t.scrollLeft = t.scrollWidth; }")
            end = edge_contrast(page, table)
            assert end["right"] < 3, f"{path}: table {index}, a cue at the end: {end}"
            assert end["left"] > 6, f"{path}: table {index}, no cue that more is to the left"
            assert table.evaluate(
                "t => { const c = t.querySelector('thead th:last-child').getBoundingClientRect();"
                " const r = t.getBoundingClientRect(); return c.right <= r.right + 1; }"
            ), f"{path}: table {index}, the last column cannot be reached"


def test_code_in_cells_breaks_only_where_it_may(phone, site_dir, site_url):
    checked = 0
    for path in four_column_table_pages(site_dir):
        page = open_page(phone, site_url + path)
        wrong = page.evaluate(
            """() => [...document.querySelectorAll('.md-typeset td code')].map(code => {
                 const lines = new Set([...code.getClientRects()].map(r => Math.round(r.top))).size;
                 const breaks = (code.textContent.trim().match(/\\s+/g) || []).length
                   + code.querySelectorAll('wbr').length;
                 return {text: code.textContent, lines, breaks};
               }).filter(c => c.lines > c.breaks + 1)"""
        )
        checked += page.locator(".md-typeset td code").count()
        assert wrong == [], f"{path}: code broken inside a name: {wrong[:5]}"
    assert checked > 10


def test_breaks_go_between_names_only():
    assert add_breaks("django.db.models") == "django.<wbr>db.<wbr>models"
    assert add_breaks("examples/config/celery.py") == "examples/<wbr>config/<wbr>celery.<wbr>py"
    assert add_breaks("BigAutoField") == "BigAutoField"
    assert add_breaks("Python 3.11") == "Python 3.11"
    assert add_breaks("amqp://guest@host") == "amqp://guest@host"
    whole = '<span class="nexus-nowrap">{}</span>'.format
    assert add_breaks("--prefetch-multiplier=1 -c 4") == (
        whole("--prefetch-multiplier=1") + " " + whole("-c") + " 4"
    )
    assert add_breaks("my-app/settings.py") == (
        '<span class="nexus-nowrap">my-app/</span><wbr>settings.<wbr>py'
    )


def luminance(rgb) -> float:
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_the_copy_button_shows_on_a_touch_screen_and_covers_no_code(phone, site_url):
    page = open_page(phone, site_url + CODE_PAGE)
    blocks = page.locator(".md-typeset pre:has(> .md-code__nav)")
    assert blocks.count() >= 5
    for index in range(5):
        block = blocks.nth(index)
        block.scroll_into_view_if_needed()
        found = block.evaluate(
            """pre => {
              const parse = c => c.match(/[\\d.]+/g).map(Number).concat([1]).slice(0, 4);
              const over = (top, bottom) => {  // alpha-composite top over an opaque bottom
                const a = top[3];
                return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a));
              };
              const button = pre.querySelector('.md-code__button[data-md-type=copy]');
              const code = pre.querySelector(':scope > code');
              let opacity = 1;
              for (let e = button; e && e !== pre; e = e.parentElement)
                opacity *= Number(getComputedStyle(e).opacity);
              let background = parse(getComputedStyle(code).backgroundColor);
              const page = parse(getComputedStyle(document.body).backgroundColor);
              if (background[3] < 1) background = over(background, page);
              const nav = parse(getComputedStyle(button.parentElement).backgroundColor);
              const navBg = over(nav, background);
              const colour = over(parse(getComputedStyle(button).color), navBg);
              const b = button.getBoundingClientRect();
              const hits = scrolled => {
                const range = document.createRange();
                range.selectNodeContents(code);
                return [...range.getClientRects()].filter(r => r.width > 0 && r.height > 0
                  && r.left < b.right && r.right > b.left && r.top < b.bottom && r.bottom > b.top)
                  .map(r => [scrolled, Math.round(r.left), Math.round(r.top)]);
              };
              const overlaps = hits('start');
              code.scrollLeft = code.scrollWidth;
              overlaps.push(...hits('end'));
              code.scrollLeft = 0;
              return {opacity, colour, background, navBg, overlaps, width: b.width};
            }"""
        )
        assert found["width"] > 10, f"code block {index}: no copy button"
        assert found["opacity"] >= 0.9, f"code block {index}: {found}"
        icon, ground = luminance(found["colour"]), luminance(found["navBg"])
        contrast = (max(icon, ground) + 0.05) / (min(icon, ground) + 0.05)
        assert contrast >= 3, f"code block {index}: copy button contrast {contrast:.2f}: {found}"
        assert found["overlaps"] == [], f"code block {index}: the button covers code: {found}"


def test_the_page_actions_are_labelled_and_leave_the_title_whole(phone, site_url):
    page = open_page(phone, site_url + CODE_PAGE)
    title = page.locator("article h1").bounding_box()
    for label in ("Edit this page", "Report a problem"):
        link = page.locator("a.md-content__button", has_text=label)
        assert link.is_visible(), label
        box = link.locator(".nexus-action__label").bounding_box()
        assert box is not None, label
        assert box["width"] > 30, f"{label}: {box}"
        assert box["x"] + box["width"] <= 390, f"{label}: {box}"
        assert box["y"] + box["height"] <= title["y"] + 1, f"{label} sits beside the title"
    line = page.locator("article h1").evaluate("h => parseFloat(getComputedStyle(h).lineHeight)")
    assert title["height"] < 1.5 * line, "the title wraps around the actions"
