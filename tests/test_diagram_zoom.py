"""Every diagram legible on a phone: in the page, or enlarged full screen (diagram-zoom.js).

At 390 x 844 CSS px every page of the built site that has a diagram is opened, and for every
diagram the height of its smallest label (font size times the scale it is drawn at) is
measured; below LEGIBLE_PX the diagram is enlarged and measured again there. One browser
context serves the whole module.
"""

import re

import pytest

from tests.conftest import BrowserVisit

pytestmark = pytest.mark.browser

LEGIBLE_PX = 11
PHONE = {"width": 390, "height": 844}
OPEN = ".nexus-diagram-zoom[open]"
CLOSE = "Close enlarged diagram"
DENSE = "technologies/django/"  # the request cycle: 3 px labels when fitted to a phone
ERD = "projects/audiobook-platform/"  # the widest ERD

# The smallest label of the drawing shown in `root` (a diagram or the dialog), in CSS px as
# drawn: each text's font size times the scale of the element drawing it on screen (an SVG
# text element, or the foreignObject holding an HTML label), CSS transforms included.
SMALLEST_TEXT = """(root) => {
  const svg = [...root.querySelectorAll('svg')].find(s => s.getBoundingClientRect().width > 0);
  if (!svg) return null;
  let smallest = Infinity;
  const walker = document.createTreeWalker(svg, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!node.textContent.trim() || element.closest('style, title, desc')) continue;
    const holder = element instanceof SVGGraphicsElement
      ? element : element.closest('foreignObject');
    const ctm = holder.getScreenCTM();
    const size = parseFloat(getComputedStyle(element).fontSize) * Math.hypot(ctm.a, ctm.b);
    smallest = Math.min(smallest, size);
  }
  return smallest;
}"""
# A diagram in a closed <details> or a tab not chosen is shown first, as a reader would.
REVEAL = """(figure) => {
  for (let node = figure; node; node = node.parentElement) {
    if (node.tagName === 'DETAILS') node.open = true;
    if (node.classList.contains('tabbed-block')) {
      const inputs = node.closest('.tabbed-set').querySelectorAll(':scope > input');
      inputs[[...node.parentElement.children].indexOf(node)].checked = true;
    }
  }
}"""
# Panzoom sets the transform; its first pan waits a tick, so wait until the transform holds still.
SETTLED = """() => new Promise(resolve => {
  const canvas = document.querySelector('.nexus-diagram-zoom__canvas');
  const first = canvas.style.transform;
  requestAnimationFrame(() => requestAnimationFrame(() => resolve(window.Panzoom !== undefined
    && canvas.style.transform !== '' && canvas.style.transform === first)));
})"""


def diagram_pages(site_dir) -> list[str]:
    """Site paths of the built pages that show a diagram, found in the HTML."""
    return sorted(
        "" if page.parent == site_dir else page.parent.relative_to(site_dir).as_posix() + "/"
        for page in site_dir.rglob("index.html")
        if 'class="nexus-diagram"' in page.read_text(encoding="utf-8")
    )


@pytest.fixture(scope="module")
def phone(chromium):
    context = chromium.new_context(viewport=PHONE)
    visit = BrowserVisit(context)
    yield visit
    context.close()


def goto(phone, url):
    page = phone.page
    page.goto(url, wait_until="domcontentloaded")  # the diagrams are in the HTML
    page.wait_for_selector(".nexus-diagram[data-zoom-ready]", state="attached")
    return page


def wait_open(page):
    page.wait_for_selector(OPEN)
    page.wait_for_function(SETTLED)


def scale(page) -> float:
    transform = page.locator(".nexus-diagram-zoom__canvas").evaluate("el => el.style.transform")
    return float(re.search(r"scale\(([\d.]+)\)", transform).group(1))


def entry_index(page) -> int:
    return page.evaluate("navigation.currentEntry.index")


