"""Text as an announcer reads it on the loudspeaker: numbers, amounts, dates, times, percentages, document
numbers and abbreviations in words ("9.105,5 triệu đồng" -> "chín nghìn một trăm linh năm phẩy năm triệu
đồng", "ha" -> "héc-ta", "UBND" -> "Ủy ban nhân dân").

Hand-written rather than num2words (0.5.14, the latest): its Vietnamese reads 2026 as "hai nghìn lẻ hai mươi
sáu", 1050 as "một nghìn lẻ năm mươi", 9105,5 as "... phẩy năm mươi" and 0,05 as "không phẩy năm". The rules
announcers follow (domain §9) fit in a page and are tested case by case in tests/test_spoken.py:
- a group after the first is read whole: "một nghìn không trăm năm mươi", "hai nghìn không trăm hai mươi sáu";
- a zero ten is "linh" (or "lẻ"): "một trăm linh năm";
- a final 1 after twenty is "mốt", a final 5 after ten is "lăm", a final 4 after twenty "tư" (or "bốn");
- the decimal comma is "phẩy"; up to two decimals are read as a number ("phẩy chín mươi tám", "phẩy không
  năm"), more digit by digit;
- a number of three digits or more starting with 0 (a phone number, "0203...") is read digit by digit; two
  digits are a count written as the decree writes days ("05 ngày": "năm ngày").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


@dataclass(frozen=True)
class Style:
    """Where regions and announcers differ; the defaults are the national broadcaster's (Northern)."""

    zero_ten: str = "linh"  # "linh" | "lẻ": 105 is "một trăm linh năm" or "một trăm lẻ năm"
    four: str = "tư"  # "tư" | "bốn": 24 is "hai mươi tư" or "hai mươi bốn"
    thousand: str = "nghìn"  # "nghìn" | "ngàn"


STYLE_CHOICES = {"zero_ten": ("linh", "lẻ"), "four": ("tư", "bốn"), "thousand": ("nghìn", "ngàn")}


DEFAULT = Style()


def _below_thousand(n: int, whole: bool, style: Style) -> list[str]:
    """0 < n < 1000; `whole` reads a zero hundred ("không trăm") as every group after the first needs."""
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    words = [DIGITS[hundreds], "trăm"] if hundreds or whole else []
    if tens == 0:
        if units:
            words += ([style.zero_ten] if words else []) + [DIGITS[units]]
    elif tens == 1:
        words.append("mười")
        if units:
            words.append("lăm" if units == 5 else DIGITS[units])
    else:
        words += [DIGITS[tens], "mươi"]
        if units:
            words.append({1: "mốt", 4: style.four, 5: "lăm"}.get(units, DIGITS[units]))
    return words


def integer_words(n: int, style: Style = DEFAULT) -> str:
    """1050 -> "một nghìn không trăm năm mươi"; 2_500_000_000 -> "hai tỷ năm trăm triệu"."""
    if n < 0:
        return "âm " + integer_words(-n, style)
    if n == 0:
        return DIGITS[0]
    return " ".join(_integer(n, False, style))


