"""The sheets as a channel of the core (plugins/disclosures/channels.py): the QR code a disclosure's page
shows for its feedback box while it is still current, the printed sheet's own, kept between runs; and how
long the closing minutes of an ended posting stay to print."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

from plugins.disclosures import store
from plugins.disclosures.channels import Build, Channel, ChannelOutputs
from plugins.disclosures.listings import still_current
from plugins.disclosures.model import PostingStatus
from plugins.sheets.document import minutes_places, qr_svg

NAME = "sheets"


class QrCodes:
    """QR codes kept between runs in the store's "qr" part, by URL: choosing the best of eight masks (what keeps a
    printed code easy to scan) took a quarter of a large commune's first build, and a page's address and
    so its code never change."""

    def __init__(self, cache_folder: Path | None) -> None:
        self.folder = cache_folder

    def get(self, url: str) -> str:
        path = store.entry(self.folder, "qr", url, suffix=".svg")
        kept = store.read(path)
        with contextlib.suppress(UnicodeDecodeError):
            if kept is not None:
                return kept.decode("utf-8")
        svg = qr_svg(url)
        store.write(path, svg.encode("utf-8"))  # kept for next time where the disk allows
        return svg


CLOSING_MINUTES_DAYS = 15  # after the last day of posting; a long holiday (Tết) is nine days


def sheet_facts(settings, commune):
    """What a disclosure's pages and print views show of the sheets on the build date, in its fingerprint (None
    when neither):
    - `qr`: whether its page shows a QR code. A code needs a whole address (`site_url`: a relative one opens
      on no phone), and is for passing on a disclosure that is still current: choosing each code's mask was a
      third of a build from nothing, two thousand codes for a ten-year archive nobody scans from a screen;
    - `closing_minutes_until`: the last day its "Biên bản kết thúc niêm yết" stays to print once the posting
      ended (None otherwise): the board's closing minutes are signed on the last day or the working days
      after, when the sheets have already left the site."""
    site_url, today = bool(commune.site_url), settings.build_date

    def facts(disclosure) -> dict | None:
        until = None
        if disclosure.status is PostingStatus.ENDED:  # the date first: most of an archive ended long ago
            last = disclosure.posting.end + dt.timedelta(days=CLOSING_MINUTES_DAYS)
            until = last if today <= last and minutes_places(disclosure, commune) else None
        qr = site_url and still_current(disclosure, today)
        # nothing for most of an archive: one part of its fingerprint instead of a mapping's
        return {"qr": qr, "closing_minutes_until": until} if qr or until else None
    return facts


def _fact(disclosure, key: str):
    return (disclosure.shown.channels.get(NAME) or {}).get(key)  # None: neither a code nor minutes


def closing_minutes_until(disclosure) -> dt.date | None:
    return _fact(disclosure, "closing_minutes_until")


def start(build: Build) -> ChannelOutputs:
    codes = QrCodes(build.outputs.cache_folder)
    site_url = (build.site.commune.site_url or "").rstrip("/")

    def page(disclosure) -> dict:
        return {"qr_svg": codes.get(f"{site_url}/{disclosure.url}") if _fact(disclosure, "qr") else None}

    return ChannelOutputs(page=page, state=codes)


CHANNEL = Channel(NAME, fact=sheet_facts, start=start)
