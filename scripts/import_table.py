#!/usr/bin/env python3
"""Import an officer's table into a disclosure bundle: `make import FILE=... KIND=... OUT=...`.

    python scripts/import_table.py danh-sach.xlsx --kind poverty --out content/disclosures/2026/x/danh-sach.csv

Accepts .xlsx, .xls and CSV or Excel "Unicode text" in any encoding Vietnamese
Windows writes (UTF-8 with or without BOM, UTF-16, Windows-1258) and any of
`,` `;` Tab. Headers are matched to the kind's columns without regard to case,
spacing or marks; numbers and dates are read the Vietnamese way, and a number
that reads two ways is refused rather than guessed (agate's Vietnamese locale
would read "12.5" as 125 without a word, which is why the project's own
parsers are used). Every problem is printed with its row; nothing is written
unless the whole table is clean.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plugins.disclosures.kinds import KINDS  # noqa: E402  (needs ROOT on sys.path)
from plugins.issues import format_issues, has_errors  # noqa: E402
from plugins.tables import apply_schema, read_table  # noqa: E402
from plugins.tables.write import table_csv  # noqa: E402
from scripts.ckx import load_settings  # noqa: E402


def import_table(source: Path, kind_id: str, target: Path, sheet: str | None = None) -> bool:
    kind = KINDS.get(kind_id)
    if kind is None or kind.table_schema is None:
        known = ", ".join(k.id for k in KINDS if k.table_schema is not None)
        print(f'Loại "{kind_id}" không có bảng để nhập. Các loại có bảng: {known}.', file=sys.stderr)
        return False
    if not source.is_file():
        print(f"Không tìm thấy tệp {source}.", file=sys.stderr)
        return False
    raw, issues = read_table(source, source.name, sheet)
    table = None
    if raw is not None:
        table, more = apply_schema(raw, kind.table_schema)
        issues += more
    if issues:
        print(format_issues(issues), file=sys.stderr)
    if table is None or has_errors(issues):
        print("Chưa ghi tệp nào: sửa các dòng LỖI trong tệp gốc rồi nhập lại.", file=sys.stderr)
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(table_csv(table), encoding="utf-8")
    print(f"Đã ghi {len(table.rows)} dòng vào {target}. Nhớ khai báo tệp này trong mục tables của index.md.")
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("--kind", required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--sheet")
    args = parser.parse_args(argv)
    load_settings(ROOT / "pelicanconf.py")
    return 0 if import_table(args.source, args.kind, args.out, args.sheet) else 1


if __name__ == "__main__":
    sys.exit(main())
