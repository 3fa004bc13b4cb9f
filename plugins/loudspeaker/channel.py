"""The loudspeaker as a channel of the core (plugins/disclosures/channels.py): its settings (CKX_LOUDSPEAKER,
and `broadcast_days` for every kind), its check of postings too short to be read, and what it adds to each
disclosure page (the script, the days, the player) and beside it (the recording)."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

from plugins.disclosures.channels import Build, Channel, ChannelOutputs
from plugins.disclosures.kinds import KINDS, Setting
from plugins.disclosures.model import PostingStatus
from plugins.issues import WARNING, Issue, setting_issue
from plugins.loudspeaker.audio import VOICES, AudioCache, AudioError, Voice, available
from plugins.loudspeaker.script import (
    MIN_BROADCAST_DAYS,
    Script,
    broadcast_days,
    build_script,
    on_loudspeaker,
    paragraphs_of,
)
from plugins.sheets.document import board_places
from plugins.vietnamese.spoken import STYLE_CHOICES, Style

logger = logging.getLogger(__name__)

NAME = "loudspeaker"
AUDIO_FILE = "bai-doc-loa.mp3"  # beside the disclosure's page
SHEET_FOLDER = "bai-doc-loa"  # under the page's in/, printed by `make print` while the notice is read


@dataclass(frozen=True)
class LoudspeakerSettings:
    voice: Voice = field(default_factory=Voice)  # the audio of the scripts
    spoken_style: Style = field(default_factory=Style)  # how its numbers are read ("linh" or "lẻ", ...)


def read_settings(settings: dict[str, Any]) -> tuple[LoudspeakerSettings, list[Issue]]:
    """CKX_LOUDSPEAKER: the voice (espeak-ng's Vietnamese: Northern, Central, Southern), its speed, and the
    regional readings of numbers; every key optional."""
    values = settings.get("CKX_LOUDSPEAKER") or {}
    hint = ('Ví dụ: CKX_LOUDSPEAKER = {"voice": "vi-vn-x-south", "words_per_minute": 140, "zero_ten": "lẻ", '
            '"four": "bốn", "thousand": "ngàn"}.')
    if not isinstance(values, dict):
        return LoudspeakerSettings(), [setting_issue("CKX_LOUDSPEAKER", f"cần một dict, đang là {values!r}.", hint)]
    issues = []
    choices = {"voice": tuple(VOICES), **STYLE_CHOICES}
    for key, value in values.items():
        if key == "words_per_minute":
            if isinstance(value, bool) or not isinstance(value, int) or not 80 <= value <= 300:
                issues.append(setting_issue("CKX_LOUDSPEAKER['words_per_minute']",
                                            f"cần một số nguyên từ 80 đến 300, đang là {value!r}.", hint))
        elif key not in choices:
            issues.append(setting_issue(f"CKX_LOUDSPEAKER[{key!r}]", "không có khóa này.",
                                        f"Các khóa: words_per_minute, {', '.join(choices)}."))
        elif value not in choices[key]:
            issues.append(setting_issue(f"CKX_LOUDSPEAKER[{key!r}]", f"{value!r} không phải là lựa chọn.",
                                        f"Chọn một trong: {', '.join(choices[key])}."))
    if issues:
        return LoudspeakerSettings(), issues
    voice = Voice(values.get("voice", Voice.name), values.get("words_per_minute", Voice.words_per_minute))
    return LoudspeakerSettings(voice, Style(**{k: v for k, v in values.items() if k in STYLE_CHOICES})), []


def _at_least_three(days: int) -> str | None:
    return None if days >= MIN_BROADCAST_DAYS else \
        "luật quy định phát ít nhất 03 ngày liên tục (Luật 10/2022/QH15, Điều 13)"


KIND_SETTINGS = {
    "broadcast_days": Setting(MIN_BROADCAST_DAYS, "số ngày liên tục đọc trên loa truyền thanh, từ ngày đầu niêm yết",
                              _at_least_three),
}


def check_broadcasts(site, _tree, _limits, _kept) -> tuple[list[Issue], None]:
    """The loudspeaker reads a notice on its kind's `broadcast_days` consecutive days inside its posting: a
    shorter posting cannot hold them (the script then names the days it has). One warning per notice: each is
    a different bundle to fix."""
    issues = []
    for disclosure in site.disclosures:
        posting = disclosure.posting
        days = site.kind_settings.get(disclosure.kind, {}).get("broadcast_days", MIN_BROADCAST_DAYS)
        if not on_loudspeaker(disclosure) or len(broadcast_days(posting, days)) >= days:
            continue
        issues.append(Issue(
            code="niem-yet-ngan-hon-ngay-doc-loa", file=f"{disclosure.source_dir}/index.md", key="posting",
            severity=WARNING,
            message=f"niêm yết từ {posting.start:%d/%m/%Y} đến {posting.end:%d/%m/%Y}, ngắn hơn {days} ngày đọc "
                    "liên tục trên loa truyền thanh.",
            hint=f"Kéo dài thời gian niêm yết (to) ít nhất đến {posting.start + dt.timedelta(days=days - 1):%d/%m/%Y}, "
                 "hoặc bỏ loudspeaker khỏi places nếu không đọc trên loa."))
    return issues, None


class Loudspeaker:
    """One build's scripts and audio, each worked out once and only when a page or a file asks for it."""

    def __init__(self, build: Build) -> None:
        self.settings = build.settings.channels.get(NAME, LoudspeakerSettings())
        self.today = build.settings.build_date
        self.commune = build.site.commune
        self.days = {kind: values.get("broadcast_days", MIN_BROADCAST_DAYS)
                     for kind, values in build.site.kind_settings.items()}
        self.audio_cache = AudioCache(build.outputs.cache_folder)
        self.audio_on = available()
        self._scripts: dict[str, Script | None] = {}
        self._audio: dict[str, bytes | None] = {}

    def script(self, disclosure) -> Script | None:
        """None unless `loudspeaker` is one of its posting places."""
        if disclosure.source_dir not in self._scripts:
            self._scripts[disclosure.source_dir] = self._make_script(disclosure) if on_loudspeaker(disclosure) else None
        return self._scripts[disclosure.source_dir]

    def _make_script(self, disclosure) -> Script:
        kind = KINDS.get(disclosure.kind)
        data = disclosure.shown.data
        if kind.shows.read_aloud and data is not None:
            figures = kind.shows.read_aloud(data, self.today)
        else:
            figures = [f for f in [disclosure.shown.key_figure] if f]
        return build_script(disclosure, self.commune, figures, paragraphs_of(disclosure.body_html),
                            board_places(disclosure, self.commune), self.days.get(disclosure.kind, MIN_BROADCAST_DAYS),
                            self.settings.spoken_style)

    def recorded(self, disclosure) -> bool:
        """Whether its page has a player: the channel's fact the derive stage kept for it (`with_player`)."""
        return bool(disclosure.shown.channels.get(NAME))

    def audio(self, disclosure) -> bytes | None:
        """The script's MP3 while it is `recorded`; None without, or when the programs failed on it (said once,
        as a warning)."""
        if not self.recorded(disclosure):
            return None
        if disclosure.source_dir not in self._audio:
            try:
                self._audio[disclosure.source_dir] = self.audio_cache.get(self.script(disclosure).text,
                                                                          self.settings.voice)
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
                "sheet": f"in/{SHEET_FOLDER}/" if being_read(disclosure) else None}


def being_read(disclosure) -> bool:
    """The announcer's sheet and the recording, like the posting minutes, exist while the notice is to be read
    or being read: 700 recordings of a large commune's past notices cost five minutes of a first build and
    250 MB of the site for broadcasts that are over (docs/quyet-dinh.md, "The loudspeaker")."""
    return disclosure.status in (PostingStatus.UPCOMING, PostingStatus.POSTED)


def with_player(_settings, _commune):
    """Whether a disclosure's page has a player: the recording is made while the notice is to be read or
    being read, with the programs installed; part of what its page is made from, as the programs come and go."""
    audio_on = available()
    return lambda disclosure: audio_on and on_loudspeaker(disclosure) and being_read(disclosure)


def start(build: Build) -> ChannelOutputs:
    """The page's script and player; the recording and the announcer's sheet are the generator's."""
    loudspeaker = Loudspeaker(build)
    return ChannelOutputs(page=lambda disclosure: {"loudspeaker": loudspeaker.page(disclosure)},
                          state=loudspeaker)


CHANNEL = Channel(NAME, settings=read_settings, kind_settings=KIND_SETTINGS, check=check_broadcasts,
                  fact=with_player, start=start, environment=lambda: f"espeak-ng và lame: {available()}")
