"""Real Pelican builds of tiny fixture sites, checked by CSS selector."""

import hashlib
import itertools
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import FIXTURES, ROOT, build, ckx, copy_site, settings_file, soup

DISCLOSURE = "cong-khai/2026/thong-bao-tam-ngung-cap-nuoc/index.html"


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("page", ["index.html", DISCLOSURE, "dang-niem-yet/index.html", "thon/to-1/index.html",
                                  "loai/thong-bao/index.html", "nam/2025/index.html", "gioi-thieu/index.html"])
def test_every_page_is_vietnamese_with_one_h1_and_a_main(small_site, page):
    html = soup(small_site / page)
    assert html.html["lang"] == "vi"
    assert len(html.select("h1")) == 1
    assert html.select_one("main#noi-dung")
    assert html.select_one("a.ckx-skip-link[href='#noi-dung']")
    assert html.select_one("meta[name=viewport]")["content"] == "width=device-width, initial-scale=1"
    # reading never needs JavaScript: the one script outside search only adds a copy button to the Zalo message
    assert [s["src"] for s in html.select("script")] in ([], ["/theme/js/sao-chep.js"])
    if html.select("script"):
        assert html.select_one("#tin-nhan").get_text().strip() and html.select_one("[data-ckx-copy]").has_attr("hidden")


def test_headings_never_skip_a_level(small_site):
    for page in small_site.rglob("*.html"):
        levels = [int(h.name[1]) for h in soup(page).select("h1, h2, h3, h4, h5, h6")]
        for before, after in itertools.pairwise(levels):
            assert after <= before + 1, f"{page}: h{before} then h{after}"


def test_disclosure_page_shows_decree_42_metadata_and_posting(small_site):
    html = soup(small_site / DISCLOSURE)
    facts = {dt.get_text(strip=True): dd.get_text(" ", strip=True)
             for dt, dd in zip(html.select(".ckx-summary-list__key"), html.select(".ckx-summary-list__value"),
                               strict=True)}
    assert facts["Cơ quan ban hành"] == "ỦY BAN NHÂN DÂN PHƯỜNG TÂN LẬP"
    assert facts["Số, ký hiệu"] == "12/TB-UBND"
    assert facts["Ngày ban hành"] == "01/03/2026"
    assert facts["Trích yếu"] == "Thông báo tạm ngừng cấp nước để sửa chữa đường ống"
    assert facts["Nơi niêm yết"] == "Trụ sở Ủy ban nhân dân Nhà văn hóa các thôn, tổ dân phố Trang thông tin điện tử"
    assert facts["Thôn liên quan"] == "Tổ dân phố 1"
    assert html.select_one(".ckx-disclosure__status .ckx-tag").get_text() == "Đang niêm yết"
    assert html.select_one(".ckx-disclosure__status time")["datetime"] == "2026-03-02"


def test_markdown_tables_have_header_scope(small_site):
    html = soup(small_site / DISCLOSURE)
    headers = html.select(".ckx-prose table thead th")
    assert [th.get_text() for th in headers] == ["Ngày", "Khu vực"]
    assert all(th["scope"] == "col" for th in headers)


def test_only_declared_attachments_are_published(small_site):
    folder = small_site / "cong-khai/2026/thong-bao-tam-ngung-cap-nuoc"
    source = FIXTURES / "sites/phuong-nho/disclosures/2026/thong-bao-tam-ngung-cap-nuoc"
    published = PdfReader(folder / "lich-ngung-nuoc.pdf")  # the clean copy: the same pages, nothing else
    assert published.pages[0].extract_text() == PdfReader(source / "lich-ngung-nuoc.pdf").pages[0].extract_text()
    assert not (folder / "ghi-chu-noi-bo.txt").exists()
    assert not (folder / "index.md").exists()
    links = soup(folder / "index.html").select("a.ckx-attachments__link")
    assert [(a["href"], a.get_text()) for a in links] == [
        ("/cong-khai/2026/thong-bao-tam-ngung-cap-nuoc/lich-ngung-nuoc.pdf", "Lịch ngừng cấp nước"),
        ("/cong-khai/2026/thong-bao-tam-ngung-cap-nuoc/S%C6%A1%20%C4%91%E1%BB%93%20khu%20v%E1%BB%B1c.pdf",
         "Sơ đồ khu vực.pdf"),
    ]
    assert (folder / "Sơ đồ khu vực.pdf").is_file()
    checksum = hashlib.sha256((folder / "lich-ngung-nuoc.pdf").read_bytes()).hexdigest()
    assert checksum in soup(folder / "index.html").select_one(".ckx-attachments__checksum").get_text()


