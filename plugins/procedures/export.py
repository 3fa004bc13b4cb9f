"""What the one-stop desk's results publish as data: one row per field, as open data (plugins/open_data)."""

from __future__ import annotations

from plugins.open_data.package import Field, Resource
from plugins.procedures.present import on_time_rate
from plugins.procedures.schema import COUNTS, FIELD, NOTE


def procedures_datasets(disclosure, data) -> list[Resource]:
    """The fields the report has, under the official names; an optional column only when the report has it."""
    counts = [(column, name) for column, name in COUNTS.items() if column.required or name in data.columns]
    fields = (Field(FIELD.name, required=True), *(Field(c.name, "integer", "hồ sơ") for c, _ in counts),
              Field("Tỷ lệ đúng hạn", "number", "%", description="Trước hạn và đúng hạn, trên số đã giải quyết."),
              Field(NOTE.name))

    def rows():
        for r in data.fields:
            rate = on_time_rate(r)
            yield (r.name, *(getattr(r, name) for _c, name in counts), None if rate is None else round(rate, 2), r.note)
    return [Resource("ket-qua-giai-quyet", "Kết quả giải quyết thủ tục hành chính theo lĩnh vực", fields, rows)]
