"""Pelican glue: the site's own share picture at its root, for every page without one of its own."""

from __future__ import annotations

from pelican.generators import Generator

from plugins.disclosures.channels import build_of
from plugins.disclosures.generator import write_bytes
from plugins.share.channel import SHARE_IMAGE, organisation
from plugins.share.image import share_image


class ShareGenerator(Generator):
    def generate_output(self, writer) -> None:
        build = build_of(self.context)
        if build is None or not build.view.get("share_images"):
            return
        commune = build.site.commune
        write_bytes(build.outputs, self.output_path, SHARE_IMAGE, commune, lambda: share_image(
            organisation(commune), "Công khai thông tin: ngân sách, đất đai, hộ nghèo, lịch tiếp công dân, "
            "văn bản đang niêm yết"))
