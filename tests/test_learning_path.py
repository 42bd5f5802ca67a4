"""The learning path drives the site: order, Previous/Next, step bars, questions, backlinks.

These read the built HTML; tests/test_journey.py clicks through the same things in a browser.
"""

import posixpath
import re
from html.parser import HTMLParser

import pytest

from tools.learning_path import PathError, load_steps, read_steps
from tools.prerequisites_check import check as check_prerequisites
from tools.quiz_check import MIN_QUESTIONS, QUIZ_PAGE_TYPES, check_page
from tools.sitebuild import ROOT

DOCS = ROOT / "docs"
STEPS = load_steps()


def html_of(site_dir, page: str) -> str:
    rel = page[: -len(".md")]
    if rel.endswith("index"):
        rel = rel[: -len("index")]
    return (site_dir / rel / "index.html").read_text(encoding="utf-8")


def url_of(page: str) -> str:
    rel = page[: -len(".md")]
    return rel[: -len("index")] if rel.endswith("index") else rel + "/"


def resolve(current: str, href: str) -> str:
    """The site path an href on the page at site path ``current`` points to."""
    return posixpath.normpath(posixpath.join(current, href.split("#")[0])) + "/"


class Links(HTMLParser):
    """Every <a> with its href and class, in document order, and the ids of the page."""

    def __init__(self):
        super().__init__()
        self.links: list[dict] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs)


def links(html: str) -> Links:
    parser = Links()
    parser.feed(html)
    return parser


def footer(site_dir, page: str, direction: str) -> str | None:
    for link in links(html_of(site_dir, page)).links:
        if f"md-footer__link--{direction}" in (link.get("class") or ""):
            return resolve(url_of(page), link["href"])
    return None


def test_following_next_from_the_first_step_visits_every_step_in_order(site_dir):
    expected = [url_of(step.page) for step in STEPS]
    visited, page = [url_of(STEPS[0].page)], STEPS[0].page
    by_url = {url_of(step.page): step.page for step in STEPS}
    while len(visited) < len(STEPS):
        target = footer(site_dir, page, "next")
        assert target in by_url, f"'Next' on {page} leads to {target}, which is not the next step"
        visited.append(target)
        page = by_url[target]
    assert visited == expected


def test_previous_walks_the_path_back_to_the_learning_path(site_dir):
    for before, step in zip(STEPS, STEPS[1:], strict=False):
        assert footer(site_dir, step.page, "prev") == url_of(before.page), step.page
    assert footer(site_dir, STEPS[0].page, "prev") == "program/learning-path/"
    assert footer(site_dir, "program/learning-path.md", "next") == url_of(STEPS[0].page)


def test_each_navigation_section_lists_its_steps_in_path_order(site_dir):
    nav = html_of(site_dir, "program/learning-path.md")
    nav = nav[nav.index("md-nav--primary") : nav.index("md-nav--secondary")]
    order = []
    for link in links(nav).links:
        target = resolve("", link["href"])
        if target not in order:
            order.append(target)
    position = {url: index for index, url in enumerate(order)}
    for section in sorted({posixpath.dirname(step.page) for step in STEPS}):
        in_path = [url_of(s.page) for s in STEPS if posixpath.dirname(s.page) == section]
        shown = sorted(in_path, key=lambda url: position.get(url, 10**6))
        assert shown == in_path, f"the {section} navigation is out of path order: {shown}"
        others = [
            url_of(p.relative_to(DOCS).as_posix())
            for p in (DOCS / section).glob("*.md")
            if p.name != "index.md" and url_of(p.relative_to(DOCS).as_posix()) not in in_path
        ]
        for other in others:
            assert position[other] > max(position[url] for url in in_path), (
                f"{other} is not on the path but is listed before its steps"
            )


