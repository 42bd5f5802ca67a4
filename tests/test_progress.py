"""Ticks on the best-practice checklist persist in the browser (progress.js).

The learning path's checklist belongs to the journey store: tests/test_journey.py.
"""

import pytest

pytestmark = pytest.mark.browser

BOXES = ".nexus-progress .task-list-item input[type=checkbox]"


def tick(page, index: int) -> None:
    """Click a box where a reader does: Material draws it just left of the list item."""
    item = page.locator(".nexus-progress .task-list-item").nth(index)
    item.scroll_into_view_if_needed()
    box = item.bounding_box()
    page.mouse.click(box["x"] - 14, box["y"] + 12)


def ticked(page) -> list[bool]:
    return page.eval_on_selector_all(BOXES, "boxes => boxes.map(b => b.checked)")


def status(page) -> str:
    return page.locator(".nexus-progress-status").inner_text()


def check_persistence(visit, url):
    page = visit.goto(url)
    total = len(ticked(page))
    assert total >= 10
    assert status(page) == f"0 of {total} steps done"
    tick(page, 0)
    tick(page, 2)
    assert status(page) == f"2 of {total} steps done"

    page.reload(wait_until="load")
    page.wait_for_function(
        "document.querySelector('.nexus-progress-status').textContent.includes('of')"
    )
    assert ticked(page)[:3] == [True, False, True]
    assert status(page) == f"2 of {total} steps done"

    page.locator(".nexus-progress-reset").click()
    assert not any(ticked(page))
    page.reload(wait_until="load")
    page.wait_for_function(
        "document.querySelector('.nexus-progress-status').textContent.includes('of')"
    )
    assert not any(ticked(page))
    assert visit.console_errors == []
    assert visit.blocked == []


def test_best_practices_checklist_persists(visit, site_url):
    check_persistence(visit, site_url + "program/best-practices/")


def test_best_practices_ticks_work_offline_from_file_url(visit, offline_site):
    check_persistence(visit, (offline_site / "program/best-practices.html").as_uri())


def test_the_checklists_keep_their_own_ticks(visit, site_url):
    page = visit.goto(site_url + "program/learning-path/")
    page.locator(".nexus-progress li[data-step] input").first.dispatch_event("click")
    other = visit.goto(site_url + "program/best-practices/")
    assert not any(ticked(other))
