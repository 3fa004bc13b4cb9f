"""Pelican glue: write the print view of every disclosure, and of every village where a kind has one."""

from __future__ import annotations

from pathlib import Path

from jinja2 import FileSystemLoader
from pelican.generators import Generator

from plugins.disclosures.kinds import KINDS, village_sections
from plugins.safe_markdown import render
from plugins.sheets.document import build_sheet

TEMPLATES = Path(__file__).parent / "templates"


class SheetsGenerator(Generator):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.env.loader.loaders.append(FileSystemLoader(str(TEMPLATES)))  # kinds' own: plugins.disclosures

    def generate_output(self, writer) -> None:
        view = self.context["ckx"]
        commune = view["commune"]
        template = self.get_template("sheet")
        for disclosure in view["disclosures"]:
            kind = KINDS.get(disclosure.kind)
            body_html = render(disclosure.body_markdown)
            writer.write_file(f"{disclosure.save_dir}in/index.html", template, self.context, disclosure=disclosure,
                              kind=kind, sheet=build_sheet(disclosure, commune), body_html=body_html,
                              village_data=None)
            if not kind.village_sheet_template:
                continue
            for slug, village_data in village_sections(disclosure, kind).items():
                writer.write_file(f"{disclosure.save_dir}in/{slug}/index.html", template, self.context,
                                  disclosure=disclosure, kind=kind, body_html=body_html, village_data=village_data,
                                  sheet=build_sheet(disclosure, commune, commune.village(slug)))
