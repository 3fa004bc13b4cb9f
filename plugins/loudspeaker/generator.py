"""Pelican glue: each loudspeaker script's MP3 beside its page and its announcer's sheet under `in/bai-doc-loa/`."""

from __future__ import annotations

import logging
from pathlib import Path

from jinja2 import FileSystemLoader
from pelican.generators import Generator

from plugins.disclosures.kinds import KINDS, resolve_settings
from plugins.disclosures.model import PostingStatus
from plugins.loudspeaker import LOUDSPEAKER_CONTEXT
from plugins.loudspeaker.audio import AudioCache, AudioError, available
from plugins.loudspeaker.script import Script, build_script, on_loudspeaker, paragraphs_of
from plugins.sheets.generator import TEMPLATES as SHEETS_TEMPLATES  # the document's head, shared

logger = logging.getLogger(__name__)

TEMPLATES = Path(__file__).parent / "templates"
AUDIO_FILE = "bai-doc-loa.mp3"  # beside the disclosure's page
SHEET_FOLDER = "bai-doc-loa"  # under the page's in/, printed by `make print` while the notice is read


class Loudspeaker:
    """One build's scripts and audio, each worked out once and only when a page or a file asks for it."""

    def __init__(self, context) -> None:
        from plugins.disclosures.generator import BUILD_SETTINGS, OUTPUTS

        self.settings = context[BUILD_SETTINGS]
        self.commune = context["ckx"]["commune"]
        self.days = {kind: values["broadcast_days"]
                     for kind, values in resolve_settings(KINDS, self.settings.kind_settings).items()}
        outputs = context.get(OUTPUTS)
        self.audio_cache = AudioCache(outputs.cache_folder if outputs else None)
        self.audio_on = available()
        self._scripts: dict[str, Script | None] = {}
        self._audio: dict[str, bytes | None] = {}

    def script(self, disclosure) -> Script | None:
        """None unless `loudspeaker` is one of its posting places."""
        if disclosure.source_dir not in self._scripts:
            self._scripts[disclosure.source_dir] = self._make_script(disclosure) if on_loudspeaker(disclosure) else None
        return self._scripts[disclosure.source_dir]

    def _make_script(self, disclosure) -> Script:
        from plugins.disclosures.generator import body_html
        from plugins.sheets.document import board_places

        kind = KINDS.get(disclosure.kind)
        data = disclosure.shown.data
        if kind.shows.read_aloud and data is not None:
            figures = kind.shows.read_aloud(data, self.settings.build_date)
        else:
            figures = [f for f in [disclosure.shown.key_figure] if f]
        return build_script(disclosure, self.commune, figures, paragraphs_of(body_html(disclosure)),
                            board_places(disclosure, self.commune), self.days[disclosure.kind],
                            self.settings.spoken_style)

    def audio(self, disclosure) -> bytes | None:
        """The script's MP3 while the notice is to be read or being read; None after (the page keeps the
        script), without the programs, or when they failed on it (said once, as a warning)."""
        script = self.script(disclosure)
        if script is None or not self.audio_on or not _being_read(disclosure):
            return None
        if disclosure.source_dir not in self._audio:
            try:
                self._audio[disclosure.source_dir] = self.audio_cache.get(script.text, self.settings.voice)
            except AudioError as exc:
                logger.warning("%s: không tạo được bản ghi âm bài đọc trên loa (%s); trang vẫn có bài đọc.",
                               disclosure.source_dir, exc)
                self._audio[disclosure.source_dir] = None
        return self._audio[disclosure.source_dir]

    def page(self, disclosure) -> dict | None:
        """What the disclosure page shows: the script, the days, the player and the announcer's sheet."""
        script = self.script(disclosure)
        if script is None:
            return None
        audio = self.audio(disclosure)
        return {"script": script, "audio": AUDIO_FILE if audio else None, "audio_size": len(audio) if audio else 0,
                "sheet": f"in/{SHEET_FOLDER}/" if _being_read(disclosure) else None}


def _being_read(disclosure) -> bool:
    """The announcer's sheet and the recording, like the posting minutes, exist while the notice is to be read
    or being read: 700 recordings of a large commune's past notices cost five minutes of a first build and
    250 MB of the site for broadcasts that are over (docs/hieu-nang.md)."""
    return disclosure.status in (PostingStatus.UPCOMING, PostingStatus.POSTED)


class LoudspeakerGenerator(Generator):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.env.loader.loaders += [FileSystemLoader(str(TEMPLATES)), FileSystemLoader(str(SHEETS_TEMPLATES))]

    def generate_context(self) -> None:
        loudspeaker = Loudspeaker(self.context)
        self.context[LOUDSPEAKER_CONTEXT] = loudspeaker
        if not loudspeaker.audio_on and any(on_loudspeaker(d) for d in self.context["ckx"]["disclosures"]):
            logger.warning("Không có chương trình espeak-ng hoặc lame: các bài đọc trên loa chưa có bản ghi âm. "
                           "Cài bằng: sudo apt-get install espeak-ng lame (make install cài sẵn).")

    def generate_output(self, writer) -> None:
        from plugins.disclosures.generator import OUTPUTS
        from plugins.sheets.document import build_sheet

        outputs, loudspeaker = self.context[OUTPUTS], self.context[LOUDSPEAKER_CONTEXT]
        template = self.get_template("announcer")

        def make_files(disclosure) -> None:
            if not on_loudspeaker(disclosure):
                return
            if loudspeaker.audio_on and _being_read(disclosure):
                name = disclosure.save_dir + AUDIO_FILE

                def write_audio(_view, name=name) -> None:
                    audio = loudspeaker.audio(disclosure)
                    if audio is not None:
                        path = Path(self.output_path, name)
                        path.parent.mkdir(parents=True, exist_ok=True)
                        path.write_bytes(audio)

                outputs.produce(name, ("loa", disclosure), write_audio)
            if _being_read(disclosure):
                name = f"{disclosure.save_dir}in/{SHEET_FOLDER}/index.html"

                def write_sheet(view, name=name) -> None:
                    writer.write_file(name, template, self.context, ckx=view, disclosure=disclosure,
                                      script=loudspeaker.script(disclosure),
                                      sheet=build_sheet(disclosure, view["commune"], qr=lambda _url: None))

                outputs.produce(name, ("loa-in", disclosure), write_sheet)

        outputs.share_out(self.context["ckx"]["disclosures"], make_files)
