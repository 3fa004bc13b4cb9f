"""Pelican glue: load the content through the core, then write every disclosure page.

Content problems stop the build before anything is written; `scripts/ckx.py build`
renders into a staging folder, so the published site is never half-updated.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from pathlib import Path

from pelican.generators import Generator

from plugins.disclosures import listings
from plugins.disclosures.build import PRELOADED
from plugins.disclosures.bundle import place_choices
from plugins.disclosures.cache import folder_from_environment
from plugins.disclosures.kinds import KINDS, village_sections
from plugins.disclosures.settings import read_settings
from plugins.disclosures.site import Site, load_site
from plugins.issues import format_issues, has_errors
from plugins.safe_markdown import render

logger = logging.getLogger(__name__)


class ContentError(Exception):
    """The content has errors; the message lists all of them."""


class DisclosuresGenerator(Generator):
    def generate_context(self) -> None:
        settings, issues = read_settings(self.settings, KINDS)
        if settings is None:
            raise ContentError("Cài đặt có lỗi, không xây dựng trang:\n" + format_issues(issues))
        self.build_settings = settings
        today = settings.build_date
        preloaded = self.settings.get(PRELOADED)
        if preloaded is not None:  # scripts/ckx.py loaded, checked and reported it already
            site = preloaded.site
        else:  # plain `pelican content`
            site = load_site(Path(self.path), KINDS, today, settings.kind_settings, settings.limits,
                             folder_from_environment())
            if has_errors(site.issues):
                raise ContentError("Nội dung có lỗi, không xây dựng trang:\n" + format_issues(site.issues))
            for issue in site.issues:
                logger.warning(issue.format())
        for disclosure in site.disclosures:
            disclosure.extra["downloads"] = _downloads(disclosure)
            disclosure.extra.setdefault("originals", [])
            disclosure.extra["village_names"] = _village_names(disclosure, site.commune)
            disclosure.extra["key_figure"] = _key_figure(disclosure, today)
        self.site = site
        self.context["ckx"] = site_view(site, today)
        self.context["ckx"]["home_blocks"] = _home_blocks(site, today)

    def generate_output(self, writer) -> None:
        view = self.context["ckx"]
        self._write(writer, "index.html", "home")
        for disclosure in self.site.disclosures:
            kind = KINDS.get(disclosure.kind)
            self._write(writer, disclosure.save_dir + "index.html", "disclosure", disclosure=disclosure, kind=kind,
                        body_html=render(disclosure.body_markdown), page_url=disclosure.url)
            self._copy_files(disclosure)
            for slug, village_data in _village_pages(disclosure, kind).items():
                self._write(writer, f"{disclosure.save_dir}{slug}/index.html", kind.village_template.removesuffix(".html"),
                            disclosure=disclosure, kind=kind, village_data=village_data,
                            page_url=f"{disclosure.url}{slug}/")
        self._write(writer, "dang-niem-yet/index.html", "now_posted", page_url="dang-niem-yet/")
        all_listings = [view["all"], *(listing for _kind, listing in view["by_kind"]), *view["by_year"],
                        *(v.listing for v in view["by_village"])]
        for listing in all_listings:
            for page in listings.paginate(listing, self.build_settings.listing_page_size):
                self._write(writer, page.url + "index.html", "listing", listing=listing, page=page, page_url=page.url)
        self._write(writer, "thon/index.html", "villages", page_url="thon/")
        for kind in KINDS:
            for download in kind.site_files(_of_kind(self.site, kind), self.site.commune) if kind.site_files else ():
                Path(self.output_path, download.file).write_bytes(download.content)
        for village_view in view["by_village"]:
            self._write(writer, village_view.url + "index.html", "village", village_view=village_view,
                        page_url=village_view.url)

    def _write(self, writer, name: str, template: str, **values) -> None:
        values.setdefault("page_url", "")
        writer.write_file(name, self.get_template(template), self.context, **values)

    def _copy_files(self, disclosure) -> None:
        """Only declared files are published: anything else in the bundle folder stays private."""
        for ref in disclosure.attachments:
            target = Path(self.output_path, disclosure.save_dir, ref.file)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(Path(self.path, disclosure.source_dir, ref.file), target)
        for download in (*disclosure.extra["downloads"], *disclosure.extra["originals"]):
            target = Path(self.output_path, disclosure.save_dir, download.file)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(download.content)


def _of_kind(site: Site, kind) -> list:
    return [d for d in site.disclosures if d.kind == kind.id]


def _home_blocks(site: Site, today: dt.date) -> list:
    """(kind, data) for each kind with a home-page block that has something to show."""
    blocks = []
    for kind in KINDS:
        if kind.home_template and kind.home_data:
            data = kind.home_data(_of_kind(site, kind), today)
            if data:
                blocks.append((kind, data))
    return blocks


def _downloads(disclosure) -> list:
    """Files the kind derives from its tables; none while the kind does not render tables."""
    kind = KINDS.get(disclosure.kind)
    data = disclosure.extra.get("data")
    return kind.downloads(disclosure, data) if kind.downloads and data is not None else []


def _key_figure(disclosure, today: dt.date) -> str | None:
    kind = KINDS.get(disclosure.kind)
    data = disclosure.extra.get("data")
    return kind.key_figure(data, today) if kind.key_figure and data is not None else None


def _village_pages(disclosure, kind) -> dict:
    """slug -> data for the kind's per-village page, when the kind has one."""
    return village_sections(disclosure, kind) if kind.village_template else {}


def _village_names(disclosure, commune) -> list[str]:
    """Villages a disclosure concerns, named, in commune.yml order (for search filters)."""
    slugs = set(disclosure.villages) | set(_village_pages(disclosure, KINDS.get(disclosure.kind)))
    return [v.name for v in commune.villages if v.slug in slugs]


def site_view(site: Site, today: dt.date) -> dict:
    """Everything the theme needs, built once: the templates do no filtering of their own."""
    disclosures = site.disclosures
    return {
        "commune": site.commune,
        "today": today,
        "kinds": list(KINDS),
        "kind_labels": KINDS.labels(),
        "disclosures": disclosures,
        "now_posted": listings.now_posted(disclosures),
        "upcoming": listings.upcoming(disclosures),
        "all": listings.Listing(url="cong-khai/", title="Tất cả văn bản công khai", disclosures=disclosures),
        "by_kind": listings.by_kind(disclosures, KINDS),
        "by_year": listings.by_year(disclosures),
        "by_village": listings.by_village(disclosures, site.commune,
                                          lambda d: _village_pages(d, KINDS.get(d.kind)).keys()),
        "places": place_choices(site.commune),
    }
