"""Periods as Vietnamese titles and reports name them: "quý III năm 2026", "6 tháng đầu năm 2026", "năm 2026".

Read from a title (`period_in_title`) and written back (`period_label`) the same way, so the one-stop desk's
reports, the budget's stages and the obligations of a year all name a period alike.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from plugins.vietnamese.format import short_date
from plugins.vietnamese.text import fold

ROMAN = ("I", "II", "III", "IV")


def period_label(start: dt.date | None, end: dt.date | None) -> str:
    """"Quý IV năm 2026", "6 tháng đầu năm 2026", "Tháng 11 năm 2026", "Năm 2026"; else the two dates."""
    if not (start and end):
        return ""
    last_day = calendar.monthrange(end.year, end.month)[1]
    if start.year == end.year and start.day == 1 and end.day == last_day:
        count = end.month - start.month + 1
        if count == 12:
            return f"Năm {start.year}"
        if count == 1:
            return f"Tháng {start.month} năm {start.year}"
        if count == 3 and start.month in (1, 4, 7, 10):
            return f"Quý {ROMAN[start.month // 3]} năm {start.year}"
        if start.month == 1:
            return f"{count} tháng đầu năm {start.year}"
        if count == 6 and start.month == 7:
            return f"6 tháng cuối năm {start.year}"
    return f"Từ ngày {short_date(start)} đến ngày {short_date(end)}"


_QUARTER = re.compile(r"\bquy (i{1,3}|iv|[1-4]) (?:nam )?(\d{4})\b")
_FIRST_MONTHS = re.compile(r"\b(3|6|9) thang (?:dau )?nam (\d{4})\b")
_LAST_HALF = re.compile(r"\b6 thang cuoi nam (\d{4})\b")
_MONTH = re.compile(r"\bthang (\d{1,2}) (?:nam )?(\d{4})\b")
_YEAR_ALONE = re.compile(r"\bnam (\d{4})\b")


def period_in_title(title: str) -> tuple[dt.date, dt.date] | None:
    """The period a title names, as `period_label` writes it: "quý III năm 2026", "quý 3/2026", "6 tháng đầu năm
    2026", "9 tháng năm 2026", "tháng 9/2026", "năm 2026". None when it names none (or only a year among other
    numbers: then the officer says `period:`)."""
    folded = fold(title)
    if found := _QUARTER.search(folded):
        quarter = ROMAN.index(found.group(1).upper()) + 1 if not found.group(1).isdigit() else int(found.group(1))
        return months(int(found.group(2)), 3 * quarter - 2, 3 * quarter)
    if found := _LAST_HALF.search(folded):
        return months(int(found.group(1)), 7, 12)
    if found := _FIRST_MONTHS.search(folded):
        return months(int(found.group(2)), 1, int(found.group(1)))
    if (found := _MONTH.search(folded)) and 1 <= int(found.group(1)) <= 12:
        return months(int(found.group(2)), int(found.group(1)), int(found.group(1)))
    years = _YEAR_ALONE.findall(folded)
    return months(int(years[0]), 1, 12) if len(years) == 1 else None


def year_in_title(title: str) -> int | None:
    """The first year a title names ("... năm 2026 đã được ..."), or None."""
    found = _YEAR_ALONE.search(fold(title))
    return int(found.group(1)) if found else None


def months(year: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    """From the first day of month `first` to the last day of month `last` of `year`."""
    return dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1])
