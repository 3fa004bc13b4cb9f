"""The one-stop desk's results (kind `procedures`): the rows' sums, the apology letters, the on-time rate, the
trend across periods, the printed sheet and the open data."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from decimal import Decimal

import pytest

from plugins.procedures.present import rate_text
from plugins.vietnamese.periods import period_in_title, period_label
from tests.conftest import FIXTURES, ROOT, build, ckx, copy_site, soup
from tests.form_layouts import procedures_official, write_form

ISSUE = re.compile(r"^(?P<where>\S+) (?P<severity>LỖI|CẢNH BÁO|GHI NHẬN) \[(?P<code>[a-z-]+)\](?: (?:Cột|Khóa) \"(?P<column>[^\"]+)\")?")


def compact(output: str) -> list[tuple[str, str, str, str | None]]:
    """(file:line, severity, code, column) of every issue line about the content's files; the year's obligations
    (what falls due, what is late: docs/nghia-vu.md) are the commune's calendar, tested in test_obligations.py."""
    found = []
    for line in output.splitlines():
        match = ISSUE.match(line)
        if match and not match["code"].startswith("nghia-vu-"):
            found.append((match["where"].split("/")[-1], match["severity"], match["code"], match["column"]))
    return found


def test_every_sum_and_letter_is_checked_with_its_row_and_column():
    result = ckx("validate", "--content", str(FIXTURES / "sites/xa-thu-tuc"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert sorted(compact(result.stderr)) == sorted([
        ("index.md", "LỖI", "khoang-thoi-gian-nguoc", "period"),
        ("ket-qua.csv:3", "LỖI", "tthc-tiep-nhan-khong-khop", "Số hồ sơ tiếp nhận"),
        ("ket-qua.csv:3", "LỖI", "gia-tri-khong-hop-le", "Tiếp nhận trực tuyến"),
        ("ket-qua.csv:4", "LỖI", "tthc-giai-quyet-khong-khop", "Số hồ sơ đã giải quyết"),
        ("ket-qua.csv:4", "CẢNH BÁO", "tthc-thieu-thu-xin-loi", "Văn bản xin lỗi"),
        ("ket-qua.csv:5", "LỖI", "tong-khong-khop", "Đang giải quyết"),
    ]), result.stderr
    # row 2 takes the two records carried over from the last period: 100 + 2 = 98 + 4, nothing to say
    assert "ket-qua.csv:2 " not in result.stderr


def official_form_site(tmp_path, shape: str, **cells):
    """The fixture commune's report replaced by the official form of three header rows (.xlsx or its CSV)."""
    site = copy_site("xa-thu-tuc", tmp_path)
    bundle = site / "disclosures/2026/tthc-quy-1"
    (bundle / "ket-qua.csv").unlink()
    table = write_form(bundle, "bieu-tthc", procedures_official(**cells), shape)
    index = bundle / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("{from: 2026-03-31, to: 2026-01-01}", "{from: 2026-01-01, to: 2026-03-31}")
                     .replace("file: ket-qua.csv", f"file: {table.name}"), encoding="utf-8")
    return site


@pytest.mark.parametrize("shape", ["xlsx", "csv"])
@pytest.mark.parametrize("header_rows", [3, 4])
def test_the_official_form_is_read_with_quá_hạn_under_both_groups(tmp_path, shape, header_rows):
    """"Tổng số" under three groups and "Quá hạn" under the resolved and the pending records are six different
    columns; the split sums of the received and pending records are checked with their row and column."""
    site = official_form_site(tmp_path, shape, in_person_hoa_tich=47, not_due_dat_dai=4, header_rows=header_rows)
    result = ckx("validate", "--content", str(site))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    found = sorted(re.findall(r':(\d+) (LỖI|CẢNH BÁO) \[([a-z-]+)\] Cột "([^"]+)"', result.stderr))
    first = 4 + header_rows + 1  # the issuer, the title, the header, the column numbers
    new = "Trong đó – Số mới tiếp nhận – " if header_rows == 4 else "Trong đó – "
    assert found == sorted([
        (str(first), "LỖI", "tthc-tiep-nhan-khong-khop", "Số hồ sơ nhận giải quyết – Tổng số"),
        (str(first + 1), "LỖI", "tthc-dang-giai-quyet-khong-khop", "Kết quả giải quyết – Số hồ sơ đang giải quyết – Tổng số"),
        (str(first + 3), "LỖI", "tong-khong-khop", f"Số hồ sơ nhận giải quyết – {new}Trực tiếp, dịch vụ bưu chính"),
        (str(first + 3), "LỖI", "tong-khong-khop", "Kết quả giải quyết – Số hồ sơ đang giải quyết – Chưa đến hạn"),
    ]), result.stderr


def test_the_official_form_shows_its_split_counts(tmp_path):
    site = official_form_site(tmp_path, "xlsx", header_rows=4)
    output = tmp_path / "output"
    result = build(site, output)
    assert result.returncode == 0, result.stderr
    page = soup(output / "cong-khai/2026/tthc-quy-1/index.html")
    section = page.select_one(".ckx-procedures")
    assert section.select_one(".ckx-procedures__rate strong").get_text() == "99,15%"  # (270 + 80) of 353
    headers = [th.get_text() for th in section.select("thead th")]
    assert headers == ["Lĩnh vực", "Kỳ trước chuyển sang", "Tiếp nhận", "Trực tuyến", "Trực tiếp, bưu chính",
                       "Đã giải quyết", "Trước hạn", "Đúng hạn", "Quá hạn", "Đang giải quyết", "Chưa đến hạn",
                       "Đang giải quyết quá hạn", "Đúng hạn (%)", "Thư xin lỗi"]
    rows = {tr.th.get_text(): [td.get_text() for td in tr.select("td")] for tr in section.select("tbody tr")}
    assert rows["Đất đai"] == ["0", "40", "10", "30", "35", "20", "13", "2", "5", "3", "2", "94,29", "2"]
    assert "7 hồ sơ đang giải quyết, trong đó 2 hồ sơ đã quá hạn" in section.get_text(" ")
    assert "Nguyễn Thị Lan" not in page.get_text()  # the form's signers stay off the site
    import csv

    with (output / "cong-khai/2026/tthc-quy-1/du-lieu/ket-qua-giai-quyet.csv").open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle))
    assert header[:6] == ["Lĩnh vực", "Tiếp nhận", "Kỳ trước chuyển sang", "Trực tuyến", "Trực tiếp, dịch vụ bưu chính",
                          "Đã giải quyết"]
    assert "Đang giải quyết chưa đến hạn" in header and "Đang giải quyết quá hạn" in header


