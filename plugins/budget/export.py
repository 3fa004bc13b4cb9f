"""What the budget publishes as data: each table as open data (plugins/open_data) and one JSON of it all.

The CSV keeps the form's own headers ("Dự toán năm 2026 – Thu ngân sách xã")
and adds what the checks worked out: each row's level in the hierarchy and
whether it is an "of which" row, so a reuser can sum without counting twice.
"""

from __future__ import annotations

import posixpath
from decimal import Decimal

from plugins.disclosures.kinds import Download
from plugins.open_data.package import Field, Resource, named_once
from plugins.vietnamese.text import slugify


def _plain(value: Decimal | None):
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _records(table) -> list[dict]:
    return [{"dong": row.number, "stt": row.stt, "noi_dung": row.content, "cap": row.depth,
             "trong_do": row.of_which, **{m.key: _plain(row.amounts[m.key]) for m in table.measures},
             "th_dt_phan_tram": _plain(row.percent), "ghi_chu": row.note} for row in table.rows]


MEASURE_ROLES = {"du_toan": "estimate", "thuc_hien": "actual"}


def budget_datasets(disclosure, data) -> list[Resource]:
    """One resource per table, named after the officer's file (and sheet)."""
    return [_resource(table, data.unit) for table in data.tables]


def _resource(table, unit: str) -> Resource:
    fields = (Field("STT"), Field("Nội dung", required=True),
              Field("Cấp", "integer", description="0 là dòng tổng cộng, 1 là khoản lớn nhất; 2, 3... nằm trong khoản ở cấp trên."),
              Field("Trong đó", "boolean", description='"có": dòng "trong đó" của khoản cấp trên, không cộng thêm vào tổng.'),
              *(Field(m.header, "number", unit, measure=MEASURE_ROLES[m.base] if m.commune else None)
                for m in table.measures),
              Field("Thực hiện so với dự toán", "number", "%"), Field("Ghi chú"))
    # the file's name without its extension (posixpath rather than PurePosixPath: the catalogue asks for every
    # budget's tables on every build, and making a path object was half of it)
    stem = posixpath.splitext(posixpath.basename(table.file))[0] + (f"-{slugify(table.sheet)}" if table.sheet else "")

    def rows():
        for row in table.rows:
            yield (row.stt, row.content, row.depth, row.of_which, *(row.amounts[m.key] for m in table.measures),
                   row.percent, row.note)
    return Resource(slugify(stem) or "bang", table.title, named_once(fields), rows, role=table.role)


def budget_downloads(disclosure, data) -> list[Download]:
    document = {
        "title": disclosure.title, "number": disclosure.number, "issued": disclosure.issued.isoformat(),
        "issuer": disclosure.issuer, "unit": data.unit, "stage": data.stage,
        "tables": [{"role": t.role, "title": t.title, "source": t.file,
                    "columns": [{"key": m.key, "title": m.header, "measure": m.base, "commune": m.commune}
                                for m in t.measures],
                    "rows": _records(t)} for t in data.tables],
    }
    return [Download.json(document)]
