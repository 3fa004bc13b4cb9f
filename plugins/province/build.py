"""A province of communes: each commune's content built into its own site under one folder, side by side on
the machine's cores, and the portal written over them (`scripts/ckx.py province`).

Each commune is built by its own `scripts/ckx.py build` process: one commune's bad content, or even a crash,
is that commune's failure alone. A bundle with errors stands as its last good version, as in any commune's
build, so the commune's dates still move; only a build that publishes nothing keeps its previous site. The
report says why. A commune no longer in the list (dropped, or renamed in its commune.yml) leaves the portal:
its folder is removed when the portal is written. The report lives outside the published folder: an issue list may quote what an officer
wrote, which is for the commune's officers, not for the web.
"""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import filecmp
import json
import os
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape

from plugins.disclosures import store
from plugins.disclosures.commune import FILE as COMMUNE_FILE
from plugins.disclosures.commune import parse_commune
from plugins.disclosures.files import DEFAULT_LIMITS
from plugins.disclosures.inputs import code_fingerprint, inputs_fingerprint
from plugins.disclosures.last_good import GitVersions
from plugins.disclosures.report import JSON_FILE
from plugins.editor import copy_editor_scripts
from plugins.issues import format_issues
from plugins.province.portal import ORDERS, CommuneSite, catalogue, portal
from plugins.province.search import ShardError, remove_old_shards, shard_pages, write_shard
from plugins.province.warm import run_ckx
from plugins.search import posting_labels
from plugins.vietnamese.format import FILTERS, short_date
from plugins.vietnamese.text import slugify

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = Path(__file__).parent / "templates"
THEME = ROOT / "theme" / "static"
THEME_TEMPLATES = ROOT / "theme" / "templates"  # components the portal shares with the communes' pages
TIMEOUT = 3600  # seconds for one commune: a hang is a failure, never a stuck province
EDITOR_FOLDER = "theme/trinh-soan-thao"  # the web editor's scripts, once for every commune's admin/ (5.6 MB each)


