"""The sheets as a channel of the core (plugins/disclosures/channels.py): the QR code a disclosure's page
shows for its feedback box, the printed sheet's own, kept between runs."""

from __future__ import annotations

import contextlib
from pathlib import Path

from plugins.disclosures.cache import digest, write_atomically
from plugins.disclosures.channels import Build, Channel, ChannelOutputs
from plugins.sheets.document import qr_svg

NAME = "sheets"


class QrCodes:
    """QR codes kept between runs in the cache folder, by URL: choosing the best of eight masks (what keeps a
    printed code easy to scan) took a quarter of a large commune's first build, and a page's address and
    so its code never change."""

    def __init__(self, cache_folder: Path | None) -> None:
        self.folder = cache_folder / "qr" if cache_folder else None

    def get(self, url: str) -> str:
        if self.folder is None:
            return qr_svg(url)
        path = self.folder / f"{digest(url)[:32]}.svg"
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            svg = qr_svg(url)
            with contextlib.suppress(OSError):  # kept for next time where the disk allows
                write_atomically(path, svg.encode("utf-8"))
            return svg


def start(build: Build) -> ChannelOutputs:
    codes = QrCodes(build.outputs.cache_folder)
    site_url = (build.site.commune.site_url or "").rstrip("/")

    def page(disclosure) -> dict:
        """Without `site_url` a code could only hold a relative address, which no phone opens."""
        return {"qr_svg": codes.get(f"{site_url}/{disclosure.url}") if site_url else None}

    return ChannelOutputs(page=page, state=codes)


CHANNEL = Channel(NAME, start=start)
