"""Consulting the people on a draft (kind `consultation`) and the boards' supervision results (kind
`supervision`): their checks, where a consultation stands on a date, its outcome, the works with their
recommendations and the disclosures that name the same work."""

from __future__ import annotations

import datetime as dt

from plugins.consultation.load import ConsultationData, Outcome
from plugins.consultation.present import status_text
from tests.conftest import FIXTURES, build, ckx, copy_site, soup
from tests.test_procedures import compact

CONSULTATION = FIXTURES / "sites/xa-lay-y-kien"
SUPERVISION = FIXTURES / "sites/xa-giam-sat"


def test_where_a_consultation_stands_on_each_day():
    data = ConsultationData(dt.date(2026, 3, 2), dt.date(2026, 3, 21), [], None)
    assert status_text(data, dt.date(2026, 3, 1)) == "Lấy ý kiến Nhân dân từ ngày 02/03/2026 đến hết ngày 21/03/2026."
    assert status_text(data, dt.date(2026, 3, 2)) == "Còn 20 ngày để góp ý (đến hết ngày 21/03/2026)."
    assert status_text(data, dt.date(2026, 3, 21)) == "Hôm nay là ngày cuối để góp ý (đến hết ngày 21/03/2026)."
    assert status_text(data, dt.date(2026, 3, 22)) == "Đã hết thời gian góp ý; Ủy ban nhân dân đang tổng hợp ý kiến."
    data.outcomes = [Outcome("Mức đóng góp", 12, "Tiếp thu", None), Outcome("Giờ giấc", 5, "Giữ nguyên", None)]
    assert status_text(data, dt.date(2026, 4, 1)) == "Đã tiếp thu, giải trình 17 ý kiến của Nhân dân."


def test_the_sample_consultation_counts_down_on_its_page_and_the_home_page(sample_site):
    page = soup(sample_site / "cong-khai/2026/lay-y-kien-quy-uoc-thon-tay/index.html")
    status = "Còn 12 ngày để góp ý (đến hết ngày 02/12/2026)."  # built on 21/11/2026
    assert page.select_one(".ckx-consultation__status").get_text() == status
    assert page.select_one(".ckx-key-figure").get_text() == status
    ways = [li.get_text() for li in page.select(".ckx-consultation li")]
    assert ways[0] == "Tại hội nghị ở thôn, tổ dân phố;" and len(ways) == 4
    feedback = " ".join(page.select_one(".ckx-feedback").get_text(" ").split())
    assert "Ý kiến về văn bản này gửi đến hết ngày 02/12/2026 (hết thời gian lấy ý kiến)" in feedback
    home = soup(sample_site / "index.html")
    block = home.select_one("#ckx-dang-lay-y-kien").parent
    assert block.select_one('a[href="/cong-khai/2026/lay-y-kien-quy-uoc-thon-tay/"]') is not None
    assert status in block.get_text()


def test_after_its_period_a_consultation_shows_its_outcome_or_that_comments_are_being_collated(tmp_path):
    result = build(CONSULTATION, tmp_path / "out", build_date="2026-04-01")
    assert result.returncode == 0, result.stderr
    page = soup(tmp_path / "out/cong-khai/2026/du-thao/index.html")
    assert page.select_one(".ckx-consultation__status").get_text() == "Đã tiếp thu, giải trình 17 ý kiến của Nhân dân."
    rows = [[c.get_text() for c in tr.select("th, td")] for tr in page.select(".ckx-consultation-table tbody tr")]
    assert rows[0] == ["Mức đóng góp xây dựng nhà văn hóa", "12", "Tiếp thu: giảm mức đóng góp của hộ nghèo, hộ cận nghèo."]
    assert (tmp_path / "out/cong-khai/2026/du-thao/du-lieu/ket-qua-lay-y-kien.csv").is_file()

    site = copy_site("xa-lay-y-kien", tmp_path)
    index = site / "disclosures/2026/du-thao/index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("tables:\n  - file: ket-qua.csv\n", ""), encoding="utf-8")
    (site / "disclosures/2026/du-thao/ket-qua.csv").unlink()
    assert build(site, tmp_path / "out2", build_date="2026-04-01").returncode == 0
    page = soup(tmp_path / "out2/cong-khai/2026/du-thao/index.html")
    assert page.select_one(".ckx-consultation__status").get_text() == "Đã hết thời gian góp ý; Ủy ban nhân dân đang tổng hợp ý kiến."
    assert page.select_one(".ckx-consultation-table") is None


