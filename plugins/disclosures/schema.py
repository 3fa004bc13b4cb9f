"""Declarative checks for YAML keys: each spec converts a value or records why it cannot.

Front matter and commune.yml are described as nested `Record`s; checking a
document walks the spec and collects every problem with the line it was
written on, instead of stopping at the first.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from plugins.disclosures.yamlsource import Path, YamlDocument
from plugins.issues import ERROR, WARNING, Issue, Severity
from plugins.issues.text import control_character_issues, control_characters, what_character
from plugins.privacy.rules import HINT, MIN_DIGITS, Official, message, personal_data
from plugins.safe_markdown.render import reader_text, render
from plugins.vietnamese.parse import ParseError, parse_date, parse_time
from plugins.vietnamese.text import fold

INVALID = object()
"""Returned by a spec for a value it could not read (its issue is already recorded)."""


@dataclass
class Checker:
    """Where issues go while one YAML document is checked."""

    file: str
    document: YamlDocument
    issues: list[Issue] = field(default_factory=list)

    def report(self, code: str, path: Path, message: str, hint: str = "", severity: Severity = ERROR) -> None:
        key = ".".join(str(part) for part in path) or None
        self.issues.append(
            Issue(code=code, file=self.file, line=self.document.line(path), key=key, message=message,
                  hint=hint, severity=severity)
        )

    def check(self, spec: Spec, path: Path = ()) -> Any:
        for duplicate, line in self.document.duplicates:
            self.issues.append(Issue(code="khoa-trung", file=self.file, line=line, key=".".join(map(str, duplicate)),
                                     message="khóa này đã được viết ở trên.", hint="Xóa một trong hai dòng."))
        return spec.read(self.document.data, path, self)

    def check_texts(self, official: Official, skip: tuple[str, ...] = ()) -> None:
        """Every text value of the document, at any depth, against the privacy rules (design §5) and for
        control characters: a title or a signer's name reaches the home page, the feeds and the sheets."""
        for path, value in walk(self.document.data):
            if isinstance(value, str) and not (path and path[0] in skip):
                unsafe = control_characters(value)  # a YAML escape ("\0", "\u202e") writes them past the file check
                if unsafe:
                    ch = unsafe[0][2]
                    self.report("ky-tu-dieu-khien", path, f"giá trị có {what_character(ch)} (mã U+{ord(ch):04X}).",
                                "Xóa ký tự này (các chuỗi \\0, \\x.., \\u.... trong giá trị), gõ lại đoạn chữ nếu cần.")
                for finding in personal_data(value, official):
                    self.report("du-lieu-ca-nhan", path, message(finding), HINT)

    def check_body(self, body: str, first_line: int, official: Official) -> None:
        """The Markdown under the front matter, line by line; then as the page shows it, where a number split in
        the source ("0912**345**678", "001234<!-- -->567890", "079&#49;23456789", a line break) is whole."""
        self.issues += [replace(issue, line=issue.line + first_line - 1)
                        for issue in control_character_issues(body, self.file)]
        lines = body.splitlines()
        seen = set()
        for offset, line in enumerate(lines):
            for finding in personal_data(line, official):
                seen.add(_digits_or_text(finding.value))
                self.issues.append(Issue(code="du-lieu-ca-nhan", file=self.file, line=first_line + offset,
                                         message=message(finding), hint=HINT))
        if not _may_hide_a_number(body):
            return
        for finding in personal_data(reader_text(render(body)), official):
            if _digits_or_text(finding.value) not in seen:
                line = next((first_line + offset for offset, text in enumerate(lines)
                             if _digits_or_text(finding.value)[:4] in _digits_or_text(text)), first_line)
                self.issues.append(Issue(code="du-lieu-ca-nhan", file=self.file, line=line,
                                         message=f"{message(finding)} (trên trang, các phần được ghép lại)", hint=HINT))


