"""Reading CSV and Excel files into rows, keeping the row numbers the officer sees.

Accepted (design §2, domain §9): UTF-8 with or without BOM, UTF-16 with BOM
(Excel's "Unicode text"), Windows-1258 (decoded to combining marks, then
composed to NFC); `,` `;` or tab as delimiter; `.xlsx` first sheet or a named
one (and `.xls`, `.ods` for the import command). Row 1 is the first line of the
file, as in Excel. A workbook is read as its program shows it: hidden rows and
columns left out and named, a hidden sheet refused.
"""

from __future__ import annotations

import bisect
import csv
import io
import math
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from plugins.issues import INFO, Issue
from plugins.vietnamese.format import number
from plugins.vietnamese.text import nfc

DELIMITERS = ("\t", ";", ",")
MAX_COLUMNS = 200  # official forms have about 20; read-only openpyxl pads every row to the sheet's width
SNIFF_LINES = 30  # the header of a form may come after its title band
MAX_MERGES = 10_000  # a form merges its title and header cells: a few dozen


@dataclass
class RawTable:
    file: str
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)  # (row number, cells), blank rows dropped
    sheet: str | None = None  # the worksheet's name, for an .xlsx
    # merged cells of an .xlsx: (first row, first column, last row, last column), rows as numbered, columns from 0;
    # only the first cell of a merged area holds its value, as in the file
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    # what Excel does not show the officer, left out of `rows` (hidden rows) or blanked in them (hidden columns,
    # from 0), so it is never published nor chosen as a figure; said in a note (`hidden_parts_issues`)
    hidden_rows: list[int] = field(default_factory=list)
    hidden_columns: list[int] = field(default_factory=list)
    # cells holding a formula whose value was never saved ("C12"): read as empty, so the table is refused
    unsaved_formulas: list[str] = field(default_factory=list)
    hidden_columns_used: bool = False
    # .ods cells ("C5") whose text is no rounding of their value (a fraction, a unit with a digit):
    # what LibreOffice shows is not known, so the table is refused
    unshown_numbers: list[str] = field(default_factory=list)
    # the file's own word on its decimal mark: a ";" CSV is written by Vietnamese-locale Excel, whose decimals
    # are commas ("1,250" is 1,25); elsewhere "1,250" might be English thousands
    decimal_comma: bool = False
    # (row, column from 0) of .xlsx cells holding a number typed as text ("1.250" with Text format): Excel's own
    # SUM skips them, so when a sum disagrees the officer is told they may be why
    text_numbers: set[tuple[int, int]] = field(default_factory=set)


class Unreadable(ValueError):
    pass


class TooLarge(Unreadable):
    """Past one of the limits (plugins/disclosures/files.py `Limits`)."""


def check_zip(path: Path, max_unpacked: int) -> None:
    """An .xlsx or .docx is a zip: refuse one that unpacks past the limit before anything inflates it."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise Unreadable(f"không mở được tệp (không phải tệp Office hợp lệ: {type(exc).__name__}).") from exc
    if unpacked > max_unpacked:
        raise TooLarge(f"tệp giải nén ra {unpacked:,} byte, quá giới hạn {max_unpacked:,} byte.".replace(",", "."))


def sheet_file(file: str, sheet: str) -> str:
    """How issues name a table in a workbook: the file and the sheet, since a workbook holds several forms."""
    return f'{file} [trang tính "{sheet}"]'


def decode(data: bytes) -> str:
    """Bytes of a text table -> NFC text, trying the encodings Vietnamese Excel writes."""
    if data.startswith(b"\xef\xbb\xbf"):
        return nfc(data[3:].decode("utf-8"))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return nfc(data.decode("utf-16"))
    if len(data) > 1 and data[1:2] == b"\x00" and data[0:1] != b"\x00":
        return nfc(data.decode("utf-16-le"))  # UTF-16 whose BOM was lost on the way
    try:
        return nfc(data.decode("utf-8"))
    except UnicodeDecodeError:
        return nfc(data.decode("cp1258"))


def sniff_delimiter(text: str) -> str:
    """The delimiter used most often outside quotes in the first lines (a form's title line above the header
    may hold none); ties prefer tab, then ;."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for line in text.split("\n", SNIFF_LINES)[:SNIFF_LINES]:
        for ch in line:
            if ch == '"':
                quoted = not quoted
            elif not quoted and ch in counts:
                counts[ch] += 1
    return max(DELIMITERS, key=lambda d: counts[d])