def _integer(n: int, whole: bool, style: Style) -> list[str]:
    """Words for 0 < n; above a billion the count of billions is itself a number ("một nghìn tỷ")."""
    billion = 10 ** 9
    if n >= billion:
        words = [*_integer(n // billion, whole, style), "tỷ"]
        rest = n % billion
        return words + (_integer(rest, True, style) if rest else [])
    words: list[str] = []
    for scale, size in (("triệu", 10 ** 6), (style.thousand, 10 ** 3), ("", 1)):
        group = n // size % 1000
        if group:
            words += _below_thousand(group, whole or bool(words), style) + ([scale] if scale else [])
    return words


def digits_words(digits: str) -> str:
    """"0203" -> "không hai không ba": phone numbers and long decimals."""
    return " ".join(DIGITS[int(d)] for d in digits if d.isdigit())


def number_words(text: str, style: Style = DEFAULT) -> str:
    """A number as written in Vietnamese ("9.105,5", "1.234", "0,05", "0203") in words."""
    whole, _, fraction = text.partition(",")
    whole = whole.replace(".", "")
    if len(whole) > 2 and whole.startswith("0") and not fraction:
        return digits_words(whole)
    words = integer_words(int(whole), style)
    if not fraction:
        return words
    if len(fraction) > 2:
        return f"{words} phẩy {digits_words(fraction)}"
    zeros = len(fraction) - len(fraction.lstrip("0"))
    rest = fraction.lstrip("0")
    return " ".join([words, "phẩy", *([DIGITS[0]] * zeros), *([integer_words(int(rest), style)] if rest else [])])


def month_words(month: int, style: Style = DEFAULT) -> str:
    """April is always "tư"."""
    return "tư" if month == 4 else integer_words(month, style)


# Whole words only, as written in notices; checked longest first so "MTTQVN" is not read as "MTTQ" + "VN".
ABBREVIATIONS = {
    "UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "MTTQVN": "Mặt trận Tổ quốc Việt Nam",
    "MTTQ": "Mặt trận Tổ quốc", "UBMTTQVN": "Ủy ban Mặt trận Tổ quốc Việt Nam", "UBMTTQ": "Ủy ban Mặt trận Tổ quốc",
    "TTHC": "thủ tục hành chính", "NSNN": "ngân sách nhà nước",
    "NSX": "ngân sách xã", "BHYT": "bảo hiểm y tế", "BHXH": "bảo hiểm xã hội", "THCS": "trung học cơ sở",
    "THPT": "trung học phổ thông", "DTTS": "dân tộc thiểu số", "KT-XH": "kinh tế - xã hội",
    "ĐVT": "đơn vị tính", "STT": "số thứ tự", "GPMB": "giải phóng mặt bằng", "XDCB": "xây dựng cơ bản",
    "NTM": "nông thôn mới", "HTX": "hợp tác xã", "TDP": "tổ dân phố", "KDC": "khu dân cư",
    "CCCD": "căn cước công dân", "BCĐ": "Ban Chỉ đạo", "CTMTQG": "chương trình mục tiêu quốc gia",
    "TTND": "Thanh tra nhân dân", "GSĐTCĐ": "giám sát đầu tư của cộng đồng", "Tr.đó": "Trong đó",
    "tr.đó": "trong đó", "tr.đ": "triệu đồng", "trđ": "triệu đồng", "TP": "thành phố",
}
UNITS = {  # after a number only: "ha" alone is not a word to expand
    "ha": "héc-ta", "m2": "mét vuông", "m²": "mét vuông", "m3": "mét khối", "m³": "mét khối", "km": "ki-lô-mét",
    "m": "mét", "kg": "ki-lô-gam", "đ": "đồng", "VNĐ": "đồng", "VND": "đồng", "đồng/tháng": "đồng một tháng",
    "%": "phần trăm",
}
ISSUERS = {  # the part after the dash in "30/2020/NĐ-CP": who issued it
    "CP": "của Chính phủ", "TTg": "của Thủ tướng Chính phủ", "UBND": "của Ủy ban nhân dân",
    "HĐND": "của Hội đồng nhân dân", "BTC": "của Bộ Tài chính", "BTNMT": "của Bộ Tài nguyên và Môi trường",
    "BNNMT": "của Bộ Nông nghiệp và Môi trường", "BNV": "của Bộ Nội vụ", "BCA": "của Bộ Công an",
    "BLĐTBXH": "của Bộ Lao động - Thương binh và Xã hội", "UBTVQH": "của Ủy ban Thường vụ Quốc hội",
    "MTTQ": "của Mặt trận Tổ quốc", "QH": "của Quốc hội",
}

# A document's type before its number, as the sentence may say it already or not: "30/2020/NĐ-CP" alone is read
# "Nghị định số ba mươi...", "Nghị định 30/2020/NĐ-CP" is not read "Nghị định Nghị định...".
DOCUMENT_TYPES = {
    "NĐ": "Nghị định", "TT": "Thông tư", "QĐ": "Quyết định", "NQ": "Nghị quyết", "TB": "Thông báo",
    "BC": "Báo cáo", "KH": "Kế hoạch", "CT": "Chỉ thị", "HD": "Hướng dẫn", "TTr": "Tờ trình", "CV": "Công văn",
    "QH": "Luật", "L": "Luật", "VBHN": "Văn bản hợp nhất", "BB": "Biên bản",
}
OFFICES = {"VP": "Văn phòng", "TCKT": "Tài chính - Kế toán", "ĐC": "Địa chính", "TP": "Tư pháp",
           "VHXH": "Văn hóa - Xã hội"}


def _roman(n: int) -> str:
    tens, units = divmod(n, 10)
    return "X" * tens + ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")[units]


ROMAN = {_roman(n): n for n in range(1, 40)}  # up to "khóa XXXIX" of a council, "Đại hội XIII" of a congress

_LETTER = r"A-Za-zÀ-ỹĐđ"
_DIGIT = re.compile(r"\d")
_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_DOCUMENT = re.compile(rf"(?P<so>\b[Ss]ố:?\s+)?\b(?P<n>\d+)(?:/(?P<year>\d{{4}}))?/(?:(?P<type>[{_LETTER}]+)-)?(?P<issuer>[{_LETTER}]+)\d*\b")
_DATE = re.compile(r"(?P<ngay>\b[Nn]gày\s+)?\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\b")
_DAY_MONTH = re.compile(r"(?P<ngay>\b[Nn]gày\s+)(?P<d>[0-3]?\d)/(?P<m>[01]?\d)(?![/\d])")  # "ngày 31/12", "ngày 2/9"
_PERIOD_OF_YEAR = re.compile(r"\b(?P<word>[Tt]háng|[Qq]uý)\s+(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})\b")  # "tháng 9/2026"
_ROMAN_AFTER = re.compile(r"\b(?P<word>[Qq]uý|[Pp]hần|[Mm]ục|[Cc]hương|[Đđ]iều|[Kk]hóa|[Nn]hóm|[Đđ]ợt|[Pp]hụ lục|[Đđ]ại hội"
                          r"|[Kk]ỳ|[Bb]iểu|[Tt]iết)\s+"
                          rf"(?P<roman>{'|'.join(sorted(ROMAN, key=len, reverse=True))})(?![{_LETTER}\d])")
_WORDED_DATE = re.compile(r"\b(?P<word>[Nn]gày|[Tt]háng|[Nn]ăm)\s+(?P<n>\d{1,4})\b(?![.,]\d)")
_TIME = r"(?P<{0}h>\d{{1,2}})(?:[h:g](?P<{0}m>\d{{2}})|h|\s?giờ)"
_BEFORE, _AFTER = r"(?<!\d)(?<!\d[.,])", r"(?!\d|[.,]\d)"  # not inside a longer number; a full stop may end it
_TIME_RANGE = re.compile(r"(?P<tu>\b[Tt]ừ\s+)?" + _BEFORE + _TIME.format("a") + r"\s*[-–]\s*" + _TIME.format("b") + rf"(?![{_LETTER}\d])")
_ONE_TIME = re.compile(_BEFORE + _TIME.format("a") + rf"(?![{_LETTER}\d])")
_PHONE = re.compile(_BEFORE + r"0\d{2,3}(?:[ .]?\d{3,4}){2}" + _AFTER)
_NUMBER_RANGE = re.compile(rf"{_BEFORE}(?P<a>{_NUMBER})\s*[-–]\s*(?P<b>{_NUMBER}){_AFTER}")
_NUMBER_UNIT = re.compile(rf"{_BEFORE}(?P<n>{_NUMBER}){_AFTER}(?:\s?(?P<unit>{'|'.join(map(re.escape, sorted(UNITS, key=len, reverse=True)))})(?![{_LETTER}\d]))?")
_ABBREVIATION = re.compile(rf"(?<![{_LETTER}\d])({'|'.join(map(re.escape, sorted(ABBREVIATIONS, key=len, reverse=True)))})(?![{_LETTER}\d])")


def spoken(text: str, style: Style = DEFAULT) -> str:
    """A sentence as the announcer says it. Document numbers first (their digits are not amounts), then
    dates, Roman numerals of periods and sections, times, phone numbers, ranges, numbers with their units,
    and abbreviations; the sentence starts with a capital. Every reading but the Roman numerals' and the
    abbreviations' is of digits, and none writes one: a sentence without digits (half of a script's) skips them."""
    digits = _DIGIT.search(text) is not None
    if digits:
        text = _DOCUMENT.sub(lambda m: _document(m, style), text)
        text = _DATE.sub(lambda m: f"{(m['ngay'] or 'ngày ').strip()} {day_words(int(m['d']), style)} tháng "
                                   f"{month_words(int(m['m']), style)} năm {integer_words(int(m['y']), style)}", text)
        text = _DAY_MONTH.sub(lambda m: f"{m['ngay'].strip()} {day_words(int(m['d']), style)} tháng "
                                        f"{month_words(int(m['m']), style)}" if 1 <= int(m["d"]) <= 31 and 1 <= int(m["m"]) <= 12
                          else m.group(), text)
        text = _PERIOD_OF_YEAR.sub(lambda m: f"{m['word']} "
                                             f"{(month_words if m['word'].lower() == 'tháng' else integer_words)(int(m['m']), style)}"
                                             f" năm {integer_words(int(m['y']), style)}", text)
    text = _ROMAN_AFTER.sub(lambda m: f"{m['word']} {integer_words(ROMAN[m['roman']], style)}", text)
    if digits:
        text = _NUMBER_RANGE.sub(lambda m: f"{m['a']} đến {m['b']}", text)  # "năm 2025-2026": before the year is read
        text = _WORDED_DATE.sub(lambda m: f"{m['word']} " + (month_words(int(m['n']), style) if m["word"].lower() == "tháng"
                                                              else day_words(int(m["n"]), style) if m["word"].lower() == "ngày"
                                                              else integer_words(int(m["n"]), style)), text)
        text = _TIME_RANGE.sub(lambda m: f"{(m['tu'] or 'từ ').strip()} {_time(m['ah'], m['am'], style)} đến {_time(m['bh'], m['bm'], style)}", text)
        text = _ONE_TIME.sub(lambda m: _time(m["ah"], m["am"], style), text)
        text = _PHONE.sub(lambda m: ", ".join(digits_words(group) for group in re.split(r"[ .]", m.group())), text)
        text = _NUMBER_UNIT.sub(lambda m: number_words(m["n"], style) + (f" {UNITS[m['unit']]}" if m["unit"] else ""), text)
    text = _ABBREVIATION.sub(lambda m: ABBREVIATIONS[m.group()], text)
    text = re.sub(r"\s+", " ", text.replace("/", " trên ")).strip()
    return text[:1].upper() + text[1:]


def day_words(day: int, style: Style = DEFAULT) -> str:
    """Days 1 to 10 of a month are "mồng": "ngày mồng năm tháng một"."""
    return f"mồng {integer_words(day, style)}" if 1 <= day <= 10 else integer_words(day, style)


def _document(match: re.Match, style: Style) -> str:
    """"30/2020/NĐ-CP" -> "Nghị định số ba mươi năm hai nghìn không trăm hai mươi của Chính phủ"; the type is not
    said again when the sentence says it before the number ("Nghị định 30/2020/NĐ-CP"), the issuer after it
    ("1234/UBND-VP": "của Văn phòng Ủy ban nhân dân")."""
    words = f"số {integer_words(int(match['n']), style)}"
    if match["year"]:
        words += f" năm {integer_words(int(match['year']), style)}"
    kind, issuer = match["type"], match["issuer"]
    if kind in ISSUERS and issuer not in ISSUERS:  # "UBND-VP": the issuer, then its office
        office = OFFICES.get(issuer)
        words += f" {ISSUERS[kind]}".replace("của ", f"của {office} " if office else "của ", 1)
    elif issuer in ISSUERS:
        words += f" {ISSUERS[issuer]}"
    named = DOCUMENT_TYPES.get(kind or "") or (DOCUMENT_TYPES.get(issuer) if issuer in ("QH",) else None)
    before = match.string[max(0, match.start() - 24):match.start()].lower()
    if named and not before.rstrip().removesuffix("số").rstrip().endswith(named.lower()):
        return f"{named} {words}"
    return words


def _time(hour: str, minute: str | None, style: Style) -> str:
    words = f"{integer_words(int(hour), style)} giờ"
    return words + (f" {integer_words(int(minute), style)}" if minute and int(minute) else "")
