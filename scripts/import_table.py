#!/usr/bin/env python3
"""Import an officer's table into a disclosure bundle: `make import FILE=... KIND=... OUT=...`.

    python scripts/import_table.py danh-sach.xlsx --kind poverty --out content/disclosures/2026/x/danh-sach.csv

Reads the form as the officer filled it in (title band, merged headers, column
numbers, totals and signatures: plugins/tables/form.py) and prints what will be
published before it writes; a workbook of several forms gives one CSV per sheet
(`--sheet` picks one); personal-data columns are left out with a warning and
never written. Accepts .xlsx, .xls and CSV or Excel "Unicode text" in any
encoding Vietnamese Windows writes (UTF-8 with or without BOM, UTF-16, Windows-1258) and any of
`,` `;` Tab. Headers are matched to the kind's columns without regard to case,
spacing or marks; numbers and dates are read the Vietnamese way, and a number
that reads two ways is refused rather than guessed (agate's Vietnamese locale
would read "12.5" as 125 without a word, which is why the project's own
parsers are used). Every problem is printed with its row; nothing is written
unless the whole table is clean.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plugins.disclosures.bundle import role_words  # noqa: E402  (needs ROOT on sys.path)
from plugins.disclosures.files import DEFAULT_LIMITS  # noqa: E402
from plugins.disclosures.kinds import KINDS  # noqa: E402
from plugins.disclosures.settings import read_settings  # noqa: E402
from plugins.issues import INFO, format_issues, has_errors  # noqa: E402
from plugins.tables import apply_schema, read_table  # noqa: E402
from plugins.tables.read import sheet_names  # noqa: E402
from plugins.tables.write import cell_text, table_csv  # noqa: E402
from plugins.vietnamese.text import fold, slugify  # noqa: E402
from scripts.ckx import load_settings  # noqa: E402
from scripts.new_disclosure import front_matter  # noqa: E402

PREVIEW_ROWS = 5


def import_table(source: Path, kind_id: str, target: Path, sheet: str | None = None) -> bool:
    """Read every sheet (or the one named), print what will be published, and write only when all of it is
    clean: one CSV per sheet, the `tables:` lines to paste into index.md printed after."""
    kind = KINDS.get(kind_id)
    if kind is None or kind.tables is None:
        known = ", ".join(k.id for k in KINDS if k.tables is not None)
        print(f'Loại "{kind_id}" không có bảng để nhập. Các loại có bảng: {known}.', file=sys.stderr)
        return False
    if not source.is_file():
        print(f"Không tìm thấy tệp {source}.", file=sys.stderr)
        return False
    settings = read_settings(load_settings(ROOT / "pelicanconf.py"), KINDS)[0]
    limits = settings.limits if settings else DEFAULT_LIMITS  # a file of any size is read in bounded time
    sheets = [sheet] if sheet else sheet_names(source, limits)
    ready, issues = [], []
    for name in sheets:
        raw, read_issues = read_table(source, source.name, name, limits)
        issues += read_issues
        if raw is None:
            continue
        table, more = apply_schema(raw, kind.tables.schema, drop_personal=True)
        if table is None and len(sheets) > 1 and not sheet and _names_no_column(more):
            print(f'Trang tính "{name}" không có bảng của loại {kind_id}: bỏ qua.')
            continue
        issues += more
        if table is not None:
            out = target if len(sheets) == 1 else target.with_name(f"{target.stem}-{slugify(name)}{target.suffix}")
            ready.append((table, out))
    for table, out in ready:
        print(preview(table, out, [i for i in issues if i.file == table.file and i.severity is INFO]))
    declared = [(table, out, _role(kind, table)) for table, out in ready]
    if ready and not has_errors(issues):
        issues += bundle_checks(kind, declared, target)
    if issues:
        print(format_issues([i for i in issues if i.severity is not INFO]), file=sys.stderr)
    if not ready or has_errors(issues):
        print("Chưa ghi tệp nào: sửa các dòng LỖI trong tệp gốc rồi nhập lại.", file=sys.stderr)
        return False
    lines = []
    for table, out, role in declared:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(table_csv(table), encoding="utf-8")
        lines += [f"  - file: {out.name}"] + ([f"    role: {role}"] if role else [])
        print(f"Đã ghi {len(table.rows)} dòng vào {out}.")
    print("Khai báo trong mục tables của index.md:\ntables:\n" + "\n".join(lines))
    return True


def _role(kind, table) -> str | None:
    """A kind with several table roles (the budget's revenue, expenditure, balance): the one the sheet's name
    says ("118 Thu", "Chi", "Cân đối"); None when the kind has one role or the name says none."""
    roles = kind.tables.roles or {}
    if len(roles) < 2 or not table.sheet:
        return None
    name = f" {fold(table.sheet)} "
    return next((code for code, label in roles.items() if f" {fold(role_words(label))} " in name), None)


def bundle_checks(kind, declared, target: Path) -> list:
    """The checks a bundle of this kind gets (`make validate`: the kind's sums, villages, categories...), run on
    the tables as they will be written, in a scratch bundle of the commune the target is in (its commune.yml:
    villages). Only the tables' issues count: the scratch index.md is not the officer's. Nothing when the target
    is not inside a commune's content/ (the schema's checks above are all there is)."""
    content = next((folder for folder in target.resolve().parents if (folder / "commune.yml").is_file()), None)
    if content is None:
        return []
    import datetime as dt
    import tempfile

    import yaml

    from plugins.disclosures.site import load_site

    settings = read_settings(load_settings(ROOT / "pelicanconf.py"), KINDS)[0]
    today = settings.build_date if settings else dt.date.today()
    with tempfile.TemporaryDirectory(prefix="nhap-bang-") as scratch:
        root = Path(scratch)
        shutil.copy(content / "commune.yml", root / "commune.yml")
        bundle = root / "disclosures" / str(today.year) / "nhap-bang"
        bundle.mkdir(parents=True)
        tables = []
        for table, out, role in declared:
            (bundle / out.name).write_text(table_csv(table), encoding="utf-8")
            tables.append({"file": out.name} | ({"role": role} if role else {}))
        front = front_matter(kind, "Nhập bảng", today) | {"tables": tables}  # what `make new` writes
        (bundle / "index.md").write_text("---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\nNhập bảng.\n",
                                         encoding="utf-8")
        site = load_site(root, KINDS, today, settings.kind_settings if settings else None, checks_only=True)
        prefix = f"disclosures/{today.year}/nhap-bang/"
        return [replace(issue, file=str(target.parent / issue.file.removeprefix(prefix)))
                for issue in site.issues if issue.file.startswith(prefix) and not issue.file.endswith("index.md")]


def _names_no_column(issues) -> bool:
    """A sheet whose header names none of the kind's columns (an instructions sheet in the workbook)."""
    missing = [i for i in issues if i.code == "thieu-cot"]
    return bool(missing) and all(i.code in ("thieu-cot", "cot-khong-ro", "dong-ngoai-bang", "bang-trong",
                                            "cot-khong-ten") for i in issues)


def preview(table, out: Path, set_aside) -> str:
    """What will be published, for the officer to compare with the form before committing."""
    where = f'trang tính "{table.sheet}"' if table.sheet else "bảng"
    lines = [f"== {where} → {out}",
             f"Dòng tiêu đề: dòng {table.header_row}."
             + (f' Đơn vị tính: {table.unit_written} (dòng {table.unit_row}).' if table.unit_written else ""),
             "Cột: " + "; ".join(f'"{table.headers[c.key]}" → {c.name}' for c in table.columns) + "."]
    lines.append(f"{len(table.rows)} dòng số liệu; {min(PREVIEW_ROWS, len(table.rows))} dòng đầu:")
    for row in table.rows[:PREVIEW_ROWS]:
        lines.append(f"  dòng {row.number}: " + " | ".join(cell_text(row.values[c.key]) for c in table.columns))
    for row in [*(r for r in table.rows if r.total), *table.totals]:
        lines.append(f"  dòng tổng cộng {row.number}: "
                     + " | ".join(cell_text(row.values[c.key]) for c in table.columns if row.values[c.key] is not None))
    lines += [f"Để riêng: {i.message}" for i in set_aside]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("--kind", required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--sheet", help="chỉ nhập trang tính này (mặc định: mọi trang tính có bảng của loại)")
    args = parser.parse_args(argv)
    load_settings(ROOT / "pelicanconf.py")
    return 0 if import_table(args.source, args.kind, args.out, args.sheet) else 1


if __name__ == "__main__":
    sys.exit(main())
