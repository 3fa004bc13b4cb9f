"""Printed sheets: the blocks of Nghị định 30/2020, real PDFs read back, a picture compared."""

import datetime as dt
import os
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat
from pypdf import PdfReader

from plugins.disclosures.checksums import listed_files
from plugins.disclosures.model import Commune, Disclosure, Posting, Signer, Village
from plugins.sheets.document import build_sheet, document_type, issuer_lines, summary_line
from tests.conftest import FIXTURES, ROOT, build, ckx, copy_site

A4 = (595, 842)
EXPECTED = FIXTURES / "expected" / "phuong-nho-ban-niem-yet-trang-1.png"
COMMUNE = Commune("Hòa An", "xã", "20347", "Đà Nẵng", site_url="https://hoaan.example.gov.vn",
                  villages=(Village("dong-ben", "Thôn Đồng Bến"), Village("thon-tay", "Thôn Tây")))


def disclosure(issued, number="15/TB-UBND", places=("commune-hq", "all-villages", "website")):
    return Disclosure(year=str(issued.year), slug="x", source_dir="disclosures/x/x", kind="notice",
                      title="Thông báo niêm yết công khai dự thảo quy ước", issued=issued,
                      issuer="ỦY BAN NHÂN DÂN XÃ HÒA AN", number=number,
                      signer=Signer("Chủ tịch", "Trần Văn Minh", "TM. ỦY BAN NHÂN DÂN"),
                      posting=Posting(issued + dt.timedelta(days=1), issued + dt.timedelta(days=30), places))


@pytest.mark.parametrize(("number", "kind"), [("15/TB-UBND", "THÔNG BÁO"), ("05/QĐ-UBND", "QUYẾT ĐỊNH"),
                                              ("141/BC-UBND", "BÁO CÁO"), (None, "THÔNG BÁO")])
def test_document_type_from_the_number(number, kind):
    assert document_type(disclosure(dt.date(2026, 1, 5), number=number)) == kind


def test_blocks_of_the_sheet():
    assert summary_line("Thông báo niêm yết công khai dự thảo", "THÔNG BÁO") == "Niêm yết công khai dự thảo"
    assert summary_line("Công khai dự toán năm 2026", "BÁO CÁO") == "Công khai dự toán năm 2026"
    assert issuer_lines("ỦY BAN NHÂN DÂN XÃ HÒA AN") == ("ỦY BAN NHÂN DÂN", "XÃ HÒA AN")
    sheet = build_sheet(disclosure(dt.date(2026, 1, 5)), COMMUNE)
    assert sheet.place_date == "Hòa An, ngày 05 tháng 01 năm 2026"
    assert sheet.number_line == "Số: 15/TB-UBND"
    assert sheet.posting_line == ("Niêm yết tại trụ sở Ủy ban nhân dân xã Hòa An, nhà văn hóa các thôn, tổ dân phố "
                                  "từ ngày 06/01/2026 đến hết ngày 04/02/2026.")
    assert sheet.recipients == ("Trưởng các thôn, tổ dân phố (niêm yết);", "Trang thông tin điện tử xã;", "Lưu: VT.")
    assert sheet.qr_svg.startswith("<svg") and sheet.url == "https://hoaan.example.gov.vn/cong-khai/2026/x/"
    assert build_sheet(disclosure(dt.date(2026, 3, 9)), COMMUNE).place_date == "Hòa An, ngày 09 tháng 3 năm 2026"


def test_village_sheet_has_its_own_posting_line():
    sheet = build_sheet(disclosure(dt.date(2026, 11, 2)), COMMUNE, COMMUNE.village("dong-ben"))
    assert sheet.posting_line == "Niêm yết tại Nhà văn hóa Thôn Đồng Bến từ ngày 03/11/2026 đến hết ngày 02/12/2026."
    assert sheet.recipients[0] == "Trưởng Thôn Đồng Bến (niêm yết);"


