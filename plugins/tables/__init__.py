"""Tables officers hand in: CSV in any of Excel's encodings and delimiters, or .xlsx.

A library for the kind plugins, not a Pelican plugin. `read_table` turns a file
into rows with the row numbers the officer sees; `apply_schema` matches the
headers to a kind's columns (ignoring case, spacing and diacritics), converts
every cell, refuses personal data, and reports every problem with its row and
column.
"""

from plugins.tables.read import RawTable, read_table
from plugins.tables.schema import Column, Row, Table, TableSchema, apply_schema, read_declared

__all__ = ["Column", "RawTable", "Row", "Table", "TableSchema", "apply_schema", "read_declared", "read_table"]
