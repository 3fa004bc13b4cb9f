"""What a poverty list publishes as data: households and members by village and category, never names, so
it stays after the posting ends (plugins/open_data)."""

from __future__ import annotations

from plugins.open_data.package import Field, Resource

FIELDS = (Field("Thôn", required=True), Field("Phân loại", required=True), Field("Số hộ", "integer"),
          Field("Số khẩu", "integer"))


def poverty_datasets(disclosure, data) -> list[Resource]:
    return [Resource("so-lieu-theo-thon", "Số hộ, số khẩu theo thôn", FIELDS, lambda: (
        (village_list.village.name, category, count.households, count.members)
        for village_list in data.villages.values()
        for category, count in village_list.counts.items() if count.households))]
