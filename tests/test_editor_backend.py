"""The editor's local backend (plugins/editor/local_backend.py behind scripts/editor.py) edits content/ only.

Played as a hostile page would: another site's name resolving to 127.0.0.1 (DNS rebinding), a foreign Origin,
saves aimed at pelicanconf.py, .git/ and links leaving content/, bodies nested past Python's limit or shorter
than they say; and as an officer would: a save while other work is uncommitted commits only that entry, a save
with an error is refused with the Vietnamese issue list and leaves the files as they were.
"""

from __future__ import annotations

import base64
import http.client
import json
import shutil
import subprocess
import threading
import time

import pytest

from tests.conftest import ROOT, SAMPLE_BUILD_DATE

EDITOR_PORT = 8000  # the page the backend answers; nothing needs to listen there for these tests
NEW_ENTRY = "content/disclosures/2026/thong-bao-hop-dan/index.md"
GOOD = ("---\ntitle: Thông báo họp dân thôn Đông\nkind: notice\nissued: 2026-11-20\n---\n"
        "Mời bà con dự họp lúc 19 giờ tại nhà văn hóa thôn.\n")


def git(repository, *args: str) -> str:
    identity = ["-c", "user.name=Cán bộ", "-c", "user.email=cb@example.invalid"]
    return subprocess.run(["git", *identity, *args], cwd=repository, check=True, capture_output=True, text=True).stdout


@pytest.fixture()
def repository(tmp_path, monkeypatch):
    """A commune's repository: the sample content and a pelicanconf.py, committed."""
    monkeypatch.setenv("BUILD_DATE", SAMPLE_BUILD_DATE)
    monkeypatch.setenv("CKX_CACHE", "")
    shutil.copytree(ROOT / "content", tmp_path / "content")
    (tmp_path / "pelicanconf.py").write_text("# settings\n", encoding="utf-8")
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "Nội dung mẫu")
    return tmp_path


@pytest.fixture()
def backend(repository):
    from plugins.editor.local_backend import ContentStore
    from scripts.ckx import load_settings
    from scripts.editor import content_validator, serve_backend

    store = ContentStore(repository, content_validator(repository, load_settings(ROOT / "pelicanconf.py")))
    server = serve_backend(store, 0, EDITOR_PORT)
    server.RequestHandlerClass.timeout = 2  # a short body is answered after this many seconds
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def call(port: int, action: str | None = None, params=None, *, body: bytes | None = None, host: str | None = None,
         origin: str | None = f"http://localhost:{EDITOR_PORT}", length: int | None = None, method: str = "POST"):
    if body is None:
        body = json.dumps({"action": action, "params": params or {}}).encode()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    connection.putrequest(method, "/api/v1", skip_host=True, skip_accept_encoding=True)
    headers = {"Host": host or f"localhost:{port}", "Content-Type": "application/json",
               "Content-Length": str(len(body) if length is None else length), "Origin": origin}
    for key, value in headers.items():
        if value is not None:
            connection.putheader(key, value)
    connection.endheaders(body)
    response = connection.getresponse()
    text = response.read().decode("utf-8")
    return response.status, json.loads(text) if text else None, dict(response.getheaders())


def persist(path: str, raw: str, assets: list | None = None) -> dict:
    return {"branch": "main", "dataFiles": [{"slug": "x", "path": path, "raw": raw}], "assets": assets or [],
            "options": {"commitMessage": "Update", "useWorkflow": False, "status": ""}}


def test_the_editor_page_lists_and_saves_an_entry_committed_alone(backend, repository):
    status, info, headers = call(backend, "info")
    assert status == 200 and info["publish_modes"] == ["simple"]
    assert headers["Access-Control-Allow-Origin"] == f"http://localhost:{EDITOR_PORT}"
    status, entries, _ = call(backend, "entriesByFolder", {"branch": "main", "folder": "content/disclosures",
                                                           "extension": "md", "depth": 3})
    assert status == 200 and len(entries) == len(list((repository / "content/disclosures").glob("*/*/index.md")))
    # the officer's unrelated work: a changed page, a staged private file, an untracked list
    (repository / "content/pages/lien-he.md").write_text("---\ntitle: Liên hệ (đang sửa)\n---\nx\n", encoding="utf-8")
    (repository / "ghi-chu-rieng.txt").write_text("Nguyễn Văn A 0912 345 678\n", encoding="utf-8")
    git(repository, "add", "ghi-chu-rieng.txt")
    (repository / "content/danh-sach-tam.csv").write_text("Họ tên;CCCD\n", encoding="utf-8")
    status, answer, _ = call(backend, "persistEntry", persist(NEW_ENTRY, GOOD))
    assert status == 200, answer
    committed = git(repository, "show", "--name-only", "--format=%s", "HEAD").split()
    assert committed[-1] == NEW_ENTRY and "ghi-chu-rieng.txt" not in committed and "content/pages/lien-he.md" not in committed
    assert git(repository, "log", "-1", "--format=%s").startswith("Thêm: Thông báo họp dân thôn Đông")
    still = git(repository, "status", "--porcelain")
    assert "A  ghi-chu-rieng.txt" in still and " M content/pages/lien-he.md" in still and "?? content/danh-sach-tam.csv" in still


