"""Writing checked tables: the CSV a bundle keeps (the import command), downloads, and clean copies.

The output reads back exactly: official headers, comma delimiter, UTF-8,
numbers with a decimal comma and no grouping (`1234567,5`), dates dd/mm/yyyy,
times HH:MM. Only the schema's columns are written.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from plugins.tables.schema import Table


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")
        return text.replace(".", ",")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return str(value)


def table_csv(table: Table) -> str:
    """The columns under their official names, except a measure the form gives several times: each keeps
    the form's header ("Dự toán năm 2026 – Thu ngân sách xã"), which says whose figure it is. Section
    headings stay rows of their own, so the village a heading gives its households reads back the same."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    repeated = {c.base for c in table.columns if c.base}
    writer.writerow([table.headers[c.key] if c.base or c.key in repeated else c.name for c in table.columns])
    heading_at = next((i for i, c in enumerate(table.columns) if c.type == "string" and c.not_empty), 0)
    section = None
    for row in table.rows:
        if row.section != section and row.section:  # a heading the form had ("I. Thôn Đồng Bến"), kept as
            writer.writerow([row.section if i == heading_at else "" for i in range(len(table.columns))])  # such
        section = row.section
        writer.writerow([cell_text(row.values[c.key]) for c in table.columns])
    return buffer.getvalue()


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A text cell Excel would run as a formula (`=HYPERLINK(...)`, `+cmd|...`, `@SUM`) gets a leading
    apostrophe, the OWASP advice for CSV injection; numbers and a lone "-" (an empty amount) stay as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and value != "-":
        return "'" + value
    return value


def csv_bytes(header: list[str], rows: Iterable[Iterable[Any]], delimiter: str = ",") -> bytes:
    """A download Excel on Windows opens with its Vietnamese letters intact (UTF-8 with BOM, CRLF) and in
    which no cell runs as a formula. Empty cells (None) are written empty."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n", delimiter=delimiter)
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow(["" if value is None else safe_cell(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def clean_copy(tables: list[Table], name: str, fixed_time: dt.datetime) -> bytes:
    """The officer's file rebuilt as a new file of the same type holding only what was checked: each declared
    sheet's header as written and the published columns of its data rows. Hidden sheets, rows and columns,
    comments, defined names and the author never travel with it, because none of them is copied.
    `fixed_time` dates the file so every build writes the same bytes."""
    if not name.lower().endswith(".xlsx"):
        # ";" as Vietnamese Excel writes it: its values hold decimal commas ("9.105,5")
        return csv_bytes([str(h) for h in tables[0].source[0]], tables[0].source[1:], delimiter=";")
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    workbook.properties.creator = "Công khai xã"
    for table in tables:
        sheet = workbook.create_sheet(title=(table.sheet or "Bang")[:31])
        for row in table.source:
            sheet.append([safe_cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return pin_zip(buffer.getvalue(), fixed_time)


def pin_zip(data: bytes, when: dt.datetime) -> bytes:
    """openpyxl stamps the file and each zip entry with the clock: rewrite both with `when`."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + stamp, content)
            target.writestr(zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6]), content,
                            compress_type=zipfile.ZIP_DEFLATED)
    return output.getvalue()
