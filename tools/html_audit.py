"""What a page's HTML may not hold, read with an HTML parser (never regular expressions).

One set of rules for two readers: ``tools/mkdocs_hooks/published_html.py`` feeds it the HTML
each page becomes (whatever Markdown produced it), ``tools/content_check.py`` the raw HTML a
page's Markdown holds, for line-numbered messages before a commit.

Attribute values are read as a browser reads them: html.parser decodes character references
(``javascript&colon;`` is ``javascript:``), and a URL's scheme is taken after removing what a
browser removes (surrounding spaces and control characters, tabs and newlines anywhere).
"""

import functools
import re
from html.parser import HTMLParser
from typing import NamedTuple
from urllib.parse import urlsplit

from pygments.lexers import get_lexer_by_name
from pygments.lexers.python import CythonLexer, Python2Lexer, PythonConsoleLexer, PythonLexer
from pygments.util import ClassNotFound

# Elements that run code or load another document, and elements whose content a browser
# parses differently from html.parser (raw text, templates, comments' old forms), where
# markup could hide from this check.
FORBIDDEN_ELEMENTS = frozenset(
    {
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "portal",
        "base", "meta", "link", "style", "template", "noscript", "noembed", "noframes",
        "xmp", "plaintext", "textarea", "title", "listing",
    }
)
URL_ATTRIBUTES = frozenset(
    {
        "href", "src", "action", "formaction", "data", "xlink:href", "poster", "background",
        "cite", "codebase", "longdesc", "lowsrc", "dynsrc", "manifest", "icon", "ping",
        "classid", "archive", "profile", "usemap",
    }
)
# SVG animation sets another attribute (an <a>'s href) to these values.
ANIMATION = frozenset({"animate", "set", "animatemotion", "animatetransform"})
ANIMATION_VALUES = frozenset({"to", "from", "values", "by"})
SCRIPT_SCHEMES = frozenset({"javascript", "vbscript", "data"})
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
NO_SCRIPTS = "pages hold no scripts; behaviour belongs in the theme or extra_javascript, reviewed"


class Finding(NamedTuple):
    line: int  # line of the HTML (or Markdown) fed to the parser
    message: str
    fix: str
    evidence: tuple[str, ...]  # pieces of the source to look for, to name the Markdown line


@functools.cache
def is_python(language: str) -> bool:
    """Whether Pygments reads ``language`` as Python: python, py3, pycon, sage, pyi, numpy..."""
    try:
        lexer = get_lexer_by_name(language)
    except ClassNotFound:
        return False
    python = (PythonLexer, Python2Lexer, PythonConsoleLexer, CythonLexer)
    return isinstance(lexer, python) or ("Python" in lexer.name and "Traceback" not in lexer.name)


def browser_url(value: str) -> str:
    """The URL as a browser reads it, lower-cased, for checking its scheme."""
    value = value.strip("".join(map(chr, range(0x21))))
    return re.sub(r"[\t\n\r]", "", value).lower()


def url_problem(value: str) -> tuple[str, str] | None:
    """(message, fix) when a link or source URL may run script or uses plain http."""
    url = browser_url(value)
    match = SCHEME.match(url)
    scheme = match.group(1) if match else ""
    if scheme in SCRIPT_SCHEMES:
        return (
            f"{scheme}: URL {value.strip()[:60]!r}",
            "link to a page or a file of the site, or to an https:// address; "
            f"{scheme}: URLs can run script",
        )
    if scheme == "http":
        try:
            host = urlsplit(url).hostname
        except ValueError:
            host = None
        if host not in LOOPBACK:
            return (f"link {value.strip()} uses http", "use the https:// address")
    return None


class Audit(HTMLParser):
    """Collect the findings of one page's HTML; ``feed`` it, then ``close`` it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.findings: list[Finding] = []
        self.foreign = 0  # depth inside <svg> or <math>, where <title> is an ordinary element

    def report(self, message: str, fix: str, evidence: str = "") -> None:
        raw = (self.get_starttag_text() or "")[:40]
        found = tuple(piece for piece in (evidence, raw) if piece)
        self.findings.append(Finding(self.getpos()[0], message, fix, found))

    def allowed_element(self, tag: str, attrs: dict[str, str | None]) -> bool:
        """Whether a forbidden element is one the site itself puts there (see subclasses)."""
        return False

    def handle_starttag(self, tag, attrs):
        self.check_element(tag, attrs)
        if tag in ("svg", "math"):
            self.foreign += 1

    def handle_endtag(self, tag):
        if tag in ("svg", "math") and self.foreign:
            self.foreign -= 1

    def handle_startendtag(self, tag, attrs):
        self.check_element(tag, attrs)

    def check_element(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if (
            tag in FORBIDDEN_ELEMENTS
            and not (tag == "title" and self.foreign)
            and not self.allowed_element(tag, values)
        ):
            self.report(f"<{tag}> element in page content", NO_SCRIPTS, f"<{tag}")
        for name, value in attrs:
            if name.startswith("on"):
                self.report(
                    f"event handler attribute {name}= on <{tag}>", NO_SCRIPTS, name
                )
            elif name == "srcdoc":
                self.report(f"srcdoc= attribute on <{tag}>", NO_SCRIPTS, name)
            elif value and (
                name in URL_ATTRIBUTES or (tag in ANIMATION and name in ANIMATION_VALUES)
            ):
                if problem := url_problem(value):
                    self.report(*problem, evidence=value.strip())
            elif value and name in ("srcset", "imagesrcset"):
                for candidate in value.split(","):
                    if candidate.strip() and (problem := url_problem(candidate.split()[0])):
                        self.report(*problem, evidence=candidate.strip())
            elif value and name == "style" and re.search(
                r"javascript:|expression\s*\(", browser_url(value)
            ):
                self.report(f"script in the style= attribute of <{tag}>", NO_SCRIPTS, name)
        if tag == "img" and not (values.get("alt") or "").strip():
            src = values.get("src") or ""
            self.report(
                f"image {src} has no alt text",
                "describe the image: ![what it shows](path), or alt=\"...\" on an <img>",
                src,
            )

    def handle_comment(self, data):
        # Browsers end a comment at "<!-->", "<!--->" and "--!>"; html.parser reads on to
        # the next "-->", so markup after them would be hidden from this check.
        if data.startswith((">", "->")) or "--!>" in data:
            self.report(
                "malformed HTML comment (a browser ends it early)",
                "write comments as <!-- text --> with no '--!>' inside",
                "<!--",
            )

    def unknown_decl(self, data):
        self.report(
            f"markup declaration <![{data[:20]}", "remove it: pages are Markdown", "<![")

    def handle_decl(self, decl):
        self.report(f"markup declaration <!{decl[:20]}>", "remove it: pages are Markdown", "<!")

    def handle_pi(self, data):
        self.report(f"processing instruction <?{data[:20]}", "remove it: pages are Markdown", "<?")


def audit(html: str, parser: Audit | None = None) -> list[Finding]:
    """The findings of ``html``; a tag left open at the end is closed as a browser would."""
    parser = parser or Audit()
    # Content is followed by the template's markup: a start tag left unclosed in the
    # content swallows it up to the template's next ">", attributes and all.
    parser.feed(html + "\n</div>")
    parser.close()
    return parser.findings
