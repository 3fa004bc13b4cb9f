"""The forms officers already fill in, read as they are: title band, merged headers, column numbers,
totals and footers, in .xlsx with real merged cells and in the `;`/BOM CSV Excel writes of the same sheet."""

from __future__ import annotations

import csv
import io
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from plugins.budget.schema import BUDGET_TABLE
from plugins.issues import INFO
from plugins.tables import apply_schema, read_table
from tests.conftest import FIXTURES
from tests.form_layouts import SIGNERS, budget_expenditure, budget_revenue, write_csv, write_form, write_xlsx

SHAPES = ("xlsx", "csv")
ROOT_DOCS = Path(__file__).resolve().parent.parent / "docs"
FIXTURES_SITE = FIXTURES / "sites" / "xa-ngan-sach"


def built(site, tmp_path, build_date):
    """The site built as `make html` builds it, on `build_date`: (output folder, what the build printed)."""
    from tests.conftest import build

    output = tmp_path / "output"
    result = build(site, output, build_date=build_date)
    assert result.returncode == 0, result.stderr
    return output, result.stderr


def form_problems(printed: str) -> list[str]:
    """The errors and warnings a build printed about the content, but the year's obligations (these small
    sites meet few of them: each missing one is a warning by design, docs/nghia-vu.md)."""
    return [line for line in printed.splitlines() if ("LỖI" in line or "CẢNH BÁO" in line) and "[nghia-vu-" not in line]


def read_layout(tmp_path, layout, shape, schema=BUDGET_TABLE):
    if shape == "xlsx":
        path = write_xlsx(tmp_path / "bieu.xlsx", {"Thu": layout})
    else:
        path = write_csv(tmp_path / "bieu.csv", layout)
    raw, issues = read_table(path, path.name)
    assert issues == []
    return apply_schema(raw, schema)


@pytest.mark.parametrize("shape", SHAPES)
def test_two_row_header_keeps_every_column_under_a_merged_header(tmp_path, shape):
    table, issues = read_layout(tmp_path, budget_revenue(), shape)
    assert [i.triple() for i in issues if i.severity is not INFO] == []
    assert table.headers == {
        "stt": "STT", "noi_dung": "Nội dung",
        "du_toan": "Dự toán năm 2026 – Tổng thu NSNN trên địa bàn", "du_toan_2": "Dự toán năm 2026 – Thu ngân sách xã",
        "thuc_hien": "Thực hiện 9 tháng – Tổng thu NSNN trên địa bàn",
        "thuc_hien_2": "Thực hiện 9 tháng – Thu ngân sách xã", "so_sanh": "So sánh (%)"}
    assert [c.key for c in table.variants("du_toan")] == ["du_toan", "du_toan_2"]
    first = table.rows[0]
    assert (first.number, first.values["noi_dung"]) == (9, "TỔNG THU")
    assert (first.values["du_toan"], first.values["du_toan_2"]) == (Decimal(12500), Decimal("9105.5"))
    assert (table.unit, table.unit_row, table.header_row) == ("triệu đồng", 5, 6)


@pytest.mark.parametrize("shape", SHAPES)
def test_title_band_column_numbers_and_footer_never_become_rows(tmp_path, shape):
    table, issues = read_layout(tmp_path, budget_revenue(), shape)
    numbers = [row.number for row in table.rows]
    assert numbers == list(range(9, 20)), "rows 1-5 title band, 6-7 header, 8 column numbers, 20- footer"
    written = {str(v) for row in table.rows for v in row.values.values()}
    assert not written & {"5=4/2", "NGƯỜI LẬP BIỂU", "CHỦ TỊCH", *SIGNERS}
    assert "B" not in [row.values["noi_dung"] for row in table.rows]
    assert all("Ghi chú:" not in str(v) for row in table.rows for v in row.values.values())
    notes = sorted((i.line, i.message) for i in issues if i.severity is INFO)
    assert notes == [
        (1, "các dòng 1–5 là phần đầu biểu (tên biểu, kỳ, đơn vị tính): không đăng như số liệu."),
        (8, "dòng 8 là dòng đánh số cột (A, B, 1, 2...): không đăng như số liệu."),
        (20, "các dòng 20–24 là phần cuối biểu (ngày tháng, chữ ký, ghi chú): không đăng như số liệu."),
    ]


@pytest.mark.parametrize("shape", SHAPES)
def test_grand_total_at_the_bottom_is_marked(tmp_path, shape):
    table, issues = read_layout(tmp_path, budget_expenditure(), shape)
    assert [i.triple() for i in issues if i.severity is not INFO] == []
    assert [r.values["noi_dung"] for r in table.rows if r.total] == ["Tổng cộng"]
    assert table.unit == "triệu đồng" and table.rows[0].values["stt"] == "I"


def test_two_headers_read_as_one_column_name_both(tmp_path):
    from tests.form_layouts import Layout

    layout = Layout([["STT", "Nội dung", "Dự toán", "Chỉ tiêu"], ["1", "Phí", 10, "Phí"]])
    table, issues = read_layout(tmp_path, layout, "csv")
    assert table is None
    [duplicate] = [i for i in issues if i.code == "cot-trung"]
    assert duplicate.column == "Chỉ tiêu"
    assert duplicate.message.startswith('cột "Chỉ tiêu" và cột "Nội dung" đều được hiểu là cột "Nội dung"')