def test_a_save_with_errors_is_refused_in_vietnamese_and_put_back(backend, repository):
    head = git(repository, "rev-parse", "HEAD")
    status, answer, _ = call(backend, "persistEntry", persist(NEW_ENTRY, GOOD.replace("2026-11-20", "31/02/2026")))
    assert status == 422 and "[ngay-khong-hop-le]" in answer["error"] and "không phải là ngày có thật" in answer["error"]
    assert not (repository / NEW_ENTRY).exists() and git(repository, "rev-parse", "HEAD") == head
    existing = "content/disclosures/2026/thong-bao-lich-tiep-cong-dan-quy-iv/index.md"
    before = (repository / existing).read_bytes() if (repository / existing).exists() else None
    if before is not None:
        status, _, _ = call(backend, "persistEntry", persist(existing, before.decode() + "\nGọi 0912 345 678.\n"))
        assert status == 422 and (repository / existing).read_bytes() == before


@pytest.mark.parametrize("path", ["pelicanconf.py", "content/../pelicanconf.py", ".git/hooks/pre-commit",
                                  "content/.git/config", "theme/templates/base.html", "/etc/passwd",
                                  "content/disclosures/2026/../../../plugins/x.py", "content\\..\\Makefile",
                                  "content/disclosures/ra-ngoai/index.md"])
def test_nothing_outside_content_is_read_or_written(backend, repository, path):
    (repository / "content/disclosures/ra-ngoai").symlink_to(repository / "theme", target_is_directory=True) \
        if path.endswith("ra-ngoai/index.md") and (repository / "theme").mkdir() is None else None
    head = git(repository, "rev-parse", "HEAD")
    status, answer, _ = call(backend, "persistEntry", persist(path, "import os\n"))
    assert status == 403 and "content/" in answer["error"]
    assert (repository / "pelicanconf.py").read_text(encoding="utf-8") == "# settings\n"
    assert not (repository / ".git/hooks/pre-commit").exists() and git(repository, "rev-parse", "HEAD") == head
    for action, params in (("getEntry", {"path": path}), ("getMediaFile", {"path": path}),
                           ("persistMedia", {"asset": {"path": path, "content": "eA==", "encoding": "base64"}}),
                           ("deleteFile", {"path": path})):
        assert call(backend, action, params)[0] == 403, action


@pytest.mark.parametrize(("kwargs", "status"), [
    ({"host": "evil.example:8081"}, 403),  # DNS rebinding: the browser sends the attacker's name
    ({"origin": "https://evil.example"}, 403),
    ({"origin": "null"}, 403),
    ({"body": b"[" * 100_000 + b"]" * 100_000}, 400),  # nested past Python's recursion limit
    ({"body": b"{\"action\": \"info\"}", "length": 40}, 408),  # shorter than it says: answered, thread freed
    ({"body": b"{}", "length": 200 * 1024 * 1024}, 413),
    ({"body": b"\xff\xfe"}, 400),
    ({"method": "OPTIONS", "origin": "https://evil.example", "body": b""}, 403),
], ids=["host", "origin", "null-origin", "nested", "short-body", "too-large", "bytes", "preflight"])
def test_foreign_and_broken_requests_are_refused_in_vietnamese(backend, repository, kwargs, status):
    started = time.monotonic()
    got, answer, headers = call(backend, "info", **kwargs)
    assert got == status and answer["loi"] and not answer["loi"].isascii()  # Vietnamese
    foreign = "host" in kwargs or "origin" in kwargs
    assert ("Access-Control-Allow-Origin" in headers) is not foreign  # the editor's page reads its own errors only
    assert time.monotonic() - started < 15


def test_a_form_posted_by_another_page_is_refused(backend, repository):
    connection = http.client.HTTPConnection("127.0.0.1", backend, timeout=10)
    body = json.dumps({"action": "persistEntry", "params": persist(NEW_ENTRY, GOOD)}).encode()
    connection.request("POST", "/api/v1", body, {"Content-Type": "text/plain", "Host": f"localhost:{backend}"})
    assert connection.getresponse().status == 415 and not (repository / NEW_ENTRY).exists()


def test_media_inside_content_is_saved_and_committed_alone(backend, repository):
    asset = {"path": "content/files/so-do.png", "content": base64.b64encode(b"\x89PNG\r\n\x1a\nx").decode(),
             "encoding": "base64"}
    status, media, _ = call(backend, "persistMedia", {"branch": "main", "asset": asset})
    assert status == 200 and media["path"] == "content/files/so-do.png"
    assert git(repository, "show", "--name-only", "--format=", "HEAD").split() == ["content/files/so-do.png"]


def test_make_editor_no_longer_starts_decap_server():
    """decap-server wrote anywhere in the repository and committed everything: it is neither installed nor run."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "decap-server" not in makefile
    assert "decap-server" not in (ROOT / "scripts/editor.py").read_text(encoding="utf-8").split('"""', 2)[2]
