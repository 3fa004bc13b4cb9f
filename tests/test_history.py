"""First-published and last-changed dates from git history."""

import datetime as dt
import subprocess

from plugins.disclosures.history import Change, bundle_history, parse_git_log

LOG = """\x002026-03-05
M\tcontent/disclosures/2026/a/index.md
A\tcontent/disclosures/2026/b/bang.csv
R087\tcontent/disclosures/2026/a/cu.pdf\tcontent/disclosures/2026/a/moi.pdf

\x002026-03-05
A\tcontent/disclosures/2026/b/index.md
M\tcontent/disclosures/2026/b/bang.csv

\x002026-03-01
A\tcontent/disclosures/2026/a/index.md
M\tcontent/pages/gioi-thieu.md
A\tcontent/disclosures/README.md
"""


def git(repository, *args, date):
    """git with a fixed author and date, as an officer's commit on that day."""
    env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": "Cán bộ",
           "GIT_AUTHOR_EMAIL": "cb@example.invalid", "GIT_COMMITTER_NAME": "Cán bộ",
           "GIT_COMMITTER_EMAIL": "cb@example.invalid", "PATH": "/usr/bin:/bin"}
    subprocess.run(["git", *args], cwd=repository, env=env, check=True, capture_output=True)


def test_parse_git_log_keeps_dates_and_each_days_changes_per_bundle():
    history = parse_git_log(LOG, "content/")
    assert set(history) == {"disclosures/2026/a", "disclosures/2026/b"}
    a, b = history["disclosures/2026/a"], history["disclosures/2026/b"]
    assert (a.first, a.last, b.first, b.last) == (dt.date(2026, 3, 1), dt.date(2026, 3, 5), dt.date(2026, 3, 5),
                                                  dt.date(2026, 3, 5))
    assert a.changes == (Change(dt.date(2026, 3, 5), (("index.md", "sửa"), ("moi.pdf", "đổi tên"))),
                         Change(dt.date(2026, 3, 1), (("index.md", "thêm"),)))
    assert b.changes == (Change(dt.date(2026, 3, 5), (("bang.csv", "thêm"), ("index.md", "thêm"))),)


def test_history_of_a_real_repository(tmp_path):
    bundle = tmp_path / "content/disclosures/2026/a"
    bundle.mkdir(parents=True)
    (bundle / "index.md").write_text("một\n", encoding="utf-8")

    git(tmp_path, "init", "-q", date="2026-03-01T08:00:00+07:00")
    git(tmp_path, "add", ".", date="2026-03-01T08:00:00+07:00")
    git(tmp_path, "commit", "-qm", "đăng", date="2026-03-01T08:00:00+07:00")
    (bundle / "index.md").write_text("hai\n", encoding="utf-8")
    git(tmp_path, "commit", "-qam", "sửa", date="2026-03-09T08:00:00+07:00")
    history = bundle_history(tmp_path / "content")["disclosures/2026/a"]
    assert (history.first, history.last) == (dt.date(2026, 3, 1), dt.date(2026, 3, 9))
    assert [c.files for c in history.changes] == [(("index.md", "sửa"),), (("index.md", "thêm"),)]


def test_content_outside_git_has_no_history(tmp_path):
    (tmp_path / "disclosures").mkdir()
    assert bundle_history(tmp_path) == {}


def test_the_page_shows_each_days_changes_without_naming_unpublished_files(tmp_path):
    import hashlib
    import shutil

    from tests.conftest import FIXTURES, build, soup

    repo = tmp_path / "kho"
    shutil.copytree(FIXTURES / "sites/phuong-nho", repo / "content")
    bundle = repo / "content/disclosures/2026/thong-bao-tam-ngung-cap-nuoc"
    (bundle / "ghi-chu-noi-bo.txt").unlink()

    git(repo, "init", "-q", date="2026-03-01T08:00:00+07:00")
    git(repo, "add", ".", date="2026-03-01T08:00:00+07:00")
    git(repo, "commit", "-qm", "Đăng thông báo", date="2026-03-01T08:00:00+07:00")
    text = (bundle / "index.md").read_text(encoding="utf-8")
    (bundle / "index.md").write_text(text.replace("8 giờ", "7 giờ 30"), encoding="utf-8")
    (bundle / "danh-sach-ho-nguyen-van-an.txt").write_text("ghi chép riêng\n", encoding="utf-8")
    git(repo, "add", ".", date="2026-03-04T08:00:00+07:00")
    git(repo, "commit", "-qm", "Sửa giờ; anh Nguyễn Văn An", date="2026-03-04T08:00:00+07:00")

    output = tmp_path / "out"
    result = build(repo / "content", output, "2026-03-10")
    assert result.returncode == 0, result.stderr
    page = soup(output / "cong-khai/2026/thong-bao-tam-ngung-cap-nuoc/index.html")
    days = [li.get_text(" ", strip=True) for li in page.select("#lich-su li")]
    assert days == ["04/03/2026 : sửa Nội dung văn bản; thêm tệp không đăng trên trang.",
                    "01/03/2026 : thêm Lịch ngừng cấp nước; thêm Nội dung văn bản; thêm Sơ đồ khu vực.pdf."]
    html = page.decode()
    assert "nguyen-van-an" not in html and "Nguyễn Văn An" not in html and "Cán bộ" not in html
    assert page.select_one('a[href="#lich-su"]')

    sums = dict(reversed(line.split("  ", 1)) for line in (output / "SHA256SUMS").read_text().splitlines())
    attachment = "cong-khai/2026/thong-bao-tam-ngung-cap-nuoc/lich-ngung-nuoc.pdf"
    published = hashlib.sha256((output / attachment).read_bytes()).hexdigest()  # the clean copy, as the page says
    assert sums[attachment] == published and published in page.select_one(".ckx-attachments__checksum").get_text()
    assert not [name for name in sums if name.endswith(".html") or name.startswith("pagefind/")]
    assert subprocess.run(["sha256sum", "-c", "--quiet", "SHA256SUMS"], cwd=output).returncode == 0