def test_a_header_problem_does_not_hide_the_cells_problems(tmp_path):
    from tests.form_layouts import Layout

    layout = Layout([["STT", "Nội dung", "Dự toán", "Cột lạ"], ["1", "Phí", "mười", "x"], ["2", "Lệ phí", "12.5", ""]])
    table, issues = read_layout(tmp_path, layout, "csv")
    assert table is None
    assert sorted(i.triple() for i in issues) == [
        (1, "Cột lạ", "cot-khong-ro"), (2, "Dự toán", "so-khong-hop-le"), (3, "Dự toán", "so-mo-ho")]


def test_a_column_of_values_without_a_header_is_named(tmp_path):
    from tests.form_layouts import Layout

    layout = Layout([["STT", "Nội dung", "Dự toán", None], ["1", "Phí", 10, None], ["2", "Lệ phí", 12, 7]])
    table, issues = read_layout(tmp_path, layout, "csv")
    assert table is not None
    assert [i.triple() for i in issues] == [(3, "cột thứ 4", "cot-khong-ten")]


BUDGET_INDEX = """---
title: Công khai thực hiện ngân sách xã 9 tháng năm 2026
kind: budget
stage: q3
issued: 2026-10-12
posting: {{from: 2026-10-13, to: 2026-12-11, places: [commune-hq, website]}}
tables:
{tables}
---
Biểu mẫu nhập nguyên như cán bộ đã lập.
"""
ROLES = {"Thu": "revenue", "Chi": "expenditure", "Cân đối": "balance"}


def budget_bundle(folder, shape, sheets=None):
    """A bundle holding the three budget forms: one workbook of three sheets, or three CSV files."""
    from tests.form_layouts import BUDGET_SHEETS

    layouts = {name: make() for name, make in BUDGET_SHEETS.items()}
    layouts.update(sheets or {})
    folder.mkdir(parents=True)
    if shape == "xlsx":
        write_xlsx(folder / "bieu-ngan-sach.xlsx", layouts)
        refs = [f"  - {{file: bieu-ngan-sach.xlsx, sheet: {name}, role: {ROLES[name]}}}" for name in layouts]
    else:
        refs = []
        for index, (name, layout) in enumerate(layouts.items(), start=1):
            write_csv(folder / f"bieu-{index}.csv", layout)
            refs.append(f"  - {{file: bieu-{index}.csv, role: {ROLES[name]}}}")
    (folder / "index.md").write_text(BUDGET_INDEX.format(tables="\n".join(refs)), encoding="utf-8")


@pytest.fixture(scope="module")
def form_site(tmp_path_factory):
    from tests.conftest import FIXTURES, build

    site = tmp_path_factory.mktemp("bieu-mau") / "site"
    shutil.copytree(FIXTURES / "sites" / "xa-ngan-sach", site)
    for shape in SHAPES:
        budget_bundle(site / "disclosures" / "2026" / f"bieu-{shape}", shape)
    output = site.parent / "output"
    result = build(site, output, build_date="2026-10-20")
    assert result.returncode == 0, result.stderr
    return output, result.stderr


@pytest.mark.parametrize("shape", SHAPES)
def test_budget_forms_publish_the_communes_figures_and_every_column(form_site, shape):
    from tests.conftest import soup

    output, _ = form_site
    html = soup(output / f"cong-khai/2026/bieu-{shape}/index.html")
    revenue, expenditure, balance = html.select("table.ckx-budget-table")
    assert [th.get_text() for th in revenue.select("thead th")] == [
        "STT", "Nội dung", "Dự toán năm 2026 – Tổng thu NSNN trên địa bàn", "Dự toán năm 2026 – Thu ngân sách xã",
        "Thực hiện 9 tháng – Tổng thu NSNN trên địa bàn", "Thực hiện 9 tháng – Thu ngân sách xã", "TH/DT (%)"]
    first = [td.get_text() for td in revenue.select("tbody tr")[0].select("td")]
    assert first == ["", "12.500", "9.105,5", "9.018,5", "6.534", "71,8"]
    summaries = [li.get_text() for li in html.select(".ckx-budget__summary li")]
    assert summaries[0] == "Tổng thu: dự toán 9.105,5 triệu đồng, thực hiện 6.534 triệu đồng, đạt 71,8% dự toán."
    # the expenditure form's "Tổng cộng" line, named by what it totals
    assert "Tổng chi ngân sách xã: dự toán 9.105,5 triệu đồng, thực hiện 6.376 triệu đồng, đạt 70,0% dự toán." in summaries
    assert len(revenue.select("tbody tr")) == 11 and len(expenditure.select("tbody tr")) == 12
    assert len(balance.select("tbody tr")) == 3
    assert "Thu ngân sách xã" in html.select_one(".ckx-budget__scope").get_text()


