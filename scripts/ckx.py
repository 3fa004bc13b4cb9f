#!/usr/bin/env python3
"""Công khai xã command line: `validate` checks content/, `build` publishes it safely.

    python scripts/ckx.py validate [--content content]
    python scripts/ckx.py build [--content content] [--output output]
    python scripts/ckx.py print [--output output] [--only 2026/slug] [--now]   # PDFs of the print views

Both print every problem at once (file:line, code, Vietnamese message and
hint) and exit 1 on errors. `build` publishes what is right even then: a
bundle or commune.yml with errors stands as its last good version from git
(or is left out), so the day's date changes always reach the site, and the
report beside the output (`<output>-bao-cao/`) names what was kept back. It
renders into a temporary folder beside the output and swaps it in whole, so
a build that stops (Pelican, a theme, kill -9) leaves the published site
exactly as it was.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import gc
import importlib
import itertools
import os
import runpy
import shutil
import sys
import traceback
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# Python's collector looks for reference cycles every 700 new objects by default, and each full pass walks
# every object alive: imports, the loaded site and Pelican's pages made that a fifth of a rebuild after one
# edit. Measured side by side on that rebuild (1x bench, three runs each, alternated): default 2.36-2.43 s;
# these thresholds from the start and the site frozen once loaded (`build`) 1.82-1.89 s, as fast as no
# collector at all; a build from nothing 14.1 -> 13.5 s at the same peak memory (158 MB; with no collector
# at all it grew to 233 MB, so the collector stays).
gc.set_threshold(50_000, 50, 100)

from plugins.disclosures import report as build_report  # noqa: E402
from plugins.disclosures import store  # noqa: E402
from plugins.disclosures.build import BuildFailed, Preloaded, run_pelican, theme_folder  # noqa: E402  (needs ROOT on sys.path)
from plugins.disclosures.cache import folder_from_environment  # noqa: E402
from plugins.disclosures.channels import CHANNELS, RENDERING_ABANDONED, RENDERING_COMPLETE  # noqa: E402
from plugins.disclosures.checksums import write_checksums  # noqa: E402
from plugins.disclosures.files import DEFAULT_LIMITS  # noqa: E402
from plugins.disclosures.inputs import (  # noqa: E402
    FileDigests,
    code_fingerprint,
    inputs_fingerprint,
    last_good_inputs,
    record_last_build,
    tree_fingerprint,
)
from plugins.disclosures.kinds import KINDS  # noqa: E402
from plugins.disclosures.last_good import GitVersions  # noqa: E402
from plugins.disclosures.outputs import files_in, published_as_recorded, recorded_checksums, settings_fingerprint  # noqa: E402
from plugins.disclosures.settings import read_settings  # noqa: E402
from plugins.disclosures.site import KeptBack, keep_back_unmade, load_site  # noqa: E402
from plugins.disclosures.staging import new_staging, swap  # noqa: E402
from plugins.disclosures.unmade import DisclosuresUnmade  # noqa: E402
from plugins.disclosures.workers import Ahead  # noqa: E402
from plugins.issues import Issue, format_issues, has_errors  # noqa: E402
from plugins.sheets.fingerprint import PRINT_FOLDER, PRINTED, keep_printed_sheets, print_views  # noqa: E402
from plugins.vietnamese.format import number  # noqa: E402

SETTINGS = ROOT / "pelicanconf.py"


class SettingsUnreadable(Exception):
    """The settings file could not be run, or names a plugin there is none of: one issue, never a traceback."""

    def __init__(self, issue: Issue) -> None:
        super().__init__(issue.message)
        self.issue = issue


def load_settings(path: Path) -> dict:
    """Read pelicanconf.py as Pelican does and register the kinds (`register_kinds`) and the channels
    (`register_channel`) its plugins declare. A file that cannot be run (a typo in its Python) raises
    SettingsUnreadable naming its line.
    The plugins' Pelican signals are connected by Pelican itself when `build` runs it: `validate` never
    imports Pelican (a third of its time when nothing changed)."""
    try:
        settings = runpy.run_path(str(path))
    except Exception as exc:  # the commune's own Python: whatever it raises is told in one line
        raise SettingsUnreadable(_unreadable(path, exc)) from None
    for name in settings.get("PLUGINS") or ():
        try:
            module = importlib.import_module(name)
        except ImportError as exc:
            missing = isinstance(exc, ModuleNotFoundError) and exc.name and f"{name}.".startswith(f"{exc.name}.")
            raise SettingsUnreadable(Issue(
                code="cai-dat-khong-hop-le", file=str(path), key="PLUGINS",
                message=f'không có plugin "{name}".' if missing else f'plugin "{name}" không nạp được ({exc}).',
                hint="Viết đúng tên một thư mục trong plugins/ (ví dụ plugins.budget), hoặc bỏ tên đó khỏi PLUGINS."
                if missing else "Chạy make install để cài đủ các thư viện, rồi chạy lại.")) from None
        for hook in ("register_kinds", "register_channel"):
            if hasattr(module, hook):
                getattr(module, hook)()
    return settings


def _unreadable(path: Path, exc: Exception) -> Issue:
    """Where in the settings file it failed (the last line of that file the error passed through) and why."""
    if isinstance(exc, OSError) and not isinstance(exc, SyntaxError):
        why = "không có tệp này" if isinstance(exc, FileNotFoundError) else exc.strerror
        return Issue(code="cai-dat-khong-hop-le", file=str(path), message=f"không mở được tệp cài đặt ({why}).",
                     hint="Kiểm tra đường dẫn đưa cho --settings; bỏ --settings để dùng pelicanconf.py của dự án.")
    line = exc.lineno if isinstance(exc, SyntaxError) else next(
        (frame.lineno for frame in reversed(traceback.extract_tb(exc.__traceback__))
         if Path(frame.filename).resolve() == Path(path).resolve()), None)
    said = exc.msg if isinstance(exc, SyntaxError) else f"{type(exc).__name__}: {exc}"
    where = exc.filename if isinstance(exc, SyntaxError) and exc.filename else str(path)  # a file it imports
    return Issue(code="cai-dat-khong-hop-le", file=where, line=line,
                 message=f"tệp cài đặt không chạy được ({said}).",
                 hint="Sửa dòng này theo cú pháp Python, lấy pelicanconf.py của dự án làm mẫu, rồi chạy lại.")


def check(content: Path, settings: dict, *, checks_only: bool = False, keep_last_good: bool = False):
    """Load and check the content, print every issue; return the site, or None on errors (warnings allowed).
    With `keep_last_good` (the build) a site with errors is still returned when it has a commune: its broken
    parts stand as their last good versions or are left out (`site.kept_back`)."""
    if not content.is_dir():
        print(f"Không tìm thấy thư mục nội dung {content}.", file=sys.stderr)
        return None
    build_settings, issues = read_settings(settings, KINDS)
    if build_settings is None:
        print(format_issues(issues), file=sys.stderr)
        print(f"Cài đặt có lỗi: sửa {issues[0].file} (hoặc biến môi trường BUILD_DATE) rồi chạy lại.", file=sys.stderr)
        return None
    cache, unusable = folder_from_environment()
    if unusable:
        print(f"CẢNH BÁO: {unusable}", file=sys.stderr)
    site = load_site(content, KINDS, build_settings.build_date, build_settings.kind_settings, build_settings.limits,
                     cache, checks_only=checks_only, show_drafts=build_settings.show_drafts,
                     keep_last_good=keep_last_good)
    if site.issues:
        print(format_issues(site.issues), file=sys.stderr)
    if has_errors(site.issues) and (not keep_last_good or site.commune is None):
        print("Nội dung có lỗi: sửa các dòng LỖI ở trên rồi chạy lại.", file=sys.stderr)
        return site if keep_last_good else None
    reused = f" ({number(site.cache_hits)} hồ sơ không đổi từ lần trước, không đọc lại)" if site.cache_hits else ""
    good = "Nội dung hợp lệ" if not has_errors(site.issues) else "Phần nội dung không lỗi"
    print(f"{good}: {number(site.bundles_loaded)} hồ sơ công khai, {number(len(site.pages))} trang{reused}."
          + (" Có hiện các bản nháp (DRAFTS=1): không đăng thư mục này." if build_settings.show_drafts else ""))
    return site


def validate(content: Path, settings: dict) -> bool:
    return check(content, settings, checks_only=True) is not None


def build(content: Path, output: Path, settings_path: Path, settings: dict, report: Path | None = None) -> bool:
    """Publish what is right, atomically; True only when nothing had errors. A broken bundle or commune.yml
    stands as its last good version (or is left out), so the day's date changes always reach the site; the
    report beside the output (`<output>-bao-cao/`) names what was kept back."""
    output = output.resolve()
    report = (report or output.with_name(output.name + "-bao-cao")).resolve()
    cache_folder = folder_from_environment()[0]
    inputs = _inputs(content, settings, FileDigests(store.site_record(cache_folder, output, "content_digests"))) \
        if cache_folder else None
    if inputs and inputs == last_good_inputs(cache_folder, output) and _untouched(output, report, cache_folder):
        print((report / build_report.TEXT_FILE).read_text(encoding="utf-8").rstrip())
        print(f"Không có gì thay đổi từ lần xây dựng trước (cùng nội dung, lịch sử git, mã nguồn, cài đặt và ngày "
              f"{settings.get('BUILD_DATE')}): giữ nguyên trang trong {output}.")
        return True
    standby_files = _listed_ahead(store.site_record(cache_folder, output, "standby"))
    try:
        site = check(content, settings, keep_last_good=True)
        if site is None or site.commune is None:
            _report(report, site, output, published=False)
            return False
        return _published(site, content, output, report, settings_path, settings, cache_folder, inputs, standby_files)
    finally:
        if standby_files is not None:
            standby_files.discard()


def _listed_ahead(standby: Path | None) -> Ahead | None:
    """The standby's files (outputs.files_in), listed while the content loads: the build starts changing it
    into the new site only once the content is loaded, and at 4x listing its 35,000 folders took 0.46 s."""
    return Ahead(lambda: files_in(standby)) if standby is not None and standby.is_dir() else None


def _published(site, content: Path, output: Path, report: Path, settings_path: Path, settings: dict,
               cache_folder: Path | None, inputs: str | None, standby_files: Ahead | None) -> bool:
    """`build` once the content is loaded."""
    gc.freeze()  # the loaded site lives as long as the build: the collector need not walk it again and again
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        # taken before the standby moves into the staging folder (_rendered): a listing still under way when it
        # moved failed at the first path the move changed, and the build listed it all again itself (0.48 s at
        # 1x, the day after a build from nothing, when the standby's folders were no longer in memory)
        preloaded = Preloaded(site, output, cache_folder,
                              standby_files=standby_files.taken() if standby_files else None)
        checked = len(site.issues)  # printed already; what rendering finds is printed as it ends
        try:
            staging, outputs = _render(settings_path, settings, content, output, preloaded)
            kept = _complete(staging, outputs, preloaded) if outputs is not None else None
        finally:
            if site.issues[checked:]:
                print(format_issues(site.issues[checked:]), file=sys.stderr)
        if kept is None:
            _report(report, site, output, published=False)
            return False
        swap(staging, output, remove_old_in_background=True, standby=store.site_record(cache_folder, output, "standby"))
        outputs.save()
        good = not has_errors(site.issues) and not site.kept_back
        record_last_build(cache_folder, output, inputs if good else None)
        print(f"Đã xây dựng trang vào {output}: {number(outputs.made)} tệp làm mới, {number(outputs.kept)} tệp không đổi giữ lại."
              + (f" Giữ lại {number(kept)} bản in PDF chưa thay đổi." if kept else ""))
        _report(report, site, output, published=True)
        return good
    finally:  # the collector's again before the interpreter ends: frozen objects left to be torn down with
        gc.unfreeze()  # their modules ran callbacks (blinker's) that found `sys` gone, and printed tracebacks


def _complete(staging: Path, outputs, preloaded: Preloaded) -> int | None:
    """The build's own files into the rendered staging folder, once the folders the standby's leftovers left
    empty are gone: the printed PDFs whose views did not change, then SHA256SUMS; meanwhile what runs beside
    the rendering (the search's parts) goes on, and is waited for after (the core's RENDERING_COMPLETE). The
    number of PDFs kept, or None (named in the issues) when the staging folder cannot be completed (a full
    disk): nothing is published then."""
    try:
        outputs.remove_emptied()
        kept = keep_printed_sheets(preloaded.output, staging, outputs.new)  # the print views are outputs
        write_checksums(staging, store.site_record(preloaded.cache_folder, preloaded.output, "checksums"),
                        outputs.checksums(), beyond=(PRINTED,))  # the record names every other file
        outputs.values.save()  # while the search's last part may still run, not after it: they hold for their keys
        RENDERING_COMPLETE.send(staging)
        return kept
    except Exception as exc:  # the disk, not the content: the old site stays whole
        RENDERING_ABANDONED.send(staging)
        shutil.rmtree(staging, ignore_errors=True)
        preloaded.site.issues.append(Issue(
            code="xay-dung-that-bai", file="(xây dựng trang)",
            message=f"không ghi xong được trang mới ({type(exc).__name__}: {exc}): chưa đăng gì, trang cũ giữ nguyên.",
            hint="Kiểm tra chỗ trống trên đĩa và quyền ghi của thư mục trang rồi chạy lại; nếu vẫn vậy, gửi dòng này "
                 "cho người phụ trách kỹ thuật."))
        return None


def _inputs(content: Path, settings: dict, digests: FileDigests) -> str | None:
    """Everything the site is made from (plugins/disclosures/inputs.py); None when it cannot be told cheaply.
    The content files' digests are kept for the next build."""
    theme = tree_fingerprint(Path(settings["THEME"])) if settings.get("THEME") else None
    if theme is None:  # no theme named (Pelican's own), or one too large to read twice: always built
        return None
    facts = {key: value for key, value in os.environ.items() if key.startswith("CKX_") or key in ("SITEURL", "DRAFTS")}
    facts |= {"settings": settings_fingerprint(settings), "day": str(settings.get("BUILD_DATE")), "theme": theme,
              "python": sys.version}
    facts |= {f"channel:{channel.name}": channel.environment() for channel in CHANNELS if channel.environment}
    fingerprint = inputs_fingerprint(content, code_fingerprint(), facts, digests)
    digests.save()
    return fingerprint