def test_listings_group_by_kind_year_village_and_now(small_site):
    def titles(page):
        return [a.get_text() for a in soup(small_site / page).select(".ckx-disclosure-list__title a")]

    water = "Thông báo tạm ngừng cấp nước để sửa chữa đường ống"
    rules = "Quyết định ban hành quy chế làm việc của Ủy ban nhân dân phường"
    assert titles("dang-niem-yet/index.html") == [water]
    assert titles("loai/thong-bao/index.html") == [water, rules]
    assert titles("nam/2025/index.html") == [rules]
    assert titles("thon/to-1/index.html") == [water, water]  # posted at its house, and names it
    assert titles("thon/to-2/index.html") == [water]  # posted at all villages only
    assert titles("index.html")[0] == water


@pytest.mark.parametrize(("build_date", "label"), [
    ("2026-03-01", "Sắp niêm yết"), ("2026-03-31", "Đang niêm yết"), ("2026-04-01", "Hết thời hạn niêm yết")])
def test_posting_status_follows_build_date(tmp_path, build_date, label):
    result = build(FIXTURES / "sites/phuong-nho", tmp_path / "out", build_date=build_date)
    assert result.returncode == 0, result.stderr
    assert soup(tmp_path / "out" / DISCLOSURE).select_one(".ckx-disclosure__status .ckx-tag").get_text() == label


def test_a_bundle_with_errors_is_left_out_and_the_rest_is_published(tmp_path):
    """Outside git a broken bundle has no last good version (tests/test_last_good.py has those): the rest of
    the site moves with the date, the build ends non-zero, and nothing is left beside the output but the report."""
    site = copy_site("phuong-nho", tmp_path)
    output = tmp_path / "output"
    assert build(site, output).returncode == 0
    index = site / "disclosures/2026/thong-bao-tam-ngung-cap-nuoc/index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("2026-03-01", "2026-02-31"), encoding="utf-8")
    result = build(site, output, build_date="2026-04-10")
    assert result.returncode == 1 and "[ngay-khong-hop-le]" in result.stderr
    assert not (output / DISCLOSURE).exists()
    assert "thong-bao-tam-ngung-cap-nuoc" not in (output / "index.html").read_text(encoding="utf-8")
    deadline = time.monotonic() + 60  # the replaced version is removed by a process of its own
    while len(list(tmp_path.iterdir())) > 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output", "output-bao-cao", "phuong-nho"]


def test_a_pipe_in_the_content_is_named_never_read_and_the_rest_is_published(tmp_path):
    """A named pipe (or a device) is no file: reading one waits for ever. The fingerprint of what the site is
    made from read every file's bytes before the check could name it, and `make html` hung; validate named it."""
    site = copy_site("phuong-nho", tmp_path)
    os.mkfifo(site / "pages/ong-dan")
    result = ckx("build", "--content", str(site), "--output", str(tmp_path / "output"), cache=str(tmp_path / "kho"),
                 timeout=600)
    assert result.returncode == 1 and "pages/ong-dan LỖI [tep-dac-biet]" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "output" / DISCLOSURE).is_file()


def test_links_in_the_pages_folder_are_never_walked_by_pelican(tmp_path):
    """Pelican found pages by walking content/pages with every link followed: two links back to the folder made
    that walk endless (and one to / walked the whole machine), though the check had walked each folder once.
    It is now handed the pages the check passed, by file."""
    site = copy_site("phuong-nho", tmp_path)
    (site / "pages/a").symlink_to(".")
    (site / "pages/b").symlink_to(".")
    result = ckx("build", "--content", str(site), "--output", str(tmp_path / "output"), cache=str(tmp_path / "kho"),
                 timeout=600)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "output/gioi-thieu/index.html").is_file()


