"""Importing an officer's table into a bundle, and scaffolding a new bundle."""

import datetime as dt
import re
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT, ckx
from tests.test_tables import write_csv

ROWS = [["TT", "Họ tên chủ hộ", "Thôn", "Phân loại", "Số khẩu"],
        ["1", "Nguyễn Văn Một", "Thôn Đông", "Hộ nghèo", "4"],
        ["2", "Trần Thị Hai", "Thôn Tây", "cận nghèo", "3"]]
EXPECTED = ("STT,Họ và tên chủ hộ,Thôn,Phân loại,Số nhân khẩu\n"
            "1,Nguyễn Văn Một,Thôn Đông,Hộ nghèo,4\n"
            "2,Trần Thị Hai,Thôn Tây,cận nghèo,3\n")


def run_import(*args):
    return subprocess.run([sys.executable, str(ROOT / "scripts/import_table.py"), *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT)


def xlsx(path, rows):
    from openpyxl import Workbook

    workbook = Workbook()
    for row in rows:
        workbook.active.append([int(c) if c.isdigit() else c for c in row])
    workbook.save(path)
    return path


@pytest.mark.parametrize("shape", ["xlsx", "semicolon-bom", "utf16-tab", "windows-1258"])
def test_every_shape_imports_to_the_same_csv(tmp_path, shape):
    source = {
        "xlsx": lambda: xlsx(tmp_path / "ds.xlsx", ROWS),
        "semicolon-bom": lambda: write_csv(tmp_path, "ds.csv", ROWS, ";", "utf-8", b"\xef\xbb\xbf"),
        "utf16-tab": lambda: write_csv(tmp_path, "ds.txt", ROWS, "\t", "utf-16-le", b"\xff\xfe"),
        "windows-1258": lambda: write_csv(tmp_path, "ds.csv", ROWS, ",", "cp1258"),
    }[shape]()
    target = tmp_path / "bundle" / "danh-sach.csv"
    result = run_import(source, "--kind", "poverty", "--out", target)
    assert result.returncode == 0, result.stderr
    assert target.read_text(encoding="utf-8") == EXPECTED


def test_numbers_and_dates_are_written_back_readable(tmp_path):
    rows = [["STT", "Nội dung", "Dự toán năm 2026", "Thực hiện"], ["", "Tổng thu", "1.250,5", "300"],
            ["1", "Phí", "1.250,5", "300"]]
    target = tmp_path / "thu.csv"
    assert run_import(write_csv(tmp_path, "in.csv", rows, ";", "utf-8"), "--kind", "budget", "--out", target).returncode == 0
    assert target.read_text(encoding="utf-8").splitlines() == [
        "STT,Nội dung,Dự toán,Thực hiện", ",Tổng thu,\"1250,5\",300", "1,Phí,\"1250,5\",300"]
    assert run_import(target, "--kind", "budget", "--out", tmp_path / "again.csv").returncode == 0
    assert (tmp_path / "again.csv").read_text(encoding="utf-8") == target.read_text(encoding="utf-8")


def test_every_problem_is_reported_and_nothing_written(tmp_path):
    rows = [*ROWS, ["3", "", "Thôn Đông", "Hộ nghèo", "2.5"], ["4", "Lê Bốn", "Thôn Đông", "Hộ nghèo", "abc"]]
    target = tmp_path / "out.csv"
    result = run_import(write_csv(tmp_path, "ds.csv", rows, ";", "utf-8"), "--kind", "poverty", "--out", target)
    assert result.returncode == 1 and not target.exists()
    assert 'ds.csv:4 LỖI [thieu-gia-tri] Cột "Họ tên chủ hộ"' in result.stderr
    assert 'ds.csv:4 LỖI [so-mo-ho] Cột "Số khẩu"' in result.stderr
    assert 'ds.csv:5 LỖI [so-khong-hop-le] Cột "Số khẩu"' in result.stderr


def test_make_new_creates_a_bundle_that_is_refused_until_its_placeholder_is_replaced(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    result = subprocess.run([sys.executable, str(ROOT / "scripts/new_disclosure.py"), "--kind", "schedule",
                             "--title", "Lịch tiếp công dân quý I năm 2027", "--content", str(content)],
                            capture_output=True, text=True, env={"BUILD_DATE": "2026-12-20", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    index = content / "disclosures/2026/lich-tiep-cong-dan-quy-i-nam-2027/index.md"
    text = index.read_text(encoding="utf-8")
    assert "issued: '2026-12-20'" in text and "from: '2026-12-21'" in text
    assert f"to: '{(dt.date(2026, 12, 21) + dt.timedelta(days=89)).isoformat()}'" in text
    validate = ckx("validate", "--content", str(content), build_date="2026-12-20")
    assert validate.returncode == 1 and "[noi-dung-mau]" in validate.stderr
    assert "Tổng cộng: 1 lỗi" in validate.stderr, "the placeholder is the only problem of a fresh bundle"
    index.write_text(text.replace("Viết nội dung thuyết minh ở đây.", "Lịch tiếp công dân của Chủ tịch xã."),
                     encoding="utf-8")
    validate = ckx("validate", "--content", str(content), build_date="2026-12-20")
    assert validate.returncode == 0, validate.stderr


def budget_workbook(path, thu_total=150):
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows in {"Thu": [["TT", "Nội dung", "Dự toán năm"], ["", "TỔNG THU NGÂN SÁCH XÃ", thu_total],
                                ["1", "Phí, lệ phí", 100], ["2", "Thu khác", 50]],
                       "Chi": [["TT", "Nội dung", "Dự toán năm"], ["", "TỔNG CHI NGÂN SÁCH XÃ", 150],
                               ["1", "Chi thường xuyên", 150]]}.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_import_runs_the_bundles_own_checks_and_prints_tables_that_validate(tmp_path):
    content = tmp_path / "content"
    bundle = content / "disclosures/2026/du-toan-2026"
    bundle.mkdir(parents=True)
    shutil.copy(ROOT / "content/commune.yml", content / "commune.yml")
    wrong = run_import(budget_workbook(tmp_path / "sai.xlsx", thu_total=160), "--kind", "budget", "--out",
                       bundle / "du-toan.csv")
    assert wrong.returncode == 1 and "[tong-khong-khop]" in wrong.stderr, wrong.stderr + wrong.stdout
    assert not list(bundle.glob("*.csv"))  # the sum the kind checks is checked before anything is written
    right = run_import(budget_workbook(tmp_path / "dung.xlsx"), "--kind", "budget", "--out", bundle / "du-toan.csv")
    assert right.returncode == 0, right.stderr
    snippet = right.stdout.split("Khai báo trong mục tables của index.md:\n", 1)[1]
    assert "role: revenue" in snippet and "role: expenditure" in snippet
    (bundle / "index.md").write_text("---\ntitle: Dự toán ngân sách xã năm 2026\nkind: budget\nissued: 2026-01-05\n"
                                     "unit: triệu đồng\nposting: {from: 2026-01-06, to: 2026-02-05, places: [website]}\n"
                                     + snippet + "---\nDự toán.\n", encoding="utf-8")
    result = ckx("validate", "--content", str(content))
    assert result.returncode == 0, result.stderr


def test_a_table_role_may_be_written_in_vietnamese(tmp_path):
    content = tmp_path / "content"
    bundle = content / "disclosures/2026/du-toan-2026"
    bundle.mkdir(parents=True)
    shutil.copy(ROOT / "content/commune.yml", content / "commune.yml")
    (bundle / "thu.csv").write_text("TT;Nội dung;Dự toán năm\n;TỔNG THU;100\n1;Phí;100\n", encoding="utf-8")
    (bundle / "chi.csv").write_text("TT;Nội dung;Dự toán năm\n;TỔNG CHI;100\n1;Chi khác;100\n", encoding="utf-8")
    (bundle / "index.md").write_text("---\ntitle: Dự toán\nkind: budget\nissued: 2026-01-05\nunit: triệu đồng\n"
                                     "posting: {from: 2026-01-06, to: 2026-02-05, places: [website]}\n"
                                     "tables:\n  - {file: thu.csv, role: Thu}\n  - {file: chi.csv, role: chi ngân sách}\n"
                                     "---\nDự toán.\n", encoding="utf-8")
    assert ckx("validate", "--content", str(content)).returncode == 0
    index = bundle / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("role: Thu", "role: thuế"), encoding="utf-8")
    result = ckx("validate", "--content", str(content))
    assert result.returncode == 1 and "revenue (Thu ngân sách)" in result.stderr and "thu, chi, cân đối" in result.stderr


TITLES = {
    "budget": ("Công khai quyết toán ngân sách xã năm 2025", "stage: final"),
    "land-use": ("Công khai kế hoạch sử dụng đất năm 2027", ""),
    "poverty": ("Niêm yết danh sách hộ nghèo năm 2027", ""),
    "schedule": ("Lịch tiếp công dân quý I năm 2027", ""),
    "procedures": ("Kết quả giải quyết thủ tục hành chính quý IV năm 2026", ""),
    "consultation": ("Lấy ý kiến Nhân dân về dự thảo quy ước thôn Đông", "comments:"),
    "supervision": ("Kết quả giám sát đầu tư của cộng đồng năm 2026", "board: community-investment"),
    "notice": ("Thông báo họp dân thôn Tây", ""),
}


@pytest.mark.parametrize("kind", TITLES)
def test_make_new_gives_every_kind_what_its_own_keys_need(tmp_path, kind):
    """A fresh bundle is refused for its placeholder (and, for a kind with tables, for having none) only."""
    content = tmp_path / "content"
    content.mkdir()
    shutil.copy(ROOT / "content/commune.yml", content / "commune.yml")
    title, expected = TITLES[kind]
    result = subprocess.run([sys.executable, str(ROOT / "scripts/new_disclosure.py"), "--kind", kind, "--title", title,
                             "--content", str(content)], capture_output=True, text=True,
                            env={"BUILD_DATE": "2026-12-20", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    assert expected in next(content.glob("disclosures/*/*/index.md")).read_text(encoding="utf-8")
    validate = ckx("validate", "--content", str(content), build_date="2026-12-20")
    codes = set(re.findall(r"LỖI \[([a-z-]+)\]", validate.stderr))
    assert codes <= {"noi-dung-mau", "thieu-bang"} and "noi-dung-mau" in codes, validate.stderr


def test_import_reads_a_file_of_any_size_in_bounded_time(tmp_path):
    """`make import` reads with the project's limits: an .ods of a few bytes repeating a number over 60,000 rows
    and 20 columns (past 50,000 rows) is refused, named, before it is built (it took seconds and hundreds of MB)."""
    from tests.test_sheet_model import ods_bytes, repeated_numbers

    (tmp_path / "bang.ods").write_bytes(ods_bytes(after=repeated_numbers(60_000, 20)))
    result = run_import(tmp_path / "bang.ods", "--kind", "budget", "--out", tmp_path / "thu.csv")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "bang.ods LỖI [tep-qua-lon] trang tính có dữ liệu tới dòng 60.004" in result.stderr  # after the four rows above
    assert not (tmp_path / "thu.csv").exists()
