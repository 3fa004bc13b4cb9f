"""What an attachment may be, the personal-data scan of what it says, and what is published of it.

Only types a citizen opens safely are published, and the file must be what
its extension says: an HTML page named `.pdf` would be served from the site's
own origin, where the web editor keeps its login. `.html`, `.svg` and other
types that can carry script are refused outright. The text of every readable
attachment (PDF text, Word, Excel, CSV) goes through the same privacy rules as
tables; scanned images have no text to read, which the officer's guide says. What is published is the
clean copy the same reading made (formats.py), never the file as it came.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from plugins.attachments.formats import Reading, Refused, read_attachment
from plugins.issues import Issue, too_large
from plugins.privacy.rules import HINT, RULE, Official, message, personal_column, personal_data
from plugins.tables.read import TooLarge, Unreadable, check_zip

# extension -> (what the file must start with, Vietnamese name); None = text, checked by decoding.
ALLOWED: dict[str, tuple[tuple[bytes, ...] | None, str]] = {
    ".pdf": ((b"%PDF-",), "PDF"),
    ".jpg": ((b"\xff\xd8\xff",), "ảnh JPEG"),
    ".jpeg": ((b"\xff\xd8\xff",), "ảnh JPEG"),
    ".png": ((b"\x89PNG\r\n\x1a\n",), "ảnh PNG"),
    ".webp": ((b"RIFF",), "ảnh WebP"),
    ".xlsx": ((b"PK\x03\x04",), "bảng Excel"),
    ".docx": ((b"PK\x03\x04",), "văn bản Word"),
    ".csv": (None, "bảng CSV"),
}
OFFICE_PART = {".xlsx": "xl/workbook.xml", ".docx": "word/document.xml"}
MAX_FINDINGS = 20  # per file: enough to show what is wrong without drowning the officer


@dataclass(frozen=True)
class Checked:
    """What the check found, and what will be published: the clean copy's size and SHA-256, which the page
    shows beside the link (the officer's file is never the one a citizen downloads)."""

    issues: list[Issue]
    size: int = 0
    sha256: str | None = None
    clean: bytes = field(default=b"", repr=False)  # the copy itself, for the store; a disclosure keeps the two above


def check_attachment(path: Path, shown: str, official: Official, *, max_bytes: int,
                     max_unpacked_bytes: int) -> Checked:
    """Every reason `path` (named `shown` to the officer) may not be published, and its clean copy's facts.
    The limits are the content's (CKX_LIMITS: `attachment_bytes`, `xlsx_unpacked_bytes`)."""
    reading, refused = _read(path, shown, max_bytes, max_unpacked_bytes)
    if reading is None:
        return Checked(refused)
    clean = reading.clean
    return Checked(_reading_issues(reading, shown, official), len(clean), hashlib.sha256(clean).hexdigest(), clean)


def _read(path: Path, shown: str, max_bytes: int, max_unpacked_bytes: int) -> tuple[Reading | None, list[Issue]]:
    """The file's reading, or None and why it cannot even be read."""
    extension = path.suffix.lower()
    if extension not in ALLOWED:
        return None, [_refuse(shown, f'không đăng loại tệp "{extension or "(không có đuôi)"}".',
                        "Chỉ đính kèm: " + ", ".join(sorted(ALLOWED)) + ". Trang web (.html), hình vẽ .svg và tệp "
                        "chương trình có thể chứa mã chạy được nên không bao giờ được đăng; hãy in ra PDF.")]
    size = path.stat().st_size
    if size == 0:
        return None, [_refuse(shown, "tệp rỗng (0 byte).", "Chép lại đúng tệp vào thư mục hồ sơ.")]
    if size > max_bytes:
        return None, [too_large(shown, size, max_bytes)]
    magic, label = ALLOWED[extension]
    with path.open("rb") as handle:
        head = handle.read(4096)
    if (not head.startswith(magic)) if magic is not None else b"\x00" in head:
        return None, [_refuse(shown, f"nội dung tệp không phải là {label} như phần đuôi tên tệp cho biết.",
                        f"Mở tệp bằng chương trình gốc và lưu lại đúng dạng {label}.")]
    try:
        if extension in OFFICE_PART:
            check_zip(path, max_unpacked_bytes)
            with zipfile.ZipFile(path) as archive:
                if OFFICE_PART[extension] not in archive.namelist():
                    raise Unreadable(f"tệp không phải là {label}.")
        reading = read_attachment(path, extension)
    except TooLarge as exc:
        return None, [Issue(code="tep-qua-lon", file=shown, message=str(exc),
                      hint="Chia tệp thành nhiều tệp nhỏ hơn (xem docs/an-toan.md).")]
    except (Unreadable, Refused) as exc:
        return None, [_refuse(shown, str(exc).rstrip(".") + ".", f"Mở tệp bằng chương trình gốc và lưu lại đúng dạng {label}.")]
    except Exception as exc:
        return None, [Issue(code="tep-khong-doc-duoc", file=shown,
                      message=f"không đọc được nội dung tệp để kiểm tra dữ liệu cá nhân ({type(exc).__name__}).",
                      hint=f"Mở tệp bằng chương trình gốc và lưu lại dạng {label}; tệp phải được kiểm tra trước khi đăng.")]
    return reading, []


def _reading_issues(reading: Reading, shown: str, official: Official) -> list[Issue]:
    issues = [_refuse(shown, f"{refusal}: phần này không được đăng kèm.", REFUSAL_HINT) for refusal in reading.refusals]
    return issues + list(_personal_data(reading, shown, official))


REFUSAL_HINT = ("Trong Word: chấp nhận mọi thay đổi (Review > Accept All), xóa ghi chú và tệp nhúng; trong Excel: mở "
                "tệp rồi lưu lại; hoặc in văn bản ra PDF và đính kèm tệp PDF.")


def clean_attachment(path: Path) -> bytes:
    """What is published for an attachment that passed `check_attachment`: its clean copy (formats.py)."""
    return read_attachment(path, path.suffix.lower()).clean


def _personal_data(reading: Reading, shown: str, official: Official) -> Iterator[Issue]:
    found = 0
    for place, text in reading.pieces:
        for finding in personal_data(text, official):
            yield Issue(code="du-lieu-ca-nhan", file=shown, message=f"{place}: {message(finding)}", hint=HINT)
            found += 1
            if found >= MAX_FINDINGS:
                return
    for place, cells in reading.headers:
        for cell in cells:
            reason = isinstance(cell, str) and personal_column(cell)
            if reason:
                yield Issue(code="cot-du-lieu-ca-nhan", file=shown, message=f'{place}: cột "{cell}" chứa {reason}; {RULE}.',
                            hint="Xóa hẳn cột này khỏi tệp (không chỉ ẩn cột) rồi lưu lại.")


def _refuse(shown: str, text: str, hint: str) -> Issue:
    return Issue(code="tep-dinh-kem-khong-hop-le", file=shown, message=text, hint=hint)
