"""Land-use plans: codes from the versioned table, totals by land type and village, village pages."""

from plugins.disclosures.model import Commune, Village
from plugins.land_use.codes import code_table
from tests.conftest import FIXTURES, build, ckx, copy_site, soup

SITE = FIXTURES / "sites/xa-dat-dai"
PAGE = "cong-khai/2026/ke-hoach-2026/index.html"


def test_code_table_is_versioned_data_with_its_source():
    table = code_table()
    assert table.version == "TT08-2024" and "08/2024/TT-BTNMT" in table.source
    assert table.get("luc").name == "Đất chuyên trồng lúa"
    assert sorted(t.code for t in table.nearest("LUX")) == ["LUA", "LUC", "LUK"]


def test_villages_named_in_free_text_prefer_the_longest_name():
    commune = Commune("Hòa An", "xã", "20347", "Đà Nẵng", villages=(
        Village("thon-dong", "Thôn Đông"), Village("dong-ben", "Thôn Đồng Bến"), Village("thon-tay", "Thôn Tây")))
    assert [v.slug for v in commune.villages_mentioned("Xứ đồng Cây Gạo, Thôn Đồng Bến")] == ["dong-ben"]
    assert [v.slug for v in commune.villages_mentioned("Thôn Đông và Thôn Tây")] == ["thon-dong", "thon-tay"]
    assert commune.find_village("dong-ben").name == "Thôn Đồng Bến"


def totals(table):
    return {tr.th.get_text(): [td.get_text() for td in tr.select("td")] for tr in table.select("tbody tr, tfoot tr")}


def test_totals_by_land_type_and_village(tmp_path):
    result = build(SITE, tmp_path / "out", build_date="2026-03-01")
    assert result.returncode == 0, result.stderr
    html = soup(tmp_path / "out" / PAGE)
    by_type, by_village = html.select(".ckx-land-use table")[:2]
    assert totals(by_type) == {
        "CLN – Đất trồng cây lâu năm": ["1", "2,00"],
        "DGT – Đất công trình giao thông": ["2", "1,75"],
        "DVH – Đất xây dựng cơ sở văn hóa": ["1", "0,18"],
        "Cộng": ["4", "3,93"],
    }
    assert totals(by_village) == {
        "Thôn 1": ["1", "0,50"], "Thôn 3": ["1", "0,18"], "Công trình qua nhiều thôn": ["1", "1,25"],
        "Chưa ghi thôn": ["1", "2,00"], "Cộng": ["4", "3,93"],
    }
    assert html.select_one("svg.ckx-chart title").get_text() == "Diện tích theo loại đất (ha)"
    village_two = soup(tmp_path / "out/cong-khai/2026/ke-hoach-2026/thon-2/index.html")
    assert [th.get_text() for th in village_two.select(".ckx-project-list tbody th")] == ["Đường liên thôn"]
    assert soup(tmp_path / "out/thon/thon-1/index.html").select_one('a[href="/cong-khai/2026/ke-hoach-2026/thon-1/"]')
    assert (tmp_path / "out/cong-khai/2026/ke-hoach-2026/ban-do.pdf").is_file()


def test_unknown_code_fails_naming_the_row_and_nearest_codes(tmp_path):
    site = copy_site("xa-dat-dai", tmp_path)
    table = site / "disclosures/2026/ke-hoach-2026/danh-muc.csv"
    table.write_text(table.read_text(encoding="utf-8").replace(";DGT;0,50;", ";DGX;0,50;"), encoding="utf-8")
    result = ckx("validate", "--content", str(site))
    assert result.returncode == 1
    assert 'danh-muc.csv:4 LỖI [ma-dat-khong-co] Cột "Mã loại đất": "DGX"' in result.stderr
    assert "DGT (Đất công trình giao thông)" in result.stderr
