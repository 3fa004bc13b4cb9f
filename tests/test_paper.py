"""Sheets a commune signs as they are: the hierarchy readable on paper, the signature never alone on a page,
no sentence that only makes sense on a screen."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from tests.conftest import FIXTURES, build, ckx

# Sentences for the screen, and sentences that go stale on a board where paper stays for weeks.
WEB_ONLY = re.compile(r"trang này|bấm |nhấn |cuộn|trình duyệt|trang riêng|ở trên\)|tải về|xem thêm kết quả"
                      r"|vào điện thoại|iCalendar|tính đến ngày in|còn \d+ ngày|mỗi ngày hai buổi", re.IGNORECASE)


def pages_text(pdf) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(pdf).pages]


def test_no_sentence_meant_for_the_web_on_paper(sample_sheets):
    pdfs = sorted(sample_sheets.glob("*.pdf"))
    assert len(pdfs) >= 20
    for pdf in pdfs:
        for text in pages_text(pdf):
            assert not WEB_ONLY.search(text), (pdf.name, WEB_ONLY.search(text).group(), text)


def test_only_parent_rows_are_bold_and_children_are_indented(sample_sheets):
    """Read the budget sheet as the printer sets it: each row's font from its text runs, where each label
    starts from the words' boxes (poppler's pdftotext)."""
    pdf = sample_sheets / "2026-du-toan-ngan-sach-2026.pdf"
    fonts: list[tuple[str, str]] = []

    def visit(text, _cm, _tm, font, _size):
        if text.strip() and font and "Serif" in str(font.get("/BaseFont", "")):  # the chart's labels are sans
            fonts.append((" ".join(text.split()), str(font["/BaseFont"])))

    for page in PdfReader(pdf).pages:
        page.extract_text(visitor_text=visit)

    def font(label):  # the table comes after the summary sentences that name the same rows
        return [f for text, f in fonts if label in text][-1]

    words = [(float(w["xmin"]), w.get_text()) for w in BeautifulSoup(subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout, "html.parser").find_all("word")]

    def left(label):
        first = label.split()
        starts = [x for i, (x, word) in enumerate(words) if [w for _x, w in words[i:i + len(first)]] == first]
        return starts[-1]

    parents = ["TỔNG THU NGÂN SÁCH XÃ", "Các khoản thu xã hưởng 100%", "Chi thường xuyên"]
    children = ["Phí, lệ phí", "Thu bổ sung cân đối", "Chi sự nghiệp giáo dục"]
    for label in parents:
        assert "Bold" in font(label), (label, font(label))
    for label in children:
        assert "Bold" not in font(label), (label, font(label))
    # a child starts to the right of its parent: the indentation survives on paper
    assert left("Phí, lệ phí") > left("Các khoản thu xã hưởng 100%") > left("TỔNG THU NGÂN SÁCH XÃ")


@pytest.fixture(scope="module")
def growing_notices(tmp_path_factory):
    """Twenty notices of growing length (three lines more each): wherever the first page ends, one of them
    puts the end of the text right at the bottom of a page, where a signature block would be left alone."""
    site = tmp_path_factory.mktemp("dai-ngan") / "xa"
    shutil.copytree(FIXTURES / "sites" / "phuong-nho", site)
    source = site / "disclosures/2026/thong-bao-tam-ngung-cap-nuoc"
    front = source.joinpath("index.md").read_text(encoding="utf-8").split("---")[1]
    front = re.sub(r"attachments:.*", "", front, flags=re.DOTALL)
    paragraph = ("Đoạn thuyết minh thứ {n}: Ủy ban nhân dân phường đề nghị các hộ gia đình chủ động dự trữ nước, "
                 "kiểm tra vòi và đường ống trong nhà, báo ngay cho tổ trưởng khi có sự cố trong thời gian sửa chữa.")
    for length in range(20):
        bundle = source.parent / f"thong-bao-{length:02d}"
        bundle.mkdir()
        body = "\n\n".join(paragraph.format(n=n + 1) for n in range(length + 1))
        bundle.joinpath("index.md").write_text(f"---{front}---\n{body}\n", encoding="utf-8")
    shutil.rmtree(source)
    output = site.parent / "out"
    assert build(site, output, build_date="2026-03-10").returncode == 0  # posted: its sheets are made
    result = ckx("print", "--output", str(output), build_date="2026-03-10")
    assert result.returncode == 0, result.stderr
    return sorted(p for p in (output / "print").glob("2026-thong-bao-*.pdf") if "-bien-ban-" not in p.name)


def test_signature_block_never_stands_alone_on_a_page(growing_notices):
    assert len(growing_notices) == 20
    page_counts = set()
    for pdf in growing_notices:
        pages = pages_text(pdf)
        page_counts.add(len(pages))
        signed = next(text for text in pages if "Nơi nhận" in text)
        assert "Đoạn thuyết minh thứ" in signed, (pdf.name, len(pages), signed)
    assert len(page_counts) >= 2  # the lengths did cross a page's end


def test_the_budget_decision_is_printed_as_a_decision_with_its_tables_as_the_annex(sample_sheets):
    """Numbered "05/QĐ-UBND": the authority, its grounds from `legal_basis`, "QUYẾT ĐỊNH:", three articles,
    then after the signature the tables under "PHỤ LỤC" with the decision's number (Nghị định 30/2020)."""
    text = " ".join(pages_text(sample_sheets / "2026-du-toan-ngan-sach-2026.pdf"))
    order = ["QUYẾT ĐỊNH Về việc công khai dự toán ngân sách xã Hòa An năm 2026", "ỦY BAN NHÂN DÂN XÃ HÒA AN Căn cứ",
             "Căn cứ Thông tư 343/2016/TT-BTC hướng dẫn công khai ngân sách;",
             "Căn cứ Nghị quyết số 18/NQ-HĐND ngày 20/12/2025 của Hội đồng nhân dân xã Hòa An. QUYẾT ĐỊNH:",
             "Điều 1. Công khai dự toán ngân sách", "kèm theo Quyết định này.", "Điều 2. Quyết định này có hiệu lực kể "
             "từ ngày ký.", "Điều 3.", "Nơi nhận: - Như Điều 3;", "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Trần Văn Minh",
             "PHỤ LỤC (Kèm theo Quyết định số 05/QĐ-UBND ngày 05/01/2026 của Ủy ban nhân dân xã Hòa An)",
             "TỔNG THU NGÂN SÁCH XÃ 9.105,5"]
    at = [text.find(part) for part in order]
    assert -1 not in at and at == sorted(at), list(zip(order, at, strict=True))


