"""Control characters in officers' text: invisible, never wanted, and unsafe in HTML and CSV.

NUL, ESC and their kind come from pasting out of other programs; they reach
the page as garbage or break the XML of a feed, so any text that reaches the
output is checked for them, with the line and column to find them by.
"""

from __future__ import annotations

import re

from plugins.issues.record import Issue

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")


def control_characters(text: str) -> list[tuple[int, int, str]]:
    """(line, column, character) of each control character other than tab and line ends."""
    if not _CONTROL.search(text):  # every table cell passes here: the common case must be one regex scan
        return []
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        for column, ch in enumerate(line.rstrip("\r"), start=1):
            if (ord(ch) < 32 and ch != "\t") or 0x7F <= ord(ch) < 0xA0 or ch in "\u2028\u2029":
                found.append((number, column, ch))
    return found


def control_character_issues(text: str, file: str, line: int | None = None, column: str | None = None) -> list[Issue]:
    """Issues for a text file (lines counted in `text`), or for one table cell (`line` = row, `column` = header)."""
    return [Issue(code="ky-tu-dieu-khien", file=file, line=line if line is not None else at_line, column=column,
                  message=f"có ký tự điều khiển vô hình (mã U+{ord(ch):04X})"
                          + ("." if column else f" ở cột {at_column}."),
                  hint="Xóa ký tự này (thường do chép từ phần mềm khác); gõ lại đoạn chữ đó nếu cần.")
            for at_line, at_column, ch in control_characters(text)[:20]]
