"""Share previews: Open Graph and Twitter tags on every page, and each disclosure's 1200×630 picture."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from PIL import Image

from tests.conftest import soup

SITE = "https://hoaan.example.gov.vn"


def tags(page):
    html = soup(page)
    found = {m["property"]: m["content"] for m in html.select("meta[property^='og:']")}
    found |= {m["name"]: m["content"] for m in html.select("meta[name^='twitter:']")}
    return found


def test_every_page_has_a_preview_with_its_own_address_and_a_picture(sample_site):
    pages = [p for p in sample_site.rglob("index.html") if p.relative_to(sample_site).parts[0] != "admin"
             and "in" not in p.relative_to(sample_site).parts]
    assert len(pages) > 40
    for page in pages:
        found = tags(page)
        path = page.parent.relative_to(sample_site).as_posix()
        assert found["og:title"] and found["og:description"] and found["og:locale"] == "vi_VN", page
        assert found["og:url"] == f"{SITE}/" + ("" if path == "." else f"{path}/"), page
        image = sample_site / found["og:image"].removeprefix(f"{SITE}/")
        assert image.is_file() and found["twitter:card"] == "summary_large_image", page
        with Image.open(image) as picture:
            assert picture.size == (1200, 630) and picture.format == "PNG"


def test_a_disclosure_shares_its_own_picture_and_key_figure(sample_site):
    folder = sample_site / "cong-khai/2026/thuc-hien-ngan-sach-9-thang-2026"
    found = tags(folder / "index.html")
    assert found["og:type"] == "article"
    assert found["og:title"] == soup(folder / "index.html").h1.get_text(strip=True)
    assert found["og:description"].startswith("Tổng thu ngân sách xã: dự toán 9.105,5 triệu đồng")
    assert found["og:image"] == f"{SITE}/cong-khai/2026/thuc-hien-ngan-sach-9-thang-2026/chia-se.png"
    notice = tags(sample_site / "cong-khai/2026/quy-uoc-thon-dong-ben/index.html")
    assert notice["og:description"].startswith("Niêm yết từ ngày ")  # no key figure: the posting dates
    own = [page for page in sample_site.glob("cong-khai/*/*/index.html")
           if tags(page)["og:image"].endswith(f"{page.parent.relative_to(sample_site).as_posix()}/chia-se.png")]
    pictures = {p.read_bytes() for p in sample_site.glob("cong-khai/*/*/chia-se.png")}
    assert 5 <= len(own) == len(pictures)  # one each for what is posted or recent, all different


def test_an_old_disclosure_shares_the_sites_picture_and_has_none_of_its_own(sample_site):
    """Issued in 2025, posted and taken down long before the build date (21/11/2026): nobody shares it now."""
    folder = sample_site / "cong-khai/2025/ra-soat-ho-ngheo-2025"
    assert tags(folder / "index.html")["og:image"] == f"{SITE}/chia-se.png"
    assert (sample_site / "chia-se.png").is_file() and not (folder / "chia-se.png").exists()


@pytest.mark.parametrize(("issued", "end", "today", "own"), [
    ("2026-01-10", "2026-12-31", "2026-11-21", True),  # posted
    ("2026-11-20", "2026-12-01", "2026-11-21", True),  # about to be posted
    ("2026-01-10", "2026-08-23", "2026-11-21", True),  # taken down 90 days ago
    ("2026-01-10", "2026-08-22", "2026-11-21", False),  # 91 days ago
    ("2026-09-01", None, "2026-11-21", True),  # a notice on the website only, issued 81 days ago
    ("2025-09-01", None, "2026-11-21", False),
])
def test_a_picture_of_its_own_while_posted_and_for_ninety_days_after(issued, end, today, own):
    from plugins.disclosures.listings import still_current
    from plugins.disclosures.model import Posting

    day = dt.date.fromisoformat
    posting = Posting(day(issued), day(end), ("commune-hq",)) if end else None
    disclosure = SimpleNamespace(issued=day(issued), posting=posting)
    assert still_current(disclosure, day(today)) is own


def test_without_site_url_the_preview_has_no_addresses(small_site):
    found = tags(small_site / "cong-khai/2026/thong-bao-tam-ngung-cap-nuoc/index.html")
    assert "og:url" not in found and "og:image" not in found
    assert found["twitter:card"] == "summary" and found["og:title"].startswith("Thông báo tạm ngừng cấp nước")


class CountingFont:
    """A font that counts its measurements: the wrapping's work, measured without a clock."""

    def __init__(self, font) -> None:
        self.font, self.calls = font, 0

    def getlength(self, text: str) -> float:
        self.calls += 1
        return self.font.getlength(text)


def test_wrapping_a_huge_title_measures_a_bounded_number_of_times():
    """A 200,000-letter word once made a picture too big to draw, and a 40,000-letter title took 103 s: the text is
    cut to what four lines hold, a word wider than a line is broken by halving, and wrapping stops when full."""
    from plugins.share.image import MARGIN, WIDTH, _font, _wrap

    width = WIDTH - 2 * MARGIN
    for title in ("a" * 200_000, "Thông báo " * 4_000, "x " * 40_000):
        font = CountingFont(_font(True, 58))
        lines = _wrap(title, font, width, 4)
        assert len(lines) == 4 and lines[-1].endswith("…")
        assert all(font.font.getlength(line) <= width for line in lines)
        assert font.calls < 400, font.calls
    short = _wrap("Thông báo lịch tiếp công dân", CountingFont(_font(True, 58)), width, 4)
    assert short == ["Thông báo lịch tiếp công dân"]


def test_a_shared_picture_stays_true_after_the_posting_ends(tmp_path):
    """The picture carries the posting's dates, never a status: the same bytes while posted and after."""
    from tests.conftest import FIXTURES, build

    pictures = []
    for day in ("2026-03-05", "2026-06-15"):  # posted, then ended 76 days before
        result = build(FIXTURES / "sites/phuong-nho", tmp_path / day, build_date=day)
        assert result.returncode == 0, result.stderr
        pictures.append((tmp_path / day / "cong-khai/2026/thong-bao-tam-ngung-cap-nuoc/chia-se.png").read_bytes())
    assert pictures[0] == pictures[1]