def test_a_total_is_printed_once_where_its_table_ends(sample_sheets):
    """The land-use totals run over two pages: "Cộng" stands once, on the page where its table ends, never
    at the foot of a page above rows still to come."""
    pages = pages_text(sample_sheets / "2026-ke-hoach-su-dung-dat-2026.pdf")
    with_total = [i for i, text in enumerate(pages) if re.search(r"\bCộng \d", text)]
    assert len(with_total) == 1, with_total
    later = " ".join(pages[with_total[0] + 1:])
    assert "DRA – Đất công trình xử lý chất thải 1 0,05" not in later  # the last row is on the total's page


def test_the_land_use_sheet_keeps_its_notes_column(sample_sheets):
    text = " ".join(pages_text(sample_sheets / "2026-ke-hoach-su-dung-dat-2026.pdf"))
    assert "Năm thực hiện Ghi chú" in text
    assert re.search(r"Khu dân cư Đồng Bến \(đấu giá quyền sử dụng đất\) ONT 2,10 0,00 2,10 .*2026-2027 Chuyển từ "
                     r"đất trồng lúa", text)


def test_each_minutes_is_one_page_dated_and_headed_by_the_committee_without_page_numbers(sample_sheets):
    """One document per board, each on its own page: no page number from another board's minutes, the date
    of the posting both in the header and in the text, and the Ủy ban's letterhead, whoever issued the
    document posted (here the supervision board's report)."""
    pdf = sample_sheets / "2026-giam-sat-duong-lien-thon-bien-ban-ket-thuc.pdf"
    pages = pages_text(pdf)
    assert len(pages) == 5  # the commune's office and four villages
    for text in pages:
        assert text.startswith("ỦY BAN NHÂN DÂN XÃ HÒA AN Số: /BB-UBND")
        assert "Hòa An, ngày 10 tháng 12 năm 2026" in text and "ngày 10/12/2026, tại" in text
        assert not re.search(r" \d$", text), text[-40:]  # no page number at the foot of the text


def test_a_village_sheet_of_a_few_households_fits_one_page(sample_sheets):
    assert len(PdfReader(sample_sheets / "2026-ra-soat-ho-ngheo-2026-thon-dong.pdf").pages) == 1
