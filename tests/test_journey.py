"""The learning journey in a browser: Mark as done, the checklist, questions, export/import.

Served over HTTP and opened from file://, light and dark, at 390 px, with the keyboard.
"""

import json

import pytest

from tests.pages import offline_file
from tools.learning_path import load_steps
from tools.quiz_check import quiz_count
from tools.sitebuild import ROOT

pytestmark = pytest.mark.browser

STEPS = load_steps()
QUIZ_PAGES = sorted(
    p.relative_to(ROOT / "docs").as_posix()
    for p in (ROOT / "docs").rglob("*.md")
    if quiz_count(p.read_text(encoding="utf-8"))
)


# What these tests do not need, and what makes every page load slow: the 2 MB search index
# and the service worker (tests/test_search_quality.py and test_offline_app.py own them).
EMPTY_INDEX = json.dumps(
    {"config": {"lang": ["en"], "separator": "[\\s]+", "pipeline": []}, "docs": []}
)


@pytest.fixture
def visit(visit):
    def route(route):
        url = route.request.url
        if url.endswith("search_index.json"):
            route.fulfill(status=200, content_type="application/json", body=EMPTY_INDEX)
        elif url.endswith("/sw.js") or "/workers/" in url:
            route.fulfill(status=200, content_type="text/javascript", body="")
        else:
            route.fallback()

    visit.context.route("**/*", route)
    visit.goto = lambda url: _open(visit.page, url)
    return visit


def _open(page, url: str):
    page.goto(url, wait_until="load")
    page.wait_for_function("document.readyState === 'complete' && window.nexusJourney")
    return page


def site_path(page: str) -> str:
    rel = page[: -len(".md")]
    return rel[: -len("index")] if rel.endswith("index") else rel + "/"


def pressed(page, step_id: str) -> list[str]:
    return page.eval_on_selector_all(
        f'button.nexus-done[data-step="{step_id}"]',
        "buttons => buttons.map(b => b.getAttribute('aria-pressed'))",
    )


def checklist(page) -> dict[str, bool]:
    return page.eval_on_selector_all(
        ".nexus-progress li[data-step]",
        "items => Object.fromEntries(items.map(i => [i.dataset.step,"
        " i.querySelector('input').checked]))",
    )


def test_mark_as_done_on_every_step_survives_a_reload_and_shows_on_the_path(visit, site_url):
    page = None
    for step in STEPS:
        page = visit.goto(site_url + site_path(step.page))
        assert pressed(page, step.id) == ["false", "false"], step.page
        page.locator(".nexus-step button.nexus-done").click()
        assert pressed(page, step.id) == ["true", "true"], step.page
        page.reload(wait_until="load")
        page.wait_for_function("window.nexusJourney")
        assert pressed(page, step.id) == ["true", "true"], f"{step.page} forgot after a reload"
        # The navigation marks the page as done (visible tick and text for screen readers).
        assert page.locator("a.md-nav__link.nexus-nav-done").count() >= 1
    page = visit.goto(site_url + "program/learning-path/")
    assert all(checklist(page).values())
    assert len(checklist(page)) == len(STEPS)
    status = page.locator(".nexus-progress-status").inner_text()
    assert status == f"{len(STEPS)} of {len(STEPS)} steps done"
    assert visit.console_errors == []
    assert visit.blocked == []


def test_the_checklist_and_the_page_button_share_one_store(visit, site_url):
    first, third = STEPS[0], STEPS[2]
    page = visit.goto(site_url + "program/learning-path/")
    page.locator(f'li[data-step="{third.id}"] input').dispatch_event("click")
    page = visit.goto(site_url + site_path(third.page))
    assert pressed(page, third.id) == ["true", "true"]
    page.locator(".nexus-step-end button.nexus-done").click()  # undo, from the end of the page
    page = visit.goto(site_url + site_path(first.page))
    page.keyboard.press("Tab")
    button = page.locator(".nexus-step button.nexus-done")
    button.focus()
    page.keyboard.press("Enter")  # the keyboard works as the mouse does
    assert pressed(page, first.id) == ["true", "true"]
    page = visit.goto(site_url + "program/learning-path/")
    state = checklist(page)
    assert state[first.id] is True
    assert state[third.id] is False
    home = visit.goto(site_url)
    text = home.locator(".nexus-journey-home").inner_text()
    assert f"1 of {len(STEPS)} steps done" in text
    assert f"Continue where you left off: Step 2, {STEPS[1].title}" in text
    assert f"Last page you read: {first.title}" in text


@pytest.mark.parametrize("page_source", QUIZ_PAGES)
def test_every_question_page_gives_feedback_and_remembers_it(visit, site_url, page_source):
    page = visit.goto(site_url + site_path(page_source))
    quizzes = page.locator(".quiz")
    assert quizzes.count() >= 5 or page_source.endswith("index.md")
    first = quizzes.first
    first.scroll_into_view_if_needed()
    assert not first.locator("section.content").is_visible()
    correct = first.locator("input[data-correct]").all()
    for answer in correct:
        first.locator(f'label[for="{answer.get_attribute("id")}"]').click()
    if len(correct) > 1:
        first.locator("button.quiz-button[type=submit]").click()
    assert first.locator("section.content").is_visible(), "no explanation after answering"
    assert first.locator(".quiz-feedback").is_visible()
    page.reload(wait_until="load")
    page.wait_for_function("document.querySelector('.quiz .quiz-reset-button')")
    assert page.locator(".quiz").first.locator("section.content").is_visible(), "not remembered"
    assert visit.console_errors == []


