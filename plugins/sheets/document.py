"""The blocks of an administrative document (Nghị định 30/2020/NĐ-CP), from a disclosure.

Pure: the sheet template only lays these out. Every visible string is built
here so it is tested once: issuer lines, "Số:", the place-and-date line with
the zero-padding rule, document type, summary line, posting line, signature
and "Nơi nhận".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import segno

from plugins.disclosures.model import Commune, Disclosure, Village
from plugins.vietnamese.format import document_date, short_date
from plugins.vietnamese.text import fold

DOCUMENT_TYPES = {  # the symbol in "Số: 15/TB-UBND" names the type
    "TB": "THÔNG BÁO", "QĐ": "QUYẾT ĐỊNH", "BC": "BÁO CÁO", "KH": "KẾ HOẠCH", "NQ": "NGHỊ QUYẾT",
    "TTr": "TỜ TRÌNH", "CTr": "CHƯƠNG TRÌNH", "HD": "HƯỚNG DẪN", "GM": "GIẤY MỜI",
}
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


@dataclass(frozen=True)
class Sheet:
    issuer_lines: tuple[str, ...]  # ("ỦY BAN NHÂN DÂN", "XÃ HÒA AN")
    number_line: str  # "Số: 15/TB-UBND" or "Số:      /TB-UBND" when not numbered yet
    national_title: str
    motto: str
    place_date: str  # "Hòa An, ngày 05 tháng 01 năm 2026"
    document_type: str  # "THÔNG BÁO"
    summary: str  # "Niêm yết công khai ..."
    posting_line: str | None  # "Niêm yết tại ... từ ngày ... đến hết ngày ..."
    on_behalf: str | None
    signer_role: str | None
    signer_name: str | None
    recipients: tuple[str, ...]
    qr_svg: str | None
    url: str | None
    village: Village | None = None


def document_type(disclosure: Disclosure) -> str:
    match = re.search(r"/([A-Za-zĐđ]+)", disclosure.number or "")
    return DOCUMENT_TYPES.get(match.group(1), "THÔNG BÁO") if match else "THÔNG BÁO"


def summary_line(title: str, doc_type: str) -> str:
    """The title without its leading document type: "Thông báo niêm yết X" -> "Niêm yết X"."""
    words = title.split()
    type_words = len(doc_type.split())
    if fold(" ".join(words[:type_words])) == fold(doc_type):
        rest = " ".join(words[type_words:]).lstrip(":, ")
        return rest[:1].upper() + rest[1:]
    return title


def issuer_lines(issuer: str) -> tuple[str, ...]:
    """"ỦY BAN NHÂN DÂN XÃ HÒA AN" -> ("ỦY BAN NHÂN DÂN", "XÃ HÒA AN"), as the header is set; a body under a
    superior one is written over two lines ("ỦY BAN MTTQ VIỆT NAM XÃ HÒA AN\nBAN THANH TRA NHÂN DÂN")."""
    if "\n" in issuer:
        return tuple(line.strip().upper() for line in issuer.split("\n") if line.strip())
    issuer = issuer.upper()
    head = "ỦY BAN NHÂN DÂN"
    if issuer.startswith(head + " "):
        return head, issuer[len(head) + 1:]
    return (issuer,)


def posting_line(disclosure: Disclosure, place_names: list[str]) -> str | None:
    if not disclosure.posting or not place_names:
        return None
    places = ", ".join(place_names)
    return (f"Niêm yết tại {places} từ ngày {short_date(disclosure.posting.start)} "
            f"đến hết ngày {short_date(disclosure.posting.end)}.")


def board_places(disclosure: Disclosure, commune: Commune) -> list[str]:
    """The boards of the posting places, as a sentence names them (website and loudspeaker are not boards)."""
    names = []
    for place in disclosure.posting.places if disclosure.posting else ():
        if place == "commune-hq":
            names.append(f"trụ sở Ủy ban nhân dân {commune.in_sentence}")
        elif place == "all-villages":
            names.append("nhà văn hóa các thôn, tổ dân phố")
        elif village := commune.village(place):
            names.append(f"Nhà văn hóa {village.name}")
    return names


def recipients(disclosure: Disclosure, commune: Commune, village: Village | None) -> tuple[str, ...]:
    explicit = disclosure.recipients
    if explicit:
        return tuple(explicit)
    places = disclosure.posting.places if disclosure.posting else ()
    lines = []
    if village is not None:
        lines.append(f"Trưởng {village.name} (niêm yết);")
    elif "all-villages" in places:
        lines.append("Trưởng các thôn, tổ dân phố (niêm yết);")
    else:
        lines += [f"Trưởng {v.name} (niêm yết);" for v in commune.villages if v.slug in places]
    if "loudspeaker" in places:
        lines.append("Đài truyền thanh xã;")
    if "website" in places:
        lines.append("Trang thông tin điện tử xã;")
    lines.append("Lưu: VT.")
    return tuple(lines)


@lru_cache(maxsize=4096)
def qr_svg(url: str) -> str:
    """A QR code to the page, as inline SVG (black on white, prints on any office printer).

    Cached: a per-village list prints forty sheets with the same address, and choosing the best
    mask (what keeps a printed code easy to scan) is the costly part."""
    return segno.make_qr(url, error="m").svg_inline(scale=3, dark="#000", light="#fff", border=2)


def build_sheet(disclosure: Disclosure, commune: Commune, village: Village | None = None,
                qr: Callable[[str], str] = qr_svg) -> Sheet:
    """`qr` makes the QR code of a URL (the build passes one that keeps them between runs)."""
    doc_type = document_type(disclosure)
    symbol = (disclosure.number or "").split("/", 1)[-1] if disclosure.number else "TB-UBND"
    number_line = f"Số: {disclosure.number}" if disclosure.number else f"Số:       /{symbol}"
    places = [f"Nhà văn hóa {village.name}"] if village else board_places(disclosure, commune)
    url = f"{commune.site_url.rstrip('/')}/{disclosure.url}" if commune.site_url else None
    signer, issuing = disclosure.signer, disclosure.issuing
    return Sheet(
        issuer_lines=issuer_lines(disclosure.issuer),
        number_line=number_line,
        national_title=NATIONAL_TITLE,
        motto=MOTTO,
        place_date=f"{commune.name}, {document_date(disclosure.issued)}",
        document_type=doc_type,
        summary=summary_line(disclosure.title, doc_type),
        posting_line=posting_line(disclosure, places),
        on_behalf=(signer.on_behalf if signer else issuing.on_behalf if issuing else None),
        signer_role=(signer.role.upper() if signer else issuing.role.upper() if issuing and issuing.role else None),
        signer_name=(signer.name if signer else None),
        recipients=recipients(disclosure, commune, village),
        qr_svg=qr(url) if url else None,
        url=url,
        village=village,
    )


MINUTES = {  # view folder -> what the minutes record
    "bien-ban-niem-yet": "Niêm yết công khai",
    "bien-ban-ket-thuc": "Kết thúc niêm yết công khai",
}


@dataclass(frozen=True)
class MinutesPlace:
    """One posting place's minutes page: where it is, and who signs there."""

    name: str  # "trụ sở Ủy ban nhân dân xã Hòa An", "Nhà văn hóa Thôn Đồng Bến"
    signers: tuple[str, ...]  # who signs, as a sentence names them; the signature columns set them upper case


def minutes_places(disclosure: Disclosure, commune: Commune) -> list[MinutesPlace]:
    """The boards a disclosure is posted on, each with its minutes: at the commune's office the Ủy ban and the
    Mặt trận Tổ quốc committee sign; at a village's cultural house its head too (Luật 10/2022, Điều 13)."""
    committee = f"Đại diện Ủy ban nhân dân {commune.type}"
    front = f"Đại diện Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam {commune.type}"
    places = []
    for place in disclosure.posting.places if disclosure.posting else ():
        if place == "commune-hq":
            places.append(MinutesPlace(f"trụ sở Ủy ban nhân dân {commune.in_sentence}", (committee, front)))
        villages = commune.villages if place == "all-villages" else [v for v in [commune.village(place)] if v]
        for village in villages:
            head = "Tổ trưởng tổ dân phố" if village.name.lower().startswith("tổ") else "Trưởng thôn"
            places.append(MinutesPlace(f"Nhà văn hóa {village.name}", (committee, front, head)))
    return places
