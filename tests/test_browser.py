"""What a person sees, in Debian's Chromium driven by Playwright (never a downloaded browser).

Checks on the built sample site: no sideways scrolling on a 360 px phone,
reading and navigating with JavaScript off, and axe-core's WCAG 2.1 A/AA rules.
Set CKX_REQUIRE_BROWSER=1 (CI does) to make a missing browser a failure.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import os
import re
import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT, build, ckx

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = ROOT / ".venv" / "node" / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PAGES = ["", "dang-niem-yet/", "cong-khai/", "thon/", "thon/dong-ben/", "loai/thong-bao/", "gioi-thieu/", "du-lieu/",
         "cong-khai/2026/quy-uoc-thon-dong-ben/", "cong-khai/2025/cong-bo-thu-tuc-hanh-chinh/",
         "cong-khai/2026/thuc-hien-ngan-sach-9-thang-2026/", "loai/ngan-sach/",
         "cong-khai/2026/ra-soat-ho-ngheo-2026/", "cong-khai/2026/ra-soat-ho-ngheo-2026/thon-tay/",
         "cong-khai/2025/ra-soat-ho-ngheo-2025/", "cong-khai/2026/ke-hoach-su-dung-dat-2026/",
         "cong-khai/2026/ke-hoach-su-dung-dat-2026/thon-tay/", "cong-khai/2026/lich-tiep-cong-dan-quy-4-2026/",
         "tim-kiem/", "nam/2026/", "nghia-vu/", "nghia-vu/2026/"]
# The printed sheets' views: A4 pages to print (Ctrl+P, make print), not phone pages; axe checks them too.
SHEETS = ["cong-khai/2026/thuc-hien-ngan-sach-9-thang-2026/in/", "cong-khai/2026/ra-soat-ho-ngheo-2026/in/thon-tay/",
          "cong-khai/2026/lich-tiep-cong-dan-quy-4-2026/in/", "cong-khai/2026/ke-hoach-su-dung-dat-2026/in/thon-tay/",
          "cong-khai/2026/ke-hoach-su-dung-dat-2026/in/bien-ban-niem-yet/", "nghia-vu/2026/in/"]

if not (Path(CHROMIUM).exists() and AXE.exists()):
    if os.environ.get("CKX_REQUIRE_BROWSER"):
        raise RuntimeError(f"Browser tests need {CHROMIUM} and {AXE}: run `make install-dev`.")
    pytest.skip("Debian chromium or axe-core missing: run `make install-dev`", allow_module_level=True)

pytestmark = pytest.mark.browser

from playwright.sync_api import Error as PlaywrightError  # noqa: E402
from playwright.sync_api import expect  # noqa: E402  (after the skip: playwright is a test-only package)

# what a page shows in the end, waited for longer than Playwright's 5 s: `make test` runs the test files on every
# core, and a loaded machine is slower, never different
expect.set_options(timeout=20_000)


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A browser that cancels a fetch it no longer needs (search typing on) is not a failure to print."""


def serve(folder):
    """A built site on a free local port, for as long as the generator is open."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def site_url(sample_site):
    yield from serve(sample_site)


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


def phone_page(browser, width: int, height: int):
    """A page in a phone's viewport (Vietnamese locale, a phone's pixel density), closed after the test."""
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=2, locale="vi-VN")
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(browser):
    yield from phone_page(browser, 360, 740)


@pytest.fixture
def small_phone(browser):
    """The first screen the issue measures: 360×640, the cheapest phones."""
    yield from phone_page(browser, 360, 640)


@pytest.fixture(params=[(360, 740), (320, 640)], ids=["360px", "320px"])
def any_phone(browser, request):
    """A usual phone, and the narrowest still sold."""
    yield from phone_page(browser, *request.param)


@pytest.mark.parametrize("path", PAGES)
def test_no_sideways_scrolling_on_a_phone(any_phone, site_url, path):
    """At 360 and 320 px: the feedback box's e-mail address once made every page 345 px wide."""
    any_phone.goto(site_url + path)
    width = any_phone.viewport_size["width"]
    assert any_phone.evaluate("document.documentElement.scrollWidth") <= width


# One page per table kind: where its grand total sits, and the key figure under its title.
KIND_PAGES = {
    "ngan-sach": ("cong-khai/2026/thuc-hien-ngan-sach-9-thang-2026/",
                  "table.ckx-budget-table tbody tr:first-child td[data-label]",
                  "Tổng thu ngân sách xã: dự toán 9.105,5 triệu đồng"),
    "dat-dai": ("cong-khai/2026/ke-hoach-su-dung-dat-2026/", "table.ckx-cards tfoot td[data-label='Diện tích (ha)']",
                "công trình, dự án; tổng diện tích"),
    "ho-ngheo": ("cong-khai/2026/ra-soat-ho-ngheo-2026/", "table.ckx-cards tfoot td[data-label='Số hộ']", "Hộ nghèo: "),
    "lich": ("cong-khai/2026/lich-tiep-cong-dan-quy-4-2026/", ".ckx-sessions__when", "Buổi gần nhất: "),
}