def test_scores_show_on_the_learning_path(visit, site_url):
    step = next(s for s in STEPS if quiz_count((ROOT / "docs" / s.page).read_text()))
    page = visit.goto(site_url + site_path(step.page))
    first = page.locator(".quiz").first
    wrong = first.locator("input:not([data-correct])").first.get_attribute("id")
    single = first.locator("input[data-correct]").count() == 1
    first.locator(f'label[for="{wrong}"]').click()
    if not single:
        first.locator("button.quiz-button[type=submit]").click()
    total = quiz_count((ROOT / "docs" / step.page).read_text())
    page = visit.goto(site_url + "program/learning-path/")
    score = page.locator(f'li[data-step="{step.id}"] .nexus-quiz-score').inner_text()
    assert score == f"Questions: 0 of {total} right"


def export(page) -> dict:
    with page.expect_download() as download:
        page.locator(".nexus-export").click()
    return json.loads(open(download.value.path(), encoding="utf-8").read())


def import_text(page, tmp_path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    page.locator("input.nexus-import").set_input_files(str(path))
    page.wait_for_function("document.querySelector('.nexus-journey-message').textContent")
    message = page.locator(".nexus-journey-message").inner_text()
    page.evaluate("document.querySelector('.nexus-journey-message').textContent = ''")
    return message


def test_export_then_import_moves_progress_to_the_offline_copy(
    visit, site_url, offline_site, tmp_path
):
    step = STEPS[4]
    page = visit.goto(site_url + site_path(step.page))
    page.locator(".nexus-step button.nexus-done").click()
    quiz = page.locator(".quiz").first
    for answer in quiz.locator("input[data-correct]").all():
        quiz.locator(f'label[for="{answer.get_attribute("id")}"]').click()
    if quiz.locator("input[data-correct]").count() > 1:
        quiz.locator("button.quiz-button[type=submit]").click()
    page = visit.goto(site_url + "program/learning-path/")
    data = export(page)
    assert data["format"] == "nexus-journey"
    assert step.id in data["done"]
    assert data["quizzes"][step.id]

    offline = visit.goto(offline_file(offline_site, "program/learning-path").as_uri())
    assert not any(checklist(offline).values())
    message = import_text(offline, tmp_path, "progress.json", json.dumps(data))
    assert message.startswith("Imported from progress.json: 1 step(s) newly done")
    assert checklist(offline)[step.id] is True
    total = quiz_count((ROOT / "docs" / step.page).read_text())
    score = offline.locator(f'li[data-step="{step.id}"] .nexus-quiz-score').inner_text()
    assert score == f"Questions: 1 of {total} right"
    offline = visit.goto(offline_file(offline_site, step.page[: -len(".md")]).as_uri())
    assert offline.locator(".quiz").first.locator("section.content").is_visible()
    assert pressed(offline, step.id) == ["true", "true"]

    offline = visit.goto(offline_file(offline_site, "program/learning-path").as_uri())
    offline.once("dialog", lambda dialog: dialog.accept())
    offline.locator(".nexus-reset").click()
    assert not any(checklist(offline).values())
    assert visit.console_errors == []


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("notes.txt", "not json at all {", "is not valid JSON"),
        (
            "other.json",
            '{"theme": "dark", "done": {"a": 1}}',
            "not a Project Nexus progress export",
        ),
        ("list.json", "[1, 2, 3]", "not a Project Nexus progress export"),
        (
            "newer.json",
            '{"format": "nexus-journey", "version": 99, "done": {}}',
            "newer version of this site",
        ),
        (
            "nodone.json",
            '{"format": "nexus-journey", "version": 1, "done": [1]}',
            "no list of steps",
        ),
        ("huge.json", '{"format": "nexus-journey", "x": "' + "a" * 1_100_000 + '"}', "too large"),
    ],
)
def test_a_bad_import_says_why_and_changes_nothing(visit, site_url, tmp_path, name, text, expected):
    page = visit.goto(site_url + "program/learning-path/")
    page.locator(f'li[data-step="{STEPS[0].id}"] input').dispatch_event("click")
    before = page.evaluate("localStorage.getItem('nexus-journey')")
    message = import_text(page, tmp_path, name, text)
    assert expected in message, message
    assert "Nothing was changed" in message, message
    assert page.evaluate("localStorage.getItem('nexus-journey')") == before
    assert visit.console_errors == []


def test_unknown_steps_in_an_import_are_skipped_and_said(visit, site_url, tmp_path):
    page = visit.goto(site_url + "program/learning-path/")
    data = {"format": "nexus-journey", "version": 1, "done": {STEPS[1].id: "x", "gone/page": "x"}}
    message = import_text(page, tmp_path, "p.json", json.dumps(data))
    assert "1 step(s) newly done" in message
    assert "1 step(s) not on this site's path" in message


