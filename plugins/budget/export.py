"""Downloads made from the checked tables: one normalised CSV per table and one JSON.

Machine-readable on purpose (numbers as 1234567.5, dates ISO) for journalists
and other portals; UTF-8 with BOM so Excel on Windows opens the CSV with its
Vietnamese letters intact.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import PurePosixPath

from plugins.disclosures.kinds import Download
from plugins.tables.write import csv_bytes
from plugins.vietnamese.text import slugify

FIRST = ["dong", "stt", "noi_dung", "cap", "trong_do"]
LAST = ["th_dt_phan_tram", "ghi_chu"]


def _fields(table) -> list[str]:
    """Every amount column of the form ("du_toan", "du_toan_2"...), in its order."""
    return [*FIRST, *(m.key for m in table.measures), *LAST]


def _plain(value: Decimal | None):
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _records(table) -> list[dict]:
    return [{"dong": row.number, "stt": row.stt, "noi_dung": row.content, "cap": row.depth,
             "trong_do": row.of_which, **{m.key: _plain(row.amounts[m.key]) for m in table.measures},
             "th_dt_phan_tram": _plain(row.percent), "ghi_chu": row.note} for row in table.rows]


def budget_downloads(disclosure, data) -> list[Download]:
    files = []
    for table in data.tables:
        fields = _fields(table)
        content = csv_bytes(fields, ([record[k] for k in fields] for record in _records(table)))
        stem = PurePosixPath(table.file).stem + (f"-{slugify(table.sheet)}" if table.sheet else "")
        files.append(Download(f"{stem}.chuan-hoa.csv", f"{table.title} (CSV chuẩn hóa)", content))
    document = {
        "title": disclosure.title, "number": disclosure.number, "issued": disclosure.issued.isoformat(),
        "issuer": disclosure.issuer, "unit": data.unit, "stage": data.stage,
        "tables": [{"role": t.role, "title": t.title, "source": t.file,
                    "columns": [{"key": m.key, "title": m.header, "measure": m.base, "commune": m.commune}
                                for m in t.measures],
                    "rows": _records(t)} for t in data.tables],
    }
    text = json.dumps(document, ensure_ascii=False, indent=1)
    files.append(Download("du-lieu.json", "Toàn bộ số liệu (JSON)", text.encode("utf-8")))
    return files
