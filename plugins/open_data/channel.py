"""Open data as a channel of the core (plugins/disclosures/channels.py): its setting (CKX_DATA_LICENSE), and
each disclosure's data package, listed on its page and written beside it with the disclosure's other files."""

from __future__ import annotations

from typing import Any

from plugins.disclosures.channels import Build, Channel, ChannelOutputs
from plugins.disclosures.kinds import KINDS
from plugins.issues import Issue, setting_issue
from plugins.open_data.catalogue import disclosure_resources, package_downloads
from plugins.open_data.package import DEFAULT_LICENSE, Resource, check_license

NAME = "open_data"


def read_settings(settings: dict[str, Any]) -> tuple[dict[str, str], list[Issue]]:
    """CKX_DATA_LICENSE: the licence every package and the catalogue name."""
    data_license = settings.get("CKX_DATA_LICENSE", DEFAULT_LICENSE)
    problem = check_license(data_license)
    if problem:
        return dict(DEFAULT_LICENSE), [setting_issue(
            "CKX_DATA_LICENSE", f"{problem}, đang là {data_license!r}.",
            'Ví dụ: CKX_DATA_LICENSE = {"name": "CC-BY-4.0", "title": "Creative Commons Ghi công 4.0 Quốc tế", '
            '"path": "https://creativecommons.org/licenses/by/4.0/deed.vi"}.')]
    return dict(data_license), []


class OpenData:
    """One build's data packages, each worked out once, and only when its page or its files are made."""

    def __init__(self, build: Build) -> None:
        self.license = build.settings.channels.get(NAME, DEFAULT_LICENSE)
        self.commune = build.site.commune
        self._resources: dict[str, list[Resource]] = {}

    def resources(self, disclosure) -> list[Resource]:
        """Its tables as open data (metadata; rows are read only when the CSV is written)."""
        if disclosure.source_dir not in self._resources:
            self._resources[disclosure.source_dir] = disclosure_resources(disclosure, KINDS.get(disclosure.kind))
        return self._resources[disclosure.source_dir]

    def downloads(self, disclosure) -> list:
        return package_downloads(disclosure, self.resources(disclosure), self.commune, self.license)


def start(build: Build) -> ChannelOutputs:
    open_data = OpenData(build)
    return ChannelOutputs(view={"data_license": open_data.license}, downloads=open_data.downloads,
                          page=lambda disclosure: {"open_data": bool(open_data.resources(disclosure))},
                          state=open_data)


CHANNEL = Channel(NAME, settings=read_settings, start=start)
