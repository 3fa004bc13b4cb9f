"""The officers' files of ../shared/corpus/ (workbooks and CSVs as exported from the official forms), built as
its README says they must come out: as they are, or after the one change the message asks for.

The corpus lives beside the repository (the steering folder's shared/), not in it; where it is absent (a clone
on its own) these tests say so and are skipped.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, build, ckx, soup

CORPUS = ROOT.parent / "shared" / "corpus"
if not (CORPUS / "README.md").is_file():
    pytest.skip(f"no corpus at {CORPUS}", allow_module_level=True)

BUILT = ["du-toan-2026-xlsx", "quyet-toan-2025-xlsx", "ke-hoach-sdd-2026", "ket-qua-tthc-q3-2026",
         "lich-tiep-cong-dan-2026"]
ONE_CHANGE = {"ket-qua-tthc-q3-2026": ("kind: tthc", "kind: procedures")}  # what the message asks for


def bundle_into(content: Path, name: str) -> Path:
    source = CORPUS / name
    year = next(line for line in (source / "index.md").read_text(encoding="utf-8").splitlines()
                if line.startswith("issued:"))[-4:]
    target = content / "disclosures" / year / name
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("SOURCE.txt", "index-*.md", "*.txt"))
    for path in (target, *target.rglob("*")):  # CI's copy of shared/ has no write bits: the copy must have them
        path.chmod(path.stat().st_mode | 0o200)
    if name in ONE_CHANGE:
        index = target / "index.md"
        index.write_text(index.read_text(encoding="utf-8").replace(*ONE_CHANGE[name]), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("kho-mau")
    content = root / "content"
    content.mkdir()
    shutil.copy(ROOT / "content" / "commune.yml", content / "commune.yml")
    for name in BUILT:
        bundle_into(content, name)
    result = build(content, root / "output", "2026-12-06")
    assert result.returncode == 0, result.stderr
    return root / "output"


def page(output: Path, name: str):
    return soup(next(output.glob(f"cong-khai/*/{name}/index.html")))


def rows(html) -> list[str]:
    return [tr.get_text(" | ", strip=True) for tr in html.select("tr")]


def test_the_estimate_keeps_both_columns_and_the_totals(corpus_site):
    html = page(corpus_site, "du-toan-2026-xlsx")
    text = html.get_text(" ", strip=True)
    assert "Tổng số thu ngân sách xã: dự toán 10.285.000.000 đồng" in text
    assert "Tổng số chi ngân sách xã: dự toán 10.285.000.000 đồng" in text
    assert "Trong đó: Chương trình MTQG xây dựng nông thôn mới | — | 800.000.000" in rows(html)
    headers = [th.get_text(" ", strip=True) for th in html.select("thead th")]
    assert "Dự toán năm 2026 – Tổng thu NSNN trên địa bàn" in headers and "Dự toán năm 2026 – Thu ngân sách xã" in headers
    for outside in ("NGƯỜI LẬP BIỂU", "Lê Thị Hồng Nhung", "Đơn vị tính: Đồng", "DỰ TOÁN THU NGÂN SÁCH XÃ NĂM 2026 |"):
        assert outside not in " ".join(rows(html)), outside


def test_the_final_accounts_read_four_columns(corpus_site):
    html = page(corpus_site, "quyet-toan-2025-xlsx")
    text = html.get_text(" ", strip=True)
    assert "thực hiện 11.234.567.000 đồng" in text
    assert "Thu chuyển nguồn từ năm trước chuyển sang: dự toán — đồng, thực hiện 816.500.000 đồng" in text
    revenue = next(t for t in html.select("table") if "11.234.567.000" in t.get_text())
    headers = [th.get_text(" ", strip=True) for th in revenue.select("thead th")]
    assert sum(h.startswith(("Dự toán năm", "Quyết toán năm")) for h in headers) == 4


def test_the_land_use_list_totals_projects_never_group_rows(corpus_site):
    html = page(corpus_site, "ke-hoach-sdd-2026")
    text = html.get_text(" ", strip=True)
    assert "tổng diện tích 11,50 ha" in text and "14,77" not in text
    assert any("Mã cũ BHK" in row for row in rows(html))
    assert not any("(4)=(5)+(6)" in row for row in rows(html))


def test_the_one_stop_report_after_naming_its_kind(corpus_site):
    html = page(corpus_site, "ket-qua-tthc-q3-2026")
    text = html.get_text(" ", strip=True)
    assert "Tiếp nhận 1.790 hồ sơ, 204 hồ sơ trực tuyến" in text
    assert "1.775 hồ sơ đã giải quyết, 99,4% đúng hạn" in text and "10 hồ sơ quá hạn" in text  # as its report writes it
    # the period, read from the title: the results' heading names it (it has none without a period)
    assert "Kết quả giải quyết thủ tục hành chính quý III năm 2026" in [h.get_text(" ", strip=True) for h in html.select("h2")]


def test_the_unknown_kind_is_named_with_the_kind_it_means(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(ROOT / "content" / "commune.yml", content / "commune.yml")
    target = bundle_into(content, "ket-qua-tthc-q3-2026")
    (target / "index.md").write_text((CORPUS / "ket-qua-tthc-q3-2026/index.md").read_text(encoding="utf-8"),
                                     encoding="utf-8")
    result = ckx("validate", "--content", str(content), build_date="2026-12-06")
    assert result.returncode == 1 and 'Có phải ý bạn là "procedures"' in result.stderr


def test_the_quarter_report_names_the_row_whose_children_do_not_add_up(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(ROOT / "content" / "commune.yml", content / "commune.yml")
    bundle_into(content, "thuc-hien-q3-2026-csv")
    result = ckx("validate", "--content", str(content), build_date="2026-12-06")
    errors = [line for line in result.stderr.splitlines() if " LỖI [" in line]
    assert len(errors) == 1 and "chi-quy-3.csv:9 LỖI [tong-khong-khop]" in errors[0], result.stderr
    assert "4.755,9" in errors[0] and "4.745,9" in errors[0]


def delete_personal_columns(path: Path) -> None:
    """What Excel does when the officer deletes "Năm sinh" and "Dân tộc": the merge over the marks moves too."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    sheet = book["DS"]
    sheet.unmerge_cells("G7:H7")
    sheet.delete_cols(3, 2)
    sheet.merge_cells("E7:F7")
    book.save(path)


