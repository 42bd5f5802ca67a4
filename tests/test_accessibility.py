"""axe-core finds no accessibility violations on representative pages, light and dark."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.pages import PAGES

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_no_axe_violations(chromium, site_url, axe, path, scheme):
    context = chromium.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(site_url + path, wait_until="networkidle")
    results = axe.run(page)
    context.close()
    violations = [
        f"{v['id']} ({v['impact']}): {v['help']} - "
        + "; ".join(
            n["target"][0] if isinstance(n["target"][0], str) else str(n["target"])
            for n in v["nodes"][:5]
        )
        for v in results.response["violations"]
    ]
    assert violations == [], "\n".join(violations)
