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
import shutil
from pathlib import Path

MANIFEST = ".nguon.json"


def print_views(site: Path) -> list[Path]:
    return sorted(site.glob("cong-khai/*/*/in/index.html")) + sorted(site.glob("cong-khai/*/*/in/*/index.html"))


def sheet_name(view: Path, site: Path) -> str:
    """cong-khai/2026/x/in/index.html -> 2026-x.pdf; cong-khai/2026/x/in/thon-dong/index.html -> 2026-x-thon-dong.pdf."""
    year, slug, _in, *village = view.parent.relative_to(site / "cong-khai").parts
    return "-".join([year, slug, *village]) + ".pdf"


def fingerprints(site: Path) -> dict[str, str]:
    """PDF name -> fingerprint of what it is printed from."""
    styles = hashlib.sha256()
    for css in sorted(site.glob("theme/css/*.css")):
        styles.update(css.read_bytes())
    common = styles.hexdigest()
    return {sheet_name(view, site): hashlib.sha256(view.read_bytes() + common.encode()).hexdigest()
            for view in print_views(site)}


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


def keep_printed_sheets(old_site: Path, new_site: Path) -> int:
    """Before a new site replaces `old_site`: carry over the PDFs whose print view did not change."""
    if not (old_site / "print").is_dir():
        return 0
    kept = carry_over(old_site / "print", new_site / "print", fingerprints(new_site))
    if kept:
        write_manifest(new_site / "print", kept)
    return len(kept)
