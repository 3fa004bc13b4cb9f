"""Render with Python-Markdown, then clean with nh3 (an allow-list sanitiser).

Headings in the body start at h2 (`toc` baselevel) because the page title is
the only h1: screen-reader users navigate by heading level.
"""

from __future__ import annotations

import re
import threading
from html import unescape

import markdown
import nh3

from plugins.vietnamese.text import slugify

EXTENSIONS = ["tables", "sane_lists", "toc"]
EXTENSION_CONFIGS = {"toc": {"baselevel": 2, "permalink": False, "slugify": lambda value, _sep: slugify(value)}}

TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s", "sub", "sup",
    "blockquote", "code", "pre", "ul", "ol", "li", "dl", "dt", "dd", "a", "img", "abbr",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
}
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
    "abbr": {"title"},
    "h2": {"id"}, "h3": {"id"}, "h4": {"id"}, "h5": {"id"}, "h6": {"id"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}

_CONVERTERS = threading.local()


def _converter() -> markdown.Markdown:
    """This thread's Markdown converter, reset for each text: setting one up (its extensions loaded and
    registered) cost 0.36 of the 0.52 ms that a short explanation took with `markdown.markdown`, 2,000 times in
    a build from nothing. `reset` clears what a text leaves behind (link references, the ids its headings took)."""
    converter = getattr(_CONVERTERS, "markdown", None)
    if converter is None:
        converter = _CONVERTERS.markdown = markdown.Markdown(extensions=EXTENSIONS,
                                                             extension_configs=EXTENSION_CONFIGS,
                                                             output_format="html")
    return converter.reset()


def render(text: str) -> str:
    """Markdown text -> cleaned HTML fragment.

    After cleaning, tables get what accessibility and small screens need:
    column headers marked `scope="col"` and a wrapper that scrolls sideways
    on a 360 px phone instead of widening the page.
    """
    html = _converter().convert(text)
    html = nh3.clean(html, tags=TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES, link_rel="noopener noreferrer")
    html = html.replace("<th>", '<th scope="col">')
    return html.replace("<table>", '<div class="ckx-table-scroll" tabindex="0" role="region" aria-label="Bảng, có thể cuộn ngang"><table>').replace("</table>", "</table></div>")


_BLOCK = re.compile(r"</?(?:p|br|hr|h[2-6]|blockquote|pre|ul|ol|li|dl|dt|dd|table|caption|thead|tbody|tfoot|tr|th|td"
                    r"|div)\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE_TEXT = re.compile(r'\s(?:alt|title|href)="([^"]*)"')
_TAG = re.compile(r"<[^>]*>")


def reader_text(html: str) -> str:
    """What a reader of the rendered HTML sees or hears, for the privacy scan: the text with entities decoded and
    inline tags joined ("0912<strong>345</strong>678" is one number on the screen), blocks kept apart by " | ",
    and the alt texts, titles and link targets (a "tel:" link is a phone number too)."""
    attributes = " | ".join(unescape(value) for value in _ATTRIBUTE_TEXT.findall(html))
    text = unescape(_TAG.sub("", _BLOCK.sub(" | ", html)))
    return f"{text} | {attributes}" if attributes else text