def test_folders_nested_deeper_than_pythons_recursion_are_walked_without_a_traceback(tmp_path):
    """Hostile or mistaken content: a folder inside a folder, past Python's thousand frames. Each walk of the
    content (its check and the fingerprint of what the site is made from) goes without recursion, which
    stopped with a traceback."""
    site = copy_site("phuong-nho", tmp_path)
    os.mkdir(site / "a")
    deep = os.open(site / "a", os.O_RDONLY)
    for _ in range(1100):  # each made from the last, never by its long path
        os.mkdir("a", dir_fd=deep)
        inner = os.open("a", os.O_RDONLY, dir_fd=deep)
        os.close(deep)
        deep = inner
    os.close(deep)
    try:
        for command in ("validate", "build"):
            result = ckx(command, "--content", str(site), "--output", str(tmp_path / "output"),
                         cache=str(tmp_path / "kho"))
            assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
        assert (tmp_path / "output" / DISCLOSURE).is_file()
    finally:  # pytest removes old temporary folders by recursion too: the chain goes here, one level at a time
        level, moved = site / "a", 0
        while (level / "a").is_dir():
            os.rename(level / "a", tmp_path / f"tang-{moved}")
            os.rmdir(level)
            level, moved = tmp_path / f"tang-{moved}", moved + 1
        os.rmdir(level)


def test_every_line_reaches_a_pipe_though_the_build_ends_without_pythons_teardown(tmp_path):
    """The command ends with os._exit (scripts/ckx.py `exit_at_once`): what it printed to a buffered pipe
    (no PYTHONUNBUFFERED, as under make or CI) is still read to its last line, on both streams."""
    site = copy_site("phuong-nho", tmp_path)
    index = site / "disclosures/2026/thong-bao-tam-ngung-cap-nuoc/index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("2026-03-01", "2026-02-31"), encoding="utf-8")
    result = ckx("build", "--content", str(site), "--output", str(tmp_path / "output"), build_date="2026-04-10",
                 environment={"PYTHONUNBUFFERED": None})
    assert result.returncode == 1
    assert result.stdout.rstrip().splitlines()[-1].startswith("Đã xây dựng trang vào")
    assert "[ngay-khong-hop-le]" in result.stderr and "thong-bao-tam-ngung-cap-nuoc" in result.stderr.splitlines()[-1]


def test_plain_pelican_builds_the_same_site_as_make_html(tmp_path):
    """The project is a Pelican plugin suite: `pelican content -s pelicanconf.py` gives, byte for byte, the site
    `make html` gives (the search index aside: Pagefind's fragment names are not stable between runs)."""
    from tests.test_incremental import files

    env = {k: v for k, v in os.environ.items() if k not in ("CKX_EDITOR_LOCAL",)} | {
        "BUILD_DATE": "2026-03-10", "CKX_CACHE": ""}
    site = FIXTURES / "sites/phuong-nho"
    subprocess.run([sys.executable, "-m", "pelican", str(site), "-s", str(ROOT / "pelicanconf.py"), "-o",
                    str(tmp_path / "pelican")], cwd=ROOT, env=env, check=True, capture_output=True)
    subprocess.run([sys.executable, str(ROOT / "scripts/ckx.py"), "build", "--content", str(site), "--output",
                    str(tmp_path / "make")], cwd=ROOT, env=env, check=True, capture_output=True)
    plain, ours = files(tmp_path / "pelican"), files(tmp_path / "make")
    assert "SHA256SUMS" in plain and len(plain) > 20
    assert plain == ours


def test_a_page_with_errors_is_left_out_and_named(tmp_path):
    site = copy_site("phuong-nho", tmp_path)
    (site / "pages/lien-he.md").write_text("Không có front matter\n", encoding="utf-8")
    result = build(site, tmp_path / "output", build_date="2026-03-10")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "pages/lien-he.md: trang này chưa đăng cho tới khi sửa xong." in result.stderr
    assert (tmp_path / "output/gioi-thieu/index.html").is_file() and not (tmp_path / "output/lien-he").exists()
    assert (tmp_path / "output" / DISCLOSURE).is_file()


