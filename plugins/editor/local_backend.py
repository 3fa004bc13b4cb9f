"""The web editor's local backend: Decap CMS's proxy protocol over content/ of this repository, and nothing else.

`make editor` used to start decap-server in git mode over the whole project root. It checks no Host header
(a page the officer happens to open can reach it through DNS rebinding), writes anywhere in the repository
(a new `pelicanconf.py` is Python the next build runs; `.git/hooks/` too), and commits with `git add .` and
`--no-verify` (an officer's unrelated files swept into the commit, the validation hook skipped). It cannot be
configured out of any of that, so this module answers the same protocol itself (the actions of decap-server's
`local_fs` mode, which Decap's `local_backend` speaks), with these rules:
- every path is a relative "content/..." path with no "..", no hidden part and no link leaving content/;
- a save is checked with `make validate`'s own loader before it is committed: with errors in what it saved, the
  files are put back as they were and the officer gets the Vietnamese issue list;
- the commit holds exactly the files of that save (`git commit -- <paths>`), runs the repository's hooks, and
  its message names the document in Vietnamese.
The HTTP side (Host, Origin, sizes, time) is scripts/editor.py's.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import re
import subprocess
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from plugins.issues import Issue, has_errors

CONTENT = "content"
_SAFE_PART = re.compile(r"[^\x00-\x1f/\\:*?\"<>|]+")
_TITLE = re.compile(r"^title:\s*['\"]?(.+?)['\"]?\s*$", re.MULTILINE)
_GIT_TIMEOUT = 60


class Refused(Exception):
    """A request the backend will not carry out: `status` for HTTP, `message` in Vietnamese for the officer."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class ContentStore:
    """`repository`: the git work tree holding content/. `validate(paths)` returns the issues `make validate`
    reports for the files at those repository paths (and the bundles they belong to)."""

    repository: Path
    validate: Callable[[list[str]], list[Issue]]

    def __post_init__(self) -> None:
        self.repository = self.repository.resolve()
        self.content = (self.repository / CONTENT).resolve()
        self._lock = threading.Lock()  # one save at a time: each is write, check, commit or put back

    # ---- the protocol ------------------------------------------------------------------------------------
    def handle(self, action: Any, params: Any) -> Any:
        """The answer to one request (JSON-ready), or Refused."""
        if not isinstance(params, dict):
            params = {}
        handlers = {
            "info": lambda: {"repo": self.repository.name, "publish_modes": ["simple"], "type": "local_fs"},
            "entriesByFolder": lambda: [self._entry(p) for p in self._list(params.get("folder"), params.get("extension"),
                                                                            params.get("depth"))],
            "entriesByFiles": lambda: [self._entry(self._path(f.get("path") if isinstance(f, dict) else None),
                                                   f.get("label")) for f in _items(params.get("files"))],
            "getEntry": lambda: self._entry(self._path(params.get("path"))),
            "persistEntry": lambda: self._persist_entry(params),
            "getMedia": lambda: [self._media(p) for p in self._list(params.get("mediaFolder"), "", 1)],
            "getMediaFile": lambda: self._media(self._path(params.get("path"))),
            "persistMedia": lambda: self._persist_media(params.get("asset")),
            "deleteFile": lambda: self._delete([params.get("path")]),
            "deleteFiles": lambda: self._delete(_items(params.get("paths"))),
            "getDeployPreview": lambda: None,
        }
        if action not in handlers:
            raise Refused(422, "Trình soạn thảo trên máy này không làm việc này (chỉ lưu thẳng, không có quy trình duyệt).")
        return handlers[action]()

    # ---- paths -------------------------------------------------------------------------------------------
    def _path(self, rel: Any) -> str:
        """A repository path the editor may touch: "content/...", inside content/ once every link is followed."""
        if not isinstance(rel, str) or len(rel) > 300:
            raise Refused(403, "Đường dẫn không hợp lệ.")
        parts = PurePosixPath(rel).parts
        if (len(parts) < 2 or parts[0] != CONTENT or rel.startswith("/")
                or any(p in (".", "..") or p.startswith(".") or not _SAFE_PART.fullmatch(p) for p in parts)):
            raise Refused(403, f'Trình soạn thảo chỉ đọc và ghi trong thư mục content/; "{rel[:120]}" nằm ngoài hoặc '
                               "có phần bị cấm (.., tệp ẩn).")
        real = Path(os.path.realpath(self.repository / rel))
        if not real.is_relative_to(self.content):
            raise Refused(403, f'"{rel[:120]}" trỏ ra ngoài thư mục content/ (liên kết).')
        return "/".join(parts)

    def _list(self, folder: Any, extension: Any, depth: Any) -> list[str]:
        folder = self._path(folder) if folder != CONTENT else CONTENT
        if not isinstance(extension, str) or not isinstance(depth, int) or not 0 < depth <= 10:
            raise Refused(400, "Yêu cầu liệt kê tệp không hợp lệ.")
        start = self.repository / folder
        found = []
        for current, dirs, files in os.walk(start):
            level = len(Path(current).relative_to(start).parts)
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and level + 1 < depth
                             and not (Path(current) / d).is_symlink())
            found += [Path(current, name).relative_to(self.repository).as_posix() for name in sorted(files)
                      if not name.startswith(".") and name.endswith(extension)]
        return [path for path in found if self._inside(path)]

    def _inside(self, rel: str) -> bool:
        try:
            self._path(rel)
            return True
        except Refused:
            return False

    # ---- reading -----------------------------------------------------------------------------------------
    def _entry(self, rel: str, label: Any = None) -> dict:
        file = {"path": rel, "label": label if isinstance(label, str) else None}
        path = self.repository / rel
        if not path.is_file():
            return {"data": None, "file": file | {"id": None}}
        data = path.read_bytes()
        return {"data": data.decode("utf-8", errors="replace"), "file": file | {"id": hashlib.sha256(data).hexdigest()}}

    def _media(self, rel: str) -> dict:
        path = self.repository / rel
        if not path.is_file():
            raise Refused(404, f'Không có tệp "{rel}".')
        data = path.read_bytes()
        return {"id": hashlib.sha256(data).hexdigest(), "content": base64.b64encode(data).decode("ascii"),
                "encoding": "base64", "path": rel, "name": path.name}

    # ---- writing -----------------------------------------------------------------------------------------
    def _persist_entry(self, params: dict) -> dict:
        entry = params.get("entry")
        data_files = _items(params.get("dataFiles")) or ([entry] if isinstance(entry, dict) else [])
        if not data_files:
            raise Refused(400, "Yêu cầu lưu không có nội dung.")
        writes: dict[str, bytes] = {}
        for item in data_files:
            if not isinstance(item, dict) or not isinstance(item.get("raw"), str):
                raise Refused(400, "Yêu cầu lưu không hợp lệ.")
            writes[self._path(item.get("path"))] = item["raw"].encode("utf-8")
        for asset in _items(params.get("assets")):
            rel, content = self._asset(asset)
            writes[rel] = content
        title = next((m.group(1) for m in map(_TITLE.search, (w.decode("utf-8", "replace") for w in writes.values())) if m),
                     None)
        created = not any((self.repository / rel).exists() for rel in writes)
        first = next(iter(writes))
        for item in data_files:
            if item.get("newPath"):
                self._move(self._path(item["path"]), self._path(item["newPath"]), writes)
        self._save(writes, _message("Thêm" if created else "Sửa", title, first))
        return {"message": "Đã lưu."}

    def _move(self, old: str, new: str, writes: dict[str, bytes | None]) -> None:
        """A renamed entry: its file, and for a bundle (".../index.md") every file of its folder, as decap-server's
        `hasSubfolders` does; written as writes, so a refused save puts all of them back."""
        pairs = [(old, new)]
        if old.endswith("/index.md") and new.endswith("/index.md"):
            folder, target = old.rsplit("/", 1)[0], new.rsplit("/", 1)[0]
            pairs += [(rel, target + rel[len(folder):]) for rel in self._list(folder, "", 10) if rel != old]
        for source, target in pairs:
            writes[target] = writes.get(source) or _read(self.repository / source)
            writes[source] = None

    def _persist_media(self, asset: Any) -> dict:
        rel, content = self._asset(asset)
        self._save({rel: content}, _message("Thêm tệp", None, rel))
        return self._media(rel)

    def _delete(self, paths: Iterable[Any]) -> dict:
        rels = [self._path(p) for p in paths]
        if not rels:
            raise Refused(400, "Không có tệp nào để xóa.")
        self._save(dict.fromkeys(rels), _message("Xóa", None, rels[0]))
        return {"message": "Đã xóa."}

    def _asset(self, asset: Any) -> tuple[str, bytes]:
        if not isinstance(asset, dict) or asset.get("encoding") != "base64" or not isinstance(asset.get("content"), str):
            raise Refused(400, "Tệp tải lên không hợp lệ (cần nội dung base64).")
        rel = self._path(asset.get("path"))
        try:
            return rel, base64.b64decode(asset["content"], validate=True)
        except (binascii.Error, ValueError):
            raise Refused(400, f'Nội dung tệp "{rel}" không phải base64.') from None

    def _save(self, writes: dict[str, bytes | None], message: str) -> None:
        """Write (None deletes), check, commit exactly these files; with errors, every file is put back."""
        with self._lock:
            touched = list(writes)
            before = {rel: _read(self.repository / rel) for rel in touched}
            try:
                for rel, content in writes.items():
                    _write(self.repository / rel, content)
                issues = [i for i in self.validate(touched) if has_errors([i])]
                if issues:
                    raise Refused(422, "Chưa lưu vì còn lỗi (giống make validate):\n"
                                       + "\n".join(i.format() for i in issues[:30]))
                self._commit(touched, message)
            except BaseException:
                for rel, content in before.items():
                    _write(self.repository / rel, content)
                raise

    def _commit(self, paths: list[str], message: str) -> None:
        """`git add` then `git commit -- <paths>`: only these files, whatever else the officer has changed or
        staged; the repository's own hooks run (no --no-verify)."""
        env = dict(os.environ)
        for key, variable, value in (("user.name", "NAME", "Trình soạn thảo"),
                                     ("user.email", "EMAIL", "trinh-soan-thao@localhost")):
            if not _git_config(self.repository, key):  # a machine where git was never set up still saves
                env.setdefault(f"GIT_AUTHOR_{variable}", value)
                env.setdefault(f"GIT_COMMITTER_{variable}", value)
        for command in (["add", "-A", "--", *paths], ["commit", "-q", "-m", message, "--", *paths]):
            result = subprocess.run(["git", *command], cwd=self.repository, env=env, capture_output=True, text=True,
                                    timeout=_GIT_TIMEOUT)
            if result.returncode != 0:
                said = (result.stderr or result.stdout).strip()[-800:]
                raise Refused(409, f"Không ghi được vào git ({' '.join(command[:1])}): {said}")