def test_the_poverty_list_is_refused_for_its_personal_columns_then_reads_once_they_are_deleted(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(ROOT / "content" / "commune.yml", content / "commune.yml")
    bundle = bundle_into(content, "ho-ngheo-2026")
    refused = ckx("validate", "--content", str(content), build_date="2026-11-21")
    personal = [line for line in refused.stderr.splitlines() if "[cot-du-lieu-ca-nhan]" in line]
    assert refused.returncode == 1 and len(personal) == 2 and "Năm sinh" in refused.stderr and "Dân tộc" in refused.stderr
    delete_personal_columns(bundle / "DS ho ngheo can ngheo 2026.xlsx")  # the one change the message asks for
    result = build(content, tmp_path / "output", "2026-11-21")
    assert result.returncode == 0, result.stderr
    text = page(tmp_path / "output", "ho-ngheo-2026").get_text(" ", strip=True)
    assert "Hộ nghèo: 6 hộ, 19 khẩu; hộ cận nghèo: 6 hộ, 21 khẩu" in text  # 12 households, 40 persons


def test_a_wrong_village_subtotal_is_named_against_its_own_village(tmp_path):
    from openpyxl import load_workbook

    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(ROOT / "content" / "commune.yml", content / "commune.yml")
    bundle = bundle_into(content, "ho-ngheo-2026")
    path = bundle / "DS ho ngheo can ngheo 2026.xlsx"
    delete_personal_columns(path)
    book = load_workbook(path)
    book["DS"]["D14"] = 12  # Thôn Đông's "Cộng": 12 where its four households make 11
    book.save(path)
    result = ckx("validate", "--content", str(content), build_date="2026-11-21")
    totals = [line for line in result.stderr.splitlines() if "[tong-khong-khop]" in line]
    assert len(totals) == 1 and ":14 LỖI" in totals[0] and "ghi 12" in totals[0] and "được 11" in totals[0], result.stderr


def test_the_list_copied_from_word_reads_the_same_households(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(ROOT / "content" / "commune.yml", content / "commune.yml")
    bundle = bundle_into(content, "ho-ngheo-2026")
    shutil.copy(CORPUS / "ho-ngheo-2026/danh-sach-tu-word.txt", bundle / "danh-sach-tu-word.txt")
    shutil.copy(CORPUS / "ho-ngheo-2026/index-word.md", bundle / "index.md")
    (bundle / "DS ho ngheo can ngheo 2026.xlsx").unlink()
    result = build(content, tmp_path / "output", "2026-11-21")
    assert result.returncode == 0, result.stderr
    text = page(tmp_path / "output", "ho-ngheo-2026").get_text(" ", strip=True)
    assert "Cộng 12 40" in text


def test_the_reception_schedule_holds_the_quarters_fourteen_thursdays(corpus_site):
    """Cells like "Ngày 01; 08; 15; 22; 29 (Thứ 5)" under "Tháng 10", December also as a dated list with morning
    and afternoon: one morning and one afternoon each Thursday; the note under the table is no session."""
    import icalendar

    bundle = next(corpus_site.glob("cong-khai/*/lich-tiep-cong-dan-2026"))
    calendar = icalendar.Calendar.from_ical((bundle / "lich.ics").read_bytes())
    starts = [event.decoded("dtstart") for event in calendar.walk("VEVENT")]
    days = sorted({start.date() for start in starts})
    assert len(days) == 14 and all(day.weekday() == 3 for day in days) and len(starts) == 28
    assert {(day.month, sum(1 for d in days if d.month == day.month)) for day in days} == {(10, 5), (11, 4), (12, 5)}
    december = [e for e in calendar.walk("VEVENT") if e.decoded("dtstart").month == 12]
    assert all("Phòng tiếp công dân" in str(e.get("location")) for e in december)  # the dated list says more
    assert "đột xuất" not in (bundle / "index.html").read_text(encoding="utf-8")
