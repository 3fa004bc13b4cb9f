#!/usr/bin/env python3
"""`make bench`: build a large generated commune and print what it costs. A script, never a test.

    python -m scripts.bench.run [--scales 1] [--seed 2026] [--work .bench] [--province 10,50,150]

For each scale (1 = 40 villages, 10 years, about 2,000 disclosures, 100,000
household rows, 20,000 budget rows): validate with no cache and again; a full
build from nothing (no cache, no previous output); a rebuild with nothing
changed, after editing one disclosure, and on the next day (these two three times
each, as is Hugo's build: the medians are compared, with their range); run as root,
one more edit and Hugo's build with the file system's caches emptied first; the search indexing
step; printing (per sheet, on a sample of print views); peak memory of the
largest process; output size; the largest and median disclosure page (bytes
and gzip); the bytes of a first search; then the same pages as plain Markdown
built by plain Pelican and, when Debian's `hugo` is installed, by Hugo, with
our times as ratios to each. Then the table reader's cost per 100,000 rows (scripts/bench/reader.py).
Then generated provinces (`--province 10,50,150` communes of about 40 disclosures each), each built side
by side into one portal: from nothing, after one commune's edit, the next day; sizes as hosts count them;
the portal's first search under a slow phone's network (requests, bytes, seconds).
"""

from __future__ import annotations

import argparse
import gzip
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from scripts.bench.commune import generate  # noqa: E402  (needs ROOT on sys.path)
from scripts.bench.plain import write_plain  # noqa: E402

BUILD_DATE = "2026-11-21"
NEXT_DAYS = ("2026-11-22", "2026-11-23", "2026-11-24")  # each build the day after the one before
NEXT_DAY = NEXT_DAYS[0]
PRINT_SAMPLE = 20
RUNS = 3  # the short builds (one edit, the next day) and Hugo's are timed this many times: the median is reported


