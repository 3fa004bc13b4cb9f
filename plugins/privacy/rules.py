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
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from plugins.vietnamese.text import fold, strip_marks

# Digits joined by runs of up to three separators (space, dot, dash, en dash, slash), after an optional "+"
# and "(028) " area code: "0912 345.678", "0912  345  678", "0912 - 345 - 678", "001/234/567/890".
_DIGIT_RUN = re.compile(r"(?<![\w.,])(?:\+\s?)?(?:\(\d{2,4}\)\s?)?\d+(?:[ .\-/\u2013]{1,3}\d+)*(?!\w|[.,]\d)",
                        re.ASCII)
_AMOUNT = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+", re.ASCII)
_YEAR = re.compile(r"(?:19|20)\d\d", re.ASCII)
_RANGE = re.compile(r"\s*[-\u2013]\s*")  # "1.500.000 - 2.000.000": two amounts, not one number
# Dates and times are read before numbers, so "12/03/2026 - 15/03/2026" is two dates, never a 16-digit number.
_DATE_OR_TIME = re.compile(r"(?<![\d.])(?:\d{1,2}([/.-])\d{1,2}\1\d{4}|\d{1,2}[:h]\d{2})(?![\d])", re.ASCII)
_HEALTH_CARD = re.compile(r"\b[A-Z]{2}\d{13}\b", re.ASCII)  # thẻ BHYT: HS4010123456789
_EMAIL = re.compile(r"[\w.+-]+@(?:[\w-]+\.)+[A-Za-z]{2,24}(?![\w-])")
# Folded text: "sinh ngay 12 03 1985", "ngay sinh 1985", "sinh nam 1985", "nam sinh 1985"; never "phát sinh năm
# 2026" (arising in 2026) nor "học sinh năm ..." (pupils).
_BIRTH = re.compile(r"(?<!phat )(?<!hoc )(?<!tai )\b(?:sinh ngay|ngay sinh|sinh nam|nam sinh|ngay thang nam sinh)"
                    r"\s+(?:la\s+)?\d")
# Without marks, punctuation kept: "sinh: 13/04/1986", "SN 12/03/1985", "SN: 1985".
_BIRTH_SHORT = re.compile(r"(?<!phat )(?<!hoc )(?<!tai )\bsinh\s*:\s*\d|\bsn\s*:?\s*(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|(?:19|20)\d\d\b)")
_INVISIBLE = re.compile(r"[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
                        r"\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]")
_SPACES = re.compile(r"\s+")
_ANY_DIGIT = re.compile(r"\d")  # every script's digits: full-width "０９１２" is a phone number too
_LONGEST_GROUP = 5
_JOINER = re.compile(r"[-/\u2013]")  # "20261127-1900": a stamp joins its parts with a dash, a phone with spaces
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


def visible(text: str) -> str:
    """The text as a reader sees it: compatibility forms folded (NFKC: full-width digits, no-break spaces), every
    script's digits as 0-9, invisible characters (zero-width, bidi, soft hyphen) removed, each run of spaces and
    line breaks one space. A number split by any of these is one number to the eye, and so to the scan."""
    text = unicodedata.normalize("NFKC", _INVISIBLE.sub("", text))
    if not text.isascii():
        text = "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() and not ch.isascii() else ch for ch in text)
    return _SPACES.sub(" ", text)


def personal_data(text: str, official: Official = NO_OFFICIAL) -> list[Finding]:
    """Every piece of personal data in `text` as a reader sees it, once each, in order."""
    # Most cells and lines hold no "@", fewer digits than any number of a person, and no "sinh"/"SN" (birth).
    lower = text.lower()
    if "@" not in text and len(_ANY_DIGIT.findall(text)) < MIN_DIGITS and "sinh" not in lower and "sn" not in lower:
        return []
    text = visible(text)
    found: dict[str, Finding] = {}
    for value in _numbers(_DATE_OR_TIME.sub("x", text)):
        digits = _NON_DIGIT.sub("", value)
        if len(digits) < MIN_DIGITS or _is_amount(value) or digits in official.numbers:
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
    unmarked = strip_marks(text).lower()
    for match in _BIRTH_SHORT.finditer(unmarked):
        found.setdefault(match.group(0), Finding(_birth_phrase(text, fold(match.group(0))), "ngày sinh, năm sinh"))
    return list(found.values())


def _is_amount(value: str) -> bool:
    """A Vietnamese amount ("1.234.567.890"), a range of them ("1.500.000 - 2.000.000"), or years ("2025 - 2026 -
    2027"): an ID starts with its province code (0..), a phone with 0, and neither is made of years alone."""
    return (bool(_AMOUNT.fullmatch(value)) or all(_AMOUNT.fullmatch(piece) for piece in _RANGE.split(value))
            or all(_YEAR.fullmatch(group) for group in _DIGIT_GROUP.findall(value)))


def _numbers(text: str) -> list[str]:
    """Runs of digits as one number each. People group an ID or a phone in blocks of two to five digits;
    a run joined by dashes with a longer block ("20261127-1900", a date and a time) is several numbers, read
    one by one; joined by spaces ("0912 345678", a line break in the source) it is one."""
    values = []
    for match in _DIGIT_RUN.finditer(text):
        value = match.group(0).strip()
        groups = _DIGIT_GROUP.findall(value)
        if value.startswith(("(", "+")):
            groups = groups[1:]  # the country or area code is short by nature
        if len(groups) > 1 and max(map(len, groups)) > _LONGEST_GROUP and _JOINER.search(value):
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
