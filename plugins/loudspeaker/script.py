"""The read-aloud script of a disclosure (bài đọc trên loa truyền thanh) and the days it is broadcast.

Pure: from a disclosure, its commune, the sentences its kind gives (totals, counts, sessions) and its
explanation as plain paragraphs. Each sentence is kept twice: as written (the page shows what will be read)
and as spoken, with every number, date and abbreviation in words (the announcer's sheet and the audio).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from plugins.vietnamese.format import document_date, short_date
from plugins.vietnamese.spoken import DEFAULT, Style, spoken
from plugins.vietnamese.text import fold

LOUDSPEAKER = "loudspeaker"  # the posting place
MIN_BROADCAST_DAYS = 3  # Luật 10/2022/QH15, Điều 13: at least 03 consecutive days
BODY_CHARACTERS = 1200  # about a minute and a half read aloud; the board has the rest


@dataclass(frozen=True)
class Script:
    title: str
    written: tuple[str, ...]  # the sentences as the page shows them
    spoken: tuple[str, ...]  # the same, as the announcer and the audio say them
    days: tuple[dt.date, ...]  # the broadcast days, consecutive, inside the posting period

    @property
    def text(self) -> str:
        """What the speech synthesiser reads: one sentence a line, so it pauses between them."""
        return "\n".join(self.spoken)


def on_loudspeaker(disclosure) -> bool:
    return bool(disclosure.posting) and LOUDSPEAKER in disclosure.posting.places


def broadcast_days(posting, days: int) -> tuple[dt.date, ...]:
    """The first `days` days of the posting period: read while the notice is new, never after it ends."""
    count = min(days, (posting.end - posting.start).days + 1)
    return tuple(posting.start + dt.timedelta(days=n) for n in range(count))


def build_script(disclosure, commune, figures: list[str], paragraphs: list[str], places: list[str], days: int,
                 style: Style = DEFAULT) -> Script:
    """`figures`: the kind's sentences (totals, counts, sessions); `paragraphs`: the explanation as plain text;
    `places`: the boards it is posted on, as a sentence names them."""
    issuer = f"Ủy ban nhân dân {commune.in_sentence}"
    written = [_announcement(issuer, disclosure.title)]
    if disclosure.number:
        written.append(f"Văn bản số {disclosure.number}, {document_date(disclosure.issued)}.")
    if disclosure.summary:  # bounded here too, whatever the checks upstream allowed
        written += _within([_sentence(disclosure.summary)], BODY_CHARACTERS)
    written += [_sentence(f) for f in figures]
    written += _within(_sentences(paragraphs), BODY_CHARACTERS)
    posting = disclosure.posting
    where = f" tại {', '.join(places)}" if places else ""
    website = " và đăng trên trang thông tin điện tử của xã" if "website" in posting.places else ""
    written.append(f"Văn bản được niêm yết công khai{where} từ ngày {short_date(posting.start)} đến hết ngày "
                   f"{short_date(posting.end)}{website}.")
    feedback = commune.feedback
    to = feedback.address or (commune.address and f"{issuer}, {commune.address}")
    phone = feedback.phone or commune.phone
    if to or phone:
        written.append("Mọi ý kiến góp ý xin gửi về " + ", ".join(p for p in (to, phone and f"điện thoại {phone}") if p)
                       + f", đến hết ngày {short_date(posting.end)}.")
    written.append("Đề nghị bà con nhân dân quan tâm theo dõi.")
    return Script(title=disclosure.title, written=tuple(written), spoken=tuple(spoken(s, style) for s in written),
                  days=broadcast_days(posting, days))


def _announcement(issuer: str, title: str) -> str:
    """"Thông báo họp dân ..." -> "Ủy ban nhân dân xã Hòa An thông báo họp dân ...": never "thông báo: Thông báo"."""
    words = title.split()
    if fold(" ".join(words[:2])) == "thong bao":
        return _sentence(f"{issuer} thông báo {' '.join(words[2:]).lstrip(':, ')}")
    return _sentence(f"{issuer} thông báo: {title}")


def _sentence(text: str) -> str:
    """One line of the script: single spaces, a capital first letter, a full stop."""
    text = " ".join(text.split())
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?", ":")) else text + "."


def _sentences(paragraphs: list[str]) -> list[str]:
    """Short sentences read better than paragraphs: split after a full stop, a semicolon or a colon."""
    return [_sentence(s) for p in paragraphs for s in re.split(r"(?<=[.;!?])\s+", " ".join(p.split())) if s.strip()]


def _within(sentences: list[str], limit: int) -> list[str]:
    """The first sentences up to `limit` characters; then a pointer to the board."""
    kept, used = [], 0
    for sentence in sentences:
        if used + len(sentence) > limit:
            return [*kept, "Nội dung chi tiết xin xem tại nơi niêm yết và trên trang thông tin điện tử của xã."]
        kept.append(sentence)
        used += len(sentence)
    return kept


class _Paragraphs(HTMLParser):
    """The text of paragraphs and list items of the explanation; tables, figures and code are for the eye."""

    SKIP = frozenset({"table", "figure", "pre", "code", "script", "style"})
    BLOCKS = frozenset({"p", "li", "h2", "h3", "h4", "blockquote"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._current: list[str] | None = None
        self._skipping = 0

    def handle_starttag(self, tag, attrs) -> None:
        if tag in self.SKIP:
            self._skipping += 1
        elif tag in self.BLOCKS and not self._skipping:
            self._flush()
            self._current = []

    def handle_endtag(self, tag) -> None:
        if tag in self.SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self.BLOCKS:
            self._flush()

    def handle_data(self, data) -> None:
        if self._current is not None and not self._skipping:
            self._current.append(data)

    def _flush(self) -> None:
        if self._current is not None and "".join(self._current).strip():
            self.paragraphs.append("".join(self._current).strip())
        self._current = None


def paragraphs_of(html: str) -> list[str]:
    """The explanation's readable paragraphs, from its HTML (already sanitised by the build)."""
    parser = _Paragraphs()
    parser.feed(html)
    parser.close()
    parser._flush()
    return parser.paragraphs
