"""Share previews as a channel of the core (plugins/disclosures/channels.py): whether a disclosure has a
picture of its own (part of its fingerprint), the picture beside its page, and the message its page offers
to paste into a village's Zalo group."""

from __future__ import annotations

from plugins.disclosures.channels import Build, Channel, ChannelOutputs
from plugins.disclosures.listings import still_current
from plugins.share.image import available, share_image
from plugins.share.message import share_message

NAME = "share"
SHARE_IMAGE = "chia-se.png"  # beside each disclosure's page, and the site's own at the root


def posting_dates(posting) -> str | None:
    """The tag of a share picture: the posting's dates, which stay true wherever the picture is shared and for
    as long; a status ("Đang niêm yết") baked into a picture would be false the day the posting ends."""
    if posting is None:
        return None
    return f"Niêm yết {posting.start:%d/%m} – {posting.end:%d/%m/%Y}"


def organisation(commune) -> str:
    return f"Ủy ban nhân dân {commune.in_sentence}"


def own_picture(settings, _commune):
    """Whether a disclosure has a picture of its own: while it is still current, with Pillow's fonts."""
    pictures, today = available(), settings.build_date
    return lambda disclosure: pictures and still_current(disclosure, today)


def start(build: Build) -> ChannelOutputs:
    commune, places = build.site.commune, build.view["places"]

    def files(disclosure) -> dict:
        if not disclosure.shown.channels.get(NAME):
            return {}

        def write(path) -> None:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(share_image(organisation(commune), disclosure.title, posting_dates(disclosure.posting),
                                         disclosure.shown.key_figure))

        return {disclosure.save_dir + SHARE_IMAGE: write}

    return ChannelOutputs(view={"share_images": available()}, files=files,
                          page=lambda disclosure: {"share_message": share_message(disclosure, commune, places)})


CHANNEL = Channel(NAME, fact=own_picture, start=start, environment=lambda: f"phông chữ: {available()}")
