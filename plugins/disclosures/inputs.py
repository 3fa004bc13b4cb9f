"""What a build's output depends on, as one fingerprint: the content's bytes and the last commit that touched
it, the project's code, the theme, the settings and what of the machine the channels use, and the day.

A build whose fingerprint is the one its last good build recorded, over a site nobody touched since, has
nothing to do: `make html` run twice says so at once (scripts/ckx.py), and a province run skips a commune
whose inputs did not change (plugins/province/build.py). Every new day changes the fingerprint: what a date
moves (postings that start or end, names that must leave, deadlines) is never skipped.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import subprocess
from collections.abc import Callable, Mapping
from pathlib import Path

from plugins.disclosures import store
from plugins.disclosures.cache import DOCS, KnownDigests, file_sha256, write_atomically
from plugins.disclosures.files import sorted_walk

ROOT = Path(__file__).resolve().parents[2]
CODE = ("plugins", "theme", "scripts", "pelicanconf.py", "requirements.txt")  # what the build runs
MAX_BYTES = 1 << 30  # a content folder larger than this is always rebuilt rather than read twice


class FileDigests:
    """The content files' SHA-256 by their stamps (cache.KnownDigests), kept in the store between builds:
    telling that nothing changed then costs a look at each file, not a reading of the whole content (0.4 s
    of a 0.9 s "nothing changed" on a 4x commune)."""

    def __init__(self, record: Path | None) -> None:
        self.record = record
        self.known = KnownDigests.from_json(store.read(record))

    def digest(self, rel: str, path: str, info: os.stat_result) -> str:
        return self.known.sha256(rel, (info.st_size, info.st_mtime_ns, info.st_ino), lambda: file_sha256(path))

    def save(self) -> None:
        if self.record is not None:
            with contextlib.suppress(OSError):  # only a speed-up
                write_atomically(self.record, self.known.to_json())


def _tree(hasher, root: Path, budget: list[int], digests: FileDigests | None = None,
          leave_out: frozenset[str] = frozenset()) -> bool:
    """Every file under `root` (its path, and its bytes or a link's target) into `hasher`, in a fixed order
    (a folder's files and links by name, then its folders by name, each whole before the next); False when
    the files pass the budget of bytes left. With `digests`, a file is read only when its stamp changed. Links
    to folders are not walked: their targets are hashed; a pipe or device is hashed by its type, never read
    (the content's check refuses it). Folders nested however deep are walked without Python's recursion. Files
    named in `leave_out` are passed over (the code's documentation, cache.DOCS)."""
    for _folder, prefix, _state, entries, walk_into in sorted_walk(root):
        if entries is None:
            hasher.update(b"?")
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if entry.name not in (".git", "__pycache__"):
                    walk_into.append((entry.path, f"{prefix}{entry.name}/", None))
                continue
            if entry.name in leave_out:
                continue
            rel = prefix + entry.name
            hasher.update(f"{rel}\0".encode("utf-8", "surrogateescape"))
            if entry.is_symlink():
                hasher.update(f"-> {os.readlink(entry.path)}\0".encode("utf-8", "surrogateescape"))
                continue
            try:
                info = entry.stat()
                if not stat.S_ISREG(info.st_mode):  # a pipe would never end the reading: the check names it
                    hasher.update(f"type {stat.S_IFMT(info.st_mode)}\0".encode())
                    continue
                budget[0] -= info.st_size
                if budget[0] < 0:
                    return False
                sha = digests.digest(rel, entry.path, info) if digests else file_sha256(entry.path)
                hasher.update(bytes.fromhex(sha))
            except OSError:
                hasher.update(b"?")  # unreadable now: the build will say why
    return True


def tree_fingerprint(root: Path) -> str | None:
    """Every file under `root` (a theme); None when it is too large to read twice."""
    hasher = hashlib.sha256()
    return hasher.hexdigest() if _tree(hasher, root, [MAX_BYTES]) else None


def code_fingerprint() -> str:
    hasher = hashlib.sha256()
    for name in CODE:
        path = ROOT / name
        hasher.update(f"{name}\0".encode())
        if path.is_dir():
            _tree(hasher, path, [MAX_BYTES], leave_out=DOCS)
        elif path.is_file():
            hasher.update(hashlib.sha256(path.read_bytes()).digest())
    return hasher.hexdigest()


def ask_last_commit(content: Path) -> Callable[[], str]:
    """The last commit that touched `content` ("" outside git), asked of git now and read when called: each
    page's change list and the last good versions of broken parts are read from git, so a commit that leaves
    the files as they were (an edit and its revert) still changes the site. Started before the content is
    walked, git answers meanwhile (0.012 s of every build at 1x spent waiting for it before)."""
    try:
        process = subprocess.Popen(["git", "-C", str(content), "log", "-1", "--format=%H", "--", "."],
                                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    except OSError:
        return lambda: ""

    def answer() -> str:
        try:
            said, _ = process.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            return ""
        return said.strip() if process.returncode == 0 else ""
    return answer


def inputs_fingerprint(content: Path, code: str, settings: Mapping[str, str],
                       digests: FileDigests | None = None) -> str | None:
    """None when the content is too large to read twice (it is then always rebuilt). `digests`: the content
    files' digests known by their stamps, brought up to date."""
    hasher = hashlib.sha256(code.encode())
    for key in sorted(settings):
        hasher.update(f"{key}={settings[key]}\0".encode("utf-8", "surrogateescape"))
    commit = ask_last_commit(content)
    files = hashlib.sha256()
    try:
        whole = _tree(files, content, [MAX_BYTES], digests)
    finally:
        said = commit()  # waited for whatever happened, never left running
    hasher.update(f"git={said}\0".encode())
    hasher.update(files.digest())
    return hasher.hexdigest() if whole else None


def last_good_inputs(cache_folder: Path | None, output: Path) -> str | None:
    """The fingerprint of the last build of `output` that published everything without an error."""
    if cache_folder is None:
        return None
    try:
        return json.loads(store.read(store.site_record(cache_folder, output, "last_build")))["inputs"]
    except (OSError, ValueError, TypeError, KeyError):
        return None


def record_last_build(cache_folder: Path | None, output: Path, inputs: str | None) -> None:
    """After a build: its fingerprint when it was good, else nothing (the next build then builds)."""
    if cache_folder is None:
        return
    path = store.site_record(cache_folder, output, "last_build")
    with contextlib.suppress(OSError):  # only a speed-up
        if inputs:
            write_atomically(path, json.dumps({"inputs": inputs}).encode("utf-8"))
        else:
            path.unlink(missing_ok=True)
