"""Pelican glue: write the print view of every disclosure, and of every village where a kind has one."""

from __future__ import annotations

from pathlib import Path

from jinja2 import FileSystemLoader
from pelican.generators import Generator

from plugins.disclosures.channels import build_of
from plugins.disclosures.kinds import KINDS, village_sections
from plugins.disclosures.model import PostingStatus
from plugins.sheets.channel import NAME, closing_minutes_until
from plugins.sheets.document import CLOSING, MINUTES, build_sheet, minutes_places

TEMPLATES = Path(__file__).parent / "templates"


def has_sheets(disclosure) -> bool:
    """Sheets are what goes on the boards: made while a disclosure is to be posted or is posted, and for one
    only published on the site (its sheet is its one printed form). Once its posting ends they leave the site
    (one per village of every household list and land-use plan: a quarter of a province's files); `make print
    ONLY=` makes them again."""
    return disclosure.status is not PostingStatus.ENDED


class SheetsGenerator(Generator):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.env.loader.loaders.append(FileSystemLoader(str(TEMPLATES)))  # kinds' own: plugins.disclosures

    def generate_output(self, writer) -> None:
        """Print views go through the same outputs as the pages: one whose disclosure, commune and templates
        did not change is carried over, QR code and all."""
        build = build_of(self.context)
        if build is None:
            return
        outputs, codes = build.outputs, build.state(NAME)
        template = self.get_template("sheet")
        minutes_template = self.get_template("minutes")

        requested = (self.settings.get("CKX_PRINT_ONLY") or "").strip("/")

        def planned(disclosure) -> tuple[bool, tuple[str, ...]]:
            """Whether its sheets are made, and which minutes."""
            asked = bool(requested) and disclosure.save_dir.startswith(f"cong-khai/{requested}/")
            # else its posting ended: its sheets left the boards, and the site
            return has_sheets(disclosure) or asked, minutes_due(disclosure, asked)

        def sheets(disclosure) -> None:
            views, folders = plans[disclosure.source_dir]
            if views:
                sheet_views(disclosure)
            for folder in folders:
                minutes(disclosure, folder)

        def sheet_views(disclosure) -> None:
            kind = KINDS.get(disclosure.kind)
            slugs = list(village_sections(disclosure, kind)) if kind.village_sheet_template else []
            for slug in [None, *slugs]:
                name = f"{disclosure.save_dir}in/{slug}/index.html" if slug else f"{disclosure.save_dir}in/index.html"

                def make(view, kind=kind, slug=slug, name=name) -> None:
                    commune = view["commune"]
                    village_data = village_sections(disclosure, kind)[slug] if slug else None
                    writer.write_file(name, template, self.context, ckx=view, disclosure=disclosure, kind=kind,
                                      body_html=disclosure.body_html, village_data=village_data,
                                      sheet=build_sheet(disclosure, commune, commune.village(slug) if slug else None,
                                                        qr=codes.get))

                outputs.produce(name, ("sheet", disclosure, kind, slug), make)

        def minutes_due(disclosure, asked: bool) -> tuple[str, ...]:
            """The minutes views it has, while they are needed: both before and during the posting (or when
            `make print ONLY=` asks for it), the closing ones for `CLOSING_MINUTES_DAYS` after its end."""
            if disclosure.status in (PostingStatus.UPCOMING, PostingStatus.POSTED) or asked:
                due = tuple(MINUTES)
            else:  # the fact says whether there are boards to sign at (most of an archive: no, and no look)
                return (CLOSING,) if closing_minutes_until(disclosure) else ()
            return due if minutes_places(disclosure, self.context["ckx"]["commune"]) else ()

        def minutes(disclosure, folder: str) -> None:
            def make(view) -> None:
                commune = view["commune"]
                writer.write_file(f"{disclosure.save_dir}in/{folder}/index.html", minutes_template, self.context,
                                  ckx=view, disclosure=disclosure, minutes_title=MINUTES[folder],
                                  ending=folder == CLOSING, sheet=build_sheet(disclosure, commune, qr=lambda _url: None),
                                  places=minutes_places(disclosure, commune))

            outputs.produce(f"{disclosure.save_dir}in/{folder}/index.html", ("minutes", disclosure, folder), make)

        # planned here, and only those with a sheet to make shared out: most of an archive has none, and forking
        # the workers to look at every disclosure cost more than the few sheets of a rebuild (0.05 s at 1x)
        plans = {d.source_dir: planned(d) for d in build.site.disclosures}
        outputs.share_out([d for d in build.site.disclosures if any(plans[d.source_dir])], sheets)
