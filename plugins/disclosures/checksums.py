"""`SHA256SUMS` at the site root: the checksum of every file a disclosure publishes.

A journalist keeps a copy of this list on the day a disclosure is posted; any
later day `sha256sum -c SHA256SUMS` (or comparing two copies) shows whether a
file changed after posting. Listed: attachments, data downloads, clean copies,
printed PDFs, calendars and catalogues, every published file but the pages
themselves (HTML changes every day with the posting status), the search index,
the theme and the editor. A file's checksum is read again only when its size,
time or inode changed (cache.KnownDigests): unchanged outputs are hard links of the last build's.
A build lists the files its outputs' record names and walks only the folders
that record does not cover (the printed PDFs it carried over): walking a 1x
site's 8,900 folders was 0.07 s of every rebuild, on its critical path.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from plugins.disclosures.cache import KnownDigests, file_sha256, write_atomically

FILE = "SHA256SUMS"
NOT_LISTED_FOLDERS = ("pagefind/", "theme/", "admin/")


def listed(name: str) -> bool:
    """Whether SHA256SUMS lists the file at `name` (from the site's root): the rule `listed_files` walks by
    (it never enters the folders left out, and tests each file it meets by this)."""
    return not (name.endswith(".html") or name == FILE or name.startswith(NOT_LISTED_FOLDERS)
                or any(part.startswith(".") for part in name.split("/")))


def listed_files(site: Path, under: str = ""):
    """(path relative to the site, DirEntry) of each listed file (under the folder `under`, "print/"). The
    folders left out are never walked and pages are passed over by name (no stat), so the cost is the files
    listed, not the pages beside them."""
    if under and not (site / under).is_dir():
        return
    stack = [(under, site / under)]
    while stack:
        prefix, folder = stack.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                rel = prefix + entry.name
                if entry.name.startswith("."):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    if f"{rel}/" not in NOT_LISTED_FOLDERS:
                        stack.append((f"{rel}/", entry.path))
                elif listed(rel) and entry.is_file(follow_symlinks=False):
                    yield rel, entry


def write_checksums(site: Path, cache_file: Path | None = None, known_now: dict[str, list] | None = None,
                    beyond: tuple[str, ...] | None = None) -> int:
    """Write `site/SHA256SUMS` (sorted, `sha256sum` format); returns the number of files listed. `known_now`:
    [size, time, inode, SHA-256] of files this build hashed already (plugins/disclosures/outputs.py, which
    records them for the next build too); the others' (the printed PDFs) are kept in `cache_file` by their
    stamps, by the one rule of cache.KnownDigests (never recorded within the clock's last tick, so a file
    rewritten in place at the same size is never listed stale). `beyond`: given when `known_now` names every
    file of the site but those under these folders ("print/"), which are then the only ones walked; else the
    whole site is walked."""
    digests = KnownDigests.from_json(_read(cache_file))
    now = known_now or {}
    if beyond is None:
        found = [(rel, entry.path, entry.stat(follow_symlinks=False)) for rel, entry in listed_files(site)]
    else:
        found = [(rel, entry.path, entry.stat(follow_symlinks=False))
                 for folder in beyond for rel, entry in listed_files(site, folder)]
        for rel in now:
            if listed(rel) and not rel.startswith(beyond):
                path = os.path.join(site, rel)
                with contextlib.suppress(FileNotFoundError):  # recorded, then removed: not in the site
                    found.append((rel, path, os.stat(path, follow_symlinks=False)))
    lines = []
    for rel, path, info in sorted(found, key=lambda item: item[0]):
        stamp = [info.st_size, info.st_mtime_ns, info.st_ino]
        made = now.get(rel)
        if made is not None and made[:3] == stamp and made[3]:  # hashed by this build: kept in its own record
            sha = made[3]
        else:
            sha = digests.sha256(rel, tuple(stamp), lambda path=path: file_sha256(Path(path)))
        lines.append(f"{sha}  {rel}\n")
    write_atomically(site / FILE, "".join(lines).encode("utf-8"))
    (site / FILE).chmod(0o644)  # published: the web server reads it as another user (mkstemp made it 0600)
    if cache_file is not None:
        with contextlib.suppress(OSError):  # only a speed-up
            write_atomically(cache_file, digests.to_json())
    return len(lines)


def _read(cache_file: Path | None) -> bytes | None:
    try:
        return cache_file.read_bytes() if cache_file else None
    except OSError:
        return None
