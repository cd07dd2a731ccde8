"""An HTML page -> the article it carries: its text in the shape `segment` reads, and what the page says of itself
(title, author, publication date). Menus, headers, footers, bylines, scripts and "most read" boxes are left out
by trafilatura's main-content extraction: markup and page furniture never reach the facts.

Pure (text in, text out): trafilatura only parses the string it is given, it fetches nothing.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date

from transforms.model import BadInput

SUFFIXES = (".html", ".htm")
# A page saved under another name (`.txt`) is recognised from how it starts: a doctype, or an <html>, <head> or
# <body> tag, after any XML declaration and comments. A text that only mentions a tag ("the <b> tag") does not
# start like that. A fragment without those tags (a `<div>` pasted into a file) counts when it starts with a tag
# and closes at least three common block or inline elements in its first 4 kB.
_PAGE_START = re.compile(r"(?:\s|<\?xml[^>]*>|<!--.*?-->)*<(?:!doctype\s+html|html|head|body)[\s>]", re.I | re.S)
_CLOSING_TAG = re.compile(r"</(?:p|div|span|a|li|ul|ol|table|tr|td|h[1-6]|article|section|script|style|b|i|em|"
                          r"strong)\s*>", re.I)
_SNIFF_CHARS = 4096
# Only the page's own markup is searched for its date (meta tags, <time>, JSON-LD), never guessed from the text;
# the latest date accepted is fixed so that the same page gives the same date whatever the day of the run
# (trafilatura's default is today).
_DATE_PARAMS = {"original_date": True, "extensive_search": False, "max_date": "2100-12-31"}
# trafilatura logs a warning for each page it finds nothing in; the refusal (BadInput) already says so.
logging.getLogger("trafilatura").setLevel(logging.ERROR)


@dataclass(frozen=True, slots=True)
class Page:
    text: str  # the title line, a blank line, then one paragraph per line
    title: str | None
    author: str | None
    published: date | None


def is_html(name: str, text: str) -> bool:
    """An `.html`/`.htm` file, or text that is an HTML page or fragment (see above)."""
    if name.lower().endswith(SUFFIXES):
        return True
    head = text[:_SNIFF_CHARS]
    if _PAGE_START.match(head):
        return True
    return head.lstrip().startswith("<") and len(_CLOSING_TAG.findall(head)) >= 3


def extract_page(html: str) -> Page:
    """The article of an HTML page. Raises BadInput when the page holds no article text (a menu, an index)."""
    import trafilatura  # here: ~0.15 s to import, and only pages need it

    found = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                        date_extraction_params=_DATE_PARAMS)
    lines = [line.strip() for line in ((found.text if found else None) or "").split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        raise BadInput("HTML page with no article text (an empty page, or one its scripts fill in?)")
    title = _clean(found.title)
    if title and lines[0] == title:  # the page's <h1> repeats its title
        lines.pop(0)
    if not lines:
        raise BadInput("HTML page with a title and no article text")
    text = "\n".join(lines) + "\n"
    if title:
        text = f"{title}\n\n{text}"
    return Page(text, title, _clean(found.author), _date(found.date))


def _clean(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return value or None


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
