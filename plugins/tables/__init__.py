"""Tables officers hand in: CSV in any of Excel's encodings and delimiters, or .xlsx.

A library for the kind plugins, not a Pelican plugin. `read_table` turns a file
into rows with the row numbers the officer sees (and an .xlsx's merged cells);
`form.read_form` finds the table inside the official form around it (title
band, merged headers, column numbers, totals, signatures); `apply_schema`
matches the headers to a kind's columns (ignoring case, spacing and
diacritics), converts every cell, refuses personal data, and reports every
problem with its row and column; `hierarchy` holds the parent-equals-children
rule the budget and land-use tables share.
"""

from plugins.tables.read import RawTable, read_table
from plugins.tables.schema import Column, Row, Table, TableSchema, Under, apply_schema, read_declared

__all__ = ["Column", "RawTable", "Row", "Table", "TableSchema", "Under", "apply_schema", "read_declared", "read_table"]
