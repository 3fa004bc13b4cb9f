"""Horizontal bar chart: a label line above each bar, values at the bar ends.

Horizontal bars keep long Vietnamese labels readable on a 360 px phone; the
SVG scales to the width of the page through its viewBox.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from html import escape

WIDTH = 420  # small viewBox: a 360 px phone shows it about 330 px wide, so 16 units are drawn 12-13 px
FONT = 16  # every text of the chart: at least 12 px on the narrowest phone, as its labels must be read
LABEL_CHARS = 44
LABEL_LINE = 24
BAR = 18
GAP = 12
LEFT = 4
VALUE_SPACE = 124  # "8.050.000.000" at 16 units
LEGEND = 30


@dataclass(frozen=True)
class Bar:
    label: str
    first: Decimal | None  # e.g. estimate: solid
    second: Decimal | None = None  # e.g. actual: hatched


def bar_chart(title: str, description: str, bars: list[Bar], legend: tuple[str, str | None],
              format_value=str, chart_id: str = "bieu-do") -> str:
    """Return an <svg> element; `description` is its text alternative for screen readers."""
    values = [v for bar in bars for v in (bar.first, bar.second) if v is not None]
    largest = max(values) if values and max(values) > 0 else Decimal(1)
    scale = Decimal(WIDTH - LEFT - VALUE_SPACE) / largest
    has_second = any(bar.second is not None for bar in bars) and legend[1] is not None
    series = 2 if has_second else 1
    row_height = LABEL_LINE + series * (BAR + 2) + GAP
    height = LEGEND + row_height * len(bars)
    parts = [
        f'<svg class="ckx-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
        f'<defs><pattern id="{chart_id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#000" stroke-width="2.5"/></pattern></defs>',
        f'<g font-family="system-ui, Arial, sans-serif" font-size="{FONT}" fill="#1b1b1b">',
        f'<rect x="{LEFT}" y="6" width="18" height="14" fill="#444"/>',
        f'<text x="{LEFT + 24}" y="19">{escape(legend[0])}</text>',
    ]
    if has_second:
        parts += [f'<rect x="200" y="6" width="18" height="14" fill="url(#{chart_id}-hatch)" stroke="#000"/>',
                  f'<text x="224" y="19">{escape(legend[1])}</text>']
    fills = ("#444", f"url(#{chart_id}-hatch)")[:series]
    for index, bar in enumerate(bars):
        top = LEGEND + index * row_height
        label = bar.label if len(bar.label) <= LABEL_CHARS else bar.label[: LABEL_CHARS - 1] + "…"
        parts.append(f'<text x="{LEFT}" y="{top + 17}">{escape(label)}</text>')
        for offset, (value, fill) in enumerate(zip((bar.first, bar.second), fills, strict=False)):
            y = top + LABEL_LINE + offset * (BAR + 2)
            length = max(int(max(value or 0, 0) * scale), 1)
            parts.append(f'<rect x="{LEFT}" y="{y}" width="{length}" height="{BAR}" fill="{fill}" stroke="#000"/>')
            parts.append(f'<text x="{LEFT + length + 6}" y="{y + 14}">{escape(format_value(value))}</text>')
    parts.append("</g></svg>")
    return "".join(parts)
