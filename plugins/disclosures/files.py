"""The content folder as the build may see it: regular files inside content/, within their limits.

This is the one place that walks the disk. A repository is edited by many
hands and built by CI that holds deploy secrets, so nothing a content folder
holds may make the build read outside it: a symbolic link is followed only
when it resolves inside content/ itself, special files (a FIFO would hang the
reader) are refused, and hidden folders (`.git`, editors' temporary folders)
are never content. Everything the loaders read afterwards goes through the
`ContentTree`, so a link, a path or a size is checked once, here.
"""

from __future__ import annotations

import bisect
import hashlib
import os
import stat
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from plugins.issues import Issue, setting_issue, too_large
from plugins.issues.text import control_character_issues

MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Bounded work for any input: past a limit the file is refused with its name and the limit.

    Set in pelicanconf.py as `CKX_LIMITS = {"table_rows": 200000}`; docs/an-toan.md explains each."""

    yaml_bytes: int = 256 * 1024  # front matter of one index.md, or commune.yml
    markdown_bytes: int = 2 * MIB  # one index.md or page, front matter included
    table_bytes: int = 20 * MIB  # one CSV or .xlsx table file
    table_rows: int = 50_000  # data rows of one table
    xlsx_unpacked_bytes: int = 200 * MIB  # what an .xlsx or .docx unpacks to (zip bombs)
    attachment_bytes: int = 100 * MIB  # one attachment (scanned PDFs are large)

    @classmethod
    def help(cls) -> dict[str, str]:
        return {
            "yaml_bytes": "dung lượng tối đa (byte) của phần khai báo một index.md, hoặc của commune.yml",
            "markdown_bytes": "dung lượng tối đa (byte) của một tệp index.md hoặc trang",
            "table_bytes": "dung lượng tối đa (byte) của một tệp bảng CSV hoặc Excel",
            "table_rows": "số dòng dữ liệu tối đa của một bảng",
            "xlsx_unpacked_bytes": "dung lượng tối đa (byte) khi giải nén một tệp .xlsx hoặc .docx",
            "attachment_bytes": "dung lượng tối đa (byte) của một tệp đính kèm",
        }


DEFAULT_LIMITS = Limits()


def read_limits(configured: Any, setting: str = "CKX_LIMITS") -> tuple[Limits, list[Issue]]:
    """`CKX_LIMITS` from the settings: unknown keys and values that are not positive integers are issues."""
    if configured is None:
        return DEFAULT_LIMITS, []
    if not isinstance(configured, dict):
        return DEFAULT_LIMITS, [setting_issue(setting, f"cần một dict, đang là {configured!r}.",
                                              'Ví dụ: CKX_LIMITS = {"table_rows": 100000}.')]
    known = {f.name for f in fields(Limits)}
    issues, values = [], {}
    for key, value in configured.items():
        if key not in known:
            issues.append(setting_issue(f"{setting}['{key}']", "không có giới hạn này.",
                                        f"Các giới hạn: {', '.join(sorted(known))}."))
        elif isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            issues.append(setting_issue(f"{setting}['{key}']", f"cần một số nguyên dương, đang là {value!r}.",
                                        f"Ví dụ: {getattr(DEFAULT_LIMITS, key)}."))
        else:
            values[key] = value
    return Limits(**values), issues


@dataclass
class ContentTree:
    """Every regular file under content/ the build may read, by "/"-separated path relative to it."""

    root: Path
    files: dict[str, int] = field(default_factory=dict)  # path -> size in bytes
    issues: list[Issue] = field(default_factory=list)  # links that leave content/, special files
    stamps: dict[str, tuple[int, int, int]] = field(default_factory=dict)  # path -> (size, mtime ns, inode)
    _sorted: list[str] = field(default_factory=list, repr=False)

    def path(self, rel: str) -> Path:
        return self.root / rel

    def has(self, rel: str) -> bool:
        return rel in self.files

    def under(self, folder: str) -> dict[str, int]:
        """Files inside `folder`, by path relative to it. Found by bisection in the sorted paths: asked once
        per bundle, a scan of every file each time grew with the square of the commune's size."""
        if len(self._sorted) != len(self.files):
            self._sorted = sorted(self.files)
        prefix = folder.rstrip("/") + "/"
        start = bisect.bisect_left(self._sorted, prefix)
        end = bisect.bisect_left(self._sorted, prefix[:-1] + "0")  # "0" follows "/" in code point order
        return {rel[len(prefix):]: self.files[rel] for rel in self._sorted[start:end]}

    def glob(self, folder: str, name: str) -> list[str]:
        """Paths under `folder` whose last part is `name` ("index.md"), sorted."""
        return sorted(rel for rel in self.under(folder) if rel.rsplit("/", 1)[-1] == name)

    def sha256(self, rel: str) -> str:
        """The file's checksum, read in pieces (an attachment may be 100 MiB)."""
        h = hashlib.sha256()
        with open(self.path(rel), "rb") as file:
            while chunk := file.read(MIB):
                h.update(chunk)
        return h.hexdigest()

    def read_text(self, rel: str, limit: int, issues: list[Issue]) -> str | None:
        """Officers' text files: UTF-8 only, within `limit` bytes, no control characters."""
        size = self.files.get(rel)
        if size is None:
            return None
        if size > limit:
            issues.append(too_large(rel, size, limit))
            return None
        data = self.path(rel).read_bytes()[: limit + 1]
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            issues.append(Issue(code="tep-khong-doc-duoc", file=rel, line=data[: exc.start].count(b"\n") + 1,
                                message="tệp không được lưu theo mã UTF-8 nên chữ tiếng Việt bị hỏng.",
                                hint="Mở tệp bằng Notepad, chọn Save As, mục Encoding chọn UTF-8, rồi lưu lại."))
            return None
        control = control_character_issues(text, rel)
        issues += control
        return None if control else text