def read_csv_text(text: str, file: str, max_rows: int | None = None) -> RawTable:
    if any(ord(ch) < 32 and ch not in "\t\r\n" for ch in text[:4096]) or "\x00" in text:
        raise Unreadable("tệp có ký tự nhị phân: đây không phải là bảng CSV (có thể là tệp Excel, ảnh hoặc tệp "
                         "khác bị đổi đuôi thành .csv).")
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    table = RawTable(file, decimal_comma=delimiter == ";")
    for cells in reader:
        cells = [cell.strip() for cell in cells]
        if any(cells):
            table.rows.append((reader.line_num, cells))
            _count(table, max_rows)
    return table


def _count(table: RawTable, max_rows: int | None) -> None:
    if max_rows is not None and len(table.rows) > max_rows:
        raise TooLarge(f"bảng có hơn {max_rows:,} dòng, quá giới hạn.".replace(",", "."))


def read_xlsx(path: Path, file: str, sheet: str | None, max_rows: int | None = None) -> RawTable:
    """The sheet as Excel shows it: each value as saved (a formula's last result), floats to the 15 digits
    Excel keeps (no "218,20000000000002"), hidden rows left out and hidden columns blanked."""
    from zipfile import BadZipFile

    from openpyxl import load_workbook  # imported here: CSV-only communes never pay for it
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (BadZipFile, InvalidFileException, KeyError, ValueError) as exc:  # what a damaged .xlsx raises
        raise Unreadable(f"không mở được tệp Excel ({type(exc).__name__}).") from exc
    try:
        if sheet is not None and sheet not in workbook.sheetnames:
            raise Unreadable(f'không có trang tính "{sheet}"; các trang tính: {", ".join(workbook.sheetnames)}.')
        visible = [s for s in workbook.worksheets if s.sheet_state == "visible"] or workbook.worksheets
        worksheet = workbook[sheet] if sheet else visible[0]
        if worksheet.sheet_state != "visible":
            raise Unreadable(f'trang tính "{worksheet.title}" đang bị ẩn trong Excel, nên người lập biểu không thấy '
                             "nó khi kiểm tra: không đăng.")
        table = RawTable(sheet_file(file, worksheet.title), sheet=worksheet.title)
        if (worksheet.max_column or 0) > MAX_COLUMNS:
            raise TooLarge(f"trang tính có {worksheet.max_column} cột, quá giới hạn {MAX_COLUMNS} cột.")
        _read_sheet_xml(worksheet, table)
        hidden_rows = set(table.hidden_rows)
        table.hidden_rows = []  # from here: the hidden rows that held something, which the note names
        table.hidden_columns = sorted(set(table.hidden_columns))
        for number, row in enumerate(worksheet.iter_rows(), start=1):
            cells = [_as_shown(c.value, c) for c in row]
            held = _keep_shown(table, number, cells, number in hidden_rows)
            table.text_numbers.update((number, index) for index, cell in enumerate(cells)
                                      if cell.__class__ is str and cell[:1] in _DIGIT_STARTS and _TEXT_NUMBER.match(cell))
            if held:
                if number not in hidden_rows:
                    _count(table, max_rows)
            elif max_rows is not None and number > 4 * max_rows:  # blank rows are read too: bound them
                break
        if not table.hidden_columns_used:
            table.hidden_columns = []
        return table
    finally:
        workbook.close()


_TEXT_NUMBER = re.compile(r"^-?\d[\d.,]*$")
_DIGIT_STARTS = frozenset("-0123456789")
SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _as_shown(value: Any, cell: Any = None) -> Any:
    """A cell's value as Excel shows it: a number with the decimals its format shows ("0.00" shows 1/3 as 0,33;
    "0.0%" shows 0.973 as 97,3; "#,##0," shows 1234567 in thousands, as 1.235), else with the 15 significant
    digits Excel keeps; text composed (NFC)."""
    kind = value.__class__
    if kind is str:
        return nfc(value.strip())
    if kind is float or kind is int:
        number_format = getattr(cell, "number_format", "General")
        decimals, percent, thousands = (None, False, 0) if number_format == "General" else \
            shown_format(number_format or "General", value < 0)
        if decimals is not None or percent:
            if kind is float and not math.isfinite(value):
                return value
            shown = Decimal(repr(value)).scaleb(2 if percent else -3 * thousands)
            return shown.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP) if decimals is not None else shown
        if kind is float and len(repr(value)) > 16 and math.isfinite(value):  # "218.20000000000002": 17 digits
            return float(f"{value:.15g}")  # Excel keeps 15 significant digits: 0.12999999999999998 is 0.13
    return value


