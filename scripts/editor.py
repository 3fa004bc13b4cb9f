#!/usr/bin/env python3
"""Local mode of the web editor: `make editor [PORT=8000]`, then open http://localhost:8000/admin/.

Works offline on the officer's machine. Two servers run together, on 127.0.0.1 only:
- the site, rebuilt first, served from output/, with POST /api/kiem-tra: the editor's preview sends the entry
  and gets back the problems `make validate` would report;
- the editor's backend on port 8081 (where Decap's `local_backend` looks): Decap's proxy protocol over
  content/ only, each save checked like `make validate` and committed alone (plugins/editor/local_backend.py;
  it replaces decap-server, which wrote anywhere in the repository and committed everything).
Both answer only this machine's pages: the Host must be a loopback name with the server's own port (a page
of another site reaching 127.0.0.1 through DNS rebinding has its own name there), and the Origin, when a
browser sends one, the editor's page. Bodies are bounded in size, nesting and time; every bad request gets
a JSON error in Vietnamese, never a traceback or a dropped connection. Ctrl+C stops them.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import functools
import http.server
import json
import os
import sys
import threading
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plugins.disclosures.cache import folder_from_environment  # noqa: E402  (needs ROOT on sys.path)
from plugins.disclosures.kinds import KINDS  # noqa: E402
from plugins.disclosures.settings import read_settings  # noqa: E402
from plugins.disclosures.site import load_site  # noqa: E402
from plugins.editor.generator import LOCAL_ONLY  # noqa: E402
from plugins.editor.local_backend import ContentStore, Refused, issues_for  # noqa: E402
from plugins.editor.preview import check_entry  # noqa: E402
from scripts.ckx import build, load_settings  # noqa: E402
from scripts.serve import SiteHandler, run_until_interrupted  # noqa: E402

BACKEND_PORT = 8081  # where Decap's local_backend looks by default
MAX_BODY = 1024 * 1024  # an entry checked by the preview is front matter and an explanation: far below this
SECONDS_PER_REQUEST = 20  # a body shorter than its Content-Length holds a thread no longer than this


class JsonRequests(SiteHandler):
    """What both servers share: the site as `make serve` serves it (its own Vietnamese 404, no file listings),
    the loopback Host and Origin check, bounded JSON bodies, JSON answers."""

    timeout = SECONDS_PER_REQUEST
    max_body = MAX_BODY
    origins: frozenset[str] = frozenset()  # pages allowed to call, besides this server's own

    def allowed(self) -> bool:
        """Host must be this server by a loopback name (DNS rebinding); Origin, when sent, this server or
        `origins`."""
        port = self.server.server_address[1]
        hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
        origin = self.headers.get("Origin")
        return self.headers.get("Host") in hosts and (
            origin is None or origin in {f"http://{h}" for h in hosts} | self.origins)

    def read_json(self):
        """The request's JSON body, or None after answering why not."""
        if not self.allowed():
            self.answer(403, {"loi": "Chỉ trình soạn thảo trên chính máy này được gọi."})
            return None
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            self.answer(411, {"loi": "Yêu cầu thiếu độ dài (Content-Length)."})
            return None
        if not 0 < length <= self.max_body:
            self.answer(413, {"loi": f"Nội dung gửi lên phải từ 1 đến {self.max_body} byte."})
            return None
        try:
            body = self.rfile.read(length)
        except TimeoutError:
            self.answer(408, {"loi": f"Nội dung gửi lên chưa đủ sau {self.timeout} giây."})
            return None
        try:
            if len(body) < length:
                raise ValueError
            return json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: "[[[[..." nested past Python's limit
            self.answer(400, {"loi": "Yêu cầu phải là JSON hợp lệ, đủ độ dài, lồng nhau không quá sâu."})
            return None

    def answer(self, status: int, payload) -> None:
        """The reason phrase stays ASCII (HTTP cannot carry Vietnamese there); the message is in the body."""
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.cors_headers()
        self.end_headers()
        self.wfile.write(body)

    def cors_headers(self) -> None:
        origin = self.headers.get("Origin")
        if origin and origin in self.origins and self.allowed():
            self.send_header("Access-Control-Allow-Origin", origin)
            self.send_header("Vary", "Origin")


def today_in_viet_nam() -> dt.date:
    """The day Decap names a new entry's year folder by (the officer's own clock is in Viet Nam)."""
    return dt.datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()


