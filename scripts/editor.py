#!/usr/bin/env python3
"""Local mode of the web editor: `make editor`, then open http://localhost:8000/admin/.

Works offline on the officer's machine. Three things run together:
- the site, rebuilt first, served from output/ on 127.0.0.1:8000;
- POST /api/kiem-tra on the same server: the editor's preview sends the entry
  and gets back the problems `make validate` would report;
- decap-server on 127.0.0.1:8081 in git mode: each save in the editor is
  written into content/ and committed to this repository.
Ctrl+C stops them.
"""

from __future__ import annotations

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


class EditorHandler(http.server.SimpleHTTPRequestHandler):
    """Static files from output/, plus the preview's check endpoint."""

    content: Path = ROOT / "content"

    def do_POST(self) -> None:
        if self.path != "/api/kiem-tra":
            self.send_error(404)
            return
        try:
            request = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
            issues = check_entry(request["path"], request["data"], self.content, KINDS)
            body = json.dumps([dataclasses.asdict(i) for i in issues], ensure_ascii=False).encode("utf-8")
        except (KeyError, ValueError, TypeError) as exc:
            self.send_error(400, f"Yêu cầu không hợp lệ: {exc}")
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def start_decap_server(repository: Path, port: int = 8081) -> subprocess.Popen:
    if not DECAP_SERVER.is_file():
        sys.exit("Chưa cài decap-server: chạy `make editor` (lệnh này tự cài).")
    env = dict(os.environ, MODE="git", GIT_REPO_DIRECTORY=str(repository), PORT=str(port), BIND_HOST="127.0.0.1")
    return subprocess.Popen(["node", str(DECAP_SERVER)], env=env)


def main() -> int:
    settings = load_settings(ROOT / "pelicanconf.py")
    if not build(ROOT / "content", ROOT / "output", ROOT / "pelicanconf.py", settings):
        return 1
    decap = start_decap_server(ROOT)
    handler = functools.partial(EditorHandler, directory=str(ROOT / "output"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 8000), handler)
    print("Trình soạn thảo: mở http://localhost:8000/admin/ (Ctrl+C để dừng). Mỗi lần lưu được ghi vào git.")
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
