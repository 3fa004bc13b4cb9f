"""Which search index each page goes in: what a citizen mostly looks for in one small index, the rest by year.

A site's search is split in parts, each a Pagefind index of its own, rebuilt only when what it indexes of a
page it holds changes (its fingerprint is that of its pages without what the build's date decides, their
posting status above all: plugins/disclosures/dated.py):
- `pagefind/`, the one a phone opens: the static pages and every disclosure posted today or still to be
  posted, or issued since the first day of this month a year ago (`recent_since`: at least the year the
  portal's own index takes, `RECENT_DAYS`, and up to a month more);
- `pagefind/nam-<year>/`, one per year of issue, with that year's other disclosures; the search page merges
  them into the first (they share its engine: Pagefind's merged indexes load no WebAssembly of their own)
  when the citizen asks for every year, or when the recent part finds nothing.

So an edit re-indexes the part its page is in (most edits are to recent disclosures: a small part), the
daily build re-indexes a year's part only when the month turns or an old posting ends (a window moving by
the day took one disclosure out of the recent part into its year's on most days, and both were made again),
and
Pagefind's memory, about 150 KB a page, is bounded by the largest part instead of the whole archive. A page
is in exactly one part, so a search over all of them lists it once.

Pure: no files are read here (the glue in `__init__.py` runs Pagefind).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from plugins.disclosures.cache import digest

RECENT_DAYS = 366  # the portal's "recent": issued within a year of the build's day
RECENT = "pagefind"  # the part a phone opens first; Pagefind's own folder name, which the portal reads too
OLDER = "nam.json"  # in the recent part's folder: the older parts, newest first, for the search page
FORMAT = "2"  # bump when what decides a part changes, so every part is made again


@dataclass(frozen=True)
class IndexedPage:
    page: str  # its file from the site's root: "cong-khai/2026/thong-bao/index.html"
    issued: dt.date | None = None  # None: a static page (Giới thiệu), always in the recent part
    posting_end: dt.date | None = None  # the last day of its posting, when it has one


@dataclass(frozen=True)
class Part:
    folder: str  # from the site's root: "pagefind", "pagefind/nam-2019"
    pages: tuple[str, ...]

    @property
    def group(self) -> str:
        """Its files' group in the build's record of outputs: kept or made again together."""
        return f"tim-kiem:{self.folder}"


def recent_since(today: dt.date) -> dt.date:
    """The first day of the build's month a year before: the recent part's window moves once a month."""
    return dt.date(today.year - 1, today.month, 1)


def is_recent(page: IndexedPage, today: dt.date) -> bool:
    """A static page; a disclosure posted today or still to be, or issued since `recent_since` (or later)."""
    if page.issued is None or (page.posting_end is not None and today <= page.posting_end):
        return True
    return page.issued >= recent_since(today)


def split(pages: Iterable[IndexedPage], today: dt.date) -> list[Part]:
    """The recent part first, then each older year, newest first; none for a site without pages. The search
    page always opens the recent part, and Pagefind makes no index of nothing: when nothing is recent, the
    newest year's disclosures are the recent part."""
    recent, by_year = [], {}
    for page in pages:
        if is_recent(page, today):
            recent.append(page.page)
        else:
            by_year.setdefault(page.issued.year, []).append(page.page)
    years = sorted(by_year, reverse=True)
    if not recent and years:
        recent = by_year.pop(years.pop(0))
    if not recent:
        return []
    return [Part(RECENT, tuple(sorted(recent))),
            *(Part(f"{RECENT}/nam-{year}", tuple(sorted(by_year[year]))) for year in years)]


def part_fingerprint(part: Part, page_digests: Mapping[str, str], engine: str) -> str:
    """What a part's index is made from: its pages as Pagefind is given them (the SHA-256 of each one's copy
    without what the build's date decides, `indexed_copy`) at their addresses, and the engine."""
    return digest(FORMAT, engine, part.folder, *(f"{page}\n{page_digests[page]}" for page in part.pages))


def older_folders(parts: Iterable[Part]) -> list[str]:
    """The older parts as the recent part's `nam.json` names them: relative to it ("nam-2019")."""
    return [part.folder.removeprefix(f"{RECENT}/") for part in parts if part.folder != RECENT]