class EditorHandler(JsonRequests):
    """Static files from output/, plus the preview's check endpoint."""

    content: Path = ROOT / "content"

    def do_POST(self) -> None:
        if self.path != "/api/kiem-tra":
            self.answer(404, {"loi": "Không có địa chỉ này."})
            return
        request = self.read_json()
        if request is None:
            return
        path, data = (request.get("path"), request.get("data")) if isinstance(request, dict) else (None, None)
        pending = request.get("pending", []) if isinstance(request, dict) else []
        if (not (path is None or isinstance(path, str)) or not isinstance(data, dict) or not isinstance(pending, list)
                or not all(isinstance(name, str) for name in pending)):
            self.answer(400, {"loi": 'Yêu cầu phải là JSON {"path": "..." (null: văn bản chưa lưu), "data": {...}, '
                                     '"pending": ["tên tệp", ...]}.'})
            return
        issues = check_entry(path, data, self.content, KINDS, today_in_viet_nam(), pending[:1000])
        self.answer(200, [dataclasses.asdict(i) for i in issues])


class BackendHandler(JsonRequests):
    """Decap's local backend (POST /api/v1 {"action", "params"}) over a ContentStore; CORS for the editor's page."""

    store: ContentStore
    max_body = 150 * 1024 * 1024  # an attachment of the largest size allowed, in base64, with its entry

    def do_OPTIONS(self) -> None:
        if not self.allowed() or self.headers.get("Origin") not in self.origins:
            self.answer(403, {"loi": "Chỉ trình soạn thảo trên chính máy này được gọi."})
            return
        self.send_response(204)
        self.cors_headers()
        self.send_header("Access-Control-Allow-Methods", "POST")
        self.send_header("Access-Control-Allow-Headers", "Content-Type")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        self.answer(404, {"loi": "Không có địa chỉ này."})

    do_HEAD = do_GET

    def do_POST(self) -> None:
        if self.path != "/api/v1":
            self.answer(404, {"loi": "Không có địa chỉ này."})
            return
        if "application/json" not in self.headers.get("Content-Type", ""):
            self.answer(415, {"loi": "Yêu cầu phải gửi dạng JSON."})  # a form posted by another page never is
            return
        request = self.read_json()
        if request is None:
            return
        if not isinstance(request, dict):
            self.answer(400, {"loi": 'Yêu cầu phải là JSON {"action": "...", "params": {...}}.'})
            return
        try:
            self.answer(200, self.store.handle(request.get("action"), request.get("params")))
        except Refused as refused:
            self.answer(refused.status, {"error": refused.message, "loi": refused.message})


def serve(directory: Path, port: int, content: Path = ROOT / "content") -> http.server.ThreadingHTTPServer:
    """The built site at `directory` and the preview's check of entries against `content`."""
    handler = functools.partial(type("Editor", (EditorHandler,), {"content": content}), directory=str(directory))
    return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)


def serve_backend(store: ContentStore, port: int, editor_port: int) -> http.server.ThreadingHTTPServer:
    """The backend for the editor page served on `editor_port` (by either loopback name)."""
    origins = frozenset({f"http://127.0.0.1:{editor_port}", f"http://localhost:{editor_port}"})
    handler = type("Backend", (BackendHandler,), {"store": store, "origins": origins})
    return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)


def content_validator(repository: Path, settings: dict):
    """`make validate`'s loader over the repository's content/, narrowed to what a save touched."""
    build_settings, problems = read_settings(settings, KINDS)
    if build_settings is None:
        raise SystemExit("\n".join(i.format() for i in problems))

    def validate(paths: list[str]):
        site = load_site(repository / "content", KINDS, build_settings.build_date, build_settings.kind_settings,
                         build_settings.limits, folder_from_environment()[0], checks_only=True)
        return issues_for(paths, site.issues)
    return validate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    settings = load_settings(ROOT / "pelicanconf.py")
    os.environ[LOCAL_ONLY] = "1"  # admin/ in output/ for this machine, whatever the online backend
    built = build(ROOT / "content", ROOT / "output", ROOT / "pelicanconf.py", settings)
    if not built and not (ROOT / "output" / "index.html").is_file():  # a part kept back still opens the editor
        return 1
    backend = serve_backend(ContentStore(ROOT, content_validator(ROOT, settings)), BACKEND_PORT, args.port)
    threading.Thread(target=backend.serve_forever, daemon=True).start()
    server = serve(ROOT / "output", args.port)
    print(f"Trình soạn thảo: mở http://localhost:{args.port}/admin/ (Ctrl+C để dừng). Mỗi lần lưu được kiểm tra "
          "như make validate rồi ghi vào git, chỉ các tệp của văn bản vừa lưu.")
    run_until_interrupted(server, backend)
    return 0


if __name__ == "__main__":
    sys.exit(main())