_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')


_SCALING_COMMAS = re.compile(r"(?<=[0#?]),+(?![0#?])")  # after a digit placeholder and before none: x 1/1000 each


@lru_cache(maxsize=512)
def shown_format(number_format: str, negative: bool = False) -> tuple[int | None, bool, int]:
    """(decimals shown, percent, thousands) of an Excel number format: "#,##0.00" -> (2, False, 0), "0.0%" ->
    (1, True, 0), "#,##0" -> (0, False, 0), "#,##0," (shown in thousands) -> (0, False, 1), "#,##0.0,," (in
    millions) -> (1, False, 2), "General" or a text or date format -> (None, False, 0). The first section
    decides, or for a `negative` number the second when there is one ("#,##0.00;(#,##0)" shows -1234,5 as
    (1.235)); quoted text, escapes and [colour] parts are not placeholders; a comma between placeholders only
    separates thousands."""
    sections = number_format.split(";")
    section = _QUOTED.sub("", sections[1] if negative and len(sections) > 1 and sections[1].strip() else sections[0])
    lowered = section.strip().lower()
    if lowered in ("general", "@", "") or any(ch in lowered for ch in "dmyhse"):  # dates, times, 1,23E+10
        return None, False, 0
    percent = "%" in section
    whole, dot, fraction = section.partition(".")
    if not any(ch in whole + fraction for ch in "0#?"):
        return None, percent, 0
    thousands = sum(len(commas) for commas in _SCALING_COMMAS.findall(section))
    return (len(re.match(r"[0#?]*", fraction).group()) if dot else 0), percent, thousands


def _read_sheet_xml(worksheet, table: RawTable) -> None:
    """What openpyxl's streaming reader leaves out, in one bounded streaming pass over the sheet's XML: its
    merged areas (<mergeCell ref="A3:A4"/>), hidden rows (<row hidden="1">) and columns (<col hidden="1">),
    and formulas with no saved value (<c><f>..</f></c> without <v>), as a program that never computed the
    workbook writes them."""
    from xml.etree.ElementTree import iterparse

    from openpyxl.utils.cell import range_boundaries

    source = worksheet._get_source()  # the one way into a read-only sheet's XML; openpyxl closes nothing here
    cell, row, col, merge, formula_tag, value_tag = (f"{{{SHEET_NS}}}{tag}" for tag in ("c", "row", "col", "mergeCell",
                                                                                          "f", "v"))
    formula = value = False  # of the cell being read: its <f> and <v> end before it does
    try:
        for _, element in iterparse(source):
            tag = element.tag
            if tag == value_tag:
                value = bool((element.text or "").strip())
            elif tag == formula_tag:
                formula = True
            elif tag == cell:
                if formula and not value and len(table.unsaved_formulas) < 50:
                    table.unsaved_formulas.append(element.get("r", "?"))
                formula = value = False
            elif tag == row:
                if element.get("hidden") in ("1", "true"):
                    table.hidden_rows.append(int(element.get("r", "0")))
            elif tag == col:
                if element.get("hidden") in ("1", "true"):
                    first, last = int(element.get("min", "1")), min(int(element.get("max", "1")), MAX_COLUMNS)
                    table.hidden_columns += range(first - 1, last)
            elif tag == merge and len(table.merges) < MAX_MERGES:
                first_col, first_row, last_col, last_row = range_boundaries(element.get("ref", ""))
                table.merges.append((first_row, first_col - 1, last_row, min(last_col, MAX_COLUMNS) - 1))
            element.clear()
    except (ValueError, TypeError, SyntaxError):  # a damaged or odd ref: the cells were read, the rest is a help
        return
    finally:
        source.close()


