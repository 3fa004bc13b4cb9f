"""Pelican glue: atom.xml, sitemap.xml (with `site_url` only) and robots.txt, each made again when what it
lists changes."""

from __future__ import annotations

from pelican.generators import Generator

from plugins.disclosures.cache import digest
from plugins.disclosures.channels import build_of
from plugins.disclosures.generator import write_bytes
from plugins.disclosures.kinds import KINDS
from plugins.feeds import FEED_FILE, ROBOTS_FILE, SITEMAP_FILE, atom_feed, newest, robots, sitemap


class FeedsGenerator(Generator):
    def generate_output(self, writer) -> None:
        build = build_of(self.context)
        if build is None:
            return
        site, view = build.site, build.view

        def page_list():
            listed = [("", None), ("dang-niem-yet/", None), ("cong-khai/", None), ("thon/", None), ("du-lieu/", None)]
            listed += [(listing.url, None) for _kind, listing in view["by_kind"] if listing.disclosures]
            listed += [(listing.url, None) for listing in view["by_year"]]
            listed += [(v.url, None) for v in view["by_village"]]
            for d in site.disclosures:
                if d.shown.derived.noindex:
                    continue  # an ended named list asks search engines not to index it
                changed = d.last_changed or d.issued
                listed.append((d.url, changed))
                listed += [(f"{d.url}{slug}/", changed) for slug in d.shown.derived.village_pages]
            return listed + [(page.url, None) for page in self.context.get("pages", ())]

        def write(name, content, made_from) -> None:
            write_bytes(build.outputs, self.output_path, name, made_from, content)

        listed = newest(site.disclosures)
        write(FEED_FILE, lambda: atom_feed(listed, site.commune, KINDS.labels()), (listed, site.commune))
        # the commune's address alone: made again with every edit, it never changed
        write(ROBOTS_FILE, lambda: robots(site.commune, with_sitemap=bool(site.commune.site_url)), site.commune)
        if site.commune.site_url:  # a sitemap of relative addresses is invalid
            # made from the addresses it lists and their dates: an edit to an explanation leaves them as they were
            listed_pages = page_list()
            write(SITEMAP_FILE, lambda: sitemap(listed_pages, site.commune), (site.commune, digest(repr(listed_pages))))
