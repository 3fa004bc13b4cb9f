"""Open data: every disclosure's tables as a Frictionless Data Package, checked with the frictionless library,
and the catalogue (page and JSON) listing every table."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal

import pytest
from frictionless import Package

from plugins.open_data.package import Field, Resource, named_apart, named_once, package_files, typed_cell
from tests.conftest import FIXTURES, ckx, settings_file, soup


def packages(site):
    return sorted(site.glob("cong-khai/*/*/du-lieu/datapackage.json"))


def test_every_package_of_the_sample_site_is_valid(sample_site):
    found = packages(sample_site)
    assert len(found) >= 5
    for path in found:
        report = Package(str(path)).validate()
        assert report.valid, (path, report.flatten(["rowNumber", "fieldName", "type", "note"]))


def test_packages_are_typed_with_units_licence_and_legal_basis(sample_site):
    folder = sample_site / "cong-khai/2026/du-toan-ngan-sach-2026/du-lieu"
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert descriptor["homepage"] == "https://hoaan.example.gov.vn/cong-khai/2026/du-toan-ngan-sach-2026/"
    assert any("Luật Thực hiện dân chủ ở cơ sở" in s["title"] for s in descriptor["sources"])
    fields = {f["name"]: f for f in descriptor["resources"][0]["schema"]["fields"]}
    assert fields["Cấp"]["type"] == "integer" and fields["Trong đó"]["type"] == "boolean"
    [amount] = [f for f in fields.values() if f["name"].startswith("Dự toán")]
    assert amount["type"] == "number" and amount["unit"] == "triệu đồng"
    rows = Package(str(folder / "datapackage.json")).get_resource("thu").read_rows()
    assert isinstance(rows[0]["Cấp"], int) and isinstance(rows[0][amount["name"]], Decimal)
    assert rows[0][amount["name"]] > 0 and rows[0]["Trong đó"] is False


def test_no_python_values_or_ascii_keys_in_any_csv(sample_site):
    for path in sample_site.glob("cong-khai/*/*/du-lieu/*.csv"):
        table = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
        cells = {cell for row in table[1:] for cell in row}
        assert not cells & {"True", "False", "None"}, path
        assert not any("_" in header for header in table[0]), (path, table[0])


def test_catalogue_lists_every_table(sample_site):
    catalogue = json.loads((sample_site / "du-lieu/danh-muc.json").read_text(encoding="utf-8"))
    assert catalogue["commune"]["name"] == "Hòa An" and catalogue["license"]["name"] == "CC-BY-4.0"
    listed = {r["path"] for d in catalogue["datasets"] for r in d["resources"]}
    on_disk = {p.relative_to(sample_site).as_posix() for p in sample_site.glob("cong-khai/*/*/du-lieu/*.csv")}
    assert listed == on_disk and len(listed) >= 7
    for dataset in catalogue["datasets"]:
        assert (sample_site / dataset["datapackage"]).is_file() and (sample_site / dataset["page"] / "index.html").is_file()
    page = soup(sample_site / "du-lieu/index.html")
    links = {a["href"].lstrip("/") for a in page.select("main a[href$='.csv']")}
    assert links == listed
    assert page.html["lang"] == "vi" and page.select_one("a[href='/du-lieu/danh-muc.json']")


def test_the_catalogue_put_together_from_kept_entries_is_the_catalogue_written_whole():
    """After an edit the catalogue is put together from each disclosure's entry, most kept from the last
    build (KeptValues): the bytes are those of the whole document written at once."""
    from plugins.open_data.catalogue import catalogue_bytes, compact

    head = {"title": "Dữ liệu mở công khai – Ủy ban nhân dân xã Hòa An", "commune": {"name": "Hòa An"},
            "site_url": None, "license": {"name": "CC-BY-4.0", "path": "https://x/\"q\"/"}}
    datasets = [{"name": "a", "resources": [{"fields": ["STT", "Nội dung"]}], "last_changed": None}]
    disclosures = [{"title": 'Dự toán "2026"', "posting": None, "key_figure": "Tổng thu 9.105,5 triệu đồng"},
                   {"title": "Lịch tiếp dân", "number": "12/TB-UBND", "posting": {"places": ["thon-dong"]}}]
    for kept, own in ((datasets, disclosures), ([], disclosures), ([], [])):
        whole = (compact(head | {"datasets": kept, "disclosures": own}) + "\n").encode("utf-8")
        assert catalogue_bytes(head, [compact(e) for e in kept], [compact(e) for e in own]) == whole
        assert json.loads(whole)["datasets"] == kept


def test_kept_values_are_worked_out_once_for_what_they_are_made_from(tmp_path):
    """A value is kept by the digest of the build's base and the parts named: the next build reads it back
    unless one of them changed; only what a build asked for is kept; a damaged record is no record."""
    from plugins.disclosures.outputs import KeptValues

    path, worked = tmp_path / "gia-tri.pickle", []

    def work_out(value):
        return lambda: worked.append(value) or value

    first = KeptValues(path, "nen")
    assert first.get(("danh-muc", "a"), work_out("A")) == "A" and first.get(("danh-muc", "a"), work_out("X")) == "A"
    assert first.get(("danh-muc", "b"), work_out("B")) == "B"
    first.save()
    second = KeptValues(path, "nen")
    assert second.get(("danh-muc", "a"), work_out("A2")) == "A" and worked == ["A", "B"]
    second.save()  # asked for "a" alone: "b" goes
    assert KeptValues(path, "nen").get(("danh-muc", "b"), work_out("B2")) == "B2"
    assert KeptValues(path, "nen-khac").get(("danh-muc", "a"), work_out("A3")) == "A3"  # other code or settings
    path.write_bytes(b"\x80hong")
    assert KeptValues(path, "nen").get(("danh-muc", "a"), work_out("A4")) == "A4"
    assert worked == ["A", "B", "B2", "A3", "A4"]


def test_disclosure_page_links_its_package(sample_site):
    page = soup(sample_site / "cong-khai/2026/ke-hoach-su-dung-dat-2026/index.html")
    hrefs = [a["href"] for a in page.select(".ckx-attachments__link")]
    assert any(h.endswith("du-lieu/datapackage.json") for h in hrefs)
    assert any(h.endswith("du-lieu/danh-muc-cong-trinh.csv") for h in hrefs)
    assert page.select_one("a[href='/du-lieu/']")


def test_a_named_list_publishes_counts_only(sample_site):
    folder = sample_site / "cong-khai/2026/ra-soat-ho-ngheo-2026/du-lieu"
    assert sorted(p.name for p in folder.iterdir()) == ["datapackage.json", "so-lieu-theo-thon.csv"]
    header = (folder / "so-lieu-theo-thon.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header == "Thôn,Phân loại,Số hộ,Số khẩu"


@pytest.mark.parametrize("value, type_, expected", [
    (Decimal("9105.50"), "number", "9105.50"), (Decimal("1E+3"), "number", "1000"), (Decimal("-2.5"), "number", "-2.5"),
    (True, "boolean", "có"), (False, "boolean", "không"), (dt.date(2026, 1, 5), "date", "2026-01-05"),
    (dt.time(7, 30), "time", "07:30:00"), (None, "string", None), ("=HYPERLINK(1)", "string", "'=HYPERLINK(1)"),
    (3, "integer", "3"),
])
def test_cells_are_written_as_table_schema_reads_them(value, type_, expected):
    assert typed_cell(value, type_) == expected


def test_repeated_headers_and_names_are_told_apart(tmp_path):
    fields = named_once([Field("Dự toán", "number"), Field("Dự toán", "number"), Field("Ghi chú")])
    assert [f.name for f in fields] == ["Dự toán", "Dự toán (2)", "Ghi chú"]
    resources = named_apart([Resource("thu", "A", fields, lambda: [(1, 2, "x")]),
                             Resource("thu", "B", fields, lambda: [(3, None, "=1+1")])])
    assert [r.name for r in resources] == ["thu", "thu-2"]
    meta = {"title": "T", "issued": "2026-01-05", "issuer": "UBND", "page": "https://x.gov.vn/a/", "legal_basis": ()}
    for name, content in package_files("xa-thu", meta, resources, {"name": "CC-BY-4.0", "title": "CC", "path": "https://x"}).items():
        (tmp_path / name).write_bytes(content)
    report = Package(str(tmp_path / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type"])


def test_a_wrong_licence_setting_is_named(tmp_path):
    settings = settings_file(tmp_path, 'CKX_DATA_LICENSE = {"name": "CC-BY-4.0"}')
    result = ckx("build", "--content", str(FIXTURES / "sites/phuong-nho"), "--output", str(tmp_path / "out"),
                 "--settings", str(settings))
    assert result.returncode != 0 and not (tmp_path / "out").exists()
    assert "CKX_DATA_LICENSE" in result.stdout + result.stderr and "Traceback" not in result.stderr