def read_xls(path: Path, file: str, sheet: str | None) -> RawTable:
    """Old Excel (.xls, for the import command) as Excel shows it, like an .xlsx: xlrd (which comes with
    csvkit) with the file's formatting, so numbers keep the decimals their format shows, an error cell reads
    as its text ("#DIV/0!", never its code as a number), dates come from serials, a hidden sheet is refused
    and hidden rows and columns are left out (named in a note)."""
    import xlrd

    try:
        book = xlrd.open_workbook(str(path), formatting_info=True)
    except Exception as exc:  # xlrd raises struct, index and assertion errors of its own on a damaged file
        raise Unreadable(f"không mở được tệp Excel cũ ({type(exc).__name__}: {exc}).") from exc
    if sheet is not None and sheet not in book.sheet_names():
        raise Unreadable(f'không có trang tính "{sheet}"; các trang tính: {", ".join(book.sheet_names())}.')
    visible = [s for s in book.sheets() if s.visibility == 0] or book.sheets()
    worksheet = book.sheet_by_name(sheet) if sheet else visible[0]
    if worksheet.visibility != 0:
        raise Unreadable(f'trang tính "{worksheet.name}" đang bị ẩn trong Excel, nên người lập biểu không thấy '
                         "nó khi kiểm tra: không đăng.")
    table = RawTable(sheet_file(file, worksheet.name), sheet=worksheet.name)
    table.hidden_columns = sorted(c for c, info in worksheet.colinfo_map.items() if info.hidden and c < MAX_COLUMNS)
    hidden_rows = {r for r, info in worksheet.rowinfo_map.items() if info.hidden}
    for index in range(worksheet.nrows):
        cells = [_xls_shown(cell, book) for cell in worksheet.row(index)[:MAX_COLUMNS]]
        _keep_shown(table, index + 1, cells, index in hidden_rows)
    if not table.hidden_columns_used:
        table.hidden_columns = []
    return table


class _Format(NamedTuple):
    number_format: str  # what `_as_shown` reads of an .xlsx cell


def _xls_shown(cell, book) -> Any:
    """An .xls cell's value as Excel shows it."""
    import xlrd

    kind = cell.ctype
    if kind == xlrd.XL_CELL_DATE:
        return xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
    if kind == xlrd.XL_CELL_TEXT:
        return nfc(cell.value.strip())
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    if kind == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(cell.value, "#LỖI")
    if kind == xlrd.XL_CELL_NUMBER:
        shown = book.format_map.get(book.xf_list[cell.xf_index].format_key) if cell.xf_index is not None else None
        return _as_shown(cell.value, _Format(shown.format_str if shown else "General"))
    return cell.value  # a boolean, as Excel's 0 or 1


def _keep_shown(table: RawTable, number: int, cells: list, hidden: bool) -> bool:
    """Row `number` of a workbook's sheet, as its cells read: blanked in its hidden columns (`table.hidden_columns`,
    sorted) and kept, or named as a hidden row; dropped when blank. True when it held something."""
    if table.hidden_columns:
        hidden_cells = [i for i in table.hidden_columns if i < len(cells)]
        if any(cells[i] not in (None, "") for i in hidden_cells):
            table.hidden_columns_used = True
            for i in hidden_cells:
                cells[i] = None
    if not any(c not in (None, "") for c in cells):
        return False
    if hidden:
        table.hidden_rows.append(number)
    else:
        table.rows.append((number, cells))
    return True


