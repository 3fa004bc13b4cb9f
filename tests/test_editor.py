"""The web editor's config comes from the kind schemas; its preview runs the build's validators."""

import yaml

from plugins.disclosures.bundle import common_keys, place_choices
from plugins.disclosures.commune import parse_commune
from plugins.disclosures.kinds import KINDS
from plugins.disclosures.schema import Date
from plugins.editor.preview import check_entry
from tests.conftest import ROOT


def config(sample_site):
    return yaml.safe_load((sample_site / "admin" / "config.yml").read_text(encoding="utf-8"))


def fields_by_name(fields):
    return {f["name"]: f for f in fields}


def test_one_collection_per_kind_with_exactly_the_schema_keys(sample_site):
    collections = {c["filter"]["value"]: c for c in config(sample_site)["collections"] if "filter" in c}
    assert set(collections) == {kind.id for kind in KINDS}
    for kind in KINDS:
        keys = {k: s for k, s in common_keys(KINDS).items() if k not in ("kind", "on_behalf")} | dict(kind.extra_keys)
        if kind.table_roles == {}:
            keys.pop("tables")
        fields = fields_by_name(collections[kind.id]["fields"])
        assert set(fields) == set(keys) | {"kind", "body"}, kind.id
        assert fields["kind"] == {"name": "kind", "label": "Loại công khai", "widget": "hidden", "default": kind.id}
        for name, spec in keys.items():
            assert fields[name]["required"] == bool(getattr(spec, "required", False)), (kind.id, name)
            if isinstance(spec, Date):
                assert (fields[name]["date_format"], fields[name]["format"]) == ("DD/MM/YYYY", "YYYY-MM-DD")
        assert collections[kind.id]["label"] == kind.label


def test_pickers_come_from_commune_yml(sample_site):
    commune, _ = parse_commune((ROOT / "content/commune.yml").read_text(encoding="utf-8"))
    budget = next(c for c in config(sample_site)["collections"] if c["name"] == "budget")
    fields = fields_by_name(budget["fields"])
    assert fields["villages"]["options"] == [{"label": v.name, "value": v.slug} for v in commune.villages]
    places = fields_by_name(fields["posting"]["fields"])["places"]
    assert [o["value"] for o in places["options"]] == list(place_choices(commune))
    table = fields_by_name(fields["tables"]["fields"])
    assert table["file"]["widget"] == "file" and ".xlsx" in table["file"]["media_library"]["config"]["accept"]
    assert [o["value"] for o in table["role"]["options"]] == ["revenue", "expenditure", "balance"]
    assert fields_by_name(fields["posting"]["fields"])["from"]["date_format"] == "DD/MM/YYYY"


def test_editor_script_comes_from_the_build_not_a_cdn(sample_site):
    page = (sample_site / "admin" / "index.html").read_text(encoding="utf-8")
    assert '<script src="/admin/decap-cms.js"></script>' in page
    assert "http" not in page.split("<body>")[1]
    assert (sample_site / "admin" / "decap-cms.js").stat().st_size > 1_000_000


def test_preview_check_reports_what_validate_would():
    data = {"title": "Thông báo", "kind": "notice", "issued": "2026-02-31", "villages": ["thon-9"], "body": "Nội dung."}
    issues = check_entry("content/disclosures/2026/thong-bao-moi/index.md", data, ROOT / "content", KINDS)
    assert sorted((i.code, i.key) for i in issues) == [("ngay-khong-hop-le", "issued"), ("thon-khong-co", "villages.0")]
    data |= {"issued": "2026-02-20", "villages": ["thon-dong"]}
    assert check_entry("content/disclosures/2026/thong-bao-moi/index.md", data, ROOT / "content", KINDS) == []
