"""Pelican glue: `du-lieu/`, the catalogue of every disclosure's data package, for people and for machines;
its JSON also lists every disclosure with its posting, for the province portal."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pelican.generators import Generator

from plugins.disclosures.cache import digest
from plugins.disclosures.channels import build_of
from plugins.disclosures.generator import write_bytes, write_page
from plugins.disclosures.kinds import KINDS
from plugins.disclosures.outputs import fingerprint_of
from plugins.open_data.catalogue import (
    CATALOGUE_FILE,
    catalogue_bytes,
    catalogue_head,
    compact,
    dataset_entry,
    disclosure_entry,
)
from plugins.open_data.channel import NAME


@dataclass(frozen=True)
class DatasetLink:
    """A disclosure with data as the catalogue page lists it, and no more: the page is made again when what it
    shows changes, not when a posting starts or ends (some disclosure's does most days), and it is made
    without reading any table."""

    url: str
    title: str
    issued: dt.date
    kind: str  # its kind's label
    tables: tuple[tuple[str, str, int], ...]  # (CSV file, title, number of columns) of each


class OpenDataGenerator(Generator):
    def generate_output(self, writer) -> None:
        build = build_of(self.context)
        open_data = build.state(NAME) if build else None
        if open_data is None:
            return
        site, kept = build.site, build.outputs.values
        made_from = fingerprint_of((site.commune, open_data.license))

        def catalogue_parts(d) -> tuple[str | None, str, DatasetLink | None]:
            """Its dataset's entry (None without data) and its own, as JSON, and its line on the page: the last
            build's when neither the disclosure nor the commune changed, so an edit works out one disclosure's,
            not all of them."""
            def work_out() -> tuple[str | None, str, DatasetLink | None]:
                kind, resources = KINDS.get(d.kind), open_data.resources(d)
                own = compact(disclosure_entry(d, kind))
                if not resources:
                    return None, own, None
                return (compact(dataset_entry(d, kind, resources, site.commune)), own,
                        DatasetLink(d.url, d.title, d.issued, kind.label,
                                    tuple((r.path, r.title, len(r.fields)) for r in resources)))
            return kept.get(("danh-muc", made_from, d.__fingerprint__()), work_out)

        parts = [catalogue_parts(d) for d in site.disclosures]
        # made from its entries, not from the disclosures: an edit to an explanation leaves them as they were,
        # and the file (1.1 MB at 1x) is carried over instead of written and hashed again
        inputs = (made_from, digest(*(own for _dataset, own, _link in parts),
                                    *(dataset or "" for dataset, _own, _link in parts)))
        write_bytes(build.outputs, self.output_path, CATALOGUE_FILE, inputs, lambda: catalogue_bytes(
            catalogue_head(site.commune, open_data.license),
            [dataset for dataset, _own, _link in parts if dataset is not None], [own for _dataset, own, _link in parts]))
        write_page(self, writer, build.outputs, "du-lieu/index.html", "data_catalogue",
                   dict(page_url="du-lieu/", datasets=[link for _dataset, _own, link in parts if link is not None],
                        data_license=open_data.license))
