"""Checking an entry the editor is about to save, with the build's own validators.

The editor's preview posts the entry (its path and field values) to the local
editor server (`scripts/editor.py`), which answers with the same issues
`make validate` would print for that file. The path comes from a browser, so
it is accepted only in the one shape the editor writes
(`content/disclosures/<year>/<slug>/index.md`) and only files inside that
bundle folder are looked at.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from plugins.disclosures.bundle import parse_bundle
from plugins.disclosures.commune import parse_commune
from plugins.disclosures.files import scan
from plugins.disclosures.kinds import KindRegistry
from plugins.issues import Issue
from plugins.vietnamese.text import fold

ENTRY_FILE = re.compile(r"[^/\\\x00]{1,200}")  # a file name alone, as the editor names an upload
ENTRY_PATH = re.compile(r"content/(disclosures/\d{4}/[a-z0-9]+(?:-[a-z0-9]+)*)/index\.md")


def entry_text(data: dict[str, Any]) -> str:
    """The index.md the editor will write: YAML front matter, then the Markdown body."""
    fields = {k: v for k, v in data.items() if k != "body" and v not in (None, "", [], {})}
    front = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n{data.get('body') or ''}"


def planned_path(data: dict[str, Any], today: dt.date) -> str:
    """Where the editor will save a new entry: its collection's path "{{year}}/{{slug}}/index", the year of the
    day it is created and the title made ASCII as its `slug` setting does ("Công khai dự toán" ->
    "cong-khai-du-toan"); an entry with no title yet is checked under a stand-in name."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(str(data.get("title") or ""))).strip("-") or "van-ban-moi"
    return f"content/disclosures/{today.year}/{slug}/index.md"


def check_entry(path: str | None, data: dict[str, Any], content: Path, kinds: KindRegistry,
                today: dt.date | None = None, pending: list[str] = ()) -> list[Issue]:
    """`path` as the editor names it: "content/disclosures/2026/x/index.md"; None for an entry not saved yet,
    checked at the path it will have, so 31/02/2026 is named before the first save. `pending`: the names of
    files chosen in the editor and saved with the entry (their contents are checked when it is saved)."""
    if path is None:
        path = planned_path(data, today or dt.date.today())
    match = ENTRY_PATH.fullmatch(path) if isinstance(path, str) else None
    if match is None:
        return [Issue(code="duong-dan-khong-hop-le", file=str(path)[:200],
                      message="đường dẫn hồ sơ không đúng dạng content/disclosures/<năm>/<tên-ngắn>/index.md.",
                      hint="Tên ngắn chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang.")]
    commune_file = content / "commune.yml"
    if commune_file.is_symlink() or not commune_file.is_file():
        return [Issue(code="thieu-tep-xa", file="commune.yml", message="không đọc được tệp commune.yml.",
                      hint="Chép tệp commune.yml vào thư mục content/.")]
    commune, issues = parse_commune(commune_file.read_text(encoding="utf-8", errors="replace"))
    if commune is None:
        return issues
    source_dir = match.group(1)
    folder = content / source_dir
    inside = folder.resolve().is_relative_to(content.resolve())
    files = scan(folder).files if folder.is_dir() and inside else {}
    files = {**{name: 0 for name in pending if ENTRY_FILE.fullmatch(name)}, **files}
    _, issues = parse_bundle(source_dir, entry_text(data), files, commune, kinds)
    return issues
