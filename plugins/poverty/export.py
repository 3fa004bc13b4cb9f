"""The counts-by-village download: never names, so it stays after the posting ends."""

from __future__ import annotations

from plugins.disclosures.kinds import Download
from plugins.tables.write import csv_bytes


def poverty_downloads(disclosure, data) -> list[Download]:
    rows = [(village_list.village.name, category, count.households, count.members)
            for village_list in data.villages.values()
            for category, count in village_list.counts.items() if count.households]
    content = csv_bytes(["thon", "phan_loai", "so_ho", "so_khau"], rows)
    return [Download("so-lieu-theo-thon.csv", "Số hộ, số khẩu theo thôn (CSV)", content)]
