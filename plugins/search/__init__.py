"""Site search with Pagefind, in parts (parts.py), each indexed again only when a page it holds changed.

Glue only: the search page is a theme template; which page goes in which part is `parts.split`; each part
is a record of the build's outputs (a group of files, plugins/disclosures/outputs.py) made from its pages as
Pagefind is given them (`indexed_copy`: without what the build's date decides), so an unchanged part is
carried over with the rest of the site, whatever postings started or ended. A part to be made is made by
Pagefind's own binary (from the `pagefind[bin]` package) over a folder of those copies, beside
the staging folder and never in it: started as soon as the disclosure pages are written (the core's
PAGES_WRITTEN), before the standby's leftovers are even removed, since it reads only the pages it was
given; two at a time, beside the generators still writing listings and feeds. They are waited for once
the build's own files are in too (the core's RENDERING_COMPLETE; Pelican's `finalized` under plain
`pelican content`); a rendering given up (the core's RENDERING_ABANDONED) stops them. A part Pagefind cannot
make is kept back like a broken bundle: the day's site is published without it (never with its earlier
version, which may hold names that had to leave the site), the report names it, and the build's exit
status is an error.
What is indexed is decided in the templates: only disclosure and static pages
carry `data-pagefind-body`. An ended named
list stays findable by its village counts (the only thing its page still
holds); search engines are told `noindex`. Excerpts are built by the search
page from the real text, before the hidden đ→d copy (marked with U+2042).
"""

from __future__ import annotations

import atexit
import contextlib
import fnmatch
import functools
import gzip
import hashlib
import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Mapping
from pathlib import Path

from plugins.disclosures.build import PRELOADED
from plugins.disclosures.channels import PAGES_WRITTEN, RENDERING_ABANDONED, RENDERING_COMPLETE, build_of
from plugins.disclosures.dated import without_dated_bytes
from plugins.disclosures.model import PostingStatus
from plugins.disclosures.outputs import Outputs
from plugins.disclosures.site import KeptBack
from plugins.issues import Issue
from plugins.search.parts import OLDER, RECENT, IndexedPage, Part, older_folders, part_fingerprint, split


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site."""


# Only the pages that can carry data-pagefind-body: disclosures and static pages. Reading every
# listing, village page and print view as well tripled the time and doubled the memory on a large commune.
INDEXED = ("cong-khai/*/*/index.html", "*/index.html")


# Pagefind writes its ready-made interfaces beside the index; the search page uses its API alone
# (theme/static/js/tim-kiem.js), so these 418 KB a site (63 MB for a province of 150) are never published.
UNUSED_UI = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
             "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js")
# An older part is merged into the recent one, whose engine it uses: its own is never loaded.
ENGINE_FILES = ("pagefind.js", "pagefind-worker.js", "wasm.*.pagefind")
ENGINE = f"pagefind {importlib.metadata.version('pagefind')}"
AT_ONCE = 2  # Pagefind processes at a time: this machine's cores; each part's memory is its own
TIMEOUT = 1800  # seconds for one part: a hang is a failure, never a stuck build
STEP_BACK = 10  # how far the build's own thread lowers its priority once Pagefind runs (`_yield_the_cores`)

_PROCESSES: set[subprocess.Popen] = set()  # running now, killed if the build ends first


def index_pages(pages: Mapping[str, Path], work: Path, timeout: float = TIMEOUT) -> Path:
    """Pagefind's own binary over `pages` (address from the site's root -> the file): `link_pages`, then
    `run_pagefind`."""
    link_pages(pages, work)
    return run_pagefind(work, timeout)


def link_pages(pages: Mapping[str, Path], work: Path) -> None:
    """`pages` at their addresses in `work`/trang, so Pagefind reads no other file and every address is the
    page's: each as it is indexed (`indexed_copy`), hard-linked when that is the page itself."""
    site = work / "trang"
    for address, path in pages.items():
        link = site / address
        link.parent.mkdir(parents=True, exist_ok=True)
        data = path.read_bytes()
        copy = indexed_copy(data)
        if copy is not data:
            link.write_bytes(copy)
            continue
        try:
            os.link(path, link)
        except OSError:  # another file system, or one without hard links
            link.write_bytes(data)


