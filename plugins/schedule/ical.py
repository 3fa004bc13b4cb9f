"""iCalendar feeds phone calendars can subscribe to: one per schedule, one for the whole commune.

UIDs are stable (see `Session.uid`) and DTSTAMP is the disclosure's issue date,
so rebuilding the same content gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
CALENDAR_END = b"END:VCALENDAR\r\n"


def calendar_bytes(name: str, entries, commune, site_url: str = "") -> bytes:
    """`entries` are (disclosure, session) pairs, in the calendar's order."""
    return calendar_of_events(name, [event_bytes(disclosure, session, commune, site_url)
                                     for disclosure, session in entries])


def calendar_of_events(name: str, events: list[bytes]) -> bytes:
    """The calendar holding `events` (each as `event_bytes` wrote it): what icalendar writes for a calendar with
    those events in it, each component being written on its own lines. So the commune's calendar of every
    schedule is made from the events its schedules' last builds wrote (`commune_calendar`), not all again."""
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Cong khai xa//Lich cong khai//VI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    if events:
        calendar.add_component(_zone())
    # every calendar ends so (RFC 5545); tests/test_schedule.py holds this to the calendar icalendar writes whole
    return calendar.to_ical().removesuffix(CALENDAR_END) + b"".join(events) + CALENDAR_END


def event_bytes(disclosure, session, commune, site_url: str = "") -> bytes:
    """One session as an iCalendar VEVENT, as icalendar writes it."""
    return event(disclosure, session, commune, site_url).to_ical()


def event(disclosure, session, commune, site_url: str = ""):
    """One session as icalendar's Event. icalendar is imported here, when a calendar is made: at the top it cost
    every command 50 ms, a build where no calendar changed included."""
    import icalendar

    vevent = icalendar.Event()
    vevent.add("uid", session.uid(disclosure, commune.code))
    vevent.add("dtstamp", dt.datetime.combine(disclosure.issued, dt.time(0, 0), tzinfo=dt.UTC))
    start = dt.datetime.combine(session.date, session.start, tzinfo=ZONE)
    vevent.add("dtstart", start)
    end = dt.datetime.combine(session.date, session.end, tzinfo=ZONE) if session.end else start + dt.timedelta(hours=1)
    vevent.add("dtend", end)
    vevent.add("summary", session.content)
    if session.place:
        vevent.add("location", session.place)
    details = [f"Người chủ trì: {session.host}" if session.host else "",
               f"Thành phần: {session.attendees}" if session.attendees else "",
               f"Dời từ ngày {session.shifted_from:%d/%m/%Y} ({session.holiday})" if session.shifted_from else "",
               f"Theo: {disclosure.title}"]
    vevent.add("description", "\n".join(d for d in details if d))
    if site_url:
        vevent.add("url", f"{site_url.rstrip('/')}/{disclosure.url}")
    return vevent


@lru_cache(maxsize=1)
def _zone():
    """The VTIMEZONE of Asia/Ho_Chi_Minh, as `add_missing_timezones` writes it, made once: working out its
    transitions took 60 ms, for each of a large commune's two hundred calendars."""
    import icalendar

    return icalendar.Timezone.from_tzid("Asia/Ho_Chi_Minh", first_date=icalendar.Timezone.DEFAULT_FIRST_DATE,
                                        last_date=icalendar.Timezone.DEFAULT_LAST_DATE)
