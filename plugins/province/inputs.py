"""What a commune's build depends on, as one fingerprint: its content, the project's code, the day and the
settings it is built with. A province run skips a commune whose fingerprint is the one its last good build
recorded, so a push to one commune rebuilds that commune alone (the same day's other communes are
unchanged). Every new day changes the fingerprint: what a date moves (postings that start or end, names
that must leave, deadlines) is never skipped.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CODE = ("plugins", "theme", "scripts", "pelicanconf.py", "requirements.txt")  # what the build runs
MAX_BYTES = 1 << 30  # a content folder larger than this is always rebuilt rather than read twice


def _tree(digest, root: Path, budget: list[int]) -> bool:
    """Every file under `root` (its path, and its bytes or a link's target) into `digest`, in a fixed order;
    False when the files pass the budget of bytes left."""
    for folder, folders, files in os.walk(root):  # links to folders are not walked: their targets are hashed
        folders[:] = sorted(f for f in folders if f not in (".git", "__pycache__"))
        links = [f for f in folders if Path(folder, f).is_symlink()]
        folders[:] = [f for f in folders if f not in links]
        for name in sorted(files + links):
            path = Path(folder, name)
            digest.update(f"{path.relative_to(root).as_posix()}\0".encode("utf-8", "surrogateescape"))
            if path.is_symlink():
                digest.update(f"-> {os.readlink(path)}\0".encode("utf-8", "surrogateescape"))
                continue
            try:
                size = path.stat().st_size
                budget[0] -= size
                if budget[0] < 0:
                    return False
                with path.open("rb") as file:
                    digest.update(hashlib.file_digest(file, "sha256").digest())
            except OSError:
                digest.update(b"?")  # unreadable now: the build will say why
    return True


def code_fingerprint() -> str:
    digest = hashlib.sha256()
    for name in CODE:
        path = ROOT / name
        digest.update(f"{name}\0".encode())
        if path.is_dir():
            _tree(digest, path, [MAX_BYTES])
        elif path.is_file():
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def inputs_fingerprint(content: Path, code: str, settings: Mapping[str, str]) -> str | None:
    """None when the content is too large to read twice (it is then always rebuilt)."""
    digest = hashlib.sha256(code.encode())
    for key in sorted(settings):
        digest.update(f"{key}={settings[key]}\0".encode("utf-8", "surrogateescape"))
    return digest.hexdigest() if _tree(digest, content, [MAX_BYTES]) else None
