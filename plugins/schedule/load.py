"""Sessions of a schedule: from its table and its weekly rule, checked against the law's notice period."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from plugins.disclosures.kinds import LoadContext
from plugins.disclosures.model import Commune, Disclosure
from plugins.issues import WARNING, Issue
from plugins.schedule.holidays import Calendar, official_calendar
from plugins.schedule.schema import SESSIONS_TABLE, hours_of

NOTICE_RULE = "Luật Tiếp công dân 2013, Điều 24: lịch tiếp công dân phải niêm yết trước ít nhất {days} ngày làm việc"


@dataclass(frozen=True)
class Session:
    date: dt.date
    start: dt.time
    end: dt.time | None
    content: str
    place: str | None
    host: str | None
    attendees: str | None = None
    shifted_from: dt.date | None = None  # the holiday it was moved from
    holiday: str | None = None

    def uid(self, disclosure: Disclosure, commune_code: str) -> str:
        """Stable across builds: the same session keeps its UID so calendars update it in place."""
        return f"{disclosure.year}-{disclosure.slug}-{self.date:%Y%m%d}-{self.start:%H%M}@xa-{commune_code}.cong-khai"


@dataclass
class ScheduleData:
    sessions: list[Session]
    commune: Commune  # its code makes the calendar UIDs, its site_url the event links

    def upcoming(self, today: dt.date) -> list[Session]:
        return [s for s in self.sessions if s.date >= today]

    def pairs(self, disclosure: Disclosure) -> list[tuple[Disclosure, Session]]:
        """(disclosure, session) for each session: the shape lists and feeds across schedules use."""
        return [(disclosure, s) for s in self.sessions]


def load_schedule(disclosure: Disclosure, bundle_dir: str, context: LoadContext) -> tuple[ScheduleData, list[Issue]]:
    calendar = official_calendar().with_extra(disclosure.front.get("holidays") or [])
    sessions: list[Session] = []
    read, issues = context.read_tables(disclosure, bundle_dir, SESSIONS_TABLE)
    hours = hours_of(context.settings["reception_hours"])  # checked with the settings
    for _ref, table in read:
        for row in table.rows:
            sessions += _row_sessions(row, table, disclosure, hours, issues)
    rule = disclosure.front.get("recurring")
    if rule and rule.get("weekday") is not None and not (rule.get("start") or rule.get("sessions")):
        issues.append(Issue(code="thieu-khoa", file=f"{disclosure.source_dir}/index.md", key="recurring.start",
                            message="quy tắc hằng tuần chưa có giờ.",
                            hint='Ghi start: "07:30" (và end), hoặc sessions: [{start: "07:30", end: "11:30"}, '
                                 '{start: "13:30", end: "17:00"}] cho buổi sáng và buổi chiều.'))
    elif rule and rule.get("weekday") is not None and disclosure.posting:
        start = max(disclosure.posting.start, rule.get("from") or disclosure.posting.start)
        end = min(disclosure.posting.end, rule.get("to") or disclosure.posting.end)
        sessions += expand_weekly(rule, start, end, calendar, context)
    sessions.sort(key=lambda s: (s.date, s.start))
    issues += _notice_period(disclosure, sessions, calendar, context.settings["min_notice_working_days"])
    return ScheduleData(sessions, context.commune), issues


def _row_sessions(row, table, disclosure: Disclosure, hours, issues: list[Issue]) -> list[Session]:
    """The sessions of one row: its own hours, or, in a table without times (the month table of reception
    days), the kind's `reception_hours` (a morning and an afternoon)."""
    v, shown = row.values, table.file
    empty = table.empty_cells(row, ("bat_dau", "noi_dung"))  # a column the table has is filled in every row
    if empty:
        issues += empty
        return []
    if v["ngay"] is None or (v["bat_dau"] is None and "bat_dau" in table.headers):
        return []
    if v["ket_thuc"] is not None and v["bat_dau"] is not None and v["ket_thuc"] <= v["bat_dau"]:
        issues.append(Issue(code="gio-ket-thuc-truoc-bat-dau", file=shown, line=row.number,
                            column=table.headers["ket_thuc"],
                            message=f"giờ kết thúc {v['ket_thuc']:%H:%M} không sau giờ bắt đầu {v['bat_dau']:%H:%M}.",
                            hint="Kiểm tra lại hai giờ (viết 13:30 cho 1 giờ 30 chiều)."))
        return []
    if disclosure.posting and not disclosure.posting.start <= v["ngay"] <= disclosure.posting.end:
        issues.append(Issue(code="lich-ngoai-thoi-gian-niem-yet", file=shown, line=row.number,
                            column=table.headers["ngay"], severity=WARNING,
                            message=f"buổi ngày {v['ngay']:%d/%m/%Y} nằm ngoài thời gian niêm yết của lịch.",
                            hint="Kiểm tra ngày của buổi này hoặc thời gian niêm yết (posting)."))
    host = ", ".join(part for part in (v["chu_tri"], v["chuc_vu"]) if part) or None
    content = v["noi_dung"] or "Tiếp công dân định kỳ"
    times = [(v["bat_dau"], v["ket_thuc"])] if v["bat_dau"] is not None else hours
    return [Session(v["ngay"], start, end, content, v["dia_diem"], host, v["thanh_phan"]) for start, end in times]


def rule_hours(rule: dict) -> list[tuple[dt.time, dt.time | None]]:
    """The rule's sessions in a day: `sessions` (a morning and an afternoon), else its start and end."""
    if rule.get("sessions"):
        return [(hours["start"], hours.get("end")) for hours in rule["sessions"]]
    return [(rule["start"], rule.get("end"))]


def expand_weekly(rule: dict, start: dt.date, end: dt.date, calendar: Calendar, context: LoadContext) -> list[Session]:
    """The rule's sessions each week on its weekday within [start, end]; a holiday moves them to the next
    working day."""
    first = start + dt.timedelta(days=(rule["weekday"] - start.weekday()) % 7)
    sessions = []
    day = first
    while day <= end:
        actual = calendar.next_working_day(day) if day in calendar.holidays else day
        sessions += [Session(
            date=actual, start=session_start, end=session_end,
            content=rule.get("content") or "Tiếp công dân định kỳ",
            place=rule.get("place") or f"Trụ sở Ủy ban nhân dân {context.commune.in_sentence}",
            host=rule.get("host") or (f"Chủ tịch UBND {context.commune.in_sentence} {context.commune.chairman}"
                                      if context.commune.chairman else None),
            shifted_from=day if actual != day else None,
            holiday=calendar.holidays.get(day)) for session_start, session_end in rule_hours(rule)]
        day += dt.timedelta(days=7)
    return sessions


def _notice_period(disclosure: Disclosure, sessions: list[Session], calendar: Calendar, minimum: int) -> list[Issue]:
    if not sessions or not disclosure.posting:
        return []
    first = sessions[0].date
    days = calendar.working_days_before(disclosure.posting.start, first)
    if days >= minimum:
        return []
    return [Issue(code="niem-yet-chua-du-ngay", file=f"{disclosure.source_dir}/index.md", key="posting.from",
                  severity=WARNING,
                  message=f"lịch niêm yết từ {disclosure.posting.start:%d/%m/%Y}, chỉ {days} ngày làm việc trước buổi "
                          f"đầu tiên ({first:%d/%m/%Y}); {NOTICE_RULE.format(days=minimum)}.",
                  hint="Niêm yết sớm hơn, hoặc bắt đầu lịch từ buổi sau đủ số ngày làm việc.")]
