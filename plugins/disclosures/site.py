"""Loading a whole content folder: commune.yml, every bundle, every page, every issue.

The one entry point for `make validate`, the Pelican build and the tests, so
the three can never disagree about what is wrong.
"""

from __future__ import annotations

import datetime as dt
import pickle
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from plugins.attachments.check import Checked, check_attachment, clean_attachment
from plugins.disclosures import store
from plugins.disclosures.bundle import as_draft, parse_bundle
from plugins.disclosures.cache import BundleCache, code_version, digest
from plugins.disclosures.channels import CHANNELS, ChannelRegistry
from plugins.disclosures.commune import FILE as COMMUNE_FILE
from plugins.disclosures.commune import parse_commune
from plugins.disclosures.files import DEFAULT_LIMITS, ContentTree, Limits, scan
from plugins.disclosures.history import BundleHistory, bundle_history
from plugins.disclosures.kinds import Download, KindRegistry, LoadContext, resolve_settings
from plugins.disclosures.last_good import GitVersions, Version
from plugins.disclosures.model import Commune, Disclosure, PostingStatus, Shown, replaced
from plugins.disclosures.outputs import NOT_KEPT, KeptValues
from plugins.disclosures.pages import page_slug_issue, parse_page
from plugins.disclosures.unmade import issues_of
from plugins.disclosures.workers import share_out
from plugins.issues import Issue, has_errors
from plugins.privacy.rules import NO_OFFICIAL, Official
from plugins.tables.write import clean_copy


@dataclass(frozen=True)
class KeptBack:
    """A file or bundle with errors, and what is published in its place: its last good version, or nothing."""

    path: str  # relative to content/: "commune.yml", "disclosures/2026/x", "pages/y.md"; or a search part, "pagefind/nam-2019"
    version: Version | None  # None: left out (no earlier version passes the checks)


@dataclass(frozen=True)
class Site:
    """A loaded content folder; the derive stage hands on a new one (derive.py). No field is ever set again.
    `issues` and `kept_back` are the build's log, shared by every later copy: the stages after loading add
    to them (a search part or the theme kept back), and the report reads them at the end."""

    commune: Commune | None
    disclosures: list[Disclosure] = field(default_factory=list)
    pages: dict[str, dict] = field(default_factory=dict)  # file -> metadata
    issues: list[Issue] = field(default_factory=list)
    build_date: dt.date | None = None
    cache_hits: int = 0  # bundles taken from the cache, and read afresh
    cache_misses: int = 0
    bundles_loaded: int = 0  # without errors, whether unpacked or not
    kept_back: list[KeptBack] = field(default_factory=list)  # only when loaded with `keep_last_good`
    checked: dict[str, Any] = field(default_factory=dict)  # what each channel's check worked out (channels.py)
    kind_settings: dict[str, dict] = field(default_factory=dict)  # each kind's settings, defaults filled in


