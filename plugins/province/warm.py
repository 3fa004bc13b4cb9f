"""Each commune's build in a process of its own, forked from one that has already imported everything.

A new Python process per commune spent about half of its 1.3 s importing Pelican, Jinja, the plugins and
WeasyPrint: at 170 communes that is most of a day's rebuild. Python's forkserver imports them once
(`PRELOAD`) and forks a fresh child for each step, so a commune still runs alone: its crash, hang or
memory is its own, and nothing it sets is seen by the next. The child runs `scripts/ckx.py`'s own `main`
with the commune's environment, its output going to files the caller reads, as a subprocess's would.
"""

from __future__ import annotations

import io
import multiprocessing
import multiprocessing.connection
import os
import sys
import tempfile
import threading
import traceback
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# What every build imports (scripts/ckx.py, Pelican, the plugins' generators) and printing's WeasyPrint.
PRELOAD = ["scripts.ckx", "pelican", "pelican.generators", "pelican.readers", "pelican.writers",
           "plugins.disclosures.generator", "plugins.sheets.generator", "plugins.loudspeaker.generator",
           "plugins.obligations.generator", "plugins.editor.generator", "plugins.search.generator",
           "plugins.sheets.pdf", "weasyprint"]


@dataclass
class Finished:
    returncode: int | None  # None: stopped after the time limit
    stdout: str
    stderr: str


_context = None
# Starting a process polls the others (multiprocessing's own clean-up): two threads reading one child's exit
# status at once leave one of them with 255, a good build reported as failed. Starts and reads take turns.
_LOCK = threading.Lock()


def _forkserver():
    global _context
    if _context is None:
        if str(ROOT) not in sys.path:  # the server imports PRELOAD with this process's path
            sys.path.insert(0, str(ROOT))
        _context = multiprocessing.get_context("forkserver")
        _context.set_forkserver_preload(PRELOAD)
    return _context


def _step(argv: list[str], environment: dict[str, str], stdout: str, stderr: str) -> None:
    """In the forked child: the commune's environment and output files, then `scripts/ckx.py main`."""
    os.environ.clear()
    os.environ.update(environment)
    os.chdir(ROOT)
    for fd, path in ((1, stdout), (2, stderr)):
        target = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(target, fd)
        os.close(target)
    sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8", line_buffering=True)
    sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), encoding="utf-8", line_buffering=True)
    from scripts.ckx import main

    code = 1
    try:
        code = main(argv)
    except BaseException:  # told in the commune's report, as a process of its own would have printed it
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def run_ckx(argv: list[str], environment: dict[str, str], timeout: float) -> Finished:
    """`python scripts/ckx.py <argv>` with `environment`, in a warm forked process; stopped after `timeout`."""
    with tempfile.TemporaryDirectory(prefix="ckx-xa-") as folder:
        out, err = os.path.join(folder, "out"), os.path.join(folder, "err")
        process = _forkserver().Process(target=_step, args=(argv, environment, out, err))
        with _LOCK:
            process.start()
        finished = multiprocessing.connection.wait([process.sentinel], timeout)
        with _LOCK:
            if not finished:
                process.kill()
            process.join()
            code = process.exitcode if finished else None

        def read(path: str) -> str:
            try:
                return Path(path).read_text(encoding="utf-8", errors="replace")
            except OSError:
                return ""

        return Finished(code, read(out), read(err))
