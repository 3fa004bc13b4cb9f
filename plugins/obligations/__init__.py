"""What the law requires a commune to disclose this year, and whether it did: each obligation (data/nghia-vu.yml,
and the commune's own content/nghia-vu.yml) expanded for the year, matched to the disclosures that meet it, with
on time, late, missing, not yet due, posted too briefly or without a channel (docs/nghia-vu.md).

Pure core: `rules` (the rules file and its check), `assess` (a year's findings), `export` (JSON, the data
package, the calendar of deadlines). Glue: `check` (the site check `make validate` and the build run: the
rules, the findings, and warnings of what falls due or is late) and `generator` (the pages and files).
"""


def register_channel() -> None:
    from plugins.disclosures.channels import CHANNELS
    from plugins.obligations.check import CHANNEL

    CHANNELS.add(CHANNEL)


def get_generators(_pelican):
    from plugins.obligations.generator import ObligationsGenerator

    return ObligationsGenerator


def register() -> None:
    from pelican import signals

    register_channel()
    signals.get_generators.connect(get_generators)
