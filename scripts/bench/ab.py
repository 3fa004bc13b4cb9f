#!/usr/bin/env python3
"""`make bench-ab BASE=<commit>`: one-edit rebuilds of this tree and of another commit, alternated on the same
generated commune, to tell whether a change made the build faster. A script, never a test.

    python -m scripts.bench.ab --base <commit> [--rounds 10] [--scale 1] [--work .bench/ab] [--next-days | --cold]
                               [--edit notice]

A change of a few hundredths of a second is lost in the machine's hour: two `make bench` runs of the same
code gave 1.63 and 1.44 s for one edit at 1x. Here both trees build the same commune, each with its own copy,
store and site; after each is built once and edited twice (the second rebuild starts from a standby, as every
daily build does), every round edits the same bundle in both (the first notice; `--edit schedule`,
`EDIT=schedule`, the first schedule: each kind's edit makes its own files, a schedule's the commune's calendar)
and times each rebuild, in one order, then the other the next round (whichever ran second measured about
0.04 s slower in the harness this replaces). With `--next-days` (`DAYS=1`) a round edits nothing: both trees
build the next day, the same day each, as the daily build does. With `--cold` (`COLD=1`) each round builds
both from nothing: store, site and leftovers removed and the disk synced first, as on a new machine or after a
lost CI cache.

Printed: each tree's median and range, and the median of the rounds' differences, in time and in processor
time (every process the build waited for included), the user's and the system's apart. Eight edit rounds of
the same code against itself read -0.046 s: under about 0.05 s an edit A/B tells nothing. Builds from nothing
of the same code moved by 1.4 s between rounds and their system time (the file system's work) by 3 s, which
favoured the base's tree whatever its code; their user time moved by 0.6 s, and is what a cold A/B is read by.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from scripts.bench.commune import generate  # noqa: E402  (needs ROOT on sys.path)
from scripts.bench.run import BUILD_DATE, timed  # noqa: E402


class Tree:
    """One version of the code with its own copy of the commune, its store and its site."""

    def __init__(self, name: str, code: Path, work: Path, content: Path, kind: str = "notice") -> None:
        self.name, self.code, self.folder = name, code, work / name
        shutil.rmtree(self.folder, ignore_errors=True)
        shutil.copytree(content, self.folder / "content")
        self.edited = sorted((self.folder / "content").glob(f"disclosures/*/{kind}-001/index.md"))[0]
        self.edits = 0
        self.times: list[float] = []
        self.cpu: list[tuple[float, float]] = []  # (user, system) of the rounds' builds, with every process they
        # waited for (Pagefind's too)
        self.last_cpu = (0.0, 0.0)

    def build(self, day: str = BUILD_DATE) -> float:
        """Its `ckx.py build` on `day` (the bench's build date), timed as `make bench` times one; its processor
        time kept too."""
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        wall = timed([sys.executable, str(self.code / "scripts" / "ckx.py"), "build", "--content",
                      str(self.folder / "content"), "--output", str(self.folder / "output")],
                     cwd=self.code, env={"CKX_CACHE": str(self.folder / "cache"), "BUILD_DATE": day})
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.last_cpu = (after.ru_utime - before.ru_utime, after.ru_stime - before.ru_stime)
        return wall

    def cold_build(self) -> float:
        """A build from nothing: no store, no site, nothing a build left beside the site."""
        for leftover in self.folder.iterdir():
            if leftover.name != "content":
                shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink()
        os.sync()  # the removed files' blocks written back now, not during the build timed next
        return self.build()

    def edit_and_build(self) -> float:
        self.edits += 1
        with self.edited.open("a", encoding="utf-8") as text:
            text.write(f"\nĐã sửa câu thứ {self.edits}.\n")
        return self.build()


def checkout(commit: str, folder: Path) -> Path:
    """`commit` of this repository, checked out in `folder` (a clone sharing its objects)."""
    shutil.rmtree(folder, ignore_errors=True)
    subprocess.run(["git", "clone", "--quiet", "--shared", "--no-checkout", str(ROOT), str(folder)], check=True)
    subprocess.run(["git", "-C", str(folder), "checkout", "--quiet", "--detach", commit], check=True)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the commit to compare with (HEAD~1, a hash)")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--work", type=Path, default=ROOT / ".bench" / "ab")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--next-days", action="store_true", help="each round the next day, nothing edited")
    which.add_argument("--cold", action="store_true", help="each round a build from nothing")
    parser.add_argument("--edit", default="notice", help="the kind whose first bundle each round edits (the "
                        "generated commune's names: notice, budget, schedule, land-use, poverty)")
    args = parser.parse_args()
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # as `make bench`: compiled modules kept
    args.work.mkdir(parents=True, exist_ok=True)
    base_code = checkout(args.base, args.work / "ma-goc")
    generated = args.work / "xa"
    shutil.rmtree(generated, ignore_errors=True)
    generate(generated, seed=args.seed, scale=args.scale)
    trees = [Tree(name, code, args.work, generated / "content", args.edit)
             for name, code in (("cay-nay", ROOT), ("cay-goc", base_code))]
    for tree in trees:  # built once, then twice edited: the rounds start from a standby
        tree.build()
        if not args.cold:
            tree.edit_and_build()
            tree.edit_and_build()
    for round_ in range(args.rounds):
        day = (dt.date.fromisoformat(BUILD_DATE) + dt.timedelta(days=round_ + 1)).isoformat()
        for tree in trees if round_ % 2 == 0 else reversed(trees):
            tree.times.append(tree.build(day) if args.next_days else tree.cold_build() if args.cold
                              else tree.edit_and_build())
            tree.cpu.append(tree.last_cpu)
    here, base = trees
    what = ("mỗi vòng xây dựng ngày hôm sau" if args.next_days else "mỗi vòng xây dựng từ đầu" if args.cold
            else f"mỗi vòng sửa một hồ sơ {args.edit}")
    print(f"Máy: {os.cpu_count()} lõi; quy mô {args.scale:g}×; {args.rounds} vòng, {what}, thứ tự đổi mỗi vòng")
    for tree, label in ((here, "cây này"), (base, f"{args.base}")):
        print(f"{label:<12} trung vị {statistics.median(tree.times):.3f} s ({min(tree.times):.3f}-{max(tree.times):.3f});"
              f" CPU: người dùng {statistics.median(user for user, _ in tree.cpu):.2f} s,"
              f" hệ thống {statistics.median(system for _, system in tree.cpu):.2f} s")
    differences = [a - b for a, b in zip(here.times, base.times, strict=True)]
    user = [a[0] - b[0] for a, b in zip(here.cpu, base.cpu, strict=True)]
    system = [a[1] - b[1] for a, b in zip(here.cpu, base.cpu, strict=True)]
    print(f"chênh lệch từng vòng (cây này trừ {args.base}): trung vị {statistics.median(differences):+.3f} s; "
          f"CPU người dùng {statistics.median(user):+.2f} s, hệ thống {statistics.median(system):+.2f} s")


if __name__ == "__main__":
    main()
