"""What an attachment may be, and the personal-data scan of what it says.

Only types a citizen opens safely are published, and the file must be what
its extension says: an HTML page named `.pdf` would be served from the site's
own origin, where the web editor keeps its login. `.html`, `.svg` and other
types that can carry script are refused outright. The text of every readable
attachment (PDF text, Word, Excel, CSV) goes through the same privacy rules as
tables; scanned images have no text to read, which the officer's guide says.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

from plugins.attachments.text import office_parts_text, pdf_text, table_rows
from plugins.disclosures.files import Limits, too_large
from plugins.issues import Issue
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


def check_attachment(path: Path, shown: str, limits: Limits, official: Official) -> list[Issue]:
    """Every reason `path` (named `shown` to the officer) may not be published; [] when it may."""
    extension = path.suffix.lower()
    if extension not in ALLOWED:
        return [_refuse(shown, f'không đăng loại tệp "{extension or "(không có đuôi)"}".',
                        "Chỉ đính kèm: " + ", ".join(sorted(ALLOWED)) + ". Trang web (.html), hình vẽ .svg và tệp "
                        "chương trình có thể chứa mã chạy được nên không bao giờ được đăng; hãy in ra PDF.")]
    size = path.stat().st_size
    if size == 0:
        return [_refuse(shown, "tệp rỗng (0 byte).", "Chép lại đúng tệp vào thư mục hồ sơ.")]
    if size > limits.attachment_bytes:
        return [too_large(shown, size, limits.attachment_bytes)]
    magic, label = ALLOWED[extension]
    with path.open("rb") as handle:
        head = handle.read(4096)
    if (not head.startswith(magic)) if magic is not None else b"\x00" in head:
        return [_refuse(shown, f"nội dung tệp không phải là {label} như phần đuôi tên tệp cho biết.",
                        f"Mở tệp bằng chương trình gốc và lưu lại đúng dạng {label}.")]
    try:
        if extension in OFFICE_PART:
            check_zip(path, limits.xlsx_unpacked_bytes)
            with zipfile.ZipFile(path) as archive:
                if OFFICE_PART[extension] not in archive.namelist():
                    raise Unreadable(f"tệp không phải là {label}.")
        return list(_personal_data(path, extension, shown, official))
    except TooLarge as exc:
        return [Issue(code="tep-qua-lon", file=shown, message=str(exc),
                      hint="Chia tệp thành nhiều tệp nhỏ hơn (xem docs/an-toan.md).")]
    except Unreadable as exc:
        return [_refuse(shown, str(exc), f"Mở tệp bằng chương trình gốc và lưu lại đúng dạng {label}.")]
    except Exception as exc:
        return [Issue(code="tep-khong-doc-duoc", file=shown,
                      message=f"không đọc được nội dung tệp để kiểm tra dữ liệu cá nhân ({type(exc).__name__}).",
                      hint=f"Mở tệp bằng chương trình gốc và lưu lại dạng {label}; tệp phải được kiểm tra trước khi đăng.")]


def _personal_data(path: Path, extension: str, shown: str, official: Official) -> Iterator[Issue]:
    found = 0
    for place, text in _pieces(path, extension):
        for finding in personal_data(text, official):
            yield Issue(code="du-lieu-ca-nhan", file=shown, message=f"{place}: {message(finding)}", hint=HINT)
            found += 1
            if found >= MAX_FINDINGS:
                return
    if extension in (".xlsx", ".csv"):
        for place, cells in _headers(path):
            for cell in cells:
                reason = isinstance(cell, str) and personal_column(cell)
                if reason:
                    yield Issue(code="cot-du-lieu-ca-nhan", file=shown,
                                message=f'{place}: cột "{cell}" chứa {reason}; {RULE}.',
                                hint="Xóa hẳn cột này khỏi tệp (không chỉ ẩn cột) rồi lưu lại.")


def _pieces(path: Path, extension: str) -> Iterator[tuple[str, str]]:
    if extension == ".pdf":
        yield from pdf_text(path)
    elif extension in (".xlsx", ".csv"):
        for place, cells in table_rows(path):
            yield place, " | ".join(str(c) for c in cells if isinstance(c, str))
    if extension in OFFICE_PART:
        yield from office_parts_text(path)


def _headers(path: Path) -> Iterator[tuple[str, list]]:
    """The first ten rows of each sheet: where a header naming personal data would be."""
    seen: dict[str, int] = {}
    for place, cells in table_rows(path):
        sheet = place.rsplit(",", 1)[0] if "," in place else ""
        seen[sheet] = seen.get(sheet, 0) + 1
        if seen[sheet] <= 10:
            yield place, cells


def _refuse(shown: str, text: str, hint: str) -> Issue:
    return Issue(code="tep-dinh-kem-khong-hop-le", file=shown, message=text, hint=hint)
