"""Patterns for personal data in headers, cells and text.

Numbers written as Vietnamese amounts (`123.456.789`) are not IDs; a bare run
of 9 or 12 digits is (CMND, CCCD), and so is a mobile or landline number in
the Vietnamese plan (0 + 9 or 10 digits, or +84). The commune's own official
numbers from commune.yml are allowed in text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from plugins.vietnamese.text import fold

# A bare 9- or 12-digit run not touching other digits, dots or commas (so 1.234.567,5 is safe).
_ID = re.compile(r"(?<![\d.,])(\d{9}|\d{12})(?![\d]|[.,]\d)")
# 0 or +84 then 9-10 digits (the first not 0), grouped by spaces, dots or dashes (0912 345 678, 0236.3861.234).
_PHONE = re.compile(r"(?<![\d.,])(?:\+?84[\s.-]?|0)[1-9](?:[\s.-]?\d){8,9}(?![\d]|[.,]\d)")

# Folded header words that mark a personal-data column, with the Vietnamese reason.
PERSONAL_COLUMNS: dict[str, str] = {
    "cccd": "số căn cước công dân",
    "cmnd": "số chứng minh nhân dân",
    "can cuoc": "số căn cước",
    "chung minh": "số chứng minh nhân dân",
    "dinh danh": "số định danh cá nhân",
    "ho chieu": "số hộ chiếu",
    "dien thoai": "số điện thoại",
    "sdt": "số điện thoại",
    "ngay sinh": "ngày sinh",
    "nam sinh": "năm sinh",
    "bhxh": "số bảo hiểm xã hội",
    "bhyt": "số bảo hiểm y tế",
    "bao hiem": "số bảo hiểm",
    "tai khoan": "số tài khoản",
    "ma so thue": "mã số thuế",
    "dan toc": "dân tộc của từng hộ",
    "ton giao": "tôn giáo",
    "suc khoe": "tình trạng sức khỏe",
    "khuyet tat": "khuyết tật",
    "benh": "bệnh tật",
    "diem cham": "điểm chấm",
    "tong diem": "điểm chấm",
}

RULE = "Luật Bảo vệ dữ liệu cá nhân 2025 và quy tắc công khai của dự án chỉ cho đăng những gì thủ tục cần"


def personal_column(header: str) -> str | None:
    """What personal data a column header announces, or None."""
    words = f" {fold(header)} "
    for marker, reason in PERSONAL_COLUMNS.items():
        if f" {marker} " in words:
            return reason
    return None


def personal_numbers(text: str, allowed: Iterable[str] = ()) -> list[str]:
    """ID or phone numbers in `text`, except the commune's own numbers in `allowed`."""
    allowed_digits = {re.sub(r"\D", "", a) for a in allowed if a}
    found = []
    for match in [*_ID.finditer(text), *_PHONE.finditer(text)]:
        value = match.group(0).strip()
        if re.sub(r"\D", "", value) not in allowed_digits and value not in found:
            found.append(value)
    return found


def id_numbers(text: str) -> list[str]:
    """Only the 9- or 12-digit ID numbers: what explanations must never contain."""
    return list(dict.fromkeys(m.group(0) for m in _ID.finditer(text)))