def test_broken_template_fails_the_build_without_touching_output(tmp_path, monkeypatch):
    output = tmp_path / "output"
    assert build(FIXTURES / "sites/phuong-nho", output).returncode == 0
    before = snapshot(output)
    settings = tmp_path / "pelicanconf.py"
    root = Path(__file__).resolve().parent.parent
    settings.write_text((root / "pelicanconf.py").read_text(encoding="utf-8")
                        + f"\nTHEME = {str(tmp_path / 'theme')!r}\n", encoding="utf-8")
    import shutil
    shutil.copytree(root / "theme", tmp_path / "theme")
    (tmp_path / "theme/templates/listing.html").write_text("{% block %}", encoding="utf-8")
    result = ckx("build", "--content", str(FIXTURES / "sites/phuong-nho"), "--output", str(output),
                 "--settings", str(settings))
    assert result.returncode == 1
    assert snapshot(output) == before


def test_validate_reports_file_and_line_and_fails(tmp_path):
    site = copy_site("phuong-nho", tmp_path)
    index = site / "disclosures/2026/thong-bao-tam-ngung-cap-nuoc/index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("2026-03-01", "2026-02-31")
                     .replace("[to-1]", "[to-9]"), encoding="utf-8")
    (site / "pages/lien-he.md").write_text("Không có front matter\n", encoding="utf-8")
    result = ckx("validate", "--content", str(site))
    assert result.returncode == 1
    assert "disclosures/2026/thong-bao-tam-ngung-cap-nuoc/index.md:5 LỖI [ngay-khong-hop-le]" in result.stderr
    assert "disclosures/2026/thong-bao-tam-ngung-cap-nuoc/index.md:10 LỖI [thon-khong-co]" in result.stderr
    assert "pages/lien-he.md:1 LỖI [thieu-front-matter]" in result.stderr
    assert "Tổng cộng: 3 lỗi" in result.stderr


def test_unsafe_markdown_never_reaches_the_output(tmp_path):
    output = tmp_path / "out"
    result = build(FIXTURES / "sites/giai-thich-doc-hai", output)
    assert result.returncode == 0, result.stderr
    page = output / "cong-khai/2026/thong-bao-co-ma-doc/index.html"
    html = soup(page)
    assert not html.select("iframe, [style]")
    assert [s.get("src") for s in html.select("script")] == ["/theme/js/sao-chep.js"]  # the theme's own, only
    assert not [tag for tag in html.find_all(True) if any(a.startswith("on") for a in tag.attrs)]
    assert "javascript:" not in page.read_text(encoding="utf-8")
    assert "<script>" in html.select_one("h1").get_text(), "the title is shown as text, escaped"
    assert html.select_one(".ckx-prose").get_text().count("Mời bà con dự họp") == 1


def test_listings_are_paginated(tmp_path):
    settings = settings_file(tmp_path, "CKX_LISTING_PAGE_SIZE = 1")
    output = tmp_path / "out"
    result = ckx("build", "--content", str(FIXTURES / "sites/phuong-nho"), "--output", str(output),
                 "--settings", str(settings), build_date="2026-03-10")
    assert result.returncode == 0, result.stderr
    first, second = soup(output / "loai/thong-bao/index.html"), soup(output / "loai/thong-bao/trang-2/index.html")
    assert len(first.select(".ckx-disclosure-list__item")) == len(second.select(".ckx-disclosure-list__item")) == 1
    assert first.select_one('.ckx-pagination a[rel="next"]')["href"] == "/loai/thong-bao/trang-2/"
    assert second.select_one('.ckx-pagination a[rel="prev"]')["href"] == "/loai/thong-bao/"
    assert "(trang 2/2)" in second.title.get_text()


