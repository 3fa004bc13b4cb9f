"""The board's paperwork: "Biên bản niêm yết" and "Biên bản kết thúc niêm yết", one page per posting place,
printed by `make print` while a disclosure is upcoming or posted."""

from __future__ import annotations

import datetime as dt

import pytest

from plugins.disclosures.model import Disclosure, Posting
from plugins.sheets.document import minutes_places
from tests.test_sheets import COMMUNE, text


def posted_at(*places):
    return Disclosure(year="2026", slug="x", source_dir="disclosures/2026/x", title="Thông báo X", kind="notice",
                      issued=dt.date(2026, 2, 9), issuer="ỦY BAN NHÂN DÂN XÃ HÒA AN",
                      posting=Posting(dt.date(2026, 2, 10), dt.date(2026, 3, 11), places))


def test_one_page_per_board_with_who_signs_there():
    places = minutes_places(posted_at("commune-hq", "all-villages", "website", "loudspeaker"), COMMUNE)
    assert [p.name for p in places] == ["trụ sở Ủy ban nhân dân xã Hòa An",
                                        *(f"Nhà văn hóa {v.name}" for v in COMMUNE.villages)]
    assert places[0].signers == ("Đại diện Ủy ban nhân dân xã",
                                 "Đại diện Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã")
    assert places[1].signers[2] == "Trưởng thôn"
    assert [p.name for p in minutes_places(posted_at("dong-ben"), COMMUNE)] == ["Nhà văn hóa Thôn Đồng Bến"]
    assert minutes_places(posted_at("website"), COMMUNE) == []


@pytest.mark.parametrize(("name", "words"), [
    ("2026-ke-hoach-su-dung-dat-2026-bien-ban-niem-yet.pdf",
     ["BIÊN BẢN", "Niêm yết công khai thông báo số 22/TB-UBND ngày 09/02/2026", "Đã tiến hành niêm yết công khai",
      "từ ngày 10/02/2026 đến hết ngày 31/12/2026", "ĐẠI DIỆN BAN THƯỜNG TRỰC ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM XÃ"]),
    ("2026-ke-hoach-su-dung-dat-2026-bien-ban-ket-thuc.pdf",
     ["BIÊN BẢN", "Kết thúc niêm yết công khai thông báo", "đủ thời gian theo quy định",
      "đã nhận được ..... ý kiến góp ý, phản ánh", "TRƯỞNG THÔN"]),
])
def test_the_minutes_are_printed_with_blanks_to_fill_and_sign(sample_sheets, name, words):
    pdf = sample_sheets / name
    content = " ".join(text(pdf).split())
    for expected in words:
        assert expected in content, expected
    from pypdf import PdfReader

    assert len(PdfReader(pdf).pages) == 1 + 4  # the commune's office and the four villages' cultural houses
    assert "Nhà văn hóa Thôn Phú Sơn" in content and "Ông (bà) ....." in content


def test_a_page_of_minutes_stays_small(sample_sheets):
    """A page per board: the lines to write comments on were once drawn dot by dot, 84 KB a page, 3.4 MB for a
    list posted in forty villages' cultural houses."""
    from pypdf import PdfReader

    pdfs = list(sample_sheets.glob("*bien-ban*.pdf"))
    assert pdfs
    for pdf in pdfs:  # the fonts once, about 16 KB; a page of minutes about 2.5 KB
        assert pdf.stat().st_size < 30_000 + 10_000 * len(PdfReader(pdf).pages), pdf.name


def test_ended_disclosures_have_no_minutes_to_print(sample_sheets):
    assert not list(sample_sheets.glob("2025-*bien-ban*.pdf"))
    assert (sample_sheets / "2026-ra-soat-ho-ngheo-2026-bien-ban-ket-thuc.pdf").is_file()  # posted 18-24/11


def test_the_page_links_its_minutes_while_posted(sample_site):
    from tests.conftest import soup

    page = soup(sample_site / "cong-khai/2026/ke-hoach-su-dung-dat-2026/index.html")
    links = {a["href"] for a in page.select("a[href*='/in/bien-ban-']")}
    assert links == {"/cong-khai/2026/ke-hoach-su-dung-dat-2026/in/bien-ban-niem-yet/",
                     "/cong-khai/2026/ke-hoach-su-dung-dat-2026/in/bien-ban-ket-thuc/"}
    assert all((sample_site / href.lstrip("/") / "index.html").is_file() for href in links)
    ended = soup(sample_site / "cong-khai/2025/ra-soat-ho-ngheo-2025/index.html")
    assert not ended.select("a[href*='/in/bien-ban-']")


def test_the_closing_minutes_stay_to_print_for_a_while_after_the_posting_ends(tmp_path):
    """Signed on the last day or the working days after, when the sheets have left the site: the poverty list
    posted 18-24/11 keeps its closing minutes (and nothing else to print, and no household's name) for 15 days,
    linked from its page, printed by `make print NOW=1`; then they go too."""
    from tests.conftest import ROOT, build, ckx, soup
    from tests.test_last_good import household_names

    output = tmp_path / "out"
    assert build(ROOT / "content", output, build_date="2026-11-25").returncode == 0
    views = output / "cong-khai/2026/ra-soat-ho-ngheo-2026/in"
    assert sorted(p.relative_to(views).as_posix() for p in views.rglob("index.html")) == ["bien-ban-ket-thuc/index.html"]
    closing = (views / "bien-ban-ket-thuc/index.html").read_text(encoding="utf-8")
    assert "Kết thúc niêm yết công khai" in closing and "ngày 24/11/2026" in closing
    assert not [name for name in household_names() if name in closing]
    page = soup(output / "cong-khai/2026/ra-soat-ho-ngheo-2026/index.html")
    assert {a["href"] for a in page.select("a[href*='/in/']")} == {"/cong-khai/2026/ra-soat-ho-ngheo-2026/in/bien-ban-ket-thuc/"}
    assert "có trên trang đến hết ngày 09/12/2026" in " ".join(page.get_text().split())
    assert ckx("print", "--output", str(output), "--now").returncode == 0
    assert (output / "print/2026-ra-soat-ho-ngheo-2026-bien-ban-ket-thuc.pdf").is_file()
    assert build(ROOT / "content", output, build_date="2026-12-09").returncode == 0
    assert (views / "bien-ban-ket-thuc/index.html").is_file()  # the last day
    assert build(ROOT / "content", output, build_date="2026-12-10").returncode == 0
    assert not views.exists()
    assert not soup(output / "cong-khai/2026/ra-soat-ho-ngheo-2026/index.html").select("a[href*='/in/']")
