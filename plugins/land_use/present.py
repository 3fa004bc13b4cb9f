"""The chart of area by land type."""

from __future__ import annotations

from plugins.charts import Bar, bar_chart
from plugins.vietnamese.format import number


def area(value) -> str:
    return f"{number(value, 2)} ha"


def chart(data) -> str:
    if len(data.by_type) < 2:
        return ""
    bars = [Bar(f"{t.key} – {t.label}", t.area) for t in data.by_type]
    description = "; ".join(f"{b.label}: {area(b.first)}" for b in bars)
    return bar_chart("Diện tích theo loại đất (ha)", description, bars, ("Diện tích (ha)", None),
                     format_value=lambda v: number(v, 2), chart_id="bieu-do-dat")


def key_figure(data, _day) -> str | None:
    if not data.projects:
        return None
    return f"{len(data.projects)} công trình, dự án; tổng diện tích {area(data.total_area)}."