def soup(site_dir, page: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup(html_of(site_dir, page), "html.parser")


def bar_links(site_dir, step) -> list[str]:
    bar = soup(site_dir, step.page).select_one("nav.nexus-step")
    return [resolve(url_of(step.page), a["href"]) for a in bar.select("a[href]")]


def test_every_step_page_has_a_step_bar_and_two_mark_as_done_buttons(site_dir):
    for step in STEPS:
        page = soup(site_dir, step.page)
        bar = page.select_one("article nav.nexus-step")
        assert bar is not None, f"{step.page} has no step bar"
        where = bar.select_one(".nexus-step__where").get_text()
        assert where == f"Step {step.number} of {len(STEPS)} · {step.milestone}"
        buttons = page.select(f'button.nexus-done[data-step="{step.id}"]')
        assert len(buttons) == 2
        assert all(b["aria-pressed"] == "false" for b in buttons)
        assert bar.select_one("button.nexus-done") is not None
        if step.number < len(STEPS):
            following = STEPS[step.number]
            assert url_of(following.page) in bar_links(site_dir, step), (
                f"{step.page}: the bar does not name the next step"
            )


def test_the_step_bar_links_the_prerequisites_from_front_matter(site_dir):
    import yaml

    checked = 0
    for step in STEPS:
        text = (DOCS / step.page).read_text(encoding="utf-8")
        meta = yaml.safe_load(text.split("---\n")[1])
        for prerequisite in meta.get("prerequisites") or []:
            assert url_of(prerequisite) in bar_links(site_dir, step), (
                f"{step.page}: {prerequisite} is not linked"
            )
            checked += 1
    assert checked >= len(STEPS) - 1, "most steps name what comes before them"


def test_every_topic_page_has_at_least_five_questions(site_dir):
    import yaml

    for path in sorted(DOCS.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if not text.startswith("---\n"):
            continue
        meta = yaml.safe_load(text.split("---\n")[1]) or {}
        if meta.get("page_type") not in QUIZ_PAGE_TYPES:
            continue
        page = path.relative_to(DOCS).as_posix()
        html = html_of(site_dir, page)
        html = html[html.index("<article") : html.index("</article>")]
        assert html.count('<div class="quiz"') >= MIN_QUESTIONS, page
        assert "javascript:" not in html, page
        assert "onsubmit" not in html, page
        assert "window.mkdocsQuiz" not in html, f"{page}: the plugin's inline scripts are back"


def test_the_quiz_script_and_style_are_files_not_inline(site_dir):
    assert (site_dir / "assets/vendor/mkdocs-quiz/quiz.js").stat().st_size > 10_000
    (sheet,) = (site_dir / "assets/stylesheets").glob("nexus.*.css")
    assert "/* mkdocs-quiz */" in sheet.read_text(encoding="utf-8")
    home = html_of(site_dir, "index.md")
    assert "quiz.css" not in home
    assert "quiz-progress-sidebar" not in home


def test_pages_that_link_here_lists_the_linking_pages(site_dir):
    """Every page linked from another content page names it at the bottom (from the sources)."""
    target, sources = "concepts/caching.md", []
    for path in sorted(DOCS.rglob("*.md")):
        rel = path.relative_to(DOCS).as_posix()
        if rel in (target, "tags.md") or "includes" in rel:
            continue
        text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.S)
        for href in re.findall(r"\]\(([^)#\s]+\.md)", text):
            if posixpath.normpath(posixpath.join(posixpath.dirname(rel), href)) == target:
                sources.append(rel)
                break
    assert len(sources) >= 3
    block = soup(site_dir, target).select_one("article section.nexus-backlinks")
    listed = {resolve(url_of(target), a["href"]) for a in block.select("a[href]")}
    assert listed == {url_of(source) for source in sources}


def test_each_checklist_item_of_the_learning_path_carries_its_step(site_dir):
    items = soup(site_dir, "program/learning-path.md").select("li.task-list-item[data-step]")
    assert [item["data-step"] for item in items] == [step.id for step in STEPS]
    assert all(item["id"].startswith("step-") for item in items)


# --- bad input ----------------------------------------------------------------------------


def test_a_step_that_links_a_missing_page_names_the_line(tmp_path):
    (tmp_path / "program").mkdir()
    text = "## 1. Start\n\n- [ ] [Gone](../technologies/gone.md): nothing\n"
    with pytest.raises(PathError, match=r"learning-path.md:3: step links .*gone.md"):
        read_steps(text, tmp_path)


def test_a_page_listed_twice_on_the_path_is_refused(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a/x.md").write_text("x")
    text = "## 1. Start\n\n- [ ] [X](../a/x.md): one\n- [ ] [X again](../a/x.md): two\n"
    with pytest.raises(PathError, match=r":4: a/x.md is already step on line 3"):
        read_steps(text, tmp_path)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("concepts/caching.md", "must be a list"),
        (["technologies/nope.md"], "does not exist"),
        (["technologies/kubernetes.md"], "after this page"),
        (["challenges/docker-image-too-large.md"], "not a step of the learning path"),
        (["technologies/celery.md"], "lists itself"),
    ],
)
def test_bad_prerequisites_name_the_line_and_the_fix(value, message):
    meta = {"title": "Celery", "prerequisites": value}
    listing = value if isinstance(value, list) else [value]
    lines = ["---", "title: Celery", "prerequisites:", *[f"  - {v}" for v in listing], "---"]
    findings = check_prerequisites("technologies/celery.md", meta, lines)
    assert len(findings) == 1
    line, text, fix = findings[0]
    assert message in text
    assert fix
    assert line == (3 if message == "must be a list" else 4)


QUIZ = "<quiz>\nWhich?\n- [x] right\n- [ ] wrong\n> because\n\nThe explanation.\n</quiz>\n"


@pytest.mark.parametrize(
    ("quiz", "message"),
    [
        (QUIZ.replace("- [x] right", "- [ ] right"), "has no correct answer"),
        (QUIZ.replace("- [ ] wrong", "- [x] wrong"), "every option"),
        (QUIZ.replace("- [ ] wrong", "- [ ] right"), "repeats line"),
        (QUIZ.replace("</quiz>\n", ""), "never closed"),
        (QUIZ.replace("\nThe explanation.\n", ""), "has no explanation"),
        (QUIZ.replace("- [x] right", "- [v] right"), "neither '[x]' nor '[ ]'"),
        (QUIZ.replace("> because", "\n> because"), "separated from its option"),
        (QUIZ.replace("Which?\n", ""), "has no question"),
    ],
)
def test_a_broken_question_names_its_line_and_the_fix(quiz, message):
    lines = ["# Page", "", *quiz.splitlines()]
    findings = check_page(lines, None)
    assert any(message in text and line >= 3 and fix for line, text, fix in findings), findings


def test_a_topic_page_with_too_few_questions_or_old_notes_is_refused():
    lines = ["# Page", "", "## Check yourself", "", '??? question "Why?"', "    Because.", ""]
    lines += QUIZ.splitlines()
    messages = [text for _, text, _ in check_page(lines, "technology")]
    assert any("collapsible note" in m for m in messages)
    assert any("1 question(s), fewer than 5" in m for m in messages)


def test_the_print_page_holds_the_questions_without_the_plugins_inline_scripts(offline_site):
    printed = (offline_site / "print_page.html").read_text(encoding="utf-8")
    printed = printed[printed.index("<article") : printed.rindex("</article>")]
    assert printed.count('<div class="quiz"') >= 5 * 30
    assert "window.mkdocsQuiz" not in printed
    assert "javascript:void" not in printed
