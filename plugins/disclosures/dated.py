"""The parts of a page that the build's date decides, marked so that what is made from the page can leave them out.

A disclosure's page shows what the day makes of it: its posting status, the sheets and minutes to print while
it is posted, the next session of a schedule, the days left to comment. The theme writes each such part between
two HTML comments (`START`, `END`; the `ckx_dated` macro of components/dated.html), and `without_dated` takes
them out: the search index is made from the page without them (plugins/search), so the day a posting starts or
ends makes that page again but not the index of the hundreds of pages beside it. Only the theme marks: an
officer's Markdown cannot hold a comment (plugins/safe_markdown strips them) and every other text is escaped.
Pure: no files are read here.
"""

from __future__ import annotations

import re

from markupsafe import Markup

START, END = "<!--theo-ngay-->", "<!--/theo-ngay-->"
_DATED = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
_DATED_BYTES = re.compile(re.escape(START.encode()) + b".*?" + re.escape(END.encode()), re.S)


def without_dated(html: str) -> str:
    """`html` without its marked parts (markers included); a start with no end is left as it is."""
    return _DATED.sub("", html)


def without_dated_bytes(data: bytes) -> bytes:
    """`without_dated` of a page's bytes (UTF-8): `data` itself when it marks nothing."""
    return _DATED_BYTES.sub(b"", data) if START.encode() in data else data


def without_dated_filter(html: str) -> Markup:
    """The `khong_theo_ngay` filter: the page's text that search reads again as its hidden copy."""
    return Markup(without_dated(str(html)))


def add_filters(generator) -> None:
    generator.env.filters["khong_theo_ngay"] = without_dated_filter
