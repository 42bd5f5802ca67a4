"""Page numbers in the PDF's Contents, by printing twice.

Chromium has no ``target-counter()``, so a page cannot say on which page a link's target
lands. The first print tells: Chromium writes a named destination for every target of an
internal link, and each Contents entry links to its page (``#print-page-toc a[href="#id"]``).
The numbers are then written into the Contents, in a column whose width was reserved before
the first print (``.nexus-toc-page`` in ``docs/assets/stylesheets/print.css``), and the page
is printed again. The second print's destinations must equal the first's, or the numbers
would be wrong: that is checked, not assumed.
"""

import io

import pypdf

# Both prints lay the Contents out the same way: a leader and an empty number column per
# entry, before the first print; the numbers fill that column before the second.
_PREPARE = """() => {
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
