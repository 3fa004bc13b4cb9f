"""The portal's own search index: one Pagefind index over what citizens mostly look for in every commune (what
is posted today and what was issued in the last year), so a search across the province costs the same few
requests at 10 communes or 170. Each commune's whole archive stays in its own index, which the search page
opens when the citizen picks the commune.

Measured on a generated province of 150 communes under a slow phone's network (docs/tinh.md): merging every
commune's index in the browser took 928 requests and 49 s to results; one index over all of it would not fit
a machine's memory for a province with real archives (about 160 KB of Pagefind's memory a page). This index
is capped (`LIMIT` pages, shared fairly between communes) and rebuilt only when what it indexes changes: its
folder is named by the fingerprint of its pages as Pagefind is given them (`indexed_copy`).

`shard_pages` is pure; `write_shard` is the glue that reads the pages and runs Pagefind's own service.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.metadata
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plugins.search import SearchIndexError, index_pages, indexed_copy
from plugins.search.parts import RECENT_DAYS

LIMIT = 6_000  # pages in the portal's index: about 1 GiB of Pagefind's memory at its peak (measured: 0.95 GiB)
BYTES = 128 * 2**20  # and of HTML: Pagefind held about 10 bytes of memory for each byte of the pages it read
PAGE_BYTES = 4 * 2**20  # a larger page is left to its commune's own index (a named list of many thousand rows)
FOLDER = "tim-kiem"  # the shard's folder lives beside the search page: tim-kiem/chi-muc-<fingerprint>/
PREFIX = "chi-muc-"
TIMEOUT = 1800  # seconds: a hang is a failure, never a stuck province
FORMAT = "2"  # bump when what goes into a page's record changes, so every province's index is remade


class ShardError(RuntimeError):
    """Pagefind could not index the portal's pages: the portal is written without its own index."""


@dataclass(frozen=True)
class ShardPage:
    slug: str  # the commune's folder: "xa-hoa-an"
    page: str  # the disclosure's folder in its site: "cong-khai/2026/du-toan-ngan-sach-2026/"

    @property
    def path(self) -> str:
        return f"{self.slug}/{self.page}index.html"

    @property
    def url(self) -> str:
        return f"/{self.slug}/{self.page}"


