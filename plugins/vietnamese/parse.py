"""Reading numbers, dates and times the way Vietnamese officers write them.

Numbers: Excel's plain values (`1234567.5`) and Vietnamese text
(`1.234.567,5`, `575,03`). In a Vietnamese column the dot groups thousands, so
`1.234` and `250.000` are read the Vietnamese way. A dot followed by other
than three digits with at most three before it (`12.5`, `60.4`) is neither
Vietnamese nor an Excel value of this table's kind: it is refused, never
guessed, because the wrong guess multiplies money by ten or a thousand. So is
`1,250` (a comma before exactly three digits: English thousands, or a
Vietnamese decimal?) unless the file says its decimals are commas (a ";" CSV,
which only Vietnamese-locale Excel writes). A dash alone (`-`, `–`, `—`) is
zero, as accountants write it.
Dates: `dd/mm/yyyy` (also `-` or `.` between parts) and ISO `yyyy-mm-dd`;
never month first; a weekday before the date ("Thứ Năm, 03/12/2026") is read
and must be the date's own. Times: `07:30`, `7h30`, `7h`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation


class ParseError(ValueError):
    """A value that cannot be read; `code` is the issue code, `hint` how to fix it."""

    def __init__(self, code: str, message: str, hint: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.hint = hint


_SPACES = re.compile(r"[\s\u00a0\u202f]+", re.ASCII)
_PLAIN_INT = re.compile(r"^\d+$", re.ASCII)
_VN_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$", re.ASCII)
_VN_DECIMAL = re.compile(r"^\d+,\d+$", re.ASCII)
_DOT_DECIMAL = re.compile(r"^(\d+)\.(\d+)$", re.ASCII)

def _ascii_digits_only(text: str) -> None:
    """Arabic-Indic or full-width digits ("١٢٣", "１２３") would be read by Python as 123: refuse them."""
    odd = next((ch for ch in text if ch.isdigit() and not "0" <= ch <= "9"), None)
    if odd is not None:
        raise ParseError("so-khong-hop-le", f'"{text}" có chữ số lạ "{odd}" (không phải 0-9).',
                         "Gõ lại số bằng bàn phím thường (chữ số 0-9), tắt chế độ gõ toàn khổ.")


NUMBER_HINT = "Viết số theo kiểu Việt Nam: dấu chấm ngăn hàng nghìn, dấu phẩy trước phần thập phân (1.234.567,5)."


_THOUSANDS_OR_DECIMAL = re.compile(r"^[1-9]\d{0,2},\d{3}$", re.ASCII)  # "1,250": 1,25 in Vietnamese, 1250 in English
DASHES = ("-", "\u2013", "\u2014")  # an accountant's zero: "-", "–", "—"


def parse_number(value: object, decimal_comma: bool = False) -> Decimal | None:
    """Return the number in a cell, None for an empty cell; raise ParseError otherwise.

    Excel numbers (int/float from .xlsx) are taken as they are; text follows
    the rules in the module docstring. A dash alone is zero, as accountants write it. "1,250" reads
    1,25 only where the file says its decimals are commas (`decimal_comma`: a ";" CSV, which only
    Vietnamese-locale Excel writes); elsewhere it may be English thousands and is refused like "12.5".
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise ParseError("so-khong-hop-le", f'"{value}" không phải là số.', NUMBER_HINT)
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    text = _SPACES.sub("", str(value)).replace("\u2212", "-")
    _ascii_digits_only(text)
    if text == "":
        return None
    if text in DASHES:
        return Decimal(0)
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-")
    if _PLAIN_INT.match(digits):
        number = Decimal(digits)
    elif _VN_GROUPED.match(digits):
        number = Decimal(digits.replace(".", "").replace(",", "."))
    elif _THOUSANDS_OR_DECIMAL.match(digits) and not decimal_comma:
        whole, frac = digits.split(",")
        raise ParseError(
            "so-mo-ho",
            f'"{value}" không rõ là {whole},{frac} hay {whole}.{frac} (dấu phẩy ngăn hàng nghìn là kiểu tiếng Anh).',
            f"Nếu là số nghìn, viết {whole}.{frac}; nếu là số thập phân, viết thêm số 0 ({whole},{frac}0) hoặc "
            "nhập số vào ô Excel dạng số.",
        )
    elif _VN_DECIMAL.match(digits):
        number = Decimal(digits.replace(",", "."))
    elif (match := _DOT_DECIMAL.match(digits)) and len(match.group(1)) >= 4:
        number = Decimal(digits)  # Excel's raw value: cannot be Vietnamese grouping
    elif match:
        whole, frac = match.groups()
        raise ParseError(
            "so-mo-ho",
            f'"{value}" không rõ là {whole},{frac} hay {whole}{frac} (dấu chấm thập phân là kiểu tiếng Anh).',
            f"Nếu là số thập phân, viết {whole},{frac}.",
        )
    else:
        raise ParseError("so-khong-hop-le", f'"{value}" không phải là số.', NUMBER_HINT)
    try:
        return sign * number
    except InvalidOperation as exc:  # pragma: no cover - regexes admit only digits
        raise ParseError("so-khong-hop-le", f'"{value}" không phải là số.', NUMBER_HINT) from exc


_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$", re.ASCII)
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", re.ASCII)
DATE_HINT = "Viết ngày theo dạng 05/01/2026 (ngày/tháng/năm) hoặc 2026-01-05, và kiểm tra đó là ngày có thật."