def printed(site: Path, tmp_path: Path, build_date: str) -> Path:
    output = tmp_path / "out"
    assert build(site, output, build_date=build_date).returncode == 0
    result = ckx("print", "--output", str(output))
    assert result.returncode == 0, result.stderr
    return output / "print"


def text(pdf: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)


def size(pdf: Path) -> tuple[int, int]:
    box = PdfReader(pdf).pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


def test_a_pdf_per_disclosure_with_the_official_blocks(tmp_path):
    folder = printed(FIXTURES / "sites/phuong-nho", tmp_path, "2026-03-10")
    assert sorted(p.name for p in folder.glob("*.pdf")) == [
        "2025-quyet-dinh-chi-dang-tren-trang.pdf", "2026-thong-bao-tam-ngung-cap-nuoc-bien-ban-ket-thuc.pdf",
        "2026-thong-bao-tam-ngung-cap-nuoc-bien-ban-niem-yet.pdf", "2026-thong-bao-tam-ngung-cap-nuoc.pdf"]
    pdf = folder / "2026-thong-bao-tam-ngung-cap-nuoc.pdf"
    assert size(pdf) == A4
    content = text(pdf)
    for expected in ["ỦY BAN NHÂN DÂN", "PHƯỜNG TÂN LẬP", "Số: 12/TB-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                     "Độc lập - Tự do - Hạnh phúc", "Tân Lập, ngày 01 tháng 3 năm 2026", "THÔNG BÁO",
                     "Tạm ngừng cấp nước để sửa chữa đường ống", "Nơi nhận:", "Lưu: VT."]:
        assert expected in content, expected
    assert ("Niêm yết tại trụ sở Ủy ban nhân dân phường Tân Lập, nhà văn hóa các thôn, tổ dân phố từ ngày "
            "02/03/2026 đến hết ngày 31/03/2026.") in " ".join(content.split())


def test_per_village_sheets_hold_only_their_rows(tmp_path):
    folder = printed(FIXTURES / "sites/xa-ho-ngheo", tmp_path, "2026-11-05")
    names = sorted(p.name for p in folder.glob("*.pdf"))
    assert names == ["2026-ho-ngheo-2026-bien-ban-ket-thuc.pdf", "2026-ho-ngheo-2026-bien-ban-niem-yet.pdf",
                     "2026-ho-ngheo-2026-thon-1.pdf", "2026-ho-ngheo-2026-thon-2.pdf", "2026-ho-ngheo-2026-thon-3.pdf",
                     "2026-ho-ngheo-2026.pdf"]
    village = " ".join(text(folder / "2026-ho-ngheo-2026-thon-1.pdf").split())
    assert "Hà Văn Khánh" in village and "Lưu Thị Hằng" in village
    assert "Quách Văn Đức" not in village and "Âu Thị Yến" not in village
    assert "Niêm yết tại Nhà văn hóa Thôn 1 từ ngày 03/11/2026 đến hết ngày 07/11/2026." in village


def test_wide_land_use_tables_print_landscape(tmp_path):
    folder = printed(FIXTURES / "sites/xa-dat-dai", tmp_path, "2026-03-01")
    assert size(folder / "2026-ke-hoach-2026.pdf") == (A4[1], A4[0])
    assert "Đường liên thôn" in text(folder / "2026-ke-hoach-2026-thon-2.pdf")


def render_first_page(pdf: Path, target: Path) -> Image.Image:
    subprocess.run(["pdftoppm", "-r", "40", "-gray", "-png", "-singlefile", "-f", "1", "-l", "1", str(pdf),
                    str(target.with_suffix(""))], check=True)
    return Image.open(target).convert("L")