@pytest.mark.parametrize("broken", [False, True], ids=["ok", "a-bundle-kept-back"])
def test_kill_during_build_leaves_the_previous_site_and_the_next_build_cleans_up(tmp_path, broken):
    """`kill -9` while Pelican writes: output/ still serves the previous site byte for byte; the staging folder
    left behind is removed by the next build, which publishes. The same when a bundle is kept back for errors:
    the old site or the new, never a mix. Two builds first, so the killed one starts from the site the second
    replaced (staging.py's standby), whose files are hard links of the published ones: none is written through."""
    site, output = copy_site("phuong-nho", tmp_path / "noi-dung"), tmp_path / "out"
    assert build(site, output, build_date="2026-03-09").returncode == 0
    assert build(site, output, build_date="2026-03-10").returncode == 0
    before = snapshot(output)
    started = time.time()
    if broken:
        index = site / "disclosures/2025/quyet-dinh-chi-dang-tren-trang/index.md"
        index.write_text(index.read_text(encoding="utf-8").replace("issued: ", "issued: 31/02/", 1), encoding="utf-8")
    command = [sys.executable, str(ROOT / "scripts" / "ckx.py"), "build", "--content", str(site), "--output", str(output)]
    process = subprocess.Popen(command, env=dict(os.environ, BUILD_DATE="2026-04-10"), cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while not any(page.stat().st_mtime >= started for staging in tmp_path.glob(".out.moi-*")
                  for page in staging.glob("cong-khai/*/*/index.html")) and time.monotonic() < deadline:
        time.sleep(0.01)  # until Pelican has started writing pages into the staging folder
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert snapshot(output) == before
    assert list(tmp_path.glob(".out.moi-*")), "the killed build left its staging folder (the case to clean up)"
    assert build(site, output, build_date="2026-04-10").returncode == (1 if broken else 0)
    deadline = time.monotonic() + 60  # the replaced version is removed by a process of its own
    while len(list(tmp_path.iterdir())) > 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["noi-dung", "out", "out-bao-cao"]  # and the report
    assert snapshot(output) != before
    assert (output / "cong-khai/2025/quyet-dinh-chi-dang-tren-trang").exists() is not broken


def test_swap_exchanges_whole_folders_and_cleans_only_dead_builds(tmp_path):
    from plugins.disclosures.staging import clean_stale, new_staging, swap

    target = tmp_path / "output"
    target.mkdir()
    (target / "cu.txt").write_text("cũ", encoding="utf-8")
    dead = tmp_path / ".output.moi-999999999-x"  # no such process
    dead.mkdir()
    staging = new_staging(target)
    assert not dead.exists() and staging.exists(), "a dead build's folder goes, this build's stays"
    (staging / "moi.txt").write_text("mới", encoding="utf-8")
    swap(staging, target)
    assert [p.name for p in target.iterdir()] == ["moi.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]
    assert clean_stale(target) == []


def test_a_theme_overrides_one_kind_template_by_its_namespaced_name(tmp_path):
    """Kinds' templates are found as "<kind>/page.html" after the theme's own folder: a commune's theme
    replaces the budget's partial with templates/budget/page.html and keeps every other kind's."""
    import shutil

    root = Path(__file__).resolve().parent.parent
    shutil.copytree(root / "theme", tmp_path / "theme")
    (tmp_path / "theme/templates/budget").mkdir()
    (tmp_path / "theme/templates/budget/page.html").write_text(
        '<p class="mau-rieng">{{ d.shown.data.tables|length }} bảng, {{ d.shown.key_figure }}</p>', encoding="utf-8")
    settings = tmp_path / "cai-dat.py"
    settings.write_text((root / "pelicanconf.py").read_text(encoding="utf-8")
                        + f"\nTHEME = {str(tmp_path / 'theme')!r}\n", encoding="utf-8")
    output = tmp_path / "output"
    result = ckx("build", "--content", str(FIXTURES / "sites/xa-ngan-sach"), "--output", str(output),
                 "--settings", str(settings))
    assert result.returncode == 0, result.stderr
    page = soup(output / "cong-khai/2026/du-toan-2026/index.html")
    override = page.select_one(".mau-rieng")
    key_figure = page.select_one(".ckx-key-figure").get_text()
    assert key_figure.startswith("Tổng thu") and override.get_text() == f"1 bảng, {key_figure}"  # thu.csv
    assert page.select_one(".ckx-budget") is None  # the kind's own partial is replaced, not added to


def test_make_serve_answers_in_vietnamese_and_lists_no_folder(small_site, tmp_path):
    """A missing page and a folder without index.html both get the site's own Vietnamese 404, never Python's
    English error page or a listing of files."""
    import http.client
    import threading

    from scripts.serve import serve

    for name in ("index.html", "404.html"):
        (tmp_path / name).write_bytes((small_site / name).read_bytes())
    (tmp_path / "thu-muc-rong").mkdir()
    server = serve(tmp_path, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        for path in ("/khong-co/", "/thu-muc-rong/"):
            connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read().decode("utf-8")
            assert response.status == 404 and 'lang="vi"' in body and "Directory listing" not in body, path
        connection.request("GET", "/")
        assert connection.getresponse().status == 200
    finally:
        server.shutdown()
        server.server_close()
