"""commune.yml: the commune's name, type, code, contacts and villages."""

from __future__ import annotations

import re

from plugins.disclosures.model import Commune, Feedback, Village
from plugins.disclosures.schema import Checker, ListOf, Record, Text
from plugins.disclosures.yamlsource import YamlSyntaxError, load
from plugins.issues import Issue
from plugins.privacy.rules import Official
from plugins.vietnamese.text import is_slug, nfc, slugify

COMMUNE_TYPES = {"xã": "xã", "phường": "phường", "đặc khu": "đặc khu"}

VILLAGE = Record(fields={"slug": Text(required=True), "name": Text(required=True)})
FEEDBACK = Record(fields={"address": Text(), "phone": Text(), "email": Text(), "hours": Text()})
COMMUNE = Record(
    fields={
        "name": Text(required=True),
        "type": Text(required=True, choices=COMMUNE_TYPES),
        "code": Text(required=True),
        "province": Text(required=True),
        "address": Text(),
        "phone": Text(),
        "email": Text(),
        "site_url": Text(),
        "chairman": Text(),
        "villages": ListOf(item=VILLAGE, required=True, single_allowed=False),
        "feedback": FEEDBACK,
    }
)

FILE = "commune.yml"


def parse_commune(text: str, file: str = FILE, max_bytes: int | None = None) -> tuple[Commune | None, list[Issue]]:
    """Read commune.yml; return the commune (None when unusable) and every issue found."""
    try:
        document = load(nfc(text), max_bytes=max_bytes)
    except YamlSyntaxError as exc:
        return None, [exc.issue(file)]
    checker = Checker(file, document)
    data = checker.check(COMMUNE)
    if not isinstance(data, dict):
        return None, checker.issues
    feedback_data = data["feedback"] or {}
    checker.check_texts(Official.of([data["phone"], data["email"], feedback_data.get("phone"),
                                             feedback_data.get("email")]))
    if data["code"] and not re.fullmatch(r"\d{5}", data["code"]):
        checker.report("ma-xa-khong-hop-le", ("code",), f'"{data["code"]}" không phải là mã gồm 5 chữ số.',
                       'Ghi mã theo Quyết định 19/2025/QĐ-TTg, trong ngoặc kép: code: "25465".')
    _check_contacts(data, checker)
    villages = _villages(data["villages"] or [], checker)
    if not all(data[key] for key in ("name", "type", "code", "province")):
        return None, checker.issues
    feedback = Feedback(**(data["feedback"] or {}))
    fields = {k: data[k] for k in ("name", "type", "code", "province", "address", "phone", "email",
                                   "site_url", "chairman")}
    return Commune(**fields, villages=villages, feedback=feedback), checker.issues


def _villages(items: list[dict], checker: Checker) -> tuple[Village, ...]:
    villages: list[Village] = []
    for index, item in enumerate(items):
        slug, name = item.get("slug"), item.get("name")
        if not slug or not name:
            continue
        path = ("villages", index, "slug")
        if not is_slug(slug):
            checker.report("ten-ngan-khong-hop-le", path, f'"{slug}" có chữ hoa, dấu hoặc khoảng trắng.',
                           f'Dùng chữ thường không dấu nối bằng gạch ngang, ví dụ "{slugify(name)}".')
            continue
        if any(v.slug == slug for v in villages):
            checker.report("trung-ten-ngan", path, f'"{slug}" đã dùng cho một thôn khác.',
                           "Đặt cho mỗi thôn một tên ngắn riêng.")
            continue
        villages.append(Village(slug=slug, name=name))
    return tuple(villages)


_SITE_URL = re.compile(r"https://[a-z0-9.-]+(?::\d+)?(?:/[\w./~-]*)?", re.ASCII | re.IGNORECASE)
_EMAIL = re.compile(r"[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+", re.ASCII | re.IGNORECASE)
_PHONE = re.compile(r"\+?[\d ().-]+", re.ASCII)


def _check_contacts(data: dict, checker: Checker) -> None:
    """Values that become links, QR codes and `tel:`/`mailto:` targets must be what they claim to be."""
    if data["site_url"] and not _SITE_URL.fullmatch(data["site_url"]):
        checker.report("gia-tri-khong-hop-le", ("site_url",), f'"{data["site_url"]}" không phải là địa chỉ trang https.',
                       "Ghi địa chỉ đầy đủ bắt đầu bằng https://, ví dụ https://hoaan.example.gov.vn")
    feedback = data["feedback"] or {}
    for path, value in ((("email",), data["email"]), (("feedback", "email"), feedback.get("email"))):
        if value and not _EMAIL.fullmatch(value):
            checker.report("gia-tri-khong-hop-le", path, f'"{value}" không phải là địa chỉ thư điện tử.',
                           "Ví dụ: ubnd.hoaan@example.gov.vn")
    for path, value in ((("phone",), data["phone"]), (("feedback", "phone"), feedback.get("phone"))):
        digits = re.sub(r"\D", "", value or "", flags=re.ASCII)
        if value and not (_PHONE.fullmatch(value) and 9 <= len(digits) <= 12):
            checker.report("gia-tri-khong-hop-le", path, f'"{value}" không phải là số điện thoại.',
                           'Ghi số điện thoại của cơ quan, ví dụ "0236 3861 234".')
