"""Independent outputs made on every core: the disclosures shared out among forked workers.

Each disclosure's pages, print views and files depend on nothing another
disclosure's make, so the list is dealt out like cards (every n-th to the same
worker, which evens out the large and the small) and each worker, a fork of
the build that already holds the loaded site, makes its share into the same
staging folder and hands back what it made. The build itself takes one share,
so n cores run n workers. A worker that fails fails the build with its message.

`CKX_WORKERS` sets the number (1: everything in this process); by default
every core, once there are enough disclosures to be worth a fork.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

Item = TypeVar("Item")
WORTH_A_FORK = 64  # disclosures; below this the sample commune builds faster in one process
VARIABLE = "CKX_WORKERS"


class WorkerFailed(RuntimeError):
    """A worker stopped on an error; the message is the worker's."""


def worker_count(items: int) -> int:
    configured = os.environ.get(VARIABLE, "").strip()
    if configured.isdigit() and int(configured) >= 1:
        return int(configured)
    return (os.cpu_count() or 1) if items >= WORTH_A_FORK and hasattr(os, "fork") else 1


def share_out(items: Sequence[Item], work: Callable[[Sequence[Item]], Any], workers: int | None = None) -> list:
    """`work(share)` for each share of `items`; the results in share order (this process's share first)."""
    workers = min(worker_count(len(items)) if workers is None else workers, max(len(items), 1))
    if workers <= 1:
        return [work(items)]
    shares = [items[i::workers] for i in range(workers)]
    sys.stdout.flush()
    sys.stderr.flush()
    children = [_fork(work, share) for share in shares[1:]]
    try:
        results = [work(shares[0])]
    except BaseException:
        for pid, path in children:  # no worker goes on writing into a folder about to be removed
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            Path(path).unlink(missing_ok=True)
        raise
    errors = []
    for pid, path in children:
        outcome = _outcome(pid, path)
        if outcome[0] == "ok":
            results.append(outcome[1])
        else:
            errors.append(outcome[1])
    if errors:
        raise WorkerFailed(errors[0])
    return results


class Ahead:
    """`work()` started in a forked child, this process going on beside it: the walk of a folder the build
    needs later, while it loads the content. `result()` waits for it and gives what it returned (WorkerFailed
    when it failed), once; without fork the work is done at once, here. `discard()` when it is not wanted."""

    def __init__(self, work: Callable[[], Any]) -> None:
        self.child, self.outcome = None, None
        if hasattr(os, "fork"):
            sys.stdout.flush()
            sys.stderr.flush()
            self.child = _fork(lambda _share: work(), None)
        else:
            try:
                self.outcome = ("ok", work())
            except Exception as exc:  # as a child's failure comes back
                self.outcome = ("error", f"{type(exc).__name__}: {exc}")

    def result(self) -> Any:
        if self.child is not None:
            self.outcome, self.child = _outcome(*self.child), None
        outcome, self.outcome = self.outcome or ("error", "đã lấy kết quả này rồi."), None
        if outcome[0] != "ok":
            raise WorkerFailed(outcome[1])
        return outcome[1]

    def taken(self) -> Any:
        """`result()`, or None when the work failed or was taken already: the caller then does it itself."""
        try:
            return self.result()
        except WorkerFailed:
            return None

    def discard(self) -> None:
        if self.child is not None:
            os.kill(self.child[0], signal.SIGKILL)
            _outcome(*self.child)
            self.child = None


def _outcome(pid: int, path: str) -> tuple[str, Any]:
    """("ok", result) or ("error", message) of a child once it ended; its file removed."""
    _pid, status = os.waitpid(pid, 0)
    try:
        return pickle.loads(Path(path).read_bytes())
    except (OSError, EOFError, pickle.UnpicklingError):
        return "error", f"một tiến trình con dừng đột ngột (mã {status})."
    finally:
        Path(path).unlink(missing_ok=True)


def _fork(work, share) -> tuple[int, str]:
    handle, path = tempfile.mkstemp(prefix="ckx-worker-")
    os.close(handle)
    pid = os.fork()
    if pid:
        return pid, path
    status = 0  # the child: never returns into the caller's code
    try:
        data = pickle.dumps(("ok", work(share)), protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException as exc:  # whatever stops the worker is the build's error
        data = pickle.dumps(("error", f"{type(exc).__name__}: {exc}"))
        status = 1
    try:
        Path(path).write_bytes(data)
    finally:
        os._exit(status)