@pytest.mark.parametrize(("start", "end", "label"), [
    (dt.date(2026, 7, 1), dt.date(2026, 9, 30), "Quý III năm 2026"),
    (dt.date(2026, 10, 1), dt.date(2026, 12, 31), "Quý IV năm 2026"),
    (dt.date(2026, 1, 1), dt.date(2026, 6, 30), "6 tháng đầu năm 2026"),
    (dt.date(2026, 7, 1), dt.date(2026, 12, 31), "6 tháng cuối năm 2026"),
    (dt.date(2026, 1, 1), dt.date(2026, 9, 30), "9 tháng đầu năm 2026"),
    (dt.date(2026, 1, 1), dt.date(2026, 12, 31), "Năm 2026"),
    (dt.date(2026, 2, 1), dt.date(2026, 2, 28), "Tháng 2 năm 2026"),
    (dt.date(2026, 2, 15), dt.date(2026, 3, 14), "Từ ngày 15/02/2026 đến ngày 14/03/2026"),
])
def test_period_in_words(start, end, label):
    assert period_label(start, end) == label


@pytest.mark.parametrize(("title", "label"), [
    ("Công khai kết quả giải quyết thủ tục hành chính quý III năm 2026", "Quý III năm 2026"),
    ("Kết quả giải quyết TTHC quý 4/2026", "Quý IV năm 2026"),
    ("Báo cáo kết quả 6 tháng đầu năm 2026", "6 tháng đầu năm 2026"),
    ("Kết quả 6 tháng cuối năm 2026", "6 tháng cuối năm 2026"),
    ("Kết quả 9 tháng năm 2026", "9 tháng đầu năm 2026"),
    ("Kết quả tháng 9/2026", "Tháng 9 năm 2026"),
    ("Kết quả giải quyết thủ tục hành chính năm 2025", "Năm 2025"),
])
def test_the_period_a_title_names_is_the_period_the_page_names(title, label):

    assert period_label(*period_in_title(title)) == label