@pytest.mark.parametrize(("path", "total", "_figure"), KIND_PAGES.values(), ids=KIND_PAGES.keys())
def test_the_key_figure_is_on_screen_of_a_360px_phone_without_scrolling_sideways(small_phone, site_url, path, total,
                                                                                 _figure):
    """On a 360×640 phone the grand total sits inside the viewport next to its label."""
    page = small_phone
    page.goto(site_url + path)
    cell = page.locator(total).first
    cell.scroll_into_view_if_needed()
    box = cell.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360, box
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.evaluate("window.scrollX") == 0
    assert re.search(r"\d", cell.inner_text())


def test_the_first_screen_of_a_phone_is_content(browser, small_phone, site_url):
    """A compact header; title and posting status on the first 360×640 screen; villages one tap away."""
    page = small_phone
    page.goto(site_url + "cong-khai/2026/thuc-hien-ngan-sach-9-thang-2026/")
    assert page.locator(".ckx-header").bounding_box()["height"] <= 130
    for selector in ("h1", ".ckx-disclosure__status .ckx-tag"):
        box = page.locator(selector).first.bounding_box()
        assert box["y"] + box["height"] <= 640, selector
    visible = [a for a in page.locator(".ckx-nav__link").all() if a.is_visible()]
    assert [a.inner_text() for a in visible] == ["Đang niêm yết", "Thôn của tôi", "Tìm kiếm"]
    assert all(a.bounding_box()["height"] >= 44 for a in visible), "tap targets of 44 px"
    page.get_by_role("link", name="Thôn của tôi").first.click()
    assert page.locator("h1").inner_text() == "Theo thôn, tổ dân phố"
    assert page.get_by_role("navigation", name="Mục lục").get_by_role("link", name="Tất cả văn bản").is_visible()
    desktop = browser.new_page(viewport={"width": 1200, "height": 800})
    desktop.goto(site_url)
    assert len([a for a in desktop.locator(".ckx-nav__link").all() if a.is_visible()]) >= 6
    desktop.close()


@pytest.mark.parametrize(("path", "_total", "figure"), KIND_PAGES.values(), ids=KIND_PAGES.keys())
def test_title_status_and_key_figure_fill_the_first_phone_screen(small_phone, site_url, path, _total, figure):
    page = small_phone
    page.goto(site_url + path)
    key = page.locator(".ckx-key-figure")
    assert figure in key.inner_text()
    box = key.bounding_box()
    assert box["y"] + box["height"] <= 640, box


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


@pytest.fixture
def audited_phone(browser):
    """A phone whose pages accept the axe script the test injects: the site's own Content-Security-Policy
    refuses any script that is not its own, which is the point of it."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, locale="vi-VN",
                                  bypass_csp=True)
    yield context.new_page()
    context.close()


SMALLEST_TEXT = """() => {
  const sizes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, parent = node.parentElement;
    if (!node.textContent.trim() || !parent || !parent.getClientRects().length) continue;
    if (parent.closest(".ckx-skip-link, svg, [hidden]")) continue;
    sizes.push([parseFloat(getComputedStyle(parent).fontSize), parent.tagName + "." + parent.className]);
  }
  return sizes.sort((a, b) => a[0] - b[0])[0];
}"""


@pytest.mark.parametrize("path", PAGES)
def test_text_is_at_least_16px_on_a_phone(phone, site_url, path):
    phone.goto(site_url + path)
    size, where = phone.evaluate(SMALLEST_TEXT)
    assert size >= 16, f"{where}: {size}px"


SMALL_TARGETS = """() => [...document.querySelectorAll('a[href], button, select, input, summary')]
  .filter(e => e.getClientRects().length && !e.closest('p, .ckx-prose, td, th, dd, figcaption, .ckx-skip-link'))
  .filter(e => e.getBoundingClientRect().height < 44)
  .map(e => e.tagName + ' ' + e.textContent.trim().slice(0, 40))"""


@pytest.mark.parametrize("path", PAGES)
def test_tap_targets_are_at_least_44px_on_a_phone(phone, site_url, path):
    """Every link or control that stands alone is 44 px tall; links inside running text
    (paragraphs, table cells, prose) are exempt, as in WCAG's target-size rules."""
    phone.goto(site_url + path)
    assert phone.evaluate(SMALL_TARGETS) == []


