"""What a schedule says in one sentence: the next session."""

from __future__ import annotations

import datetime as dt

from plugins.vietnamese.format import short_date, weekday

READ_SESSIONS = 5  # a longer schedule is on the board; the loudspeaker names the first ones


def read_aloud(data, _today) -> list[str]:
    """The sessions in date order, each with its day, hour, place and what it is about: the same every day
    of the broadcast, so the audio is made once."""
    sessions = sorted(data.sessions, key=lambda s: (s.date, s.start))
    sentences = [f"{weekday(s.date)}, ngày {short_date(s.date)}, lúc {s.start.strftime('%H:%M')}"
                 + (f", tại {s.place}" if s.place else "") + (f": {s.content.rstrip('.')}." if s.content else ".")
                 for s in sessions[:READ_SESSIONS]]
    if len(sessions) > READ_SESSIONS:
        sentences.append(f"Và {len(sessions) - READ_SESSIONS} buổi khác, xem tại nơi niêm yết.")
    return sentences


def key_figure(data, day) -> str | None:
    """The first session still to come. Asked of each session until one is on or after the build date, so the
    sentence is kept every day until that session has passed (day.py)."""
    session = next((s for s in data.sessions if day.is_between(dt.date.min, s.date)), None)
    if session is None:
        return None
    return (f"Buổi gần nhất: {weekday(session.date)}, {short_date(session.date)}, "
            f"{session.start.strftime('%H:%M')}" + (f" tại {session.place}." if session.place else "."))
