"""Checking an entry the editor is about to save, with the build's own validators.

The editor's preview posts the entry (its path and field values) to the local
editor server (`scripts/editor.py`), which answers with the same issues
`make validate` would print for that file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from plugins.disclosures.bundle import parse_bundle
from plugins.disclosures.commune import parse_commune
from plugins.disclosures.kinds import KindRegistry
from plugins.issues import Issue


def entry_text(data: dict[str, Any]) -> str:
    """The index.md the editor will write: YAML front matter, then the Markdown body."""
    fields = {k: v for k, v in data.items() if k != "body" and v not in (None, "", [], {})}
    front = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n{data.get('body') or ''}"


def check_entry(path: str, data: dict[str, Any], content: Path, kinds: KindRegistry) -> list[Issue]:
    """`path` as the editor names it: "content/disclosures/2026/x/index.md"."""
    commune, issues = parse_commune((content / "commune.yml").read_text(encoding="utf-8"))
    if commune is None:
        return issues
    source_dir = str(Path(path).parent.relative_to("content")).replace("\\", "/")
    folder = content / source_dir
    files = {p.relative_to(folder).as_posix(): p.stat().st_size for p in folder.rglob("*") if p.is_file()} \
        if folder.is_dir() else {}
    _, issues = parse_bundle(source_dir, entry_text(data), files, commune, kinds)
    return issues
