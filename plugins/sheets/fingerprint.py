"""Which PDFs are still right: each printed sheet is fingerprinted by the bytes of its print view and the
stylesheets of the built site, recorded in `print/.nguon.json`.

`make html` carries a PDF over into the new site only when its view is
byte-identical (so `make print`'s work is never lost, and a sheet whose list
has ended never survives); `make print` renders only the sheets whose
fingerprint changed. No WeasyPrint import here: the build stays light.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections.abc import Iterable
from pathlib import Path

MANIFEST = ".nguon.json"
PRINT_FOLDER = "print"  # the site's folder of printed PDFs: kept by this module, outside the build's outputs' record
PRINTED = f"{PRINT_FOLDER}/"  # what is under it, to a listing of the site's files


VIEW = re.compile(r"cong-khai/[^/]+/[^/]+/in/(?:[^/]+/)?index\.html")


def print_views(site: Path, names: Iterable[str] | None = None) -> list[Path]:
    """The site's print views; from `names` (its files as the build recorded them) when given, as walking
    every disclosure's folders to find them was 0.02 s of every rebuild at 1x."""
    if names is not None:
        return [site / name for name in sorted(names) if VIEW.fullmatch(name)]
    return sorted(site.glob("cong-khai/*/*/in/index.html")) + sorted(site.glob("cong-khai/*/*/in/*/index.html"))


def sheet_name(view: Path, site: Path) -> str:
    """cong-khai/2026/x/in/index.html -> 2026-x.pdf; cong-khai/2026/x/in/thon-dong/index.html -> 2026-x-thon-dong.pdf."""
    year, slug, _in, *village = view.parent.relative_to(site / "cong-khai").parts
    return "-".join([year, slug, *village]) + ".pdf"


def fingerprints(site: Path, previous: Path | None = None, known: dict[str, str] | None = None,
                 names: Iterable[str] | None = None) -> dict[str, str]:
    """PDF name -> fingerprint of what it is printed from. With `known` (the fingerprints of the PDFs the
    `previous` site has), only those sheets are looked at, and a view that is the very file of the previous
    site (the build carried it over by a hard link) under the same stylesheets keeps its fingerprint
    unread: reading 30,000 views cost every build ten seconds at 4x, for the few hundred PDFs printed.
    `names`: the site's files (`print_views`)."""
    common = _styles(site)
    reuse = previous is not None and known is not None and _styles(previous) == common
    result = {}
    for view in print_views(site, names):
        name = sheet_name(view, site)
        if known is not None and name not in known:
            continue
        if reuse and _same_file(view, previous / view.relative_to(site)):
            result[name] = known[name]
        else:
            result[name] = hashlib.sha256(view.read_bytes() + common.encode()).hexdigest()
    return result


def _styles(site: Path) -> str:
    styles = hashlib.sha256()
    for css in sorted(site.glob("theme/css/*.css")):
        styles.update(css.read_bytes())
    return styles.hexdigest()


def _same_file(first: Path, second: Path) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


def read_manifest(folder: Path) -> dict[str, str]:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)} if isinstance(data, dict) else {}


def write_manifest(folder: Path, manifest: dict[str, str]) -> None:
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")


def carry_over(previous: Path, target: Path, wanted: dict[str, str]) -> dict[str, str]:
    """Link (or copy) into `target` each PDF of `previous` whose fingerprint is still `wanted`; return them."""
    old = read_manifest(previous)
    kept = {}
    for name, fingerprint in wanted.items():
        source = previous / name
        if old.get(name) == fingerprint and source.is_file() and not source.is_symlink():
            target.mkdir(parents=True, exist_ok=True)
            try:
                os.link(source, target / name)
            except OSError:
                shutil.copyfile(source, target / name)
            kept[name] = fingerprint
    return kept


def keep_printed_sheets(old_site: Path, new_site: Path, names: Iterable[str] | None = None) -> int:
    """Before a new site replaces `old_site`: carry over the PDFs whose print view did not change. `names`: the
    new site's files, as the build recorded them (else it is walked)."""
    if not (old_site / PRINT_FOLDER).is_dir():
        return 0
    wanted = fingerprints(new_site, old_site, read_manifest(old_site / PRINT_FOLDER), names)
    kept = carry_over(old_site / PRINT_FOLDER, new_site / PRINT_FOLDER, wanted)
    if kept:
        write_manifest(new_site / PRINT_FOLDER, kept)
    return len(kept)