def test_every_diagram_is_legible_on_a_phone_in_the_page_or_enlarged(phone, site_url, site_dir):
    pages = diagram_pages(site_dir)
    assert len(pages) >= 20, pages  # found in the build, not listed here
    measured, enlarged, problems = 0, 0, []
    for path in pages:
        page = goto(phone, site_url + path)
        figures = page.locator(".nexus-diagram")
        for i in range(figures.count()):
            figure = figures.nth(i)
            name = f"{path} {figure.get_attribute('aria-label')!r}"
            figure.evaluate(REVEAL)
            in_page = figure.evaluate(SMALLEST_TEXT)
            measured += 1
            if in_page is None:
                problems.append(f"{name}: no drawing shown")
                continue
            if in_page >= LEGIBLE_PX:
                continue
            before = entry_index(page)
            figure.click()
            wait_open(page)
            enlarged += 1
            in_view = page.locator(OPEN).evaluate(SMALLEST_TEXT)
            if in_view < LEGIBLE_PX:
                problems.append(f"{name}: {in_page:.1f} px in the page, {in_view:.1f} px enlarged")
            page.keyboard.press("Escape")
            page.wait_for_selector(OPEN, state="detached")
            # Closing takes back the history entry the view pushed; the next page.goto must
            # not race that traversal (it aborts the navigation: net::ERR_ABORTED).
            page.wait_for_function(f"navigation.currentEntry.index === {before}")
    assert problems == [], "\n".join(problems)
    assert enlarged > 0
    assert measured >= len(pages)
    assert phone.blocked == []
    assert phone.console_errors == []


def test_the_enlarged_view_opens_by_key_closes_three_ways_zooms_and_leaves_no_history(
    phone, site_url
):
    page = goto(phone, site_url + DENSE)
    figure = page.locator(".nexus-diagram").first
    enlarge = figure.get_by_role("button", name=re.compile("^Enlarge diagram: "))
    assert enlarge.is_visible()
    start = entry_index(page)
    offset = None

    def still(target):
        nonlocal offset
        target.scroll_into_view_if_needed()
        page.wait_for_timeout(150)  # Material records the scroll offset after 100 ms
        offset = page.evaluate("scrollY")
        return target

    def closed_back_on_the_diagram(how):
        page.wait_for_selector(OPEN, state="detached")
        page.wait_for_function(
            "i => navigation.currentEntry.index === i"
            " && document.activeElement.matches('.nexus-diagram')",
            arg=start,
        )
        assert page.evaluate("scrollY") == pytest.approx(offset, abs=2), how
        assert page.evaluate("document.activeElement.getAttribute('aria-label')") == (
            figure.get_attribute("aria-label")
        ), how

    # Enter on the focused diagram; Escape closes.
    still(figure).focus()
    page.keyboard.press("Enter")
    wait_open(page)
    dialog = page.get_by_role("dialog", name=figure.get_attribute("aria-label"))
    assert dialog.is_visible()
    assert entry_index(page) == start + 1  # the back gesture has an entry to take
    assert page.locator(OPEN).evaluate(SMALLEST_TEXT) >= LEGIBLE_PX
    # Zoom: the buttons, then the wheel.
    before = scale(page)
    dialog.get_by_role("button", name="Zoom in").click()
    page.wait_for_function(SETTLED)
    assert scale(page) > before
    zoomed = scale(page)
    page.mouse.move(PHONE["width"] / 2, PHONE["height"] / 2)
    page.mouse.wheel(0, 200)
    page.wait_for_function(SETTLED)
    assert scale(page) < zoomed
    page.keyboard.press("Escape")
    closed_back_on_the_diagram("Escape")

    # A click (here on its Enlarge button); the labelled close button.
    still(enlarge).click()
    wait_open(page)
    page.get_by_role("button", name=CLOSE).click()
    closed_back_on_the_diagram("the close button")

    # A click on the drawing; the back gesture.
    still(figure).click()
    wait_open(page)
    page.evaluate("history.back()")
    closed_back_on_the_diagram("history.back()")
    assert page.url == site_url + DENSE
    assert phone.blocked == []
    assert phone.console_errors == []


@pytest.mark.parametrize("width", [390, 1280])
def test_a_wide_erd_is_fitted_to_the_column_whole(phone, site_url, width):
    page = phone.page
    page.set_viewport_size({"width": width, "height": 900})
    try:
        page.goto(site_url + ERD, wait_until="domcontentloaded")  # CSS alone fits it
        box = page.evaluate(
            """() => {
              const figure = document.querySelector('.nexus-diagram');
              const svg = [...figure.querySelectorAll('svg')]
                .find(s => s.getBoundingClientRect().width > 0);
              const column = figure.closest('.md-typeset').getBoundingClientRect();
              const drawn = svg.getBoundingClientRect();
              return {natural: svg.viewBox.baseVal.width, left: drawn.left, right: drawn.right,
                      width: drawn.width, columnLeft: column.left, columnRight: column.right,
                      scrolls: figure.scrollWidth > figure.clientWidth};
            }"""
        )
    finally:
        page.set_viewport_size(PHONE)
    assert box["natural"] > box["columnRight"] - box["columnLeft"], box  # it is a wide one
    assert box["left"] >= box["columnLeft"] - 0.5, box
    assert box["right"] <= box["columnRight"] + 0.5, box
    assert box["right"] <= width, box
    assert not box["scrolls"], box