def read_ods(path: Path, file: str, sheet: str | None, max_rows: int | None = None) -> RawTable:
    """LibreOffice/OpenOffice (.ods, for the import command): python-calamine (Rust's calamine), which reads the
    values as saved, the merged areas and which sheets are hidden; what it does not tell, from the sheet's own
    XML (`_ods_layouts`): the hidden rows and columns, left out as in an .xlsx, the text each number was
    shown as, whose decimals it keeps (`_ods_shown`), formulas with no saved value (refused, as in an
    .xlsx), and how far the cells reach once repeated: a few bytes
    may repeat a cell over millions of rows, which calamine would build in memory, so a sheet larger than the
    bounds is refused before calamine reads it. Rows are numbered from the sheet's top."""
    from python_calamine import CalamineError, CalamineWorkbook

    layouts = _ods_layouts(path, max_rows)
    try:
        book = CalamineWorkbook.from_path(str(path))
        visible = [m.name for m in book.sheets_metadata if str(m.visible).endswith("Visible")] or book.sheet_names
        if not visible:
            raise Unreadable("tệp .ods không có trang tính nào.")
        if sheet is not None and sheet not in book.sheet_names:
            raise Unreadable(f'không có trang tính "{sheet}"; các trang tính: {", ".join(book.sheet_names)}.')
        if sheet is not None and sheet not in visible:
            raise Unreadable(f'trang tính "{sheet}" đang bị ẩn nên người lập biểu không thấy nó khi kiểm tra: không đăng.')
        worksheet = book.get_sheet_by_name(sheet or visible[0])
        layout = layouts.get(worksheet.name) or _OdsLayout([], [], [], 0, 0, [])
        grid = worksheet.to_python(skip_empty_area=False)
        merges = worksheet.merged_cell_ranges or []
    except CalamineError as exc:
        raise Unreadable(f"{DAMAGED_ODS} (chi tiết: {exc}).") from exc
    # copies: the layouts are kept for the next sheet of the same file
    table = RawTable(sheet_file(file, worksheet.name), sheet=worksheet.name,
                     unsaved_formulas=list(layout.unsaved_formulas))
    table.hidden_columns = list(layout.hidden_columns)
    for index, values in enumerate(grid, start=1):
        texts = {column: text for first, last, text in _in_run(layout.shown_runs, index) or ()
                 for column in range(first, last + 1)}  # at most MAX_COLUMNS
        cells = [None if v in ("", None) else _ods_shown(v, texts.get(column))
                 for column, v in enumerate(values[:MAX_COLUMNS])]
        hidden = _in_run(layout.hidden_runs, index) is not None
        for column in [c for c, cell in enumerate(cells) if cell is _NOT_SHOWN_ALIKE]:
            cells[column] = values[column]  # as saved, in a table refused (unless the row is hidden: left out)
            if not hidden and column not in table.hidden_columns and len(table.unshown_numbers) < 50:
                table.unshown_numbers.append(f"{_column_letter(column)}{index}")
        _keep_shown(table, index, cells, hidden)
    if not table.hidden_columns_used:
        table.hidden_columns = []
    table.merges = [(top + 1, left, bottom + 1, min(right, MAX_COLUMNS - 1)) for (top, left), (bottom, right) in merges]
    return table


ODS_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
ODS_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
ODS_NUMBERS = frozenset({"float", "percentage", "currency"})  # value types calamine gives as numbers
DAMAGED_ODS = "không mở được tệp .ods: tệp hỏng, hoặc không phải bảng LibreOffice/OpenOffice"


class _OdsLayout(NamedTuple):
    """What LibreOffice shows of a sheet beyond its values: runs of rows (first, last, what), in order; and how
    far its cells reach once their repeats are counted out, which calamine would build in memory."""

    hidden_runs: list[tuple[int, int, bool]]  # rows not shown (hidden, or filtered out)
    hidden_columns: list[int]  # from 0
    shown_runs: list[tuple[int, int, list[tuple[int, int, str]]]]  # each number's text: (first, last column, text)
    last_row: int  # the last row holding a cell, numbered from 1
    width: int  # the columns up to the last that holds a cell in any row
    unsaved_formulas: list[str]  # cells ("C12") with a formula and no value: a file no program computed


CELLS_PER_ROW = 20  # an official form's columns: with `max_rows`, the cells a sheet may hold once repeated


def _bound_ods(layout: _OdsLayout, max_rows: int | None) -> None:
    """Refuse a sheet whose repeated cells reach past the bounds, before anything is built from them."""
    if layout.width > MAX_COLUMNS:
        raise TooLarge(f"trang tính có dữ liệu tới cột thứ {number(layout.width)}, quá giới hạn {MAX_COLUMNS} cột.")
    if max_rows is not None and (layout.last_row > 4 * max_rows
                                 or layout.last_row * layout.width > CELLS_PER_ROW * max_rows):
        raise TooLarge(f"trang tính có dữ liệu tới dòng {number(layout.last_row)} và cột thứ {layout.width} (kể cả các "
                       f"ô lặp lại), quá giới hạn {number(max_rows)} dòng.")


def _in_run(runs: list, row: int) -> Any:
    """What the run holding `row` says (its third part), None when no run holds it."""
    at = bisect.bisect_right(runs, (row, math.inf)) - 1
    return runs[at][2] if at >= 0 and runs[at][0] <= row <= runs[at][1] else None


def _ods_layouts(path: Path, max_rows: int | None) -> dict[str, _OdsLayout]:
    """`_ods_layouts_of` the file as it is now: `make import` lists the sheets, then reads each, and the
    file's XML was streamed once for the list and once more for every sheet."""
    info = path.stat()
    return _ods_layouts_of(str(path), (info.st_size, info.st_mtime_ns, info.st_ino), max_rows)