@pytest.mark.parametrize("width", [360, 1200])
@pytest.mark.parametrize("path", PAGES + SHEETS)
def test_axe_finds_no_wcag_a_or_aa_violation(audited_phone, site_url, path, width):
    phone = audited_phone
    phone.set_viewport_size({"width": width, "height": 800})
    phone.goto(site_url + path)
    phone.add_script_tag(path=str(AXE))
    result = phone.evaluate("axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})")
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert violations == []
    assert result["passes"], "axe ran its rules"


def search(page, site_url, query):
    page.goto(f"{site_url}tim-kiem/?q={query}")
    # Locator waits, not wait_for_function: that evaluates a string, which the site's CSP rightly refuses.
    expect(page.locator("[data-ckx-status]")).to_have_text(re.compile(r"^(?!Đang tải)\S"))  # past "Đang tải…"
    return [a.inner_text() for a in page.locator(".ckx-search-results__title a").all()]


def test_the_filters_fold_under_one_control_and_the_results_start_on_the_first_screen(small_phone, site_url):
    """Four filter boxes pushed the results below a 360×640 phone's first screen: folded under "Lọc kết quả",
    the first result is on it; opened, the filters are there, and the control says when one narrows."""
    assert search(small_phone, site_url, "ngan sach")
    assert small_phone.get_by_text("Lọc kết quả").is_visible() and not small_phone.locator("#ckx-loc-1").is_visible()
    first = small_phone.locator(".ckx-search-results__title a").first.bounding_box()
    assert first["y"] + 24 <= 640  # at least the first line of the first title (16 px text) is on the screen
    small_phone.get_by_text("Lọc kết quả").click()
    expect(small_phone.locator("#ckx-loc-1")).to_be_visible()
    small_phone.select_option("#ckx-loc-1", index=1)
    expect(small_phone.locator("[data-ckx-filters-summary]")).to_have_text("Lọc kết quả (đang lọc theo 1 mục)")


def test_what_is_typed_while_the_search_loads_is_kept_and_searched(phone, site_url):
    """On a slow phone the search engine arrives seconds after the page: the words typed meanwhile were erased
    by the address's empty ?q=. They stay, and are searched once it is ready; a "đang tải" line says why
    nothing happens yet."""
    held = []  # the engine's script, held back until the citizen has typed
    phone.route("**/pagefind/pagefind.js", lambda route: held.append(route))
    phone.goto(f"{site_url}tim-kiem/")
    expect(phone.locator("[data-ckx-status]")).to_have_text("Đang tải công cụ tìm kiếm…")
    phone.get_by_label("Tìm văn bản, số liệu (gõ có dấu hoặc không dấu)").fill("ho ngheo")
    assert len(held) == 1
    held[0].continue_()
    expect(phone.locator(".ckx-search-results__title a").first).to_be_visible()
    assert phone.get_by_label("Tìm văn bản, số liệu (gõ có dấu hoặc không dấu)").input_value() == "ho ngheo"
    assert "Niêm yết công khai kết quả rà soát hộ nghèo, hộ cận nghèo năm 2026" in \
        phone.locator(".ckx-search-results__title a").all_inner_texts()


@pytest.fixture(scope="module")
def later_site_url(tmp_path_factory):
    """The sample built on a day when most of it is more than a year old: a recent part and two older ones."""
    output = tmp_path_factory.mktemp("nam-sau") / "output"
    result = build(ROOT / "content", output, build_date="2027-06-30")
    assert result.returncode == 0, result.stderr
    yield from serve(output)


def test_the_search_opens_the_recent_part_and_the_older_years_on_request(phone, later_site_url):
    """A phone loads the small recent part; the older years' parts are merged in (their engine is the recent
    part's: no WebAssembly of their own) when the citizen ticks the box, or at once when nothing recent is
    found; unticked, the search keeps to the recent part again."""
    fetched = []
    phone.on("request", lambda request: fetched.append(request.url))
    years = phone.get_by_label("Tìm cả văn bản các năm trước")
    titles = search(phone, later_site_url, "thu tuc hanh chinh")
    assert "Công khai kết quả giải quyết thủ tục hành chính quý III năm 2026" in titles
    assert "Công bố danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của Ủy ban nhân dân xã" not in titles
    expect(years).to_be_visible()
    assert not years.is_checked() and not [u for u in fetched if "/pagefind/nam-" in u]
    years.check()
    expect(phone.get_by_role("link", name="Công bố danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của Ủy ban "
                                          "nhân dân xã")).to_be_visible()
    assert "nam=tat-ca" in phone.url and [u for u in fetched if "/pagefind/nam-2025/" in u]
    assert not [u for u in fetched if re.search(r"/pagefind/nam-\d+/(?:wasm|pagefind\.js)", u)]
    years.uncheck()
    expect(phone.get_by_role("link", name="Công bố danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của Ủy ban "
                                          "nhân dân xã")).to_have_count(0)
    expect(phone.locator(".ckx-search-results__title a").first).to_be_visible()

    expect(phone.locator("[data-ckx-status]")).to_contain_text("trong các văn bản gần đây")
    titles = search(phone, later_site_url, "hdnd")  # only in 2026's part (Pagefind finds near words otherwise)
    assert titles == ["Công khai dự toán ngân sách xã Hòa An năm 2026 đã được Hội đồng nhân dân xã quyết định"]
    expect(phone.locator("[data-ckx-status]")).to_contain_text("Không có kết quả trong các văn bản gần đây, đã tìm cả "
                                                               "các năm trước.")
    assert years.is_checked() and "nam=tat-ca" in phone.url


