"""Official form layouts: what surrounds the table in the sheets officers already fill in.

A form exported from Excel has a title band (issuer, "Biểu số ...", the title,
the period, "Đơn vị tính: triệu đồng"), a header of one to four rows with
merged cells ("Dự toán năm 2026" over "Tổng số | Trong đó: ..."), often a row
numbering the columns ("A | B | 1 | 2 | 3=2/1"), then the rows, grand-total
lines ("Tổng cộng") and a footer band (the date line, "Người lập biểu",
"TM. ỦY BAN NHÂN DÂN", "Ghi chú:"). `read_form` finds the header by the
kind's column names, never by position, flattens it into one list of parts
per column, and returns the rows in between. Every row it sets aside is named
with the reason, so nothing is skipped silently.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from plugins.vietnamese.text import fold

HEADER_SEARCH_ROWS = 30  # a title band of issuer, form number, title, period and unit lines, with blank rows
MAX_HEADER_ROWS = 4  # "Số hồ sơ nhận giải quyết" / "Trong đó" / "Số mới tiếp nhận" / "Trực tuyến"
MAX_FILLED_CELLS = 200_000  # merged areas filled in; a form merges a few dozen small areas

_COLUMN_NUMBER = re.compile(r"^\(?(?:[A-Z]{1,2}|\d{1,2})\)?$|^\(?\d{1,2}\)?\s*=\s*[\d\s()+\-*/x×:.,%]+$")
_LABEL = re.compile(r"^(?:[IVXL]+|[A-Z]|\d{1,3}|[a-zđ])[.)]?$")  # "I", "A.", "1", "a)": a row's label
_LABEL_PREFIX = re.compile(r"^(?:[IVXL]+|[A-Z]|\d{1,3})[.)]\s+")  # "I. Thôn Đồng Bến" -> "Thôn Đồng Bến"
_NUMERIC_TEXT = re.compile(r"^[-+]?[\d.,\s]+%?$")
_YEAR = re.compile(r"^(19|20)\d\d$")
_UNIT = re.compile(r"(?i)(?:đơn vị tính|đơn vị|đvt)\s*[:.]?\s*([^)]+)")
# on folded text (plugins.vietnamese.text.fold: no marks, no punctuation): "Cộng (I+II)" -> "cong i ii"
_TOTAL = re.compile(r"^(tong cong|tong so|cong chung)\b|^(cong|tong)$|^cong( [ivx]+| [a-e])+$"
                    r"|^cong (thon|to|xom|ban|ap|lang|khu)\b|^cong \d+ (ho|khau|nguoi|cong trinh)\b")
_FOOTER = re.compile(
    r"^(nguoi lap|nguoi ghi|ke toan|thu quy|tm|t m|kt|k t|chu tich|pho chu tich|thu truong|truong thon|truong ban|"
    r"ghi chu|noi nhan|xac nhan|ky ghi ro|da ky)\b|\bngay( \d+)? thang\b")
# What the folded tests above can match begins so (marks or not): the raw text is tested first.
_FOOTER_START = re.compile(r"^\(?\s*(người|nguoi|kế|ke\b|thủ|thu\b|tm|t/m|kt|k/t|chủ|chu\b|phó|pho\b|trưởng|truong|"
                           r"ghi|nơi|noi|xác|xac|ký|ky\b|đã|da\b)")
_TOTAL_START = re.compile(r"^\s*(tổng|tong|cộng|cong)", re.IGNORECASE)
UNIT_SPELLINGS = {  # folded spellings on forms -> the unit as the site writes it
    "dong": "đồng", "d": "đồng", "vnd": "đồng", "vnđ": "đồng",
    "nghin dong": "nghìn đồng", "ngan dong": "nghìn đồng", "1 000 dong": "nghìn đồng", "1000 dong": "nghìn đồng",
    "1000d": "nghìn đồng", "trieu dong": "triệu đồng", "tr dong": "triệu đồng", "trd": "triệu đồng",
    "tr d": "triệu đồng", "ty dong": "tỷ đồng",
    "ha": "ha", "hec ta": "ha", "hecta": "ha", "m2": "m²", "m": "m²",
    "ho": "hộ", "nguoi": "người", "ho so": "hồ sơ",
}


@dataclass(frozen=True)
class SetAside:
    """Rows `first`..`last` (as the sheet numbers them) that are not data, and why."""

    first: int
    last: int
    why: str


@dataclass
class Form:
    header_rows: list[int]  # the header band's row numbers
    parts: list[list[str]]  # per column, the header texts top to bottom: ["Dự toán năm 2026", "Tổng số"]
    rows: list[tuple[int, list[Any]]]  # the data rows, vertically merged cells filled in
    totals: set[int] = field(default_factory=set)  # row numbers of grand-total lines ("Tổng cộng")
    headings: set[int] = field(default_factory=set)  # rows that are one text alone: section headings maybe
    unit: str | None = None  # from the unit line of the title band, as the site writes it
    unit_written: str | None = None  # ... and as the form wrote it
    unit_row: int | None = None
    set_aside: list[SetAside] = field(default_factory=list)

    @property
    def header_row(self) -> int:
        return self.header_rows[0]

    def header(self, index: int) -> str:
        """The column's header as one line: "Dự toán năm 2026 – Tổng số"."""
        return " – ".join(self.parts[index]) if index < len(self.parts) else ""


