#!/usr/bin/env python3
"""Pictures of the form layouts the site reads, for the officer's guide (docs/bieu-mau.md).

    make layout-pictures      # writes docs/bieu-mau/*.png

Each picture is the very grid the tests build their .xlsx and CSV from
(tests/form_layouts.py), drawn as a spreadsheet would show it (merged cells
merged, row numbers on the left) and screenshot by Debian's chromium, so the
guide shows exactly the layouts that are tested. The rows the reader sets
aside are shaded and labelled with why.
"""

from __future__ import annotations

import html
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from openpyxl.utils.cell import range_boundaries  # noqa: E402

from plugins.budget.schema import BUDGET_TABLE  # noqa: E402
from plugins.land_use.schema import LAND_USE_TABLE  # noqa: E402
from plugins.poverty.schema import POVERTY_TABLE  # noqa: E402
from plugins.schedule.schema import SESSIONS_TABLE  # noqa: E402
from plugins.tables.form import read_form  # noqa: E402
from tests import form_layouts  # noqa: E402

PICTURES = {
    "ngan-sach-thu": (form_layouts.budget_revenue, BUDGET_TABLE),
    "ngan-sach-chi": (form_layouts.budget_expenditure, BUDGET_TABLE),
    "dat-dai": (form_layouts.land_use_list, LAND_USE_TABLE),
    "ho-ngheo": (form_layouts.poverty_list, POVERTY_TABLE),
    "lich-tiep-cong-dan": (form_layouts.reception_month_table, SESSIONS_TABLE),
    "ngan-sach-tieu-de-ngang-bieu": (form_layouts.budget_estimate_titled, BUDGET_TABLE),
    "dat-dai-bieu-10ch": (form_layouts.land_use_10ch, LAND_USE_TABLE),
    "lich-tiep-cong-dan-quy": (form_layouts.reception_quarter_days, SESSIONS_TABLE),
}
STYLE = """
body { margin: 0; font: 13px 'Liberation Sans', sans-serif; background: #fff; }
table { border-collapse: collapse; margin: 8px; }
td { border: 1px solid #c8c8c8; padding: 3px 6px; white-space: nowrap; vertical-align: middle; }
td.n { background: #eef1f5; color: #555; text-align: right; }
tr.aside td { background: #f6e7c8; } tr.header td { font-weight: bold; background: #e3eefb; }
tr.total td { background: #e4f3e4; }
td.why { border: none; background: #fff !important; color: #8a5a00; font-style: italic; }
"""


def page(layout, schema) -> str:
    rows = [(number, cells) for number, cells in enumerate(layout.rows, start=1) if any(c not in (None, "") for c in cells)]
    merges = [range_boundaries(area) for area in layout.merges]
    form = read_form(rows, [(r1, c1 - 1, r2, c2 - 1) for c1, r1, c2, r2 in merges],
                     lambda text: schema.column_for(text) is not None)
    why = {n: part.why for part in form.set_aside for n in range(part.first, part.last + 1)}
    notes = {n: "dòng tổng cộng: đối chiếu với các dòng nó cộng, không tính thêm lần nữa" for n in form.totals}
    if schema.sections:
        notes.update({n: "dòng tên thôn: các dòng dưới nó thuộc thôn này" for n in form.headings})
    covered = {(r, c) for c1, r1, c2, r2 in merges for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)
               if (r, c) != (r1, c1)}
    spans = {(r1, c1): (r2 - r1 + 1, c2 - c1 + 1) for c1, r1, c2, r2 in merges}
    width = max(len(cells) for cells in layout.rows)
    lines = [f"<!doctype html><html lang='vi'><meta charset='utf-8'><style>{STYLE}</style><table>"]
    for number, cells in enumerate(layout.rows, start=1):
        kind = ("header" if number in form.header_rows else "aside" if number in why else
                "total" if number in notes else "")
        out = [f"<tr class='{kind}'><td class='n'>{number}</td>"]
        for column in range(1, width + 1):
            if (number, column) in covered:
                continue
            value = cells[column - 1] if column <= len(cells) else None
            rowspan, colspan = spans.get((number, column), (1, 1))
            text = "" if value is None else html.escape(f"{value:g}" if isinstance(value, float) else str(value))
            out.append(f"<td rowspan='{rowspan}' colspan='{colspan}'>{text}</td>")
        first_of_band = number in why and why.get(number - 1) != why[number]
        note = why[number] if first_of_band else notes.get(number, "") if number not in why else ""
        out.append(f"<td class='why'>{html.escape('← ' + note) if note else ''}</td></tr>")
        lines.append("".join(out))
    return "\n".join(lines) + "</table></html>"


def main() -> int:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    target = ROOT / "docs" / "bieu-mau"
    target.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True,
                                             args=["--no-sandbox", "--disable-gpu"])
        view = browser.new_page(viewport={"width": 1400, "height": 300}, device_scale_factor=1)
        for name, (make, schema) in PICTURES.items():
            view.set_content(page(make(), schema))
            view.locator("table").screenshot(path=str(target / f"{name}.png"))
            print(f"Đã vẽ {target / name}.png")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
