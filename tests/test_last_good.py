"""The law's clock never stops: a bundle with errors stands as its last good version, everything else moves
with the date, and the names of a poverty list leave the site the day its posting ends, whatever else broke.

Each test keeps the sample commune in a git repository of its own, as a commune does, with commit dates set,
so the last good version is found in history as a fresh CI clone finds it.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, ckx, settings_file, soup
from tests.test_incremental import files

POVERTY = "disclosures/2026/ra-soat-ho-ngheo-2026"
BUDGET = "disclosures/2026/du-toan-ngan-sach-2026"
POSTED = "2026-11-20"  # inside the sample list's posting (18/11 to 24/11)
AFTER = "2026-11-25"  # the day after it ends


def git(repo: Path, *args: str, date: str = "2026-11-15") -> str:
    env = dict(os.environ, GIT_AUTHOR_DATE=f"{date}T08:00:00+07:00", GIT_COMMITTER_DATE=f"{date}T08:00:00+07:00",
               GIT_AUTHOR_NAME="Cán bộ", GIT_AUTHOR_EMAIL="can-bo@example.org", GIT_COMMITTER_NAME="Cán bộ",
               GIT_COMMITTER_EMAIL="can-bo@example.org")
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


def commune_repository(target: Path) -> Path:
    """The sample commune's content/ in a repository of its own, committed on 15/11."""
    shutil.copytree(ROOT / "content", target / "content")
    git(target, "init", "-q", "-b", "main")
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "Nội dung công khai")
    return target / "content"


def household_names() -> list[str]:
    text = (ROOT / "content" / POVERTY / "danh-sach.txt").read_bytes().decode("utf-16")
    return [line.split("\t")[1] for line in text.splitlines() if line.split("\t")[0].isdigit()]


def texts_of(output: Path) -> dict[str, str]:
    """Every file of the site as text a search could match: the search index's compressed parts opened."""
    texts = {}
    for path in output.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix.startswith(".pf_"):
            data = gzip.decompress(data)
        texts[path.relative_to(output).as_posix()] = data.decode("utf-8", errors="ignore")
    return texts


def where_named(output: Path) -> list[str]:
    names = household_names()
    return sorted(rel for rel, text in texts_of(output).items() if any(name in text for name in names))


def build(content: Path, output: Path, build_date: str, cache: Path) -> subprocess.CompletedProcess:
    return ckx("build", "--content", str(content), "--output", str(output), build_date=build_date, cache=str(cache))


def break_budget(content: Path) -> None:
    """An officer types the letter O for a zero into one cell of an unrelated table."""
    table = content / BUDGET / "chi.csv"
    table.write_text(table.read_text(encoding="utf-8-sig").replace("1.950", "1.95O", 1), encoding="utf-8")


@pytest.fixture(scope="module")
def broken_day(tmp_path_factory):
    """Built while the list is posted; then the budget is broken (and committed) and the site is built again
    the day after the posting ends, with the same output and cache: (work folder, content, that run)."""
    work = tmp_path_factory.mktemp("dong-ho")
    content = commune_repository(work / "kho")
    assert build(content, work / "output", POSTED, work / "cache").returncode == 0
    break_budget(content)
    git(work / "kho", "commit", "-q", "-am", "Sửa dự toán", date="2026-11-21")
    return work, content, build(content, work / "output", AFTER, work / "cache")


def test_names_were_online_while_posted(tmp_path):
    """The check below can fail: on a day of the posting the names are on the site."""
    content = commune_repository(tmp_path / "kho")
    assert build(content, tmp_path / "output", POSTED, tmp_path / "cache").returncode == 0
    assert "cong-khai/2026/ra-soat-ho-ngheo-2026/thon-dong/index.html" in where_named(tmp_path / "output")


def test_an_error_elsewhere_never_keeps_names_online(broken_day):
    work, _content, result = broken_day
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{BUDGET}/chi.csv" in result.stderr and "LỖI" in result.stderr
    assert where_named(work / "output") == []
    status = soup(work / "output/cong-khai/2026/ra-soat-ho-ngheo-2026/index.html")
    assert status.select_one(".ckx-disclosure__status .ckx-tag").get_text() == "Hết thời hạn niêm yết"