def load_site(content_path: Path, kinds: KindRegistry, build_date: dt.date,
              kind_settings: dict | None = None, limits: Limits = DEFAULT_LIMITS,
              cache_folder: Path | None = None, *, checks_only: bool = False, show_drafts: bool = False,
              keep_last_good: bool = False, channels: ChannelRegistry = CHANNELS) -> Site:
    """`kind_settings` is CKX_KIND_SETTINGS from pelicanconf.py; a bad one raises SettingsError. With a
    `cache_folder`, bundles whose files, commune.yml, settings and code are unchanged are not read again.
    `checks_only` (validate): the issues and the count are all that is wanted, so a bundle taken from the
    cache is not unpacked and `disclosures` holds only those read afresh. Drafts (`draft: true`) are checked
    but left out, their errors told as warnings, unless `show_drafts` (a preview for the officer).
    `keep_last_good` (the build): a broken commune.yml or bundle is replaced by its last version in git that
    passes the checks, loaded for `build_date`, or left out; `kept_back` says which. The issues stay.
    The `channels`' checks run last, over every disclosure (so `checks_only` reads them all when there are any); a
    channel's own file with errors is kept back like a page (`kept_back`), its channel working without it."""
    settings = resolve_settings(kinds, kind_settings)
    content_path = Path(content_path)
    tree = scan(content_path)
    if not tree.has(COMMUNE_FILE):
        return Site(None, issues=[*tree.issues, Issue(code="thieu-tep-xa", file=COMMUNE_FILE,
                                                     message="không tìm thấy tệp commune.yml.",
                                                     hint="Chép tệp commune.yml mẫu trong README vào thư mục content/ rồi sửa.")])
    issues: list[Issue] = list(tree.issues)
    kept_back: list[KeptBack] = []
    commune_text = tree.read_text(COMMUNE_FILE, limits.yaml_bytes, issues)
    commune, commune_issues = parse_commune(commune_text, COMMUNE_FILE, limits.yaml_bytes) \
        if commune_text is not None else (None, [])
    issues += commune_issues
    versions = GitVersions(content_path, cache_folder, max(limits.attachment_bytes, limits.table_bytes)) \
        if keep_last_good else None
    if commune is None and versions is not None:
        commune_text, commune, version = _last_good_commune(versions, limits)
        kept_back.append(KeptBack(COMMUNE_FILE, version))
    pages, page_issues = _load_pages(tree, limits, commune.official if commune else NO_OFFICIAL)
    issues += page_issues
    if versions is not None:  # a page with errors is left out (Pelican reads pages from content/ itself)
        kept_back += [KeptBack(rel, None) for rel in sorted({i.file for i in page_issues if i.is_error})]
    if commune is None:  # bundles cannot be checked without the villages
        return Site(None, pages=pages, issues=issues, build_date=build_date, kept_back=kept_back,
                    kind_settings=settings)
    history = bundle_history(content_path)
    inputs_of_every_bundle = digest(code_version(), commune_text, repr(settings), repr(limits),
                                    ",".join(kind.id for kind in kinds), f"drafts={show_drafts}")
    checks = channels.checks()
    keep_disclosures = not checks_only or bool(checks)  # the channels' checks read every disclosure
    cache = BundleCache(store.entry(cache_folder, "ho-so", str(Path(content_path).resolve())), inputs_of_every_bundle)
    bundles, unread = {}, []  # source_dir -> (disclosure, issues, file digests, key), in the order of the disk
    for index_file in tree.glob("disclosures", "index.md"):
        source_dir = f"disclosures/{index_file}".rsplit("/", 1)[0]
        file_digests = {name: cache.checksum(tree, f"{source_dir}/{name}") for name in tree.under(source_dir)}
        key = cache.key(source_dir, file_digests)
        loaded = cache.get(source_dir, key, build_date, with_disclosure=keep_disclosures)
        bundles[source_dir] = (*(loaded or (None, [])), file_digests, key)
        if loaded is None:
            unread.append(source_dir)

    def read(share: list[str]):
        """Bundles read and checked afresh (on every core: plugins/disclosures/workers.py), kept in the cache."""
        done = []
        for source_dir in share:
            issues: list[Issue] = []
            text = tree.read_text(f"{source_dir}/index.md", limits.markdown_bytes, issues)
            disclosure = None
            if text is not None:
                disclosure, bundle_issues, asked = _load_bundle(tree, source_dir, text, commune, kinds, settings,
                                                                build_date, limits, show_drafts, cache_folder,
                                                                bundles[source_dir][2])
                if disclosure is not None:  # its tables as the store keeps them, and a worker hands them back
                    disclosure = replace(disclosure, shown=disclosure.shown.packed())
                cache.put(source_dir, bundles[source_dir][3], disclosure, bundle_issues, asked)
                issues += bundle_issues
            done.append((source_dir, disclosure if keep_disclosures else None, issues,
                         cache.fresh.get(source_dir)))
        return done

    for done in share_out(unread, read):
        for source_dir, disclosure, bundle_issues, entry in done:
            bundles[source_dir] = (disclosure, bundle_issues, *bundles[source_dir][2:])
            if entry is not None:
                cache.fresh[source_dir] = entry
    disclosures, bundles_loaded = [], 0
    for source_dir, (disclosure, bundle_issues, file_digests, key) in bundles.items():
        issues += bundle_issues
        bundles_loaded += not has_errors(bundle_issues)
        entry = cache.fresh.get(source_dir)
        asked = repr(entry.date_questions) if entry is not None else f"?{build_date}"
        if versions is not None and has_errors(bundle_issues):
            disclosure, version, file_digests = _last_good_bundle(versions, source_dir, commune, kinds, settings,
                                                                  build_date, limits, show_drafts)
            kept_back.append(KeptBack(source_dir, version if disclosure else None))
            if disclosure is None:
                continue
            key, asked = cache.key(source_dir, file_digests), f"?{build_date}"  # loaded for this date alone
            history[source_dir] = _history_until(history.get(source_dir), version.date)
        if disclosure is not None and (show_drafts or not disclosure.draft):
            disclosures.append(_with_facts(disclosure, file_digests, key, build_date, history.get(source_dir), asked))
    cache.save()
    store.prune_now_and_then(cache_folder)
    disclosures.sort(key=lambda d: (d.issued, d.source_dir), reverse=True)
    site = Site(commune, disclosures, pages, issues, build_date, cache.hits, cache.misses, bundles_loaded, kept_back,
                {}, settings)
    checked = {}
    kept = KeptValues(cache.checks_path, inputs_of_every_bundle)  # by what every bundle is loaded with
    for check in checks:  # each reads the site as loaded, never another channel's check
        check_issues, checked[check.name] = check.check(site, tree, limits, kept)
        issues += check_issues
        if versions is not None:
            kept_back += [KeptBack(rel, None) for rel in sorted({i.file for i in check_issues if i.is_error})]
    kept.save()
    return replace(site, checked=checked)


