"""Matching a table's headers to a kind's columns and converting every cell.

A schema lists the columns a kind publishes. Only those columns ever reach the
output: an unknown column is refused (it may hold personal data nobody
checked), and one whose header names personal data is refused citing the rule.
Schemas export as Frictionless Table Schema so the same description can ship
in a datapackage.json.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from plugins.issues import INFO, WARNING, Issue
from plugins.issues.text import control_character_issues
from plugins.privacy.rules import HINT, NO_OFFICIAL, RULE, Official, message, personal_column, personal_data
from plugins.tables.form import HEADER_SEARCH_ROWS, Form, SetAside, heading_text, read_form
from plugins.tables.read import RawTable
from plugins.vietnamese.parse import ParseError, parse_date, parse_date_or_days, parse_number, parse_time
from plugins.vietnamese.text import fold

# "date_or_days": a date, or the days of a month as a month table writes them ("Ngày 01; 08; 15 (Thứ 5)")
NONE: frozenset[str] = frozenset()
PARSERS = {"number": parse_number, "date": parse_date, "time": parse_time, "date_or_days": parse_date_or_days}
FRICTIONLESS_TYPES = {"string": "string", "number": "number", "integer": "integer", "date": "date", "time": "time",
                      "date_or_days": "string"}


@dataclass(frozen=True)
class Under:
    """A column an official form names by a common word under a group header: "Tổng số" under "Số hồ sơ
    đang giải quyết" is the records in progress, "Quá hạn" there the late ones still in progress (while
    "Quá hạn" under "Số hồ sơ đã giải quyết", or alone, is the late resolved ones)."""

    groups: tuple[str, ...]  # the group header's spellings, at any row above
    names: tuple[str, ...]  # what the lowest header row says under it

    def holds(self, parts: list[str]) -> bool:
        return (len(parts) > 1 and fold(parts[-1]) in _spellings(self.names[0], self.names[1:])
                and any(fold(part) in _spellings(self.groups[0], self.groups[1:]) for part in parts[:-1]))


@dataclass(frozen=True)
class Column:
    name: str  # the official Vietnamese header: "Dự toán"
    key: str  # the field name in data and downloads: "du_toan"
    type: str = "string"  # string | number | integer | date | time
    required: bool = True  # the column must be in the table
    not_empty: bool = False  # every row must fill it
    aliases: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()  # "Dự toán năm 2026" is still "Dự toán"
    percent: bool = False  # a header with "%" belongs here ("Thực hiện so với dự toán (%)")
    description: str = ""
    repeats: bool = False  # a form may hold it several times: "Dự toán" for NSNN and for the commune
    base: str = ""  # for a repeat: the key of the column it repeats ("du_toan" for "du_toan_2")
    # A form may give this column as one column per value, marked "x" ("Hộ nghèo | Hộ cận nghèo"): the value
    # a header names, or None. The row's value is the one its mark is under.
    marks: Callable[[str], str | None] | None = None
    under: tuple[Under, ...] = ()  # its names under a group header of a form of several header rows

    def matches(self, header: str) -> bool:
        return fold(header) in _spellings(self.name, self.aliases)

    def matches_prefix(self, header: str) -> bool:
        folded = fold(header)
        return any(folded.startswith(fold(p)) for p in self.prefixes)


@lru_cache(maxsize=1024)
def _spellings(name: str, aliases: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold(s) for s in (name, *aliases))


@dataclass(frozen=True)
class TableSchema:
    columns: tuple[Column, ...]
    keeps_totals: bool = False  # grand-total lines stay among the rows (the budget's hierarchy sums them)
    sections: bool = False  # a text alone on its row heads the rows under it ("I. Thôn Đồng Bến"): Row.section

    def column_for(self, header: str) -> Column | None:
        """Exact name or alias first, then a percent column for a header with "%", then prefixes."""
        return _column_for(self, header)

    def _column_for(self, header: str) -> Column | None:
        exact = next((c for c in self.columns if c.matches(header)), None)
        if exact or not header:
            return exact
        if "%" in header:
            return next((c for c in self.columns if c.percent), None)
        return next((c for c in self.columns if c.matches_prefix(header)), None)

    def mark_for(self, parts: list[str]) -> tuple[Column, str] | None:
        """A column of marks: (the schema column, the value a mark in it means), from its lowest header part."""
        for column in self.columns:
            value = column.marks(parts[-1]) if column.marks and parts else None
            if value is not None:
                return column, value
        return None

    def column_for_parts(self, parts: list[str]) -> Column | None:
        """A header of several rows: a column named under its group first (`Column.under`), a comparison when
        any part says so, else the lowest part that names a
        column ("Số liệu năm 2026" over "Dự toán"), else the parts read as one ("Dự toán năm 2026" over "Tổng số")."""
        grouped = next((c for c in self.columns if any(u.holds(parts) for u in c.under)), None)
        if grouped is not None:
            return grouped  # "Quá hạn" under "Số hồ sơ đang giải quyết": the group decides
        compared = next((c for c in self.columns if c.percent), None)
        if compared is not None and any("%" in p or compared.matches(p) or compared.matches_prefix(p) for p in parts):
            return compared  # "So sánh (%)" over "Dự toán | Cùng kỳ": ratios, never the amounts they name
        for part in reversed(parts):
            column = self.column_for(part)
            if column is not None:
                return column
        return self.column_for(" ".join(parts)) if len(parts) > 1 else None

    def to_frictionless(self) -> dict:
        """The Table Schema (specs.frictionlessdata.io) of the published CSV."""
        return {"fields": [
            {"name": c.key, "title": c.name, "type": FRICTIONLESS_TYPES[c.type],
             **({"description": c.description} if c.description else {}),
             **({"constraints": {"required": True}} if c.not_empty else {})}
            for c in self.columns
        ]}


@lru_cache(maxsize=8192)
def _column_for(schema: TableSchema, header: str) -> Column | None:
    """Memoised: the header search asks about the same texts across a commune's many tables."""
    return schema._column_for(header)


