"""Pelican glue: load the content through the core, then write every disclosure page.

`scripts/ckx.py build` hands it a site already checked, its broken bundles replaced by their last good
versions or left out; plain `pelican content` stops on any content error. Both render into a staging folder
swapped in whole, so the published site is never half-updated.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

from pelican.generators import Generator

from plugins.attachments.check import clean_attachment
from plugins.disclosures import listings
from plugins.disclosures.build import PRELOADED
from plugins.disclosures.bundle import place_choices
from plugins.disclosures.cache import code_version, digest, folder_from_environment
from plugins.disclosures.kinds import KINDS, village_sections
from plugins.disclosures.model import PostingStatus
from plugins.disclosures.outputs import Outputs, fingerprint_of, folder_digest, record_file, settings_fingerprint
from plugins.disclosures.settings import read_settings
from plugins.disclosures.site import Site, load_site
from plugins.feeds import FEED_FILE, ROBOTS_FILE, SITEMAP_FILE, atom_feed, robots, sitemap
from plugins.issues import format_issues, has_errors
from plugins.loudspeaker import LOUDSPEAKER_CONTEXT
from plugins.open_data.catalogue import CATALOGUE_FILE, catalogue, disclosure_resources, package_downloads
from plugins.safe_markdown import render
from plugins.share import has_own_picture
from plugins.share.image import available as share_images_available
from plugins.share.image import share_image
from plugins.share.message import share_message

logger = logging.getLogger(__name__)


class ContentError(Exception):
    """The content has errors; the message lists all of them."""


class DisclosuresGenerator(Generator):
    def generate_context(self) -> None:
        settings, issues = read_settings(self.settings, KINDS)
        if settings is None:
            raise ContentError("Cài đặt có lỗi, không xây dựng trang:\n" + format_issues(issues))
        self.build_settings = settings
        self.context[BUILD_SETTINGS] = settings
        today = settings.build_date
        preloaded = self.settings.get(PRELOADED)
        if preloaded is not None:  # scripts/ckx.py loaded, checked and reported it already
            site = preloaded.site
        else:  # plain `pelican content`
            site = load_site(Path(self.path), KINDS, today, settings.kind_settings, settings.limits,
                             folder_from_environment()[0], show_drafts=settings.show_drafts)
            if has_errors(site.issues):
                raise ContentError("Nội dung có lỗi, không xây dựng trang:\n" + format_issues(site.issues))
            for issue in site.issues:
                logger.warning(issue.format())
        shown_across = {}
        for kind in KINDS:
            if kind.shows.across:
                shown_across |= kind.shows.across(_of_kind(site, kind), site.disclosures)
        pictures = share_images_available()
        for disclosure in site.disclosures:
            disclosure.shown.village_names = _village_names(disclosure, site.commune)
            disclosure.shown.key_figure = _key_figure(disclosure, today)
            disclosure.shown.feedback_until = _feedback_until(disclosure, today)
            disclosure.shown.share_picture = pictures and has_own_picture(
                disclosure.issued, disclosure.posting.end if disclosure.posting else None, today)
            # what the build date and the commune add to it (a schedule's next session, whether comments are
            # still asked for) is part of what it is: its page never reads the date itself
            disclosure.fingerprint = digest(disclosure.fingerprint, disclosure.shown.key_figure or "",
                                            str(disclosure.shown.feedback_until), str(disclosure.shown.share_picture),
                                            shown_across.get(disclosure.source_dir, ""),
                                            *disclosure.shown.village_names)
        self.site = site
        self.context[CHECKED] = site.checked
        self.context["ckx"] = site_view(site, today)
        self.context["ckx"]["home_blocks"] = _home_blocks(site, today)
        self.context["ckx"]["data_license"] = settings.data_license
        self.context["ckx"]["share_images"] = pictures
        self.context[OUTPUTS] = self.outputs = _outputs(self, site, preloaded)

    def generate_output(self, writer) -> None:
        view, outputs = self.context["ckx"], self.outputs
        self._write(writer, "index.html", "home")
        outputs.share_out(self.site.disclosures, lambda disclosure: self._disclosure_outputs(writer, disclosure))
        self._write(writer, "dang-niem-yet/index.html", "now_posted", dict(page_url="dang-niem-yet/"))
        all_listings = [view["all"], *(listing for _kind, listing in view["by_kind"]), *view["by_year"],
                        *(v.listing for v in view["by_village"])]
        for listing in all_listings:
            for page in listings.paginate(listing, self.build_settings.listing_page_size):
                self._write(writer, page.url + "index.html", "listing", dict(page=page, page_url=page.url))
        self._write(writer, "thon/index.html", "villages", dict(page_url="thon/"))
        self._write(writer, "404.html", "404")  # the static server's page for an unknown address
        self._open_data_catalogue(writer)
        self._feeds()
        if self.context["ckx"]["share_images"]:
            commune = self.site.commune
            self._site_file(SHARE_IMAGE, commune, lambda: share_image(
                f"Ủy ban nhân dân {commune.in_sentence}", "Công khai thông tin: ngân sách, đất đai, hộ nghèo, "
                "lịch tiếp công dân, văn bản đang niêm yết"))
        for kind in KINDS:
            if kind.exports.site_files:
                of_kind = _of_kind(self.site, kind)
                group = f"loai:{kind.id}"
                if not outputs.keep_group(group, (kind.id, of_kind, self.site.commune)):
                    outputs.write_group(group, (kind.id, of_kind, self.site.commune),
                                        {d.file: _bytes_writer(d.content) for d in kind.exports.site_files(of_kind, self.site.commune)})
        for village_view in view["by_village"]:
            self._write(writer, village_view.url + "index.html", "village",
                        dict(village_view=village_view, page_url=village_view.url))

    def _disclosure_outputs(self, writer, disclosure) -> None:
        """Its page, its village pages and its files: independent of every other disclosure's."""
        kind = KINDS.get(disclosure.kind)
        if not self.outputs.keep_group(disclosure.save_dir, disclosure):
            self.outputs.write_group(disclosure.save_dir, disclosure, self._files(disclosure))
        loudspeaker = self.context.get(LOUDSPEAKER_CONTEXT)  # None when plugins.loudspeaker is off
        self._write(writer, disclosure.save_dir + "index.html", "disclosure",
                    dict(disclosure=disclosure, kind=kind, page_url=disclosure.url,
                         audio_on=bool(loudspeaker and loudspeaker.audio_on)),
                    lambda: {"body_html": body_html(disclosure), "downloads": self.downloads(disclosure),
                             "qr_svg": self._qr(disclosure),
                             "share_message": share_message(disclosure, self.site.commune, self.context["ckx"]["places"]),
                             "loudspeaker": loudspeaker.page(disclosure) if loudspeaker else None})
        for slug in _village_pages(disclosure, kind):
            self._write(writer, f"{disclosure.save_dir}{slug}/index.html", kind.village_template.removesuffix(".html"),
                        dict(disclosure=disclosure, kind=kind, page_url=f"{disclosure.url}{slug}/"),
                        lambda slug=slug: dict(village_data=_village_pages(disclosure, kind)[slug]))

    def _qr(self, disclosure) -> str | None:
        """The page's QR code for its feedback box: the printed sheet's own, kept between runs by address."""
        from plugins.sheets.generator import QrCodes

        site_url = self.site.commune.site_url
        if not site_url:
            return None
        if not hasattr(self, "_qr_codes"):
            self._qr_codes = QrCodes(self.outputs.cache_folder)
        return self._qr_codes.get(f"{site_url.rstrip('/')}/{disclosure.url}")

    def downloads(self, disclosure) -> list:
        """Files derived from its tables (the kind's own, the open data package), worked out once per build,
        before its page lists them."""
        shown = disclosure.shown
        if shown.downloads is None:
            kind = KINDS.get(disclosure.kind)
            own = kind.exports.downloads(disclosure, shown.data) if kind.exports.downloads and shown.data is not None else []
            shown.downloads = own + package_downloads(
                disclosure, _resources(disclosure), self.site.commune, self.build_settings.data_license)
        return shown.downloads

    def _open_data_catalogue(self, writer) -> None:
        """`du-lieu/`: every disclosure's data package, for people and for machines; the JSON also lists every
        disclosure with its posting, for the province portal."""
        with_data = [d for d in self.site.disclosures if _resources(d)]
        inputs = (self.site.disclosures, self.site.commune, self.build_settings.data_license)

        def entries():
            return [(d, KINDS.get(d.kind), _resources(d)) for d in with_data]

        def json_catalogue() -> bytes:
            document = catalogue(entries(), self.site.commune, self.build_settings.data_license,
                                 [(d, KINDS.get(d.kind)) for d in self.site.disclosures])
            return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")

        self._site_file(CATALOGUE_FILE, inputs, json_catalogue)
        self._write(writer, "du-lieu/index.html", "data_catalogue",
                    dict(page_url="du-lieu/", datasets=with_data, data_license=self.build_settings.data_license),
                    lambda: {"entries": entries()})

    def _feeds(self) -> None:
        """atom.xml, sitemap.xml (with `site_url` only) and robots.txt, made again when a disclosure changes."""
        site, labels = self.site, KINDS.labels()
        inputs = (site.disclosures, site.commune, site.pages)

        def page_list():
            view = self.context["ckx"]
            listed = [("", None), ("dang-niem-yet/", None), ("cong-khai/", None), ("thon/", None), ("du-lieu/", None)]
            listed += [(listing.url, None) for _kind, listing in view["by_kind"] if listing.disclosures]
            listed += [(listing.url, None) for listing in view["by_year"]]
            listed += [(v.url, None) for v in view["by_village"]]
            for d in site.disclosures:
                data = d.shown.data
                if data is not None and getattr(data, "noindex", False):
                    continue  # an ended named list asks search engines not to index it
                changed = d.last_changed or d.issued
                listed.append((d.url, changed))
                listed += [(f"{d.url}{slug}/", changed) for slug in _village_pages(d, KINDS.get(d.kind))]
            return listed + [(page.url, None) for page in self.context.get("pages", ())]

        self._site_file(FEED_FILE, inputs, lambda: atom_feed(site.disclosures, site.commune, labels))
        self._site_file(ROBOTS_FILE, inputs, lambda: robots(site.commune, with_sitemap=bool(site.commune.site_url)))
        if site.commune.site_url:  # a sitemap of relative addresses is invalid
            self._site_file(SITEMAP_FILE, inputs, lambda: sitemap(page_list(), site.commune))

    def _site_file(self, name: str, inputs, content) -> None:
        """A file at the site's root made from `inputs`: `content()` gives its bytes, asked for only when the
        last build's file was made from other inputs."""
        write_bytes(self.outputs, self.output_path, name, inputs, content)

    def _write(self, writer, name: str, template: str, values: dict | None = None, computed=None) -> None:
        """Render `template` into `name`, unless the last build rendered it from the same `values` and the same
        site-wide entries: then it is carried over. `computed()` gives what is worked out from the values
        (the explanation as HTML, a village's rows), only when the page is rendered."""
        write_page(self, writer, self.outputs, name, template, values, computed)

    def _files(self, disclosure) -> dict:
        """Only declared files are published: anything else in the bundle folder stays private."""
        files = {}
        for ref in disclosure.attachments:  # the clean copy, never the file as it came (plugins/attachments)
            source = Path(disclosure.source_root or self.path, disclosure.source_dir, ref.file)
            files[disclosure.save_dir + ref.file] = lambda path, source=source: _bytes_writer(clean_attachment(source))(path)
        for download in (*self.downloads(disclosure), *disclosure.shown.originals):
            files[disclosure.save_dir + download.file] = _bytes_writer(download.content)
        if disclosure.shown.share_picture:
            files[disclosure.save_dir + SHARE_IMAGE] = lambda path: _bytes_writer(share_image(
                f"Ủy ban nhân dân {self.site.commune.in_sentence}", disclosure.title,
                posting_dates(disclosure.posting), disclosure.shown.key_figure))(path)
        return files


