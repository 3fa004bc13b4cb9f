"""What was read and checked, kept between runs, so `validate` and `build` re-read only what changed.

Each bundle's loaded result (the disclosure and its issues) is kept in the
content folder's entry of the store (store.py: `.cache/ho-so/<key>/`), keyed
by the bytes of every file in its folder, commune.yml, the settings and the
code version. A loader that asked about the build date (is
it inside a named list's window?) leaves its questions and answers on the
entry, which then serves any date that answers them the same way. The cache is
a speed-up and nothing more: an entry that cannot be read is a miss, a run
with no cache folder reads everything, and `make clean` removes it.

Entries are pickles the build itself wrote under the project's own folder;
nothing in content/ can name or write a cache file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import re
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import orjson

from plugins.disclosures.day import same_answers

ROOT = Path(__file__).resolve().parents[2]
CODE = (ROOT / "plugins", ROOT / "requirements.txt")
DOCS = frozenset({"README.md"})  # a plugin's documentation: no code reads it, so editing it starts nothing afresh
DEFAULT_FOLDER = ROOT / ".cache"
FOLDER_VARIABLE = "CKX_CACHE"  # another folder, or "" for none


RACY_SECONDS = 2  # a file changed this recently is read again next time, whatever its stamp says
Stamp = tuple[int, int, int]  # size, modification time in ns, inode


def digest(*parts: bytes | str) -> str:
    """One sha256 over several parts, written as Python writes the tuple of them (`repr`): each quoted and
    escaped, so ("ab", "c") and ("a", "bc") differ. One C call over the thousands of short parts a listing's
    fingerprint is made of, half the time of encoding and length-prefixing each in Python."""
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


def read_bytes(path: str) -> bytes:
    """A file's bytes through the operating system's calls alone, with no file object: a third of the time of
    `Path.read_bytes`, which the store's thousands of small pickles add up to (8,000 at 4x: 0.09 -> 0.03 s)."""
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        chunks = []
        while chunk := os.read(handle, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(handle)


def file_sha256(path: str | Path) -> str:
    """The SHA-256 of a file's bytes, as `sha256sum` prints it."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


class KnownDigests:
    """Files' SHA-256 by their stamp, as git's index keeps them: a file whose stamp is the recorded one is not
    read again. A file changed within the clock's last `RACY_SECONDS` is not recorded, so a second edit of
    the same size in the same tick (the clock moves in steps of milliseconds) is read next time, never taken
    for the first (git's "racy" case). `old` is what the last run recorded (name -> (stamp, hex SHA-256));
    anything else in it is read as no record; `new` is what to record for the next."""

    def __init__(self, old: Any) -> None:
        self.old = old if isinstance(old, dict) else {}
        self.new: dict[str, tuple[Stamp, str]] = {}
        self._settled_before = (time.time() - RACY_SECONDS) * 1e9

    @classmethod
    def from_json(cls, data: bytes | None) -> KnownDigests:
        """What `to_json` wrote (name -> [size, time, inode, SHA-256]); anything else is no record."""
        try:
            recorded = orjson.loads(data) if data else {}
        except ValueError:
            recorded = {}
        return cls({name: (entry[:3], entry[3]) for name, entry in recorded.items()
                    if isinstance(entry, list) and len(entry) == 4} if isinstance(recorded, dict) else {})

    def to_json(self) -> bytes:
        """The digests to keep for the next run, as a JSON record beside the site's other records."""
        return orjson.dumps({name: [*stamp, sha] for name, (stamp, sha) in self.new.items()})

    def sha256(self, name: str, stamp: Stamp, read: Callable[[], str]) -> str:
        """The hex SHA-256 of `name`, from the record when its stamp is unchanged, else `read()`."""
        known = self.old.get(name)
        sha = known[1] if _recorded(known) and tuple(known[0]) == tuple(stamp) else read()
        if stamp[1] < self._settled_before:
            self.new[name] = (tuple(stamp), sha)
        return sha


def _recorded(known: Any) -> bool:
    return (isinstance(known, (tuple, list)) and len(known) == 2 and isinstance(known[0], (tuple, list))
            and isinstance(known[1], str) and re.fullmatch(r"[0-9a-f]{64}", known[1]) is not None)


@lru_cache(maxsize=1)
def code_version() -> str:
    """Every plugin's source and data files (not its README: DOCS), the pinned requirements and the Python
    version: a change to any of them may change what a bundle loads to, so it starts the cache afresh. Each
    file by its SHA-256: `digest` of the bytes themselves spelled out two megabytes of source on every build."""
    parts: list[str] = [sys.version]
    for top in CODE:
        files = sorted(p for p in top.rglob("*") if p.is_file() and "__pycache__" not in p.parts
                       and p.name not in DOCS) if top.is_dir() else [top]
        for path in files:
            parts += [path.relative_to(ROOT).as_posix(), hashlib.sha256(path.read_bytes()).hexdigest()]
    return digest(*parts)


def folder_from_environment() -> tuple[Path | None, str | None]:
    """The cache folder (`CKX_CACHE`, default .cache/), or None and why it cannot be used: a cache is only a
    speed-up, so a folder that cannot be written means a run without one, never a failed build."""
    value = os.environ.get(FOLDER_VARIABLE)
    folder = DEFAULT_FOLDER if value is None else (Path(value) if value else None)
    if folder is None:
        return None, None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(prefix=".thu-", dir=folder)
        os.close(handle)
        os.unlink(probe)
    except OSError as exc:
        return None, (f"Không dùng được thư mục bộ nhớ đệm {folder} ({exc.strerror}): lần này mọi hồ sơ được đọc "
                      f"và mọi trang được tạo lại từ đầu. Sửa biến {FOLDER_VARIABLE} hoặc quyền ghi của thư mục đó.")
    return folder, None


CHECKS_FILE = "kiem-tra.pickle"


@dataclass
class Entry:
    key: str
    date_questions: tuple  # what the loader asked about the build date (LoadContext), with its answers
    issues: list
    blob: str  # file name of the pickled disclosure ("" when the bundle did not load)


class BundleCache:
    """Loaded bundles of one content folder, kept in its entry of the store (`folder`: store.entry of the
    "ho-so" part, None for no cache). `get` and `put` work in memory; `save` writes once, at the end."""

    def __init__(self, folder: Path | None, context: str) -> None:
        self.context = context
        self.blobs = folder
        self.index_path = folder / "index.pickle" if folder else None
        self.checks_path = folder / CHECKS_FILE if folder else None  # the channels' checks' kept values
        self.entries, checksums = self._read_index()
        self.checksums = KnownDigests(checksums)
        self.fresh: dict[str, Entry] = {}
        self.hits = self.misses = 0

    def checksum(self, tree, rel: str) -> str:
        """A content file's sha256, read again only when its stamp changed (KnownDigests)."""
        return self.checksums.sha256(rel, tree.stamps[rel], lambda: tree.sha256(rel))

    def key(self, source_dir: str, file_digests: dict[str, str]) -> str:
        return digest(self.context, source_dir, *(f"{name}\0{sha}" for name, sha in sorted(file_digests.items())))

    def get(self, source_dir: str, key: str, today: dt.date, *, with_disclosure: bool = True):
        """(disclosure, issues) as loaded before, or None. Without `with_disclosure` (validate) only the issues
        are read and the disclosure is None."""
        entry = self.entries.get(source_dir)
        if entry is None or entry.key != key or not same_answers(entry.date_questions, today):
            self.misses += 1
            return None
        disclosure = None
        if with_disclosure and entry.blob:
            try:
                disclosure = pickle.loads(read_bytes(os.path.join(self.blobs, entry.blob)))
            except Exception:  # a damaged or foreign file is a miss, never a failed build
                self.misses += 1
                return None
        self.hits += 1
        self.fresh[source_dir] = entry
        return disclosure, list(entry.issues)

    def put(self, source_dir: str, key: str, disclosure: Any, issues: list, date_questions=()) -> None:
        blob = ""
        if self.blobs is not None and disclosure is not None:
            blob = f"{key}.pickle"
            try:
                write_atomically(self.blobs / blob, pickle.dumps(disclosure, protocol=pickle.HIGHEST_PROTOCOL))
            except OSError:  # a full disk: this bundle is simply read again next time
                return
        self.fresh[source_dir] = Entry(key, tuple(date_questions), list(issues), blob)

    def save(self) -> None:
        """Keep the entries of this run only (a deleted bundle's goes), and the blobs they name."""
        if self.index_path is None:
            return
        data = pickle.dumps({"context": self.context, "entries": self.fresh, "checksums": self.checksums.new},
                            protocol=pickle.HIGHEST_PROTOCOL)
        try:
            write_atomically(self.index_path, data)
        except OSError:  # the next run reads everything again; nothing else depends on the cache
            return
        kept = {entry.blob for entry in self.fresh.values()} | {self.index_path.name}
        for path in self.blobs.iterdir():  # the checks' values too, and those they keep apart (KeptValues.apart)
            if path.name not in kept and not path.name.startswith((".", CHECKS_FILE.removesuffix(".pickle"))):
                path.unlink(missing_ok=True)

    def _read_index(self) -> tuple[dict[str, Entry], dict[str, tuple]]:
        if self.index_path is None:
            return {}, {}
        try:
            data = pickle.loads(self.index_path.read_bytes())
        except Exception:  # no index yet, or one from an older version: start afresh
            return {}, {}
        if not isinstance(data, dict):
            return {}, {}
        checksums = data.get("checksums") if isinstance(data.get("checksums"), dict) else {}
        entries = data.get("entries") if data.get("context") == self.context else {}
        return (entries if isinstance(entries, dict) else {}), checksums


def write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