def test_no_column_number_footer_or_signer_reaches_any_output(form_site):
    """Not the page, not the downloads, not the clean copies of the officer's files, not the search index."""
    from openpyxl import load_workbook

    output, _ = form_site
    leaks = (*SIGNERS, "NGƯỜI LẬP BIỂU", "5=4/2", "3=2/1", "Ghi chú: số liệu")
    checked = 0
    for path in output.rglob("*"):
        if path.suffix in (".html", ".csv", ".json", ".txt", ".ics", ".xml"):
            text = path.read_text(encoding="utf-8", errors="replace")
        elif path.suffix == ".xlsx":
            workbook = load_workbook(path, read_only=True)
            text = " ".join(str(v) for sheet in workbook for row in sheet.iter_rows(values_only=True) for v in row)
        else:
            continue
        checked += 1
        assert not [leak for leak in leaks if leak in text], path
    assert checked > 10


def test_downloads_keep_both_scopes(form_site):
    output, _ = form_site
    folder = output / "cong-khai/2026/bieu-csv"
    [revenue] = [p for p in (folder / "du-lieu").glob("*.csv") if p.name.startswith("bieu-1")]
    rows = list(csv.DictReader(io.StringIO(revenue.read_text(encoding="utf-8-sig"))))
    amounts = list(rows[0])[4:8]
    assert len(amounts) == 4 and amounts[0].startswith("Dự toán") and amounts[2].startswith("Thực hiện")
    assert "Tổng thu NSNN trên địa bàn" in amounts[0] and "Thu ngân sách xã" in amounts[1]
    assert (rows[0][amounts[0]], rows[0][amounts[1]], rows[0]["Thực hiện so với dự toán"]) == ("12500", "9105.5", "71.8")
    assert [r["Nội dung"] for r in rows][-1] == "Thu bổ sung có mục tiêu"


def test_forms_disagreeing_are_named(tmp_path):
    from tests.conftest import ckx
    from tests.form_layouts import budget_balance, budget_revenue

    revenue = budget_revenue()
    revenue.rows[10][6] = 80  # "Phí, lệ phí": 95 of 120 is 79,2%, not 80%
    balance = budget_balance()
    balance.rows[7][3] = 6400  # total expenditure executed: the expenditure form says 6.376
    site = tmp_path / "site"
    shutil.copytree(FIXTURES_SITE, site)
    budget_bundle(site / "disclosures/2026/bieu", "xlsx", {"Thu": revenue, "Cân đối": balance})
    index = site / "disclosures/2026/bieu/index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("stage: q3", "stage: q3\nunit: đồng"), encoding="utf-8")
    result = ckx("validate", "--content", str(site))
    assert result.returncode == 1
    found = sorted(re.findall(r'/(bieu-ngan-sach\.xlsx \[trang tính "[^"]+"\]):(\d+) (?:LỖI|CẢNH BÁO) \[([a-z-]+)\]',
                              result.stderr))
    assert found == [
        ('bieu-ngan-sach.xlsx [trang tính "Chi"]', "4", "don-vi-khong-khop"),
        ('bieu-ngan-sach.xlsx [trang tính "Cân đối"]', "4", "don-vi-khong-khop"),
        ('bieu-ngan-sach.xlsx [trang tính "Cân đối"]', "8", "bang-khong-khop"),
        ('bieu-ngan-sach.xlsx [trang tính "Thu"]', "11", "so-sanh-khong-khop"),
        ('bieu-ngan-sach.xlsx [trang tính "Thu"]', "5", "don-vi-khong-khop"),
    ], result.stderr
    assert 'ghi 80%, không khớp với số liệu; Thực hiện 9 tháng – Thu ngân sách xã / Dự toán năm 2026 – Thu ngân sách xã là 79,2%' in result.stderr
    assert 'biểu ghi "Đơn vị tính: triệu đồng" nhưng khóa unit trong index.md là "đồng"' in result.stderr
    assert 'ghi 6.400 nhưng bảng "Chi ngân sách xã" có tổng 6.376 (dòng 18 của' in result.stderr


def test_the_commune_figure_is_the_cumulative_one_of_the_stage_never_last_year(tmp_path):
    """`q3` compares the 9 months cumulative, not the quarter, and never the same period of last year; a
    three-row header ("Thực hiện" / "Năm 2026" / "Quý III | Lũy kế 9 tháng") is flattened whole."""
    from plugins.budget.load import _measures
    from tests.form_layouts import Layout

    layout = Layout([
        ["Đơn vị tính: triệu đồng"],
        ["STT", "Nội dung", "Dự toán năm 2026", "Thực hiện", None, None],
        [None, None, None, "Năm 2026", None, "Cùng kỳ năm 2025"],
        [None, None, None, "Quý III", "Lũy kế 9 tháng", None],
        [None, "Tổng thu", 100, 30, 72, 60],
    ], ["A2:A4", "B2:B4", "C2:C4", "D2:F2", "D3:E3", "F3:F4"])
    table, issues = read_layout(tmp_path, layout, "xlsx")
    assert [i.triple() for i in issues if i.severity is not INFO] == []
    assert table.headers["thuc_hien_2"] == "Thực hiện – Năm 2026 – Lũy kế 9 tháng"
    chosen = {m.key: m.commune for m in _measures(table, "q3")}
    assert chosen == {"du_toan": True, "thuc_hien": False, "thuc_hien_2": True, "thuc_hien_3": False}


LAND_USE_INDEX = """---
title: Công bố kế hoạch sử dụng đất năm 2026
kind: land-use
issued: 2026-02-01
posting: {{from: 2026-02-02, to: 2026-12-31, places: [commune-hq, website]}}
tables:
  - file: {file}
---
Kế hoạch sử dụng đất năm 2026.
"""


