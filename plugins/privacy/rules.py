"""Patterns for personal data in headers, cells and every text that reaches the output.

What counts (design §5, domain §7): ID numbers (CMND 9 digits, CCCD 12),
phone numbers, insurance and bank account numbers, private email addresses
and birth dates. Officers write them every way a keyboard allows, so numbers
are found as *runs of digits* joined by spaces, dots, dashes or brackets
("001 234 567 890", "0912.345.678", "(028) 3822 1234", "+84 912 345 678"),
and a run of nine digits or more is personal data unless it is written as a
Vietnamese amount: thousands grouped by dots, never starting with 0
("1.234.567.890", "9.105,5"). The commune's own numbers and addresses from
commune.yml, and addresses of State bodies (".gov.vn"), are allowed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from plugins.vietnamese.text import fold

# Digits joined by one separator at a time: space, dot, dash, or a bracketed area code "(028) ".
# Digits joined by one kind of separator (space, dot or dash), after an optional "+" and "(028) " area code.
_DIGIT_RUN = re.compile(r"(?<![\w.,])(?:\+\s?)?(?:\(\d{2,4}\)\s?)?\d+(?:([ .-])\d+(?:\1\d+)*)?(?!\w|[.,]\d)",
                        re.ASCII)
_AMOUNT = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+", re.ASCII)
_HEALTH_CARD = re.compile(r"\b[A-Z]{2}\d{13}\b", re.ASCII)  # thẻ BHYT: HS4010123456789
_EMAIL = re.compile(r"[\w.+-]+@(?:[\w-]+\.)+[A-Za-z]{2,24}(?![\w-])")
# Folded text: "sinh ngay 12 03 1985", "ngay sinh 1985", "sinh nam 1985", "nam sinh 1985".
_BIRTH = re.compile(r"\b(?:sinh ngay|ngay sinh|sinh nam|nam sinh|ngay thang nam sinh)\s+(?:la\s+)?\d")
_LONGEST_GROUP = 5
_DIGIT = re.compile(r"[0-9]")
_NON_DIGIT = re.compile(r"[^0-9]")
_DIGIT_GROUP = re.compile(r"[0-9]+")
MIN_DIGITS = 9  # CMND; every ID, phone, insurance and account number has at least as many

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
    "so dt": "số điện thoại",
    "email": "địa chỉ thư điện tử",
    "thu dien tu": "địa chỉ thư điện tử",
    "ngay sinh": "ngày sinh",
    "nam sinh": "năm sinh",
    "ngay thang nam sinh": "ngày sinh",
    "bhxh": "số bảo hiểm xã hội",
    "bhyt": "số bảo hiểm y tế",
    "bao hiem": "số bảo hiểm",
    "tai khoan": "số tài khoản",
    "stk": "số tài khoản",
    "so the": "số thẻ",
    "ma so thue": "mã số thuế",
    "mst": "mã số thuế",
    "dan toc": "dân tộc của từng hộ",
    "ton giao": "tôn giáo",
    "suc khoe": "tình trạng sức khỏe",
    "khuyet tat": "khuyết tật",
    "benh": "bệnh tật",
    "diem cham": "điểm chấm",
    "tong diem": "điểm chấm",
}

RULE = "Luật Bảo vệ dữ liệu cá nhân 2025 và quy tắc công khai của dự án chỉ cho đăng những gì thủ tục cần"


@dataclass(frozen=True)
class Finding:
    value: str  # as written: "0912.345.678"
    what: str  # Vietnamese: "số điện thoại hoặc số giấy tờ cá nhân"


@dataclass(frozen=True)
class Official:
    """What the commune publishes on purpose: its own phone numbers and email addresses."""

    numbers: frozenset[str] = frozenset()  # digits only
    emails: frozenset[str] = frozenset()  # lower case

    @classmethod
    def of(cls, values: Iterable[str | None]) -> Official:
        values = [v for v in values if v]
        return cls(frozenset(re.sub(r"\D", "", v, flags=re.ASCII) for v in values if "@" not in v),
                   frozenset(v.strip().lower() for v in values if "@" in v))


NO_OFFICIAL = Official()


def personal_column(header: str) -> str | None:
    """What personal data a column header announces, or None."""
    words = f" {fold(header)} "
    for marker, reason in PERSONAL_COLUMNS.items():
        if f" {marker} " in words:
            return reason
    return None


def personal_data(text: str, official: Official = NO_OFFICIAL) -> list[Finding]:
    """Every piece of personal data in `text`, once each, in order."""
    # Most cells and lines hold no "@", fewer digits than any number of a person, and no "sinh" (birth).
    if "@" not in text and len(_DIGIT.findall(text)) < MIN_DIGITS and "sinh" not in text.lower():
        return []
    found: dict[str, Finding] = {}
    for value in _numbers(text):
        digits = _NON_DIGIT.sub("", value)
        if len(digits) < MIN_DIGITS or _AMOUNT.fullmatch(value) or digits in official.numbers:
            continue
        if digits.startswith("84") and digits[2:] and ("0" + digits[2:]) in official.numbers:
            continue
        found.setdefault(value, Finding(value, "số điện thoại hoặc số giấy tờ, bảo hiểm, tài khoản cá nhân"))
    for match in _HEALTH_CARD.finditer(text):
        found.setdefault(match.group(0), Finding(match.group(0), "số thẻ bảo hiểm y tế"))
    for match in _EMAIL.finditer(text):
        email = match.group(0).lower()
        if email not in official.emails and not email.endswith(".gov.vn"):
            found.setdefault(match.group(0), Finding(match.group(0), "địa chỉ thư điện tử cá nhân"))
    folded = fold(text)
    for match in _BIRTH.finditer(folded):
        found.setdefault(match.group(0), Finding(_birth_phrase(text, match.group(0)), "ngày sinh, năm sinh"))
    return list(found.values())


def _numbers(text: str) -> list[str]:
    """Runs of digits as one number each. People group an ID or a phone in blocks of two to five digits;
    a run with a longer block ("20261127-1900", a date and a time) is several numbers, read one by one."""
    values = []
    for match in _DIGIT_RUN.finditer(text):
        value = match.group(0).strip()
        groups = _DIGIT_GROUP.findall(value)
        if value.startswith(("(", "+")):
            groups = groups[1:]  # the country or area code is short by nature
        if len(groups) > 1 and max(map(len, groups)) > _LONGEST_GROUP:
            values += groups
        else:
            values.append(value)
    return values


def _birth_phrase(text: str, folded_phrase: str) -> str:
    """The words as written ("sinh ngày 12/03/1985"), found by folding word windows of the original."""
    words = text.split()
    size = len(folded_phrase.split())
    for start in range(len(words)):
        window = " ".join(words[start:start + size + 2])
        if fold(window).startswith(folded_phrase[:-1]):
            return window
    return folded_phrase


def message(finding: Finding) -> str:
    return f'"{finding.value}" trông như {finding.what}; {RULE}.'


HINT = ("Xóa thông tin này. Nếu đó là số tiền, viết có dấu chấm ngăn hàng nghìn (1.234.567.890); "
        "nếu là số của cơ quan, khai báo nó trong commune.yml (phone, email, feedback).")