def test_the_years_box_is_a_large_target_and_passes_axe(audited_phone, later_site_url):
    phone = audited_phone
    search(phone, later_site_url, "thu tuc hanh chinh")
    expect(phone.get_by_label("Tìm cả văn bản các năm trước")).to_be_visible()
    assert phone.locator(".ckx-search-years label").bounding_box()["height"] >= 44
    phone.add_script_tag(path=str(AXE))
    result = phone.evaluate("axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})")
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]] == []
    assert result["passes"], "axe ran its rules"


def test_a_site_with_no_older_year_offers_no_box(phone, site_url):
    search(phone, site_url, "ngan sach")
    expect(phone.get_by_label("Tìm cả văn bản các năm trước")).to_be_hidden()


def test_the_filters_files_are_fetched_only_when_the_filters_are_opened(phone, site_url):
    fetched = []
    phone.on("request", lambda request: fetched.append(request.url))
    search(phone, site_url, "ngan sach")
    assert not [url for url in fetched if "/pagefind/filter/" in url]
    phone.get_by_text("Lọc kết quả").click()
    expect(phone.locator("#ckx-loc-1")).to_be_visible()
    assert [url for url in fetched if "/pagefind/filter/" in url]


@pytest.mark.parametrize(("query", "expected"), [
    ("duong", "Thông báo thu hồi đất để thực hiện dự án Đường giao thông liên thôn Đông – Tây"),
    ("dong tam", "Thông báo thu hồi đất để thực hiện dự án Đường giao thông liên thôn Đông – Tây"),
    ("ho ngheo", "Niêm yết công khai kết quả rà soát hộ nghèo, hộ cận nghèo năm 2026"),
    ("hộ nghèo", "Niêm yết công khai kết quả rà soát hộ nghèo, hộ cận nghèo năm 2026"),
    ("dat dai", "Công bố công khai kế hoạch sử dụng đất năm 2026 của xã Hòa An"),
])
def test_queries_without_diacritics_find_accented_pages(phone, site_url, query, expected):
    assert expected in search(phone, site_url, query)


def test_query_with_diacritics_ranks_exact_words_first(phone, site_url):
    titles = search(phone, site_url, "hộ nghèo")
    assert titles[0] == "Niêm yết công khai kết quả rà soát hộ nghèo, hộ cận nghèo năm 2026"
    excerpt = phone.locator(".ckx-search-results__excerpt").first.inner_text()
    assert "hộ nghèo" in excerpt.lower()


def test_results_show_kind_date_status_and_filter_by_kind(phone, site_url, sample_site):
    search(phone, site_url, "ngan sach")
    meta = phone.locator(".ckx-search-results__meta").first.inner_text()
    assert "Ngân sách" in meta and "ban hành" in meta
    # the status is worked out from the posting's dates on the site's date: what the page it links to says
    results = phone.locator(".ckx-search-results__item")
    said = {item.locator("a").get_attribute("href"): item.locator(".ckx-search-results__meta").inner_text().split(" · ")[-1]
            for item in results.all() if item.locator("a").get_attribute("href").startswith("/cong-khai/")}
    on_the_pages = {url: re.search(r'class="ckx-tag ckx-tag--[a-z-]+">([^<]+)<', (sample_site / url.strip("/") / "index.html")
                                   .read_text(encoding="utf-8")).group(1) for url in said}
    assert said == on_the_pages and {"Đang niêm yết", "Hết thời hạn niêm yết"} <= set(said.values())
    phone.get_by_text("Lọc kết quả").click()  # the filters are folded under one control
    phone.get_by_label("Loại").select_option("Ngân sách")
    expect(phone.locator("[data-ckx-status]")).to_contain_text("2 kết quả")
    metas = [m.inner_text() for m in phone.locator(".ckx-search-results__meta").all()]
    assert len(metas) == 2 and all(m.startswith("Ngân sách") for m in metas)


def test_ended_household_list_is_findable_by_its_counts_never_by_its_names(phone, site_url):
    assert search(phone, site_url, "Trịnh Văn Quế") == []
    assert phone.locator("[data-ckx-status]").inner_text().startswith("Không tìm thấy")
    assert search(phone, site_url, "Nguyen Thi Lanh") == ["Niêm yết công khai kết quả rà soát hộ nghèo, hộ cận nghèo năm 2026"]
    assert "Niêm yết công khai kết quả rà soát hộ nghèo, hộ cận nghèo năm 2025" in search(phone, site_url, "ho ngheo")