def posting_labels() -> str:
    """What the search page calls a result's posting status (theme/static/js/tim-kiem.js works it out from the
    result's `niem_yet_tu` and `niem_yet_den` and the site's date): the core's words, as JSON for an attribute."""
    return json.dumps({"truoc": PostingStatus.UPCOMING.label, "trong": PostingStatus.POSTED.label,
                       "sau": PostingStatus.ENDED.label}, ensure_ascii=False)


def indexed_copy(page: bytes) -> bytes:
    """What Pagefind is given of a page: the page without what the build's date decides (plugins/disclosures/
    dated.py), so the index is made from, and fingerprinted by, what stays the same from day to day."""
    return without_dated_bytes(page)


def run_pagefind(work: Path, timeout: float = TIMEOUT) -> Path:
    """Pagefind's own binary over `work`/trang (`link_pages`); its index in `work`/chi-muc, without the
    interfaces nobody uses. Raises SearchIndexError with Pagefind's words."""
    site, index = work / "trang", work / "chi-muc"
    command = [*_pagefind(), "--site", str(site), "--output-path", str(index), "--force-language", "vi", "--quiet"]
    with tempfile.TemporaryFile() as said:  # a pipe nobody reads could fill and stop it
        process = subprocess.Popen(command, stdout=said, stderr=subprocess.STDOUT)
        _PROCESSES.add(process)
        expired = threading.Event()
        # a wait that blocks wakes the moment Pagefind ends; one with a timeout polls, needing the interpreter's
        # lock every few milliseconds while the build renders beside it
        timer = threading.Timer(timeout, lambda: (expired.set(), process.kill()))
        timer.start()
        try:
            code = process.wait()
        finally:
            timer.cancel()
            _PROCESSES.discard(process)
        if expired.is_set():
            raise SearchIndexError(f"Pagefind không lập xong chỉ mục tìm kiếm sau {timeout:.0f} giây.")
        said.seek(0)
        if code != 0 or not (index / "pagefind-entry.json").is_file():
            text = said.read().decode("utf-8", "replace").strip()
            raise SearchIndexError(f"Pagefind không lập được chỉ mục tìm kiếm:\n{text[-2000:]}")
    for name in UNUSED_UI:
        (index / name).unlink(missing_ok=True)
    return index


def indexed_pages(part: Path) -> dict[str, dict]:
    """Each page a built part holds, by its address, as Pagefind stored it (gzip, a "pagefind_dcd" marker,
    then JSON: its text, filters and meta): for the bench and the tests, which read what was indexed."""
    pages = {}
    for path in (part / "fragment").glob("*.pf_fragment"):
        page = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        pages[page["url"]] = page
    return pages


@functools.cache
def _pagefind() -> list[str]:
    """Pagefind's binary from the `pagefind[bin]` wheel, run directly: `python -m pagefind` starts Python only
    to find it (50 ms a part, eleven parts in a build from nothing). Found as `pagefind.service` finds it
    (PAGEFIND_BINARY_PATH, else the wheel's), without importing that module's asyncio (18 ms of each build)."""
    binary = os.environ.get("PAGEFIND_BINARY_PATH")
    if not binary:
        try:
            from pagefind_bin import get_executable

            binary = get_executable()
        except (ImportError, OSError):
            binary = None
    return [str(binary)] if binary is not None and Path(binary).is_file() else [sys.executable, "-m", "pagefind"]


