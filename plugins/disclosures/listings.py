"""The groupings citizens browse by: now posted, by kind, by year, by village.

Pure: takes the loaded disclosures and returns the lists the templates show,
so the rules (what counts as "now posted", what belongs to a village) are
tested without building a site.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

from plugins.disclosures.cache import digest
from plugins.disclosures.kinds import Kind, KindRegistry
from plugins.disclosures.model import Commune, Disclosure, PostingStatus, Village
from plugins.disclosures.outputs import FingerprintedRecord, fingerprint_of

CURRENT_DAYS = 90


def still_current(disclosure: Disclosure, today: dt.date) -> bool:
    """What people still pass on: posted, about to be, or issued or taken down in the last `CURRENT_DAYS`
    days. The channels make what only such a disclosure needs (its own share picture, the QR code on its
    page) for these alone: a ten-year archive has thousands of others."""
    posting_end = disclosure.posting.end if disclosure.posting else None
    if posting_end is not None and posting_end >= today:
        return True
    return (today - max(disclosure.issued, posting_end or disclosure.issued)).days <= CURRENT_DAYS


@dataclass
class Listing:
    """One page of the site that lists disclosures."""

    url: str
    title: str
    disclosures: list[Disclosure]
    intro: str = ""


@dataclass(frozen=True)
class ListingPage:
    """One page of a listing: page 1 at the listing's URL, then <url>trang-2/, ..."""

    listing: Listing
    number: int
    count: int
    disclosures: list[Disclosure]

    @property
    def url(self) -> str:
        return page_url(self.listing.url, self.number)

    def __fingerprint__(self) -> str:
        """What the page shows: the listing's heading and its own disclosures, not the other pages'."""
        return digest("ListingPage", self.listing.url, self.listing.title, self.listing.intro, str(self.number),
                      str(self.count), _joined(self.disclosures))

    @property
    def previous_url(self) -> str | None:
        return page_url(self.listing.url, self.number - 1) if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return page_url(self.listing.url, self.number + 1) if self.number < self.count else None


@dataclass(frozen=True)
class ListingLink:
    """A listing as the pages that only link to it show it (the home page, the search page, the list of
    villages): its address, its title and how many it lists. Those pages read these, not the listings, so they
    are made again when a count changes, never for an edit to a disclosure they do not show; and the listings
    of every disclosure are not fingerprinted for them."""

    url: str
    title: str
    count: int
    posted: int = 0  # of a village's: posted at its cultural house now


def links(listings: Iterable[Listing]) -> list[ListingLink]:
    return [ListingLink(listing.url, listing.title, len(listing.disclosures)) for listing in listings]


def village_links(views: Iterable[VillageView]) -> list[ListingLink]:
    return [ListingLink(view.url, view.village.name, len(view.concerning), len(view.posted_here)) for view in views]


def page_url(base: str, number: int) -> str:
    return base if number == 1 else f"{base}trang-{number}/"


def paginate(listing: Listing, size: int) -> list[ListingPage]:
    """Small pages for slow phones: a commune's ten years of notices would be a megabyte on one page."""
    chunks = [listing.disclosures[i:i + size] for i in range(0, len(listing.disclosures), size)] or [[]]
    return [ListingPage(listing, n, len(chunks), chunk) for n, chunk in enumerate(chunks, start=1)]


@dataclass(frozen=True)
class VillageView(FingerprintedRecord):
    """What a village's page shows, and the site-wide list of villages (`ckx.by_village`) holds: its
    fingerprint, over some thousand disclosures at 4x, is worked out once for both."""

    village: Village
    concerning: list[Disclosure]  # `villages:` names the village, or the disclosure has a page for it
    posted_here: list[Disclosure]  # posted at its cultural house now (or all villages)
    url: str
    own_pages: list[tuple[Disclosure, str]] = field(default_factory=list)  # (disclosure, URL of its village page)

    @cached_property
    def _fingerprint(self) -> str:
        """Every field, each list of disclosures as one hash of their fingerprints (`_joined`): walked part by
        part, a village's thousand disclosures and hundreds of village pages at 4x were 0.2 s of every rebuild.
        A test changes each field in turn (tests/test_fingerprints.py)."""
        return digest("VillageView", fingerprint_of(self.village), _joined(self.concerning), _joined(self.posted_here),
                      self.url, _hashed(" ".join([f"{d.__fingerprint__()} {url}" for d, url in self.own_pages])))

    @property
    def listing(self) -> Listing:
        """Every disclosure concerning the village, newest first, as a paginated listing of its own."""
        return Listing(url=f"{self.url}van-ban/", title=f"Văn bản liên quan đến {self.village.name}",
                       disclosures=self.concerning)


def _joined(disclosures: Iterable[Disclosure]) -> str:
    """The SHA-256 of their fingerprints, in order, one space apart (a fingerprint holds none, nor does an
    address): one hash over the whole list, not `digest`'s quoting of every character of it."""
    return _hashed(" ".join([d.__fingerprint__() for d in disclosures]))


def _hashed(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def now_posted(disclosures: Iterable[Disclosure]) -> list[Disclosure]:
    """Posted on the build date, the ones ending soonest first: they need reading first."""
    posted = [d for d in disclosures if d.status is PostingStatus.POSTED]
    return sorted(posted, key=lambda d: (d.posting.end, d.title))


def upcoming(disclosures: Iterable[Disclosure]) -> list[Disclosure]:
    return sorted((d for d in disclosures if d.status is PostingStatus.UPCOMING), key=lambda d: d.posting.start)


def by_kind(disclosures: list[Disclosure], kinds: KindRegistry) -> list[tuple[Kind, Listing]]:
    result = []
    for kind in kinds:
        items = [d for d in disclosures if d.kind == kind.id]
        result.append((kind, Listing(url=f"loai/{kind.slug}/", title=kind.label, disclosures=items,
                                     intro=kind.description)))
    return result


def by_year(disclosures: list[Disclosure]) -> list[Listing]:
    years = sorted({d.year for d in disclosures}, reverse=True)
    return [Listing(url=f"nam/{year}/", title=f"Năm {year}", disclosures=[d for d in disclosures if d.year == year],
                    intro=f"Các văn bản, số liệu ban hành năm {year}.") for year in years]


def by_village(disclosures: list[Disclosure], commune: Commune,
               village_pages: Callable[[Disclosure], Iterable[str]] = lambda d: ()) -> list[VillageView]:
    """`village_pages(d)` names the villages a disclosure has its own page for (a per-village list). One pass
    over the disclosures, each put in the lists of the villages it names, in the disclosures' order: a pass
    over them all for each village cost 40 times 8,000 at 4x."""
    slugs = [village.slug for village in commune.villages]
    known = set(slugs)
    concerning: dict[str, list[Disclosure]] = {slug: [] for slug in slugs}
    own: dict[str, list[tuple[Disclosure, str]]] = {slug: [] for slug in slugs}
    posted_here: dict[str, list[Disclosure]] = {slug: [] for slug in slugs}
    for d in disclosures:
        pages = set(village_pages(d)) & known
        for slug in (set(d.villages) & known) | pages:
            concerning[slug].append(d)
        for slug in pages:
            own[slug].append((d, f"{d.url}{slug}/"))
    for d in now_posted(disclosures):
        for slug in (slugs if "all-villages" in d.posting.places else known.intersection(d.posting.places)):
            posted_here[slug].append(d)
    return [VillageView(village, concerning[village.slug], posted_here[village.slug], url=f"thon/{village.slug}/",
                        own_pages=own[village.slug]) for village in commune.villages]