def test_without_a_period_or_one_in_its_title_the_report_is_refused(tmp_path):
    site = copy_site("xa-thu-tuc", tmp_path)
    index = next(site.glob("disclosures/*/*/index.md"))
    text = index.read_text(encoding="utf-8")
    front = re.sub(r"period:.*?\n(?=[a-z])", "", text, count=1, flags=re.S)
    index.write_text(re.sub(r"title: .*", "title: Báo cáo kết quả giải quyết thủ tục hành chính", front, count=1),
                     encoding="utf-8")
    result = ckx("validate", "--content", str(site))
    assert result.returncode == 1 and "[thieu-khoa] Khóa \"period\"" in result.stderr, result.stderr


def test_a_written_rate_that_disagrees_with_the_counts_is_named(tmp_path):
    site = copy_site("xa-thu-tuc", tmp_path)
    table = next(site.glob("disclosures/*/*/*.csv"))
    lines = table.read_text(encoding="utf-8-sig").splitlines()
    lines[0] += ";Tỷ lệ đúng và trước hạn (%)"
    lines[1:] = [line + (";50" if number == 1 else ";") for number, line in enumerate(lines[1:], start=1)]
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = ckx("validate", "--content", str(site))
    assert "[tthc-ty-le-khong-khop]" in result.stderr and "tỷ lệ ghi 50" in result.stderr, result.stderr


REPORT_WITH_RATES = ("Lĩnh vực;Số hồ sơ tiếp nhận;Số hồ sơ đã giải quyết;Trả đúng hạn;Trả quá hạn;Đang giải quyết;"
                     "Tỷ lệ đúng và trước hạn (%)\nHộ tịch;412;405;402;3;7;99,3\nChứng thực;1.370;1.370;1.363;7;0;99,5\n"
                     "Tổng cộng;1.782;1.775;1.765;10;7;{total}\n")


def test_a_rate_the_report_writes_is_the_rate_the_page_shows(tmp_path):
    """The counts give 99,4366...%: a report that writes 99,4 for its total (and its own rounding for each field)
    is shown with its own figures, on the page and in the open data; a total line whose rate disagrees with the
    counts is named with its line."""
    site = tmp_path / "content"
    shutil.copytree(ROOT / "content", site)
    table = site / "disclosures/2026/ket-qua-tthc-quy-3-2026/ket-qua.csv"
    table.write_text(REPORT_WITH_RATES.format(total="99,4"), encoding="utf-8")
    output = tmp_path / "output"
    result = build(site, output)
    assert result.returncode == 0, result.stderr
    folder = output / "cong-khai/2026/ket-qua-tthc-quy-3-2026"
    page = soup(folder / "index.html")
    assert page.select_one(".ckx-procedures__rate strong").get_text() == "99,4%"
    assert page.select_one(".ckx-key-figure").get_text() == "1.775 hồ sơ đã giải quyết, 99,4% đúng hạn và trước hạn."
    rows = {tr.th.get_text(): [td.get_text() for td in tr.select("td")] for tr in page.select(".ckx-procedures tbody tr")}
    assert "99,3" in rows["Hộ tịch"] and "99,5" in rows["Chứng thực"]
    assert "99.3" in (folder / "du-lieu/ket-qua-giai-quyet.csv").read_text(encoding="utf-8-sig")
    table.write_text(REPORT_WITH_RATES.format(total="98,0"), encoding="utf-8")
    refused = ckx("validate", "--content", str(site))
    line = next(line for line in refused.stderr.splitlines() if "[tthc-ty-le-khong-khop]" in line)
    assert f"{table.name}:4" in line and "tỷ lệ ghi 98,0%" in line and "99,44%" in line


def test_rates_are_written_as_reports_write_them():
    assert rate_text(Decimal(13242) * 100 / Decimal(13245)) == "99,98"
    assert rate_text(Decimal(100)) == "100"
    assert rate_text(Decimal("99.4")) == "99,4" and rate_text(Decimal("99.40")) == "99,40"  # as the report writes it
    assert rate_text(None) == "—"


