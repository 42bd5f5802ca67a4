"""Page numbers in the PDF's Contents, by printing twice, and its bookmarks.

Chromium has no ``target-counter()``, so a page cannot say on which page a link's target
lands. The first print tells: Chromium writes a named destination for every target of an
internal link, and each Contents entry links to its page (``#print-page-toc a[href="#id"]``).
The numbers are then written into the Contents, in a column whose width was reserved before
the first print (``.nexus-toc-page`` in ``docs/assets/stylesheets/print.css``), and the page
is printed again. The second print's destinations must equal the first's, or the numbers
would be wrong: that is checked, not assumed.

The bookmarks (the PDF's outline) are written with pypdf from the same destinations: the
Contents' tree (sections, then their pages), and under each page its ``h2`` sections, each
at the page where its heading starts. Chromium can make an outline itself, but only in a
tagged PDF, which measured three times the size (35 MB against 11.6 MB) and slower to print.
"""

import io

import pypdf

# Both prints lay the Contents out the same way: a leader and an empty number column per
# entry, before the first print; the numbers fill that column before the second.
_PREPARE = """() => {
  // print-site leaves some headings' ids unprefixed (a heading right after mkdocstrings'
  // output) while their permalink names the prefixed id: give the heading the id its
  // permalink names, so the link works and the PDF has a destination for the bookmark.
  for (const link of document.querySelectorAll('#print-site-page :is(h1, h2) > a.headerlink')) {
    const id = decodeURIComponent((link.getAttribute('href') || '').slice(1));
    if (id && !document.getElementById(id)) link.parentElement.id = id;
  }
  // A section's title page: Chromium puts the section element's destination on the page
  // after it, so links (the Contents, the bookmark) go to the title itself.
  for (const h1 of document.querySelectorAll('#print-site-page section.md-section[id] > h1')) {
    const section = h1.parentElement.id;
    h1.id = `${section}-title`;
    for (const link of document.querySelectorAll(`a[href="#${section}"]`)) {
      link.setAttribute('href', `#${h1.id}`);
    }
  }
  const links = [...document.querySelectorAll('#print-page-toc a.md-nav__link[href^="#"]')];
  for (const link of links) {
    if (link.querySelector('.nexus-toc-page')) continue;
    const leader = document.createElement('span');
    leader.className = 'nexus-toc-leader';
    leader.setAttribute('aria-hidden', 'true');
    const number = document.createElement('span');
    number.className = 'nexus-toc-page';
    link.append(leader, number);
  }
  return links.map(link => decodeURIComponent(link.getAttribute('href').slice(1)));
}"""

_WRITE = """(numbers) => {
  for (const link of document.querySelectorAll('#print-page-toc a.md-nav__link[href^="#"]')) {
    const id = decodeURIComponent(link.getAttribute('href').slice(1));
    link.querySelector('.nexus-toc-page').textContent = String(numbers[id]);
  }
}"""


# The Contents as a tree, and every page's sections: [{id, title, children: [...]}, ...].
_TREE = """() => {
  const title = (element) => {
    const copy = element.cloneNode(true);
    const extras = '.headerlink, .nexus-toc-leader, .nexus-toc-page';
    copy.querySelectorAll(extras).forEach(e => e.remove());
    return copy.textContent.replace(/\\s+/g, ' ').trim();
  };
  const sections = (id) => {
    const page = document.getElementById(id);
    if (!page || page.classList.contains('md-section')) return [];
    return [...page.querySelectorAll('h2[id]')]
      .filter(h2 => h2.closest('section.print-page') === page)
      .map(h2 => ({id: h2.id, title: title(h2), children: []}));
  };
  const walk = (list) => [...list.querySelectorAll(':scope > li')].map(li => {
    const link = li.querySelector(':scope > a[href^="#"]');
    const id = decodeURIComponent(link.getAttribute('href').slice(1));
    const nested = li.querySelector(':scope > nav > ul');
    return {id, title: title(link), children: nested ? walk(nested) : sections(id)};
  });
  return walk(document.querySelector('#print-page-toc ul'));
}"""


class ContentsNumbersError(RuntimeError):
    """The Contents' page numbers could not be made right."""


def start_pages(pdf: bytes, targets: list[str]) -> dict[str, int]:
    """The 1-based page on which each target id starts, from the PDF's named destinations."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    destinations = reader.named_destinations
    pages = {}
    missing = []
    for target in targets:
        destination = destinations.get(f"/{target}") or destinations.get(target)
        number = None if destination is None else reader.get_destination_page_number(destination)
        if number is None:
            missing.append(target)
        else:
            pages[target] = number + 1
    if missing:
        raise ContentsNumbersError(
            f"the PDF has no destination for {len(missing)} Contents entries "
            f"(#{', #'.join(missing[:5])}): each Contents link must point at an element id "
            "of the print page (print_page.html); check that the page with that id was printed"
        )
    return pages


def print_with_page_numbers(page, pdf_options: dict, passes: int = 3) -> bytes:
    """Print ``page`` (a Playwright page showing the print page) with numbered Contents.

    Writing the numbers moves nothing when the reserved column holds them, so the second print
    normally confirms the first; if it does not, the numbers are written again, up to
    ``passes`` prints in all, then it fails naming the entries that keep moving.
    """
    targets = page.evaluate(_PREPARE)
    if not targets:
        raise ContentsNumbersError(
            "the print page has no Contents links (#print-page-toc a[href^='#']): "
            "is print-site's add_table_of_contents still on in mkdocs.yml?"
        )
    pdf = page.pdf(**pdf_options)
    written = start_pages(pdf, targets)
    for _ in range(passes - 1):
        page.evaluate(_WRITE, written)
        pdf = page.pdf(**pdf_options)
        printed = start_pages(pdf, targets)
        if printed == written:
            return pdf
        previous, written = written, printed
    moved = [
        f"#{target} printed as page {previous[target]}, now on page {printed[target]}"
        for target in targets
        if printed[target] != previous[target]
    ]
    raise ContentsNumbersError(
        f"the Contents' page numbers still moved after {passes} prints ({', '.join(moved[:5])}): "
        "a number wider than the reserved .nexus-toc-page column (print.css) reflows the "
        "Contents; widen the column"
    )


def add_outline(pdf: bytes, tree: list[dict]) -> bytes:
    """``pdf`` with bookmarks for ``tree`` (see _TREE), each at its id's named destination.

    A page's section without a destination (Chromium writes one only for a link's target,
    and every heading's permalink is one) is left out rather than pointed at a guessed page.
    """
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    destinations = reader.named_destinations
    writer = pypdf.PdfWriter(clone_from=reader)

    def page_of(entry: dict) -> int | None:
        destination = destinations.get(f"/{entry['id']}") or destinations.get(entry["id"])
        return None if destination is None else reader.get_destination_page_number(destination)

    def add(entries: list[dict], parent=None) -> None:
        for entry in entries:
            number = page_of(entry)
            if number is None:
                if parent is None:
                    raise ContentsNumbersError(
                        f"the PDF has no destination for the Contents entry #{entry['id']} "
                        f"({entry['title']!r}): its bookmark would have no page"
                    )
                continue
            item = writer.add_outline_item(title=entry["title"], page_number=number, parent=parent)
            add(entry["children"], item)

    add(tree)
    writer.page_mode = "/UseOutlines"  # readers open with the bookmarks shown
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def print_navigable(page, pdf_options: dict) -> bytes:
    """The print page as a PDF with numbered Contents and bookmarks."""
    pdf = print_with_page_numbers(page, pdf_options)
    return add_outline(pdf, page.evaluate(_TREE))