@dataclass
class Result:
    """One commune's build, as the report keeps it (`<report>/<slug>.json`)."""

    slug: str
    name: str
    content: str
    ok: bool  # built with no error
    seconds: float
    messages: str  # its issue list and what the build printed, in Vietnamese
    published: bool = False  # its site was replaced by this build (with any broken part kept back)
    inputs: str | None = None  # the fingerprint of what it was built from (plugins/disclosures/inputs.py)
    unchanged: bool = False  # not built again: the same inputs on the same day as its last good build

    @classmethod
    def read(cls, path: Path) -> Result | None:
        try:
            return cls(**json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return None


def identify(content: Path) -> tuple[str, str, str | None]:
    """(slug, name, problem): "xa-hoa-an", "Xã Hòa An" from commune.yml; the folder's name and the issue list
    when commune.yml cannot be read."""
    fallback = slugify(content.resolve().name) or "xa"
    try:
        text = (content / COMMUNE_FILE).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return fallback, content.name, f"{COMMUNE_FILE}: không đọc được ({exc})."
    commune, issues = parse_commune(text, COMMUNE_FILE)
    if commune is None:
        commune = _last_good_commune(content)  # the build publishes under it too, and reports the error
    if commune is None:
        return fallback, content.name, format_issues(issues)
    return slugify(f"{commune.type} {commune.name}"), commune.full_name, None


def _last_good_commune(content: Path):
    for version in GitVersions(content, None, DEFAULT_LIMITS.yaml_bytes).versions(COMMUNE_FILE):
        try:
            commune, _issues = parse_commune((version.root / COMMUNE_FILE).read_text(encoding="utf-8"), COMMUNE_FILE)
        except (OSError, UnicodeDecodeError):
            continue
        if commune is not None:
            return commune
    return None


class ProvinceConflict(ValueError):
    """Two content folders would publish into one commune folder: nothing is built; the message names both."""


def plan(contents: list[Path]) -> list[tuple[Path, str, str, str | None]]:
    """Each content folder with its slug (its folder under the portal), name and any problem.

    A commune's folder comes from its commune.yml alone, so it never moves because of another commune: the
    same folder given twice (or a link to it), or two communes whose names make the same slug, are refused
    before anything is built (ProvinceConflict), since guessing which is which would publish one commune's
    site in another's place. A commune whose commune.yml cannot be read is not built; it is reported under
    "loi-<its folder's name>", a name no commune's slug ("xa-", "phuong-", "dac-khu-") can take."""
    planned, seen_folders, conflicts = [], {}, []
    for content in contents:
        real = content.resolve()
        if real in seen_folders:
            conflicts.append(f"{seen_folders[real]} và {content} là cùng một thư mục nội dung.")
            continue
        seen_folders[real] = content
        slug, name, problem = identify(content)
        planned.append((content, f"loi-{slug}" if problem else slug, name, problem))
    owners: dict[str, Path] = {}
    for content, slug, name, _problem in planned:
        if slug in owners:
            conflicts.append(f"{owners[slug]} và {content} cùng ra thư mục {slug}/ ({name}).")
        owners.setdefault(slug, content)
    if conflicts:
        raise ProvinceConflict("Không xây dựng tỉnh: " + " ".join(conflicts)
                               + " Cách sửa: bỏ thư mục trùng khỏi COMMUNES, hoặc sửa name/type trong commune.yml để "
                                 "mỗi xã có một tên riêng.")
    return planned


def build_one(content: Path, slug: str, name: str, problem: str | None, output: Path, report: Path, base_url: str,
              print_sheets: bool, workers: int | None, cache: Path | None) -> Result:
    """One commune's build (and print) in its own warm process (plugins/province/warm.py); `workers` caps its
    cores (None: its own choice)."""
    started = time.monotonic()
    if problem:
        return Result(slug, name, str(content), False, 0.0, problem)
    env = dict(os.environ, SITEURL=f"{base_url}/{slug}", CKX_EDITOR_SHARED=f"{base_url}/{EDITOR_FOLDER}")
    if workers:
        env["CKX_WORKERS"] = str(workers)
    if cache is not None:  # the commune's own store, an entry of the province's (marked used by this build)
        own = store.entry(cache, "xa", slug)
        own.mkdir(parents=True, exist_ok=True)
        store.used(own)
        env["CKX_CACHE"] = str(own)
    messages, ok = [], True
    build_report = report / slug
    steps = [["build", "--content", str(content.resolve()), "--output", str(output.resolve() / slug),
              "--report", str(build_report)]]
    if print_sheets:  # the sheets to post now or next: every sheet of 150 communes is 2 GB of PDFs
        steps.append(["print", "--output", str(output.resolve() / slug), "--now"])
    for step in steps:
        run = run_ckx(step, env, TIMEOUT)
        if run.returncode is None:
            messages.append(f"Xây dựng quá {TIMEOUT // 60} phút, đã dừng.")
            ok = False
            break
        messages += [text.strip() for text in (run.stderr, run.stdout) if text.strip()]
        if run.returncode != 0:
            ok = False
            if not _published(build_report):  # a site published with a part kept back is still printed
                break
    return Result(slug, name, str(content), ok, round(time.monotonic() - started, 1), "\n".join(messages),
                  published=_published(build_report))


def _published(build_report: Path) -> bool:
    """Whether the commune's build replaced its site, as its own report says (`plugins/disclosures/report.py`)."""
    try:
        return json.loads((build_report / JSON_FILE).read_text(encoding="utf-8"))["published"] is True
    except (OSError, ValueError, TypeError, KeyError):
        return False


def build_communes(contents: list[Path], output: Path, report: Path, base_url: str = "", jobs: int | None = None,
                   print_sheets: bool = False, cache: Path | None = None, today: dt.date | None = None) -> list[Result]:
    """Every commune built, `jobs` at a time (default: one per core), each on one core; the report written
    as each finishes. Given `today`, a commune whose inputs are those of its last good build on this same day
    is not built again (`unchanged`)."""
    jobs = max(1, jobs or os.cpu_count() or 1)
    output.mkdir(parents=True, exist_ok=True)
    report.mkdir(parents=True, exist_ok=True)
    code = code_fingerprint() if today else ""
    settings = {key: value for key, value in os.environ.items() if key.startswith("CKX_") or key == "SITEURL"}
    settings |= {"day": str(today), "base_url": base_url, "print": str(print_sheets)}

    def build_or_keep(content: Path, slug: str, name: str, problem: str | None) -> Result:
        inputs = inputs_fingerprint(content, code, settings | {"slug": slug}) if today and not problem else None
        last = Result.read(report / f"{slug}.json")
        if inputs and last and last.ok and last.published and last.inputs == inputs \
                and (output / slug / "index.html").is_file():
            return replace(last, seconds=0.0, unchanged=True)
        result = build_one(content, slug, name, problem, output, report, base_url, print_sheets,
                           1 if jobs > 1 else None, cache)
        return replace(result, inputs=inputs, unchanged=False)

    results = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(build_or_keep, *planned) for planned in plan(contents)]
        for future in concurrent.futures.as_completed(futures):
            result = future.result()
            (report / f"{result.slug}.json").write_text(json.dumps(asdict(result), ensure_ascii=False, indent=1),
                                                       encoding="utf-8")
            results.append(result)
    store.prune(cache)  # a commune gone from the province for a month takes its store with it
    return sorted(results, key=lambda r: r.slug)