def read_form(rows: list[tuple[int, list[Any]]], merges: list[tuple[int, int, int, int]],
              matches: Callable[[str], bool]) -> Form:
    """Split a sheet's rows into title band, header, data and footer. `matches(text)` says whether a
    header text names one of the kind's columns; the header is the band of rows naming the most."""
    filled = _Merges(merges, rows)
    start, height, score = 0, 1, -1
    for index in range(min(len(rows), HEADER_SEARCH_ROWS)):
        if any(_is_value(cell) for cell in _written(rows[index][1])):
            continue  # amounts or dates: a data row, never the top of a header
        if filled.is_title(*rows[index]):
            continue  # "DỰ TOÁN THU NGÂN SÁCH XÃ NĂM 2026" merged across the sheet: shown over every column
        band = _band_at(rows, index, filled, matches)
        hits = sum(1 for parts in _flatten(band, filled) if any(matches(p) for p in parts))
        if hits > score:
            start, height, score = index, len(band), hits
    band = rows[start:start + height]
    form = Form(header_rows=[number for number, _ in band], parts=_flatten(band, filled), rows=[])
    if start:
        form.set_aside.append(SetAside(rows[0][0], rows[start - 1][0], "phần đầu biểu (tên biểu, kỳ, đơn vị tính)"))
        form.unit_written, form.unit_row = _unit_line(rows[:start])
        if form.unit_written:
            form.unit = UNIT_SPELLINGS.get(fold(form.unit_written), form.unit_written.lower())
    rest = rows[start + height:]
    repeated = _Repeated(band)
    for number, cells in rest:  # one pass, cheap tests first: a list may have a hundred thousand rows
        written = _written(cells)
        if _is_footer(written):
            form.set_aside.append(SetAside(number, rest[-1][0], "phần cuối biểu (ngày tháng, chữ ký, ghi chú)"))
            break
        if repeated.matches(written):
            form.set_aside.append(SetAside(number, number, "dòng tiêu đề lặp lại (bảng chép từ Word qua nhiều trang)"))
            continue
        if _is_column_numbers(written):
            form.set_aside.append(SetAside(number, number, "dòng đánh số cột (A, B, 1, 2...)"))
            continue
        form.rows.append((number, filled.vertical(number, cells)))
        if _is_total(written):
            form.totals.add(number)
        elif _heading(written) is not None:
            form.headings.add(number)
    _set_aside_notes(form)
    return form


def _set_aside_notes(form: Form) -> None:
    """Lines of text alone under the last row ("Trường hợp Chủ tịch có công tác đột xuất, có thông báo riêng."):
    a note to the reader, never a row. A heading with nothing under it is one too."""
    width = max((len(_written(cells)) for _, cells in form.rows), default=0)
    notes = []
    while form.rows and width >= 3:
        number, cells = form.rows[-1]
        written = _written(cells)
        if len(written) != 1 or not isinstance(written[0], str) or number in form.totals:
            break
        notes.append(number)
        form.rows.pop()
        form.headings.discard(number)
    if notes:
        form.set_aside.append(SetAside(min(notes), max(notes), "ghi chú dưới bảng"))


def heading_text(cells: list[Any]) -> str | None:
    """A section heading inside a list ("I. Thôn Đồng Bến", "Thôn Trại" alone on its row): one text and at
    most a short label before it, nothing else. Its text, without the label."""
    return _heading(_written(cells))


