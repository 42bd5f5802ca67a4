"""The PDF download is navigable: bookmarks, page numbers, captions with their code, no widgets.

The PDF checked is the one this run printed (the ``offline_site`` fixture), read with pypdf.
"""

import html
import io
import re

import pypdf
import pytest
from bs4 import BeautifulSoup

from tools import downloads
from tools.pdf_contents import ContentsNumbersError, print_with_page_numbers, start_pages

FOOTER = re.compile(r"^Page (\d+)( of (\d+))?$")


def _words(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def reader(offline_site):
    return pypdf.PdfReader(downloads.OUT / downloads.PDF_NAME)


@pytest.fixture(scope="module")
def lines(reader):
    """Each page's text lines, stripped, empty lines dropped."""
    return [
        [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        for page in reader.pages
    ]


@pytest.fixture(scope="module")
def print_page(offline_site):
    return BeautifulSoup((offline_site / "print_page.html").read_text(), "html.parser")


def _title(element) -> str:
    for link in element.select("a.headerlink"):
        link.decompose()
    return " ".join(element.get_text(" ").split())


def _outline(reader):
    """[(title, 1-based page, [children...])] of the PDF's bookmarks."""
    entries = []
    for item in reader.outline:
        if isinstance(item, list):
            entries[-1][2].extend(_outline_items(reader, item))
        else:
            entries.append((item.title, reader.get_destination_page_number(item) + 1, []))
    return entries


def _outline_items(reader, items):
    flat = []
    for item in items:
        if isinstance(item, list):
            flat.extend(_outline_items(reader, item))
        else:
            flat.append((item.title, reader.get_destination_page_number(item) + 1))
    return flat


def test_every_page_and_section_is_a_bookmark(reader, print_page):
    outline = _outline(reader)
    assert outline, "no outline: page.pdf(outline=True, tagged=True) in tools/downloads.py"
    main = print_page.select_one("#print-site-page")
    expected = [_title(h1) for h1 in main.find_all("h1")]
    # Compared without spaces: Chromium drops the space where a heading wraps.
    assert [_words(title) for title, _, _ in outline] == [_words(title) for title in expected]
    sections = {_words(title): children for title, _, children in outline}
    for page in main.select("section.print-page[id]:not(.md-section)"):
        h1 = page.find("h1")
        h2s = [_words(_title(h2)) for h2 in page.find_all("h2")]
        if h1 is None or not h2s:
            continue
        got = [_words(title) for title, _ in sections[_words(_title(h1))]]
        assert [t for t in got if t in h2s] == h2s, f"the sections of {_title(h1)!r}"


def test_each_bookmark_opens_the_page_of_its_heading(reader, lines):
    wrong = []
    for title, number, children in _outline(reader):
        for heading, page in [(title, number), *children]:
            if _words(heading) not in _words(" ".join(lines[page - 1])):
                wrong.append(f"{heading!r} -> page {page}")
    assert not wrong, f"{len(wrong)} bookmarks open a page without their heading: {wrong[:5]}"


def test_the_contents_list_the_bookmarks_pages(reader, print_page):
    outline = _outline(reader)
    titles = [title for title, _, _ in outline]
    first = outline[titles.index("Contents")][1]
    after = outline[titles.index("Contents") + 1][1]
    entries = print_page.select("#print-page-toc a, .md-sidebar--secondary nav > ul a")
    toc = [" ".join(a.get_text(" ").split()) for a in entries]
    listed = []
    # In layout mode: the plain extraction gives a page's numbers apart from its titles.
    contents = [
        reader.pages[n].extract_text(extraction_mode="layout") for n in range(first - 1, after - 1)
    ]
    for line in (line.strip() for page in contents for line in page.splitlines()):
        match = re.fullmatch(r"(.+?)\s*(\d+)", line)
        if match and not FOOTER.match(line):
            listed.append((match[1].strip(), int(match[2])))
    assert [_words(t) for t, _ in listed] == [_words(t) for t in toc], "every entry, numbered"
    by_id = start_pages(
        (downloads.OUT / downloads.PDF_NAME).read_bytes(),
        [a["href"][1:] for a in entries],
    )
    assert [number for _, number in listed] == list(by_id.values())
    # Each entry is a page or a section title, as the bookmarks after "Contents" are.
    bookmarks = outline[titles.index("Contents") + 1 :]
    assert [number for _, number in listed] == [page for _, page, _ in bookmarks]


def test_every_page_says_its_number_in_the_footer(lines):
    total = len(lines)
    missing = [n for n, page in enumerate(lines, 1) if f"Page {n} of {total}" not in page]
    assert not missing, f"pages without 'Page N of {total}' in the footer: {missing[:10]}"


def test_no_page_ends_with_a_code_caption(lines, print_page):
    spans = print_page.select(".highlight > .filename")
    captions = {" ".join(span.get_text().split()) for span in spans}
    assert captions, "the print page has no code captions to check"
    ending = []
    for number, page in enumerate(lines, 1):
        text = [line for line in page if not FOOTER.match(line)]
        if text and text[-1] in captions:
            ending.append((number, text[-1]))
    assert not ending, f"{len(ending)} pages end with a code caption: {ending[:5]}"


def test_no_widget_prints(lines):
    text = "\n".join(line for page in lines for line in page)
    assert not re.search(r"\d+ of \d+ steps done", text)
    labels = {"Mark as done", "Enlarge", "Clear the checklist"}
    shown = sorted({line for page in lines for line in page if line in labels})
    assert not shown, f"widget labels printed: {shown}"


def test_collapsibles_print_open(lines, print_page):
    text = _words(" ".join(line for page in lines for line in page))
    closed = []
    for details in print_page.select("#print-site-page details"):
        body = [c for c in details.children if getattr(c, "name", None) not in (None, "summary")]
        texts = [_words(html.unescape(c.get_text())) for c in body]
        first = next((t for t in texts if t), "")
        if first and first[:60] not in text:
            closed.append(_words(details.summary.get_text())[:40] if details.summary else "?")
    assert not closed, f"{len(closed)} collapsibles printed closed: {closed[:5]}"


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