def _day(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def candidates(disclosures: Iterable[Mapping[str, Any]], today: dt.date) -> list[str]:
    """A commune's pages for the portal's index, most wanted first: posted today (ending soonest first), then
    issued within `RECENT_DAYS`, newest first. Only disclosure pages (`cong-khai/...`) are taken."""
    posted, recent = [], []
    for disclosure in disclosures:
        page = disclosure.get("page")
        if not isinstance(page, str) or not page.startswith("cong-khai/") or not page.endswith("/") or ".." in page:
            continue
        posting = disclosure.get("posting") or {}
        start, end = _day(posting.get("from")), _day(posting.get("to"))
        issued = _day(disclosure.get("issued"))
        if start and end and start <= today <= end:
            posted.append((end, page))
        elif issued and dt.timedelta(0) <= today - issued <= dt.timedelta(days=RECENT_DAYS):
            recent.append((-issued.toordinal(), page))
    ordered = [page for _, page in sorted(posted)] + [page for _, page in sorted(recent)]
    return list(dict.fromkeys(ordered))


def fair_share(wanted: Mapping[str, int], limit: int) -> int:
    """The most pages every commune may put in, so that all of them together stay within `limit`: a commune
    with fewer puts in all it has, and what it leaves goes to the others."""
    if sum(wanted.values()) <= limit:
        return max(wanted.values(), default=0)
    low, high = 0, limit
    while low < high:  # the largest share whose total fits
        share = (low + high + 1) // 2
        if sum(min(n, share) for n in wanted.values()) <= limit:
            low = share
        else:
            high = share - 1
    return low


def shard_pages(communes: Iterable[tuple[str, Iterable[Mapping[str, Any]]]], today: dt.date,
                limit: int = LIMIT) -> list[ShardPage]:
    """(slug, its catalogue's disclosures) of each commune -> the pages of the portal's index, each commune's
    first, then each one's second, and so on: cut anywhere (by `write_shard`'s bytes), the cut stays fair."""
    wanted = {slug: candidates(disclosures, today) for slug, disclosures in communes}
    share = fair_share({slug: len(pages) for slug, pages in wanted.items()}, limit)
    return [ShardPage(slug, pages[rank]) for rank in range(share) for slug, pages in wanted.items()
            if rank < len(pages)]


def _readable(output: Path, page: ShardPage) -> Path | None:
    """The page's file when it is a plain file inside the portal of a sane size; None leaves the page out."""
    path = output / page.path
    try:
        real = path.resolve(strict=True)
        if output.resolve() not in real.parents or path.is_symlink() or not real.is_file():
            return None
        return real if real.stat().st_size <= PAGE_BYTES else None
    except OSError:
        return None


def fingerprint(files: list[tuple[ShardPage, Path]]) -> str:
    """Of the pages as Pagefind is given them (`indexed_copy`: without what the build's date decides, so the
    days left to comment or a schedule's next session do not make the portal's index again)."""
    digest = hashlib.sha256(f"{FORMAT} pagefind {importlib.metadata.version('pagefind')}\n".encode())
    for page, path in files:
        digest.update(f"{page.url}\n".encode())
        digest.update(hashlib.sha256(indexed_copy(path.read_bytes())).digest())
    return digest.hexdigest()[:16]


def _index(files: list[tuple[ShardPage, Path]], work: Path) -> Path:
    """The index of the chosen pages at their paths from the portal's root (so each page's address is its
    address on the portal), made in `work` as a commune's search parts are (`index_pages`). Pagefind's Python
    API would send the pages one by one and waits 0.1 s for each answer: 10 minutes for 6,000 pages, against
    7 s for the binary."""
    try:
        return index_pages({page.path: path for page, path in files}, work, TIMEOUT)
    except SearchIndexError as exc:
        raise ShardError(f"Pagefind không lập được chỉ mục tìm kiếm chung của tỉnh: {str(exc)[-500:]}") from exc


def write_shard(output: Path, pages: list[ShardPage]) -> str:
    """The portal's index written under `output`/tim-kiem/; its folder from the portal's root. An index with
    the same fingerprint is kept as it is. Earlier indexes are removed by `remove_old_shards` once the search
    page names the new one."""
    files, budget = [], BYTES
    try:
        for page in pages:
            path = _readable(output, page)
            if path and (size := path.stat().st_size) <= budget:
                files.append((page, path))
                budget -= size
        folder = f"{FOLDER}/{PREFIX}{fingerprint(files)}"
    except OSError as exc:  # a page gone or unreadable since it was chosen
        raise ShardError(f"Không đọc được trang để lập chỉ mục tìm kiếm chung của tỉnh: {exc}") from exc
    target = output / folder
    if (target / "pagefind-entry.json").is_file():
        return folder
    (output / FOLDER).mkdir(parents=True, exist_ok=True)
    # beside the portal, never inside it (what a killed run leaves is not published), on its file system
    for leftover in output.parent.glob(f".{output.name}-chi-muc-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    work = Path(tempfile.mkdtemp(prefix=f".{output.name}-chi-muc-", dir=output.parent))
    try:
        staging = _index(files, work)
        for path in staging.rglob("*"):
            path.chmod(0o755 if path.is_dir() else 0o644)
        staging.chmod(0o755)
        shutil.rmtree(target, ignore_errors=True)  # an index cut off part-way by an earlier run
        os.rename(staging, target)
    except OSError as exc:
        raise ShardError(f"Không lập được chỉ mục tìm kiếm chung của tỉnh: {exc}") from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return folder


def remove_old_shards(output: Path, keep: str | None) -> None:
    """Every portal index but `keep` (None: all of them, when the portal has none this time)."""
    folder = output / FOLDER
    for path in folder.glob(f"{PREFIX}*") if folder.is_dir() else ():
        if path.is_dir() and f"{FOLDER}/{path.name}" != keep:
            shutil.rmtree(path, ignore_errors=True)

