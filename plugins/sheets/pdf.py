"""PDFs of the print views with WeasyPrint: `make print` (scripts/ckx.py print).

Reads the built site, never the network: absolute paths ("/theme/css/...")
resolve inside the site folder and only file: and data: URLs are fetched.
"""

from __future__ import annotations

from pathlib import Path

from weasyprint import HTML
from weasyprint.urls import URLFetcher


class SiteFetcher(URLFetcher):
    def __init__(self, site: Path) -> None:
        super().__init__(allowed_protocols={"file", "data"}, fail_on_errors=True)
        self.root = site.resolve().as_uri()

    def fetch(self, url, headers=None):
        if url.startswith("file:///") and not url.startswith(self.root + "/"):
            url = self.root + url.removeprefix("file://")
        return super().fetch(url, headers)


def sheet_name(view: Path, site: Path) -> str:
    """cong-khai/2026/x/in/index.html -> 2026-x.pdf; cong-khai/2026/x/in/thon-dong/index.html -> 2026-x-thon-dong.pdf."""
    year, slug, _in, *village = view.parent.relative_to(site / "cong-khai").parts
    return "-".join([year, slug, *village]) + ".pdf"


def print_views(site: Path) -> list[Path]:
    return sorted(site.glob("cong-khai/*/*/in/index.html")) + sorted(site.glob("cong-khai/*/*/in/*/index.html"))


def write_pdfs(site: Path, target: Path) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    fetcher = SiteFetcher(site)
    written = []
    for view in print_views(site):
        pdf = target / sheet_name(view, site)
        HTML(filename=str(view), url_fetcher=fetcher).write_pdf(pdf, pdf_variant=None)
        written.append(pdf)
    return written