@pytest.fixture(scope="module")
def many_roads_url(tmp_path_factory):
    """A commune with 25 notices about roads: more results than one screen of search shows."""
    from tests.conftest import FIXTURES, build

    content = tmp_path_factory.mktemp("duong") / "content"
    shutil.copytree(FIXTURES / "sites" / "phuong-nho", content)
    for n in range(1, 26):
        folder = content / "disclosures" / "2026" / f"thong-bao-sua-duong-{n:02d}"
        folder.mkdir(parents=True)
        (folder / "index.md").write_text(
            f"---\ntitle: Thông báo sửa đường tổ {n}\nkind: notice\nissued: 2026-03-01\n---\n"
            "Ủy ban nhân dân phường thông báo đóng đường để sửa chữa. Đề nghị người dân đi đường khác.\n",
            encoding="utf-8")
    output = content.parent / "output"
    assert build(content, output, build_date="2026-03-10").returncode == 0
    yield from serve(output)


def test_search_excerpts_show_real_words_never_the_hidden_copy(phone, many_roads_url):
    search(phone, many_roads_url, "duong")
    excerpt = phone.locator(".ckx-search-results__excerpt").first.inner_text()
    assert "đường" in excerpt and "Đề nghị" in excerpt
    shadow = {"dường", "dóng", "dề", "dường."}
    assert not shadow & set(excerpt.lower().split()), excerpt
    assert phone.locator(".ckx-search-results__excerpt mark").first.inner_text() == "đường"


def test_more_than_twenty_results_can_be_reached(phone, many_roads_url):
    assert len(search(phone, many_roads_url, "sua duong")) == 20
    total = int(re.search(r"Tìm thấy (\d+) kết quả", phone.locator("[data-ckx-status]").inner_text()).group(1))
    assert total >= 25  # the 25 road notices, and the fixture's own notice about repairing a pipe
    phone.get_by_role("button", name="Xem thêm kết quả").click()
    expect(phone.locator(".ckx-search-results__title a")).to_have_count(total)
    assert phone.get_by_role("button", name="Xem thêm kết quả").is_hidden()


def test_content_security_policy_refuses_a_foreign_script(phone, site_url):
    phone.goto(site_url)
    with pytest.raises(PlaywrightError, match=r"Content Security Policy|violates"):
        phone.add_script_tag(content="document.title = 'injected'")
    assert phone.title() != "injected"


def test_search_page_without_javascript_offers_the_listings(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url)
    page.get_by_label("Tìm văn bản, số liệu (gõ có dấu hoặc không dấu)").fill("ho ngheo")
    page.get_by_role("button", name="Tìm").click()
    assert page.url.endswith("/tim-kiem/?q=ho+ngheo")
    assert "cần bật JavaScript" in page.locator("noscript").inner_text() or page.get_by_text("cần bật JavaScript").count()
    assert page.get_by_role("link", name="Đang niêm yết").count() >= 1
    context.close()


@pytest.fixture(scope="module")
def editor(tmp_path_factory, sample_site):
    """What `make editor` runs, over a git repository holding a copy of the sample content: the built site with
    the preview's live check, and the backend on port 8081 (where Decap looks): (repository, editor address)."""
    from plugins.editor.local_backend import ContentStore
    from scripts.ckx import load_settings
    from scripts.editor import BACKEND_PORT, content_validator, serve, serve_backend

    repository = tmp_path_factory.mktemp("kho-noi-dung")
    shutil.copytree(ROOT / "content", repository / "content")
    identity = ["-c", "user.name=Cán bộ", "-c", "user.email=cb@example.invalid"]
    for command in (["init", "-q", "-b", "main"], ["add", "-A"], [*identity, "commit", "-qm", "Nội dung mẫu"]):
        subprocess.run(["git", *command], cwd=repository, check=True)
    site = serve(sample_site, 0, repository / "content")
    port = site.server_address[1]
    store = ContentStore(repository, content_validator(repository, load_settings(ROOT / "pelicanconf.py")))
    backend = serve_backend(store, BACKEND_PORT, port)
    for server in (site, backend):
        threading.Thread(target=server.serve_forever, daemon=True).start()
    yield repository, f"http://127.0.0.1:{port}/"
    for server in (site, backend):
        server.shutdown()
        server.server_close()


def signed_in(browser, editor_url, hash_path=""):
    page = browser.new_page(viewport={"width": 1300, "height": 1000}, locale="vi-VN")
    page.goto(f"{editor_url}admin/{hash_path}")
    page.get_by_role("button", name="Đăng nhập").click()
    return page