def _untouched(output: Path, report: Path, cache_folder: Path) -> bool:
    """The last build's site and report, as it left them: every page and file it recorded, the checksums and
    the search index (a site touched since is built again)."""
    return all(path.is_file() for path in (report / build_report.TEXT_FILE, output / "SHA256SUMS",
                                            output / "pagefind" / "pagefind-entry.json")) \
        and published_as_recorded(output, store.site_record(cache_folder, output, "outputs"))


MAX_THEME_VERSIONS = 3  # earlier themes tried when Pelican stops: each is a whole rendering
KEEP_BACK_ROUNDS = 2  # renderings again after disclosures failed: then their last good versions may fail too


def _render(settings_path: Path, settings: dict, content: Path, output: Path, preloaded: Preloaded):
    """(staging folder, Outputs) of Pelican's rendering, or (None, None). When Pelican stops (a template
    error), the theme's last versions in git are tried in turn, so one broken template never keeps the day's
    dates from the site; the theme used is named in the report like a kept-back bundle."""
    site = preloaded.site
    try:
        return _rendered(settings_path, settings, content, output, preloaded, standby=True)
    except BuildFailed as exc:
        site.issues.append(exc.issue())
    theme = theme_folder(settings_path, content).resolve()
    versions = GitVersions(theme.parent, preloaded.cache_folder, DEFAULT_LIMITS.attachment_bytes).versions(theme.name)
    for version in itertools.islice(versions, MAX_THEME_VERSIONS):
        try:
            rendered = _rendered(settings_path, settings, content, output, preloaded, theme=version.root / theme.name)
        except BuildFailed:
            continue
        site.kept_back.append(KeptBack(f"{theme.name}/ (giao diện)", version))
        return rendered
    return None, None