def _heading(written: list[Any]) -> str | None:
    if not 1 <= len(written) <= 2 or not all(isinstance(c, str) for c in written):
        return None
    if len(written) == 2 and not _LABEL.match(written[0]):
        return None
    text = _LABEL_PREFIX.sub("", written[-1]).strip()
    return text or None


class _Repeated:
    """The header's rows, to know them again lower down: a table copied from Word repeats its header on every
    page. Compared by their number of cells and their first text as written first, folded only then."""

    def __init__(self, band: list[tuple[int, list[Any]]]) -> None:
        rows = [written for written in (_written(cells) for _, cells in band) if len(written) >= 2]
        self.texts = [_folded(written) for written in rows]
        self.sizes = {len(written) for written in rows}
        self.firsts = {_text(written[0]).lower() for written in rows}

    def matches(self, written: list[Any]) -> bool:
        if len(written) not in self.sizes or _text(written[0]).lower() not in self.firsts:
            return False
        return _folded(written) in self.texts


def _written(cells: list[Any]) -> list[Any]:
    """The filled cells of a row, in order."""
    return [c for c in cells if c is not None and not (isinstance(c, str) and not c.strip())]


def _folded(written: list[Any]) -> list[str]:
    return [fold(_text(c)) for c in written]


class _Merges:
    """The merged areas of an .xlsx, by row: a form's header shows its text over every cell of the area."""

    def __init__(self, merges: list[tuple[int, int, int, int]], rows: list[tuple[int, list[Any]]]) -> None:
        values = dict(rows)
        self.cover: dict[int, dict[int, tuple[Any, bool]]] = {}  # row -> column -> (value, reached sideways)
        budget = MAX_FILLED_CELLS
        for first_row, first_col, last_row, last_col in merges:
            top = values.get(first_row)
            value = top[first_col] if top is not None and first_col < len(top) else None
            if value in (None, ""):
                continue
            for number in range(first_row, last_row + 1):
                for column in range(first_col, last_col + 1):
                    if (number, column) != (first_row, first_col) and budget > 0:
                        self.cover.setdefault(number, {})[column] = (value, column != first_col)
                        budget -= 1
        self.spans_down = {(first_row, last_row) for first_row, _, last_row, _ in merges if last_row > first_row}
        # rows whose merged area starts at the sheet's left edge and runs across three columns or more
        self.wide = {first_row for first_row, first_col, _, last_col in merges if first_col <= 1 and last_col - first_col >= 2}

    def is_title(self, number: int, cells: list[Any]) -> bool:
        """A title line: one text alone in its row, merged from the left edge across the sheet. It reads over
        every column, so it would name them all; a header's row always has more than one text."""
        return number in self.wide and len(_written(cells)) == 1

    def cells(self, number: int, cells: list[Any], sideways: bool) -> list[Any]:
        covered = self.cover.get(number)
        if not covered:
            return cells
        cells = list(cells) + [None] * (max(covered) + 1 - len(cells))
        for column, (value, reached_sideways) in covered.items():
            if _blank(cells[column]) and (sideways or not reached_sideways):
                cells[column] = value
        return cells

    def vertical(self, number: int, cells: list[Any]) -> list[Any]:
        """A data row: a cell merged down over several rows (a village over its households) holds in each row;
        a heading merged across the row stays in its first cell, as it reads."""
        return self.cells(number, cells, sideways=False)

    def joins(self, upper: int, lower: int) -> bool:
        """Some merged area runs down from row `upper` into row `lower`: one header of two rows."""
        return any(first <= upper and last >= lower for first, last in self.spans_down)


def _band_at(rows: list[tuple[int, list[Any]]], index: int, filled: _Merges,
             matches: Callable[[str], bool]) -> list[tuple[int, list[Any]]]:
    """The header starting at `index`: that row and the rows under it that continue it. Its first row names
    at least one of the kind's columns, so a title line over the header is never taken for its top."""
    band = [rows[index]]
    if not any(matches(_text(cell)) for cell in rows[index][1] if not _blank(cell)):
        return band
    while len(band) < MAX_HEADER_ROWS and index + len(band) < len(rows):
        candidate = rows[index + len(band)]
        if not _continues(band[-1], candidate, filled):
            break
        band.append(candidate)
    return band


