"""What a schedule says in one sentence: the next session."""

from __future__ import annotations

from plugins.vietnamese.format import short_date, weekday


def key_figure(data, today) -> str | None:
    upcoming = data.upcoming(today)
    if not upcoming:
        return None
    session = upcoming[0]
    return (f"Buổi gần nhất: {weekday(session.date)}, {short_date(session.date)}, "
            f"{session.start.strftime('%H:%M')}" + (f" tại {session.place}." if session.place else "."))
