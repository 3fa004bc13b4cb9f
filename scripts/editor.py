#!/usr/bin/env python3
"""Local mode of the web editor: `make editor [PORT=8000]`, then open http://localhost:8000/admin/.

Works offline on the officer's machine. Three things run together, all on
127.0.0.1 only:
- the site, rebuilt first, served from output/;
- POST /api/kiem-tra on the same server: the editor's preview sends the entry
  and gets back the problems `make validate` would report;
- decap-server on port 8081 (Decap's default) in git mode: each save in the editor is
  written into content/ and committed to this repository.
The check endpoint answers only pages of this server (Host and Origin are
checked, so another website open in the browser cannot drive it), reads at
most MAX_BODY bytes, and answers every bad request with a JSON error in
Vietnamese, never a traceback or a dropped connection. Ctrl+C stops them.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import http.server
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plugins.disclosures.kinds import KINDS  # noqa: E402  (needs ROOT on sys.path)
from plugins.editor.preview import check_entry  # noqa: E402
from scripts.ckx import build, load_settings  # noqa: E402

DECAP_SERVER = ROOT / ".venv" / "node" / "node_modules" / "decap-server" / "dist" / "index.js"
DECAP_PORT = 8081  # where Decap's local_backend looks by default
MAX_BODY = 1024 * 1024  # an entry is front matter and an explanation: far below this


class EditorHandler(http.server.SimpleHTTPRequestHandler):
    """Static files from output/, plus the preview's check endpoint."""

    content: Path = ROOT / "content"

    def do_POST(self) -> None:
        if self.path != "/api/kiem-tra":
            self._json(404, {"loi": "Không có địa chỉ này."})
            return
        if not self._same_origin():
            self._json(403, {"loi": "Chỉ trình soạn thảo trên chính máy này được gọi kiểm tra."})
            return
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            self._json(411, {"loi": "Yêu cầu thiếu độ dài (Content-Length)."})
            return
        if not 0 < length <= MAX_BODY:
            self._json(413, {"loi": f"Nội dung gửi lên phải từ 1 đến {MAX_BODY} byte."})
            return
        try:
            request = json.loads(self.rfile.read(length).decode("utf-8"))
            path, data = request["path"], request["data"]
            if not isinstance(path, str) or not isinstance(data, dict):
                raise TypeError
        except (UnicodeDecodeError, ValueError, KeyError, TypeError):
            self._json(400, {"loi": 'Yêu cầu phải là JSON {"path": "...", "data": {...}}.'})
            return
        issues = check_entry(path, data, self.content, KINDS)
        self._json(200, [dataclasses.asdict(i) for i in issues])

    def _same_origin(self) -> bool:
        """Host must be this server by a loopback name (DNS rebinding), Origin, when sent, the same."""
        port = self.server.server_address[1]
        allowed = {f"127.0.0.1:{port}", f"localhost:{port}"}
        origin = self.headers.get("Origin")
        return self.headers.get("Host") in allowed and (origin is None or origin in {f"http://{a}" for a in allowed})

    def _json(self, status: int, payload) -> None:
        """The reason phrase stays ASCII (HTTP cannot carry Vietnamese there); the message is in the body."""
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def start_decap_server(repository: Path, port: int) -> subprocess.Popen:
    if not DECAP_SERVER.is_file():
        sys.exit("Chưa cài decap-server: chạy `make editor` (lệnh này tự cài).")
    env = dict(os.environ, MODE="git", GIT_REPO_DIRECTORY=str(repository), PORT=str(port), BIND_HOST="127.0.0.1")
    return subprocess.Popen(["node", str(DECAP_SERVER)], env=env)


def serve(directory: Path, port: int) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(EditorHandler, directory=str(directory))
    return http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    settings = load_settings(ROOT / "pelicanconf.py")
    if not build(ROOT / "content", ROOT / "output", ROOT / "pelicanconf.py", settings):
        return 1
    decap = start_decap_server(ROOT, DECAP_PORT)
    server = serve(ROOT / "output", args.port)
    print(f"Trình soạn thảo: mở http://localhost:{args.port}/admin/ (Ctrl+C để dừng). Mỗi lần lưu được ghi vào git.")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        decap.terminate()
    return 0


if __name__ == "__main__":
    sys.exit(main())
