"""The issue record: what is wrong, where, and how an officer fixes it.

Positions follow what the officer sees: `line` is the line of a text file or
the row of a table as the spreadsheet numbers it (header = row 1); `key` is
a YAML key path (`posting.from`), `column` a table column header.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from plugins.issues.catalogue import CATALOGUE


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"  # nothing wrong: what the reader did on the officer's behalf (a form's title rows set aside)

    @property
    def label(self) -> str:
        return {"error": "LỖI", "warning": "CẢNH BÁO", "info": "GHI NHẬN"}[self.value]


ERROR = Severity.ERROR
WARNING = Severity.WARNING
INFO = Severity.INFO


@dataclass(frozen=True)
class Issue:
    code: str
    file: str
    message: str
    hint: str = ""
    line: int | None = None
    column: str | None = None
    key: str | None = None
    severity: Severity = ERROR

    def __post_init__(self) -> None:
        if self.code not in CATALOGUE:
            raise ValueError(f"issue code {self.code!r} is not in the catalogue")

    @property
    def is_error(self) -> bool:
        return self.severity is ERROR

    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

    def format(self) -> str:
        """One line an officer can act on, e.g.
        `content/.../chi.csv:14 LỖI [so-khong-hop-le] Cột "Dự toán": ... Cách sửa: ...`."""
        field = ""
        if self.column:
            field = f'Cột "{self.column}": '
        elif self.key:
            field = f'Khóa "{self.key}": '
        hint = f" Cách sửa: {self.hint}" if self.hint else ""
        return f"{self.where()} {self.severity.label} [{self.code}] {field}{self.message}{hint}"

    def triple(self) -> tuple[int | None, str | None, str]:
        """(line, column or key, code): the compact form tests compare."""
        return (self.line, self.column or self.key, self.code)


def has_errors(issues: Iterable[Issue]) -> bool:
    return any(issue.is_error for issue in issues)


def format_issues(issues: Iterable[Issue]) -> str:
    """All issues sorted by file and line, then a Vietnamese count line."""
    issues = sorted(issues, key=lambda i: (i.file, i.line or 0, i.column or i.key or "", i.code))
    errors = sum(1 for i in issues if i.is_error)
    warnings = sum(1 for i in issues if i.severity is WARNING)
    notes = len(issues) - errors - warnings
    lines = [issue.format() for issue in issues]
    lines.append(f"Tổng cộng: {errors} lỗi, {warnings} cảnh báo" + (f", {notes} ghi nhận." if notes else "."))
    return "\n".join(lines)


def too_large(file: str, size: int, limit: int) -> Issue:
    """A file past one of the limits that keep any input's work bounded (CKX_LIMITS)."""
    return Issue(code="tep-qua-lon", file=file,
                 message=f"tệp nặng {size:,} byte, quá giới hạn {limit:,} byte.".replace(",", "."),
                 hint="Chia tệp thành nhiều tệp nhỏ hơn, hoặc nhờ người quản trị nâng giới hạn CKX_LIMITS "
                      "trong pelicanconf.py (xem docs/an-toan.md).")


def setting_issue(key: str, message: str, hint: str) -> Issue:
    """A wrong value of the setting `key` in pelicanconf.py: what is wrong and what to write instead."""
    return Issue(code="cai-dat-khong-hop-le", file="pelicanconf.py", key=key, message=message, hint=hint)
