"""Staging folders and the safe swap, for `build` (the site) and `print` (its PDFs).

Output is written into a staging folder beside its target and swapped in
only when complete. On Linux the swap is one atomic exchange of the two
folders (renameat2 RENAME_EXCHANGE), so readers see the old site or the new
one and never a moment without one; elsewhere it falls back to two renames.
Staging folders carry the process id, so the next run removes those a killed
run left behind (they can hold a named list after its period) and leaves a
running build's alone.

A build with a store keeps the site it replaced as a standby (in the store,
never beside or inside what is published) and starts its next staging folder
from it, so only what changed is written and only what went is removed
(outputs.Outputs): no new tree of twenty thousand links and folders on every
build, and still one atomic swap.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def new_staging(target: Path, kind: str = "moi", standby: Path | None = None) -> Path:
    """A folder beside `target` ("moi": a new version; "cu": the old one on its way out): the `standby` site
    moved in when there is one on the same file system (it then leaves the store: a build killed while
    changing it leaves a stale staging folder, never a standby in an unknown state), else empty."""
    clean_stale(target)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.{kind}-{os.getpid()}-", dir=target.parent))
    if standby is not None and standby.is_dir() and not standby.is_symlink():
        with contextlib.suppress(OSError):  # another file system: start empty
            os.rename(standby, staging)  # replaces the empty folder
    return staging


def clean_stale(target: Path) -> list[Path]:
    """Remove staging folders of `target` whose process is gone; return them."""
    pattern = re.compile(rf"^\.{re.escape(target.name)}\.(?:moi|cu)-(\d+)(?:-.*)?$")
    removed = []
    if not target.parent.is_dir():
        return removed
    for folder in target.parent.iterdir():
        match = pattern.match(folder.name)
        if match and folder.is_dir() and not folder.is_symlink() and not _running(int(match.group(1))):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def swap(staging: Path, target: Path, *, remove_old_in_background: bool = False, standby: Path | None = None) -> None:
    """Put `staging` in the place of `target`. The old version becomes the `standby` when one is asked for
    and can be moved there; else it is deleted afterwards, by a process of its own when asked: the new site
    is already in place, and removing twenty thousand files and folders took a quarter of a rebuild. Should
    that process be stopped, the next run's `clean_stale` finishes it."""
    staging.chmod(0o755)
    if not target.exists():
        staging.rename(target)
        return
    if _exchange(staging, target):
        old = staging  # it now holds the old version
    else:
        old = target.with_name(f".{target.name}.cu-{os.getpid()}")
        target.rename(old)
        staging.rename(target)
    if standby is not None:
        with contextlib.suppress(OSError):  # another file system, or a standby that would not go: delete it
            if standby.is_dir() and not standby.is_symlink():
                shutil.rmtree(standby)  # left by a build that stopped before taking it
            standby.parent.mkdir(parents=True, exist_ok=True)
            os.rename(old, standby)
            return
    if remove_old_in_background and shutil.which("rm"):
        subprocess.Popen(["rm", "-rf", "--", str(old)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    else:
        shutil.rmtree(old)


def _exchange(first: Path, second: Path) -> bool:
    """Atomically exchange two paths on one file system; False where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    return result == 0