@dataclass
class Row:
    number: int  # as the spreadsheet shows it
    values: dict[str, Any]  # column key -> converted value (None for empty)
    unreadable: frozenset[str] = frozenset()  # keys whose cell was filled but could not be read (already reported)
    total: bool = False  # a grand-total line ("Tổng cộng")
    section: str | None = None  # the heading the row is under, when the schema has sections
    as_text: frozenset[str] = frozenset()  # keys whose .xlsx cell held a number typed as text (Excel's SUM skips it)


@dataclass
class Table:
    file: str
    columns: list[Column]  # the schema columns present, in file order
    rows: list[Row] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)  # column key -> header as written ("Dự toán năm 2026")
    source: list[list[Any]] = field(default_factory=list)  # header then data rows as read, checked columns only
    sheet: str | None = None  # the .xlsx sheet it came from
    header_row: int = 1
    unit: str | None = None  # the form's unit line ("Đơn vị tính: triệu đồng"), as the site writes it
    unit_written: str | None = None
    unit_row: int | None = None
    totals: list[Row] = field(default_factory=list)  # grand-total lines, when the schema does not keep them
    sections: list[tuple[int, str]] = field(default_factory=list)  # (row, heading) when the schema has sections

    def empty_cells(self, row: Row, keys) -> list[Issue]:
        """The cells of `keys` this row leaves empty (columns the table has; an unreadable cell is already
        reported), in the one wording every kind uses."""
        return [Issue(code="thieu-gia-tri", file=self.file, line=row.number, column=self.headers[key],
                      message="ô này không được để trống.", hint=f'Điền "{self.headers[key]}" cho dòng này.')
                for key in keys
                if key in self.headers and row.values[key] is None and key not in row.unreadable]

    def variants(self, key: str) -> list[Column]:
        """The columns holding `key`'s measure, in the order of the form: "du_toan", "du_toan_2"..."""
        return [c for c in self.columns if c.key == key or c.base == key]