@lru_cache(maxsize=4)
def _ods_layouts_of(path: str, _stamp: tuple[int, int, int], max_rows: int | None) -> dict[str, _OdsLayout]:
    """Every sheet's `_OdsLayout`, by name, in one streaming pass over content.xml, whose size the caller
    bounded (`check_zip`); a sheet whose repeated cells reach past the bounds is refused here (`_bound_ods`),
    before calamine, which builds every cell of every sheet as it opens the file, is asked anything. Rows,
    columns and cells may stand in groups and repeat ("number-rows-repeated", "number-columns-repeated"): a run
    is one entry, however long, so what is kept is bounded by the XML."""
    import zipfile
    from xml.etree.ElementTree import ParseError, iterparse

    table, row, column, cell, covered = (f"{{{ODS_TABLE}}}{tag}" for tag in (
        "table", "table-row", "table-column", "table-cell", "covered-table-cell"))
    name, visibility = f"{{{ODS_TABLE}}}name", f"{{{ODS_TABLE}}}visibility"
    rows_repeated, columns_repeated = f"{{{ODS_TABLE}}}number-rows-repeated", f"{{{ODS_TABLE}}}number-columns-repeated"
    value_type, formula = f"{{{ODS_OFFICE}}}value-type", f"{{{ODS_TABLE}}}formula"
    layouts: dict[str, _OdsLayout] = {}
    layout = _OdsLayout([], [], [], 0, 0, [])  # of the sheet being read
    sheet, rows_seen, columns_seen = None, 0, 0
    row_first = row_last = at_column = row_width = last_row = width = 0
    row_texts: list[tuple[int, int, str]] = []
    try:
        with zipfile.ZipFile(path) as archive, archive.open("content.xml") as source:
            for event, element in iterparse(source, events=("start", "end")):
                tag = element.tag
                inside = sheet is not None
                if event == "end":
                    if tag == table and inside:
                        layouts[sheet], sheet = layout._replace(last_row=last_row, width=width), None
                    elif inside and tag in (cell, covered):
                        count = max(1, int(element.get(columns_repeated, "1")))
                        if element.get(value_type) in ODS_NUMBERS and at_column < MAX_COLUMNS:
                            text = "".join(element.itertext())
                            row_texts.append((at_column, min(at_column + count, MAX_COLUMNS) - 1, text))
                        elif element.get(formula) and element.get(value_type) is None \
                                and at_column < MAX_COLUMNS and len(layout.unsaved_formulas) < 50:
                            layout.unsaved_formulas.append(f"{_column_letter(at_column)}{row_first}")
                        at_column += count
                        if element.get(value_type) is not None or len(element):  # holds a value or a text
                            row_width = at_column
                    elif inside and tag == row:
                        if row_texts:
                            layout.shown_runs.append((row_first, row_last, row_texts))
                        if row_width:
                            last_row, width = row_last, max(width, row_width)
                    if tag in (table, row, column, cell, covered) or not inside:
                        element.clear()
                elif tag == table:
                    sheet, rows_seen, columns_seen, last_row, width = element.get(name, ""), 0, 0, 0, 0
                    layout = _OdsLayout([], [], [], 0, 0, [])
                elif inside and tag == row:
                    count = max(1, int(element.get(rows_repeated, "1")))
                    row_first, row_last, at_column, row_width, row_texts = rows_seen + 1, rows_seen + count, 0, 0, []
                    if element.get(visibility, "visible") != "visible":
                        layout.hidden_runs.append((row_first, row_last, True))
                    rows_seen += count
                elif inside and tag == column:
                    count = max(1, int(element.get(columns_repeated, "1")))
                    if element.get(visibility, "visible") != "visible":
                        layout.hidden_columns.extend(range(columns_seen, min(columns_seen + count, MAX_COLUMNS)))
                    columns_seen = min(columns_seen + count, MAX_COLUMNS)
    except (KeyError, ValueError, ParseError, zipfile.BadZipFile) as exc:
        raise Unreadable(f"{DAMAGED_ODS} ({type(exc).__name__}).") from exc
    for layout in layouts.values():
        _bound_ods(layout, max_rows)
    return layouts


_DIGITS = re.compile(r"[0-9]")