def _rendered(settings_path: Path, settings: dict, content: Path, output: Path, preloaded: Preloaded,
              theme: Path | None = None, standby: bool = False):
    """(staging folder, Outputs) of one theme's rendering. A disclosure whose pages could not be made stops
    nothing: once every disclosure was tried, the rendering starts again with those kept back
    (plugins/disclosures/unmade.py), named in the issues. `standby`: the staging folder starts as the site
    replaced last time (a rendering started again starts empty). Raises BuildFailed."""
    for _round in range(KEEP_BACK_ROUNDS + 1):
        staging = new_staging(output, standby=store.site_record(preloaded.cache_folder, output, "standby")
                              if standby else None)
        preloaded.standby = standby and any(staging.iterdir())
        try:
            return staging, run_pelican(settings_path, content, staging, preloaded, theme=theme)
        except BuildFailed:
            preloaded.standby = False
            shutil.rmtree(staging, ignore_errors=True)
            raise
        except DisclosuresUnmade as exc:
            preloaded.standby, standby = False, False
            shutil.rmtree(staging, ignore_errors=True)
            build_settings = read_settings(settings, KINDS)[0]  # checked before the content was loaded
            preloaded.site = keep_back_unmade(preloaded.site, exc.failures, content, KINDS, build_settings.limits,
                                              preloaded.cache_folder, build_settings.show_drafts)
    raise BuildFailed("các hồ sơ vẫn không tạo được trang sau khi đã giữ lại những hồ sơ lỗi")