def timed(command: list[str], cwd: Path = ROOT, env: dict | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env={**os.environ, "BUILD_DATE": BUILD_DATE, **(env or {})}, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def median_of(times: list[float]) -> str:
    """"1.82 s (1.75-1.90)": the median of several runs, with their range. On this machine one run of a second
    or two moves by a tenth from one run to the next, and Hugo's by a quarter: a ratio of two single runs
    moved by a third between two benches of the same code."""
    return f"{statistics.median(times):.2f} s ({min(times):.2f}-{max(times):.2f})"


def drop_caches() -> bool:
    """Empty the file system's caches, so the next build reads its folders and files from disk as a daily
    build on a server whose site was not read overnight does; the bench's other builds run back to back,
    with everything in memory. Only root on Linux can: False (and nothing measured) anywhere else."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n", encoding="ascii")
        return True
    except OSError:
        return False


def settle() -> None:
    """Let the previous build's background removal of the site it replaced finish before timing the next."""
    time.sleep(10)


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def ckx(*args: str) -> list[str]:
    return [sys.executable, str(ROOT / "scripts" / "ckx.py"), *args]


def page_sizes(output: Path) -> tuple[tuple[int, int, str], tuple[int, int]]:
    sizes = []
    for page in output.glob("cong-khai/*/*/index.html"):
        data = page.read_bytes()
        sizes.append((len(data), len(gzip.compress(data, 6)), page.relative_to(output).as_posix()))
    largest = max(sizes, key=lambda s: s[1])
    return largest, (int(statistics.median(s[0] for s in sizes)), int(statistics.median(s[1] for s in sizes)))


def print_per_sheet(output: Path) -> tuple[float, int]:
    from weasyprint import HTML

    from plugins.sheets.pdf import SiteFetcher, print_views

    views = print_views(output)
    sample = views[:: max(1, len(views) // PRINT_SAMPLE)][:PRINT_SAMPLE]
    fetcher = SiteFetcher(output)
    start = time.perf_counter()
    for view in sample:
        HTML(filename=str(view), url_fetcher=fetcher).write_pdf()
    return (time.perf_counter() - start) / len(sample), len(views)


def posted_disclosure(output: Path) -> Path:
    """The index.md of a disclosure posted on the build date (its print view says so)."""
    for view in sorted(output.glob("cong-khai/*/*/in/index.html")):
        if b'name="ckx-trang-thai" content="dang-niem-yet"' in view.read_bytes()[:4096]:
            year, slug = view.parent.parent.relative_to(output / "cong-khai").parts
            return output.parent / "content" / "disclosures" / year / slug / "index.md"
    raise SystemExit("Không có văn bản nào đang niêm yết trong xã mẫu của phép đo.")


def first_search_bytes(output: Path) -> str:
    if not Path("/usr/bin/chromium").exists():
        return "không đo (thiếu chromium)"
    from scripts.search_cost import measure

    recent, every_year = measure(output, "ho ngheo"), measure(output, "ho ngheo", all_years=True)
    return (f"{recent.bytes / 1024:,.0f} KB (chưa nén), {recent.requests} yêu cầu; tìm cả các năm trước "
            f"{every_year.bytes / 1024:,.0f} KB, {every_year.requests} yêu cầu")


def du(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def recent_part_pages(output: Path) -> list[str]:
    """The pages of the site's recent search part, by the addresses Pagefind stored."""
    from plugins.search import indexed_pages

    return [urllib.parse.unquote(url).lstrip("/") + "index.html" for url in indexed_pages(output / "pagefind")]


def bench(scale: float, seed: int, work: Path) -> dict[str, str]:
    root = work / f"scale-{scale:g}"
    shutil.rmtree(root, ignore_errors=True)
    start = time.perf_counter()
    counts = generate(root, seed=seed, scale=scale)
    generated = time.perf_counter() - start
    content, output = root / "content", root / "output"
    results: dict[str, str] = {
        "Nội dung": f"{counts['disclosures']:,} hồ sơ, {counts['households']:,} hộ, {counts['budget_rows']:,} dòng ngân sách",
        "Tạo nội dung mẫu": f"{generated:.1f} s",
    }
    cache = {"CKX_CACHE": str(root / "cache")}
    results["make validate, không có bộ nhớ đệm"] = f"{timed(ckx('validate', '--content', str(content)), env={'CKX_CACHE': ''}):.1f} s"
    full = timed(ckx("build", "--content", str(content), "--output", str(output)), env=cache)
    results["Xây dựng đầy đủ (lần đầu, không có gì sẵn)"] = f"{full:.1f} s"
    results["Bộ nhớ cao nhất (một tiến trình)"] = f"{peak_mib():,.0f} MiB"
    results["make validate, lần sau"] = f"{timed(ckx('validate', '--content', str(content)), env=cache):.2f} s"
    from plugins.search import index_pages

    settle()
    unchanged = timed(ckx("build", "--content", str(content), "--output", str(output)), env=cache)
    results["Xây dựng lại, không có gì thay đổi"] = f"{unchanged:.1f} s"
    edited = next(content.glob("disclosures/*/notice-001/index.md"))
    edited.write_text(edited.read_text(encoding="utf-8") + "\nĐã sửa một câu.\n", encoding="utf-8")
    settle()
    # the first rebuild keeps the site it replaced as the standby every later build starts from (staging.py):
    # the edits measured are the next ones, as every daily build after the first
    timed(ckx("build", "--content", str(content), "--output", str(output)), env=cache)
    rebuilds = []
    for run in range(RUNS):
        edited.write_text(edited.read_text(encoding="utf-8") + f"\nĐã sửa câu thứ {run + 2}.\n", encoding="utf-8")
        settle()
        rebuilds.append(timed(ckx("build", "--content", str(content), "--output", str(output)), env=cache))
    rebuild = statistics.median(rebuilds)
    results["Xây dựng lại sau khi sửa 1 hồ sơ"] = f"{median_of(rebuilds)}, {rebuild / full:.0%} lần đầu"
    cold_rebuild = None
    if drop_caches():  # root only: the same edit with the file system's caches empty
        edited.write_text(edited.read_text(encoding="utf-8") + "\nĐã sửa khi bộ nhớ đệm trống.\n", encoding="utf-8")
        settle()
        drop_caches()
        cold_rebuild = timed(ckx("build", "--content", str(content), "--output", str(output)), env=cache)
        results["Như trên, bộ nhớ đệm của hệ thống tệp trống (drop_caches)"] = f"{cold_rebuild:.2f} s"
    next_days = []
    for day in NEXT_DAYS[:RUNS]:
        settle()
        next_days.append(timed(ckx("build", "--content", str(content), "--output", str(output)),
                               env=dict(cache, BUILD_DATE=day)))
    next_day = statistics.median(next_days)
    results["Xây dựng lại ngày hôm sau (BUILD_DATE + 1, rồi + 2, + 3)"] = median_of(next_days)
    settle()
    recent = recent_part_pages(output)
    with tempfile.TemporaryDirectory() as work:
        start = time.perf_counter()
        index_pages({page: output / page for page in recent}, Path(work))
        index_time = time.perf_counter() - start
    results["Lập chỉ mục phần gần đây (Pagefind; sửa một văn bản gần đây lập lại phần này)"] = (
        f"{index_time:.1f} s cho {len(recent):,} trang")
    # back to the build date before printing: the sheets printed for the next day and then edited on the
    # build date would all be printed again (their dates differ), which is not what one edit costs; then one
    # more edit, so the standby the measured build starts from is the build date's site too, as for the
    # edits above (else it is the third day's, and the measured edit relinks what three days changed)
    timed(ckx("build", "--content", str(content), "--output", str(output)), env=cache)
    edited.write_text(edited.read_text(encoding="utf-8") + "\nĐã sửa thêm một câu.\n", encoding="utf-8")
    settle()
    timed(ckx("build", "--content", str(content), "--output", str(output)), env=cache)
    settle()
    first_print = timed(ckx("print", "--output", str(output), "--now"), env=cache)
    posted = posted_disclosure(output)
    posted.write_text(posted.read_text(encoding="utf-8") + "\nĐã sửa một câu.\n", encoding="utf-8")
    settle()
    build_again = timed(ckx("build", "--content", str(content), "--output", str(output)), env=cache)
    print_again = timed(ckx("print", "--output", str(output), "--now"), env=cache)
    now_sheets = len(list((output / "print").glob("*.pdf")))
    results["make print NOW=1 (bản đang niêm yết)"] = (
        f"{first_print:.1f} s lần đầu cho {now_sheets:,} bản; sau khi sửa 1 hồ sơ đang niêm yết: in {print_again:.1f} s, "
        f"cả lệnh (xây dựng rồi in) {build_again + print_again:.1f} s")
    per_sheet, sheets = print_per_sheet(output)
    results["make print, mỗi bản"] = (f"{per_sheet:.2f} s (ước {per_sheet * sheets / 60:.0f} phút cho {sheets:,} bản "
                                      f"trên một lõi; sau khi sửa 1 hồ sơ chỉ in lại bản của hồ sơ đó)")
    size, files = du(output)
    results["Dung lượng output/"] = f"{size / 2**20:,.0f} MiB, {files:,} tệp"
    (largest, largest_gz, largest_name), (median, median_gz) = page_sizes(output)
    results["Trang văn bản lớn nhất"] = f"{largest / 1024:,.0f} KB ({largest_gz / 1024:,.1f} KB gzip) {largest_name}"
    results["Trang văn bản trung vị"] = f"{median / 1024:,.1f} KB ({median_gz / 1024:,.1f} KB gzip)"
    results["Lần tìm kiếm đầu tiên tải"] = first_search_bytes(output)
    pages = write_plain(content, root / "plain-pelican", root / "hugo")
    plain = timed([sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", "output", "-q"],
                  cwd=root / "plain-pelican")
    results[f"Pelican thuần, {pages:,} trang Markdown"] = f"{plain:.1f} s (ta chậm hơn {full / plain:.1f} lần)"
    if shutil.which("hugo"):
        hugos = [timed(["hugo", "--quiet", "-d", "output"], cwd=root / "hugo") for _ in range(RUNS)]
        hugo = statistics.median(hugos)
        results[f"Hugo, {pages:,} trang Markdown"] = (
            f"{median_of(hugos)}: lần đầu của ta chậm hơn {full / hugo:.1f} lần; sau khi sửa 1 hồ sơ "
            f"{rebuild / hugo:.1f} lần; ngày hôm sau {next_day / hugo:.1f} lần (so các trung vị)")
        if cold_rebuild is not None:
            shutil.rmtree(root / "hugo" / "output", ignore_errors=True)
            drop_caches()
            hugo_cold = timed(["hugo", "--quiet", "-d", "output"], cwd=root / "hugo")
            results["Hugo, bộ nhớ đệm của hệ thống tệp trống"] = (
                f"{hugo_cold:.2f} s: sau khi sửa 1 hồ sơ ta chậm hơn {cold_rebuild / hugo_cold:.1f} lần")
    else:
        results["Hugo"] = "không đo (chưa cài gói hugo)"
    return results


PROVINCE_SCALE, PROVINCE_YEARS = 0.1, 2  # about 40 disclosures a commune: two years of a real commune's notices


def bench_province(communes: int, seed: int, work: Path) -> dict[str, str]:
    """`communes` generated communes built side by side into one portal: from nothing, after an edit to one
    commune the same day, and the next day; sizes as hosts count them; the portal's first search in Chromium
    under a slow phone's network."""
    root = work / f"tinh-{communes}"
    shutil.rmtree(root, ignore_errors=True)
    folders, disclosures = [], 0
    for n in range(1, communes + 1):
        counts = generate(root / f"xa-{n:03d}", seed=seed + n, scale=PROVINCE_SCALE, name=f"Thử Nghiệm {n}",
                          years=PROVINCE_YEARS)
        folders.append(str(root / f"xa-{n:03d}" / "content"))
        disclosures += counts["disclosures"]
    output = root / "cong"
    command = ckx("province", "--communes", *folders, "--output", str(output))
    env = {"CKX_CACHE": str(root / "cache")}
    first = timed(command, env=env)
    settle()
    edited = next((root / "xa-001" / "content").glob("disclosures/*/notice-001/index.md"))
    edited.write_text(edited.read_text(encoding="utf-8") + "\nĐã sửa một câu.\n", encoding="utf-8")
    one_edit = timed(command, env=env)
    settle()
    next_day = timed(command, env=dict(env, BUILD_DATE=NEXT_DAY))
    communes_folders = [p for p in output.iterdir() if p.name.startswith("xa-")]
    portal = [p for p in output.iterdir() if not p.name.startswith("xa-")]
    total, files = du(output)  # the files' own sizes, as hosts count them (not the disk's blocks)
    portal_size = sum(du(p)[0] if p.is_dir() else p.stat().st_size for p in portal)
    shard = sum(du(p)[0] for p in output.glob("tim-kiem/chi-muc-*"))
    each = [du(p)[0] for p in communes_folders]
    results = {
        "Nội dung": f"{communes} xã, {disclosures:,} hồ sơ ({disclosures / communes:.0f} hồ sơ một xã)",
        "Xây dựng cả tỉnh (lần đầu)": f"{first:.1f} s, {first / communes:.2f} s một xã trên {os.cpu_count()} lõi",
        "Sửa 1 hồ sơ của 1 xã, xây dựng lại cùng ngày": f"{one_edit:.1f} s (các xã khác giữ nguyên)",
        "Xây dựng lại ngày hôm sau": f"{next_day:.1f} s, {next_day / communes:.2f} s một xã",
        "Dung lượng (như nơi đăng tính: cỡ các tệp)": f"{total / 1e6:,.0f} MB, {files:,} tệp",
        "Một xã (trung vị)": f"{statistics.median(each) / 1e6:,.1f} MB",
        "Cổng của tỉnh (không kể trang các xã)": f"{portal_size / 1e6:,.1f} MB, trong đó chỉ mục tìm kiếm chung "
                                                 f"{shard / 1e6:,.1f} MB",
    }
    if Path("/usr/bin/chromium").exists():
        from scripts.search_cost import measure

        cost = measure(output, "ho ngheo", slow=True)
        results["Tìm kiếm đầu tiên trên cổng (mạng chậm 400 ms, 400 kbit/s)"] = (
            f"{cost.requests} yêu cầu, {cost.bytes / 1000:,.0f} KB, {cost.seconds:.1f} s tới kết quả đầu tiên")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1", help="e.g. 1,2,4")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--work", type=Path, default=ROOT / ".bench")
    parser.add_argument("--province", default="10,50,150", help="communes in each generated province; 0 for none")
    args = parser.parse_args()
    # Python keeps its compiled modules as it does on any officer's machine: with PYTHONDONTWRITEBYTECODE set
    # (some containers set it) every build compiled the modules changed since, 0.1-0.2 s of a rebuild that
    # no commune pays
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    print(f"Máy: {os.cpu_count()} lõi; BUILD_DATE={BUILD_DATE}; seed {args.seed}")
    scales = [float(s) for s in args.scales.split(",") if s.strip() and float(s)]  # 0: the provinces alone
    for scale in scales:
        results = bench(scale, args.seed, args.work)
        width = max(map(len, results))
        print(f"\n## Quy mô {scale:g}×")
        for name, value in results.items():
            print(f"{name:<{width}}  {value}")
    if scales:  # the table reader, with the communes
        from scripts.bench.reader import measure

        results = measure()
        print("\n## Bộ đọc bảng (make import, mọi bảng của hồ sơ)")
        for name, value in results.items():
            print(f"{name}  {value}")
    for communes in (int(n) for n in args.province.split(",") if int(n)):
        results = bench_province(communes, args.seed, args.work)
        width = max(map(len, results))
        print(f"\n## Một tỉnh {communes} xã (make province)")
        for name, value in results.items():
            print(f"{name:<{width}}  {value}")


if __name__ == "__main__":
    main()
