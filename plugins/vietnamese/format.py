"""Formatting for citizens: Vietnamese numbers and the dates of Nghị định 30/2020.

Numbers use Babel's Vietnamese locale ("." for thousands, "," for decimals,
Luật Kế toán 2015 Điều 11). Dates in tables are dd/mm/yyyy; dates in a
document's place-and-date line follow Nghị định 30/2020: days below 10 and
months 1 and 2 get a leading zero, months 3 to 12 do not.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from babel.numbers import format_decimal

from plugins.vietnamese.text import d_stroke_words

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")


def number(value: Decimal | int | float | None, decimals: int | None = None, empty: str = "—") -> str:
    """1234567.5 -> "1.234.567,5"; None -> "—" (how official tables show an empty cell)."""
    if value is None or value == "":
        return empty
    if decimals is None:
        return format_decimal(value, locale="vi", decimal_quantization=False, group_separator=True)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale="vi")


def short_date(value: dt.date | None) -> str:
    """2026-01-05 -> "05/01/2026"."""
    return value.strftime("%d/%m/%Y") if value else ""


def document_date(value: dt.date) -> str:
    """2026-01-05 -> "ngày 05 tháng 01 năm 2026"; 2026-07-15 -> "ngày 15 tháng 7 năm 2026"."""
    month = f"{value.month:02d}" if value.month <= 2 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"


def weekday(value: dt.date) -> str:
    """2026-01-08 -> "Thứ Năm"."""
    return WEEKDAYS[value.weekday()]


def iso_date(value: dt.date | None) -> str:
    """For <time datetime="...">: machine-readable next to the Vietnamese text."""
    return value.isoformat() if value else ""


def file_size(size: int) -> str:
    """1234567 -> "1,2 MB": what a download costs on mobile data."""
    if size < 1024:
        return f"{size} byte"
    if size < 1024 * 1024:
        return f"{number(round(size / 1024))} KB"
    return f"{number(round(size / 1024 / 1024, 1))} MB"


FILTERS = {
    "so": number,
    "ngay": short_date,
    "ngay_van_ban": document_date,
    "thu": weekday,
    "ngay_iso": iso_date,
    "dung_luong": file_size,
    "tu_co_d": d_stroke_words,
}