def land_use_site(tmp_path, shape, layout=None):
    """The land-use fixture commune with the form's villages, holding the list in its official layout."""
    from tests.form_layouts import VILLAGES, land_use_list

    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "sites" / "xa-dat-dai", site)
    commune = site / "commune.yml"
    text = commune.read_text(encoding="utf-8")
    villages = "".join(f"  - slug: v{i}\n    name: {name}\n" for i, name in enumerate(VILLAGES))
    commune.write_text(text[:text.index("villages:")] + "villages:\n" + villages + text[text.index("feedback:"):],
                       encoding="utf-8")
    folder = next((site / "disclosures").glob("*/*"))
    for old in folder.glob("*.csv"):
        old.unlink()
    declare(folder, LAND_USE_INDEX, write_form(folder, "danh-muc", layout or land_use_list(), shape))
    return site


def declare(folder, index: str, file) -> None:
    """The bundle's index.md, declaring `file` as its table."""
    (folder / "index.md").write_text(index.format(file=file.name), encoding="utf-8")


@pytest.mark.parametrize("shape", SHAPES)
def test_land_use_groups_are_counted_once_and_former_codes_named(tmp_path, shape):
    from tests.conftest import soup

    site = land_use_site(tmp_path, shape)
    output, printed = built(site, tmp_path, "2026-03-01")
    warnings = re.findall(r":(\d+) CẢNH BÁO \[([a-z-]+)\]", printed)
    assert warnings == [("10", "ma-dat-cu"), ("12", "ma-dat-cu")], printed
    assert '"BHK" (Đất bằng trồng cây hằng năm khác) là mã theo quy định cũ, nay là HNK' in printed
    [page] = [p for p in output.glob("cong-khai/2026/*/index.html")]
    html = soup(page)
    assert "4 công trình, dự án với tổng diện tích 13,50 ha." in html.get_text()
    projects = html.select("table.ckx-project-list tbody tr")
    assert [r.select_one("th").get_text() for r in projects] == [
        "Chuyển đổi đất lúa sang trồng cây hằng năm", "Đường giao thông liên thôn Đồng Bến – Trại",
        "Mở rộng trường mầm non", "Khu dân cư mới"]
    cells = [td.get_text() for td in projects[0].select("td")]
    assert cells == ["1", "HNK", "2,00", "0,00", "Xứ đồng Bàu", "LUC", "Tờ 12, thửa 45-52"]
    by_village = {r.select_one("th").get_text(): r.select("td")[-1].get_text()
                  for table in html.select("table.ckx-cards") if "theo thôn" in table.caption.get_text()
                  for r in table.select("tbody tr")}
    assert by_village == {"Thôn Đồng Bến": "2,00", "Thôn Trại": "2,00", "Thôn Phú Sơn": "5,50",
                          "Công trình qua nhiều thôn": "4,00"}
    assert not [s for s in SIGNERS if s in page.read_text(encoding="utf-8")]


def test_land_use_subtotals_and_villages_are_checked(tmp_path):
    from tests.conftest import ckx
    from tests.form_layouts import land_use_list

    layout = land_use_list()
    layout.rows[7][3] = 13.0  # "Tổng cộng": the projects add up to 13,5
    layout.rows[11][3] = 6.5  # the DHT group: its two works add up to 6,00
    layout.rows[14][5] = "Thôn Phú Sơm"  # a slip of the keyboard; "Phú Sớn" would still be Phú Sơn
    site = land_use_site(tmp_path, "csv", layout)
    result = ckx("validate", "--content", str(site))
    assert result.returncode == 1
    found = re.findall(r":(\d+) (?:LỖI|CẢNH BÁO) \[([a-z-]+)\]", result.stderr)
    assert found == [("8", "tong-khong-khop"), ("10", "ma-dat-cu"), ("11", "tong-khong-khop"),
                     ("12", "tong-khong-khop"), ("12", "ma-dat-cu"), ("15", "thon-khong-co")], result.stderr
    assert "Có phải là Thôn Phú Sơn?" in result.stderr
    assert 'dòng "1 Đất phát triển hạ tầng" ghi 6,5 nhưng tổng các dòng con (dòng 13, 14) là 6, lệch 0,5' in result.stderr


