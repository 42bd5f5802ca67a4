"""The challenges index: its tag filter narrows the list (search itself: test_search_quality.py)."""

import pytest

pytestmark = pytest.mark.browser

def test_challenges_index_narrows_by_tag(visit, site_url):
    page = visit.goto(site_url + "challenges/")
    rows = page.locator(".nexus-filter tbody tr")
    total = rows.count()
    assert total >= 15
    page.locator(".nexus-filter-tag", has_text="Docker").first.click()
    visible = [r for r in rows.all() if r.is_visible()]
    assert 0 < len(visible) < total
    assert all("Docker" in r.locator("td").last.inner_text() for r in visible)
    assert "entries tagged Docker" in page.locator(".nexus-filter-count").inner_text()
    page.locator(".nexus-filter-tag", has_text="Docker").first.click()
    assert sum(1 for r in rows.all() if r.is_visible()) == total