def keep_back_unmade(site: Site, failures: dict[str, str], content_path: Path, kinds: KindRegistry,
                     limits: Limits = DEFAULT_LIMITS, cache_folder: Path | None = None,
                     show_drafts: bool = False, channels: ChannelRegistry = CHANNELS) -> Site:
    """The site with each disclosure whose outputs could not be made (`failures`, by folder: unmade.py) kept
    back: the newest version in git that passes every check and is not the one that failed stands in for it,
    loaded for the build date; else it is left out, as is a version from git that failed in turn. The build's
    issues and `kept_back` say which, one error per cause; the channels' checks see the site as published."""
    versions = GitVersions(content_path, cache_folder, max(limits.attachment_bytes, limits.table_bytes))
    tree, history = scan(content_path), None
    by_folder = {d.source_dir: d for d in site.disclosures}
    kept: dict[str, bool] = {}
    for source_dir in failures:
        failed = by_folder.pop(source_dir, None)
        disclosure = None
        if failed is not None and failed.source_root is None:  # the working copy failed: an earlier one may not
            working = {name: tree.sha256(f"{source_dir}/{name}") for name in tree.under(source_dir)}
            disclosure, version, file_digests = _last_good_bundle(
                versions, source_dir, site.commune, kinds, site.kind_settings, site.build_date, limits, show_drafts,
                unlike=working)
        if disclosure is not None and (show_drafts or not disclosure.draft):
            history = bundle_history(content_path) if history is None else history
            # its outputs are made from its files, the commune, the settings and the code, as a loaded bundle's
            key = digest(code_version(), "giữ lại", repr(site.commune), repr(site.kind_settings), repr(limits),
                         f"drafts={show_drafts}", source_dir, *(f"{n}\0{sha}" for n, sha in sorted(file_digests.items())))
            by_folder[source_dir] = _with_facts(disclosure, file_digests, key, site.build_date,
                                                _history_until(history.get(source_dir), version.date),
                                                f"?{site.build_date}")  # loaded for this date alone
            site.kept_back.append(KeptBack(source_dir, version))
            kept[source_dir] = True
        else:
            site.kept_back.append(KeptBack(source_dir, None))
    site.issues.extend(issues_of(failures, kept))
    site = replace(site, disclosures=sorted(by_folder.values(), key=lambda d: (d.issued, d.source_dir), reverse=True))
    checked = {}
    for check in channels.checks():  # what they found was of the disclosures as loaded (the year's obligations)
        check_issues, checked[check.name] = check.check(site, tree, limits, NOT_KEPT)
        site.issues.extend(issue for issue in check_issues if issue not in site.issues)
    return replace(site, checked=checked)


