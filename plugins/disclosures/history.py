"""When each bundle was first published and last changed, and what changed on which day, from git history.

Disclosures must never change silently (design §5): each page shows the two
dates and its change history, day by day, naming the files that changed. One
`git log` call covers every bundle, so the cost does not grow with the number
of disclosures. Commit messages and authors are never published: they are not
content, and nothing checked them for personal data. Content outside a git
repository has no history, and the pages then simply omit it.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path

ACTIONS = {"A": "thêm", "M": "sửa", "D": "xóa", "R": "đổi tên", "C": "chép", "T": "sửa"}


@dataclass(frozen=True)
class Change:
    """One day's changes to a bundle: (file name inside the bundle, action) pairs, sorted."""

    date: dt.date
    files: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class BundleHistory:
    first: dt.date
    last: dt.date
    changes: tuple[Change, ...]  # newest first


def parse_git_log(output: str, prefix: str) -> dict[str, BundleHistory]:
    """Map bundle folders ("disclosures/2026/x") to their history.

    `output` is `git log --format=%x00%cs --name-status`: newest first, each
    commit a NUL + date line followed by "M<tab>path" lines (a rename gives two
    paths, the new one last); `prefix` is the content folder's path inside the
    repository ("content/").
    """
    days: dict[str, dict[dt.date, dict[str, str]]] = {}
    date = None
    for line in output.splitlines():
        if line.startswith("\x00"):
            date = dt.date.fromisoformat(line[1:].strip())
            continue
        fields = line.split("\t")
        if len(fields) < 2 or date is None:
            continue
        path = fields[-1]
        if not path.startswith(prefix):
            continue
        parts = path[len(prefix):].split("/")
        if len(parts) < 4 or parts[0] != "disclosures":
            continue
        bundle, name = "/".join(parts[:3]), "/".join(parts[3:])
        files = days.setdefault(bundle, {}).setdefault(date, {})
        action = ACTIONS.get(fields[0][:1], "sửa")
        if name not in files or action == "thêm":  # newest first: the day's last action, unless added that day
            files[name] = action
    return {bundle: BundleHistory(min(by_day), max(by_day),
                                  tuple(Change(day, tuple(sorted(by_day[day].items())))
                                        for day in sorted(by_day, reverse=True)))
            for bundle, by_day in days.items()}


def bundle_history(content_path: Path) -> dict[str, BundleHistory]:
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=content_path, capture_output=True,
                             text=True, check=True).stdout.strip()
        log = subprocess.run(["git", "-c", "core.quotePath=false", "log", "--format=%x00%cs", "--name-status",
                              "--", "disclosures"], cwd=content_path, capture_output=True, text=True,
                             check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    prefix = content_path.resolve().relative_to(Path(top).resolve()).as_posix()
    return parse_git_log(log, "" if prefix == "." else prefix + "/")
