"""Poor-household lists: per-village counts, names only while posted, never personal data."""

import datetime as dt
from pathlib import Path

import pytest

from plugins.disclosures.model import Posting, village_key
from plugins.poverty.load import names_visible
from plugins.poverty.schema import category_for
from tests.conftest import FIXTURES, build, ckx, copy_site, settings_file, soup

SITE = FIXTURES / "sites/xa-ho-ngheo"
PAGE = "cong-khai/2026/ho-ngheo-2026/index.html"
NAMES = ["Hà Văn Khánh", "Lưu Thị Hằng", "Quách Văn Đức", "Âu Thị Yến", "Khổng Văn Bình"]


@pytest.mark.parametrize(("text", "category"), [
    ("Hộ nghèo", "hộ nghèo"), ("cận nghèo", "hộ cận nghèo"), ("HỘ THOÁT CẬN NGHÈO", "hộ thoát cận nghèo"),
    ("Hộ nghèo phát sinh", "hộ nghèo phát sinh"), ("khá giả", None),
])
def test_categories(text, category):
    assert category_for(text) == category


def test_village_names_match_with_or_without_prefix_and_as_slug():
    assert village_key("Thôn Đồng Bến") == village_key("thôn đồng bến") == village_key("Đồng Bến") == \
        village_key("dong-ben") == "dong ben"
    assert village_key("Tổ dân phố 3") == village_key("to-3") == "3"


@pytest.mark.parametrize(("today", "grace", "visible"), [
    ("2026-11-02", 0, False), ("2026-11-03", 0, True), ("2026-11-07", 0, True), ("2026-11-08", 0, False),
    ("2026-11-09", 2, True), ("2026-11-10", 2, False),
])
def test_names_visible_only_in_posting_period_plus_grace(today, grace, visible):
    from plugins.disclosures.kinds import LoadContext

    posting = Posting(dt.date(2026, 11, 3), dt.date(2026, 11, 7), ())
    context = LoadContext(commune=None, build_date=dt.date.fromisoformat(today), settings={})
    assert names_visible(posting, context, grace) is visible
    # the window, not the date, is what the cached result depends on
    assert context.date_questions == [("between", dt.date(2026, 11, 3), dt.date(2026, 11, 7 + grace), visible)]


def text_of_every_file(folder: Path) -> str:
    return "\n".join(p.read_bytes().decode("utf-8", errors="replace") for p in folder.rglob("*") if p.is_file())


def test_utf16_tab_list_renders_counts_and_names_while_posted(tmp_path):
    output = tmp_path / "out"
    result = build(SITE, output, build_date="2026-11-05")
    assert result.returncode == 0, result.stderr
    html = soup(output / PAGE)
    totals = {tr.th.get_text(): [td.get_text() for td in tr.select("td")] for tr in html.select(".ckx-poverty table")[0].select("tr") if tr.th}
    assert totals["Hộ nghèo"] == ["3", "10"]
    assert totals["Hộ cận nghèo"] == ["1", "3"]
    assert totals["Cộng"] == ["5", "15"]
    villages = [" ".join(li.get_text(" ").split()) for li in html.select(".ckx-poverty .ckx-link-list li")]
    assert villages[0] == "Thôn 1 : hộ nghèo 1 hộ; 4 khẩu; hộ cận nghèo 1 hộ; 3 khẩu"
    listed = [th.get_text() for th in html.select(".ckx-household-list tbody th")]
    assert listed == NAMES
    assert not html.select('meta[name="robots"]')
    village_page = soup(output / "cong-khai/2026/ho-ngheo-2026/thon-2/index.html")
    assert [th.get_text() for th in village_page.select(".ckx-household-list tbody th")] == ["Quách Văn Đức"]
    village_home = soup(output / "thon/thon-2/index.html")
    assert village_home.select_one('a[href="/cong-khai/2026/ho-ngheo-2026/thon-2/"]')