def walk(data: Any) -> Iterator[tuple[Path, Any]]:
    """Every node of a YAML document, at any depth, with its path: ("posting", "places", 0)."""
    stack: list[tuple[Path, Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        yield path, value
        if isinstance(value, Mapping):
            stack += [((*path, key), item) for key, item in value.items()]
        elif isinstance(value, list):
            stack += [((*path, index), item) for index, item in enumerate(value)]


def _digits_or_text(value: str) -> str:
    digits = "".join(ch for ch in value if ch.isdigit())
    return digits or value


def _may_hide_a_number(body: str) -> bool:
    """Rendering costs a millisecond: only bodies that could join nine digits (or spell them as entities) pay it."""
    return "&" in body or "@" in body or sum(ch.isdigit() for ch in body) >= MIN_DIGITS


@dataclass
class Spec:
    """How one front-matter key is read, and how the web editor names and explains it: one place per key, so a
    kind's own keys bring their Vietnamese labels with them (plugins/editor/config.py)."""

    required: bool = False
    expected: str = "một giá trị"
    label: str = field(default="", kw_only=True)  # "Ngày ban hành"
    hint: str = field(default="", kw_only=True)  # "Ví dụ: 15/TB-UBND. Để trống nếu chưa có số."
    # an optional key whose absence the officer must hear of (what the site then cannot do): a warning when it
    # is not written at all, never when it is written wrong (that is its own error)
    if_missing: str = field(default="", kw_only=True)

    def read(self, value: Any, path: Path, checker: Checker) -> Any:
        raise NotImplementedError

    def what_to_write(self) -> str:
        """How a hint says what a value of the key looks like: "(một dòng chữ)"."""
        return f"({self.expected})"

    def wrong_type(self, value: Any, path: Path, checker: Checker) -> Any:
        checker.report("sai-kieu", path, f"cần {self.expected}, nhưng đang là {_describe(value)}.",
                       "Xem ví dụ trong README, phần hợp đồng nội dung.")
        return INVALID


def _describe(value: Any) -> str:
    if isinstance(value, Mapping):
        return "một nhóm khóa"
    if isinstance(value, list):
        return "một danh sách"
    return f'"{value}"'


TEXT_CHARACTERS = 1000  # a key's text: the longest legal basis or address runs to a few hundred


@dataclass
class Text(Spec):
    """One line of text, at most `max_chars` characters: every value feeds pages, pictures and recordings, whose
    work must stay bounded whatever an officer pastes (a 190 KB summary was a 3.7-hour recording)."""

    required: bool = False
    choices: Mapping[str, str] | None = None
    expected: str = "một dòng chữ"
    max_chars: int = TEXT_CHARACTERS

    def what_to_write(self) -> str:
        if not self.choices:
            return super().what_to_write()
        return "với một trong: " + "; ".join(f"{k} ({v})" for k, v in self.choices.items())

    def read(self, value: Any, path: Path, checker: Checker) -> Any:
        if not isinstance(value, str):
            return self.wrong_type(value, path, checker)
        value = value.strip()
        if len(value) > self.max_chars:
            checker.report("gia-tri-qua-dai", path, f"giá trị dài {len(value):,} ký tự, quá giới hạn {self.max_chars:,} "
                           "ký tự của khóa này.".replace(",", "."),
                           "Rút gọn giá trị; nội dung dài viết ở phần thuyết minh (dưới dòng --- thứ hai).")
            return INVALID
        if self.choices is not None and value not in self.choices:
            accepted = ", ".join(self.choices)
            checker.report("gia-tri-khong-hop-le", path, f'"{value}" không phải là giá trị được chấp nhận.',
                           f"Chọn một trong: {accepted}.{_did_you_mean(value, self.choices)}")
            return INVALID
        return value


@dataclass
class Flag(Spec):
    """Yes or no: `true`/`false` as the web editor writes it, or `có`/`không` as an officer may."""

    required: bool = False
    expected: str = "true hoặc false"
    YES = ("true", "yes", "có")
    NO = ("false", "no", "không")

    def read(self, value: Any, path: Path, checker: Checker) -> Any:
        word = value.strip().lower() if isinstance(value, str) else None
        if word in self.YES or word in self.NO:
            return word in self.YES
        checker.report("gia-tri-khong-hop-le", path, f'"{value}" không phải là true hay false.',
                       "Viết true (có) hoặc false (không), hoặc bỏ hẳn dòng này.")
        return INVALID


@dataclass
class Parsed(Spec):
    """A value read by one of the Vietnamese parsers, which explain their own refusals."""

    required: bool = False
    parser: Callable[[str], Any] = parse_date

    def read(self, value: Any, path: Path, checker: Checker) -> Any:
        if not isinstance(value, str):
            return self.wrong_type(value, path, checker)
        try:
            return self.parser(value)
        except ParseError as exc:
            checker.report(exc.code, path, exc.message, exc.hint)
            return INVALID


@dataclass
class Date(Parsed):
    parser: Callable[[str], Any] = parse_date
    expected: str = "một ngày"


@dataclass
class Time(Parsed):
    parser: Callable[[str], Any] = parse_time
    expected: str = "một giờ trong ngày (07:30 hoặc 7h30)"


@dataclass
class ListOf(Spec):
    item: Spec = field(default_factory=Text)
    required: bool = False
    single_allowed: bool = True
    expected: str = "một danh sách"

    def read(self, value: Any, path: Path, checker: Checker) -> Any:
        if self.single_allowed and isinstance(value, str):
            value = [value]  # `places: website` means a list of one
        if not isinstance(value, list):
            return self.wrong_type(value, path, checker)
        items = [self.item.read(item, (*path, index), checker) for index, item in enumerate(value)]
        return [item for item in items if item is not INVALID]


@dataclass
class Record(Spec):
    fields: Mapping[str, Spec] = field(default_factory=dict)
    required: bool = False
    expected: str = "một nhóm khóa"

    def read(self, value: Any, path: Path, checker: Checker) -> Any:
        if not isinstance(value, Mapping):
            return self.wrong_type(value, path, checker)
        for key in value:
            if key not in self.fields:
                # A warning: content written for a later contract version still builds, and a misspelt
                # required key is reported as missing anyway.
                checker.report("khoa-khong-ho-tro", (*path, key), "khóa này không có trong hợp đồng nội dung nên bị bỏ qua.",
                               f"Các khóa được dùng ở đây: {', '.join(self.fields)}.{_did_you_mean(key, self.fields)}",
                               severity=WARNING)
        result: dict[str, Any] = {}
        for key, spec in self.fields.items():
            raw = value.get(key)
            if raw is None or raw == "" or raw == []:
                if spec.required:
                    checker.report("thieu-khoa", (*path, key),
                                   f'thiếu khóa bắt buộc "{_join(path, key)}".',
                                   f'Thêm dòng "{key}: ..." ({spec.expected}).')
                elif spec.if_missing:
                    checker.report("thieu-khoa", (*path, key), spec.if_missing,
                                   f'Thêm dòng "{key}: ..." {spec.what_to_write()}.', severity=WARNING)
                result[key] = None
                continue
            converted = spec.read(raw, (*path, key), checker)
            result[key] = None if converted is INVALID else converted
        return result


def _join(path: Path, key: str) -> str:
    return ".".join([*map(str, path), key])


def _did_you_mean(value: str, choices: Mapping[str, Any]) -> str:
    """The closest choice by spelling ("budgte"), or by its Vietnamese label, written whole or by its initials as
    officers abbreviate ("tthc" for "thủ tục hành chính", "ngân sách" for budget)."""
    close = difflib.get_close_matches(str(value), list(choices), n=1, cutoff=0.6)
    if close:
        return f' Có phải ý bạn là "{close[0]}"?'
    wanted = fold(str(value)).replace(" ", "")
    for choice, label in choices.items():
        words = fold(label).split() if isinstance(label, str) else []
        if wanted and len(wanted) >= 3 and (wanted in "".join(w[0] for w in words) or wanted in "".join(words)):
            return f' Có phải ý bạn là "{choice}" ({label})?'
    return ""
