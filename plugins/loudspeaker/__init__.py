"""The loudspeaker (loa truyền thanh): for every disclosure posted on `loudspeaker`, a read-aloud script, the
days it is read, an A4 sheet for the announcer and an MP3 of the script (domain §9).

Pure core: `script` (the sentences, as written and as spoken, and the broadcast days; the readings of numbers
are `plugins.vietnamese.spoken`). Programs: `audio` (espeak-ng and LAME, optional). The channel: `channel`
(its settings, its check, the script and player on each disclosure page). Glue: `generator` (the announcer's
print view and the MP3, fingerprinted like every output) and the wiring below. The disclosure page shows the
script and the player (theme/templates/components/loudspeaker.html).
"""


def register_channel() -> None:
    from plugins.disclosures.channels import CHANNELS
    from plugins.loudspeaker.channel import CHANNEL

    CHANNELS.add(CHANNEL)


def get_generators(_pelican):
    from plugins.loudspeaker.generator import LoudspeakerGenerator

    return LoudspeakerGenerator


def register() -> None:
    from pelican import signals

    register_channel()
    signals.get_generators.connect(get_generators)