def test_first_page_looks_like_the_expected_picture(tmp_path):
    """Regenerate on purpose with CKX_UPDATE_PICTURES=1 after a deliberate layout change."""
    folder = printed(FIXTURES / "sites/phuong-nho", tmp_path, "2026-03-10")
    picture = render_first_page(folder / "2026-thong-bao-tam-ngung-cap-nuoc.pdf", tmp_path / "trang-1.png")
    if os.environ.get("CKX_UPDATE_PICTURES"):
        picture.save(EXPECTED, optimize=True)
    expected = Image.open(EXPECTED).convert("L")
    assert picture.size == expected.size
    difference = ImageStat.Stat(ImageChops.difference(picture, expected)).mean[0]
    assert difference < 3.0, f"mean difference {difference:.2f} of 255: look at {tmp_path / 'trang-1.png'}"
    blank = Image.new("L", expected.size, 255)
    assert ImageStat.Stat(ImageChops.difference(blank, expected)).mean[0] > 3.0, "the comparison can fail"


def test_print_without_a_built_site_says_what_to_do(tmp_path):
    result = ckx("print", "--output", str(tmp_path))
    assert result.returncode == 1 and "make html" in result.stderr


def test_print_views_are_on_the_site_and_not_indexed(sample_site):
    view = sample_site / "cong-khai/2026/quy-uoc-thon-dong-ben/in/index.html"
    html = view.read_text(encoding="utf-8")
    assert 'name="robots" content="noindex"' in html and "data-pagefind-body" not in html
    assert (ROOT / "theme/static/css/van-ban.css").read_text(encoding="utf-8").count("@page") >= 2


def test_the_print_views_found_from_the_builds_record_are_those_on_disk(sample_site):
    """The build finds the print views (whose PDFs it may carry over) among the files it recorded, without
    walking the site: the same views as a walk finds."""
    from plugins.sheets.fingerprint import print_views

    names = [path.relative_to(sample_site).as_posix() for path in sample_site.rglob("*") if path.is_file()]
    walked = print_views(sample_site)
    assert len(walked) > 10 and any(len(view.relative_to(sample_site).parts) == 6 for view in walked)
    assert sorted(print_views(sample_site, names)) == sorted(walked)


def test_an_image_of_the_bundle_in_the_explanation_prints(tmp_path):
    """The print view sits under in/, the image beside the page: the sheet's <base> makes it resolve."""
    site = copy_site("giai-thich-doc-hai", tmp_path)
    index = site / "disclosures/2026/thong-bao-co-ma-doc/index.md"
    index.write_text(index.read_text(encoding="utf-8").replace(
        """<img src="x.png" onerror="alert('ảnh')" alt="ảnh">""", "![Sơ đồ khu vực](x.png)"), encoding="utf-8")
    folder = printed(site, tmp_path, "2026-03-05")
    pdf = PdfReader(folder / "2026-thong-bao-co-ma-doc.pdf")
    assert [image.name for page in pdf.pages for image in page.images], "the image is in the PDF"


def test_print_now_takes_what_goes_up_next_too(tmp_path):
    """A sheet is printed before the posting's first day: NOW=1 the day before takes it, with its minutes."""
    output = tmp_path / "out"
    assert build(FIXTURES / "sites/phuong-nho", output, build_date="2026-02-27").returncode == 0
    now = ckx("print", "--output", str(output), "--now", build_date="2026-02-27")
    assert now.returncode == 0, now.stderr
    assert sorted(p.name for p in (output / "print").glob("*.pdf")) == [
        "2026-thong-bao-tam-ngung-cap-nuoc-bien-ban-ket-thuc.pdf",
        "2026-thong-bao-tam-ngung-cap-nuoc-bien-ban-niem-yet.pdf", "2026-thong-bao-tam-ngung-cap-nuoc.pdf"]
    # the next day's build carries them over, outside its outputs' record: SHA256SUMS lists them with every file
    # the record names, exactly what a walk of the site finds (checksums.write_checksums walks print/ alone)
    assert build(FIXTURES / "sites/phuong-nho", output, build_date="2026-02-28").returncode == 0
    sums = [line.split("  ", 1)[1] for line in (output / "SHA256SUMS").read_text(encoding="utf-8").splitlines()]
    assert sums == sorted(rel for rel, _entry in listed_files(output))
    assert len([name for name in sums if name.startswith("print/")]) == 3
    assert subprocess.run(["sha256sum", "-c", "--quiet", "SHA256SUMS"], cwd=output).returncode == 0