def test_after_posting_and_grace_no_name_remains_anywhere_but_counts_do(tmp_path):
    settings = settings_file(tmp_path, "{'poverty': {'grace_days': 2}}")
    within_grace, after = tmp_path / "grace", tmp_path / "after"
    for output, day in ((within_grace, "2026-11-09"), (after, "2026-11-10")):
        result = ckx("build", "--content", str(SITE), "--output", str(output), "--settings", str(settings),
                     build_date=day)
        assert result.returncode == 0, result.stderr
    assert "Quách Văn Đức" in text_of_every_file(within_grace)
    everything = text_of_every_file(after)
    assert [name for name in NAMES if name in everything] == []
    html = soup(after / PAGE)
    assert html.select_one('meta[name="robots"]')["content"] == "noindex"
    assert "chỉ còn số hộ, số khẩu theo thôn" in html.select_one(".ckx-notice").get_text()
    assert "Cộng" in html.select_one(".ckx-poverty table tfoot").get_text()
    counts = (after / "cong-khai/2026/ho-ngheo-2026/du-lieu/so-lieu-theo-thon.csv").read_text(encoding="utf-8-sig").splitlines()
    assert counts == ["Thôn,Phân loại,Số hộ,Số khẩu", "Thôn 1,hộ nghèo,1,4", "Thôn 1,hộ cận nghèo,1,3",
                      "Thôn 2,hộ nghèo,1,5", "Thôn 3,hộ nghèo,1,1", "Thôn 3,hộ thoát nghèo,1,2"]
    assert not (after / "cong-khai/2026/ho-ngheo-2026/danh-sach.txt").exists()


def test_before_posting_starts_names_are_not_shown(tmp_path):
    result = build(SITE, tmp_path / "out", build_date="2026-11-02")
    assert result.returncode == 0, result.stderr
    assert [n for n in NAMES if n in text_of_every_file(tmp_path / "out")] == []


def test_bad_rows_and_personal_columns_are_refused(tmp_path):
    site = copy_site("xa-ho-ngheo", tmp_path)
    table = site / "disclosures/2026/ho-ngheo-2026/danh-sach.txt"
    text = table.read_text(encoding="utf-16")
    text = text.replace("Thôn 2\tHộ nghèo", "Thôn 9\tHộ nghèo").replace("Hộ thoát nghèo\t2\t", "Hộ khá\t2\t0912345678")
    table.write_text(text, encoding="utf-16")
    result = ckx("validate", "--content", str(site))
    assert result.returncode == 1
    file = "disclosures/2026/ho-ngheo-2026/danh-sach.txt"
    assert f'{file}:4 LỖI [thon-khong-co] Cột "Thôn": "Thôn 9"' in result.stderr
    assert "Thôn 1, Thôn 2, Thôn 3" in result.stderr
    assert f'{file}:5 LỖI [gia-tri-khong-hop-le] Cột "Phân loại": "Hộ khá"' in result.stderr
    assert f'{file}:5 LỖI [du-lieu-ca-nhan] Cột "Ghi chú": "0912345678"' in result.stderr
    table.write_text(text.replace("Ghi chú", "Số CCCD"), encoding="utf-16")
    result = ckx("validate", "--content", str(site))
    assert f'{file}:1 LỖI [cot-du-lieu-ca-nhan] Cột "Số CCCD"' in result.stderr
    assert "Luật Bảo vệ dữ liệu cá nhân" in result.stderr


def test_unknown_kind_setting_is_refused(tmp_path):
    settings = settings_file(tmp_path, "{'poverty': {'grace_day': 2}}")
    result = ckx("validate", "--content", str(SITE), "--settings", str(settings))
    assert result.returncode == 1
    assert "không có khóa 'grace_day'" in result.stderr and "grace_days" in result.stderr
    assert f"{settings} LỖI [cai-dat-khong-hop-le]" in result.stderr  # the file it was given, not pelicanconf.py
    assert f"Cài đặt có lỗi: sửa {settings} " in result.stderr


def test_long_lists_stay_on_village_pages_but_print_in_full(tmp_path):
    settings = settings_file(tmp_path, "{'poverty': {'inline_list_limit': 2}}")
    output = tmp_path / "out"
    result = ckx("build", "--content", str(SITE), "--output", str(output), "--settings", str(settings),
                 build_date="2026-11-05")
    assert result.returncode == 0, result.stderr
    main_page = soup(output / PAGE)
    assert not main_page.select(".ckx-household-list")
    assert "trang riêng của thôn" in main_page.select_one(".ckx-poverty").get_text()
    assert [th.get_text() for th in soup(output / "cong-khai/2026/ho-ngheo-2026/thon-1/index.html")
            .select(".ckx-household-list tbody th")] == ["Hà Văn Khánh", "Lưu Thị Hằng"]
    sheet = soup(output / "cong-khai/2026/ho-ngheo-2026/in/index.html")
    assert [th.get_text() for th in sheet.select(".ckx-household-list tbody th")] == NAMES
