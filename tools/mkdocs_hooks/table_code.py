"""MkDocs hook: inline code in a table cell breaks between identifiers, never inside one.

On a phone a table column is narrow, and Material lets inline code break anywhere
(``word-break: break-word``), so ``BigAutoField`` came out as ``BigAutoFi`` + ``eld``.
reading.css turns that off for code in cells; this adds a break opportunity (``<wbr>``)
after each dot and slash that joins two names (``django.<wbr>db.<wbr>models``,
``examples/<wbr>config/``), so a dotted path can still wrap where a reader expects it.
"""

import re

CELL = re.compile(r"(<t[dh]\b[^>]*>)(.*?)(</t[dh]>)", re.S)
# Inline code as Markdown writes it: no markup inside (highlighted code has spans; left alone).
CODE = re.compile(r"(<code>)([^<]*)(</code>)")
# A dot or slash with a name character before it and the start of a name after it.
JOIN = re.compile(r"(?<=[\w)\]])([./])(?=[A-Za-z_])")


def add_breaks(code: str) -> str:
    return JOIN.sub(r"\1<wbr>", code)


def _cell(match: re.Match) -> str:
    body = CODE.sub(lambda code: code[1] + add_breaks(code[2]) + code[3], match[2])
    return match[1] + body + match[3]


def on_page_content(html_content, page, config, files):
    if "<td" not in html_content and "<th" not in html_content:
        return html_content
    return CELL.sub(_cell, html_content)