def _ods_shown(value: Any, text: str | None) -> Any:
    """An .ods number as LibreOffice showed it (`text`): with the decimals of that text ("0,33" for 1/3, "97,3%"
    for 0.973, "1.234,50 ₫"), found as the rounding of the value whose digits the text shows, so the
    separators of any language read alike; the value as it is first, then in thousands and millions ("1.235"
    for 1,234,567), as an .xlsx format may show it. A text that is no rounding of the value (a fraction, a
    unit with a digit after it) is `_NOT_SHOWN_ALIKE`: what was shown cannot be told from the value. Without a
    text (a file written by another program) or in scientific notation, the value as `_as_shown` keeps a
    number of the General format."""
    kind = value.__class__
    digits = "".join(_DIGITS.findall(text or ""))
    if not (kind is float or kind is int) or not digits or "e" in text.lower() \
            or (kind is float and not math.isfinite(value)):
        return _as_shown(value)
    for scale in (2,) if "%" in text else (0, -3, -6):  # a percentage; as it is, in thousands, in millions
        exact = Decimal(repr(value)).scaleb(scale)
        for decimals in range(min(len(digits), 20) + 1):
            shown = exact.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
            if "".join(_DIGITS.findall(f"{abs(shown):f}")) == digits:
                return shown
    return _NOT_SHOWN_ALIKE


_NOT_SHOWN_ALIKE = object()  # `_ods_shown`: the cell's text is no rounding of its value


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def sheet_names(path: Path, limits: Any = None) -> list[str | None]:
    """The worksheets of an .xlsx, .xls or .ods, in order; [None] for a text table or a workbook that does not
    open or is past `limits` (read_table then reports why)."""
    from zipfile import BadZipFile

    suffix = path.suffix.lower()
    try:
        if suffix == ".xlsx":
            from openpyxl import load_workbook
            from openpyxl.utils.exceptions import InvalidFileException

            try:
                if limits:
                    check_zip(path, limits.xlsx_unpacked_bytes)  # openpyxl reads the styles whole, even read-only
                workbook = load_workbook(path, read_only=True)
            except (InvalidFileException, Unreadable):
                return [None]
            try:
                return list(workbook.sheetnames)
            finally:
                workbook.close()
        if suffix == ".ods":
            from python_calamine import CalamineError, CalamineWorkbook

            try:
                if limits:
                    check_zip(path, limits.xlsx_unpacked_bytes)
                _ods_layouts(path, limits.table_rows if limits else None)  # bounded before calamine builds them
                book = CalamineWorkbook.from_path(str(path))
            except (CalamineError, Unreadable):
                return [None]
            return [m.name for m in book.sheets_metadata if str(m.visible).endswith("Visible")] or [None]
        if suffix == ".xls":
            import xlrd

            try:
                return list(xlrd.open_workbook(str(path), on_demand=True).sheet_names())
            except xlrd.XLRDError:
                return [None]
    except (BadZipFile, KeyError, ValueError, OSError):
        return [None]
    return [None]


FORMAT_NAMES = {"xls": "bảng Excel kiểu cũ (.xls, Excel 97-2003)",
                "ods": "bảng LibreOffice/OpenOffice (.ods)"}


def content_type(path: Path) -> str | None:
    """"xls" or "ods" by what the file holds, whatever its name says: Excel 97-2003 files start with the OLE2
    signature, OpenDocument files are zips whose first entry names their type."""
    with path.open("rb") as handle:
        head = handle.read(128)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "xls"
    if head.startswith(b"PK\x03\x04") and b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet" in head:
        return "ods"
    return None


def _first_few(items: list) -> str:
    """The first dozen of many cells or rows, for one message: "C2, C3, ..."."""
    return ", ".join(map(str, items[:12])) + (" ..." if len(items) > 12 else "")


