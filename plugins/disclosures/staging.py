"""Staging folders and the safe swap, for `build` (the site) and `print` (its PDFs).

Output is written into a staging folder beside its target and swapped in
only when complete. On Linux the swap is one atomic exchange of the two
folders (renameat2 RENAME_EXCHANGE), so readers see the old site or the new
one and never a moment without one; elsewhere it falls back to two renames.
Staging folders carry the process id, so the next run removes those a killed
run left behind (they can hold a named list after its period) and leaves a
running build's alone.
"""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def new_staging(target: Path, kind: str = "moi") -> Path:
    """An empty folder beside `target` ("moi": a new version; "cu": the old one on its way out)."""
    clean_stale(target)
    return Path(tempfile.mkdtemp(prefix=f".{target.name}.{kind}-{os.getpid()}-", dir=target.parent))


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


def swap(staging: Path, target: Path, *, remove_old_in_background: bool = False) -> None:
    """Put `staging` in the place of `target`; the old version is deleted afterwards, by a process of its
    own when asked: the new site is already in place, and removing twenty thousand files and folders took
    a quarter of a rebuild. Should that process be stopped, the next run's `clean_stale` finishes it."""
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
