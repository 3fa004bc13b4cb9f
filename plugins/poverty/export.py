"""The counts-by-village download: never names, so it stays after the posting ends."""

from __future__ import annotations

import csv
import io

from plugins.disclosures.kinds import Download


def poverty_downloads(disclosure, data) -> list[Download]:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["thon", "phan_loai", "so_ho", "so_khau"])
    for village_list in data.villages.values():
        for category, count in village_list.counts.items():
            if count.households:
                writer.writerow([village_list.village.name, category, count.households, count.members])
    content = ("\ufeff" + buffer.getvalue()).encode("utf-8")
    return [Download("so-lieu-theo-thon.csv", "Số hộ, số khẩu theo thôn (CSV)", content)]