def _load_bundle(tree: ContentTree, source_dir: str, text: str, commune: Commune, kinds: KindRegistry,
                 settings: dict, build_date: dt.date, limits: Limits, show_drafts: bool,
                 cache_folder: Path | None = None, file_digests: dict[str, str] | None = None):
    """One bundle read and checked: (disclosure or None, issues, what its loader asked about the build date).
    `file_digests` (name -> SHA-256 of each of its files, when known) let an attachment the check read before
    go unread (`_checked_attachment`)."""
    disclosure, issues = parse_bundle(source_dir, text, tree.under(source_dir), commune, kinds, limits, show_drafts)
    if disclosure is None:
        return None, issues, ()
    bundle_dir = tree.path(source_dir)
    files_issues, published = [], []
    for ref in disclosure.attachments:
        checked = _checked_attachment(bundle_dir / ref.file, f"{source_dir}/{ref.file}", commune.official, limits,
                                      cache_folder, (file_digests or {}).get(ref.file))
        files_issues += checked.issues
        published.append(replace(ref, size=checked.size, sha256=checked.sha256))  # what a citizen downloads
    disclosure = replace(disclosure, attachments=tuple(published))
    context = LoadContext(commune=commune, build_date=build_date, settings=settings.get(disclosure.kind, {}),
                          limits=limits)
    disclosure, table_issues = _with_tables(disclosure, bundle_dir, context, kinds)
    files_issues += table_issues
    issues += as_draft(files_issues) if disclosure.draft and not show_drafts else files_issues
    disclosure = _without_expired_text(disclosure, kinds.get(disclosure.kind))
    return disclosure, issues, tuple(context.date_questions)


def _checked_attachment(path: Path, shown: str, official: Official, limits: Limits, cache_folder: Path | None,
                        file_sha256: str | None) -> Checked:
    """`check_attachment`'s findings, or those of the same bytes checked before: an edit to a bundle's text or
    tables does not read its PDFs again (a scanned decision of a few megabytes takes seconds). They are kept in
    the store by the file's SHA-256 and everything else the check reads (its name, the commune's own numbers,
    the limits, the code); its clean copy, made by the same check, under that copy's own SHA-256, for the
    build to publish (`published_attachment`): making one again is a second full read of the file."""
    findings = store.entry(cache_folder, CLEAN_COPIES, "check", code_version(), file_sha256, shown,
                           repr(sorted(official.numbers)), repr(sorted(official.emails)), repr(limits),
                           suffix=".pickle") if file_sha256 else None
    kept = store.read(findings)
    if kept is not None:
        try:
            issues, size, sha256 = pickle.loads(kept)
            if sha256:
                store.used(store.entry(cache_folder, CLEAN_COPIES, sha256))
            return Checked(issues, size, sha256)
        except Exception:  # damaged or of another layout: the file is checked again
            pass
    checked = check_attachment(path, shown, official, max_bytes=limits.attachment_bytes,
                               max_unpacked_bytes=limits.xlsx_unpacked_bytes)
    if checked.sha256 and not has_errors(checked.issues):
        store.keep_by_sha256(cache_folder, CLEAN_COPIES, checked.clean, checked.sha256)
    store.write(findings, pickle.dumps((checked.issues, checked.size, checked.sha256), protocol=pickle.HIGHEST_PROTOCOL))
    return checked