def _report(folder: Path, site, output: Path, *, published: bool) -> None:
    """The officers' report beside the output, and its last lines on the screen."""
    issues = site.issues if site else []
    kept_back = site.kept_back if site else []
    end = build_report.summary(published, output, kept_back, issues)
    if end:
        print(end, file=sys.stderr)
    try:
        build_report.write(folder, published=published, output=output, build_date=site.build_date if site else None,
                     issues=issues, kept_back=kept_back)
    except OSError as exc:
        print(f"CẢNH BÁO: không ghi được báo cáo vào {folder} ({exc.strerror}).", file=sys.stderr)


def print_sheets(output: Path, only: str | None = None, now: bool = False, folder: str = "") -> bool:
    """PDFs of every print view of the built site into <output>/print/, swapped in whole; only the sheets
    whose print view changed since the last `make print` are rendered again, on every core. `only`
    (<year>/<slug>) and `now` (posted today or about to be) narrow what is rendered."""
    from plugins.sheets.pdf import PrintError, write_pdfs

    output = output.resolve()
    views = print_views(output)
    if not views and not (output / "index.html").is_file():
        print(f"Không có bản in nào trong {output}: chạy `make html` trước.", file=sys.stderr)
        return False
    if only and not any(v.relative_to(output).as_posix().startswith(f"cong-khai/{only.strip('/')}/") for v in views):
        if (output / "cong-khai" / only.strip("/") / "index.html").is_file():  # built, its posting ended
            print(f'Hồ sơ "{only}" đã hết thời gian niêm yết: bản niêm yết của nó chỉ được làm khi cần. Chạy '
                  f'`make print ONLY={only.strip("/")}` (xây dựng kèm bản niêm yết của hồ sơ này rồi in).',
                  file=sys.stderr)
            return False
        example = "/".join(views[0].relative_to(output / "cong-khai").parts[:2]) if views else "2026/du-toan-2026"
        print(f'Không có hồ sơ "{only}" trong trang đã xây dựng: ghi ONLY=<năm>/<tên thư mục hồ sơ>, ví dụ '
              f"ONLY={example}.", file=sys.stderr)
        return False
    staging = new_staging(output / PRINT_FOLDER)
    written = None
    try:
        written, rendered, left_out = write_pdfs(output, staging, only, now, folder)
    except PrintError as exc:
        print(f"Lỗi khi in {exc}", file=sys.stderr)
    finally:
        if written is None:  # WeasyPrint failed: its traceback follows, the old PDFs stay
            shutil.rmtree(staging, ignore_errors=True)
            print(f"In thất bại: các tệp PDF cũ trong {output / PRINT_FOLDER} được giữ nguyên.", file=sys.stderr)
    if written is None:
        return False
    swap(staging, output / PRINT_FOLDER)
    cache_folder = folder_from_environment()[0]
    write_checksums(output, store.site_record(cache_folder, output, "checksums"),
                    recorded_checksums(store.site_record(cache_folder, output, "outputs")))
    print(f"Đã in {number(len(written))} bản niêm yết vào {output / 'print'} ({number(rendered)} bản in lại, "
          f"{number(len(written) - rendered)} bản không đổi"
          + (f"; {number(left_out)} bản đã thay đổi nhưng ngoài phạm vi ONLY/NOW nên không có bản PDF" if left_out else "")
          + ").")
    return True


