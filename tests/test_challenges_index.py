"""A learner who pastes an error message into the search lands on the challenge that fixes it."""

import pytest

pytestmark = pytest.mark.browser

# (pasted error text, the challenge page it must find first). Material appends "*" to every
# word of a query, and the stop-word filter does not remove "a*", which then matches every
# word that starts with "a": a message with a one-letter word ranks other pages first. The
# challenges index tells readers to delete such words; the naive-datetime case checks that.
ERRORS = [
    ("CommandError: Conflicting migrations detected", "conflicting-migrations-after-a-merge"),
    ("has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present",
     "cors-errors-from-the-frontend"),
    ("TypeError: Cannot read properties of undefined (reading 'map')",
     "frontend-and-backend-disagree-about-the-api"),
    ("raised unexpected: SMTPServerDisconnected('Connection unexpectedly closed')",
     "background-e-mails-lost-or-reports-built-twice"),
    ("Received unregistered task of type", "celery-tasks-not-executing"),
    ("ModuleNotFoundError: No module named 'django'",
     "docker-does-not-find-installed-dependencies"),
    ("Set the DJANGO_SECRET_KEY environment variable",
     "environment-variables-and-secrets-in-django-settings"),
    ('relation "catalog_book" does not exist', "manual-deployment-errors"),
    ("RuntimeWarning: DateTimeField Report.finished_at received naive datetime "
     "(2026-11-22 00:00:00) while time zone support is active.",
     "naive-datetime-warnings-with-time-zone-support"),
]


@pytest.mark.parametrize(("error", "slug"), ERRORS, ids=[slug for _, slug in ERRORS])
def test_pasting_the_error_finds_its_challenge_first(visit, site_url, error, slug):
    page = visit.goto(site_url)
    page.keyboard.press("/")
    search = page.locator("input.md-search__input")
    search.fill(error)
    search.press("End")  # Material searches on key events; a paste arrives with one
    search.press_sequentially(" ")
    first = page.locator(".md-search-result__item").first
    first.wait_for(timeout=20_000)
    href = first.locator("a").first.get_attribute("href")
    assert f"challenges/{slug}/" in href, f"first result for {error!r} was {href}"


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