def test_import_reads_a_workbook_of_forms_into_one_bundle_with_a_preview(tmp_path):
    """`make import` of the three budget forms: one CSV per sheet, an instructions sheet passed over, a
    preview of the mapping, the first rows and the dropped rows; the written bundle builds the same figures."""
    from tests.conftest import build, soup
    from tests.form_layouts import BUDGET_SHEETS, Layout
    from tests.test_import import run_import

    sheets = {name: make() for name, make in BUDGET_SHEETS.items()}
    sheets["Hướng dẫn"] = Layout([["Điền số liệu vào các trang Thu, Chi, Cân đối."]])
    source = write_xlsx(tmp_path / "bieu-ngan-sach.xlsx", sheets)
    site = tmp_path / "site"
    shutil.copytree(FIXTURES_SITE, site)
    bundle = site / "disclosures/2026/nhap"
    result = run_import(source, "--kind", "budget", "--out", bundle / "bieu.csv")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in bundle.iterdir()) == ["bieu-can-doi.csv", "bieu-chi.csv", "bieu-thu.csv"]
    assert 'Trang tính "Hướng dẫn" không có bảng của loại budget: bỏ qua.' in result.stdout
    assert ('Cột: "STT" → STT; "Nội dung" → Nội dung; "Dự toán năm 2026 – Tổng thu NSNN trên địa bàn" → Dự toán; '
            '"Dự toán năm 2026 – Thu ngân sách xã" → Dự toán;') in result.stdout
    assert "  dòng 9: |TỔNG THU|12500|9105,5|9018,5|6534|71,8" in result.stdout.replace(" | ", "|")
    assert "Để riêng: dòng 8 là dòng đánh số cột (A, B, 1, 2...): không đăng như số liệu." in result.stdout
    assert "  dòng tổng cộng 18: Tổng cộng | 9105,5 | 6376 | 70" in result.stdout
    written = (bundle / "bieu-thu.csv").read_text(encoding="utf-8")
    assert written.splitlines()[0] == ("STT,Nội dung,Dự toán năm 2026 – Tổng thu NSNN trên địa bàn,Dự toán năm 2026 – "
                                       "Thu ngân sách xã,Thực hiện 9 tháng – Tổng thu NSNN trên địa bàn,Thực hiện 9 "
                                       "tháng – Thu ngân sách xã,So sánh (%)")
    assert not [s for s in SIGNERS if s in written]
    refs = [f"  - {{file: bieu-{name}.csv, role: {role}}}" for name, role in
            (("thu", "revenue"), ("chi", "expenditure"), ("can-doi", "balance"))]
    (bundle / "index.md").write_text(
        BUDGET_INDEX.format(tables="\n".join(refs)).replace("stage: q3", "stage: q3\nunit: triệu đồng"),
        encoding="utf-8")
    output = tmp_path / "output"
    built = build(site, output, build_date="2026-10-20")
    assert built.returncode == 0, built.stderr
    summary = soup(output / "cong-khai/2026/nhap/index.html").select_one(".ckx-budget__summary li").get_text()
    assert summary == "Tổng thu: dự toán 9.105,5 triệu đồng, thực hiện 6.534 triệu đồng, đạt 71,8% dự toán."


def test_import_leaves_personal_columns_out(tmp_path):
    from tests.form_layouts import Layout
    from tests.test_import import run_import

    layout = Layout([
        ["DANH SÁCH HỘ NGHÈO NĂM 2026"],
        ["STT", "Họ và tên chủ hộ", "Năm sinh", "Số CCCD", "Dân tộc", "Thôn", "Phân loại", "Số nhân khẩu"],
        [1, "Nguyễn Văn Một", 1970, "001070012345", "Kinh", "Thôn Đông", "Hộ nghèo", 4],
    ])
    target = tmp_path / "danh-sach.csv"
    result = run_import(write_csv(tmp_path / "ds.csv", layout), "--kind", "poverty", "--out", target)
    assert result.returncode == 0, result.stderr
    assert sorted(re.findall(r'CẢNH BÁO \[cot-ca-nhan-da-bo\] Cột "([^"]+)"', result.stderr)) == [
        "Dân tộc", "Năm sinh", "Số CCCD"]
    assert target.read_text(encoding="utf-8") == ("STT,Họ và tên chủ hộ,Thôn,Phân loại,Số nhân khẩu\n"
                                                  "1,Nguyễn Văn Một,Thôn Đông,Hộ nghèo,4\n")


POVERTY_INDEX = """---
title: Danh sách hộ nghèo, hộ cận nghèo năm 2026
kind: poverty
issued: 2026-11-20
posting: {{from: 2026-11-21, to: 2026-12-10, places: [commune-hq, all-villages]}}
tables:
  - file: {file}
---
Kết quả rà soát hộ nghèo, hộ cận nghèo năm 2026.
"""


def poverty_site(tmp_path, shape, layout=None):
    from tests.form_layouts import poverty_list

    site = land_use_site(tmp_path, shape)  # the commune with the forms' villages
    folder = next((site / "disclosures").glob("*/*"))
    shutil.rmtree(folder)
    folder = site / "disclosures/2026/ho-ngheo"
    folder.mkdir(parents=True)
    declare(folder, POVERTY_INDEX, write_form(folder, "danh-sach", layout or poverty_list(), shape))
    return site


@pytest.mark.parametrize("shape", SHAPES)
def test_poverty_list_with_marks_village_headings_and_a_repeated_header(tmp_path, shape):
    from tests.conftest import soup

    site = poverty_site(tmp_path, shape)
    output, printed = built(site, tmp_path, "2026-11-25")
    assert form_problems(printed) == [], printed
    assert "dòng 13 là dòng tiêu đề lặp lại" in printed and "dòng 14 là dòng tiêu đề lặp lại" in printed
    page = output / "cong-khai/2026/ho-ngheo/index.html"
    text = soup(page).get_text(" ")
    for name in ("Nguyễn Văn Một", "Trần Thị Hai", "Lê Văn Ba", "Phạm Thị Bốn"):
        assert name in text
    counts = (output / "cong-khai/2026/ho-ngheo/du-lieu/so-lieu-theo-thon.csv").read_text(encoding="utf-8-sig")
    assert sorted(counts.splitlines()[1:]) == ["Thôn Trại,hộ cận nghèo,1,2", "Thôn Trại,hộ nghèo,1,5",
                                               "Thôn Đồng Bến,hộ cận nghèo,1,3", "Thôn Đồng Bến,hộ nghèo,1,4"]
    by_village = {folder.name: soup(folder / "index.html").get_text(" ") for folder in page.parent.glob("v*")}
    assert "Trần Thị Hai" in by_village["v0"] and "Lê Văn Ba" not in by_village["v0"]
    assert "Phạm Thị Bốn" in by_village["v1"] and "Nguyễn Văn Một" not in by_village["v1"]


