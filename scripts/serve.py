#!/usr/bin/env python3
"""`make serve`: the built site on http://localhost:8000, as its host will serve it, in Vietnamese.

Python's own server answers a missing page with an English error and a folder without index.html with a
listing of its files; a citizen (or an officer previewing) should see neither. This one answers both with the
site's own 404 page (`404.html`, in Vietnamese), listens on 127.0.0.1 only, and logs nothing per request.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
from pathlib import Path

NOT_FOUND = "404.html"


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    def list_directory(self, path):
        """A folder without index.html is a page that does not exist, never a listing of files."""
        self.send_error(404)
        return None

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory, NOT_FOUND)
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):
        pass


def serve(directory: Path, port: int) -> http.server.ThreadingHTTPServer:
    return http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(SiteHandler, directory=str(directory)))


def run_until_interrupted(server: http.server.ThreadingHTTPServer, *others: http.server.ThreadingHTTPServer) -> None:
    """Serve until Ctrl+C, then close `server` and stop `others` (served in threads)."""
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        for other in others:
            other.shutdown()
            other.server_close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--directory", type=Path, default=Path("output"))
    args = parser.parse_args(argv)
    server = serve(args.directory, args.port)
    print(f"Mở http://localhost:{args.port} trong trình duyệt (Ctrl+C để dừng).")
    run_until_interrupted(server)
    return 0


if __name__ == "__main__":
    sys.exit(main())