def write_page(generator: Generator, writer, outputs: Outputs, name: str, template: str, values: dict | None = None,
               computed=None) -> None:
    """`DisclosuresGenerator._write` for any generator of the site's pages (a channel's own): the page is named
    with its template, its values and the site-wide entries it reads, and carried over when they are the same."""
    values = {"page_url": "", **(values or {})}

    def make(view) -> None:
        writer.write_file(name, generator.get_template(template), generator.context, ckx=view, **values,
                          **(computed() if computed else {}))

    outputs.produce(name, (template, values), make)


def write_bytes(outputs: Outputs, output_path: str, name: str, inputs, content) -> None:
    """A file that is not a page, made from `inputs`: `content()` gives its bytes, asked for only when the last
    build's file was made from other inputs."""
    outputs.produce(name, (name, inputs), lambda _view: _bytes_writer(content())(Path(output_path, name)))


OUTPUTS = "ckx_outputs"
CHECKED = "ckx_checked"  # what the channels' checks worked out (Site.checked), for their own generators
BUILD_SETTINGS = "ckx_settings"  # the checked settings (BuildSettings), for the other plugins' generators
SHARE_IMAGE = "chia-se.png"  # beside each disclosure's page, and the site's own at the root


def _outputs(generator, site: Site, preloaded) -> Outputs:
    """The outputs of this build; with `scripts/ckx.py` those unchanged since the last build are carried over."""
    base = digest(code_version(), folder_digest(Path(generator.theme)), settings_fingerprint(generator.settings),
                  fingerprint_of(site.pages))
    view = generator.context["ckx"]
    if preloaded is None:
        return Outputs(Path(generator.output_path), None, None, base, view)
    preloaded.outputs = Outputs(Path(generator.output_path), preloaded.previous_output,
                                record_file(preloaded.cache_folder, preloaded.output), base, view,
                                preloaded.cache_folder)
    return preloaded.outputs