def test_poverty_marks_and_headings_are_checked(tmp_path):
    from tests.conftest import ckx
    from tests.form_layouts import poverty_list

    layout = poverty_list()
    layout.rows[8][3] = "x"  # Nguyễn Văn Một marked twice
    layout.rows[9][2] = "?"  # not a mark
    layout.rows[10][1] = "Thôn Đồng Bếm"  # no such village ("Đồng Bền" would still be Đồng Bến: marks are ignored)
    layout.rows[15][4] = 15  # the households have 14 members
    site = poverty_site(tmp_path, "csv", layout)
    result = ckx("validate", "--content", str(site), build_date="2026-11-25")
    assert result.returncode == 1
    found = re.findall(r":(\d+) (?:LỖI|CẢNH BÁO) \[([a-z-]+)\] Cột \"([^\"]+)\"", result.stderr)
    assert found == [("9", "gia-tri-khong-hop-le", "Hộ nghèo, Hộ cận nghèo"),
                     ("10", "gia-tri-khong-hop-le", "Phân loại – Hộ nghèo"),
                     ("11", "thon-khong-co", "tên thôn ở dòng đầu nhóm"),
                     ("16", "tong-khong-khop", "Số nhân khẩu")], result.stderr
    assert "Có phải là Thôn Đồng Bến?" in result.stderr


SCHEDULE_INDEX = """---
title: Lịch tiếp công dân định kỳ tháng 12 năm 2026
kind: schedule
issued: 2026-11-18
posting: {{from: 2026-11-20, to: 2026-12-31, places: [commune-hq, website]}}
{tables}---
Lịch tiếp công dân của lãnh đạo Ủy ban nhân dân xã.
"""


def schedule_site(tmp_path, tables: str, extra: str = "") -> Path:
    site = tmp_path / "site"
    shutil.copytree(FIXTURES / "sites" / "xa-lich", site)
    for folder in list((site / "disclosures").glob("*/*")):
        shutil.rmtree(folder)
    folder = site / "disclosures/2026/lich-thang-12"
    folder.mkdir(parents=True)
    (folder / "index.md").write_text(SCHEDULE_INDEX.format(tables=tables + extra), encoding="utf-8")
    return folder


@pytest.mark.parametrize("shape", SHAPES)
def test_the_month_table_of_reception_days_holds_a_morning_and_an_afternoon(tmp_path, shape):
    from tests.conftest import soup
    from tests.form_layouts import reception_month_table

    folder = schedule_site(tmp_path, f"tables:\n  - file: lich.{shape}\n")
    write_form(folder, "lich", reception_month_table(), shape)
    output, printed = built(folder.parents[2], tmp_path, "2026-11-25")
    assert form_problems(printed) == [], printed
    page = soup(output / "cong-khai/2026/lich-thang-12/index.html")
    when = [" ".join(h.get_text(" ", strip=True).split()) for h in page.select(".ckx-sessions__when")]
    assert when == ["Thứ Năm, 03/12/2026 , 07:30–11:30", "Thứ Năm, 03/12/2026 , 13:00–17:00",
                    "Thứ Năm, 10/12/2026 , 07:30–11:30", "Thứ Năm, 10/12/2026 , 13:00–17:00",
                    "Thứ Năm, 17/12/2026 , 07:30–11:30", "Thứ Năm, 17/12/2026 , 13:00–17:00"]
    hosts = [li.get_text() for li in page.select(".ckx-sessions__meta li") if li.get_text().startswith("Chủ trì")]
    assert hosts[2] == "Chủ trì: Nguyễn Văn Hùng, Phó Chủ tịch UBND xã"
    assert page.select_one(".ckx-sessions__what").get_text() == "Tiếp công dân định kỳ"
    ics = (output / "cong-khai/2026/lich-thang-12/lich.ics").read_text(encoding="utf-8")
    assert ics.count("BEGIN:VEVENT") == 6


def test_a_weekly_rule_with_a_morning_and_an_afternoon_session(tmp_path):
    rule = ('recurring:\n  weekday: thứ Năm\n  sessions:\n    - {start: "07:30", end: "11:30"}\n'
            '    - {start: "13:30", end: "17:00"}\n')
    folder = schedule_site(tmp_path, "", rule)
    output, _ = built(folder.parents[2], tmp_path, "2026-11-25")
    ics = (output / "cong-khai/2026/lich-thang-12/lich.ics").read_text(encoding="utf-8")
    starts = re.findall(r"DTSTART;TZID=[^:]*:(\d{8}T\d{4})", ics)  # the events, not the time zone
    assert starts[:4] == ["20261126T0730", "20261126T1330", "20261203T0730", "20261203T1330"]
    assert len(starts) == 12  # the Thursdays from 26/11 to 31/12, morning and afternoon


