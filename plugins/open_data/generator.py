"""Pelican glue: `du-lieu/`, the catalogue of every disclosure's data package, for people and for machines;
its JSON also lists every disclosure with its posting, for the province portal."""

from __future__ import annotations

import json

from pelican.generators import Generator

from plugins.disclosures.channels import build_of
from plugins.disclosures.generator import write_bytes, write_page
from plugins.disclosures.kinds import KINDS
from plugins.open_data.catalogue import CATALOGUE_FILE, catalogue
from plugins.open_data.channel import NAME


class OpenDataGenerator(Generator):
    def generate_output(self, writer) -> None:
        build = build_of(self.context)
        open_data = build.state(NAME) if build else None
        if open_data is None:
            return
        site = build.site
        with_data = [d for d in site.disclosures if open_data.resources(d)]
        inputs = (site.disclosures, site.commune, open_data.license)

        def entries():
            return [(d, KINDS.get(d.kind), open_data.resources(d)) for d in with_data]

        def json_catalogue() -> bytes:
            document = catalogue(entries(), site.commune, open_data.license,
                                 [(d, KINDS.get(d.kind)) for d in site.disclosures])
            # compact: made again after any edit, as it lists every disclosure; indented, Python's encoder
            # is its slow one, and the file a quarter larger for the portal that fetches it
            return (json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")

        write_bytes(build.outputs, self.output_path, CATALOGUE_FILE, inputs, json_catalogue)
        write_page(self, writer, build.outputs, "du-lieu/index.html", "data_catalogue",
                   dict(page_url="du-lieu/", datasets=with_data, data_license=open_data.license),
                   lambda: {"entries": entries()})
