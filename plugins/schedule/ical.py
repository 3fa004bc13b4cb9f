"""iCalendar feeds phone calendars can subscribe to: one per schedule, one for the whole commune.

UIDs are stable (see `Session.uid`) and DTSTAMP is the disclosure's issue date,
so rebuilding the same content gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


def calendar_bytes(name: str, entries, commune, site_url: str = "") -> bytes:
    """`entries` are (disclosure, session) pairs. icalendar is imported here, when a calendar is made: at the
    top it cost every command 50 ms, a build where no calendar changed included."""
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Cong khai xa//Lich cong khai//VI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    for disclosure, session in entries:
        event = icalendar.Event()
        event.add("uid", session.uid(disclosure, commune.code))
        event.add("dtstamp", dt.datetime.combine(disclosure.issued, dt.time(0, 0), tzinfo=dt.UTC))
        start = dt.datetime.combine(session.date, session.start, tzinfo=ZONE)
        event.add("dtstart", start)
        end = dt.datetime.combine(session.date, session.end, tzinfo=ZONE) if session.end else start + dt.timedelta(hours=1)
        event.add("dtend", end)
        event.add("summary", session.content)
        if session.place:
            event.add("location", session.place)
        details = [f"Người chủ trì: {session.host}" if session.host else "",
                   f"Thành phần: {session.attendees}" if session.attendees else "",
                   f"Dời từ ngày {session.shifted_from:%d/%m/%Y} ({session.holiday})" if session.shifted_from else "",
                   f"Theo: {disclosure.title}"]
        event.add("description", "\n".join(d for d in details if d))
        if site_url:
            event.add("url", f"{site_url.rstrip('/')}/{disclosure.url}")
        calendar.add_component(event)
    if entries:
        calendar.subcomponents.insert(0, _zone())
    return calendar.to_ical()


@lru_cache(maxsize=1)
def _zone():
    """The VTIMEZONE of Asia/Ho_Chi_Minh, as `add_missing_timezones` writes it, made once: working out its
    transitions took 60 ms, for each of a large commune's two hundred calendars."""
    import icalendar

    return icalendar.Timezone.from_tzid("Asia/Ho_Chi_Minh", first_date=icalendar.Timezone.DEFAULT_FIRST_DATE,
                                        last_date=icalendar.Timezone.DEFAULT_LAST_DATE)