def test_the_store_of_an_older_version_is_read_and_kept(chromium, site_url):
    context = chromium.new_context()
    old = {"../../" + site_path(STEPS[0].page): True, "../../" + site_path(STEPS[3].page): True}
    context.add_init_script(
        "if (!localStorage.getItem('nexus-journey')) "
        f"localStorage.setItem('nexus-progress:learning-path', {json.dumps(json.dumps(old))});"
    )
    page = context.new_page()
    page.goto(site_url + "program/learning-path/", wait_until="networkidle")
    state = checklist(page)
    assert state[STEPS[0].id]
    assert state[STEPS[3].id]
    assert not state[STEPS[1].id]
    assert page.evaluate("localStorage.getItem('nexus-progress:learning-path')")
    context.close()


def test_a_corrupt_store_is_kept_aside_not_overwritten(chromium, site_url):
    context = chromium.new_context()
    context.add_init_script(
        "if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1');"
        " localStorage.setItem('nexus-journey', '{broken'); }"
    )
    page = context.new_page()
    page.goto(site_url + site_path(STEPS[0].page), wait_until="networkidle")
    page.locator(".nexus-step button.nexus-done").click()
    assert page.evaluate("localStorage.getItem('nexus-journey:unreadable')") == "{broken"
    assert pressed(page, STEPS[0].id) == ["true", "true"]
    context.close()


@pytest.mark.parametrize(
    "failure",
    [
        "Storage.prototype.setItem = function () {"
        " throw new DOMException('full', 'QuotaExceededError'); };",
        "Object.defineProperty(window, 'localStorage', { get() {"
        " throw new DOMException('denied', 'SecurityError'); } });",
    ],
    ids=["storage full", "storage disabled"],
)
def test_full_or_disabled_storage_says_so_and_still_works_for_the_visit(
    chromium, site_url, failure
):
    def errors_on_load(block_journey: bool) -> list[str]:
        context = chromium.new_context()
        context.add_init_script(failure)
        if block_journey:
            context.route("**/journey.js", lambda route: route.abort())
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(site_url + site_path(STEPS[0].page), wait_until="networkidle")
        if not block_journey:
            page.locator(".nexus-step button.nexus-done").click()
            assert pressed(page, STEPS[0].id) == ["true", "true"]
            note = page.locator(".nexus-step .nexus-storage-note").inner_text()
            assert "not keeping data for this site" in note
            assert "Export" in note
        context.close()
        return errors

    # With storage disabled, Material's own scripts may throw; journey.js adds no error.
    assert errors_on_load(block_journey=False) == errors_on_load(block_journey=True)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_step_page_at_390px_keeps_the_step_bar_inside_the_screen(chromium, site_url, scheme):
    context = chromium.new_context(
        viewport={"width": 390, "height": 844}, color_scheme=scheme, is_mobile=True, has_touch=True
    )
    page = context.new_page()
    page.goto(site_url + site_path(STEPS[8].page), wait_until="networkidle")
    box = page.locator(".nexus-step").bounding_box()
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.locator(".nexus-step button.nexus-done").tap()
    assert pressed(page, STEPS[8].id) == ["true", "true"]
    context.close()


def test_without_javascript_and_on_paper_questions_show_their_answers(chromium, site_url):
    page_source = next(p for p in QUIZ_PAGES if p.startswith("technologies/"))
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + site_path(page_source))
    first = page.locator(".quiz").first
    assert first.locator("section.content").is_visible()
    marked = first.locator("input[data-correct] + label").first
    assert "(correct)" in marked.evaluate("l => getComputedStyle(l, '::after').content")
    assert not page.locator(".nexus-step button.nexus-done").first.is_visible()
    context.close()
    context = chromium.new_context()
    page = context.new_page()
    page.goto(site_url + site_path(page_source), wait_until="networkidle")
    page.emulate_media(media="print")
    shown = "s => getComputedStyle(document.querySelector(s)).display"
    assert page.evaluate(shown, ".quiz section.content") != "none"
    assert page.evaluate(shown, ".nexus-step button.nexus-done") == "none"
    context.close()


def test_questions_work_after_instant_navigation_from_a_page_without_any(visit, site_url):
    page = visit.goto(site_url + "program/learning-path/")  # a page without questions
    step = STEPS[0]
    page.locator(f'li[data-step="{step.id}"] a').first.click()
    page.wait_for_url("**/" + site_path(step.page))
    page.wait_for_function("document.querySelector('.quiz .quiz-reset-button')")
    first = page.locator(".quiz").first
    for answer in first.locator("input[data-correct]").all():
        first.locator(f'label[for="{answer.get_attribute("id")}"]').click()
    if first.locator("input[data-correct]").count() > 1:
        first.locator("button.quiz-button[type=submit]").click()
    assert first.locator("section.content").is_visible()
    assert pressed(page, step.id) == ["false", "false"]
    assert visit.console_errors == []
