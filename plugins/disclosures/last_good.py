"""Earlier versions of a content file or bundle, from git history: what the site keeps publishing while the
current one has errors.

The law's clock does not wait for a fix: a poverty list's names leave the site the day its posting ends,
even if an officer broke an unrelated budget table that morning. So a bundle with errors is published as
its last version that passes every check, rendered for today's date like every other page, and the officers'
report names it. That version is found in git history, because it is the one thing every build has: a
daily CI run starts from a fresh clone with no output and no cache, and a folder kept by one machine would
be lost with it. Content outside git has no earlier versions; a bundle with errors is then left out.

Only what git holds under the content path is read: regular files (no links, no submodules), hidden names
skipped as the content scan skips them, each within the size limit. The versions are written to
an entry of the store's `ban-tot` part keyed by the git object id and its place (or a folder of this run
when there is no store): content-addressed, so tomorrow's build reuses them, and forgotten after a month
unused by the store's one pruning rule (store.py).
"""

from __future__ import annotations

import atexit
import datetime as dt
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from plugins.disclosures import store

MAX_VERSIONS = 10  # earlier versions tried per file or bundle, newest first: bounded time for any history
GIT_TIMEOUT = 60  # seconds for one git command
PLAIN_FILE_MODES = ("100644", "100755")


@dataclass(frozen=True)
class Version:
    """`rel` as it was in one commit, written out at `root / rel`."""

    commit: str
    date: dt.date  # the commit's date: what the page may say was last changed
    root: Path

    @property
    def short(self) -> str:
        return self.commit[:10]


class GitVersions:
    """Earlier versions of paths inside one content folder. Every method returns nothing (never raises)
    when the folder is not in a git repository or git is missing."""

    def __init__(self, content: Path, cache_folder: Path | None, max_bytes: int) -> None:
        self.content = Path(content)
        self.max_bytes = max_bytes
        self._store = cache_folder  # the versions are entries of the store's "ban-tot" part
        self._repository: tuple[Path, str] | bool | None = False  # (top, content's path inside it); unknown

    def versions(self, rel: str) -> Iterator[Version]:
        """`rel` (a file or folder, relative to content/) in the commits that changed it, newest first, at most
        MAX_VERSIONS different ones; a commit where it did not exist is skipped."""
        repository = self._find_repository()
        if repository is None:
            return
        top, prefix = repository
        path = prefix + rel
        log = self._git(top, "log", f"-n{MAX_VERSIONS * 2}", "--format=%H %cs", "--", path)
        seen: set[str] = set()
        for line in (log or "").splitlines():
            commit, _, day = line.partition(" ")
            entry = self._git(top, "ls-tree", "--full-tree", commit, "--", path)
            if not entry:
                continue  # deleted in this commit
            object_id = entry.split()[2]
            if object_id in seen:
                continue
            seen.add(object_id)
            root = self._written(top, commit, path, rel, object_id)
            if root is not None:
                yield Version(commit, dt.date.fromisoformat(day), root)
            if len(seen) >= MAX_VERSIONS:
                return

    def _find_repository(self) -> tuple[Path, str] | None:
        if self._repository is False:
            top = self._git(self.content, "rev-parse", "--show-toplevel")
            self._repository = None
            if top:
                try:
                    inside = self.content.resolve().relative_to(Path(top.strip()).resolve()).as_posix()
                    self._repository = (Path(top.strip()), "" if inside == "." else inside + "/")
                except ValueError:
                    pass
        return self._repository

    def _written(self, top: Path, commit: str, path: str, rel: str, object_id: str) -> Path | None:
        """The version's files under a folder named by its git object id and where it sits (a bundle copied to
        another folder has the same id): written once, reused after."""
        root = self._folder(object_id, rel)
        if root.is_dir():
            store.used(root)
            return root
        listing = self._git(top, "ls-tree", "-r", "-z", "-l", "--full-tree", commit, "--", path)
        if listing is None:
            return None
        staging = Path(tempfile.mkdtemp(prefix=".moi-", dir=root.parent))
        try:
            for record in filter(None, listing.split("\0")):
                meta, _, name = record.partition("\t")
                mode, kind, blob, size = meta.split()
                inside = name[len(path):].lstrip("/")
                parts = inside.split("/") if inside else []
                if (mode not in PLAIN_FILE_MODES or kind != "blob" or not size.isdigit()
                        or int(size) > self.max_bytes or any(p in ("", ".", "..") or p.startswith(".") for p in parts)):
                    continue  # links, submodules, hidden and oversized files are never content
                target = staging.joinpath(rel, *parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                with open(target, "wb") as file:
                    subprocess.run(["git", "cat-file", "blob", blob], cwd=top, stdout=file, check=True,
                                   timeout=GIT_TIMEOUT, stderr=subprocess.DEVNULL)
            os.replace(staging, root)
        except (OSError, subprocess.SubprocessError):
            shutil.rmtree(staging, ignore_errors=True)
            return root if root.is_dir() else None  # another build wrote it first, or none could
        return root

    def _folder(self, object_id: str, rel: str) -> Path:
        if self._store is None:  # no store: a temporary one for this run
            self._store = Path(tempfile.mkdtemp(prefix="ckx-ban-tot-"))
            atexit.register(shutil.rmtree, self._store, True)
        root = store.entry(self._store, "ban-tot", object_id, rel)
        root.parent.mkdir(parents=True, exist_ok=True)
        return root

    @staticmethod
    def _git(cwd: Path, *args: str) -> str | None:
        try:
            return subprocess.run(["git", "-c", "core.quotePath=false", "-c", "core.fsmonitor=false", *args], cwd=cwd,
                                  capture_output=True, text=True, check=True, timeout=GIT_TIMEOUT).stdout
        except (OSError, subprocess.SubprocessError, UnicodeDecodeError):
            return None