def scan(root: Path) -> ContentTree:
    """Walk `root` once. Links are followed only when they resolve inside it; loops are walked once.
    Each folder is read once (its entries say which are folders and links) and each file looked at once."""
    root = Path(root)
    real_root = os.path.realpath(root)
    tree = ContentTree(root)
    seen = {real_root}
    for _folder, prefix, real_folder, entries, walk_into in sorted_walk(root, real_root):
        if entries is None:  # unreadable now: nothing of it is content
            continue
        folders, files = [], []
        for entry in entries:
            (folders if _is_folder(entry) else files).append(entry)
        for entry in folders:
            name, link = entry.name, _is_link(entry)
            real = os.path.realpath(entry.path) if link else os.path.join(real_folder, name)
            if name.startswith("."):  # .git and editors' temporary folders are never content
                if prefix.startswith("disclosures/") and os.path.isfile(os.path.join(entry.path, "index.md")):
                    tree.issues.append(Issue(
                        code="ten-ngan-khong-hop-le", file=f"{prefix}{name}/index.md",
                        message=f'thư mục hồ sơ "{name}" bắt đầu bằng dấu chấm nên bị ẩn và không bao giờ được đăng.',
                        hint=f'Đổi tên thư mục thành "{name.lstrip(".")}" (chữ thường không dấu, nối bằng gạch ngang).'))
                continue
            if link and not _inside(real, real_root):
                tree.issues.append(_link_issue(prefix + name, "thư mục"))
            elif real not in seen:
                seen.add(real)
                walk_into.append((entry.path, f"{prefix}{name}/", real))
        for entry in files:
            name, rel = entry.name, prefix + entry.name
            if _is_link(entry) and not _inside(os.path.realpath(entry.path), real_root):
                tree.issues.append(_link_issue(rel, "tệp"))
                continue
            try:
                info = entry.stat()  # through a link, to what it points at
            except OSError:
                tree.issues.append(Issue(code="lien-ket-hong", file=rel, message="liên kết này trỏ tới tệp không có.",
                                         hint="Xóa liên kết và chép tệp thật vào đây."))
                continue
            if not stat.S_ISREG(info.st_mode):
                tree.issues.append(Issue(code="tep-dac-biet", file=rel,
                                         message="đây không phải là tệp thường (ống dẫn, thiết bị) nên không đọc được.",
                                         hint="Xóa mục này khỏi thư mục content/."))
                continue
            if not name.startswith("."):
                tree.files[rel] = info.st_size
                tree.stamps[rel] = (info.st_size, info.st_mtime_ns, info.st_ino)
    return tree


def sorted_walk(root: Path, state: Any = None):
    """Each folder under `root` in os.walk's order (a folder, then each folder in it, by name, whole before the
    next), without Python's recursion, so folders nested however deep are walked: yields (folder, its path
    relative to root ending in "/", its `state`, its entries by name or None when it cannot be read, and a
    list the caller appends (path, prefix, state) to for each folder of it to walk into)."""
    pending = [(str(root), "", state)]
    while pending:
        folder, prefix, state = pending.pop()
        try:
            with os.scandir(folder) as found:
                entries = sorted(found, key=lambda entry: entry.name)
        except OSError:
            entries = None
        walk_into: list[tuple[str, str, Any]] = []
        yield folder, prefix, state, entries, walk_into
        pending += reversed(walk_into)


def _is_folder(entry: os.DirEntry) -> bool:
    """A folder, or a link to one (os.walk's rule)."""
    try:
        return entry.is_dir()
    except OSError:
        return False


def _is_link(entry: os.DirEntry) -> bool:
    try:
        return entry.is_symlink()
    except OSError:
        return False


def _inside(real: str, real_root: str) -> bool:
    return real == real_root or real.startswith(real_root + os.sep)


def _link_issue(rel: str, what: str) -> Issue:
    return Issue(code="lien-ket-ra-ngoai", file=rel,
                 message=f"{what} này là liên kết (symbolic link) trỏ ra ngoài thư mục content/; "
                         "trang không bao giờ đọc gì ngoài content/.",
                 hint=f"Xóa liên kết và chép chính {what} đó vào đây.")
