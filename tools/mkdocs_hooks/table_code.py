"""MkDocs hook: inline code in a table cell breaks between identifiers, never inside one.

On a phone a table column is narrow, and Material lets inline code break anywhere
(``word-break: break-word``), so ``BigAutoField`` came out as ``BigAutoFi`` + ``eld``.
reading.css turns that off for code in cells; this adds a break opportunity (``<wbr>``)
after each dot and slash that joins two names (``django.<wbr>db.<wbr>models``,
``examples/<wbr>config/``), so a dotted path can still wrap where a reader expects it, and
keeps a name with hyphens (``--prefetch-multiplier=1``) on one line.
"""

import re

CELL = re.compile(r"(<t[dh]\b[^>]*>)(.*?)(</t[dh]>)", re.S)
# Inline code as Markdown writes it: no markup inside (highlighted code has spans; left alone).
CODE = re.compile(r"(<code>)([^<]*)(</code>)")
# A dot or slash with a name character before it and the start of a name after it.
JOIN = re.compile(r"(?<=[\w)\]])([./])(?=[A-Za-z_])")


def add_breaks(code: str) -> str:
    """Code text with a ``<wbr>`` between names, and names with hyphens kept whole.

    A browser wraps after a hyphen: ``--prefetch-`` + ``multiplier=1``.
    """
    pieces = []
    for piece in re.split(r"(\s+|<wbr>)", JOIN.sub(r"\1<wbr>", code)):
        if "-" in piece and not piece.isspace():
            piece = f'<span class="nexus-nowrap">{piece}</span>'
        pieces.append(piece)
    return "".join(pieces)


def _cell(match: re.Match) -> str:
    body = CODE.sub(lambda code: code[1] + add_breaks(code[2]) + code[3], match[2])
    return match[1] + body + match[3]


def on_page_content(html_content, page, config, files):
    if "<td" not in html_content and "<th" not in html_content:
        return html_content
    return CELL.sub(_cell, html_content)
