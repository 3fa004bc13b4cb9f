"""Writing a checked table back as the CSV a bundle keeps: what the import command produces.

The output reads back exactly: official headers, comma delimiter, UTF-8,
numbers with a decimal comma and no grouping (`1234567,5`), dates dd/mm/yyyy,
times HH:MM. Only the schema's columns are written.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

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
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([c.name for c in table.columns])
    for row in table.rows:
        writer.writerow([cell_text(row.values[c.key]) for c in table.columns])
    return buffer.getvalue()
