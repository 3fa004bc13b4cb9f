"""PDFs of the print views with WeasyPrint: `make print` (scripts/ckx.py print).

Reads the built site, never the network: absolute paths ("/theme/css/...")
resolve inside the site folder and only file: and data: URLs are fetched.
"""

from __future__ import annotations

import re
from pathlib import Path

from weasyprint import HTML
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetchingError

from plugins.disclosures.model import PostingStatus
from plugins.disclosures.workers import WorkerFailed, share_out
from plugins.sheets.document import CLOSING
from plugins.sheets.fingerprint import PRINT_FOLDER, carry_over, fingerprints, print_views, sheet_name, write_manifest


class PrintError(RuntimeError):
    """A print view needs a file the site does not have (a link to a missing image)."""


class SiteFetcher(URLFetcher):
    """The print views' links are the site's own ("/theme/css/van-ban.css", "/xa-hoa-an/theme/..." when the
    site lives in a folder of its host, SITEURL): read from the built site's folder, nothing else."""

    def __init__(self, site: Path, folder: str = "") -> None:
        super().__init__(allowed_protocols={"file", "data"}, fail_on_errors=True)
        self.root = site.resolve().as_uri()
        self.folder = folder.rstrip("/")

    def fetch(self, url, headers=None):
        if url.startswith("file:///") and not url.startswith(self.root + "/"):
            path = url.removeprefix("file://")
            if self.folder and path.startswith(self.folder + "/"):
                path = path.removeprefix(self.folder)
            url = self.root + path
        return super().fetch(url, headers)


def write_pdfs(site: Path, target: Path, only: str | None = None, now: bool = False,
               folder: str = "") -> tuple[list[Path], int, int]:
    """Every sheet's PDF into `target`: carried over from <site>/print when its fingerprint is unchanged,
    rendered otherwise, on every core. `only` ("2026/du-toan") and `now` (only what is posted or about to be) render
    just those sheets; any other sheet whose view changed is left out rather than kept stale. Returns (every
    PDF written, how many were rendered, how many were left out)."""
    target.mkdir(parents=True, exist_ok=True)
    wanted = fingerprints(site)
    kept = carry_over(site / PRINT_FOLDER, target, wanted)
    views = {sheet_name(view, site): view for view in print_views(site)}
    chosen = [name for name in wanted if name not in kept and _chosen(views[name], site, only, now)]

    def render(share: list[str]) -> None:
        fetcher = SiteFetcher(site, folder)
        for name in share:
            view = views[name]
            try:
                HTML(filename=str(view), url_fetcher=fetcher).write_pdf(target / name, pdf_variant=None)
            except (URLFetchingError, FatalURLFetchingError) as exc:
                raise PrintError(f"{view.relative_to(site).as_posix()}: không tải được tệp mà bản in cần "
                                 f"({exc.args[0] if exc.args else exc}).") from exc

    try:
        share_out(chosen, render)
    except WorkerFailed as exc:
        raise PrintError(str(exc).removeprefix("PrintError: ")) from exc
    written = {name: fingerprint for name, fingerprint in wanted.items() if name in kept or name in chosen}
    write_manifest(target, written)
    return [target / name for name in written], len(chosen), len(wanted) - len(written)


STATUS = re.compile(rb'<meta name="ckx-trang-thai" content="([a-z-]+)">')


def _chosen(view: Path, site: Path, only: str | None, now: bool) -> bool:
    if only and not view.relative_to(site).as_posix().startswith(f"cong-khai/{only.strip('/')}/"):
        return False
    if now:  # what is on the boards today, what goes up next (printed before its first day), the closing minutes due
        if view.parent.name == CLOSING:
            return True  # made only while they are to be signed (sheets/generator.py)
        match = STATUS.search(view.read_bytes()[:4096])
        return bool(match) and match.group(1) in ON_THE_BOARDS
    return True


ON_THE_BOARDS = {PostingStatus.POSTED.value.encode(), PostingStatus.UPCOMING.value.encode()}