def test_an_ended_postings_sheets_leave_the_site_and_are_made_on_request(tmp_path, monkeypatch):
    """Sheets are what goes on the boards: once the posting ended they leave the site with it (a province's
    40 villages a commune made them a fifth of its bytes); `make print ONLY=` makes one disclosure's again."""
    output, notice = tmp_path / "out", "2026/thong-bao-tam-ngung-cap-nuoc"  # posted until 31/03
    # the 16th of April: past the fifteen days its closing minutes stay (test_minutes.py)
    assert build(FIXTURES / "sites/phuong-nho", output, build_date="2026-04-16").returncode == 0
    assert not (output / f"cong-khai/{notice}/in").exists()
    assert "Bản niêm yết để in" not in (output / f"cong-khai/{notice}/index.html").read_text(encoding="utf-8")
    assert (output / "cong-khai/2025/quyet-dinh-chi-dang-tren-trang/in/index.html").is_file()  # never posted
    refused = ckx("print", "--output", str(output), "--only", notice, build_date="2026-04-16")
    assert refused.returncode == 1
    assert "đã hết thời gian niêm yết" in refused.stderr and f"make print ONLY={notice}" in refused.stderr
    monkeypatch.setenv("CKX_PRINT_ONLY", notice)
    assert build(FIXTURES / "sites/phuong-nho", output, build_date="2026-04-16").returncode == 0
    one = ckx("print", "--output", str(output), "--only", notice, build_date="2026-04-16")
    assert one.returncode == 0, one.stderr
    assert "tạm ngừng cấp nước" in text(output / "print/2026-thong-bao-tam-ngung-cap-nuoc.pdf")
    monkeypatch.delenv("CKX_PRINT_ONLY")
    assert build(FIXTURES / "sites/phuong-nho", output, build_date="2026-04-16").returncode == 0
    assert not (output / f"cong-khai/{notice}/in").exists()  # made for that print, not kept


def test_a_province_prints_only_the_sheets_for_the_boards(tmp_path):
    """Every sheet of every commune is about 14 MB of PDFs a commune, past the hosts' 1 GB at 150 communes:
    a province prints what is posted or about to be; an old sheet is printed on request at the commune."""
    output = tmp_path / "cong"
    run = ckx("province", "--print", "--communes", str(FIXTURES / "sites/phuong-nho"), "--output", str(output),
              build_date="2026-03-10")
    assert run.returncode == 0, run.stderr
    [commune] = [p for p in output.iterdir() if (p / "du-lieu/danh-muc.json").is_file()]
    printed = sorted(p.name for p in (commune / "print").glob("*.pdf"))
    assert printed == ["2026-thong-bao-tam-ngung-cap-nuoc-bien-ban-ket-thuc.pdf",
                       "2026-thong-bao-tam-ngung-cap-nuoc-bien-ban-niem-yet.pdf", "2026-thong-bao-tam-ngung-cap-nuoc.pdf"]
    assert (commune / "cong-khai/2025/quyet-dinh-chi-dang-tren-trang/in/index.html").is_file()  # its view stays


