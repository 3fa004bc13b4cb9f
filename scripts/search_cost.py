#!/usr/bin/env python3
"""Print what a citizen's first search costs on a built site or province portal: requests, bytes, seconds.

    python scripts/search_cost.py [--output output] [--query "ho ngheo"] [--slow] [--all-years]

Serves the folder on 127.0.0.1, opens /tim-kiem/?q=<query> in Debian's Chromium (no cache) and counts every
response until the first results are on the screen: the page, its CSS and script, Pagefind's loader,
WebAssembly, index chunks and result fragments. `--slow` is a slow phone's network (400 ms latency,
400 kbit/s each way, Chromium's own throttling). `--all-years` searches every year's part of the index, as
the box "Tìm cả văn bản các năm trước" does, instead of the recent part alone. A figure for the docs and `make bench`, never a test
assertion. Needs `make install-dev`.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import re
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SLOW = {"offline": False, "latency": 400, "downloadThroughput": 400_000 / 8, "uploadThroughput": 400_000 / 8}
RESULTS = re.compile(r"^(Tìm thấy|Không tìm thấy)")  # the status line once results (or none) are shown


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@dataclass
class Cost:
    seconds: float  # from opening the page to the first results on the screen
    sizes: list[tuple[str, int]] = field(default_factory=list)  # (address, bytes) of each response by then

    @property
    def requests(self) -> int:
        return len(self.sizes)

    @property
    def bytes(self) -> int:
        return sum(size for _, size in self.sizes)


def measure(output: Path, query: str, slow: bool = False, all_years: bool = False) -> Cost:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import expect, sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(output)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    sizes: list[tuple[str, int]] = []

    def record(response) -> None:
        """A response still arriving when the page closes is not counted."""
        with contextlib.suppress(PlaywrightError):  # TargetClosedError: the page is gone
            sizes.append((response.url.removeprefix(base), len(response.body())))

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"])
            page = browser.new_page()
            devtools = page.context.new_cdp_session(page)
            devtools.send("Network.enable")
            devtools.send("Network.setCacheDisabled", {"cacheDisabled": True})
            if slow:
                devtools.send("Network.emulateNetworkConditions", SLOW)
            page.on("response", record)
            started = time.perf_counter()
            years = "&nam=tat-ca" if all_years else ""
            page.goto(f"{base}/tim-kiem/?q={urllib.parse.quote(query)}{years}", wait_until="commit")
            # a locator wait: wait_for_function evaluates a string, which the site's CSP refuses
            expect(page.locator("[data-ckx-status]")).to_have_text(RESULTS, timeout=600_000)
            seconds = time.perf_counter() - started
            counted = list(sizes)
            browser.close()
    finally:
        server.shutdown()
    return Cost(seconds, counted)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "output")
    parser.add_argument("--query", default="ho ngheo")
    parser.add_argument("--slow", action="store_true", help="400 ms, 400 kbit/s")
    parser.add_argument("--all-years", action="store_true", help="every year's part, not the recent one alone")
    args = parser.parse_args()
    cost = measure(args.output, args.query, args.slow, args.all_years)
    for url, size in cost.sizes:
        print(f"{size:>9,}  {url}")
    search = sum(size for url, size in cost.sizes if "pagefind" in url or "chi-muc" in url or url.endswith(".js"))
    print(f"{cost.bytes:>9,}  tổng cộng, {cost.requests} yêu cầu, {cost.seconds:.1f} giây tới kết quả đầu tiên")
    print(f"{search:>9,}  riêng phần tìm kiếm (script, Pagefind, chỉ mục, kết quả)")


if __name__ == "__main__":
    main()
