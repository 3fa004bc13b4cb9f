"""Site search with Pagefind, indexed once per build over the pages it searches.

Glue only: the search page is a theme template, the index is built by
Pagefind's own binary (from the `pagefind[bin]` package) in the staging folder,
started as soon as every page it reads is written (the core's PAGES_WRITTEN)
and running beside the generators that write the rest; Pelican's `finalized`
waits for it, so a failed index fails the build before anything is published.
What is indexed is decided in the templates: only disclosure and static pages
carry `data-pagefind-body`. An ended named
list stays findable by its village counts (the only thing its page still
holds); search engines are told `noindex`. Excerpts are built by the search
page from the real text, before the hidden đ→d copy (marked with U+2042).
"""

from __future__ import annotations

import atexit
import fnmatch
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import IO

from plugins.disclosures.channels import PAGES_WRITTEN


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site."""


# Only the pages that can carry data-pagefind-body: disclosures and static pages. Reading every
# listing, village page and print view as well tripled the time and doubled the memory on a large commune.
INDEXED = "{cong-khai/*/*/index.html,*/index.html}"


# Pagefind writes its ready-made interfaces beside the index; the search page uses its API alone
# (theme/static/js/tim-kiem.js), so these 418 KB a site (63 MB for a province of 150) are never published.
UNUSED_UI = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
             "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js")


_RUNNING: dict[str, tuple[subprocess.Popen, IO[bytes]]] = {}  # output folder -> Pagefind indexing it, its output


def start_index(generator, **_) -> None:
    """Once every disclosure page is written (plugins.disclosures.channels.PAGES_WRITTEN), Pagefind indexes
    them, and the static pages Pelican wrote before, while the other generators write their pages: named one
    by one, so no page still being written is read."""
    pages = sorted(page.save_as for page in [*generator.context.get("pages", []),
                                            *generator.context.get("hidden_pages", [])]
                   if fnmatch.fnmatch(page.save_as, "*/index.html") and page.save_as.count("/") == 1)
    glob = "{" + ",".join(["cong-khai/*/*/index.html", *pages]) + "}"
    _RUNNING[str(generator.output_path)] = _start(generator.output_path, glob)


def index_site(pelican) -> None:
    """On Pelican's `finalized`: the index started early is waited for, or made now."""
    process, output = _RUNNING.pop(str(pelican.output_path), None) or _start(pelican.output_path, INDEXED)
    with output:
        if process.wait() != 0:
            output.seek(0)
            said = output.read().decode("utf-8", "replace")
            raise SearchIndexError(f"Pagefind không lập được chỉ mục tìm kiếm:\n{said}")
    for name in UNUSED_UI:
        Path(pelican.output_path, "pagefind", name).unlink(missing_ok=True)


def _start(site, glob: str) -> tuple[subprocess.Popen, IO[bytes]]:
    """Pagefind on `site`, what it says going to a file of its own (a pipe nobody reads could fill and stop it)."""
    output = tempfile.TemporaryFile()  # noqa: SIM115 (closed by index_site, once Pagefind is done)
    process = subprocess.Popen([sys.executable, "-m", "pagefind", "--site", str(site), "--glob", glob, "--quiet"],
                               stdout=output, stderr=subprocess.STDOUT)
    atexit.register(_stop, process)  # a build that fails before `finalized` leaves no Pagefind behind
    return process, output


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.kill()
        process.wait()


def get_generators(_pelican):
    from plugins.search.generator import SearchPageGenerator

    return SearchPageGenerator


def register() -> None:
    from pelican import signals

    signals.get_generators.connect(get_generators)
    PAGES_WRITTEN.connect(start_index)
    signals.finalized.connect(index_site)
