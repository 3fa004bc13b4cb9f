"""First-published and last-changed dates from git history."""

import datetime as dt
import subprocess

from plugins.disclosures.history import bundle_history, parse_git_log

LOG = """\x002026-03-05
content/disclosures/2026/a/index.md
content/disclosures/2026/b/bang.csv

\x002026-03-01
content/disclosures/2026/a/index.md
content/pages/gioi-thieu.md
content/disclosures/README.md
"""


def test_parse_git_log_keeps_first_and_last_date_per_bundle():
    assert parse_git_log(LOG, "content/") == {
        "disclosures/2026/a": (dt.date(2026, 3, 1), dt.date(2026, 3, 5)),
        "disclosures/2026/b": (dt.date(2026, 3, 5), dt.date(2026, 3, 5)),
    }


def test_history_of_a_real_repository(tmp_path):
    bundle = tmp_path / "content/disclosures/2026/a"
    bundle.mkdir(parents=True)
    (bundle / "index.md").write_text("một\n", encoding="utf-8")

    def git(*args, date):
        env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": "Cán bộ",
               "GIT_AUTHOR_EMAIL": "cb@example.invalid", "GIT_COMMITTER_NAME": "Cán bộ",
               "GIT_COMMITTER_EMAIL": "cb@example.invalid", "PATH": "/usr/bin:/bin"}
        subprocess.run(["git", *args], cwd=tmp_path, env=env, check=True, capture_output=True)

    git("init", "-q", date="2026-03-01T08:00:00+07:00")
    git("add", ".", date="2026-03-01T08:00:00+07:00")
    git("commit", "-qm", "đăng", date="2026-03-01T08:00:00+07:00")
    (bundle / "index.md").write_text("hai\n", encoding="utf-8")
    git("commit", "-qam", "sửa", date="2026-03-09T08:00:00+07:00")
    assert bundle_history(tmp_path / "content") == {"disclosures/2026/a": (dt.date(2026, 3, 1), dt.date(2026, 3, 9))}


def test_content_outside_git_has_no_history(tmp_path):
    (tmp_path / "disclosures").mkdir()
    assert bundle_history(tmp_path) == {}