def test_editor_in_local_mode_shows_every_collection_and_the_entries(browser, editor):
    page = signed_in(browser, editor[1])
    for label in ["Ngân sách", "Đất đai", "Hộ nghèo, hộ cận nghèo", "Lịch tiếp công dân, lịch họp", "Thông báo",
                  "Trang thông tin"]:
        page.get_by_role("link", name=label, exact=True).wait_for()
    page.get_by_text("2026-10-12 – Công khai tình hình thực hiện dự toán ngân sách xã Hòa An 9 tháng năm 2026").wait_for()
    page.close()


def test_an_officer_creates_a_budget_disclosure_in_the_editor_and_it_is_committed_alone(browser, editor):
    """The first hour: a new budget disclosure with its table and an attachment. The live check names 31/02 before
    the first save; fixed, it says nothing is wrong; saved, the commit is in Vietnamese and holds that entry's
    files and nothing else, in an ASCII folder named after the title."""
    repository, editor_url = editor
    year = dt.date.today().year
    page = signed_in(browser, editor_url, "#/collections/budget/new")
    check = page.frame_locator("iframe").first.locator("section")
    page.get_by_label("Tiêu đề").fill("Công khai quyết toán ngân sách xã năm 2025")
    page.get_by_label("Ngày ban hành").fill(f"31/02/{year}")
    expect(check).to_contain_text("[ngay-khong-hop-le]", timeout=15000)
    page.get_by_label("Ngày ban hành").fill(f"28/02/{year}")
    page.get_by_label("Từ ngày").fill(f"01/03/{year}")
    page.get_by_label("Đến hết ngày").fill(f"31/03/{year}")
    for label, typed in (("Nơi niêm yết", "Trụ sở"), ("Đơn vị tính", "triệu"), ("Giai đoạn", "Quyết toán")):
        page.get_by_label(label).click()
        page.keyboard.type(typed)
        page.keyboard.press("Enter")
    for button, file in (("Thêm bảng số liệu", ROOT / "content/disclosures/2026/du-toan-ngan-sach-2026/thu.csv"),
                         ("Thêm tệp đính kèm", FIXTURES / "sites/phuong-nho/disclosures/2026/thong-bao-tam-ngung-cap-nuoc/"
                                                          "lich-ngung-nuoc.pdf")):
        page.get_by_role("button", name=button).click()
        page.get_by_role("button", name="Chọn một tập tin").last.click()
        with page.expect_file_chooser() as chooser:
            page.get_by_text("Tải lên", exact=True).click()
        chooser.value.set_files(str(file))
        page.get_by_role("button", name="Lấy những cái đã chọn").click()
        if button == "Thêm bảng số liệu":
            page.get_by_label("Bảng này là").click()
            page.keyboard.type("Thu ngân")
            page.keyboard.press("Enter")
    expect(check).to_contain_text("Không có lỗi.", timeout=15000)
    page.get_by_role("button", name="Công bố").click()
    page.get_by_text("Công bố ngay").click()
    folder = f"content/disclosures/{year}/cong-khai-quyet-toan-ngan-sach-xa-nam-2025"
    deadline = time.monotonic() + 60

    def last_commit() -> list[str]:
        return subprocess.run(["git", "log", "-1", "--name-only", "--format=%s"], cwd=repository, capture_output=True,
                              text=True, check=True).stdout.split("\n")

    # the files are written before they are committed: wait for the commit itself (a loaded machine is slow)
    subject = "Thêm: Công khai quyết toán ngân sách xã năm 2025"
    while not (log := last_commit())[0].startswith(subject) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert log[0].startswith(subject), log
    assert sorted(filter(None, log[1:])) == [f"{folder}/index.md", f"{folder}/lich-ngung-nuoc.pdf", f"{folder}/thu.csv"]
    assert subprocess.run(["git", "status", "--porcelain"], cwd=repository, capture_output=True, text=True).stdout == ""
    page.close()


ENGLISH_PHRASES = """() => {
  const out = [];
  const walk = (en, vi) => { for (const [key, value] of Object.entries(en)) {
    if (value && typeof value === "object") walk(value, (vi || {})[key] || {});
    else if (typeof value === "string" && (vi || {})[key] !== value) out.push(value); } };
  walk(CMS.getLocale("en"), CMS.getLocale("vi"));
  return out; }"""


# Every kind pelicanconf.py registers (the registry fills only when the session starts, after collection).
EDITOR_COLLECTIONS = ["budget", "land_use", "poverty", "procedures", "schedule", "consultation", "supervision", "notice"]