def test_consultation_periods_are_checked(tmp_path):
    site = copy_site("xa-lay-y-kien", tmp_path)
    index = site / "disclosures/2026/du-thao/index.md"
    text = index.read_text(encoding="utf-8")
    index.write_text(text.replace("comments: {from: 2026-03-02, to: 2026-03-21}", "comments: {from: 2026-03-02, to: 2026-03-11}")
                     .replace("ways: [meetings, forms]", "ways: [meetings, fax]"), encoding="utf-8")
    result = ckx("validate", "--content", str(site))
    assert sorted(compact(result.stderr)) == [("index.md", "CẢNH BÁO", "lay-y-kien-qua-ngan", "comments"),
                                              ("index.md:6", "LỖI", "gia-tri-khong-hop-le", "ways.1")], result.stderr
    assert "10 ngày, ngắn hơn 30 ngày" in result.stderr and "31/03/2026" in result.stderr
    other = text.replace("dự thảo Quy ước Thôn 2", "phương án sửa đường Thôn 2")  # no text sets a minimum for it
    index.write_text(other.replace("to: 2026-03-21}", "to: 2026-03-11}"), encoding="utf-8")
    assert "lay-y-kien-qua-ngan" not in ckx("validate", "--content", str(site)).stderr
    index.write_text(text.replace("to: 2026-03-21}", "to: 2026-02-21}"), encoding="utf-8")
    result = ckx("validate", "--content", str(site))
    assert ("index.md", "LỖI", "khoang-thoi-gian-nguoc", "comments") in compact(result.stderr)


def test_supervision_rows_are_checked_with_their_row_and_column():
    result = ckx("validate", "--content", str(SUPERVISION))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert sorted(compact(result.stderr)) == sorted([
        ("giam-sat.csv:3", "LỖI", "so-khong-hop-le", "Tổng mức đầu tư"),
        ("giam-sat.csv:3", "LỖI", "thon-khong-co", "Thôn, tổ dân phố"),
        ("giam-sat.csv:4", "LỖI", "thieu-gia-tri", "Kết quả"),
    ]), result.stderr


def test_the_sample_supervision_puts_unanswered_recommendations_first_and_links_the_same_work(sample_site):
    folder = sample_site / "cong-khai/2026/giam-sat-duong-lien-thon"
    page = soup(folder / "index.html")
    section = page.select_one(".ckx-supervision")
    assert "Ban Giám sát đầu tư của cộng đồng" in section.h2.get_text()
    names = [h.get_text() for h in section.select(".ckx-works__name")]
    assert names == ["Đường giao thông liên thôn Đông – Tây", "Nhà văn hóa Thôn Phú Sơn", "Kênh tưới nội đồng Thôn Tây"]
    first = section.select_one(".ckx-works__item")
    assert "ckx-works__item--open" in first["class"] and "Chưa được trả lời." in first.get_text()
    links = {a["href"] for a in first.select("a")}
    assert {"/cong-khai/2026/ke-hoach-su-dung-dat-2026/", "/cong-khai/2026/du-toan-ngan-sach-2026/"} <= links
    assert page.select_one(".ckx-key-figure").get_text() == ("3 công trình, nội dung được giám sát; "
                                                            "1 kiến nghị chưa được trả lời.")
    village = soup(folder / "thon-tay/index.html")
    assert [h.get_text() for h in village.select(".ckx-works__name")] == ["Kênh tưới nội đồng Thôn Tây"]
    assert "Tổng mức đầu tư (triệu đồng)" in section.get_text() and "1.200" in section.get_text()


def test_supervision_prints_per_village_without_links(sample_sheets):
    from pypdf import PdfReader

    text = " ".join(" ".join(p.extract_text() for p in PdfReader(sample_sheets / "2026-giam-sat-duong-lien-thon-thon-tay.pdf").pages).split())
    assert "Kênh tưới nội đồng Thôn Tây" in text and "Nhà văn hóa Thôn Phú Sơn" not in text
    whole = " ".join(" ".join(p.extract_text() for p in PdfReader(sample_sheets / "2026-giam-sat-duong-lien-thon.pdf").pages).split())
    assert "Văn bản liên quan" not in whole and "Chưa được trả lời" in whole
