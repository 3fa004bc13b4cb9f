"""Matching a table's headers to a kind's columns and converting every cell.

A schema lists the columns a kind publishes. Only those columns ever reach the
output: an unknown column is refused (it may hold personal data nobody
checked), and one whose header names personal data is refused citing the rule.
Schemas export as Frictionless Table Schema so the same description can ship
in a datapackage.json.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from plugins.issues import Issue
from plugins.issues.text import control_character_issues
from plugins.privacy.rules import HINT, NO_OFFICIAL, RULE, Official, message, personal_column, personal_data
from plugins.tables.read import RawTable
from plugins.vietnamese.parse import ParseError, parse_date, parse_number, parse_time
from plugins.vietnamese.text import fold

PARSERS = {"number": parse_number, "date": parse_date, "time": parse_time}
FRICTIONLESS_TYPES = {"string": "string", "number": "number", "integer": "integer", "date": "date", "time": "time"}
HEADER_SEARCH_ROWS = 10  # official forms put a title and "Đơn vị tính" above the header


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

    def column_for(self, header: str) -> Column | None:
        """Exact name or alias first, then a percent column for a header with "%", then prefixes."""
        exact = next((c for c in self.columns if c.matches(header)), None)
        if exact or not header:
            return exact
        if "%" in header:
            return next((c for c in self.columns if c.percent), None)
        return next((c for c in self.columns if c.matches_prefix(header)), None)

    def to_frictionless(self) -> dict:
        """The Table Schema (specs.frictionlessdata.io) of the published CSV."""
        return {"fields": [
            {"name": c.key, "title": c.name, "type": FRICTIONLESS_TYPES[c.type],
             **({"description": c.description} if c.description else {}),
             **({"constraints": {"required": True}} if c.not_empty else {})}
            for c in self.columns
        ]}


@dataclass
class Row:
    number: int  # as the spreadsheet shows it
    values: dict[str, Any]  # column key -> converted value (None for empty)
    unreadable: frozenset[str] = frozenset()  # keys whose cell was filled but could not be read (already reported)


@dataclass
class Table:
    file: str
    columns: list[Column]  # the schema columns present, in file order
    rows: list[Row] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)  # column key -> header as written ("Dự toán năm 2026")
    source: list[list[Any]] = field(default_factory=list)  # header then data rows as read, checked columns only
    sheet: str | None = None  # the .xlsx sheet it came from


def apply_schema(raw: RawTable, schema: TableSchema, official: Official = NO_OFFICIAL) -> tuple[Table | None, list[Issue]]:
    """Convert `raw` with `schema`; the table is None when its columns are unusable."""
    issues: list[Issue] = []
    if not raw.rows:
        return None, [Issue(code="bang-trong", file=raw.file, message="bảng không có dòng nào.",
                            hint="Kiểm tra đã lưu đúng trang tính có dữ liệu.")]
    header_index = _find_header(raw, schema)
    header_row, headers = raw.rows[header_index]
    columns: list[Column | None] = []
    for header in headers:
        text = "" if header is None else str(header).strip()
        column = schema.column_for(text) if text else None
        if column is not None and column in columns:
            issues.append(Issue(code="cot-trung", file=raw.file, line=header_row, column=text,
                                message="cột này xuất hiện hai lần.", hint="Xóa hoặc đổi tên một trong hai cột."))
            column = None
        elif column is None and text:
            issues.append(_unknown_column(raw.file, header_row, text, schema))
        columns.append(column)
    missing = [c for c in schema.columns if c.required and c not in columns]
    for column in missing:
        found = ", ".join(str(h) for h in headers if h not in (None, ""))
        issues.append(Issue(code="thieu-cot", file=raw.file, line=header_row, column=column.name,
                            message=f'không thấy cột "{column.name}" trong dòng tiêu đề (đang có: {found}).',
                            hint=f'Thêm cột "{column.name}" hoặc sửa tên cột cho đúng mẫu.'))
    if issues:
        return None, issues
    written = {c.key: str(h).strip() for c, h in zip(columns, headers, strict=False) if c is not None}
    table = Table(raw.file, [c for c in columns if c is not None], headers=written, sheet=raw.sheet)
    kept = [index for index, column in enumerate(columns) if column is not None]
    table.source.append([headers[i] for i in kept])
    for number, cells in raw.rows[header_index + 1:]:
        table.source.append([cells[i] if i < len(cells) else None for i in kept])
        values = {c.key: None for c in schema.columns}
        unreadable = set()
        for column, cell in zip(columns, cells, strict=False):
            if column is not None:
                values[column.key] = _convert(cell, column, written[column.key], raw.file, number, issues, official)
                if values[column.key] is None and not _blank(cell):
                    unreadable.add(column.key)  # one bad cell, one issue: never "empty" as well
        for column in table.columns:
            if column.not_empty and values[column.key] is None and column.key not in unreadable:
                issues.append(Issue(code="thieu-gia-tri", file=raw.file, line=number, column=written[column.key],
                                    message="ô này không được để trống.", hint=f'Điền "{written[column.key]}" cho dòng này.'))
        table.rows.append(Row(number, values, frozenset(unreadable)))
    if not table.rows:
        issues.append(Issue(code="bang-trong", file=raw.file, line=header_row,
                            message="bảng có dòng tiêu đề nhưng không có dòng dữ liệu nào.",
                            hint="Thêm dữ liệu dưới dòng tiêu đề."))
    return table, issues


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


def _find_header(raw: RawTable, schema: TableSchema) -> int:
    """The first of the top rows that names most of the schema's columns (else the first row)."""
    best, best_hits = 0, 0
    for index, (_, cells) in enumerate(raw.rows[:HEADER_SEARCH_ROWS]):
        hits = sum(1 for cell in cells if isinstance(cell, str) and schema.column_for(cell))
        if hits > best_hits:
            best, best_hits = index, hits
    return best


def _unknown_column(file: str, line: int, header: str, schema: TableSchema) -> Issue:
    reason = personal_column(header)
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
    return cell is None or (isinstance(cell, str) and cell.strip() in ("", "-", "—"))


def _convert(cell: Any, column: Column, header: str, file: str, row: int, issues: list[Issue],
             official: Official) -> Any:
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
        value = PARSERS.get(column.type, parse_number)(cell)
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
