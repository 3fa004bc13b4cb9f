"""One gate for every officer's text that reaches a page, feed, picture, sheet or recording.

Refused, with the line and column (or the key, or the cell) to find them by:
- control characters (NUL, ESC and their kind, pasted from other programs): garbage on the page, and they
  break the XML of the feed;
- bidirectional controls (U+202A-U+202E, U+2066-U+2069, U+200E/F, U+061C): U+202E around "000.005" makes
  browsers and the share picture show "500.000", a figure the officer never wrote;
- noncharacters (U+FFFE, U+FFFF, U+FDD0-U+FDEF, the last two of every plane) and lone surrogates (a YAML
  escape "\\ud800"): not allowed in XML, so one of them in a title breaks atom.xml for every disclosure.
"""

from __future__ import annotations

import re

from plugins.issues.record import Issue

_BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17))
_UNSAFE = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029{_BIDI}{_NONCHARACTERS}\ud800-\udfff]")
_BIDI_SET = frozenset(map(chr, (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))))


def control_characters(text: str) -> list[tuple[int, int, str]]:
    """(line, column, character) of each unsafe character; tab and line ends are text."""
    if not _UNSAFE.search(text):  # every table cell passes here: the common case must be one regex scan
        return []
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        found += [(number, match.start() + 1, match.group())
                  for match in _UNSAFE.finditer(line.rstrip("\r"))]
    return found


def what_character(ch: str) -> str:
    """The kind of unsafe character, as an officer can be told it."""
    if ch in _BIDI_SET:
        return "ký tự đảo chiều chữ vô hình, làm số và chữ hiện ra khác với khi gõ"
    if 0xD800 <= ord(ch) <= 0xDFFF or ord(ch) >= 0xFDD0:
        return "ký tự không hợp lệ trong văn bản (không phải chữ)"
    return "ký tự điều khiển vô hình"


def control_character_issues(text: str, file: str, line: int | None = None, column: str | None = None) -> list[Issue]:
    """Issues for a text file (lines counted in `text`), or for one table cell (`line` = row, `column` = header)."""
    return [Issue(code="ky-tu-dieu-khien", file=file, line=line if line is not None else at_line, column=column,
                  message=f"có {what_character(ch)} (mã U+{ord(ch):04X})"
                          + ("." if column else f" ở cột {at_column}."),
                  hint="Xóa ký tự này (thường do chép từ phần mềm khác); gõ lại đoạn chữ đó nếu cần.")
            for at_line, at_column, ch in control_characters(text)[:20]]
