"""What a schedule says in one sentence: the next session."""

from __future__ import annotations

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


def key_figure(data, today) -> str | None:
    upcoming = data.upcoming(today)
    if not upcoming:
        return None
    session = upcoming[0]
    return (f"Buổi gần nhất: {weekday(session.date)}, {short_date(session.date)}, "
            f"{session.start.strftime('%H:%M')}" + (f" tại {session.place}." if session.place else "."))