def read_results(contents: list[Path], report: Path) -> list[Result]:
    """What the report folder says of each commune (the matrix jobs wrote one file each); a commune with no
    file never reported back (its job did not run or died)."""
    results = []
    for content, slug, name, problem in plan(contents):
        result = Result.read(report / f"{slug}.json")
        results.append(result or Result(slug, name, str(content), False, 0.0,
                                        problem or "Không có báo cáo xây dựng của xã này (việc xây dựng không chạy "
                                                   "hoặc bị dừng giữa chừng)."))
    return results


def write_portal(results: list[Result], output: Path, today: dt.date, base_url: str = "",
                 editor_bundle: Path | None = None) -> str | None:
    """The portal's pages, catalogue and search index at `output`'s root, beside the communes' folders; the
    pages swapped in file by file once all are written. Returns what could not be made (the portal's own
    search index), in Vietnamese, or None."""
    communes = []
    for result in results:
        index_file = output / result.slug / "du-lieu" / "danh-muc.json"
        try:
            index = json.loads(index_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            index = None
        communes.append(CommuneSite(result.slug, result.name, index, failed=not result.published))

    def read_file(path: str) -> str:
        target = (output / path).resolve()
        if output.resolve() not in target.parents:
            raise OSError(f"{path} is outside the portal")
        return target.read_text(encoding="utf-8")

    view = portal(communes, today, read_file)
    problem = None
    try:  # what it held may have had to leave the site today: a failed index is removed, never kept
        shard = write_shard(output, shard_pages(((c.slug, c.disclosures) for c in view.communes if c.index), today))
    except ShardError as error:
        shard, problem = None, str(error)
    environment = Environment(loader=ChoiceLoader([FileSystemLoader(TEMPLATES), FileSystemLoader(THEME_TEMPLATES)]),
                              autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)
    environment.filters.update(FILTERS)
    environment.filters["ngay_chuoi"] = lambda iso: short_date(dt.date.fromisoformat(iso))
    staging = Path(tempfile.mkdtemp(prefix=".cong-thong-tin-", dir=output))
    try:
        pages = {"index.html": "portal_home.html", "dang-niem-yet/index.html": "portal_now.html",
                 "tim-kiem/index.html": "portal_search.html", "du-lieu/index.html": "portal_data.html",
                 "so-lieu/index.html": "portal_figures.html", "404.html": "portal_404.html"}
        for name, template in pages.items():
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(environment.get_template(template).render(
                portal=view, SITEURL=base_url, page_url=name.removesuffix("index.html"), shard=shard,
                posting_labels=posting_labels()),
                encoding="utf-8")
        for order in ORDERS:  # one page per order of the obligations table: sorted without a script
            target = staging / "nghia-vu" / order / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(environment.get_template("portal_obligations.html").render(
                portal=view, SITEURL=base_url, page_url=f"nghia-vu/{order}", order=order, orders=ORDERS),
                encoding="utf-8")
        (staging / "du-lieu" / "danh-muc.json").write_text(
            json.dumps(catalogue(view), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        for name in ("css/main.css", "js/tim-kiem.js", "favicon.svg"):
            (staging / "theme" / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(THEME / name, staging / "theme" / name)
        for path in sorted(p for p in staging.rglob("*") if p.is_file()):
            final = output / path.relative_to(staging)
            final.parent.mkdir(parents=True, exist_ok=True)
            path.chmod(0o644)
            os.replace(path, final)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    remove_old_shards(output, shard)
    share_editor(output, [c.slug for c in communes], editor_bundle)
    return problem


def share_editor(output: Path, slugs: list[str], bundle: Path | None) -> None:
    """The editor's scripts once at the portal's `EDITOR_FOLDER` while any commune has an admin/ page (its
    build points there), replaced only when the installed version differs; removed when none has."""
    folder = output / EDITOR_FOLDER
    if not any((output / slug / "admin" / "index.html").is_file() for slug in slugs):
        shutil.rmtree(folder, ignore_errors=True)
        return
    if bundle is None or not (bundle / "decap-cms.js").is_file():
        return  # each admin/ page already says the editor is not installed
    installed = (folder / "decap-cms.js").is_file() and filecmp.cmp(bundle / "decap-cms.js", folder / "decap-cms.js")
    if not installed:
        staging = Path(tempfile.mkdtemp(prefix=".trinh-soan-thao-", dir=output / "theme"))
        copy_editor_scripts(bundle, staging)
        staging.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)
        os.rename(staging, folder)


def remove_dropped(output: Path, slugs: set[str]) -> list[str]:
    """Commune folders of earlier runs whose commune is no longer in the list (dropped, or renamed): removed,
    names and all. A folder is a commune's when it holds a commune site's catalogue; the portal's own
    folders never do, and hidden ones are a commune build's staging or the site it just replaced, which that
    build removes itself (taking them here raced with it)."""
    dropped = sorted(folder.name for folder in output.iterdir() if folder.is_dir() and folder.name not in slugs
                     and not folder.name.startswith(".") and not folder.is_symlink()
                     and (folder / "du-lieu" / "danh-muc.json").is_file()) if output.is_dir() else []
    for name in dropped:
        shutil.rmtree(output / name, ignore_errors=True)
    return dropped


def report_text(results: list[Result]) -> str:
    """The report in Vietnamese: a line per commune, then the issue list of each commune with errors."""
    built = [r for r in results if r.ok]
    partly = [r for r in results if not r.ok and r.published]
    failed = [r for r in results if not r.ok and not r.published]
    lines = [f"Đã xây dựng {len(built)}/{len(results)} xã."
             + (f" {len(partly)} xã có lỗi, đã đăng phần không lỗi:" if partly else "")]
    lines += [f"  - {r.name} ({r.content}): LỖI, phần có lỗi giữ bản cũ hoặc chưa đăng" for r in partly]
    if failed:
        lines.append(f"{len(failed)} xã không xây dựng được, giữ trang lần trước:")
        lines += [f"  - {r.name} ({r.content}): LỖI" for r in failed]
    lines += [f"  - {r.name}: không có gì thay đổi từ lần xây dựng trước hôm nay, giữ nguyên" if r.unchanged
              else f"  - {r.name}: xong trong {f'{r.seconds:.1f}'.replace('.', ',')} giây" for r in built]  # "10,4 giây"
    for r in partly + failed:
        lines += ["", f"=== {r.name} ({r.content}) ===", r.messages or "(không có thông báo)"]
    return "\n".join(lines) + "\n"
