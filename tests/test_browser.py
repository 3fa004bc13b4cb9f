"""What a person sees, in Debian's Chromium driven by Playwright (never a downloaded browser).

Checks on the built sample site: no sideways scrolling on a 360 px phone,
reading and navigating with JavaScript off, and axe-core's WCAG 2.1 A/AA rules.
Set CKX_REQUIRE_BROWSER=1 (CI does) to make a missing browser a failure.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = ROOT / ".venv" / "node" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PAGES = ["", "dang-niem-yet/", "cong-khai/", "thon/", "thon/dong-ben/", "loai/thong-bao/", "gioi-thieu/",
         "cong-khai/2026/quy-uoc-thon-dong-ben/", "cong-khai/2025/cong-bo-thu-tuc-hanh-chinh/",
         "cong-khai/2026/thuc-hien-ngan-sach-9-thang-2026/", "loai/ngan-sach/",
         "cong-khai/2026/ra-soat-ho-ngheo-2026/", "cong-khai/2026/ra-soat-ho-ngheo-2026/thon-tay/",
         "cong-khai/2025/ra-soat-ho-ngheo-2025/", "cong-khai/2026/ke-hoach-su-dung-dat-2026/",
         "cong-khai/2026/ke-hoach-su-dung-dat-2026/thon-tay/", "cong-khai/2026/lich-tiep-cong-dan-quy-4-2026/"]

if not (Path(CHROMIUM).exists() and AXE.exists()):
    if os.environ.get("CKX_REQUIRE_BROWSER"):
        raise RuntimeError(f"Browser tests need {CHROMIUM} and {AXE}: run `make install-dev`.")
    pytest.skip("Debian chromium or axe-core missing: run `make install-dev`", allow_module_level=True)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site_url(sample_site):
    handler = functools.partial(QuietHandler, directory=str(sample_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, locale="vi-VN")
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_no_sideways_scrolling_on_a_360px_phone(phone, site_url, path):
    phone.goto(site_url + path)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360


def test_reading_and_navigating_without_javascript(browser, site_url, tmp_path):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(site_url)
    page.get_by_role("link", name="Thôn Đồng Bến", exact=True).click()
    assert page.locator("h1").inner_text() == "Thôn Đồng Bến"
    page.locator(".ckx-disclosure-list__title a", has_text="Quy ước Thôn Đồng Bến").first.click()
    assert "Quy ước Thôn Đồng Bến" in page.locator("h1").inner_text()
    assert page.get_by_role("link", name="Dự thảo Quy ước Thôn Đồng Bến (bản quét)").is_visible()
    page.screenshot(path=str(tmp_path / "disclosure-360.png"), full_page=True)
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_wcag_a_or_aa_violation(phone, site_url, path):
    phone.goto(site_url + path)
    phone.add_script_tag(path=str(AXE))
    result = phone.evaluate("axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})")
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert violations == []
    assert result["passes"], "axe ran its rules"