def published_attachment(cache_folder: Path | None, source: Path, sha256: str | None) -> bytes:
    """What is published for the attachment at `source` whose clean copy the check found to have `sha256`:
    the copy the check kept, else one made again."""
    kept = store.read_by_sha256(cache_folder, CLEAN_COPIES, sha256) if sha256 else None
    return kept if kept is not None else clean_attachment(source)


def _last_good_commune(versions: GitVersions, limits: Limits) -> tuple[str | None, Commune | None, Version | None]:
    """commune.yml as it last read without errors: the villages and names the bundles are checked against."""
    for version in versions.versions(COMMUNE_FILE):
        text = scan(version.root).read_text(COMMUNE_FILE, limits.yaml_bytes, [])
        commune, issues = parse_commune(text, COMMUNE_FILE, limits.yaml_bytes) if text is not None else (None, [])
        if commune is not None and not has_errors(issues):
            return text, commune, version
    return None, None, None


def _last_good_bundle(versions: GitVersions, source_dir: str, commune: Commune, kinds: KindRegistry, settings: dict,
                      build_date: dt.date, limits: Limits, show_drafts: bool, unlike: dict[str, str] | None = None):
    """(disclosure, version, file digests) of the newest earlier version of the bundle that passes every check
    today, read from its own folder (`Disclosure.source_root`); (None, None, {}) when none does. A version
    whose files are `unlike` (name -> SHA-256: the one that failed) is passed over."""
    for version in versions.versions(source_dir):
        tree = scan(version.root)
        if unlike is not None and unlike == {name: tree.sha256(f"{source_dir}/{name}") for name in tree.under(source_dir)}:
            continue
        issues: list[Issue] = []
        text = tree.read_text(f"{source_dir}/index.md", limits.markdown_bytes, issues)
        if text is None:
            continue
        disclosure, issues, _asked = _load_bundle(tree, source_dir, text, commune, kinds, settings, build_date,
                                                  limits, show_drafts)
        if disclosure is not None and not has_errors(issues):
            digests = {name: tree.sha256(f"{source_dir}/{name}") for name in tree.under(source_dir)}
            return replace(disclosure, source_root=str(version.root)), version, digests
    return None, None, {}


def _history_until(history: BundleHistory | None, day: dt.date) -> BundleHistory | None:
    """The history of the version published: the later changes are not on the site yet."""
    if history is None:
        return None
    changes = tuple(change for change in history.changes if change.date <= day)
    return BundleHistory(history.first, min(history.last, day), changes) if changes else None


def _with_facts(disclosure: Disclosure, file_digests: dict[str, str], key: str, build_date: dt.date,
                history: BundleHistory | None, asked: str) -> Disclosure:
    """What holds outside the bundle's files: posting status on the build date, dates and changes from history;
    and the checksums of its files. The fingerprint names all of it, for the outputs made from this disclosure,
    with what its loader asked of the build date and the answers (`asked`: a household list's names leave on
    a day when nothing else about it changes, its status having changed days before)."""
    status = disclosure.posting.status(build_date) if disclosure.posting else PostingStatus.NOT_POSTED
    checksummed = tuple(replace(ref, sha256=file_digests[ref.file]) for ref in disclosure.tables)
    attachments = disclosure.attachments  # their clean copies' checksums, from the check
    first, last = (history.first, history.last) if history else (None, None)
    changes = _published_changes(history, (*checksummed, *attachments)) if history else ()
    return replaced(disclosure, status=status, tables=checksummed, attachments=attachments,
                   first_published=first, last_changed=last, changes=changes,
                   fingerprint=digest(key, asked, status.value, str(first), str(last), repr(changes)),
                   loaded_from=digest(key, asked))


