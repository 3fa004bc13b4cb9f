#!/usr/bin/env python3
"""Print docs/ma-loi.md, the catalogue of issue codes, from plugins/issues/catalogue.py.

Run through `make docs`; a test fails when the committed page is out of date.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from plugins.issues import CATALOGUE


def render() -> str:
    lines = [
        "# Mã lỗi (issue codes)",
        "",
        "Trang này được tạo tự động từ `plugins/issues/catalogue.py` bằng `make docs`; đừng sửa tay.",
        "Mỗi thông báo lỗi có dạng `tệp:dòng MỨC [mã] Cột/Khóa: nội dung. Cách sửa: ...`.",
        "",
        "| Mã | Tên | Quy tắc |",
        "|---|---|---|",
    ]
    lines += [f"| `{c.code}` | {c.title} | {c.rule} |" for c in CATALOGUE.values()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(render())