def test_a_weekday_that_is_not_the_dates_own_is_named(tmp_path):
    from tests.conftest import ckx
    from tests.form_layouts import reception_month_table

    layout = reception_month_table()
    layout.rows[5][3] = "Thứ Sáu, 10/12/2026"
    folder = schedule_site(tmp_path, "tables:\n  - file: lich.csv\n")
    write_csv(folder / "lich.csv", layout)
    result = ckx("validate", "--content", str(folder.parents[2]), build_date="2026-11-25")
    assert result.returncode == 1
    assert ('lich.csv:6 LỖI [ngay-khong-hop-le] Cột "Ngày tiếp công dân": ngày 10/12/2026 là thứ Năm, không phải '
            'thứ Sáu như đã ghi.') in result.stderr


def test_the_officers_guide_shows_every_tested_layout():
    """docs/bieu-mau.md has a picture of each layout the tests read (drawn by `make layout-pictures`)."""
    from scripts.layout_pictures import PICTURES

    guide = (ROOT_DOCS / "bieu-mau.md").read_text(encoding="utf-8")
    for name in PICTURES:
        assert f"(bieu-mau/{name}.png)" in guide
        assert (ROOT_DOCS / "bieu-mau" / f"{name}.png").stat().st_size > 10_000


def test_a_section_subtotal_inside_a_budget_table_is_not_a_grand_total():
    """"Cộng I" closing section I is checked against it and leaves section II alone; only a total on the
    last row takes the sections above it."""
    from plugins.budget.rows import BudgetRow
    from plugins.tables.hierarchy import build_tree, check_sums

    def table(first_section_total):
        def row(number, stt, content, amount, total=False):
            return BudgetRow(number=number, stt=stt, content=content, amounts={"du_toan": Decimal(amount)},
                             total=total)
        return [row(2, "I", "Chi đầu tư", "40"), row(3, "1", "Đường", "40"),
                row(4, "", "Cộng I", first_section_total, total=True),
                row(5, "II", "Chi thường xuyên", "60"), row(6, "1", "Giáo dục", "60"),
                row(7, "", "Tổng cộng", "100", total=True)]

    rows = table("40")
    tops = build_tree(rows)
    assert [t.content for t in tops] == ["Tổng cộng"]
    assert [c.content for c in tops[0].children] == ["Chi đầu tư", "Chi thường xuyên"]
    assert rows[4].parent is rows[3], "section II's rows stay in section II"
    assert check_sums(rows, exact=True) == []
    rows = table("45")
    build_tree(rows)
    assert [(m.row.content, m.found, m.expected) for m in check_sums(rows, exact=True)] == [
        ("Cộng I", Decimal(45), Decimal(40))]