def parse_date(value: object) -> dt.date | None:
    """Return the date in a cell or key, None when empty; raise ParseError otherwise."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    weekday, text = _weekday_prefix(text)
    _ascii_digits_only(text)
    if match := _ISO.match(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _DAY_FIRST.match(text):
        day, month, year = (int(g) for g in match.groups())
    else:
        raise ParseError("ngay-khong-hop-le", f'"{text}" không phải là ngày.', DATE_HINT)
    try:
        date = dt.date(year, month, day)
    except ValueError as exc:
        raise ParseError(
            "ngay-khong-hop-le", f'"{text}" không phải là ngày có thật (ngày {day}, tháng {month}, năm {year}).', DATE_HINT
        ) from exc
    if weekday is not None and weekday != date.weekday():
        raise ParseError("ngay-khong-hop-le",
                         f"ngày {date:%d/%m/%Y} là {WEEKDAY_NAMES[date.weekday()]}, không phải "
                         f"{WEEKDAY_NAMES[weekday]} như đã ghi.",
                         "Sửa ngày hoặc thứ cho khớp nhau.")
    return date


WEEKDAY_NAMES = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
_WEEKDAY_WORDS = {"hai": 0, "2": 0, "ba": 1, "3": 1, "tư": 2, "tu": 2, "4": 2, "năm": 3, "nam": 3, "5": 3,
                  "sáu": 4, "sau": 4, "6": 4, "bảy": 5, "bay": 5, "7": 5}
_WEEKDAY = re.compile(r"^(?:(?:thứ|thu|t)\s*(hai|ba|tư|tu|năm|nam|sáu|sau|bảy|bay|[2-7])|(chủ\s*nhật|chu\s*nhat|cn))"
                      r"\s*[,:\-–(]?\s*(.+?)\)?$", re.IGNORECASE)


def _weekday_prefix(text: str) -> tuple[int | None, str]:
    """"Thứ Năm, 03/12/2026", "T5 (03/12/2026)", "Chủ nhật 06/12/2026" -> (3, "03/12/2026")."""
    match = _WEEKDAY.match(text)
    if not match or not match.group(3)[:1].isdigit():
        return None, text
    weekday = 6 if match.group(2) else _WEEKDAY_WORDS[match.group(1).lower()]
    return weekday, match.group(3).strip()


@dataclass(frozen=True)
class DayList:
    """"Ngày 01; 08; 15; 22; 29 (Thứ 5)": days of a month the row names elsewhere ("Tháng 10"), and the
    weekday the officer says they fall on, when written."""

    days: tuple[int, ...]
    weekday: int | None = None

    def dates(self, year: int, month: int) -> list[dt.date]:
        """The dates; ParseError for a day the month does not have, or one not on the weekday written."""
        dates = []
        for day in self.days:
            try:
                date = dt.date(year, month, day)
            except ValueError:
                raise ParseError("ngay-khong-hop-le", f"tháng {month}/{year} không có ngày {day}.", DATE_HINT) from None
            if self.weekday is not None and date.weekday() != self.weekday:
                raise ParseError("ngay-khong-hop-le",
                                 f"ngày {date:%d/%m/%Y} là {WEEKDAY_NAMES[date.weekday()]}, không phải "
                                 f"{WEEKDAY_NAMES[self.weekday]} như đã ghi.", "Sửa ngày hoặc thứ cho khớp nhau.")
            dates.append(date)
        return dates


_DAY_LIST = re.compile(r"^(?:ngày|ngay)?\s*(\d{1,2}(?:\s*[;,]\s*\d{1,2})+)\s*(?:\((.+)\))?\.?$", re.IGNORECASE)


def parse_date_or_days(value: object) -> dt.date | DayList | None:
    """A date, or the days of a month as a month table writes them: "Ngày 01; 08; 15 (Thứ 5)", "05, 12, 19"."""
    try:
        return parse_date(value)
    except ParseError:
        match = _DAY_LIST.match(str(value).strip())
        if not match:
            raise
    weekday = None
    if match.group(2):
        found = _WEEKDAY.match(match.group(2).strip() + " 1")
        weekday = (6 if found.group(2) else _WEEKDAY_WORDS[found.group(1).lower()]) if found else None
    return DayList(tuple(int(day) for day in re.findall(r"\d{1,2}", match.group(1))), weekday)


_TIME = re.compile(r"^(\d{1,2})\s*(?:[:hH]|giờ)\s*(\d{2})?\s*(?:phút|p)?$", re.ASCII)
TIME_HINT = "Viết giờ theo dạng 07:30 hoặc 7h30."


def parse_time(value: object) -> dt.time | None:
    """Return the time of day, None when empty; raise ParseError otherwise."""
    if value is None:
        return None
    if isinstance(value, dt.time):
        return value
    if isinstance(value, dt.datetime):
        return value.time()
    text = str(value).strip()
    if not text:
        return None
    _ascii_digits_only(text)
    match = _TIME.match(text)
    if not match:
        raise ParseError("gio-khong-hop-le", f'"{text}" không phải là giờ.', TIME_HINT)
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        raise ParseError("gio-khong-hop-le", f'"{text}" không phải là giờ có thật.', TIME_HINT)
    return dt.time(hour, minute)