def test_print_now_or_one_disclosure_on_every_core_and_never_a_stale_pdf(tmp_path, monkeypatch):
    output = tmp_path / "out"
    assert build(FIXTURES / "sites/phuong-nho", output, build_date="2026-03-10").returncode == 0
    monkeypatch.setenv("CKX_WORKERS", "2")
    now = ckx("print", "--output", str(output), "--now")
    assert now.returncode == 0, now.stderr
    posted = ["2026-thong-bao-tam-ngung-cap-nuoc-bien-ban-ket-thuc.pdf",  # the posting's minutes are printed
              "2026-thong-bao-tam-ngung-cap-nuoc-bien-ban-niem-yet.pdf", "2026-thong-bao-tam-ngung-cap-nuoc.pdf"]
    assert sorted(p.name for p in (output / "print").glob("*.pdf")) == posted
    assert "1 bản đã thay đổi nhưng ngoài phạm vi" in now.stdout
    one = ckx("print", "--output", str(output), "--only", "2025/quyet-dinh-chi-dang-tren-trang")
    assert one.returncode == 0, one.stderr
    assert "1 bản in lại, 3 bản không đổi" in one.stdout
    assert "Quyết định" in text(output / "print/2025-quyet-dinh-chi-dang-tren-trang.pdf")
    index = FIXTURES / "sites/phuong-nho/disclosures/2026/thong-bao-tam-ngung-cap-nuoc/index.md"
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "sites/phuong-nho", site)
    edited = site / index.relative_to(FIXTURES / "sites/phuong-nho")
    assert "sửa chữa" in edited.read_text(encoding="utf-8")
    edited.write_text(edited.read_text(encoding="utf-8").replace("sửa chữa", "thay thế"), encoding="utf-8")
    assert build(site, output, build_date="2026-03-10").returncode == 0
    again = ckx("print", "--output", str(output), "--only", "2025/quyet-dinh-chi-dang-tren-trang")
    assert sorted(p.name for p in (output / "print").glob("*.pdf")) == ["2025-quyet-dinh-chi-dang-tren-trang.pdf"], \
        "the edited notice's old PDFs are not kept: they would be posted with the old text"
    assert "3 bản đã thay đổi nhưng ngoài phạm vi" in again.stdout
    missing = ckx("print", "--output", str(output), "--only", "2025/khong-co")
    assert missing.returncode == 1 and '"2025/khong-co"' in missing.stderr


def test_a_board_and_a_village_issue_and_sign_in_their_own_names(sample_site):
    """A supervision board's report is the board's, under the commune's Mặt trận; a village's quy ước draft is
    the village's, signed by its head; everything else stays the People's Committee's."""
    from tests.conftest import soup

    def head(slug):
        page = soup(sample_site / f"cong-khai/2026/{slug}/in/index.html")
        return ([p.get_text() for p in page.select(".ckx-sheet__issuer-line")],
                [p.get_text(" ", strip=True) for p in page.select(".ckx-sheet__on-behalf, .ckx-sheet__role")])

    assert head("giam-sat-duong-lien-thon") == (
        ["ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM XÃ HÒA AN", "BAN GIÁM SÁT ĐẦU TƯ CỦA CỘNG ĐỒNG"],
        ["TM. BAN GIÁM SÁT ĐẦU TƯ CỦA CỘNG ĐỒNG", "TRƯỞNG BAN"])
    assert head("lay-y-kien-quy-uoc-thon-tay") == (["XÃ HÒA AN", "THÔN TÂY"], ["TRƯỞNG THÔN"])
    assert head("ke-hoach-su-dung-dat-2026")[0] == ["ỦY BAN NHÂN DÂN", "XÃ HÒA AN"]
    page = soup(sample_site / "cong-khai/2026/giam-sat-duong-lien-thon/index.html")
    assert "Ban Giám sát đầu tư của cộng đồng".upper() + ", ỦY BAN MẶT TRẬN" in page.get_text()


def test_the_printed_qr_code_reads_back_as_the_sheets_page_address(sample_sheets, tmp_path):
    """What a citizen's phone does in front of the board: the code on the PDF, at a camera's resolution,
    gives the disclosure's page on the site (the sample has a `site_url`); a village's sheet too."""
    import zxingcpp

    for pdf, page in [("2026-du-toan-ngan-sach-2026.pdf", "cong-khai/2026/du-toan-ngan-sach-2026/"),
                      ("2026-ra-soat-ho-ngheo-2026-thon-dong.pdf", "cong-khai/2026/ra-soat-ho-ngheo-2026/")]:
        pages = len(PdfReader(sample_sheets / pdf).pages)
        subprocess.run(["pdftoppm", "-r", "100", "-gray", "-png", str(sample_sheets / pdf),
                        str(tmp_path / pdf.removesuffix(".pdf"))], check=True)
        read = {code.text for picture in sorted(tmp_path.glob(pdf.removesuffix(".pdf") + "-*.png"))[:pages]
                for code in zxingcpp.read_barcodes(Image.open(picture))}
        assert read == {f"https://hoaan.example.gov.vn/{page}"}, pdf


