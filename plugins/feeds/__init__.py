"""What citizens' apps and search engines read: an Atom feed of new and changed disclosures, `sitemap.xml`
and `robots.txt`.

Pure: each function takes the site's disclosures and commune and returns bytes; the generator
(`generator.py`) writes them as outputs like any other (made again only when a disclosure changes). Addresses in the feed
and the sitemap must be whole ("https://..."): they come from `site_url` in commune.yml, and without it
there is no sitemap (a sitemap of relative addresses is invalid) and the feed's links are relative.
"""

from __future__ import annotations

import datetime as dt
from html import escape  # &, < and > as xml.sax.saxutils.escape, which imports urllib.request (15 ms a command)

import feedgenerator

FEED_FILE = "atom.xml"
SITEMAP_FILE = "sitemap.xml"
ROBOTS_FILE = "robots.txt"
FEED_ENTRIES = 50  # the newest; older ones stay in the listings
VIET_NAM = dt.timezone(dt.timedelta(hours=7))


def _absolute(commune, path: str) -> str:
    base = (commune.site_url or "").rstrip("/")
    return f"{base}/{path}" if base else f"/{path}"


def _changed(disclosure) -> dt.date:
    """When a reader last saw something new: the last change from git, else the issue date."""
    return max(d for d in (disclosure.issued, disclosure.last_changed) if d is not None)


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), VIET_NAM)


def newest(disclosures) -> list:
    """What the feed lists: the newest disclosures by their last change, newest first. The feed is made from
    these alone, so an edit to an older one, or a posting of one that ends, leaves it as it was."""
    return sorted(disclosures, key=lambda d: (_changed(d), d.issued, d.url), reverse=True)[:FEED_ENTRIES]


def atom_feed(listed, commune, kind_labels) -> bytes:
    """The disclosures `listed` (`newest`): title, address, date, kind, one sentence (the summary, the key
    figure, the posting dates)."""
    feed = feedgenerator.Atom1Feed(
        title=f"Công khai thông tin – Ủy ban nhân dân {commune.in_sentence}",
        link=_absolute(commune, ""), description=f"Văn bản công khai mới và vừa sửa của {commune.in_sentence}.",
        language="vi", feed_url=_absolute(commune, FEED_FILE), author_name=f"Ủy ban nhân dân {commune.in_sentence}",
        feed_guid=_absolute(commune, FEED_FILE))
    for d in listed:
        words = [d.summary or d.title]
        if d.shown.key_figure:
            words.append(d.shown.key_figure)
        if d.posting:
            words.append(f"Niêm yết từ ngày {d.posting.start:%d/%m/%Y} đến hết ngày {d.posting.end:%d/%m/%Y}.")
        feed.add_item(title=d.title, link=_absolute(commune, d.url), description=" ".join(words),
                      unique_id=_absolute(commune, d.url), pubdate=_moment(d.issued),
                      updateddate=_moment(_changed(d)), categories=[kind_labels.get(d.kind, d.kind)])
    return feed.writeString("utf-8").encode("utf-8")


def sitemap(paths: list[tuple[str, dt.date | None]], commune) -> bytes | None:
    """(address inside the site, last change) for each page search engines should read; None without
    `site_url`."""
    if not commune.site_url:
        return None
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for path, changed in paths:
        lastmod = f"<lastmod>{changed.isoformat()}</lastmod>" if changed else ""
        lines.append(f"  <url><loc>{escape(_absolute(commune, path), quote=False)}</loc>{lastmod}</url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def robots(commune, with_sitemap: bool) -> bytes:
    """Everything may be read but the editor; the sitemap named when there is one."""
    lines = ["User-agent: *", "Disallow: /admin/", "Allow: /"]
    if with_sitemap:
        lines.append(f"Sitemap: {_absolute(commune, SITEMAP_FILE)}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def get_generators(_pelican):
    from plugins.feeds.generator import FeedsGenerator

    return FeedsGenerator


def register() -> None:
    from pelican import signals

    signals.get_generators.connect(get_generators)