def apply_schema(raw: RawTable, schema: TableSchema, official: Official = NO_OFFICIAL,
                 drop_personal: bool = False) -> tuple[Table | None, list[Issue]]:
    """Convert `raw` with `schema`; the table is None when its columns are unusable. Every row is read even
    then, so one round names the header's problems and the cells' problems together. `drop_personal` (the
    import command, which writes only what it checked): a personal-data column is left out with a warning
    instead of refusing the table; a bundle that holds one is always refused."""
    if not raw.rows:
        return None, [Issue(code="bang-trong", file=raw.file, message="bảng không có dòng nào.",
                            hint="Kiểm tra đã lưu đúng trang tính có dữ liệu.")]
    form = read_form(raw.rows, raw.merges, lambda text: schema.column_for(text) is not None)
    issues = [_set_aside_issue(raw.file, part) for part in form.set_aside]
    columns, written, marks, header_issues = _match_headers(raw, form, schema, drop_personal)
    if not any(columns) and not marks:  # no row names a single column: one message, which row and why
        taken = ", ".join(form.header(i) for i in range(len(form.parts)) if form.header(i))
        return None, [Issue(code="thieu-cot", file=raw.file, line=form.header_row,
                            message=f"không thấy dòng tiêu đề của bảng: không dòng nào trong {HEADER_SEARCH_ROWS} dòng đầu "
                                    f"có tên cột của mẫu; dòng {form.header_row} ({taken[:200]}) được xem là tiêu đề "
                                    "nhưng không cột nào khớp.",
                            hint="Các cột của mẫu: " + ", ".join(c.name for c in schema.columns if c.required)
                                 + ". Sửa tên cột ở dòng tiêu đề cho đúng mẫu (viết hoa, có dấu hay không đều được).")]
    issues += header_issues
    table = Table(raw.file, [c for c in columns if c is not None], headers=written, sheet=raw.sheet,
                  header_row=form.header_row, unit=form.unit, unit_written=form.unit_written, unit_row=form.unit_row)
    table.columns += [c for c in {column.key: column for column, _, _ in marks.values()}.values() if c not in table.columns]
    kept = [index for index, column in enumerate(columns) if column is not None]
    table.source.append([form.header(i) for i in kept])
    section = None
    for number, cells in form.rows:
        if schema.sections and number in form.headings:
            section = heading_text(cells)
            table.sections.append((number, section))
            continue
        values = {c.key: None for c in (*schema.columns, *table.columns)}
        unreadable = set()
        for column, cell in zip(columns, cells, strict=False):
            if column is not None:
                values[column.key] = _convert(cell, column, written[column.key], raw.file, number, issues, official,
                                              raw.decimal_comma)
                if values[column.key] is None and not _blank(cell):
                    unreadable.add(column.key)  # one bad cell, one issue: never "empty" as well
        if number not in form.totals:  # a total line counts each category under its mark column
            _read_marks(marks, cells, values, unreadable, written, raw.file, number, issues)
        as_text = frozenset(column.key for index, column in enumerate(columns)
                            if column is not None and (number, index) in raw.text_numbers) if raw.text_numbers else NONE
        row = Row(number, values, frozenset(unreadable), total=number in form.totals, section=section, as_text=as_text)
        if row.total and not schema.keeps_totals:
            table.totals.append(row)  # checked by the kind against the rows it sums, never published as a row
            continue
        table.source.append([cells[i] if i < len(cells) else None for i in kept])
        issues += table.empty_cells(row, [c.key for c in table.columns if c.not_empty])
        table.rows.append(row)
    issues += _unnamed_columns(raw.file, form, columns)
    if not table.rows:
        issues.append(Issue(code="bang-trong", file=raw.file, line=form.header_row,
                            message="bảng có dòng tiêu đề nhưng không có dòng dữ liệu nào.",
                            hint="Thêm dữ liệu dưới dòng tiêu đề."))
    if any(i.is_error for i in header_issues):
        return None, issues
    return table, issues


