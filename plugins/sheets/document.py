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
class Decision:
    """What makes a sheet numbered "…/QĐ-…" a decision (Nghị định 30/2020, Phụ lục III): the authority that
    decides, "QUYẾT ĐỊNH:", its articles, and its tables as an annex carrying the decision's number."""

    authority: str  # "ỦY BAN NHÂN DÂN XÃ HÒA AN", or "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HÒA AN" when the chair decides
    articles: tuple[str, ...]  # "Điều 1. …" without the "Điều n." prefix
    annex_note: str  # "(Kèm theo Quyết định số 05/QĐ-UBND ngày 05/01/2026 của Ủy ban nhân dân xã Hòa An)"


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
    grounds: tuple[str, ...] = ()  # "Căn cứ …;" lines from `legal_basis`, the last ending with "."
    decision: Decision | None = None


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


def grounds(legal_basis: tuple[str, ...]) -> tuple[str, ...]:
    """`legal_basis` as a document states it: "Căn cứ <each>;", the last one closed with a full stop."""
    lines = []
    for basis in legal_basis:
        text = basis.strip().rstrip(";.")
        text = text if fold(text).startswith("can cu ") else f"Căn cứ {text}"
        lines.append(f"{text};")
    if lines:
        lines[-1] = lines[-1][:-1] + "."
    return tuple(lines)


def decision(disclosure: Disclosure, commune: Commune, summary: str) -> Decision:
    """The articles a disclosure decision has: what it publishes (the annexes), from when, and who carries it
    out. A decision signed for the Ủy ban ("TM.") is the collective's; one signed by its chair alone, the chair's."""
    signer = disclosure.signer
    collective = signer is None or (signer.on_behalf or "").upper().startswith("TM")
    issuer = " ".join(issuer_lines(disclosure.issuer))
    authority = issuer if collective else f"CHỦ TỊCH {issuer}"
    subject = re.sub(r"^(về việc|v/v)\s+", "", summary, flags=re.IGNORECASE)
    subject = subject[:1].upper() + subject[1:]
    when = f"ngày {short_date(disclosure.effective)}" if disclosure.effective else "ngày ký"
    body = issuer[:1] + issuer[1:].lower().replace(commune.name.lower(), commune.name)
    return Decision(
        authority=authority,
        articles=(f"{subject.rstrip('.')}, chi tiết tại các phụ lục kèm theo Quyết định này.",
                  f"Quyết định này có hiệu lực kể từ {when}.",
                  f"Văn phòng Hội đồng nhân dân và Ủy ban nhân dân {commune.type}, Trưởng các thôn, tổ dân phố "
                  "và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này."),
        annex_note=f"(Kèm theo Quyết định số {disclosure.number} ngày {short_date(disclosure.issued)} của {body})")


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
    mask (what keeps a printed code easy to scan) is the costly part. segno is imported here, when a code
    is made: at the top it cost every command 60 ms (it imports urllib.request), most builds making none."""
    import segno

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
    summary = summary_line(disclosure.title, doc_type)
    deciding = decision(disclosure, commune, summary) if doc_type == "QUYẾT ĐỊNH" and disclosure.number else None
    if deciding and not re.match(r"(về|v/v|ban hành|phê duyệt)\b", summary, re.IGNORECASE):
        summary = f"Về việc {summary[:1].lower()}{summary[1:]}"  # a decision's subject line
    lines = recipients(disclosure, commune, village)
    return Sheet(
        issuer_lines=issuer_lines(disclosure.issuer),
        number_line=number_line,
        national_title=NATIONAL_TITLE,
        motto=MOTTO,
        place_date=f"{commune.name}, {document_date(disclosure.issued)}",
        document_type=doc_type,
        summary=summary,
        posting_line=posting_line(disclosure, places),
        on_behalf=(signer.on_behalf if signer else issuing.on_behalf if issuing else None),
        signer_role=(signer.role.upper() if signer else issuing.role.upper() if issuing and issuing.role else None),
        signer_name=(signer.name if signer else None),
        recipients=("Như Điều 3;", *lines) if deciding and not disclosure.recipients else lines,
        qr_svg=qr(url) if url else None,
        url=url,
        village=village,
        grounds=grounds(disclosure.legal_basis),
        decision=deciding,
    )


CLOSING = "bien-ban-ket-thuc"  # the closing minutes' view folder
MINUTES = {  # view folder -> what the minutes record
    "bien-ban-niem-yet": "Niêm yết công khai",
    CLOSING: "Kết thúc niêm yết công khai",
}


@dataclass(frozen=True)
class MinutesPlace:
    """One posting place's minutes page: where it is, and who signs there."""

    name: str  # "trụ sở Ủy ban nhân dân xã Hòa An", "Nhà văn hóa Thôn Đồng Bến"
    signers: tuple[str, ...]  # who signs, as a sentence names them; the signature columns set them upper case


def minutes_places(disclosure: Disclosure, commune: Commune) -> list[MinutesPlace]:
    """The boards a disclosure is posted on, each with its minutes: at the commune's office the Ủy ban and the
    Mặt trận Tổ quốc committee sign; at a village's cultural house its head too (communes' practice, not yet read
    in a text: docs/can-cu-phap-ly.md)."""
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