class Indexing:
    """One build's search parts: each carried over when its fingerprint is the last build's, else made by
    Pagefind in worker threads (`start`), then moved into the staging folder as outputs (`finish`)."""

    def __init__(self, staging: Path, outputs, parts: list[Part]) -> None:
        self.staging, self.outputs, self.parts = staging, outputs, parts
        self.to_make: list[tuple[Part, str]] = []
        self.made: dict[str, Path] = {}  # part folder -> its index, in a work folder
        self.failed: dict[str, str] = {}  # part folder -> what Pagefind said
        self.work: list[Path] = []
        self.started = 0  # parts handed to Pagefind
        self._threads: list[threading.Thread] = []
        self._queue: list[tuple[Part, Path]] = []
        self._lock = threading.Lock()

    def start(self) -> None:
        digests = {page: self._indexed_digest(page) for part in self.parts for page in part.pages}
        for part in self.parts:
            fingerprint = part_fingerprint(part, digests, ENGINE)
            if not self.outputs.keep_group(part.group, fingerprint):
                self.to_make.append((part, fingerprint))
        self._queue = queue = []
        for part, _fingerprint in sorted(self.to_make, key=lambda item: -len(item[0].pages)):  # the largest first
            # linked here, not in the threads: a thread doing hundreds of small system calls waited for the
            # interpreter's lock each time while this thread went on rendering, and Pagefind started late
            try:
                work = Path(tempfile.mkdtemp(prefix=_work_prefix(self.staging), dir=self.staging.parent))
                self.work.append(work)
                link_pages({page: self.staging / page for page in part.pages}, work)
            except Exception as exc:  # no room for the links: the part is named, never left out silently
                self.failed[part.folder] = f"Không lập được chỉ mục tìm kiếm: {type(exc).__name__}: {exc}"
                continue
            queue.append((part, work))
        self.started = len(queue)
        for _ in range(min(AT_ONCE, len(queue))):
            thread = threading.Thread(target=self._make, args=(queue,), daemon=True)
            thread.start()
            self._threads.append(thread)

    def _indexed_digest(self, page: str) -> str:
        """The SHA-256 of the page's `indexed_copy`, worked out again only when the page's own changed: kept by
        that (outputs.KeptValues), so a day that changes a posting's status reads only the pages it changed."""
        def work_out() -> str:
            return hashlib.sha256(indexed_copy((self.staging / page).read_bytes())).hexdigest()

        made = self.outputs.sha256_of(page)
        return self.outputs.values.apart("tim-kiem").get(("ban-chi-muc", made), work_out) if made else work_out()

    def _make(self, queue: list[tuple[Part, Path]]) -> None:
        while True:
            with self._lock:
                if not queue:
                    return
                part, work = queue.pop(0)
            try:
                index = run_pagefind(work)
            except Exception as exc:  # anything: a thread that died would leave the part out, unnamed
                with self._lock:
                    self.failed[part.folder] = str(exc) if isinstance(exc, SearchIndexError) else \
                        f"Không lập được chỉ mục tìm kiếm: {type(exc).__name__}: {exc}"
                continue
            with self._lock:
                self.made[part.folder] = index

    def abandon(self) -> None:
        """Its rendering was given up: no part is started, those running are stopped, their folders go."""
        with self._lock:
            self._queue.clear()
        _stop()
        for thread in self._threads:
            thread.join()
        for work in self.work:
            shutil.rmtree(work, ignore_errors=True)

    def finish(self) -> dict[str, str]:
        """Wait for the parts being made and put them in the staging folder with the list of older parts;
        return the parts Pagefind could not make (folder -> its words), which are not published: never an
        earlier version of them either, which may hold names that had to leave the site today."""
        try:
            for thread in self._threads:
                thread.join()
            for part, fingerprint in self.to_make:
                index = self.made.get(part.folder)
                if index is None:
                    continue
                older = part.folder != RECENT
                files = {f"{part.folder}/{path.relative_to(index).as_posix()}": _mover(path)
                         for path in sorted(index.rglob("*"))
                         if path.is_file() and not (older and _engine_file(path.relative_to(index)))}
                self.outputs.write_group(part.group, fingerprint, files)
            if RECENT not in self.failed:  # the list lives in the recent part's folder, and names only parts there
                folders = older_folders(part for part in self.parts if part.folder not in self.failed)
                self.outputs.produce(f"{RECENT}/{OLDER}", folders, lambda _view: (self.staging / RECENT / OLDER)
                                     .write_text(json.dumps(folders), encoding="utf-8"))
            return dict(self.failed)
        finally:
            for work in self.work:
                shutil.rmtree(work, ignore_errors=True)


def _engine_file(path: Path) -> bool:
    return len(path.parts) == 1 and any(fnmatch.fnmatch(path.name, pattern) for pattern in ENGINE_FILES)


def _mover(source: Path):
    def move(target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, target)
    return move


def _work_prefix(staging: Path) -> str:
    """Beside the staging folder, named after it: the next build removes what a killed one left
    (staging.clean_stale), and nothing of it is ever published."""
    return f"{staging.name}-tim-kiem-" if staging.name.startswith(".") else f".{staging.name}-tim-kiem-"


_RUNNING: dict[str, tuple[Indexing, object]] = {}  # output folder -> its parts being indexed, the loaded site