def _match_headers(raw: RawTable, form: Form, schema: TableSchema, drop_personal: bool):
    """Each column of the form -> the schema column it is (None: not published), the headers as written, and
    the columns of marks (index -> (schema column, value, header)). A column the schema lets repeat (a second "Dự
    toán" under one merged header) becomes a numbered variant."""
    issues: list[Issue] = []
    columns: list[Column | None] = []
    written: dict[str, str] = {}
    first_header: dict[str, str] = {}
    marks: dict[int, tuple[Column, str, str]] = {}
    for index, parts in enumerate(form.parts):
        text = form.header(index)
        mark = schema.mark_for(parts)
        if mark is not None:
            marks[index] = (*mark, text)
            first_header.setdefault(mark[0].key, text)
            written[mark[0].key] = ", ".join(p[-1] for i, p in enumerate(form.parts) if i in marks)
            columns.append(None)
            continue
        column = schema.column_for_parts(parts) if parts else None
        if column is not None and column.key in first_header:
            if column.repeats:
                count = sum(1 for c in columns if c is not None and (c.key == column.key or c.base == column.key))
                column = replace(column, key=f"{column.key}_{count + 1}", required=False, base=column.key)
            else:
                issues.append(Issue(
                    code="cot-trung", file=raw.file, line=form.header_row, column=text,
                    message=(f'có hai cột "{text}"' if text == first_header[column.key] else
                             f'cột "{text}" và cột "{first_header[column.key]}"')
                            + f' đều được hiểu là cột "{column.name}" của mẫu, nên không biết lấy số liệu ở cột nào.',
                    hint="Đổi tên một trong hai cột cho đúng mẫu, hoặc xóa cột thừa."))
                column = None
        elif column is None and text:
            issues.append(_unknown_column(raw.file, form.header_row, text, schema, drop_personal))
        if column is not None:
            first_header.setdefault(column.base or column.key, text)
            written[column.key] = text
        columns.append(column)
    found = ", ".join(form.header(i) for i in range(len(form.parts)) if form.parts[i])
    for column in schema.columns:
        if column.required and column.key not in first_header:
            issues.append(Issue(code="thieu-cot", file=raw.file, line=form.header_row, column=column.name,
                                message=f'không thấy cột "{column.name}" trong dòng tiêu đề (đang có: {found}).',
                                hint=f'Thêm cột "{column.name}" hoặc sửa tên cột cho đúng mẫu.'))
    return columns, written, marks, issues


MARKED = frozenset({"x", "v", "✓", "✔", "có", "1"})
UNMARKED = frozenset({"", "-", "0", "không"})


def _read_marks(marks, cells, values, unreadable, written, file, number, issues) -> None:
    """The value of a column given as marks: the one marked; two marks, or anything else than a mark, said."""
    found: dict[str, list[str]] = {}
    for index, (column, value, header) in marks.items():
        cell = cells[index] if index < len(cells) else None
        text = "" if cell is None else str(cell).strip().lower()
        if text in MARKED:
            found.setdefault(column.key, []).append(value)
        elif text not in UNMARKED:
            issues.append(Issue(code="gia-tri-khong-hop-le", file=file, line=number, column=header,
                                message=f'"{cell}" không phải là dấu đánh dấu.', hint='Đánh dấu bằng "x", hoặc để trống.'))
            unreadable.add(column.key)
    for key, chosen in found.items():
        if len(chosen) > 1:
            issues.append(Issue(code="gia-tri-khong-hop-le", file=file, line=number, column=written[key],
                                message=f"dòng này được đánh dấu ở {len(chosen)} cột: {', '.join(chosen)}.",
                                hint="Mỗi dòng chỉ đánh dấu một cột."))
            unreadable.add(key)
        else:
            values[key] = chosen[0]


def _set_aside_issue(file: str, part: SetAside) -> Issue:
    rows = f"dòng {part.first}" if part.first == part.last else f"các dòng {part.first}–{part.last}"
    return Issue(code="dong-ngoai-bang", file=file, line=part.first, severity=INFO,
                 message=f"{rows} là {part.why}: không đăng như số liệu.",
                 hint="Không cần sửa. Nếu đây là số liệu, kiểm tra dòng tiêu đề của bảng.")


def _unnamed_columns(file: str, form: Form, columns: list[Column | None]) -> list[Issue]:
    """A column with no header but with values is left out: say so, naming the first row that has one."""
    issues = []
    for index, column in enumerate(columns):
        if column is None and not form.parts[index]:
            first = next((n for n, cells in form.rows if index < len(cells) and not _blank(cells[index])), None)
            if first is not None:
                issues.append(Issue(
                    code="cot-khong-ten", file=file, line=first, column=f"cột thứ {index + 1}", severity=WARNING,
                    message="cột này có số liệu nhưng không có tiêu đề nên không được đăng.",
                    hint="Ghi tiêu đề cột theo mẫu nếu cần đăng, hoặc xóa các ô này."))
    return issues


