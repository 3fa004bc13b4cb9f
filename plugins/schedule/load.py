"""Sessions of a schedule: from its table and its weekly rule, checked against the law's notice period."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from plugins.disclosures.kinds import LoadContext
from plugins.disclosures.model import Commune, Disclosure
from plugins.issues import WARNING, Issue
from plugins.schedule.schema import SESSIONS_TABLE, hours_of, session_hours
from plugins.vietnamese.holidays import Calendar, official_calendar, unknown_years_issue
from plugins.vietnamese.parse import DayList, ParseError

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
    sessions = _merged(sessions)
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
    if sessions:
        first = min(sessions[0].date, disclosure.posting.start) if disclosure.posting else sessions[0].date
        unknown = calendar.unknown_years(first, sessions[-1].date)
        if unknown:
            issues.append(unknown_years_issue(unknown, f"{disclosure.source_dir}/index.md"))
    return ScheduleData(sessions, context.commune), issues


def _row_sessions(row, table, disclosure: Disclosure, hours, issues: list[Issue]) -> list[Session]:
    """The sessions of one row: its own hours ("Bắt đầu"/"Kết thúc", or "Thời gian": "Sáng: 7h30 - 11h30"), or,
    in a table without times (the month table of reception days), the kind's `reception_hours` (a morning and
    an afternoon). A month table's "Ngày 01; 08; 15 (Thứ 5)" holds one session day per day listed."""
    v, shown = row.values, table.file
    empty = table.empty_cells(row, ("bat_dau", "noi_dung", "thoi_gian"))  # a column the table has is filled in every row
    if empty:
        issues += empty
        return []
    if v["ngay"] is None or (v["bat_dau"] is None and "bat_dau" in table.headers):
        return []
    if v["thoi_gian"]:
        try:
            v = dict(v, bat_dau=None, ket_thuc=None) | dict(zip(("bat_dau", "ket_thuc"), session_hours(v["thoi_gian"]),
                                                                 strict=True))
        except ParseError as exc:
            issues.append(Issue(code=exc.code, file=shown, line=row.number, column=table.headers["thoi_gian"],
                                message=f'"{v["thoi_gian"]}": {exc.message}', hint=exc.hint))
            return []
    if v["ket_thuc"] is not None and v["bat_dau"] is not None and v["ket_thuc"] <= v["bat_dau"]:
        column = table.headers.get("ket_thuc") or table.headers["thoi_gian"]
        issues.append(Issue(code="gio-ket-thuc-truoc-bat-dau", file=shown, line=row.number, column=column,
                            message=f"giờ kết thúc {v['ket_thuc']:%H:%M} không sau giờ bắt đầu {v['bat_dau']:%H:%M}.",
                            hint="Kiểm tra lại hai giờ (viết 13:30 cho 1 giờ 30 chiều)."))
        return []
    dates = _row_dates(row, table, disclosure, issues)
    for date in dates:
        if disclosure.posting and not disclosure.posting.start <= date <= disclosure.posting.end:
            issues.append(Issue(code="lich-ngoai-thoi-gian-niem-yet", file=shown, line=row.number,
                                column=table.headers["ngay"], severity=WARNING,
                                message=f"buổi ngày {date:%d/%m/%Y} nằm ngoài thời gian niêm yết của lịch.",
                                hint="Kiểm tra ngày của buổi này hoặc thời gian niêm yết (posting)."))
    host = ", ".join(part for part in (v["chu_tri"], v["chuc_vu"]) if part) or None
    content = v["noi_dung"] or "Tiếp công dân định kỳ"
    times = [(v["bat_dau"], v["ket_thuc"])] if v["bat_dau"] is not None else hours
    return [Session(date, start, end, content, v["dia_diem"], host, v["thanh_phan"])
            for date in dates for start, end in times]


_MONTH_IN_CELL = re.compile(r"(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?")


def _row_dates(row, table, disclosure: Disclosure, issues: list[Issue]) -> list[dt.date]:
    """The row's date, or the dates of its day list in the month its "Tháng" cell names ("Tháng 10", "10/2026"),
    in the year of the posting period (a schedule is posted before its sessions)."""
    value = row.values["ngay"]
    if not isinstance(value, DayList):
        return [value]
    month_text = row.values["thang"] or ""
    found = _MONTH_IN_CELL.search(month_text)
    column = table.headers.get("thang", "Tháng")
    if not found or not 1 <= int(found.group(1)) <= 12:
        issues.append(Issue(code="ngay-khong-hop-le", file=table.file, line=row.number, column=table.headers["ngay"],
                            message=f'"{", ".join(map(str, value.days))}" là các ngày trong tháng nhưng dòng này không ghi '
                                    f'tháng nào (cột "{column}").',
                            hint='Ghi tháng ở cột "Tháng" (ví dụ "Tháng 10"), hoặc ghi đủ từng ngày dạng 01/10/2026.'))
        return []
    month = int(found.group(1))
    start = disclosure.posting.start if disclosure.posting else disclosure.issued
    year = int(found.group(2)) if found.group(2) else start.year + (month < start.month and start.month - month > 6)
    try:
        return value.dates(year, month)
    except ParseError as exc:
        issues.append(Issue(code=exc.code, file=table.file, line=row.number, column=table.headers["ngay"],
                            message=exc.message, hint=exc.hint))
        return []


def _merged(sessions: list[Session]) -> list[Session]:
    """One session a day and hour: a quarter's month table and a month's dated list name the same Thursdays;
    the one that says more (its place, its content) is kept."""
    kept: dict[tuple, Session] = {}
    for session in sessions:
        key = (session.date, session.start)
        other = kept.get(key)
        if other is None or (session.place and not other.place):
            kept[key] = session
    return list(kept.values())


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