def _continues(upper: tuple[int, list[Any]], lower: tuple[int, list[Any]], filled: _Merges) -> bool:
    """`lower` is more header, not data: words only (no amounts, no dates), not the column-number row, and
    either a merged cell joins the two rows, or it names parts under a header spanning several columns while
    leaving blank the place under a header that spans down (STT, "Nội dung")."""
    cells = lower[1]
    written = _written(cells)
    if _is_column_numbers(written) or any(_is_value(cell) for cell in written) or _is_footer(written):
        return False  # ("Tổng" may head a part: "Diện tích (ha)" over "Tổng | Tăng thêm")
    if filled.joins(upper[0], lower[0]):
        return True
    above = upper[1]
    under_span = under_blank = False
    seen_header = False
    for column in range(max(len(cells), len(above))):
        cell = cells[column] if column < len(cells) else None
        over = above[column] if column < len(above) else None
        under_span = under_span or (not _blank(cell) and _blank(over) and seen_header)
        under_blank = under_blank or (_blank(cell) and not _blank(over))
        seen_header = seen_header or not _blank(over)
    return under_span and under_blank


def _flatten(band: list[tuple[int, list[Any]]], filled: _Merges) -> list[list[str]]:
    """Per column, the header texts from top to bottom, a spanning header repeated over each part under it."""
    grid = [[_text(c) for c in filled.cells(number, cells, sideways=True)] for number, cells in band]
    width = max(len(cells) for cells in grid)
    grid = [cells + [""] * (width - len(cells)) for cells in grid]
    for level, cells in enumerate(grid[:-1]):  # a blank over parts: the span of the header to its left
        for column in range(1, width):
            if not cells[column] and cells[column - 1] and any(lower[column] for lower in grid[level + 1:]):
                cells[column] = cells[column - 1]
    parts = []
    for column in range(width):
        texts: list[str] = []
        for cells in grid:
            if cells[column] and cells[column] not in texts:
                texts.append(cells[column])
        parts.append(texts)
    return parts


def _unit_line(band: list[tuple[int, list[Any]]]) -> tuple[str | None, int | None]:
    for number, cells in band:
        for cell in cells:
            found = _UNIT.search(cell) if isinstance(cell, str) else None
            if found:
                return found.group(1).strip().rstrip(".").strip(), number
    return None, None


def _is_column_numbers(written: list[Any]) -> bool:
    """"A | B | 1 | 2 | 3=2/1" or "(1) | (2) | (3) | (4)=(5)+(6)": every filled cell a column label, the letters
    A, B, C... in order and the numbers counting up (a formula counts as the number before its "="), so a data
    row of small numbers or short words ("4 | A | 1") is never taken for it."""
    if len(written) < 2:
        return False
    letters, numbers = [], []
    for cell in written:
        text = _text(cell)
        if not _COLUMN_NUMBER.match(text):
            return False  # most rows stop at their first cell
        label = text.split("=", 1)[0].strip().strip("()")
        (numbers if label.isdigit() else letters).append(int(label) if label.isdigit() else label)
    in_order = letters == [chr(ord("A") + i) for i in range(len(letters))]
    counting = numbers == list(range(numbers[0], numbers[0] + len(numbers))) if numbers else True
    return in_order and counting and (bool(letters) or len(numbers) >= 2)


def _is_footer(written: list[Any]) -> bool:
    first = written[0] if written else None
    if not isinstance(first, str):
        return False
    lowered = first.lower()
    if not (_FOOTER_START.match(lowered) or "ngày" in lowered or "ngay" in lowered):
        return False  # the folded test below costs a hundred times more; names never get there
    return not any(_is_value(c) for c in written) and bool(_FOOTER.search(fold(first)))


def _is_total(written: list[Any]) -> bool:
    """A grand-total line: "Tổng cộng", "Cộng", "TỔNG SỐ" in one of its first written cells."""
    return any(isinstance(c, str) and _TOTAL_START.match(c) and _TOTAL.match(fold(c)) for c in written[:3])


def _is_value(cell: Any) -> bool:
    """An amount or a date: what data rows hold and header rows never do (a year such as 2026 may head a column)."""
    if isinstance(cell, bool) or cell is None:
        return False
    if isinstance(cell, (int, float)):
        return not _YEAR.match(str(cell))
    if isinstance(cell, (date, datetime, time)):
        return True
    text = str(cell).strip()
    return bool(text) and bool(_NUMERIC_TEXT.match(text)) and not _YEAR.match(text)


def _text(cell: Any) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


def _blank(cell: Any) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())
