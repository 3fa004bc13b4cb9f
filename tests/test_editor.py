"""The web editor's config comes from the kind schemas; its preview runs the build's validators."""

import datetime as dt
import http.client
import json
import re
import threading

import pytest
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
        keys = {k: s for k, s in common_keys(KINDS).items() if k not in ("kind", "on_behalf")} | dict(kind.front_keys)
        if kind.tables is None:
            keys.pop("tables")
        fields = fields_by_name(collections[kind.id]["fields"])
        assert set(fields) == set(keys) | {"kind", "body"}, kind.id
        assert fields["kind"] == {"name": "kind", "label": "Loại công khai", "widget": "hidden", "default": kind.id}
        needed = {"posting": kind.posting_required, "tables": bool(kind.tables and kind.tables.required)}
        for name, spec in keys.items():
            assert fields[name]["required"] == needed.get(name, bool(getattr(spec, "required", False))), (kind.id, name)
            if isinstance(spec, Date):  # typed dd/mm/yyyy whatever the browser's locale: no native date picker
                assert fields[name]["widget"] == "string"
                assert re.match(fields[name]["pattern"][0], "05/01/2026")
                assert re.match(fields[name]["pattern"][0], "2026-01-05")  # stored ISO stays valid
                assert not re.match(fields[name]["pattern"][0], "01-05-26")
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
    assert fields_by_name(fields["posting"]["fields"])["from"]["hint"] == "Ngày/tháng/năm, ví dụ 05/01/2026."


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


