"""Pelican glue: `du-lieu/`, the catalogue of every disclosure's data package, for people and for machines;
its JSON also lists every disclosure with its posting, for the province portal."""

from __future__ import annotations

from pelican.generators import Generator

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


class OpenDataGenerator(Generator):
    def generate_output(self, writer) -> None:
        build = build_of(self.context)
        open_data = build.state(NAME) if build else None
        if open_data is None:
            return
        site, kept = build.site, build.outputs.values
        made_from = fingerprint_of((site.commune, open_data.license))

        def catalogue_parts(d) -> tuple[str | None, str]:
            """Its dataset's entry (None without data) and its own, as JSON: the last build's when neither the
            disclosure nor the commune changed, so an edit works out one disclosure's, not all of them."""
            def work_out() -> tuple[str | None, str]:
                kind, resources = KINDS.get(d.kind), open_data.resources(d)
                dataset = compact(dataset_entry(d, kind, resources, site.commune)) if resources else None
                return dataset, compact(disclosure_entry(d, kind))
            return kept.get(("danh-muc", made_from, d.__fingerprint__()), work_out)

        parts = [catalogue_parts(d) for d in site.disclosures]
        with_data = [d for d, (dataset, _own) in zip(site.disclosures, parts, strict=True) if dataset is not None]
        inputs = (site.disclosures, site.commune, open_data.license)

        def entries():
            return [(d, KINDS.get(d.kind), open_data.resources(d)) for d in with_data]

        write_bytes(build.outputs, self.output_path, CATALOGUE_FILE, inputs, lambda: catalogue_bytes(
            catalogue_head(site.commune, open_data.license),
            [dataset for dataset, _own in parts if dataset is not None], [own for _dataset, own in parts]))
        write_page(self, writer, build.outputs, "du-lieu/index.html", "data_catalogue",
                   dict(page_url="du-lieu/", datasets=with_data, data_license=open_data.license),
                   lambda: {"entries": entries()})
