"""The one store of everything kept between builds: the cache folder (`.cache/`, or `CKX_CACHE`).

One keying rule: an entry is `<part>/<key>`, its key the digest of what it is made from (a QR code's
address; a recording's text, voice and programs; a content folder's or a published site's path; a last
good version's git object and place; a province's commune by its folder name; an attachment's clean copy by
its own SHA-256, checked again when it is read, and what the check found in the file by the file's). A
changed input is a new entry, never a stale one read as current.

One pruning rule: using an entry (reading or writing it) marks it with the time; a load of the content that
keeps its bundles, at most every `PRUNE_EVERY_HOURS`, removes each entry of every part unused for
`UNUSED_DAYS`, so nothing is kept for ever (a deleted commune's bundles, a moved site's records, the QR code of an address gone). What lies inside
an entry is its owner's: a content folder's bundle index keeps the bundles its last load used and no other.

The store is a speed-up and nothing more: a lost, damaged or pruned entry costs time, never a wrong page.
It never follows a link, and it removes only its own parts and the files of its own older layouts, so a
`CKX_CACHE` pointed at a folder that holds other things loses none of them.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import time
from pathlib import Path

from plugins.disclosures.cache import digest, write_atomically

UNUSED_DAYS = 30
PARTS = {
    "ho-so": "a content folder's loaded bundles, the checksums of its files (cache.BundleCache) and what the "
             "channels' checks worked out of it (cache.CHECKS_FILE)",
    "ban-tot": "the last good version of a bundle or theme, written out of git (last_good.GitVersions)",
    "trang": "a published site's records (what each file was made from, its checksums, its last good build) "
             "and the site it replaced, where its next build starts",
    "qr": "QR codes, by the address they carry (plugins/sheets)",
    "loa": "loudspeaker recordings, by their text, voice and programs (plugins/loudspeaker)",
    "xa": "each commune's own store, by its folder name, when a province is built (plugins/province)",
    "jinja": "compiled templates, by Jinja's version and options and the template's source (build.StoredTemplates)",
    "dinh-kem": "attachments' clean copies, by their own SHA-256 (made by the check, published by the build), and "
                "what the check found in each file, by the file's SHA-256 and what else the check reads",
}
SITE_RECORDS = {
    "outputs": "dau-ra.json",  # outputs.Outputs: what each file was made from, its stamp and SHA-256
    "checksums": "sha256.json",  # checksums.write_checksums: the SHA-256 of files made outside the outputs
    "last_build": "lan-cuoi.json",  # inputs.record_last_build: the fingerprint of the last good build
    "standby": "du-phong",  # staging.swap: the site it replaced, where the next build starts (a folder)
    "content_digests": "tep.json",  # inputs.FileDigests: its content files' SHA-256 by their stamps
    "values": "gia-tri.pickle",  # outputs.KeptValues: what derive and the catalogue worked out, by what from
}
OLDER_LAYOUTS = ("bundles-*", "outputs-*.json", "sha256sums-*.json", "last-build-*.json")
OLDER_COMMUNE_STORES = ("xa-*", "phuong-*", "thi-tran-*")  # a province's, by the commune's folder: now in `xa/`


def entry(folder: Path | None, part: str, *made_from: str, suffix: str = "") -> Path | None:
    """Where what is made from `made_from` is kept in `part`; None without a store."""
    if part not in PARTS:
        raise ValueError(f"no such part of the store: {part}")
    return folder / part / (digest(*made_from)[:32] + suffix) if folder is not None else None


def site_record(folder: Path | None, output: Path, record: str) -> Path | None:
    """One of the records of the site published at `output` (a key of SITE_RECORDS); the site's entry is
    marked used."""
    site = entry(folder, "trang", str(Path(output).resolve()))
    if site is None:
        return None
    used(site)
    return site / SITE_RECORDS[record]


def read(path: Path | None) -> bytes | None:
    """An entry's bytes, marking it used; None when there is none or it cannot be read."""
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    used(path)
    return data


def write(path: Path | None, data: bytes) -> None:
    """Keep `data` as the entry at `path` where the disk allows (None: no store): a full disk or a folder that
    cannot be written only means it is made again when next needed."""
    if path is not None:
        with contextlib.suppress(OSError):
            write_atomically(path, data)


def keep_by_sha256(folder: Path | None, part: str, data: bytes, sha256: str) -> None:
    """Keep `data` in `part` under its own SHA-256 (given, as the caller worked it out already)."""
    path = entry(folder, part, sha256)
    if path is not None and path.exists():
        used(path)
    else:
        write(path, data)


def read_by_sha256(folder: Path | None, part: str, sha256: str) -> bytes | None:
    """What `keep_by_sha256` kept under `sha256`, only when its bytes still have that SHA-256: a damaged or
    foreign entry is no entry."""
    data = read(entry(folder, part, sha256))
    return data if data is not None and hashlib.sha256(data).hexdigest() == sha256 else None


def used(path: Path) -> None:
    with contextlib.suppress(OSError):  # not there yet: writing it will mark it
        os.utime(path)


PRUNED = ".lan-don-dep"  # in the store's folder: its time is when the store was last pruned
PRUNE_EVERY_HOURS = 12


def prune_now_and_then(folder: Path | None) -> list[Path]:
    """`prune`, unless it ran in the last `PRUNE_EVERY_HOURS`: looking at every entry of every part (an
    attachment's clean copy and findings each) was 0.02 s of every rebuild at 1x, for entries that are only
    forgotten after `UNUSED_DAYS` days, which a few hours more never change."""
    if folder is None:
        return []
    mark = folder / PRUNED
    with contextlib.suppress(OSError):
        if time.time() - mark.stat().st_mtime < PRUNE_EVERY_HOURS * 3600:
            return []
    removed = prune(folder)
    with contextlib.suppress(OSError):
        mark.touch()
    return removed


def prune(folder: Path | None, days: int = UNUSED_DAYS, now: float | None = None) -> list[Path]:
    """Remove every entry unused for `days` and the files of older layouts; return what was removed."""
    if folder is None:
        return []
    cutoff = (time.time() if now is None else now) - days * 86400
    older = [path for pattern in OLDER_LAYOUTS for path in folder.glob(pattern)]
    older += [path for pattern in OLDER_COMMUNE_STORES for path in folder.glob(pattern) if _is_store(path)]
    removed = [path for path in older if _remove(path)]
    for part in PARTS:
        try:
            entries = list(os.scandir(folder / part))
        except OSError:
            continue
        removed += [Path(item.path) for item in entries if _unused(item, cutoff) and _remove(Path(item.path))]
    return removed


def _unused(item: os.DirEntry, cutoff: float) -> bool:
    try:
        return item.is_symlink() or item.stat(follow_symlinks=False).st_mtime < cutoff
    except OSError:
        return False


def _is_store(path: Path) -> bool:
    """A folder that is a store itself (of the older layout or this one), never any folder of that name."""
    return path.is_dir() and not path.is_symlink() and (
        any(any(path.glob(pattern)) for pattern in OLDER_LAYOUTS) or any((path / part).is_dir() for part in PARTS))


def _remove(path: Path) -> bool:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(OSError):
            path.unlink()
    return not os.path.lexists(path)