CLEAN_COPIES = "dinh-kem"  # the store's part (store.PARTS)
UNPUBLISHED_FILE = "tệp không đăng trên trang"


def _published_changes(history: BundleHistory, refs) -> tuple[tuple[dt.date, tuple[tuple[str, str], ...]], ...]:
    """Each day's changes as a citizen may read them: the explanation and the declared files by their titles;
    a file the bundle keeps but does not publish is never named (its name may be a person's)."""
    titles = {"index.md": "Nội dung văn bản"} | {ref.file: ref.title or ref.file for ref in refs}
    days = []
    for change in history.changes:
        named = {(titles.get(name, UNPUBLISHED_FILE), action) for name, action in change.files}
        days.append((change.date, tuple(sorted(named, key=lambda pair: (pair[0] == UNPUBLISHED_FILE, pair)))))
    return tuple(days)


WITHDRAWN_NOTE = ("Danh sách có tên đã hết thời gian niêm yết. Theo quy định bảo vệ dữ liệu cá nhân, trang chỉ "
                  "còn giữ số liệu tổng hợp theo thôn.")


def _without_expired_text(disclosure: Disclosure, kind) -> Disclosure:
    """After a named list's period nothing but its counts remains: the explanation and the attachments may
    name households too, so they go, here, before any template or print view can see them."""
    if kind is None or not kind.tables or not kind.tables.names_leave_with_list or getattr(disclosure.shown.data, "named", False):
        return disclosure
    return replace(disclosure, body_markdown=WITHDRAWN_NOTE, attachments=())


def _with_tables(disclosure: Disclosure, bundle_dir: Path, context: LoadContext,
                 kinds: KindRegistry) -> tuple[Disclosure, list[Issue]]:
    """The disclosure with what its kind's loader made of its tables (`shown`), and the tables' issues."""
    kind = kinds.get(disclosure.kind)
    if kind is None or kind.tables is None:  # a kind without tables: the bundle's check dropped any declared
        return disclosure, []
    data, issues = kind.tables.load(disclosure, str(bundle_dir), context)
    originals = tuple(_clean_originals(disclosure, context.checked)) if kind.tables.publish_originals else ()
    return replace(disclosure, shown=Shown(data, originals)), issues


def _clean_originals(disclosure: Disclosure, checked: list) -> list[Download]:
    """The officer's table files as downloads, rebuilt from exactly what was checked: an .xlsx published as
    it was carried hidden sheets, comments and its author, which no check ever saw."""
    stamp = dt.datetime.combine(disclosure.issued, dt.time())
    by_file: dict[str, list] = {}
    for ref, table in checked:
        by_file.setdefault(ref.file, []).append((ref, table))
    return [Download(file, pairs[0][0].title or f"Bảng {file} (bản đã kiểm tra)",
                     clean_copy([table for _ref, table in pairs], file, stamp))
            for file, pairs in by_file.items()]


def _load_pages(tree: ContentTree, limits: Limits, official: Official) -> tuple[dict[str, dict], list[Issue]]:
    pages, issues, slugs = {}, [], {}
    for name in sorted(tree.under("pages")):  # every file Pelican's page reader would read, subfolders too
        if not name.endswith((".md", ".markdown")):
            continue
        rel = f"pages/{name}"
        text = tree.read_text(rel, limits.markdown_bytes, issues)
        if text is None:
            continue
        metadata, _, page_issues = parse_page(rel, text, limits.yaml_bytes, official)
        issues += page_issues
        if metadata:
            slug_issue = page_slug_issue(rel, metadata, slugs)
            if slug_issue:
                issues.append(slug_issue)
            else:
                pages[rel] = metadata
    return pages, issues



