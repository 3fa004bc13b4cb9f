"""Pelican glue: each loudspeaker script's MP3 beside its page and its announcer's sheet under `in/bai-doc-loa/`."""

from __future__ import annotations

import logging
from pathlib import Path

from jinja2 import FileSystemLoader
from pelican.generators import Generator

from plugins.disclosures.channels import build_of
from plugins.loudspeaker.channel import AUDIO_FILE, NAME, SHEET_FOLDER, being_read
from plugins.loudspeaker.script import on_loudspeaker
from plugins.sheets.document import build_sheet
from plugins.sheets.generator import TEMPLATES as SHEETS_TEMPLATES  # the document's head, shared

logger = logging.getLogger(__name__)

TEMPLATES = Path(__file__).parent / "templates"


class LoudspeakerGenerator(Generator):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.env.loader.loaders += [FileSystemLoader(str(TEMPLATES)), FileSystemLoader(str(SHEETS_TEMPLATES))]

    def generate_context(self) -> None:
        build = build_of(self.context)
        loudspeaker = build.state(NAME) if build else None
        if loudspeaker and not loudspeaker.audio_on and any(on_loudspeaker(d) for d in build.site.disclosures):
            logger.warning("Không có chương trình espeak-ng hoặc lame: các bài đọc trên loa chưa có bản ghi âm. "
                           "Cài bằng: sudo apt-get install espeak-ng lame (make install cài sẵn).")

    def generate_output(self, writer) -> None:
        build = build_of(self.context)
        loudspeaker = build.state(NAME) if build else None
        if loudspeaker is None:
            return
        outputs, template = build.outputs, self.get_template("announcer")

        def announced(disclosure) -> bool:
            return on_loudspeaker(disclosure) and being_read(disclosure)

        def make_files(disclosure) -> None:
            if loudspeaker.recorded(disclosure):
                name = disclosure.save_dir + AUDIO_FILE

                def write_audio(_view, name=name) -> None:
                    audio = loudspeaker.audio(disclosure)
                    if audio is not None:  # a failed recording is tried again in the next build
                        path = Path(self.output_path, name)
                        path.parent.mkdir(parents=True, exist_ok=True)
                        path.write_bytes(audio)

                outputs.produce(name, ("loa", disclosure), write_audio)
            if announced(disclosure):
                name = f"{disclosure.save_dir}in/{SHEET_FOLDER}/index.html"

                def write_sheet(view, name=name) -> None:
                    writer.write_file(name, template, self.context, ckx=view, disclosure=disclosure,
                                      script=loudspeaker.script(disclosure),
                                      sheet=build_sheet(disclosure, view["commune"], qr=lambda _url: None))

                outputs.produce(name, ("loa-in", disclosure), write_sheet)

        # only what is read on the loudspeaker now is shared out: a fork of the workers over every disclosure cost
        # more than the few recordings and sheets of a rebuild
        outputs.share_out([d for d in build.site.disclosures if loudspeaker.recorded(d) or announced(d)], make_files)
