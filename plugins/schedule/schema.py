"""The sessions table and the weekly rule of a schedule (design §2, domain §5)."""

from __future__ import annotations

import re
from typing import Any

from plugins.disclosures.schema import INVALID, Checker, Date, ListOf, Record, Spec, Text, Time
from plugins.tables import Column, TableSchema
from plugins.vietnamese.parse import WEEKDAY_NAMES, ParseError, parse_time
from plugins.vietnamese.text import fold

DATE = Column("Ngày", "ngay", type="date_or_days", not_empty=True,
              aliases=("Ngày tiếp", "Ngày họp", "Ngày tiếp công dân", "Thời gian tiếp công dân"))
# Only the date is needed to hold a session. A table without times (the month table of reception days,
# `Tháng | Người tiếp công dân | Chức vụ | Ngày tiếp công dân`) takes the kind's `reception_hours`; a table
# without content is citizen reception. When the column is there, every row fills it (load.py).
START = Column("Bắt đầu", "bat_dau", type="time", required=False,
               aliases=("Giờ bắt đầu", "Thời gian bắt đầu", "Từ"))
END = Column("Kết thúc", "ket_thuc", type="time", required=False, aliases=("Giờ kết thúc", "Thời gian kết thúc", "Đến"))
# One column for both, as many schedules write it: "Sáng: 7h30 - 11h30", "13h00-17h00".
HOURS = Column("Thời gian", "thoi_gian", required=False, aliases=("Giờ", "Giờ tiếp", "Buổi", "Thời gian tiếp"))
CONTENT = Column("Nội dung", "noi_dung", required=False, aliases=("Nội dung cuộc họp", "Nội dung tiếp"))
PLACE = Column("Địa điểm", "dia_diem", required=False)
HOST = Column("Người chủ trì", "chu_tri", required=False, aliases=("Chủ trì", "Người tiếp công dân", "Người tiếp"))
ROLE = Column("Chức vụ", "chuc_vu", required=False, aliases=("Chức vụ người tiếp", "Chức danh"))
ATTENDEES = Column("Thành phần", "thanh_phan", required=False, aliases=("Thành phần tham dự", "Thành phần mời"))
MONTH = Column("Tháng", "thang", required=False)  # the month table's first column: the date says it already

SESSIONS_TABLE = TableSchema(columns=(DATE, START, END, HOURS, CONTENT, PLACE, HOST, ROLE, ATTENDEES, MONTH))

_WEEKDAYS = {
    "thu hai": 0, "thu 2": 0, "2": 0, "monday": 0,
    "thu ba": 1, "thu 3": 1, "3": 1, "tuesday": 1,
    "thu tu": 2, "thu 4": 2, "4": 2, "wednesday": 2,
    "thu nam": 3, "thu 5": 3, "5": 3, "thursday": 3,
    "thu sau": 4, "thu 6": 4, "6": 4, "friday": 4,
    "thu bay": 5, "thu 7": 5, "7": 5, "saturday": 5,
    "chu nhat": 6, "cn": 6, "sunday": 6,
}


class Weekday(Spec):
    """"thứ Năm", "Thứ 5", "5" or "thursday" -> 3 (Python's Monday = 0)."""

    expected = "một thứ trong tuần (ví dụ: thứ Năm)"
    choices = WEEKDAY_NAMES  # what the editor offers

    def __init__(self, required: bool = False, label: str = "", hint: str = "") -> None:
        self.required, self.label, self.hint = required, label, hint

    def read(self, value: Any, path, checker: Checker) -> Any:
        if not isinstance(value, str):
            return self.wrong_type(value, path, checker)
        folded = fold(value).removesuffix(" hang tuan").strip()
        if folded not in _WEEKDAYS:
            checker.report("gia-tri-khong-hop-le", path, f'"{value}" không phải là một thứ trong tuần.',
                           "Ghi: thứ Hai, thứ Ba, thứ Tư, thứ Năm, thứ Sáu, thứ Bảy hoặc Chủ nhật.")
            return INVALID
        return _WEEKDAYS[folded]


SESSION_HOURS = Record(fields={"start": Time(required=True, label="Giờ bắt đầu", hint="Ví dụ: 07:30"),
                               "end": Time(label="Giờ kết thúc", hint="Ví dụ: 11:30")})
RECURRING = Record(fields={
    "weekday": Weekday(required=True, label="Thứ"),
    "start": Time(label="Giờ bắt đầu", hint="Ví dụ: 07:30"), "end": Time(label="Giờ kết thúc", hint="Ví dụ: 11:30"),
    "place": Text(label="Địa điểm"), "host": Text(label="Người chủ trì"), "content": Text(label="Nội dung"),
    # A morning and an afternoon on the same day: `sessions: [{start, end}, {start, end}]` instead of start/end.
    "sessions": ListOf(item=SESSION_HOURS, label="Các buổi trong ngày",
                       hint="Khi tiếp cả sáng và chiều: mỗi buổi một dòng, thay cho giờ bắt đầu, kết thúc ở trên."),
    # Optional bounds inside the posting period (default: the whole period), so a quarter's schedule
    # posted in advance starts on the quarter's first day and leaves the legal notice time.
    "from": Date(label="Áp dụng từ ngày", hint="Để trống: từ ngày bắt đầu niêm yết."),
    "to": Date(label="Áp dụng đến ngày", hint="Để trống: đến ngày hết niêm yết."),
}, label="Lịch tiếp công dân hằng tuần")
HOLIDAYS = ListOf(item=Date(), label="Ngày nghỉ riêng của địa phương")


_PART_OF_DAY = re.compile(r"^\s*(?:buổi\s*)?(?:sáng|chiều|trưa|tối|sang|chieu|toi)\s*[:,-]?\s*", re.IGNORECASE)


def session_hours(text: str) -> tuple[Any, Any]:
    """"Sáng: 7h30 - 11h30" -> (07:30, 11:30); ParseError naming the part that is not a time."""
    start, _, end = _PART_OF_DAY.sub("", text).replace("–", "-").partition("-")
    return parse_time(start.strip()), parse_time(end.strip()) if end.strip() else None


def hours_of(text: str) -> list[tuple[Any, Any]]:
    """"07:30-11:30, 13:00-17:00" -> [(07:30, 11:30), (13:00, 17:00)]; ValueError naming the bad part."""
    sessions = []
    for part in text.split(","):
        start, _, end = part.replace("–", "-").partition("-")
        try:
            first, last = parse_time(start.strip()), parse_time(end.strip()) if end.strip() else None
        except ParseError as exc:
            raise ValueError(f'"{part.strip()}": {exc.message}') from exc
        if first is None or (last is not None and last <= first):
            raise ValueError(f'"{part.strip()}" không phải là một buổi (giờ bắt đầu-giờ kết thúc)')
        sessions.append((first, last))
    return sessions


def hours_problem(text: str) -> str | None:
    try:
        hours_of(text)
    except ValueError as exc:
        return str(exc)
    return None