def test_the_broken_bundle_stands_as_its_last_good_version_and_the_report_says_so(broken_day):
    work, _content, result = broken_day
    page = soup(work / "output/cong-khai/2026/du-toan-ngan-sach-2026/index.html")
    assert "1.950" in page.get_text() and "1.95O" not in page.get_text()
    report = json.loads((work / "output-bao-cao/bao-cao.json").read_text(encoding="utf-8"))
    assert report["published"] is True and report["errors"] is True
    assert report["kept_back"] == [{"path": BUDGET, "version": {"commit": report["kept_back"][0]["version"]["commit"],
                                                                "date": "2026-11-15"}}]
    assert any(issue["file"].startswith(f"{BUDGET}/chi.csv") for issue in report["issues"])
    text = (work / "output-bao-cao/bao-cao.txt").read_text(encoding="utf-8")
    assert f"{BUDGET}: vẫn đăng bản không lỗi gần nhất (ngày 15/11/2026" in text
    assert "vẫn đăng bản không lỗi gần nhất" in result.stderr
    assert not list((work / "output").rglob("bao-cao.*")), "the report is for officers, never on the site"


def test_the_site_kept_back_is_the_site_a_correct_build_gives_that_day(broken_day, tmp_path):
    """Byte for byte what a cold build of the last good content gives on the same day: nothing stale carried
    over from the build while the list was posted (pictures and recordings included), nothing of the broken
    edit, and the page's history ends at the version it shows."""
    work, _content, _result = broken_day
    good = tmp_path / "kho"
    git(work / "kho", "worktree", "add", "-q", str(good), "HEAD~1")
    try:
        reference = build(good / "content", tmp_path / "output", AFTER, tmp_path / "cache")
        assert reference.returncode == 0, reference.stderr
        assert files(work / "output") == files(tmp_path / "output")
    finally:
        git(work / "kho", "worktree", "remove", "--force", str(good))


def test_a_fresh_clone_with_no_cache_finds_the_last_good_version_in_history(broken_day, tmp_path):
    work, _content, _result = broken_day
    subprocess.run(["git", "clone", "-q", str(work / "kho"), str(tmp_path / "ban-sao")], check=True)
    result = build(tmp_path / "ban-sao/content", tmp_path / "output", AFTER, tmp_path / "cache-moi")
    assert result.returncode == 1
    assert files(tmp_path / "output") == files(work / "output")
    assert where_named(tmp_path / "output") == []


def test_without_a_store_the_last_good_versions_read_from_git_leave_nothing_behind(broken_day, tmp_path):
    """With no store (CKX_CACHE="") the last good version is read into a temporary folder, removed when the
    command ends: the command ends without Python's teardown (scripts/ckx.py `exit_at_once`), yet its
    clean-ups run."""
    work, _content, _result = broken_day
    subprocess.run(["git", "clone", "-q", str(work / "kho"), str(tmp_path / "ban-sao")], check=True)
    temporary = tmp_path / "tam"
    temporary.mkdir()
    result = ckx("build", "--content", str(tmp_path / "ban-sao/content"), "--output", str(tmp_path / "output"),
                 build_date=AFTER, cache="", environment={"TMPDIR": str(temporary)})
    assert result.returncode == 1 and "vẫn đăng bản không lỗi gần nhất" in result.stderr
    assert where_named(tmp_path / "output") == []
    assert list(temporary.iterdir()) == []


def test_a_bundle_that_never_passed_is_left_out_and_named(tmp_path):
    content = commune_repository(tmp_path / "kho")
    new = content / "disclosures/2026/thong-bao-moi"
    new.mkdir()
    (new / "index.md").write_text("---\ntitle: Thông báo mới\nkind: notice\nissued: 2026-02-31\n---\nNội dung.\n",
                                  encoding="utf-8")
    result = build(content, tmp_path / "output", AFTER, tmp_path / "cache")
    assert result.returncode == 1 and "[ngay-khong-hop-le]" in result.stderr
    assert not (tmp_path / "output/cong-khai/2026/thong-bao-moi").exists()
    assert (tmp_path / "output/cong-khai/2026/du-toan-ngan-sach-2026/index.html").is_file()
    report = json.loads((tmp_path / "output-bao-cao/bao-cao.json").read_text(encoding="utf-8"))
    assert report["kept_back"] == [{"path": "disclosures/2026/thong-bao-moi", "version": None}]


