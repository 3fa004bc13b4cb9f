#!/usr/bin/env python3
"""Print what a citizen's first search downloads, in bytes, on a built site.

    python scripts/search_cost.py [--output output] [--query "ho ngheo"]

Serves the folder on 127.0.0.1, opens /tim-kiem/ in Debian's Chromium (no
cache), types the query and sums every response: the page, its CSS and script,
Pagefind's loader, WebAssembly, index chunks and result fragments. A figure for
the docs, never a test assertion. Needs `make install-dev`.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import re
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def measure(output: Path, query: str) -> list[tuple[str, int]]:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import expect, sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(output)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    sizes: list[tuple[str, int]] = []

    def record(response) -> None:
        """A response still arriving when the page closes (after the network went idle) is not counted."""
        with contextlib.suppress(PlaywrightError):  # TargetClosedError: the page is gone
            sizes.append((response.url.removeprefix(base), len(response.body())))

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"])
            page = browser.new_page()
            page.on("response", lambda r: record(r))
            page.goto(f"{base}/tim-kiem/?q={query}")
            # a locator wait: wait_for_function evaluates a string, which the site's CSP refuses
            expect(page.locator("[data-ckx-status]")).to_have_text(re.compile(r"\S"), timeout=60_000)
            page.wait_for_load_state("networkidle")
            browser.close()
    finally:
        server.shutdown()
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "output")
    parser.add_argument("--query", default="ho ngheo")
    args = parser.parse_args()
    sizes = measure(args.output, args.query)
    for url, size in sizes:
        print(f"{size:>9,}  {url}")
    search = sum(size for url, size in sizes if "/pagefind/" in url or url.endswith(".js"))
    print(f"{sum(s for _, s in sizes):>9,}  tổng cộng (trang tìm kiếm + tìm kiếm đầu tiên)")
    print(f"{search:>9,}  riêng phần tìm kiếm (script, Pagefind, chỉ mục, kết quả)")


if __name__ == "__main__":
    main()