def province(contents: list[Path], output: Path, report: Path | None, settings: dict, *, build_only: bool = False,
             portal_only: bool = False, print_sheets: bool = False, jobs: int | None = None) -> bool:
    """Each commune's content into <output>/<its slug>/, side by side, then the portal over them; the folders
    of communes no longer listed are removed. A commune with errors publishes what is right, or keeps its
    previous site when nothing could be built, and is named in the report. False when a commune had errors
    in this run (a portal-only run is False only when it could not read any commune)."""
    from plugins.province.build import (
        ProvinceConflict,
        build_communes,
        plan,
        read_results,
        remove_dropped,
        report_text,
        write_portal,
    )

    build_settings, issues = read_settings(settings, KINDS)
    if build_settings is None:
        print(format_issues(issues), file=sys.stderr)
        return False
    missing = [c for c in contents if not c.is_dir()]
    if missing:
        print("Không tìm thấy thư mục nội dung: " + ", ".join(map(str, missing)) + ".", file=sys.stderr)
        return False
    try:
        plan(contents)
    except ProvinceConflict as conflict:
        print(conflict, file=sys.stderr)
        return False
    output = output.resolve()
    report = (report or output.with_name(output.name + "-bao-cao")).resolve()
    base_url = urlparse(settings.get("SITEURL") or "").path.rstrip("/")
    if portal_only:
        results = read_results(contents, report)
    else:
        results = build_communes(contents, output, report, base_url, jobs, print_sheets, folder_from_environment()[0],
                                 build_settings.build_date)
    text = report_text(results)
    report.mkdir(parents=True, exist_ok=True)
    (report / "bao-cao.txt").write_text(text, encoding="utf-8")
    print(text, end="", file=sys.stderr if any(not r.ok for r in results) else sys.stdout)
    if not build_only:
        unidentified = [r.name for r in results if r.slug.startswith("loi-")]
        dropped = [] if unidentified else remove_dropped(output, {r.slug for r in results})
        if unidentified:  # its folder is unknown: no folder is taken for a dropped commune's this time
            print("Chưa gỡ thư mục của xã nào khỏi cổng: chưa đọc được commune.yml của " + ", ".join(unidentified) + ".")
        if dropped:
            print("Đã gỡ khỏi cổng thông tin các xã không còn trong danh sách: " + ", ".join(dropped) + ".")
        problem = write_portal(results, output, build_settings.build_date, base_url,
                               Path(settings.get("CKX_EDITOR_BUNDLE") or "."))
        print(f"Đã ghi cổng thông tin của tỉnh vào {output}; báo cáo: {report / 'bao-cao.txt'}.")
        if problem:
            print(f"{problem} Trang tìm kiếm của cổng chỉ tìm trong từng xã cho đến lần xây dựng sau.", file=sys.stderr)
            (report / "bao-cao.txt").write_text(text + "\n" + problem + "\n", encoding="utf-8")
            return False
    if portal_only:
        return any((output / r.slug / "index.html").is_file() for r in results)
    return all(r.ok for r in results)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["validate", "build", "print", "province", "kinds"])
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--output", type=Path, default=ROOT / "output")
    parser.add_argument("--settings", type=Path, default=SETTINGS)
    parser.add_argument("--only", help="print: chỉ in hồ sơ <năm>/<tên-ngắn>, ví dụ 2026/du-toan-ngan-sach-2026")
    parser.add_argument("--now", action="store_true", help="print: chỉ in các văn bản đang và sắp niêm yết")
    parser.add_argument("--communes", type=Path, nargs="+", default=[],
                        help="province: thư mục nội dung của từng xã (mỗi thư mục có commune.yml)")
    parser.add_argument("--report", type=Path, help="build, province: thư mục báo cáo (mặc định: <output>-bao-cao)")
    parser.add_argument("--jobs", type=int, help="province: số xã xây dựng cùng lúc (mặc định: số lõi)")
    parser.add_argument("--build-only", action="store_true", help="province: chỉ xây dựng các xã, không ghép cổng")
    parser.add_argument("--portal-only", action="store_true", help="province: chỉ ghép cổng từ các xã đã xây")
    parser.add_argument("--print", dest="print_sheets", action="store_true", help="province: in cả bản niêm yết")
    args = parser.parse_args(argv)
    for stream in (sys.stdout, sys.stderr):  # a value with a lone surrogate is named, never a UnicodeEncodeError
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        settings = load_settings(args.settings)
    except SettingsUnreadable as exc:
        print(format_issues([exc.issue]), file=sys.stderr)
        print(f"Cài đặt có lỗi: sửa {exc.issue.file} rồi chạy lại.", file=sys.stderr)
        return 1
    if args.command == "kinds":  # every kind this project's settings register, as officers write them
        from plugins.disclosures.kinds import KINDS, describe

        print("\n\n".join("\n".join(describe(kind, KINDS)) for kind in KINDS))
        return 0
    if args.command == "validate":
        ok = validate(args.content, settings)
    elif args.command == "province":
        if not args.communes:
            parser.error("province cần --communes THƯ_MỤC [THƯ_MỤC ...]")
        ok = province(args.communes, args.output, args.report, settings, build_only=args.build_only,
                      portal_only=args.portal_only, print_sheets=args.print_sheets, jobs=args.jobs)
    elif args.command == "print":
        ok = print_sheets(args.output, args.only, args.now, urlparse(settings.get("SITEURL") or "").path)
    else:
        ok = build(args.content.resolve(), args.output, args.settings.resolve(), settings, args.report)
    return 0 if ok else 1


def exit_at_once(code: int) -> None:
    """End the process without Python's teardown: freeing a loaded site object by object took a tenth of a
    rebuild after one edit, and the system frees it whole. Everything is written by now: the site swapped in,
    the records saved, the report written. What was registered to run at exit still runs, as at a normal
    end (the temporary folder of last good versions read from git without a store, logging's flush), then
    the streams are flushed. Worker processes and the search's threads have ended; the old site's removal
    runs in a process of its own."""
    atexit._run_exitfuncs()  # CPython's own call at a normal exit, before the teardown this skips
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing more can be said
            stream.flush()
    os._exit(code)


if __name__ == "__main__":
    exit_at_once(main())
