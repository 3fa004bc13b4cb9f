"""The table reader's cost per 100,000 rows (part of `make bench`), for .xlsx and for a ";" CSV: what an
officer's workbook costs to read and check with the budget's schema, best of five runs in CPU seconds (this
virtual machine's wall clock varies by a third from one minute to the next; CPU time varies less).

    python -m scripts.bench.reader [--rows 100000] [--root <another checkout>]

`--root` measures another checkout's reader (the code before a change) with the same files, so the two
figures compare like with like.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def write_files(folder: Path, rows: int) -> tuple[Path, Path]:
    """A budget-shaped sheet: a title band, a two-row header, `rows` rows of amounts, a footer."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Thu")
    sheet.append(["DỰ TOÁN THU NGÂN SÁCH XÃ NĂM 2026"])
    sheet.append(["Đơn vị tính: đồng"])
    sheet.append(["STT", "Nội dung", "Dự toán năm", "Thực hiện", "Ghi chú"])
    lines = ["STT;Nội dung;Dự toán năm;Thực hiện;Ghi chú"]
    for number in range(1, rows + 1):
        values = [str(number), f"Khoản thu số {number}", 1_000_000 + number, 900_000 + number, ""]
        sheet.append(values)
        lines.append(f"{number};Khoản thu số {number};{1_000_000 + number:,};{900_000 + number:,};".replace(",", "."))
    sheet.append([None, "Người lập biểu"])
    xlsx = folder / "thu.xlsx"
    book.save(xlsx)
    csv = folder / "thu.csv"
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return xlsx, csv


def measure(rows: int = 100_000, root: Path = ROOT) -> dict[str, str]:
    sys.path.insert(0, str(root))
    for name in [m for m in sys.modules if m == "plugins" or m.startswith("plugins.")]:
        del sys.modules[name]
    tables = importlib.import_module("plugins.tables")
    schema = importlib.import_module("plugins.budget.schema").BUDGET_TABLE
    results = {}
    with tempfile.TemporaryDirectory() as scratch:
        for path in write_files(Path(scratch), rows):
            best = None
            for _ in range(5):
                started = time.process_time()
                raw, _issues = tables.read_table(path, path.name)
                tables.apply_schema(raw, schema)
                elapsed = time.process_time() - started
                best = elapsed if best is None else min(best, elapsed)
            results[f"đọc và kiểm tra {path.suffix} (mỗi 100.000 dòng)"] = f"{best * 100_000 / rows:.2f} s"
    sys.path.remove(str(root))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args()
    for name, value in measure(args.rows, args.root.resolve()).items():
        print(f"{name}: {value}")


if __name__ == "__main__":
    main()