@pytest.mark.parametrize("collection", EDITOR_COLLECTIONS)
def test_the_editors_screens_show_no_english(browser, editor, collection):
    """Every kind's new-entry screen, its lists and groups opened, read against Decap's English phrases: none is
    on the screen (Decap's own Vietnamese, completed by plugins/editor/templates/tieng-viet.js)."""
    page = signed_in(browser, editor[1], f"#/collections/{collection}/new")
    page.get_by_label("Tiêu đề").wait_for()
    for button in page.get_by_role("button", name=re.compile("^Thêm ")).all():
        button.click()
    shown = page.locator("body").inner_text()
    chunks = {max(re.split(r"%\{\w+\}", phrase), key=len).strip() for phrase in page.evaluate(ENGLISH_PHRASES)}
    english = sorted(chunk for chunk in chunks if len(chunk) >= 4 and re.search(rf"(?<!\w){re.escape(chunk)}(?!\w)", shown))
    assert english == [], english
    page.close()


@pytest.fixture(scope="module")
def province_url(province_site):
    yield from serve(province_site[0])


def test_the_portal_searches_its_own_index_then_a_chosen_communes_whole_archive(phone, province_url):
    """One index over what every commune posts now and issued this year, in a few requests whatever the
    number of communes; choosing a commune searches its own index of everything it published."""
    fetched = []
    phone.on("request", lambda request: fetched.append(request.url))
    found = {}
    for query in ("2026", "du toan", "ke hoach su dung dat"):
        search(phone, province_url, query)
        for link in phone.locator(".ckx-search-results__title a").all():
            found.setdefault(link.get_attribute("href").split("/")[1], set()).add(query)
    assert set(found) == {"xa-hoa-an", "xa-hoa-binh", "xa-hoa-phong"}
    assert phone.locator(".ckx-search-results__meta").first.inner_text().startswith("Xã ")
    assert [u for u in fetched if "/tim-kiem/chi-muc-" in u] and not [u for u in fetched if "/xa-" in u]
    phone.select_option("#ckx-xa", "xa-hoa-phong")
    # the list is drawn again when the commune's results arrive: wait for it, then read it in one go
    expect(phone.locator(".ckx-search-results__title a:not([href^='/xa-hoa-phong/'])")).to_have_count(0)
    hrefs = phone.locator(".ckx-search-results__title a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs and all(h.startswith("/xa-hoa-phong/") for h in hrefs)
    assert "xa=xa-hoa-phong" in phone.url and [u for u in fetched if "/xa-hoa-phong/pagefind/" in u]
    phone.get_by_text("Lọc kết quả").click()  # the chosen commune's own filters, loaded when opened
    expect(phone.locator("#ckx-loc-0")).to_be_visible()
    phone.reload()  # the address keeps the choice
    expect(phone.locator("#ckx-xa")).to_have_value("xa-hoa-phong")
    expect(phone.locator(".ckx-search-results__title a").first).to_have_attribute("href", re.compile("^/xa-hoa-phong/"))


@pytest.fixture(scope="module")
def later_province_url(tmp_path_factory):
    """A portal over the sample commune built on a day when most of it is more than a year old."""
    output = tmp_path_factory.mktemp("tinh-nam-sau") / "cong"
    result = ckx("province", "--communes", str(ROOT / "content"), "--output", str(output), build_date="2027-06-30")
    assert result.returncode == 0, result.stderr
    yield from serve(output)


def test_a_commune_chosen_on_the_portal_is_searched_in_every_year(phone, later_province_url):
    """The portal's own index holds what is recent; a chosen commune is searched in all its parts, the
    older years merged into its recent part."""
    fetched = []
    phone.on("request", lambda request: fetched.append(request.url))
    search(phone, later_province_url, "hdnd")
    phone.select_option("#ckx-xa", "xa-hoa-an")
    expect(phone.get_by_role("link", name="Công khai dự toán ngân sách xã Hòa An năm 2026 đã được Hội đồng nhân dân "
                                          "xã quyết định")).to_be_visible()
    assert [u for u in fetched if "/xa-hoa-an/pagefind/nam-2026/" in u]
    assert not [u for u in fetched if re.search(r"/pagefind/nam-\d+/(?:wasm|pagefind\.js)", u)]


def test_what_is_typed_while_the_portals_search_loads_is_kept_and_searched(phone, province_url):
    held = []
    phone.route("**/chi-muc-*/pagefind.js", lambda route: held.append(route))
    phone.goto(f"{province_url}tim-kiem/")
    expect(phone.locator("[data-ckx-status]")).to_have_text("Đang tải công cụ tìm kiếm…")
    box = phone.get_by_label("Tìm văn bản của mọi xã, phường (gõ có dấu hoặc không dấu)")
    box.fill("du toan")
    assert len(held) == 1
    held[0].continue_()
    expect(phone.locator(".ckx-search-results__title a").first).to_be_visible()
    assert box.input_value() == "du toan"
    expect(phone.locator("[data-ckx-status]")).to_contain_text("cho “du toan”")


def test_a_communes_own_search_works_inside_the_portal(phone, province_url):
    titles = search(phone, f"{province_url}xa-hoa-an/", "ho ngheo")
    assert "Niêm yết công khai kết quả rà soát hộ nghèo, hộ cận nghèo năm 2026" in titles
    hrefs = [a.get_attribute("href") for a in phone.locator(".ckx-search-results__title a").all()]
    assert hrefs and all(h.startswith("/xa-hoa-an/") for h in hrefs)


PORTAL_PAGES = ["", "dang-niem-yet/", "so-lieu/", "du-lieu/", "tim-kiem/", "nghia-vu/", "nghia-vu/theo-thieu/"]


@pytest.mark.parametrize("width", [360, 1200])
@pytest.mark.parametrize("path", PORTAL_PAGES)
def test_the_portal_passes_axe_and_fits_a_phone(audited_phone, province_url, path, width):
    phone = audited_phone
    phone.set_viewport_size({"width": width, "height": 800})
    phone.goto(province_url + path)
    assert phone.evaluate("document.documentElement.scrollWidth") <= width
    phone.add_script_tag(path=str(AXE))
    result = phone.evaluate("axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})")
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]] == []


