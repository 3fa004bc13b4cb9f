"""Open data: every disclosure's tables as a Frictionless Data Package beside its page, and a catalogue of
them all (`/du-lieu/` for people, `/du-lieu/danh-muc.json` for machines and the province portal).

Kinds declare their datasets (`Kind.datasets`); `package.py` shapes them once; `catalogue.py` joins them with
the disclosure and the commune. The channel (`channel.py`) lists each package on its disclosure's page and
writes it with the disclosure's files, so it is kept or made again with the disclosure; the generator writes
the catalogue.
"""


def register_channel() -> None:
    from plugins.disclosures.channels import CHANNELS
    from plugins.open_data.channel import CHANNEL

    CHANNELS.add(CHANNEL)


def get_generators(_pelican):
    from plugins.open_data.generator import OpenDataGenerator

    return OpenDataGenerator


def register() -> None:
    from pelican import signals

    register_channel()
    signals.get_generators.connect(get_generators)
