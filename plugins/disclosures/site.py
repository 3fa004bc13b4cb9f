"""Loading a whole content folder: commune.yml, every bundle, every page, every issue.

The one entry point for `make validate`, the Pelican build and the tests, so
the three can never disagree about what is wrong.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
from dataclasses import dataclass, field, replace
from pathlib import Path

from plugins.disclosures.bundle import parse_bundle
from plugins.disclosures.commune import FILE as COMMUNE_FILE
from plugins.disclosures.commune import parse_commune
from plugins.disclosures.history import bundle_history
from plugins.disclosures.kinds import KindRegistry, LoadContext, resolve_settings
from plugins.disclosures.model import Commune, Disclosure, PostingStatus
from plugins.disclosures.pages import parse_page
from plugins.issues import WARNING, Issue


@dataclass
class Site:
    commune: Commune | None
    disclosures: list[Disclosure] = field(default_factory=list)
    pages: dict[str, dict] = field(default_factory=dict)  # file -> metadata
    issues: list[Issue] = field(default_factory=list)


def load_site(content_path: Path, kinds: KindRegistry, build_date: dt.date,
              kind_settings: dict | None = None) -> Site:
    """`kind_settings` is CKX_KIND_SETTINGS from pelicanconf.py; a bad one raises SettingsError."""
    settings = resolve_settings(kinds, kind_settings)
    content_path = Path(content_path)
    commune_file = content_path / COMMUNE_FILE
    if not commune_file.is_file():
        return Site(None, issues=[Issue(code="thieu-tep-xa", file=_rel(commune_file, content_path),
                                        message="không tìm thấy tệp commune.yml.",
                                        hint="Chép tệp commune.yml mẫu trong README vào thư mục content/ rồi sửa.")])
    issues: list[Issue] = []
    text = _read_text(commune_file, content_path, issues)
    commune, commune_issues = parse_commune(text, COMMUNE_FILE) if text is not None else (None, [])
    site = Site(commune, issues=issues + commune_issues)
    site.pages, page_issues = _load_pages(content_path)
    site.issues += page_issues
    if commune is None:
        return site  # bundles cannot be checked without the villages
    history = bundle_history(content_path)
    for index_file in sorted((content_path / "disclosures").glob("**/index.md")):
        bundle_dir = index_file.parent
        source_dir = _rel(bundle_dir, content_path)
        files = {_rel(f, bundle_dir): f.stat().st_size for f in bundle_dir.rglob("*") if f.is_file()}
        text = _read_text(index_file, content_path, site.issues)
        if text is None:
            continue
        disclosure, bundle_issues = parse_bundle(source_dir, text, files, commune, kinds)
        site.issues += bundle_issues
        if disclosure is None:
            continue
        disclosure = _with_facts(disclosure, bundle_dir, build_date, history.get(source_dir))
        context = LoadContext(commune=commune, today=build_date, settings=settings.get(disclosure.kind, {}))
        site.issues += _load_tables(disclosure, bundle_dir, context, kinds)
        site.disclosures.append(disclosure)
    site.disclosures.sort(key=lambda d: (d.issued, d.source_dir), reverse=True)
    return site


HANDOFF = "CKX_LOADED_SITE"
"""Environment variable naming a file where `scripts/ckx.py build` left the site it has just loaded and
checked, so the Pelican process it starts reuses it instead of reading every bundle a second time."""


def save_handoff(site: Site, content_path: Path, build_date: dt.date, kind_settings, folder: Path) -> Path:
    path = folder / "site.pickle"
    key = (str(Path(content_path).resolve()), build_date, repr(kind_settings))
    path.write_bytes(pickle.dumps((key, site), protocol=pickle.HIGHEST_PROTOCOL))
    return path


def load_with_handoff(content_path: Path, kinds: KindRegistry, build_date: dt.date, kind_settings=None) -> Site:
    """`load_site`, or the site the build command already loaded for the same content, date and settings."""
    handoff = os.environ.get(HANDOFF)
    if handoff and Path(handoff).is_file():
        key, site = pickle.loads(Path(handoff).read_bytes())
        if key == (str(Path(content_path).resolve()), build_date, repr(kind_settings)):
            return site
    return load_site(content_path, kinds, build_date, kind_settings)


def _with_facts(disclosure: Disclosure, bundle_dir: Path, build_date: dt.date, dates) -> Disclosure:
    """Posting status on the build date, checksums of the data files, dates from history."""
    status = disclosure.posting.status(build_date) if disclosure.posting else PostingStatus.NOT_POSTED
    checksummed = tuple(replace(ref, sha256=_sha256(bundle_dir / ref.file)) for ref in disclosure.tables)
    attachments = tuple(replace(ref, sha256=_sha256(bundle_dir / ref.file)) for ref in disclosure.attachments)
    first, last = dates or (None, None)
    return replace(disclosure, status=status, tables=checksummed, attachments=attachments,
                   first_published=first, last_changed=last)


def _load_tables(disclosure: Disclosure, bundle_dir: Path, context: LoadContext, kinds: KindRegistry) -> list[Issue]:
    kind = kinds.get(disclosure.kind)
    if kind is None:
        return []
    if kind.load_tables is None:
        return [Issue(code="bang-chua-hien-thi", file=f"{disclosure.source_dir}/{ref.file}", severity=WARNING,
                      message=f'loại "{kind.label}" chưa hiển thị bảng; bảng này chưa được đăng lên trang.',
                      hint="Không cần sửa gì: bảng sẽ được đăng khi phần hiển thị của loại này hoàn thành.")
                for ref in disclosure.tables]
    data, issues = kind.load_tables(disclosure, str(bundle_dir), context)
    disclosure.extra["data"] = data
    return issues


def _load_pages(content_path: Path) -> tuple[dict[str, dict], list[Issue]]:
    pages, issues = {}, []
    for file in sorted((content_path / "pages").glob("*.md")):
        text = _read_text(file, content_path, issues)
        if text is None:
            continue
        metadata, _, page_issues = parse_page(_rel(file, content_path), text)
        issues += page_issues
        if metadata:
            pages[_rel(file, content_path)] = metadata
    return pages, issues


def _read_text(path: Path, content_path: Path, issues: list[Issue]) -> str | None:
    """Text files written by officers must be UTF-8; anything else is reported, not garbled."""
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        issues.append(Issue(code="tep-khong-doc-duoc", file=_rel(path, content_path), line=line,
                            message="tệp không được lưu theo mã UTF-8 nên chữ tiếng Việt bị hỏng.",
                            hint="Mở tệp bằng Notepad, chọn Save As, mục Encoding chọn UTF-8, rồi lưu lại."))
        return None


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _rel(path: Path, base: Path) -> str:
    return path.relative_to(base).as_posix()