def posting_dates(posting) -> str | None:
    """The tag of a share picture: the posting's dates, which stay true wherever the picture is shared and for
    as long; a status ("Đang niêm yết") baked into a picture would be false the day the posting ends."""
    if posting is None:
        return None
    return f"Niêm yết {posting.start:%d/%m} – {posting.end:%d/%m/%Y}"


def _bytes_writer(content: bytes):
    def write(path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return write


def body_html(disclosure):
    """The explanation as HTML, rendered once per build for the page and every print view."""
    if disclosure.shown.body_html is None:
        disclosure.shown.body_html = render(disclosure.body_markdown)
    return disclosure.shown.body_html


def _of_kind(site: Site, kind) -> list:
    return [d for d in site.disclosures if d.kind == kind.id]


def _home_blocks(site: Site, today: dt.date) -> list:
    """(kind, data) for each kind with a home-page block that has something to show."""
    blocks = []
    for kind in KINDS:
        if kind.home_template and kind.shows.home_data:
            data = kind.shows.home_data(_of_kind(site, kind), today)
            if data:
                blocks.append((kind, data))
    return blocks


def _resources(disclosure) -> list:
    """Its tables as open data (metadata; rows are read only when the CSV is written), worked out once."""
    if disclosure.shown.resources is None:
        disclosure.shown.resources = disclosure_resources(disclosure, KINDS.get(disclosure.kind))
    return disclosure.shown.resources


def _key_figure(disclosure, today: dt.date) -> str | None:
    kind = KINDS.get(disclosure.kind)
    data = disclosure.shown.data
    return kind.shows.key_figure(data, today) if kind.shows.key_figure and data is not None else None


def _feedback_until(disclosure, today: dt.date) -> dt.date | None:
    """The date its page asks for comments by: the end of its own comment period (a kind's data with
    `comments_until`) until that has passed, else the end of its posting while upcoming or posted."""
    own = getattr(disclosure.shown.data, "comments_until", None)
    if own is not None:
        return own if today <= own else None
    if disclosure.posting and disclosure.status in (PostingStatus.UPCOMING, PostingStatus.POSTED):
        return disclosure.posting.end
    return None


def _village_pages(disclosure, kind) -> dict:
    """slug -> data for the kind's per-village page, when the kind has one."""
    return village_sections(disclosure, kind) if kind.village_template else {}


def _village_names(disclosure, commune) -> tuple[str, ...]:
    """Villages a disclosure concerns, named, in commune.yml order (for search filters)."""
    slugs = set(disclosure.villages) | set(_village_pages(disclosure, KINDS.get(disclosure.kind)))
    return tuple(v.name for v in commune.villages if v.slug in slugs)


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
