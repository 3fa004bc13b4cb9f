"""Pelican glue: take the loaded site (or load it), derive (derive.py), start the channels, then write every
disclosure page.

`scripts/ckx.py build` hands it a site already checked, its broken bundles replaced by their last good
versions or left out; plain `pelican content` stops on any content error. Both render into a staging folder
swapped in whole, so the published site is never half-updated. The registered channels (channels.py) add
their facts, files and page values to each disclosure's outputs here, in one pass on every core; their
site-wide outputs are their own generators', which read the same `Build` (`build_of(context)`).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pelican.generators import Generator

from plugins.disclosures import listings, store
from plugins.disclosures.build import PRELOADED
from plugins.disclosures.bundle import place_choices
from plugins.disclosures.cache import code_version, digest, folder_from_environment
from plugins.disclosures.channels import BUILD, CHANNELS, PAGES_WRITTEN, Build
from plugins.disclosures.derive import derive, of_kind
from plugins.disclosures.kinds import KINDS, village_pages
from plugins.disclosures.outputs import KeptValues, Outputs, fingerprint_of, folder_digest, settings_fingerprint
from plugins.disclosures.settings import read_settings
from plugins.disclosures.site import Site, load_site, published_attachment
from plugins.disclosures.unmade import kind_part
from plugins.issues import format_issues, has_errors

logger = logging.getLogger(__name__)


class ContentError(Exception):
    """The content has errors; the message lists all of them."""


class DisclosuresGenerator(Generator):
    def generate_context(self) -> None:
        """Take (or load) the checked site, derive what each disclosure's outputs are made from, build the
        view and start every channel; nothing is written yet."""
        settings, issues = read_settings(self.settings, KINDS)
        if settings is None:
            raise ContentError("Cài đặt có lỗi, không xây dựng trang:\n" + format_issues(issues))
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
        # derive: what the date, the commune, the other disclosures and the channels make of each disclosure,
        # as new records (its page never reads the date itself); then plan against the last build's outputs
        base = digest(code_version(), folder_digest(Path(self.theme)), settings_fingerprint(self.settings),
                      fingerprint_of(site.pages))
        kept = KeptValues(store.site_record(preloaded.cache_folder, preloaded.output, "values")
                          if preloaded is not None else None, base)
        site = derive(site, today, {channel.name: channel.fact(settings, site.commune)
                                    for channel in CHANNELS if channel.fact}, kept=kept)
        view = site_view(site, today)
        view["home_blocks"] = _home_blocks(site, today)
        # every page's menu and footer link the static pages: Pelican works out a page's address afresh each
        # time it is asked (0.3 s of a 1x build from nothing, asked twice a page for each static page)
        view["page_links"] = tuple((page.url, page.title) for page in self.context.get("pages", ()))
        self.build = build = Build(settings, site, view, _outputs(self, preloaded, view, base, kept))
        for channel in CHANNELS:
            if channel.start:
                build.channels[channel.name] = started = channel.start(build)
                view.update(started.view)
        self._downloads: dict[str, tuple] = {}
        self.site = site
        self.context[BUILD] = build
        self.context["ckx"] = view

    def generate_output(self, writer) -> None:
        view, outputs = self.build.view, self.build.outputs
        self._write(writer, "index.html", "home")
        for disclosure in self.site.disclosures:  # each one's fingerprint worked out before the fork: the listings
            disclosure.__fingerprint__()  # and village pages name them all after, here, not in the worker that had it
        outputs.share_out(self.site.disclosures, lambda disclosure: self._disclosure_outputs(writer, disclosure),
                          lambda disclosure: outputs.keep_owned(disclosure.save_dir, disclosure))
        PAGES_WRITTEN.send(self)  # the search keeps its unchanged parts from the standby before it is settled
        outputs.settle()  # what the standby held and this build did not make goes
        self._write(writer, "dang-niem-yet/index.html", "now_posted", dict(page_url="dang-niem-yet/"))
        all_listings = [view["all"], *(listing for _kind, listing in view["by_kind"]), *view["by_year"],
                        *(v.listing for v in view["by_village"])]
        for listing in all_listings:
            for page in listings.paginate(listing, self.build.settings.listing_page_size):
                self._write(writer, page.url + "index.html", "listing", dict(page=page, page_url=page.url))
        self._write(writer, "thon/index.html", "villages", dict(page_url="thon/"))
        self._write(writer, "404.html", "404")  # the static server's page for an unknown address
        for kind in KINDS:
            if kind.exports.site_files:
                disclosures = of_kind(self.site.disclosures, kind)
                group = f"loai:{kind.id}"
                loaded = [(d.source_dir, d.loaded_from) if d.loaded_from else d for d in disclosures]
                if not outputs.keep_group(group, (kind.id, loaded, self.site.commune)):
                    kept = _kept_by_loading(outputs.values.apart("tep-chung"), kind.id)
                    files = kind_part(kind.id, "tệp chung của cả xã (ví dụ lịch)",
                                      lambda kind=kind, disclosures=disclosures, kept=kept: kind.exports.site_files(
                                          disclosures, self.site.commune, kept), self.site.issues) or ()
                    outputs.write_group(group, (kind.id, loaded, self.site.commune),
                                        {d.file: _bytes_writer(d.content) for d in files})
        for village_view in view["by_village"]:
            self._write(writer, village_view.url + "index.html", "village",
                        dict(village_view=village_view, page_url=village_view.url))

    def _disclosure_outputs(self, writer, disclosure) -> None:
        """Its page, its village pages and its files, the channels' included: independent of every other
        disclosure's, and made from it alone (its fingerprint), so carried over together when it did not change
        (`Outputs.keep_owned`, before they are shared out)."""
        with self.build.outputs.owned_by(disclosure.save_dir, disclosure):
            self._each_output(writer, disclosure)

    def _each_output(self, writer, disclosure) -> None:
        kind, outputs = KINDS.get(disclosure.kind), self.build.outputs
        loaded = _loaded(disclosure)
        for group, made_from, files in ((disclosure.save_dir, loaded, self._files),
                                        (disclosure.save_dir + CHANNEL_FILES, (loaded, disclosure.shown.derived),
                                         self._channel_files)):
            if not outputs.keep_group(group, made_from):
                outputs.write_group(group, made_from, files(disclosure))

        def computed() -> dict:
            values = {"body_html": disclosure.body_html, "downloads": self.downloads(disclosure)}
            for started in self.build.channels.values():
                if started.page:
                    values |= started.page(disclosure)
            return values

        self._write(writer, disclosure.save_dir + "index.html", "disclosure",
                    dict(disclosure=disclosure, kind=kind, page_url=disclosure.url), computed)
        for slug in disclosure.shown.derived.village_pages:  # its tables are read only for a page made
            self._write(writer, f"{disclosure.save_dir}{slug}/index.html", kind.village_template.removesuffix(".html"),
                        dict(disclosure=disclosure, kind=kind, page_url=f"{disclosure.url}{slug}/"),
                        lambda slug=slug: dict(village_data=village_pages(disclosure, kind)[slug]))

    def downloads(self, disclosure) -> tuple:
        """Files derived from its tables (the kind's own, the channels': the open data package), worked out
        once per build, before its page lists them."""
        made = self._downloads.get(disclosure.source_dir)
        if made is None:
            kind, data = KINDS.get(disclosure.kind), disclosure.shown.data
            made = tuple(kind.exports.downloads(disclosure, data)) if kind.exports.downloads and data is not None else ()
            for started in self.build.channels.values():
                if started.downloads:
                    made += tuple(started.downloads(disclosure))
            self._downloads[disclosure.source_dir] = made
        return made

    def _write(self, writer, name: str, template: str, values: dict | None = None, computed=None) -> None:
        """Render `template` into `name`, unless the last build rendered it from the same `values` and the same
        site-wide entries: then it is carried over. `computed()` gives what is worked out from the values
        (the explanation as HTML, a village's rows), only when the page is rendered."""
        write_page(self, writer, self.build.outputs, name, template, values, computed)

    def _files(self, disclosure) -> dict:
        """Only declared files are published: anything else in the bundle folder stays private."""
        files = {}
        for ref in disclosure.attachments:  # the clean copy, never the file as it came (plugins/attachments)
            source = Path(disclosure.source_root or self.path, disclosure.source_dir, ref.file)
            files[disclosure.save_dir + ref.file] = lambda path, source=source, sha256=ref.sha256: _bytes_writer(
                published_attachment(self.build.outputs.cache_folder, source, sha256))(path)
        for download in (*self.downloads(disclosure), *disclosure.shown.originals):
            files[disclosure.save_dir + download.file] = _bytes_writer(download.content)
        return files

    def _channel_files(self, disclosure) -> dict:
        """The channels' own files of a disclosure (its share picture), made from what the build derived of it
        too (whether it is still current)."""
        files = {}
        for started in self.build.channels.values():
            if started.files:
                files |= started.files(disclosure)
        return files


CHANNEL_FILES = "#kenh"  # after a disclosure's folder: the group of its channels' files (`_channel_files`)


def _loaded(disclosure) -> object:
    """What a disclosure's own files (clean copies, downloads, data package, original tables) are made from:
    what it was loaded from (its files, commune.yml, the settings, its loader's date answers), not its posting's
    status or its history, which only its pages show. A posting that starts or ends makes its pages again,
    not its calendar (icalendar's import alone is 0.06 s) and data. A kind's download that showed the status
    would belong on its page."""
    return disclosure.loaded_from or disclosure


def _kept_by_loading(values: KeptValues, kind_id: str) -> Callable[[Any, Callable[[], Any]], Any]:
    """A kind's `kept` for its site files (kinds.SiteFiles): a disclosure's part, by what it was loaded from
    (`_loaded`: its files, commune.yml and the settings among them)."""
    def kept(disclosure, work_out: Callable[[], Any]) -> Any:
        return values.get((kind_id, disclosure.source_dir, fingerprint_of(_loaded(disclosure))), work_out)
    return kept


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


def _outputs(generator, preloaded, view: dict, base: str, kept: KeptValues) -> Outputs:
    """The outputs of this build; with `scripts/ckx.py` those unchanged since the last build are carried over.
    `base`: what every output is made from (code, theme, settings, static pages)."""
    if preloaded is None:
        return Outputs(Path(generator.output_path), None, None, base, view, values=kept)
    preloaded.outputs = Outputs(Path(generator.output_path), preloaded.previous_output,
                                store.site_record(preloaded.cache_folder, preloaded.output, "outputs"), base, view,
                                preloaded.cache_folder, standby=preloaded.standby, values=kept,
                                listed=preloaded.standby_files)
    return preloaded.outputs


def _bytes_writer(content: bytes):
    def write(path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return write


def _home_blocks(site: Site, today: dt.date) -> list:
    """(kind, data) for each kind with a home-page block that has something to show."""
    blocks = []
    for kind in KINDS:
        if kind.home_template and kind.shows.home_data:
            data = kind_part(kind.id, "mục trên trang chủ", lambda kind=kind: kind.shows.home_data(
                of_kind(site.disclosures, kind), today), site.issues)
            if data:
                blocks.append((kind, data))
    return blocks


def site_view(site: Site, today: dt.date) -> dict:
    """Everything the theme needs, built once: the templates do no filtering of their own."""
    disclosures = site.disclosures
    by_kind, by_year = listings.by_kind(disclosures, KINDS), listings.by_year(disclosures)
    by_village = listings.by_village(disclosures, site.commune, lambda d: d.shown.derived.village_pages)
    return {
        "commune": site.commune,
        "today": today,
        "kinds": list(KINDS),
        "kind_labels": KINDS.labels(),
        "disclosures": disclosures,
        "now_posted": listings.now_posted(disclosures),
        "upcoming": listings.upcoming(disclosures),
        "all": listings.Listing(url="cong-khai/", title="Tất cả văn bản công khai", disclosures=disclosures),
        "by_kind": by_kind,
        "by_year": by_year,
        "by_village": by_village,
        # what the pages that only link to the listings read (listings.ListingLink): the kinds' with something
        # in them, in the kinds' order
        "kind_links": [link for link in listings.links(listing for _kind, listing in by_kind) if link.count],
        "year_links": listings.links(by_year),
        "village_links": listings.village_links(by_village),
        "places": place_choices(site.commune),
    }
