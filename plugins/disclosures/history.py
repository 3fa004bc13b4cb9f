"""When each bundle was first published and last changed, from git history.

Disclosures must never change silently (design §5): each page shows these two
dates. One `git log` call covers every bundle, so the cost does not grow with
the number of disclosures. Content outside a git repository has no history,
and the pages then simply omit the dates.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path


def parse_git_log(output: str, prefix: str) -> dict[str, tuple[dt.date, dt.date]]:
    """Map bundle folders ("disclosures/2026/x") to (first, last) commit dates.

    `output` is `git log --format=%x00%cs --name-only`: newest first, each
    commit a NUL + date line followed by the paths it touched; `prefix` is the
    content folder's path inside the repository ("content/").
    """
    history: dict[str, tuple[dt.date, dt.date]] = {}
    date = None
    for line in output.splitlines():
        if line.startswith("\x00"):
            date = dt.date.fromisoformat(line[1:].strip())
            continue
        if not line.startswith(prefix) or date is None:
            continue
        parts = line[len(prefix):].split("/")
        if len(parts) < 4 or parts[0] != "disclosures":
            continue
        bundle = "/".join(parts[:3])
        first, last = history.get(bundle, (date, date))
        history[bundle] = (min(first, date), max(last, date))
    return history


def bundle_history(content_path: Path) -> dict[str, tuple[dt.date, dt.date]]:
    try:
        top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=content_path, capture_output=True,
                             text=True, check=True).stdout.strip()
        log = subprocess.run(["git", "log", "--format=%x00%cs", "--name-only", "--", "disclosures"],
                             cwd=content_path, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    prefix = content_path.resolve().relative_to(Path(top).resolve()).as_posix()
    return parse_git_log(log, "" if prefix == "." else prefix + "/")