def test_the_zalo_message_copies_with_one_tap(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN", bypass_csp=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = context.new_page()
    page.goto(site_url + "cong-khai/2026/ke-hoach-su-dung-dat-2026/")
    page.get_by_role("button", name="Chép tin nhắn").click()
    expect(page.locator("#tin-nhan-trang-thai")).to_have_text(re.compile("Đã chép"))
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == page.locator("#tin-nhan").inner_text().strip()
    assert copied.startswith("[Ủy ban nhân dân xã Hòa An] Công bố công khai kế hoạch sử dụng đất")
    context.close()


def test_without_javascript_the_message_is_there_and_no_button(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "cong-khai/2026/ke-hoach-su-dung-dat-2026/")
    assert "Xem toàn văn: https://hoaan.example.gov.vn/" in page.locator("#tin-nhan").inner_text()
    assert page.get_by_role("button", name="Chép tin nhắn").count() == 0  # hidden: nothing to press
    context.close()


@pytest.fixture(scope="module")
def long_values_url(tmp_path_factory):
    """The longest real values a commune writes: a provincial e-mail address in the contacts and feedback box."""
    from tests.conftest import FIXTURES, build

    root = tmp_path_factory.mktemp("gia-tri-dai")
    shutil.copytree(FIXTURES / "sites" / "phuong-nho", root / "content")
    commune = root / "content" / "commune.yml"
    text = commune.read_text(encoding="utf-8").replace("ubnd.tanlap@example.gov.vn", "ubnd.phuongtanlapdongtam@thainguyen.gov.vn")
    commune.write_text(text, encoding="utf-8")
    result = build(root / "content", root / "output")
    assert result.returncode == 0, result.stderr
    yield from serve(root / "output")


@pytest.mark.parametrize("width", [320, 360])
@pytest.mark.parametrize("path", ["", "cong-khai/2026/thong-bao-tam-ngung-cap-nuoc/", "tim-kiem/", "dang-niem-yet/"])
def test_long_addresses_never_make_a_page_scroll_sideways(browser, long_values_url, path, width):
    context = browser.new_context(viewport={"width": width, "height": 700}, locale="vi-VN")
    page = context.new_page()
    page.goto(long_values_url + path)
    assert "phuongtanlapdongtam" in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


@pytest.mark.parametrize("path", ["cong-khai/2026/thuc-hien-ngan-sach-9-thang-2026/", "cong-khai/2026/ke-hoach-su-dung-dat-2026/"])
def test_chart_text_is_at_least_12px_on_a_360px_phone(phone, site_url, path):
    phone.goto(site_url + path)
    sizes = phone.locator("svg.ckx-chart").first.evaluate(
        "svg => [...svg.querySelectorAll('text')].map(t => svg.getScreenCTM().a * parseFloat(getComputedStyle(t).fontSize))")
    assert sizes and min(sizes) >= 12, sizes


@pytest.mark.parametrize("path", ["cong-khai/2026/ket-qua-tthc-quy-3-2026/", "cong-khai/2026/ra-soat-ho-ngheo-2026/thon-dong/"])
def test_breadcrumbs_take_one_line_on_a_320px_phone(browser, site_url, path):
    context = browser.new_context(viewport={"width": 320, "height": 640}, locale="vi-VN")
    page = context.new_page()
    page.goto(site_url + path)
    crumbs = page.locator(".ckx-breadcrumbs__item")
    boxes = [crumbs.nth(i).bounding_box() for i in range(crumbs.count())]
    assert len(boxes) >= 2 and max(b["y"] for b in boxes) < min(b["y"] + b["height"] for b in boxes), boxes  # one row
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()

