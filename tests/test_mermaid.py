"""Every diagram parses with the Mermaid the site ships, checked in the real browser.

Covers each file under diagrams/ and each Mermaid fence typed into a page. A syntax error
fails with the file, the line Mermaid reports, and Mermaid's own message.
"""

import re

import pytest

from tools.sitebuild import ROOT

pytestmark = pytest.mark.browser

MERMAID_JS = ROOT / "docs/assets/vendor/mermaid/mermaid.min.js"
FENCE = re.compile(r"^```mermaid\s*\n(?P<body>.*?)^```", re.M | re.S)


def diagram_sources() -> dict[str, str]:
    """Map a readable location (file, or page:line) to Mermaid source."""
    sources = {
        str(path.relative_to(ROOT)): path.read_text()
        for path in sorted((ROOT / "diagrams").rglob("*.mmd"))
    }
    for page in sorted((ROOT / "docs").rglob("*.md")):
        text = page.read_text()
        for match in FENCE.finditer(text):
            body = match.group("body")
            if body.strip().startswith("--8<--"):
                continue  # an include of a diagrams/ file, checked above
            line = text[: match.start()].count("\n") + 1
            sources[f"{page.relative_to(ROOT)}:{line}"] = body
    return sources


@pytest.fixture(scope="module")
def mermaid_page(chromium):
    context = chromium.new_context()
    page = context.new_page()
    page.set_content("<!doctype html><html><body></body></html>")
    page.add_script_tag(content=MERMAID_JS.read_text())
    page.evaluate("mermaid.initialize({startOnLoad: false})")
    yield page
    context.close()


def parse_error(page, source: str) -> str | None:
    """Mermaid's parse error for ``source``, or None when it parses."""
    return page.evaluate(
        """async (source) => {
            try { await mermaid.parse(source); return null; }
            catch (error) { return String(error.message || error); }
        }""",
        source,
    )


def located(location: str, error: str) -> str:
    line = re.search(r"line (\d+)", error)
    where = f"{location} (diagram line {line.group(1)})" if line else location
    return f"{where}: Mermaid cannot parse this diagram:\n{error}"


SOURCES = diagram_sources()


def test_there_are_diagrams_to_check():
    assert any(name.startswith("diagrams/") for name in SOURCES)


@pytest.mark.parametrize("location", sorted(SOURCES))
def test_diagram_parses(mermaid_page, location):
    error = parse_error(mermaid_page, SOURCES[location])
    assert error is None, located(location, error)


def test_a_syntax_error_is_reported_with_its_line(mermaid_page):
    broken = "flowchart TB\n    a --> b\n    b --> \n    c -->> d\n"
    error = parse_error(mermaid_page, broken)
    assert error is not None
    message = located("diagrams/architecture/broken.mmd", error)
    assert message.startswith("diagrams/architecture/broken.mmd (diagram line ")
    assert "Parse error" in message
