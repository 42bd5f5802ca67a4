"""The PDF download is navigable: bookmarks, page numbers, captions with their code, no widgets.

The PDF checked is the one this run printed (the ``offline_site`` fixture), read with pypdf.
Reading a page's text costs about 0.2 s and the PDF has some 900 pages, so the checks that
need the text read every bookmark's page and a fixed sample of the others (SAMPLE_EVERY).
"""

import functools
import html
import io
import re

import pypdf
import pytest
from bs4 import BeautifulSoup

from tools import downloads
from tools.pdf_contents import (
    ContentsNumbersError,
    add_outline,
    print_with_page_numbers,
    start_pages,
)

FOOTER = re.compile(r"^Page (\d+)( of (\d+))?$")
SAMPLE_EVERY = 10  # pages between two sampled pages, besides the bookmarks' pages checked
BOOKMARK_EVERY = 4  # of the bookmarks below the top level, every fourth is opened
WIDGET_LABELS = {"Mark as done", "Enlarge", "Clear the checklist"}
NOT_BOOKMARKED = {"Pages that link here"}  # the same list on every page, not a section


def _words(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def reader(offline_site):
    return pypdf.PdfReader(downloads.OUT / downloads.PDF_NAME)


@pytest.fixture(scope="module")
def lines(reader):
    """lines(n): page n's text lines (1-based), top to bottom, by their position on the page."""

    @functools.cache
    def page_lines(number: int) -> list[str]:
        rows: dict[float, list[tuple[float, str]]] = {}

        def visit(text, cm, tm, font, size):
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                rows.setdefault(round(y / 3), []).append((x, text))

        reader.pages[number - 1].extract_text(visitor_text=visit)
        ordered = sorted(rows.items(), key=lambda row: -row[0])
        joined = ("".join(t for _, t in sorted(parts)) for _, parts in ordered)
        return [" ".join(line.split()) for line in joined if line.strip()]

    return page_lines


def _checked(outline) -> list[tuple[str, int]]:
    """Every top-level bookmark, and every BOOKMARK_EVERY-th of those below."""
    below = [entry for _, _, children in outline for entry in children]
    return [(t, p) for t, p, _ in outline] + below[::BOOKMARK_EVERY]


def _sample(reader, outline) -> list[int]:
    pages = {page for _, page in _checked(outline)}
    pages |= set(range(1, len(reader.pages) + 1, SAMPLE_EVERY)) | {len(reader.pages)}
    return sorted(pages)


@pytest.fixture(scope="module")
def print_page(offline_site):
    return BeautifulSoup((offline_site / "print_page.html").read_text(), "html.parser")


def _title(element) -> str:
    for link in element.select("a.headerlink"):
        link.decompose()
    return " ".join(element.get_text(" ").split())


def _outline(reader, items=None):
    """[(title, 1-based page, [(title, page), ...])] of the bookmarks, children flattened."""
    entries = []
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            entries[-1][2].extend((t, p) for t, p, _ in _flat(reader, item))
        else:
            entries.append((item.title, reader.get_destination_page_number(item) + 1, []))
    return entries


def _flat(reader, items):
    for item in items:
        if isinstance(item, list):
            yield from _flat(reader, item)
        else:
            yield item.title, reader.get_destination_page_number(item) + 1, []


def test_every_page_and_section_is_a_bookmark(reader, print_page):
    outline = _outline(reader)
    assert outline, "no bookmarks: tools/pdf_contents.add_outline did not run"
    main = print_page.select_one("#print-site-page")
    tops = main.find_all("section", class_="print-page", id=True, recursive=False)
    # Top level: the site's sections and its pages outside any section, as in the Contents.
    assert [_words(t) for t, _, _ in outline] == [_words(_title(s.find("h1"))) for s in tops]
    bookmarked = {_words(t) for _, _, children in outline for t, _ in children}
    for page in main.select("section.print-page[id]:not(.md-section)"):
        h2s = [_title(h2) for h2 in page.find_all("h2", id=True)]
        h2s = [t for t in h2s if t not in NOT_BOOKMARKED]
        missing = [t for t in h2s if _words(t) not in bookmarked]
        assert not missing, f"{page['id']}: sections without a bookmark: {missing}"


def test_each_bookmark_opens_the_page_of_its_heading(reader, lines, print_page):
    # A page's bookmark is its title in the Contents (the navigation's), which may differ
    # from the heading printed on it ("Contribute" opens "Contributing to Project Nexus").
    page_titles = {_words(_title(h1)) for h1 in print_page.select("section.print-page > h1")}
    wrong = []
    for heading, page in _checked(_outline(reader)):
        text = _words(" ".join(lines(page)))
        opens_a_page = any(_words(line) in page_titles for line in lines(page)[:3])
        if _words(heading) not in text and not opens_a_page:
            wrong.append(f"{heading!r} -> page {page}")
    assert not wrong, f"{len(wrong)} bookmarks open a page without their heading: {wrong[:5]}"


def test_the_contents_list_the_bookmarks_pages(reader, lines):
    outline = _outline(reader)
    pdf = (downloads.OUT / downloads.PDF_NAME).read_bytes()
    # The Contents: from the page titled so to the page before the first bookmark's.
    first = outline[0][1]
    contents = next(n for n in range(1, first) if "Contents" in lines(n)[:3])
    listed = []
    # In layout mode: the plain extraction gives a page's numbers apart from its titles.
    for n in range(contents, first):
        for line in reader.pages[n - 1].extract_text(extraction_mode="layout").splitlines():
            match = re.fullmatch(r"(.+?)\s*(\d+)", line.strip())
            if match and not FOOTER.match(line.strip()):
                listed.append((_words(match[1]), int(match[2])))
    bookmarks = [(_words(t), p) for t, p, children in outline for t, p in [(t, p), *children]]
    assert len(listed) >= len(outline), f"{len(listed)} numbered lines for {len(outline)} entries"
    wrong = [entry for entry in listed if entry not in bookmarks]
    assert not wrong, f"Contents lines whose number is not their bookmark's page: {wrong[:5]}"
    assert start_pages(pdf, ["index"]) == {"index": listed[0][1]}


def test_every_page_says_its_number_in_the_footer(reader, lines):
    total = len(reader.pages)
    sample = _sample(reader, _outline(reader))
    missing = [n for n in sample if f"Page {n} of {total}" not in lines(n)]
    assert not missing, f"pages without 'Page N of {total}' in the footer: {missing[:10]}"


def test_no_page_ends_with_a_code_caption(reader, lines, print_page):
    spans = print_page.select(".highlight > .filename")
    captions = {" ".join(span.get_text().split()) for span in spans}
    assert captions, "the print page has no code captions to check"
    ending = []
    for number in _sample(reader, _outline(reader)):
        text = [line for line in lines(number) if not FOOTER.match(line)]
        if text and text[-1] in captions:
            ending.append((number, text[-1]))
    assert not ending, f"{len(ending)} pages end with a code caption: {ending[:5]}"


def test_no_widget_prints(reader, lines):
    shown = set()
    for number in _sample(reader, _outline(reader)):
        text = lines(number)
        shown |= {line for line in text if re.search(r"\d+ of \d+ steps done", line)}
        shown |= {
            line for line in text if line in {"Mark as done", "Enlarge", "Clear the checklist"}
        }
    assert not shown, f"widgets printed: {sorted(shown)}"


def test_collapsibles_print_open(reader, lines, print_page):
    """Collapsibles print with their body: checked on the pages between the headings around them.

    Only collapsibles whose summary occurs once ("Source code in examples/api/serializers.py"
    heads many), so the text found is that collapsible's; digits are left out of the
    comparison, as a source listing's line numbers share each printed line with its code.
    """

    def plain(text: str) -> str:
        return re.sub(r"\d", "", _words(html.unescape(text)))

    pdf = (downloads.OUT / downloads.PDF_NAME).read_bytes()
    headings = print_page.select("#print-site-page :is(h1, h2)[id]")
    known = start_pages(pdf, [h["id"] for h in headings if _has_destination(reader, h["id"])])
    everything = print_page.select("#print-site-page details")
    summaries = [plain(_title(d.summary)) if d.summary else "" for d in everything]
    checked, closed = 0, []
    for details, summary in zip(everything, summaries, strict=True):
        if summaries.count(summary) != 1 or checked >= 8:
            continue
        before = [h["id"] for h in details.find_all_previous(["h1", "h2"]) if h.get("id") in known]
        after = [h["id"] for h in details.find_all_next(["h1", "h2"]) if h.get("id") in known]
        if not (before and after):
            continue
        for numbers in details.select(".linenos, .linenodiv"):
            numbers.decompose()
        body = [c for c in details.children if getattr(c, "name", None) not in (None, "summary")]
        first = next((t for t in (plain(c.get_text()) for c in body) if t), "")
        pages = range(known[before[0]], min(known[after[0]] + 1, len(reader.pages)) + 1)
        text = "".join(plain(" ".join(lines(n))) for n in pages)
        checked += 1
        if summary not in text or first[:40] not in text:
            closed.append(summary[:40])
    assert checked, "no collapsible with a summary of its own between two bookmarked headings"
    assert not closed, f"collapsibles printed closed: {closed[:5]}"


def _has_destination(reader, name: str) -> bool:
    return f"/{name}" in reader.named_destinations


def test_the_pdf_is_not_tagged_and_stays_small(reader):
    """Bookmarks come from pypdf, not from a tagged print (three times the size)."""
    size = (downloads.OUT / downloads.PDF_NAME).stat().st_size
    assert size < 20_000_000, f"the PDF is {size / 1e6:.1f} MB: printed with tagged=True?"


# The two-pass module on its own, with a stand-in for the browser page.


def _pdf_with(destinations: dict[str, int], pages: int = 4) -> bytes:
    writer = pypdf.PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    for name, page in destinations.items():
        writer.add_named_destination(name, page - 1)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


class _Page:
    def __init__(self, targets, prints):
        self.targets, self.prints, self.written = targets, list(prints), []

    def evaluate(self, script, arg=None):
        if arg is None:
            return self.targets
        self.written.append(dict(arg))

    def pdf(self, **options):
        return self.prints.pop(0)


def test_page_numbers_are_written_and_confirmed():
    page = _Page(["a", "b"], [_pdf_with({"a": 1, "b": 3})] * 2)
    pdf = print_with_page_numbers(page, {})
    assert page.written == [{"a": 1, "b": 3}]
    assert start_pages(pdf, ["a", "b"]) == {"a": 1, "b": 3}


def test_numbers_that_keep_moving_fail_clearly():
    prints = [_pdf_with({"a": 1, "b": n}) for n in (2, 3, 4)]
    with pytest.raises(ContentsNumbersError, match=r"#b printed as page 3, now on page 4.*widen"):
        print_with_page_numbers(_Page(["a", "b"], prints), {}, passes=3)


def test_a_contents_entry_without_a_destination_fails_clearly():
    message = r"no destination for 1 Contents entries \(#gone\)"
    with pytest.raises(ContentsNumbersError, match=message):
        print_with_page_numbers(_Page(["a", "gone"], [_pdf_with({"a": 1})]), {})


def test_bookmarks_follow_the_tree_and_skip_sections_without_a_page():
    pdf = _pdf_with({"a": 1, "a-one": 2, "b": 3})
    tree = [
        {
            "id": "a",
            "title": "A",
            "children": [
                {"id": "a-one", "title": "One", "children": []},
                {"id": "a-gone", "title": "Gone", "children": []},
            ],
        },
        {"id": "b", "title": "B", "children": []},
    ]
    reader = pypdf.PdfReader(io.BytesIO(add_outline(pdf, tree)))
    assert _outline(reader) == [("A", 1, [("One", 2)]), ("B", 3, [])]


def test_a_contents_entry_without_a_page_fails_clearly():
    with pytest.raises(ContentsNumbersError, match=r"no destination for the Contents entry #b"):
        add_outline(_pdf_with({"a": 1}), [{"id": "b", "title": "B", "children": []}])