@pytest.fixture()
def editor_server(sample_site):
    """The local editor's server on a free loopback port, in a thread, serving the built sample site."""
    from scripts.editor import serve

    server = serve(sample_site, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def post(port: int, body: bytes, headers: dict | None = None) -> tuple[int, object]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    base = {"Host": f"127.0.0.1:{port}", "Content-Type": "application/json"}
    if body is not None and "Content-Length" not in (headers or {}):
        base["Content-Length"] = str(len(body))
    connection.putrequest("POST", "/api/kiem-tra", skip_host=True, skip_accept_encoding=True)
    for key, value in (base | (headers or {})).items():
        if value is not None:
            connection.putheader(key, value)
    connection.endheaders(body or b"")
    response = connection.getresponse()
    return response.status, json.loads(response.read().decode("utf-8"))


def entry(path: str, **data) -> bytes:
    return json.dumps({"path": path, "data": {"title": "Thông báo", "kind": "notice", "issued": "05/01/2026"} | data}).encode()


def test_editor_server_checks_a_good_entry(editor_server):
    status, issues = post(editor_server, entry("content/disclosures/2026/thong-bao-moi/index.md"))
    assert (status, issues) == (200, [])
    status, issues = post(editor_server, entry("content/disclosures/2026/thong-bao-moi/index.md", title="ĐT 0912.345.678"))
    assert status == 200 and [i["code"] for i in issues] == ["du-lieu-ca-nhan"]


def test_a_new_entry_is_checked_at_the_path_it_will_have(editor_server):
    """Before the first save Decap has no path: the check names 31/02/2026, not the missing path."""
    from plugins.editor.preview import planned_path

    assert planned_path({"title": "Công khai dự toán ngân sách năm 2026!"}, dt.date(2026, 12, 6)) == \
        "content/disclosures/2026/cong-khai-du-toan-ngan-sach-nam-2026/index.md"
    assert planned_path({}, dt.date(2026, 12, 6)) == "content/disclosures/2026/van-ban-moi/index.md"
    status, issues = post(editor_server, json.dumps({"path": None, "data": {
        "title": "Thông báo mới", "kind": "notice", "issued": "31/02/2026"}}).encode())
    assert status == 200 and [(i["code"], i["key"]) for i in issues] == [("ngay-khong-hop-le", "issued")]
    attached = {"title": "Thông báo mới", "kind": "notice", "issued": "05/01/2026",
                "attachments": [{"file": "so-do.pdf"}]}
    status, issues = post(editor_server, json.dumps({"path": None, "data": attached}).encode())
    assert [i["code"] for i in issues] == ["tep-khong-ton-tai"]
    # chosen in the editor and saved with the entry: there (its content is checked when it is saved)
    status, issues = post(editor_server, json.dumps({"path": None, "data": attached, "pending": ["so-do.pdf"]}).encode())
    assert (status, issues) == (200, [])
    status, payload = post(editor_server, json.dumps({"path": None, "data": attached, "pending": "so-do.pdf"}).encode())
    assert status == 400 and "pending" in payload["loi"]


@pytest.mark.parametrize(("body", "headers", "status"), [
    (b"{not json", None, 400),
    (b"\xff\xfe garbage", None, 400),
    (b'{"path": 1, "data": []}', None, 400),
    (b'["a list"]', None, 400),
    (b"{}", {"Content-Length": "abc"}, 411),
    (b"{}", {"Content-Length": str(2 * 1024 * 1024)}, 413),
    (b"{}", {"Content-Length": "0"}, 413),
    (b"{}", {"Host": "evil.example:80"}, 403),
    (b"{}", {"Origin": "https://evil.example"}, 403),
    (b"[" * 100_000 + b"]" * 100_000, None, 400),  # nested past Python's limit: a JSON error, not a dropped connection
], ids=["json", "bytes", "types", "list", "length-text", "too-large", "empty", "host", "origin", "nested"])
def test_editor_server_answers_bad_requests_in_vietnamese_json(editor_server, body, headers, status):
    got, payload = post(editor_server, body, headers)
    assert got == status
    assert payload["loi"] and any(ch in payload["loi"] for ch in "ảạẩầếệờởụ")


@pytest.mark.parametrize("path", ["content/../../usr/share/index.md", "content/disclosures/2026/../../../x/index.md",
                                  "/etc/index.md", "content/disclosures/2026/.an/index.md",
                                  "content/disclosures/2026/Thu Muc/index.md"])
def test_preview_reads_only_bundles_inside_content(path):
    issues = check_entry(path, {"title": "x", "kind": "notice", "issued": "05/01/2026"}, ROOT / "content", KINDS)
    assert [i.code for i in issues] == ["duong-dan-khong-hop-le"]


ONLINE_BACKENDS = {
    "github": {"name": "github", "repo": "ubnd-hoaan/cong-khai", "branch": "main",
               "base_url": "https://dang-nhap.hoaan.example.gov.vn"},
    "gitlab": {"name": "gitlab", "repo": "ubnd-hoaan/cong-khai", "branch": "main", "auth_type": "pkce",
               "app_id": "6a1f0c2e9b", "api_root": "https://git.example.gov.vn/api/v4",
               "base_url": "https://git.example.gov.vn"},
    "gitea": {"name": "gitea", "repo": "ubnd-hoaan/cong-khai", "branch": "main", "app_id": "1b2c3d4e",
              "api_root": "https://gitea.example.gov.vn/api/v1", "base_url": "https://gitea.example.gov.vn"},
}


@pytest.mark.parametrize("name", ONLINE_BACKENDS)
def test_each_online_backend_is_accepted_and_written_as_decap_reads_it(name):
    from plugins.disclosures.settings import read_settings
    from plugins.editor.config import editor_config

    backend = ONLINE_BACKENDS[name]
    settings, issues = read_settings({"BUILD_DATE": "2026-01-05", "CKX_EDITOR_BACKEND": backend}, KINDS)
    assert settings is not None, [i.format() for i in issues]
    commune, _ = parse_commune((ROOT / "content/commune.yml").read_text(encoding="utf-8"), "commune.yml")
    written = yaml.safe_load(yaml.safe_dump(editor_config(KINDS, commune, backend), allow_unicode=True))
    assert written["backend"] == backend | {"commit_messages": written["backend"]["commit_messages"]}
    assert written["local_backend"] is True
    assert written["backend"]["commit_messages"]["update"] == "Sửa {{collection}}: {{slug}}"  # in Vietnamese


@pytest.mark.parametrize(("backend", "missing"), [
    ({"name": "gitlab", "repo": "ubnd-hoaan/cong-khai"}, ["auth_type", "app_id"]),
    ({"name": "gitea", "repo": "ubnd-hoaan/cong-khai", "app_id": "x"}, ["api_root", "base_url"]),
    ({"name": "github"}, ["repo"]),
])
def test_a_backend_missing_what_it_needs_is_named(backend, missing):
    from plugins.disclosures.settings import read_settings

    settings, issues = read_settings({"BUILD_DATE": "2026-01-05", "CKX_EDITOR_BACKEND": backend}, KINDS)
    assert settings is None
    assert sorted(i.key for i in issues) == sorted(f"CKX_EDITOR_BACKEND[{k!r}]" for k in missing)


def test_a_wrong_repo_or_address_is_named():
    from plugins.disclosures.settings import read_settings

    backend = dict(ONLINE_BACKENDS["gitea"], repo="cong-khai", api_root="gitea.example.gov.vn/api/v1")
    _, issues = read_settings({"BUILD_DATE": "2026-01-05", "CKX_EDITOR_BACKEND": backend}, KINDS)
    assert [i.key for i in issues] == ["CKX_EDITOR_BACKEND['repo']", "CKX_EDITOR_BACKEND['api_root']"]


def test_the_built_editor_carries_the_configured_backend(tmp_path):
    from tests.conftest import FIXTURES, ckx, settings_file

    settings = settings_file(tmp_path, f"CKX_EDITOR_BACKEND = {ONLINE_BACKENDS['gitlab']!r}")
    result = ckx("build", "--content", str(FIXTURES / "sites/phuong-nho"), "--output", str(tmp_path / "out"),
                 "--settings", str(settings))
    assert result.returncode == 0, result.stderr
    written = yaml.safe_load((tmp_path / "out/admin/config.yml").read_text(encoding="utf-8"))
    assert {k: v for k, v in written["backend"].items() if k != "commit_messages"} == ONLINE_BACKENDS["gitlab"]


def test_admin_is_published_only_where_it_can_be_used(tmp_path):
    """No online backend configured: no admin/ on the public site (5.8 MB nobody can sign in to); `make editor`
    builds it for the officer's machine (CKX_EDITOR_LOCAL, set by scripts/editor.py)."""
    import os
    import subprocess
    import sys

    from tests.conftest import FIXTURES

    env = {k: v for k, v in os.environ.items() if k != "CKX_EDITOR_LOCAL"} | {"BUILD_DATE": "2026-03-05"}
    result = subprocess.run([sys.executable, str(ROOT / "scripts/ckx.py"), "build", "--content",
                             str(FIXTURES / "sites/phuong-nho"), "--output", str(tmp_path / "out")],
                            env=env, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out/index.html").is_file() and not (tmp_path / "out/admin").exists()


def walk_fields(fields, path=()):
    for field in fields:
        yield (*path, field["name"]), field
        for key in ("fields",):
            yield from walk_fields(field.get(key, ()), (*path, field["name"]))
        if "field" in field:
            yield from walk_fields([field["field"]], (*path, field["name"]))


def test_every_editor_field_is_named_in_vietnamese_by_its_own_declaration(sample_site):
    """No raw key name on the editor's screens: each label comes from the key's spec, so a kind's own keys
    (period, sessions, comments, send_to, ways, board) bring theirs; the same bare name may mean two things
    (a signer's role, a table's role)."""
    for collection in config(sample_site)["collections"]:
        for path, field in walk_fields(collection["fields"]):
            if field.get("widget") == "hidden":
                continue
            assert field["label"] != field["name"] and not re.fullmatch(r"[a-z_]+", field["label"]), (collection["name"], path)
    budget = fields_by_name(next(c for c in config(sample_site)["collections"] if c["name"] == "budget")["fields"])
    table_role = fields_by_name(budget["tables"]["fields"])["role"]
    signer_role = fields_by_name(budget["signer"]["fields"])["role"]
    assert table_role["label"] == "Bảng này là" and "CHỦ TỊCH" not in table_role.get("hint", "")
    assert signer_role["label"] == "Chức vụ người ký"


def test_an_optional_group_can_be_left_empty_and_a_kind_marks_what_it_needs(sample_site):
    """Decap refuses to save an empty optional group whose keys are required: inside one they are marked in
    the hint instead (the build still checks them). A kind that needs a posting or tables marks them."""
    collections = {c["name"]: fields_by_name(c["fields"]) for c in config(sample_site)["collections"] if "filter" in c}
    signer = collections["budget"]["signer"]
    assert signer["required"] is False
    assert all(not f["required"] and "Bắt buộc khi điền nhóm này." in f["hint"]
               for f in signer["fields"] if f["name"] in ("role", "name"))
    assert collections["budget"]["posting"]["required"] is True and collections["notice"]["posting"]["required"] is False
    assert collections["budget"]["tables"]["required"] is True
    assert fields_by_name(collections["budget"]["posting"]["fields"])["from"]["required"] is True


def test_folder_names_made_from_titles_are_plain_ascii(sample_site):
    assert config(sample_site)["slug"] == {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}
