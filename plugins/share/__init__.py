"""Share previews for Zalo, Facebook and other chat apps: the picture a link shows when pasted.

`image.py` draws a disclosure's picture (1200×630 PNG: the commune, the
title, the posting status, the key figure) with Pillow and the Liberation
Sans font WeasyPrint's sheets already use; the same text gives the same
bytes. The channel (`channel.py`) writes it with the disclosure's files, so it
is made again only when the disclosure changes, and gives its page the
message for a village's Zalo group (`message.py`); the generator writes the
site's own picture. The Open Graph tags are in the theme
(`components/social-meta.html`).

Pictures are for links people share now: a disclosure still current (posted, about to be, or issued or
taken down in the last 90 days: `plugins.disclosures.listings.still_current`) has its own; an older page
uses the site's picture (a chat app keeps the preview it fetched when the link was first shared). Drawing
one took 7 ms, and a ten-year archive has thousands.
"""


def register_channel() -> None:
    from plugins.disclosures.channels import CHANNELS
    from plugins.share.channel import CHANNEL

    CHANNELS.add(CHANNEL)


def get_generators(_pelican):
    from plugins.share.generator import ShareGenerator

    return ShareGenerator


def register() -> None:
    from pelican import signals

    register_channel()
    signals.get_generators.connect(get_generators)
