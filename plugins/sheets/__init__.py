"""Bulletin-board sheets in the format of Nghị định 30/2020 (domain §6).

The build writes a print view for every disclosure still to be posted, posted, or only on the site
(`<page>/in/`) and, where a kind has per-village data, one per village (`<page>/in/<village>/`): the
same HTML prints from the browser (Ctrl+P) and becomes a PDF with WeasyPrint in `make print`
(`scripts/ckx.py print`, module `pdf`). Templates ask `d is has_sheets` whether a disclosure has them.

Pure core: document (the blocks of an administrative document). The channel: channel (the QR code on each
disclosure page). Glue: generator (print views), pdf (WeasyPrint), the wiring below.
"""


def register_channel() -> None:
    from plugins.disclosures.channels import CHANNELS
    from plugins.sheets.channel import CHANNEL

    CHANNELS.add(CHANNEL)


def add_tests(generator) -> None:
    from plugins.sheets.generator import has_sheets

    generator.env.tests["has_sheets"] = has_sheets


def get_generators(_pelican):
    from plugins.sheets.generator import SheetsGenerator

    return SheetsGenerator


def register() -> None:
    from pelican import signals

    register_channel()
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(add_tests)