def _items(value: Any) -> list:
    return value if isinstance(value, list) else []


def _read(path: Path) -> bytes | None:
    return path.read_bytes() if path.is_file() and not path.is_symlink() else None


def _write(path: Path, content: bytes | None) -> None:
    if content is None:
        if path.is_file() or path.is_symlink():
            path.unlink()
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_symlink():
        path.unlink()
    path.write_bytes(content)


def _git_config(repository: Path, key: str) -> str:
    result = subprocess.run(["git", "config", key], cwd=repository, capture_output=True, text=True, timeout=_GIT_TIMEOUT)
    return result.stdout.strip()


def _message(verb: str, title: str | None, rel: str) -> str:
    """"Sửa: Thông báo lịch tiếp công dân (content/disclosures/2026/lich/index.md)" — what and where."""
    return f"{verb}: {title} ({rel})" if title else f"{verb}: {rel}"


def issues_for(paths: Iterable[str], issues: Iterable[Issue]) -> list[Issue]:
    """The issues of what a save touched: the bundles of its files (a table's error belongs to its bundle) and the
    other files themselves. Another bundle's error never blocks this save; `make html` still refuses it."""
    scopes = set()
    for rel in paths:
        parts = rel.split("/")[1:]  # relative to content/, as issues name files
        scopes.add("/".join(parts[:3]) + "/" if parts[0] == "disclosures" and len(parts) > 3 else "/".join(parts))
    return [i for i in issues if any(i.file == scope or (scope.endswith("/") and i.file.startswith(scope))
                                     for scope in scopes)]
