"""Front matter against contract v1: one fixture per scenario, all problems in one run."""

import datetime as dt
from pathlib import Path

import pytest

from plugins.budget.kind import BUDGET
from plugins.disclosures.bundle import parse_bundle
from plugins.disclosures.kinds import KindRegistry
from plugins.disclosures.model import Commune, Village
from plugins.issues import ERROR, WARNING
from plugins.notice.kind import NOTICE

BUNDLES = Path(__file__).parent / "fixtures" / "bundles"
COMMUNE = Commune(name="Tân Lập", type="phường", code="00118", province="Thành phố Hà Nội",
                  villages=(Village("to-1", "Tổ dân phố 1"), Village("to-2", "Tổ dân phố 2")))


@pytest.fixture
def kinds():
    registry = KindRegistry()
    registry.add(NOTICE)
    registry.add(BUDGET)
    return registry


def parse(scenario, kinds, files=None):
    text = (BUNDLES / scenario / "index.md").read_text(encoding="utf-8")
    return parse_bundle(f"disclosures/2026/{scenario}", text, files or {}, COMMUNE, kinds)


def test_impossible_date_names_file_line_and_key(kinds):
    disclosure, issues = parse("ngay-khong-co-that", kinds)
    assert disclosure is None
    assert [i.triple() for i in issues] == [(4, "issued", "ngay-khong-hop-le")]
    assert issues[0].file == "disclosures/2026/ngay-khong-co-that/index.md"
    assert issues[0].format().startswith("disclosures/2026/ngay-khong-co-that/index.md:4 LỖI [ngay-khong-hop-le]")


def test_every_problem_of_a_bundle_is_reported_at_once(kinds):
    disclosure, issues = parse("nhieu-loi-mot-lan", kinds)
    assert disclosure is None
    assert sorted((i.triple(), i.severity) for i in issues) == [
        ((2, "issued", "thieu-khoa"), ERROR),
        ((4, "isued", "khoa-khong-ho-tro"), WARNING),
        ((7, "posting.to", "thoi-gian-niem-yet-nguoc"), ERROR),
        ((8, "posting.places.1", "gia-tri-khong-hop-le"), ERROR),
        ((9, "villages.1", "thon-khong-co"), ERROR),
        ((11, "attachments.0.file", "tep-khong-ton-tai"), ERROR),
    ]
    typo = next(i for i in issues if i.code == "khoa-khong-ho-tro")
    assert 'Có phải ý bạn là "issued"?' in typo.hint
    village = next(i for i in issues if i.code == "thon-khong-co")
    assert "to-1, to-2" in village.hint


@pytest.mark.parametrize(("scenario", "expected"), [
    ("loai-khong-co", [(3, "kind", "gia-tri-khong-hop-le")]),
    ("thieu-front-matter", [(1, None, "thieu-front-matter")]),
    ("yaml-hong", [(5, None, "loi-cu-phap-yaml")]),
    ("duong-dan-ra-ngoai", [(6, "attachments.0.file", "duong-dan-khong-hop-le")]),
    ("so-cccd-trong-noi-dung", [(6, None, "du-lieu-ca-nhan")]),
    ("khoa-trung", [(5, "title", "khoa-trung")]),
    ("loai-bang-thieu-niem-yet", [(2, "posting", "thieu-khoa"), (3, "kind", "thieu-bang")]),
])
def test_each_broken_scenario_gives_its_issue(kinds, scenario, expected):
    _, issues = parse(scenario, kinds)
    assert [i.triple() for i in issues] == expected
    assert all(i.hint and i.message for i in issues)


def test_unknown_kind_suggests_the_nearest():
    registry = KindRegistry()
    registry.add(NOTICE)
    _, issues = parse("loai-khong-co", registry)
    assert 'Có phải ý bạn là "notice"?' in issues[0].hint


def test_vietnamese_dates_signer_and_single_place_are_read(kinds):
    disclosure, issues = parse("ngay-kieu-viet-nam", kinds)
    assert issues == []
    assert disclosure.issued == dt.date(2026, 1, 5)
    assert disclosure.posting.start == dt.date(2026, 1, 6)
    assert disclosure.posting.places == ("website",)
    assert disclosure.signer.on_behalf == "TM. ỦY BAN NHÂN DÂN"
    assert disclosure.issuer == "ỦY BAN NHÂN DÂN PHƯỜNG TÂN LẬP"
    assert disclosure.url == "cong-khai/2026/ngay-kieu-viet-nam/"


def test_declared_attachment_present_in_bundle_is_kept(kinds):
    text = (BUNDLES / "duong-dan-ra-ngoai" / "index.md").read_text(encoding="utf-8")
    text = text.replace("../../../commune.yml", "./ban-do/vi-tri.pdf")
    disclosure, issues = parse_bundle("disclosures/2026/x", text, {"ban-do/vi-tri.pdf": 1200}, COMMUNE, kinds)
    assert issues == []
    [ref] = disclosure.attachments
    assert (ref.file, ref.size, ref.title) == ("ban-do/vi-tri.pdf", 1200, "Tệp ngoài hồ sơ")


def test_bundle_outside_year_folder_is_refused(kinds):
    _, issues = parse_bundle("disclosures/thong-bao", "---\ntitle: x\n---\n", {}, COMMUNE, kinds)
    assert [i.code for i in issues] == ["sai-vi-tri-ho-so"]


def test_year_folder_other_than_issue_year_warns(kinds):
    text = (BUNDLES / "ngay-kieu-viet-nam" / "index.md").read_text(encoding="utf-8")
    disclosure, issues = parse_bundle("disclosures/2025/x", text, {}, COMMUNE, kinds)
    assert disclosure is not None
    assert [(i.code, i.severity) for i in issues] == [("nam-thu-muc-khac-nam-ban-hanh", WARNING)]


def test_a_table_on_a_kind_without_tables_is_withheld_with_a_warning(kinds):
    text = "---\ntitle: Thông báo\nkind: notice\nissued: 2026-03-01\ntables:\n  - file: ds.csv\n---\n"
    disclosure, issues = parse_bundle("disclosures/2026/x", text, {"ds.csv": 10}, COMMUNE, kinds)
    assert disclosure.tables == ()
    assert [(i.triple(), i.severity) for i in issues] == [((6, "tables.0.file", "gia-tri-khong-hop-le"), WARNING)]


def test_folder_name_with_marks_is_an_error_that_suggests_the_slug(kinds):
    """A folder name that would make an unsafe URL stops the build (URLs stay quoted regardless)."""
    text = (BUNDLES / "ngay-kieu-viet-nam" / "index.md").read_text(encoding="utf-8")
    disclosure, issues = parse_bundle("disclosures/2026/Thông báo", text, {}, COMMUNE, kinds)
    assert [(i.code, i.severity) for i in issues] == [("ten-ngan-khong-hop-le", ERROR)]
    assert '"thong-bao"' in issues[0].hint
    assert disclosure.save_dir == "cong-khai/2026/Thông báo/"
    assert disclosure.url == "cong-khai/2026/Th%C3%B4ng%20b%C3%A1o/"
