"""What apps and search engines read: the Atom feed (read back with a feed parser), sitemap.xml, robots.txt
and the favicon, on the built sample site and on a site without `site_url`."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urlparse

import feedparser

from tests.conftest import soup

SITE = "https://hoaan.example.gov.vn"


def page_of(site, address: str):
    path = urlparse(address).path.lstrip("/")
    return site / path / "index.html" if not path.endswith(".xml") else site / path


def test_the_feed_lists_the_newest_disclosures_with_whole_addresses(sample_site):
    feed = feedparser.parse((sample_site / "atom.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "Công khai thông tin – Ủy ban nhân dân xã Hòa An" and feed.feed.language == "vi"
    listed = soup(sample_site / "cong-khai/index.html").select(".ckx-disclosure-list__title a")
    assert len(feed.entries) == len(listed) >= 5
    updated = [entry.updated_parsed for entry in feed.entries]
    assert updated == sorted(updated, reverse=True)
    for entry in feed.entries:
        assert entry.link.startswith(f"{SITE}/cong-khai/") and entry.id == entry.link
        page = soup(page_of(sample_site, entry.link))
        assert page.select_one("h1").get_text(strip=True) == entry.title
        assert entry.tags[0].term
    posted = next(e for e in feed.entries if "ra-soat-ho-ngheo-2026" in e.link)
    assert "Niêm yết từ ngày 18/11/2026 đến hết ngày 24/11/2026." in posted.summary
    assert soup(sample_site / "index.html").select_one('link[rel=alternate][type="application/atom+xml"]')["href"] == "/atom.xml"


def test_the_sitemap_names_every_indexable_page_and_nothing_else(sample_site):
    tree = ET.parse(sample_site / "sitemap.xml")
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [loc.text for loc in tree.findall("s:url/s:loc", namespace)]
    assert len(locations) == len(set(locations)) > 20
    for address in locations:
        assert address.startswith(f"{SITE}/")
        page = page_of(sample_site, address)
        assert page.is_file(), address
        assert not soup(page).select_one('meta[name=robots][content*=noindex]'), address
    assert f"{SITE}/cong-khai/2025/ra-soat-ho-ngheo-2025/" not in locations  # an ended named list: noindex
    assert f"{SITE}/cong-khai/2026/du-toan-ngan-sach-2026/" in locations and f"{SITE}/gioi-thieu/" in locations
    robots = (sample_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "Disallow: /admin/" in robots and f"Sitemap: {SITE}/sitemap.xml" in robots


def test_a_site_without_site_url_has_no_sitemap_and_relative_feed_links(small_site):
    assert not (small_site / "sitemap.xml").exists()
    assert "Sitemap:" not in (small_site / "robots.txt").read_text(encoding="utf-8")
    feed = feedparser.parse((small_site / "atom.xml").read_bytes())
    assert feed.entries and all(e.link.startswith("/cong-khai/") for e in feed.entries)


def test_every_page_has_the_favicon(sample_site):
    for page in ("index.html", "cong-khai/2026/du-toan-ngan-sach-2026/index.html", "404.html", "du-lieu/index.html"):
        icon = soup(sample_site / page).select_one("link[rel=icon]")
        assert icon["href"] == "/theme/favicon.svg", page
    svg = ET.parse(sample_site / "theme/favicon.svg").getroot()
    assert svg.tag.endswith("svg") and svg.get("viewBox") == "0 0 64 64"
