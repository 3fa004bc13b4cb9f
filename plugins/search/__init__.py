"""Site search with Pagefind, indexed once over the finished output.

Glue only: the search page is a theme template, the index is built by
Pagefind's own binary (from the `pagefind[bin]` package) when Pelican has
written everything into the staging folder, so a failed index fails the build
before anything is published. What is indexed is decided in the templates:
only disclosure and static pages carry `data-pagefind-body`. An ended named
list stays findable by its village counts (the only thing its page still
holds); search engines are told `noindex`. Excerpts are built by the search
page from the real text, before the hidden đ→d copy (marked with U+2042).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from plugins.disclosures.build import settle_outputs


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site."""


# Only the pages that can carry data-pagefind-body: disclosures and static pages. Reading every
# listing, village page and print view as well tripled the time and doubled the memory on a large commune.
INDEXED = "{cong-khai/*/*/index.html,*/index.html}"


# Pagefind writes its ready-made interfaces beside the index; the search page uses its API alone
# (theme/static/js/tim-kiem.js), so these 418 KB a site (63 MB for a province of 150) are never published.
UNUSED_UI = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
             "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js")


def index_site(pelican) -> None:
    settle_outputs(pelican.settings)  # the index is of the finished site, never of what a standby still held
    command = [sys.executable, "-m", "pagefind", "--site", str(pelican.output_path), "--glob", INDEXED, "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind không lập được chỉ mục tìm kiếm:\n{result.stdout}\n{result.stderr}")
    for name in UNUSED_UI:
        Path(pelican.output_path, "pagefind", name).unlink(missing_ok=True)


def get_generators(_pelican):
    from plugins.search.generator import SearchPageGenerator

    return SearchPageGenerator


def register() -> None:
    from pelican import signals

    signals.get_generators.connect(get_generators)
    signals.finalized.connect(index_site)