def test_grounds_are_stated_as_a_document_states_them():
    from plugins.sheets.document import grounds

    assert grounds(("Luật Ngân sách nhà nước 2015", "Căn cứ Nghị quyết số 18/NQ-HĐND;")) == (
        "Căn cứ Luật Ngân sách nhà nước 2015;", "Căn cứ Nghị quyết số 18/NQ-HĐND.")
    assert grounds(()) == ()


@pytest.mark.parametrize(("on_behalf", "authority"), [("TM. ỦY BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN XÃ HÒA AN"),
                                                      ("KT. CHỦ TỊCH", "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HÒA AN")])
def test_a_decision_names_who_decides_and_its_annex_carries_its_number(on_behalf, authority):
    commune = Commune(name="Hòa An", type="xã", code="1", province="Đà Nẵng")
    disclosure = Disclosure(year="2026", slug="x", source_dir="disclosures/2026/x", kind="budget",
                            title="Công khai dự toán ngân sách xã năm 2026", issued=dt.date(2026, 1, 5),
                            issuer="ỦY BAN NHÂN DÂN XÃ HÒA AN", number="05/QĐ-UBND", effective=dt.date(2026, 1, 6),
                            signer=Signer(role="PHÓ CHỦ TỊCH", name="Lê Văn B", on_behalf=on_behalf),
                            legal_basis=("Luật Ngân sách nhà nước 2015",))
    sheet = build_sheet(disclosure, commune, qr=lambda _url: None)
    assert sheet.summary == "Về việc công khai dự toán ngân sách xã năm 2026"
    assert sheet.decision.authority == authority
    assert sheet.decision.articles[0] == "Công khai dự toán ngân sách xã năm 2026, chi tiết tại các phụ lục kèm theo Quyết định này."
    assert sheet.decision.articles[1] == "Quyết định này có hiệu lực kể từ ngày 06/01/2026."
    assert sheet.decision.annex_note == "(Kèm theo Quyết định số 05/QĐ-UBND ngày 05/01/2026 của Ủy ban nhân dân xã Hòa An)"
    assert sheet.recipients[0] == "Như Điều 3;" and sheet.grounds == ("Căn cứ Luật Ngân sách nhà nước 2015.",)
    notice = build_sheet(replace(disclosure, number="05/TB-UBND"), commune, qr=lambda _url: None)
    assert notice.decision is None and notice.recipients[0] != "Như Điều 3;"


def test_a_site_with_no_sheet_to_print_prints_none_and_says_so(tmp_path):
    """Every posting ended: no sheet is left, which is no error; a wrong ONLY= still gets its hint."""
    output = tmp_path / "out"
    site = tmp_path / "xa"
    shutil.copytree(FIXTURES / "sites/phuong-nho", site)
    shutil.rmtree(site / "disclosures/2025/quyet-dinh-chi-dang-tren-trang")  # the one never posted
    assert build(site, output, build_date="2026-04-16").returncode == 0
    printed = ckx("print", "--output", str(output), build_date="2026-04-16")
    assert printed.returncode == 0, printed.stderr
    assert "Đã in 0 bản niêm yết" in printed.stdout and not list((output / "print").glob("*.pdf"))
    wrong = ckx("print", "--output", str(output), "--only", "2025/khong-co", build_date="2026-04-16")
    assert wrong.returncode == 1 and 'Không có hồ sơ "2025/khong-co"' in wrong.stderr
