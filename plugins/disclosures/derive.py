"""The derive stage: what the build date, the commune, the other disclosures and the channels make of each
disclosure (model.Derived), worked out once, before any page is planned.

Pure: no Pelican, no I/O. It takes the loaded site and hands on a new one whose disclosures are new
immutable records, so the loaded site stays as it was loaded (a theme tried again after a template error
derives from it afresh) and each disclosure's fingerprint is computed from everything its pages show of it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Protocol

from plugins.disclosures.day import BuildDay
from plugins.disclosures.kinds import KINDS, KindRegistry, village_pages
from plugins.disclosures.model import Commune, Derived, Disclosure, PostingStatus, replaced
from plugins.disclosures.unmade import each_apart, kind_part, unmade_or_all_failed

if TYPE_CHECKING:
    from plugins.disclosures.site import Site

Fact = Callable[[Disclosure], Any]  # what one channel's outputs of a disclosure depend on besides its bundle


class Kept(Protocol):
    """Values kept between builds by what they are made from (outputs.KeptValues)."""

    def get(self, parts: tuple[str, ...], work_out: Callable[[], Any]) -> Any: ...

    def get_on(self, parts: tuple[str, ...], date: dt.date, work_out: Callable[[BuildDay], Any]) -> Any: ...


def derive(site: Site, today: dt.date, facts: Mapping[str, Fact], kinds: KindRegistry = KINDS,
           kept: Kept | None = None) -> Site:
    """A new site (the same issues, kept-back list and checks: the build's own log) whose disclosures carry
    what the build derived of them. `facts` are the channels' (channels.py: `Channel.fact`), by name: each
    reads the disclosure as loaded (its posting, status and dates), never another fact. With `kept`, what a
    disclosure's own tables make of it on `today` (`own`) is taken from the last build when neither changed,
    so a rebuild after one edit reads no other disclosure's tables (model.Packed)."""
    across: dict[str, Any] = {}
    with_tables = [d for d in site.disclosures if d.shown.loaded is not None]
    for kind in kinds:
        if kind.shows.across:
            across |= kind_part(kind.id, "phần liên hệ giữa các văn bản (xu hướng, văn bản liên quan)",
                                lambda kind=kind: _across(kind, of_kind(site.disclosures, kind), with_tables, kept),
                                site.issues) or {}

    def derived(disclosure: Disclosure) -> Disclosure:
        if kept is None or not disclosure.fingerprint:
            names, figure, until, pages, noindex = own(disclosure, BuildDay(today), site.commune, kinds)
        else:  # its fingerprint names its files, the commune, the settings and the code; the date's answers added
            names, figure, until, pages, noindex = kept.get_on(
                ("suy-ra", disclosure.fingerprint), today, lambda day: own(disclosure, day, site.commune, kinds))
        return with_derived(disclosure, Derived(
            names, figure, until, {name: fact(disclosure) for name, fact in facts.items()},
            across.get(disclosure.source_dir), pages, noindex))

    disclosures: list[Disclosure] = []
    failures = each_apart(site.disclosures, lambda d: disclosures.append(derived(d)), lambda d: d.source_dir)
    if failures:  # one disclosure's data a kind's code cannot take: it is kept back, never the whole site
        raise unmade_or_all_failed(failures, len(site.disclosures))
    return replace(site, disclosures=disclosures)


def _across(kind, mine: list[Disclosure], with_tables: list[Disclosure], kept: Kept | None) -> dict[str, Any]:
    """The kind's `across`, kept by the fingerprints of what it is given: an edit to a disclosure without
    tables (a notice) reads no table for it."""
    def work_out() -> dict[str, Any]:
        return kind.shows.across(mine, with_tables)
    if kept is None or not all(d.fingerprint for d in (*mine, *with_tables)):
        return work_out()
    return kept.get(("ngang", kind.id, *(d.fingerprint for d in mine), "", *(d.fingerprint for d in with_tables)),
                    work_out)


def own(disclosure: Disclosure, day: BuildDay, commune: Commune, kinds: KindRegistry = KINDS) -> tuple:
    """What its own tables make of a disclosure on the build's `day`: the villages it concerns, its key figure,
    the date comments are asked by, the villages it has a page for, whether its pages are indexed."""
    pages = tuple(village_pages(disclosure, kinds.get(disclosure.kind)))
    return (village_names(disclosure, commune, kinds), key_figure(disclosure, day, kinds),
            feedback_until(disclosure, day), pages, bool(getattr(disclosure.shown.data, "noindex", False)))


def with_derived(disclosure: Disclosure, derived: Derived) -> Disclosure:
    return replaced(disclosure, shown=replaced(disclosure.shown, derived=derived))


def of_kind(disclosures: Iterable[Disclosure], kind) -> list[Disclosure]:
    return [d for d in disclosures if d.kind == kind.id]


def key_figure(disclosure: Disclosure, day: BuildDay, kinds: KindRegistry = KINDS) -> str | None:
    kind = kinds.get(disclosure.kind)
    data = disclosure.shown.data
    return kind.shows.key_figure(data, day) if kind.shows.key_figure and data is not None else None


def feedback_until(disclosure: Disclosure, day: BuildDay) -> dt.date | None:
    """The date its page asks for comments by: the end of its own comment period (a kind's data with
    `comments_until`) until that has passed, else the end of its posting while upcoming or posted."""
    own = getattr(disclosure.shown.data, "comments_until", None)
    if own is not None:
        return own if day.is_between(dt.date.min, own) else None
    if disclosure.posting and disclosure.status in (PostingStatus.UPCOMING, PostingStatus.POSTED):
        return disclosure.posting.end
    return None


def village_names(disclosure: Disclosure, commune: Commune, kinds: KindRegistry = KINDS) -> tuple[str, ...]:
    """Villages a disclosure concerns, named, in commune.yml order (for search filters)."""
    slugs = set(disclosure.villages) | set(village_pages(disclosure, kinds.get(disclosure.kind)))
    return tuple(v.name for v in commune.villages if v.slug in slugs)