def test_the_sample_report_shows_its_rate_fields_late_records_and_trend(sample_site):
    page = soup(sample_site / "cong-khai/2026/ket-qua-tthc-quy-3-2026/index.html")
    section = page.select_one(".ckx-procedures")
    assert section.h2.get_text() == "Kết quả giải quyết thủ tục hành chính quý III năm 2026"
    # (3.353 early + 178 on time) of 3.534 resolved
    assert section.select_one(".ckx-procedures__rate strong").get_text() == "99,92%"
    assert page.select_one(".ckx-key-figure").get_text() == "3.534 hồ sơ đã giải quyết, 99,92% đúng hạn và trước hạn."
    summary = section.select_one(".ckx-procedures__summary").get_text(" ")
    assert "2.047 hồ sơ trực tuyến (57,52%)" in summary and "3 hồ sơ quá hạn, 3 thư xin lỗi" in summary
    rows = {tr.th.get_text(): [td.get_text() for td in tr.select("td")] for tr in section.select("tbody tr")}
    assert list(rows) == ["Hộ tịch", "Chứng thực", "Đất đai", "Người có công", "Bảo trợ xã hội"]
    # received, online, resolved, early, on time, late, pending, rate, letters
    assert rows["Đất đai"] == ["85", "12", "78", "40", "36", "2", "7", "97,44", "2"]
    assert [td.get_text() for td in section.select("tfoot td")][:3] == ["3.559", "2.047", "3.534"]
    late = [li.get_text() for li in section.select("h3 + ul li")]
    assert late == ["Hộ tịch: 1 hồ sơ quá hạn, 1 thư xin lỗi.", "Đất đai: 2 hồ sơ quá hạn, 2 thư xin lỗi (Chờ ý kiến cơ quan thuế)."]
    chart = section.select_one("svg.ckx-chart")
    assert "Quý II năm 2026: 99,75%" in chart.get_text() and "Quý III năm 2026: 99,92%" in chart.get_text()
    # the earlier report's own chart stops at its own period
    earlier = soup(sample_site / "cong-khai/2026/ket-qua-tthc-quy-2-2026/index.html").select_one(".ckx-procedures")
    assert earlier.select_one(".ckx-procedures__rate strong").get_text() == "99,75%"
    assert earlier.select_one("svg.ckx-chart") is None
    assert "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15" in page.get_text()  # the kind's default legal basis
    assert page.select_one('[data-pagefind-filter="Loại:Kết quả giải quyết thủ tục hành chính"]') is not None


def test_the_report_is_open_data_with_its_rates(sample_site):
    import csv

    folder = sample_site / "cong-khai/2026/ket-qua-tthc-quy-3-2026/du-lieu"
    with (folder / "ket-qua-giai-quyet.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:4] == ["Lĩnh vực", "Tiếp nhận", "Trực tuyến", "Đã giải quyết"]
    assert rows[3][:4] == ["Đất đai", "85", "12", "78"] and rows[3][-2] == "97.44"


def test_the_report_prints_landscape_with_its_table(sample_sheets):
    from pypdf import PdfReader

    reader = PdfReader(sample_sheets / "2026-ket-qua-tthc-quy-3-2026.pdf")
    page = reader.pages[0]
    assert page.mediabox.width > page.mediabox.height
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Bảo trợ xã hội" in text and "99,92%" in text and "BÁO CÁO" in text


def test_ckx_kinds_lists_every_kind_with_its_columns_and_settings():
    result = ckx("kinds")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for kind in ("budget", "land-use", "poverty", "schedule", "procedures", "consultation", "supervision", "notice"):
        assert f"\n{kind}: " in f"\n{out}", kind
    procedures = out.split("\nprocedures: ")[1].split("\n\n")[0]
    assert "Khóa riêng: period\n" in procedures  # optional: read from the title ("quý III năm 2026") when absent
    assert "- Tiếp nhận; cũng nhận: Tổng số hồ sơ tiếp nhận" in procedures
    assert "- Thư xin lỗi (không bắt buộc); cũng nhận: Số thư xin lỗi" in procedures
    assert "- broadcast_days = 3" in procedures
    assert "- min_comment_days = 30" in out.split("\nconsultation: ")[1]
    assert "- tthc-thieu-thu-xin-loi: " in procedures and "- tong-khong-khop: " in procedures