def test_a_broken_commune_file_keeps_its_last_good_settings_and_the_dates_still_move(tmp_path):
    content = commune_repository(tmp_path / "kho")
    assert build(content, tmp_path / "output", POSTED, tmp_path / "cache").returncode == 0
    (content / "commune.yml").write_text((content / "commune.yml").read_text(encoding="utf-8")
                                         .replace("villages:", "villages: [", 1), encoding="utf-8")
    result = build(content, tmp_path / "output", AFTER, tmp_path / "cache")
    assert result.returncode == 1 and "commune.yml" in result.stderr and "Traceback" not in result.stderr
    assert where_named(tmp_path / "output") == []
    assert soup(tmp_path / "output/cong-khai/2026/ra-soat-ho-ngheo-2026/index.html").select_one(
        ".ckx-disclosure__status .ckx-tag").get_text() == "Hết thời hạn niêm yết"
    report = json.loads((tmp_path / "output-bao-cao/bao-cao.json").read_text(encoding="utf-8"))
    assert [item["path"] for item in report["kept_back"]] == ["commune.yml"]


def test_outside_git_a_broken_bundle_is_left_out_and_the_rest_is_published(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    break_budget(content)
    result = build(content, tmp_path / "output", AFTER, tmp_path / "cache")
    assert result.returncode == 1
    assert not (tmp_path / "output/cong-khai/2026/du-toan-ngan-sach-2026").exists()
    assert where_named(tmp_path / "output") == []
    assert "chưa có bản nào không lỗi trong lịch sử git" in result.stderr


def test_validate_stays_strict(broken_day):
    _work, content, _result = broken_day
    result = ckx("validate", "--content", str(content), build_date=AFTER)
    assert result.returncode == 1 and f"{BUDGET}/chi.csv" in result.stderr


def test_a_broken_theme_is_replaced_by_its_last_good_version_and_the_dates_still_move(tmp_path):
    """A template error stops Pelican: the theme as last committed renders the day instead, and is named."""
    content = commune_repository(tmp_path / "kho")
    shutil.copytree(ROOT / "theme", tmp_path / "kho/theme")
    git(tmp_path / "kho", "add", "-A")
    git(tmp_path / "kho", "commit", "-q", "-m", "Giao diện của xã", date="2026-11-16")
    settings = settings_file(tmp_path, f"THEME = {str(tmp_path / 'kho/theme')!r}")
    assert ckx_with(settings, content, tmp_path / "output", POSTED, tmp_path / "cache").returncode == 0
    (tmp_path / "kho/theme/templates/listing.html").write_text("{% block %}", encoding="utf-8")
    result = ckx_with(settings, content, tmp_path / "output", AFTER, tmp_path / "cache")
    assert result.returncode == 1 and "[xay-dung-that-bai]" in result.stderr and "Traceback" not in result.stderr
    assert "theme/ (giao diện): vẫn đăng bản không lỗi gần nhất (ngày 16/11/2026" in result.stderr
    assert where_named(tmp_path / "output") == []
    assert soup(tmp_path / "output/cong-khai/2026/ra-soat-ho-ngheo-2026/index.html").select_one(
        ".ckx-disclosure__status .ckx-tag").get_text() == "Hết thời hạn niêm yết"


def ckx_with(settings: Path, content: Path, output: Path, build_date: str, cache: Path,
             environment: dict[str, str] | None = None):
    return ckx("build", "--content", str(content), "--output", str(output), "--settings", str(settings),
               build_date=build_date, cache=str(cache), environment=environment)


def test_last_good_versions_unused_for_a_month_are_forgotten(tmp_path):
    """The versions taken from git are entries of the store under its one pruning rule: used, they are
    touched; a month unused, they go with the next load's pruning."""
    from plugins.disclosures import store
    from plugins.disclosures.last_good import GitVersions

    content = commune_repository(tmp_path / "kho")
    break_budget(content)
    cache = tmp_path / "cache"
    version = next(GitVersions(content, cache, 2**20).versions(BUDGET))
    assert version.root.parent == cache / "ban-tot" and (version.root / BUDGET / "index.md").is_file()
    forgotten = cache / "ban-tot" / "a1b2"
    forgotten.mkdir()
    month_ago = time.time() - (store.UNUSED_DAYS + 1) * 86400
    for folder in (forgotten, version.root):
        os.utime(folder, (month_ago, month_ago))
    assert next(GitVersions(content, cache, 2**20).versions(BUDGET)).root == version.root  # used again
    store.prune(cache)
    assert not forgotten.exists() and version.root.is_dir()


def test_two_bundles_with_the_same_files_each_find_their_last_good_version(tmp_path):
    """A bundle copied to a second folder has the same git object: each is written out where it sits."""
    content = commune_repository(tmp_path / "kho")
    shutil.copytree(content / BUDGET, content / "disclosures/2026/du-toan-ban-sao")
    git(tmp_path / "kho", "add", "-A")
    git(tmp_path / "kho", "commit", "-q", "-m", "Bản sao", date="2026-11-16")
    break_budget(content)
    table = content / "disclosures/2026/du-toan-ban-sao/chi.csv"
    table.write_text(table.read_text(encoding="utf-8-sig").replace("1.950", "1.95O", 1), encoding="utf-8")
    result = build(content, tmp_path / "output", AFTER, tmp_path / "cache")
    assert result.returncode == 1
    report = json.loads((tmp_path / "output-bao-cao/bao-cao.json").read_text(encoding="utf-8"))
    assert sorted((item["path"], item["version"] is not None) for item in report["kept_back"]) == sorted([
        (BUDGET, True), ("disclosures/2026/du-toan-ban-sao", True)])
    for slug in ("du-toan-ngan-sach-2026", "du-toan-ban-sao"):
        assert "1.950" in (tmp_path / f"output/cong-khai/2026/{slug}/index.html").read_text(encoding="utf-8")


MARK = "⟂"  # a sign an officer might paste into a title; the test's theme fails on it, as a template fault would


def test_a_disclosure_whose_page_cannot_be_made_is_kept_back_and_the_rest_moves_with_the_date(tmp_path):
    """Content that passes every check and still fails to render (a fault of the theme or the code) keeps the
    rest of the day's site: the budget stands as its last version in git, a new bundle never committed is
    left out, both named in one error, and the names of the ended poverty list leave the site. On two cores,
    so the failures come back from the worker."""
    content = commune_repository(tmp_path / "kho")
    shutil.copytree(ROOT / "theme", tmp_path / "kho/theme")
    page = tmp_path / "kho/theme/templates/disclosure.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "{% block content %}", f'{{% block content %}}{{% if "{MARK}" in d.title %}}{{{{ d.title.no_such() }}}}{{% endif %}}', 1),
        encoding="utf-8")
    git(tmp_path / "kho", "add", "-A")
    git(tmp_path / "kho", "commit", "-q", "-m", "Giao diện của xã", date="2026-11-16")
    settings = settings_file(tmp_path, f"THEME = {str(tmp_path / 'kho/theme')!r}")
    assert ckx_with(settings, content, tmp_path / "output", POSTED, tmp_path / "cache").returncode == 0
    index = content / BUDGET / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("\ntitle: ", f"\ntitle: {MARK} ", 1), encoding="utf-8")
    git(tmp_path / "kho", "commit", "-q", "-am", "Sửa tiêu đề", date="2026-11-21")
    shutil.copytree(content / BUDGET, content / "disclosures/2026/du-toan-moi")
    result = ckx_with(settings, content, tmp_path / "output", AFTER, tmp_path / "cache", {"CKX_WORKERS": "2"})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.count("[khong-tao-duoc-trang]") == 1  # one cause, one message
    assert f"không tạo được trang của 2 hồ sơ disclosures/2026/du-toan-moi, {BUDGET}" in result.stderr
    report = json.loads((tmp_path / "output-bao-cao/bao-cao.json").read_text(encoding="utf-8"))
    assert report["published"] is True
    assert sorted((item["path"], item["version"] and item["version"]["date"]) for item in report["kept_back"]) == [
        ("disclosures/2026/du-toan-moi", None), (BUDGET, "2026-11-15")]
    texts = texts_of(tmp_path / "output")
    assert not [rel for rel, text in texts.items() if MARK in text or "du-toan-moi" in text]
    assert "Hội đồng nhân dân" in soup(tmp_path / "output/cong-khai/2026/du-toan-ngan-sach-2026/index.html").h1.get_text()
    assert where_named(tmp_path / "output") == []
    assert soup(tmp_path / "output/cong-khai/2026/ra-soat-ho-ngheo-2026/index.html").select_one(
        ".ckx-disclosure__status .ckx-tag").get_text() == "Hết thời hạn niêm yết"