def test_a_comparison_header_over_the_names_of_amounts_stays_a_comparison(tmp_path):
    """"So sánh (%)" over "Dự toán | Cùng kỳ": the lower parts name amounts, the columns hold ratios."""
    from tests.form_layouts import Layout

    layout = Layout([
        ["STT", "Nội dung", "Dự toán năm 2026", "Thực hiện 9 tháng", "So sánh (%)", None],
        [None, None, None, None, "Dự toán", "Cùng kỳ"],
        [None, "Tổng thu", 200, 150, 75, 110],
    ], ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:F1"])
    table, issues = read_layout(tmp_path, layout, "xlsx")
    assert [i.triple() for i in issues if i.severity is not INFO] == []
    assert [c.key for c in table.columns] == ["stt", "noi_dung", "du_toan", "thuc_hien", "so_sanh", "so_sanh_2"]
    assert table.rows[0].values["du_toan"] == Decimal(200)


def test_a_comparison_with_last_year_is_not_checked_without_last_years_figures(tmp_path):
    from tests.conftest import ckx
    from tests.form_layouts import Layout

    layout = Layout([
        ["Đơn vị tính: triệu đồng"],
        ["STT", "Nội dung", "Dự toán năm 2026", "Thực hiện 9 tháng", "So sánh (%)", None],
        [None, None, None, None, "Dự toán", "Cùng kỳ năm trước"],
        [None, "Tổng thu", 200, 150, 70, 110],
    ], ["A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:F2"])
    site = tmp_path / "site"
    shutil.copytree(FIXTURES_SITE, site)
    budget_bundle(site / "disclosures/2026/bieu", "xlsx", {"Thu": layout})
    result = ckx("validate", "--content", str(site))
    warnings = re.findall(r'\[trang tính "Thu"\]:(\d+) CẢNH BÁO \[([a-z-]+)\] Cột "([^"]+)"', result.stderr)
    assert warnings == [("4", "so-sanh-khong-khop", "So sánh (%) – Dự toán")], result.stderr


def test_a_land_use_list_without_stt_takes_a_name_alone_for_a_group_heading(tmp_path):
    from tests.conftest import ckx
    from tests.form_layouts import Layout

    layout = Layout([
        ["Tên công trình, dự án", "Mã loại đất", "Diện tích (ha)", "Thôn", "Địa điểm"],
        ["Công trình chuyển tiếp", None, None, None, None],
        ["Đường nội đồng", "DGT", "0,50", "Thôn Trại", "Xứ đồng Bàu"],
        ["Công trình đăng ký mới", None, None, None, None],
        ["Nhà văn hóa", "DVH", "0,20", "Thôn Trại", "Xóm Giữa"],
        ["Trạm y tế", "DYT", None, "Thôn Trại", "Trung tâm xã"],
    ])
    site = land_use_site(tmp_path, "csv", layout)
    result = ckx("validate", "--content", str(site))
    found = re.findall(r"danh-muc\.csv:(\d+) (LỖI|GHI NHẬN) \[([a-z-]+)\]", result.stderr)
    assert found == [("2", "GHI NHẬN", "dong-ngoai-bang"), ("4", "GHI NHẬN", "dong-ngoai-bang"),
                     ("6", "LỖI", "thieu-gia-tri")], result.stderr


def test_a_land_use_form_in_square_metres_is_published_in_hectares(tmp_path):
    from tests.conftest import soup
    from tests.form_layouts import Layout

    layout = Layout([
        ["DANH MỤC CÔNG TRÌNH THU HỒI ĐẤT"], ["ĐVT: m2"],
        ["STT", "Tên công trình, dự án", "Mã loại đất", "Diện tích", "Địa điểm"],
        ["1", "Đường nội đồng", "DGT", "5.000", "Thôn Trại"],
        ["2", "Nhà văn hóa", "DVH", "1.250", "Thôn Trại"],
        [None, "Tổng cộng", None, "6.250", None],
    ])
    site = land_use_site(tmp_path, "csv", layout)
    output, printed = built(site, tmp_path, "2026-03-01")
    assert "diện tích trong biểu tính bằng m²: trang đổi ra ha" in printed
    [page] = output.glob("cong-khai/2026/*/index.html")
    assert "2 công trình, dự án với tổng diện tích 0,63 ha." in soup(page).get_text()
    areas = [r.select("td")[2].get_text() for r in soup(page).select("table.ckx-project-list tbody tr")]
    assert areas == ["0,50", "0,13"]


def test_a_foot_total_under_a_top_total_is_checked_and_changes_nothing_else():
    from plugins.budget.rows import BudgetRow
    from plugins.tables.hierarchy import build_tree, check_sums

    rows = [BudgetRow(number=n, stt=stt, content=content, amounts={"du_toan": Decimal(v)}, total=total)
            for n, (stt, content, v, total) in enumerate([
                ("", "TỔNG THU", "100", False), ("1", "Phí", "30", False), ("2", "Thuế", "70", False),
                ("", "Tổng cộng", "90", True)], start=2)]
    tops = build_tree(rows)
    assert [t.content for t in tops] == ["TỔNG THU"] and len(tops[0].children) == 2
    assert [(m.row.content, m.expected) for m in check_sums(rows, exact=True)] == [("Tổng cộng", Decimal(100))]


def test_land_use_projects_under_a_village_heading_belong_to_that_village(tmp_path):
    from tests.conftest import soup
    from tests.form_layouts import Layout

    layout = Layout([
        ["STT", "Tên công trình, dự án", "Mã loại đất", "Diện tích (ha)", "Địa điểm"],
        ["I", "Thôn Trại"],
        ["1", "Đường nội đồng", "DGT", "0,50", "Xứ đồng Bàu"],
        ["II", "Thôn Phú Sơn"],
        ["1", "Nhà văn hóa", "DVH", "0,20", "Gò Cao"],
    ])
    output, _ = built(land_use_site(tmp_path, "csv", layout), tmp_path, "2026-03-01")
    [page] = output.glob("cong-khai/2026/*/index.html")
    by_village = {r.select_one("th").get_text(): r.select("td")[-1].get_text()
                  for table in soup(page).select("table.ckx-cards") if "theo thôn" in table.caption.get_text()
                  for r in table.select("tbody tr")}
    assert by_village == {"Thôn Trại": "0,50", "Thôn Phú Sơn": "0,20"}


def test_import_keeps_the_village_headings_of_a_poverty_list(tmp_path):
    """The list imported from its usual layout builds with the same households in the same villages."""
    from tests.form_layouts import poverty_list
    from tests.test_import import run_import

    site = poverty_site(tmp_path, "csv")
    folder = site / "disclosures/2026/ho-ngheo"
    source = write_xlsx(tmp_path / "ds.xlsx", {"DS": poverty_list()})
    (folder / "danh-sach.csv").unlink()
    result = run_import(source, "--kind", "poverty", "--out", folder / "danh-sach.csv")
    assert result.returncode == 0, result.stderr
    written = (folder / "danh-sach.csv").read_text(encoding="utf-8").splitlines()
    assert written[:3] == ["STT,Họ và tên chủ hộ,Số nhân khẩu,Ghi chú,Phân loại", ",Thôn Đồng Bến,,,",
                           "1,Nguyễn Văn Một,4,,hộ nghèo"]
    output, _ = built(site, tmp_path, "2026-11-25")
    counts = (output / "cong-khai/2026/ho-ngheo/du-lieu/so-lieu-theo-thon.csv").read_text(encoding="utf-8-sig")
    assert sorted(counts.splitlines()[1:]) == ["Thôn Trại,hộ cận nghèo,1,2", "Thôn Trại,hộ nghèo,1,5",
                                               "Thôn Đồng Bến,hộ cận nghèo,1,3", "Thôn Đồng Bến,hộ nghèo,1,4"]