def read_declared(bundle_dir: str, source_dir: str, refs: Iterable[Any], schema: TableSchema,
                  official: Official = NO_OFFICIAL, limits: Any = None) -> tuple[list[tuple[Any, Table]], list[Issue]]:
    """Read and check each declared table (`refs` have `.file` and `.sheet`); files are named to
    the officer as `<source_dir>/<file>`. Returns the usable (ref, table) pairs and every issue."""
    from plugins.tables.read import read_table

    tables, issues = [], []
    for ref in refs:
        raw, read_issues = read_table(Path(bundle_dir, ref.file), f"{source_dir}/{ref.file}", ref.sheet, limits)
        issues += read_issues
        if raw is None:
            continue
        table, table_issues = apply_schema(raw, schema, official)
        issues += table_issues
        if table is not None:
            tables.append((ref, table))
    return tables, issues


def _unknown_column(file: str, line: int, header: str, schema: TableSchema, drop_personal: bool = False) -> Issue:
    reason = personal_column(header)
    if reason and drop_personal:
        return Issue(code="cot-ca-nhan-da-bo", file=file, line=line, column=header, severity=WARNING,
                     message=f"cột này chứa {reason}, là dữ liệu cá nhân không được công khai; {RULE}. "
                             "Đã bỏ cột này: không ghi vào hồ sơ.",
                     hint="Không cần sửa. Đừng chép tệp gốc vào thư mục hồ sơ: hồ sơ có cột này sẽ bị từ chối.")
    if reason:
        return Issue(code="cot-du-lieu-ca-nhan", file=file, line=line, column=header,
                     message=f"cột này chứa {reason}, là dữ liệu cá nhân không được công khai; {RULE}. "
                             "Cả bảng bị từ chối.",
                     hint="Xóa hẳn cột này khỏi tệp (không chỉ ẩn cột) rồi lưu lại.")
    accepted = ", ".join(c.name for c in schema.columns)
    return Issue(code="cot-khong-ro", file=file, line=line, column=header,
                 message="cột này không thuộc mẫu của loại công khai nên không được đăng.",
                 hint=f"Các cột được dùng: {accepted}. Đổi tên cột cho đúng mẫu, hoặc xóa cột.")


def _blank(cell: Any) -> bool:
    """Nothing written. (A dash alone in a number column is the accountant's zero: parse_number reads it.)"""
    return cell is None or (isinstance(cell, str) and cell.strip() in ("", "-", "—"))


def _convert(cell: Any, column: Column, header: str, file: str, row: int, issues: list[Issue],
             official: Official, decimal_comma: bool = False) -> Any:
    """The cell's value in the column's type; problems are reported under the header as the officer wrote it."""
    if cell is None or (isinstance(cell, str) and cell.strip() == ""):
        return None
    if column.type == "string":
        text = str(cell).strip()
        issues += control_character_issues(text, file, line=row, column=header)
        for finding in personal_data(text, official):
            issues.append(Issue(code="du-lieu-ca-nhan", file=file, line=row, column=header,
                                message=message(finding), hint=HINT))
        return text
    try:
        if column.percent and isinstance(cell, str) and cell.strip().endswith("%"):
            cell = cell.strip()[:-1]  # "97,3%" in a comparison column: the column is in percent already
        value = (parse_number(cell, decimal_comma) if column.type in ("number", "integer")
                 else PARSERS[column.type](cell))
    except ParseError as exc:
        issues.append(Issue(code=exc.code, file=file, line=row, column=header, message=exc.message, hint=exc.hint))
        return None
    if column.type == "integer" and value is not None:
        if value != value.to_integral_value():
            issues.append(Issue(code="so-khong-hop-le", file=file, line=row, column=header,
                                message=f'"{cell}" phải là số nguyên.', hint="Bỏ phần thập phân."))
            return None
        return int(value)
    return value
