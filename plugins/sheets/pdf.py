"""PDFs of the print views with WeasyPrint: `make print` (scripts/ckx.py print).

Reads the built site, never the network: absolute paths ("/theme/css/...")
resolve inside the site folder and only file: and data: URLs are fetched.
"""

from __future__ import annotations

from pathlib import Path

from weasyprint import HTML
from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetchingError

from plugins.sheets.fingerprint import carry_over, fingerprints, print_views, sheet_name, write_manifest


class PrintError(RuntimeError):
    """A print view needs a file the site does not have (a link to a missing image)."""


class SiteFetcher(URLFetcher):
    def __init__(self, site: Path) -> None:
        super().__init__(allowed_protocols={"file", "data"}, fail_on_errors=True)
        self.root = site.resolve().as_uri()

    def fetch(self, url, headers=None):
        if url.startswith("file:///") and not url.startswith(self.root + "/"):
            url = self.root + url.removeprefix("file://")
        return super().fetch(url, headers)


def write_pdfs(site: Path, target: Path) -> tuple[list[Path], int]:
    """Every sheet's PDF into `target`: carried over from <site>/print when its fingerprint is unchanged,
    rendered otherwise. Returns (every PDF, how many were rendered)."""
    target.mkdir(parents=True, exist_ok=True)
    wanted = fingerprints(site)
    kept = carry_over(site / "print", target, wanted)
    fetcher = SiteFetcher(site)
    for view in print_views(site):
        name = sheet_name(view, site)
        if name not in kept:
            try:
                HTML(filename=str(view), url_fetcher=fetcher).write_pdf(target / name, pdf_variant=None)
            except (URLFetchingError, FatalURLFetchingError) as exc:
                raise PrintError(f"{view.relative_to(site).as_posix()}: không tải được tệp mà bản in cần "
                                 f"({exc.args[0] if exc.args else exc}).") from exc
    write_manifest(target, wanted)
    return [target / name for name in wanted], len(wanted) - len(kept)