def start_index(generator, **_) -> None:
    """Once every disclosure page is written (plugins.disclosures.channels.PAGES_WRITTEN): the parts to
    index, kept or started. The static pages were written by Pelican before."""
    build = build_of(generator.context)
    if build is None:
        return
    pages = [IndexedPage(d.save_dir + "index.html", d.issued, d.posting.end if d.posting else None)
             for d in build.site.disclosures if build.outputs.sha256_of(d.save_dir + "index.html")]
    pages += [IndexedPage(page.save_as) for page in [*generator.context.get("pages", []),
                                                     *generator.context.get("hidden_pages", [])]
              if fnmatch.fnmatch(page.save_as, "*/index.html") and page.save_as.count("/") == 1]
    indexing = Indexing(Path(generator.output_path), build.outputs, split(pages, build.settings.build_date))
    _RUNNING[str(generator.output_path)] = indexing, build.site
    indexing.start()
    if indexing.started == 1:  # two parts keep both cores busy: stepping back would leave one idle at the end
        _yield_the_cores()


@functools.cache
def _yield_the_cores() -> None:
    """Pagefind's parts are what a build waits for last, and the build's own thread goes on beside them with
    the site-wide files, which are done sooner: that thread lowers its priority, so that on two cores Pagefind
    has them first (one edit at 1x: 1.28 -> 1.22 s, medians of eight builds alternated with and without; when
    the month turns and two parts are made, they keep both cores busy, and stepping back made the day's build
    0.01-0.04 s slower, so it is done for one part only). The Pagefind processes already started keep theirs;
    a priority cannot be raised back without privileges, so once per process (each commune of a province
    builds in its own). On Linux only this thread steps back."""
    with contextlib.suppress(OSError, AttributeError):  # no `nice` on this system: nothing to gain
        os.nice(STEP_BACK)


def abandon_index(staging, **_) -> None:
    """A rendering given up (plugins.disclosures.channels.RENDERING_ABANDONED): what was being indexed for it."""
    indexing, _site = _RUNNING.pop(str(staging), (None, None))
    if indexing is not None:
        indexing.abandon()


def index_site(pelican) -> None:
    """On Pelican's `finalized`, under plain `pelican content`: the parts are finished (`finish_index`). A
    build of `scripts/ckx.py` finishes them later, once its own files are in the staging folder too."""
    if pelican.settings.get(PRELOADED) is None:
        finish_index(pelican.output_path)


def finish_index(staging, **_) -> None:
    """The parts started early are waited for and put in place (plugins.disclosures.channels.RENDERING_COMPLETE).
    A part Pagefind could not make is kept back like a broken bundle: named in the build's issues and report,
    the rest of the site published, the build's exit status an error. Without the disclosures generator, what
    pages there are make one part, indexed now, and a failure stops the build."""
    indexing, site = _RUNNING.pop(str(staging), (None, None))
    if indexing is None:
        output = Path(staging)
        pages = sorted(path.relative_to(output).as_posix() for pattern in INDEXED for path in output.glob(pattern))
        indexing = Indexing(output, Outputs(output, None, None, "", {}), [Part(RECENT, tuple(pages))])
        indexing.start()
    failed = indexing.finish()
    if failed and site is None:
        raise SearchIndexError("\n".join(failed.values()))
    for folder, said in failed.items():
        issue = Issue(code="tim-kiem-khong-lap-duoc", file=folder, message=said,
                      hint="Chạy lại lệnh xây dựng; nếu vẫn lỗi, gửi báo cáo này cho người quản trị (thường do máy "
                           "thiếu bộ nhớ). Trong lúc đó trang tìm kiếm tìm trong các phần còn lại.")
        site.issues.append(issue)  # printed with the rest of what the rendering found (scripts/ckx.py build)
        site.kept_back.append(KeptBack(folder, None))


@atexit.register
def _stop() -> None:
    """A build that fails before `finalized` leaves no Pagefind behind."""
    for process in list(_PROCESSES):
        with contextlib.suppress(OSError):
            process.kill()
            process.wait()


def get_generators(_pelican):
    from plugins.search.generator import SearchPageGenerator

    return SearchPageGenerator


def register() -> None:
    from pelican import signals

    signals.get_generators.connect(get_generators)
    PAGES_WRITTEN.connect(start_index)
    RENDERING_ABANDONED.connect(abandon_index)
    RENDERING_COMPLETE.connect(finish_index)
    signals.finalized.connect(index_site)