def test_a_disclosure_whose_printed_sheet_cannot_be_made_is_kept_back_and_the_search_leaves_nothing_behind(tmp_path):
    """A channel's part fails after the search index was started for the rendering: that rendering is given up
    whole (its Pagefind runs stopped, their folders gone) and the next keeps the disclosure back. Outside git
    it is left out."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "theme", tmp_path / "theme")
    sheet = (ROOT / "plugins/sheets/templates/sheet.html").read_text(encoding="utf-8")
    (tmp_path / "theme/templates/sheet.html").write_text(sheet.replace(
        "{% set d = disclosure %}", '{% set d = disclosure %}{% if d.kind == "schedule" %}{{ d.no_such() }}{% endif %}', 1),
        encoding="utf-8")
    settings = settings_file(tmp_path, f"THEME = {str(tmp_path / 'theme')!r}")
    result = ckx_with(settings, tmp_path / "content", tmp_path / "output", POSTED, tmp_path / "cache")
    assert result.returncode == 1 and "Traceback" not in result.stderr and "[khong-tao-duoc-trang]" in result.stderr
    report = json.loads((tmp_path / "output-bao-cao/bao-cao.json").read_text(encoding="utf-8"))
    schedules = sorted(path.parent.relative_to(tmp_path / "content").as_posix()
                       for path in (tmp_path / "content/disclosures").glob("*/*/index.md")
                       if "\nkind: schedule" in path.read_text(encoding="utf-8"))
    assert schedules and [item["path"] for item in report["kept_back"]] == schedules
    assert all(item["version"] is None for item in report["kept_back"])
    for folder in schedules:
        assert not (tmp_path / "output/cong-khai" / folder.removeprefix("disclosures/")).exists()
    assert (tmp_path / "output/cong-khai/2026/ra-soat-ho-ngheo-2026/in/index.html").is_file()  # the others printed
    assert (tmp_path / "output/pagefind/pagefind-entry.json").is_file()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_site_that_cannot_be_completed_is_not_published_and_the_last_one_stays(tmp_path):
    """The disk fills as SHA256SUMS is written, after the rendering, while the search's parts are still being
    made beside it: nothing is published, the last site stays whole, the cause is named once (no traceback),
    and neither the staging folder nor a search work folder is left beside the site."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    normal = settings_file(tmp_path, "DEFAULT_LANG = \"vi\"")
    assert ckx_with(normal, tmp_path / "content", tmp_path / "output", POSTED, tmp_path / "cache").returncode == 0
    before = files(tmp_path / "output")
    full = tmp_path / "day-dia.py"
    full.write_text(normal.read_text(encoding="utf-8") + (
        "import errno, plugins.disclosures.checksums as checksums\n"
        "def _full(path, data):\n"
        "    raise OSError(errno.ENOSPC, 'No space left on device', str(path))\n"
        "checksums.write_atomically = _full\n"), encoding="utf-8")
    (tmp_path / "content/disclosures/2026/du-toan-ngan-sach-2026/index.md").open("a", encoding="utf-8").write("Sửa.\n")
    result = ckx_with(full, tmp_path / "content", tmp_path / "output", AFTER, tmp_path / "cache")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.count("[xay-dung-that-bai]") == 1 and "không ghi xong được trang mới" in result.stderr
    assert files(tmp_path / "output") == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
