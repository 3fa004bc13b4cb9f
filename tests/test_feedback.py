"""The feedback box: on every page of the commune's site and on every printed sheet, with where and how to
comment; on a disclosure posted today also the deadline, a mail link with the subject filled in, and on one
still current a QR code."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from tests.conftest import soup
from tests.test_sheets import text

PHONE, EMAIL = "0236 3861 234", "gopy.hoaan@example.gov.vn"


def web_pages(site):
    return [p for p in site.rglob("*.html") if p.relative_to(site).parts[0] != "admin"
            and "in" not in p.relative_to(site).parts[:-1]]


def test_every_page_has_the_feedback_box(sample_site):
    pages = web_pages(sample_site)
    assert len(pages) > 40
    for page in pages:
        box = soup(page).select_one(".ckx-feedback")
        assert box is not None, page
        words = box.get_text(" ", strip=True)
        assert PHONE in words and EMAIL in words and "Thời gian tiếp nhận" in words, page


def test_a_posted_disclosure_gives_its_deadline_a_mail_link_and_a_qr_code(sample_site):
    page = soup(sample_site / "cong-khai/2026/ke-hoach-su-dung-dat-2026/index.html")
    box = page.select_one(".ckx-feedback")
    assert box.select_one(".ckx-feedback__deadline time")["datetime"] == "2026-12-31"
    mail = urlparse(box.select_one(".ckx-feedback__mail")["href"])
    assert mail.scheme == "mailto" and mail.path == EMAIL
    assert parse_qs(mail.query)["subject"] == ["Góp ý: " + page.h1.get_text(strip=True)]
    assert box.select_one(".ckx-feedback__qr svg")
    ended = soup(sample_site / "cong-khai/2025/ra-soat-ho-ngheo-2025/index.html").select_one(".ckx-feedback")
    assert ended.select_one(".ckx-feedback__deadline") is None and ended.select_one(".ckx-feedback__mail")
    assert ended.select_one(".ckx-feedback__qr") is None  # taken down over 90 days ago: no longer passed on
    recent = soup(sample_site / "cong-khai/2026/ket-qua-tthc-quy-3-2026/index.html")  # issued in October
    assert recent.select_one(".ckx-feedback__qr svg")
    home = soup(sample_site / "index.html").select_one(".ckx-feedback")
    assert home.select_one(".ckx-feedback__mail") is None and home.select_one("svg") is None


def test_every_printed_sheet_says_how_to_comment(sample_sheets):
    # the minutes (test_minutes) and the announcer's sheet (test_loudspeaker) are not posted on a board
    pdfs = sorted(p for p in sample_sheets.glob("*.pdf") if "-bien-ban-" not in p.name and "-bai-doc-loa" not in p.name)
    assert len(pdfs) >= 15
    for pdf in pdfs:
        words = " ".join(text(pdf).split())
        assert "Góp ý, phản ánh" in words and PHONE in words and "hòm thư góp ý" in words, pdf.name
    posted = " ".join(text(sample_sheets / "2026-ke-hoach-su-dung-dat-2026.pdf").split())
    assert "Góp ý, phản ánh đến hết ngày 31/12/2026" in posted