def hidden_parts_issues(table: RawTable) -> list[Issue]:
    """What the sheet holds that Excel does not show: formulas never computed (refused: their cells would read
    empty, a total as "—"), hidden rows and columns (left out, named so the officer knows)."""
    issues = []
    if table.unsaved_formulas:
        issues.append(Issue(code="cong-thuc-chua-co-gia-tri", file=table.file,
                            message=f"các ô {_first_few(table.unsaved_formulas)} có công thức nhưng tệp chưa lưu kết "
                                    "quả của công thức (tệp do phần mềm khác tạo, chưa từng mở bằng Excel), nên không "
                                    "biết số Excel sẽ hiện.",
                            hint="Mở tệp bằng Excel (hoặc LibreOffice), để chương trình tính xong, rồi bấm Lưu; hoặc "
                                 "chép rồi dán giá trị (Paste Values) vào các ô đó."))
    if table.unshown_numbers:
        issues.append(Issue(code="so-hien-khac-gia-tri", file=table.file,
                            message=f"các ô {_first_few(table.unshown_numbers)} hiện ra một số khác với giá trị lưu "
                                    "trong tệp (ví dụ phân số, hoặc đơn vị có chữ số kèm theo), nên không biết đăng số "
                                    "nào.",
                            hint="Trong LibreOffice chọn các ô đó, Định dạng ô (Format Cells) > Số (Number) với số chữ "
                                 "số thập phân cần hiện, rồi lưu lại; đơn vị (nghìn đồng, ha) ghi ở tiêu đề cột."))
    if table.hidden_rows:
        issues.append(Issue(code="phan-an-khong-dang", file=table.file, line=table.hidden_rows[0], severity=INFO,
                            message=f"các dòng {_first_few(table.hidden_rows)} đang bị ẩn trong Excel: không đăng, "
                                    "không cộng vào số liệu.",
                            hint="Không cần sửa nếu đó là bản nháp. Nếu cần đăng, bỏ ẩn các dòng đó (Unhide) rồi lưu."))
    if table.hidden_columns:
        shown = ", ".join(_column_letter(c) for c in table.hidden_columns[:12])
        issues.append(Issue(code="phan-an-khong-dang", file=table.file, severity=INFO,
                            message=f"các cột {shown} đang bị ẩn trong Excel: không đăng, không dùng làm số liệu.",
                            hint="Không cần sửa nếu đó là bản nháp. Nếu cần đăng, bỏ ẩn các cột đó (Unhide) rồi lưu."))
    return issues


def read_table(path: Path, file: str, sheet: str | None = None, limits: Any = None) -> tuple[RawTable | None, list[Issue]]:
    """Read `path` (shown to officers as `file`); return the rows or the reason it cannot be read.
    `limits` (a `Limits`) bounds the bytes, the unpacked size and the rows; None reads anything."""
    max_rows = limits.table_rows if limits else None
    try:
        size = path.stat().st_size
        if limits and size > limits.table_bytes:
            raise TooLarge(f"tệp nặng {size:,} byte, quá giới hạn {limits.table_bytes:,} byte.".replace(",", "."))
        actual = content_type(path)
        if actual in ("xls", "ods") and path.suffix.lower() != f".{actual}":
            raise Unreadable(f"tệp có đuôi {path.suffix or '(không có)'} nhưng thật ra là {FORMAT_NAMES[actual]}.")
        if actual == "ods":
            if limits:
                check_zip(path, limits.xlsx_unpacked_bytes)
            table = read_ods(path, file, sheet, max_rows)
            return (None if table.unshown_numbers or table.unsaved_formulas else table), hidden_parts_issues(table)
        if path.suffix.lower() == ".xlsx":
            if limits:
                check_zip(path, limits.xlsx_unpacked_bytes)
            table = read_xlsx(path, file, sheet, max_rows)
            return (None if table.unsaved_formulas else table), hidden_parts_issues(table)
        if path.suffix.lower() == ".xls":
            table = read_xls(path, file, sheet)
            return table, hidden_parts_issues(table)
        return read_csv_text(decode(path.read_bytes()), file, max_rows), []
    except TooLarge as exc:
        return None, [Issue(code="tep-qua-lon", file=file, message=str(exc),
                            hint="Chia bảng thành nhiều tệp nhỏ hơn, hoặc nhờ người quản trị nâng giới hạn CKX_LIMITS "
                                 "(xem docs/an-toan.md).")]
    except csv.Error:
        return None, [Issue(code="tep-khong-doc-duoc", file=file,
                            message="có một ô dài quá mức, thường do một dấu ngoặc kép (\") mở mà không đóng.",
                            hint="Mở tệp bằng Excel, tìm ô có dấu ngoặc kép, sửa rồi lưu lại dạng CSV UTF-8.")]
    except (Unreadable, UnicodeDecodeError, OSError) as exc:
        message = str(exc) if isinstance(exc, Unreadable) else "không đọc được tệp: nội dung không phải là bảng CSV."
        return None, [Issue(code="tep-khong-doc-duoc", file=file, message=message,
                            hint="Mở tệp bằng Excel và lưu lại dưới dạng .xlsx hoặc CSV UTF-8.")]
