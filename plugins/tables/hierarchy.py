"""The row hierarchy of official tables, and the parent-equals-children rule.

Budget tables and land-use lists share it: their parent rows (a revenue
section, a group of land types) carry the sum of their children and must not
be counted again.

STT labels give the levels: blank (a grand total), `A`, `I`, `1`, `1.1`,
`1.1.1`, `a)`, `-`, `+`. A row's parent is the nearest row above it with a
lower level. Rows whose content starts "Trong đó" / "Tr.đó" are of-which rows:
they detail the row above them and are never added into any sum, and so are
the deeper rows that follow such a marker. A grand-total line written below
the rows it sums ("Tổng cộng" at the foot of the form) is their parent too; a
total line inside the table ("Cộng I") sums the section it closes and is
itself added into nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from plugins.issues import Issue
from plugins.vietnamese.format import number
from plugins.vietnamese.text import fold

_ROMAN = re.compile(r"^(?=[IVXL])L?X{0,3}(IX|IV|V?I{0,3})$")
TOTAL, LETTER, ROMAN, NUMBER, SMALL_LETTER, DASH, PLUS, OTHER = 0, 10, 20, 30, 40, 50, 60, 70


def stt_level(stt: str | None) -> int:
    label = (stt or "").strip().rstrip(".")
    if not label:
        return TOTAL
    if label in ("-", "–", "—"):
        return DASH
    if label in ("+", "*"):
        return PLUS
    if re.fullmatch(r"[a-zđ]\)?", label):
        return SMALL_LETTER
    if _ROMAN.match(label) and (len(label) > 1 or label in "IVX"):
        return ROMAN  # a lone I, V or X is a numeral: letter sections seldom pass D
    if re.fullmatch(r"[A-Z]", label):
        return LETTER
    if re.fullmatch(r"\d+(\.\d+)*", label):
        return NUMBER + label.count(".")
    return OTHER


def is_of_which(content: str | None) -> bool:
    folded = fold(content or "")
    return folded.startswith(("trong do", "tr do"))


@dataclass(eq=False)
class TreeRow:
    number: int  # the spreadsheet row
    stt: str
    content: str
    amounts: dict[str, Decimal | None]  # the summed columns: "du_toan", "dien_tich"...
    unreadable: frozenset[str] = frozenset()  # amounts whose cell could not be read (already reported)
    total: bool = False  # a grand-total line of the form ("Tổng cộng")
    as_text: frozenset[str] = frozenset()  # amounts typed into Excel as text: its own SUM skipped them
    level: int = OTHER
    of_which: bool = False
    parent: TreeRow | None = None
    children: list[TreeRow] = field(default_factory=list)  # summed children only
    depth: int = 0

    @property
    def is_parent(self) -> bool:
        return bool(self.children)


def build_tree(rows: list[TreeRow]) -> list[TreeRow]:
    """Set level, parent, depth and of-which on each row; return the top rows."""
    stack: list[TreeRow] = []  # open summed rows, levels increasing
    anchor: TreeRow | None = None  # the row an of-which block details
    previous: TreeRow | None = None
    tops: list[TreeRow] = []
    section = 0  # the first top of the section a "Cộng I" line closes
    last = max((i for i, r in enumerate(rows) if not is_of_which(r.content)), default=-1)
    for index, row in enumerate(rows):
        row.level = stt_level(row.stt)
        if is_of_which(row.content) and previous is not None:
            anchor = previous if not previous.of_which else anchor
            _attach_of_which(row, anchor, marker=True)
        elif anchor is not None and row.level > anchor.level and row.level != TOTAL:
            _attach_of_which(row, anchor, marker=False)
        elif row.total and row.level == TOTAL and index == last and any(top.level != TOTAL for top in tops):
            anchor = None
            row.children = list(tops)  # "Tổng cộng" at the foot: the sum of the sections above it
            for top in tops:
                top.parent = row
            tops[:] = [row]
            stack = [row]
        elif row.total and row.level == TOTAL and tops:
            anchor = None
            row.children = tops[section:]  # "Cộng I", or a foot total under a top one: checked, itself in no sum
            section = len(tops)
            stack = []
        else:
            anchor = None
            while stack and stack[-1].level >= row.level:
                stack.pop()
            if stack:
                row.parent = stack[-1]
                row.parent.children.append(row)
                row.depth = row.parent.depth + 1
            else:
                tops.append(row)
            stack.append(row)
        previous = row
    return tops


def _attach_of_which(row: TreeRow, anchor: TreeRow, marker: bool) -> None:
    row.of_which = True
    row.parent = anchor
    row.depth = anchor.depth + (1 if marker else 2)


@dataclass(frozen=True)
class SumMismatch:
    row: TreeRow
    key: str
    found: Decimal
    expected: Decimal


def check_sums(rows: list[TreeRow], exact: bool) -> list[SumMismatch]:
    """Parents whose amount differs from the sum of their summed children.

    `exact` (unit đồng, whole numbers): no tolerance. Otherwise every figure
    may have been rounded to the precision it is written with, so half a step
    of that precision is allowed for the parent and for each child.
    """
    mismatches = []
    for row in rows:
        if not row.children or row.of_which:
            continue
        for key, found in row.amounts.items():
            values = [v for v in (child.amounts.get(key) for child in row.children) if v is not None]
            if found is None or not values or any(key in r.unreadable for r in (row, *row.children)):
                continue  # a sum over a cell that could not be read would be a second, false error
            expected = sum(values, Decimal(0))
            if abs(found - expected) > tolerance([found, *values], exact):
                mismatches.append(SumMismatch(row, key, found, expected))
    return mismatches


def _half_step(value: Decimal) -> Decimal:
    exponent = value.as_tuple().exponent
    return Decimal(5).scaleb(min(exponent, 0) - 1)


def tolerance(values: list[Decimal], exact: bool) -> Decimal:
    """How far a written figure may be from a sum of written figures: rounding, unless whole đồng."""
    if exact and all(v == v.to_integral_value() for v in values):
        return Decimal(0)
    return sum((_half_step(v) for v in values), Decimal(0))


def mismatch_issue(mismatch: SumMismatch, file: str, header: str) -> Issue:
    """The officer's view of a parent that is not the sum of its children: both figures and the rows."""
    label = f"{mismatch.row.stt} {mismatch.row.content}".strip()
    children = ", ".join(str(c.number) for c in mismatch.row.children)
    as_text = [c.number for c in mismatch.row.children if mismatch.key in c.as_text]
    cause = (f" Các ô dòng {', '.join(map(str, as_text))} là số lưu dạng chữ (Text): công thức cộng của Excel bỏ qua "
             "chúng, nên tổng Excel tính ra khác tổng thật." if as_text else "")
    return Issue(code="tong-khong-khop", file=file, line=mismatch.row.number, column=header,
                 message=f'dòng "{label}" ghi {number(mismatch.found)} nhưng tổng các dòng con '
                         f"(dòng {children}) là {number(mismatch.expected)}, lệch {number(mismatch.found - mismatch.expected)}."
                         + cause,
                 hint=("Trong Excel, chọn các ô đó, bấm dấu chấm than vàng, chọn Convert to Number (Chuyển thành số), "
                       "rồi để Excel tính lại tổng. " if as_text else "")
                      + "Sửa số của dòng này hoặc của các dòng con. Dòng \"Trong đó\" không được cộng vào tổng.")


def total_line_issues(table, key: str, values: list[Decimal | None], unreadable: bool = False,
                      exact: bool = False) -> list[Issue]:
    """Each total line a kind took out of its rows (`Table.totals`) against the `values` it sums (one per row of
    `table.rows`: the projects' areas, the households' members); nothing to say when a counted cell was
    unreadable. A subtotal ("Cộng", "Cộng thôn Đông", "Cộng: 05 hộ") sums its own section, the rows since the
    last total line; a grand total ("Tổng cộng") the whole table."""
    issues = []
    numbered = [(row.number, v) for row, v in zip(table.rows, values, strict=False) if v is not None]
    previous = 0
    for total in sorted(table.totals, key=lambda t: t.number):
        found = total.values.get(key)
        subtotal = _is_subtotal(total)
        start, previous = previous, total.number
        if found is None or key in total.unreadable or unreadable:
            continue
        counted = [v for n, v in numbered if not subtotal or start < n < total.number]
        expected = sum(counted, Decimal(0))
        if abs(found - expected) > tolerance([Decimal(found), *map(Decimal, counted)], exact):
            where = (f"{len(counted)} dòng của nhóm này (từ sau dòng {start} đến dòng {total.number - 1})" if subtotal and start
                     else f"{len(counted)} dòng của nhóm này" if subtotal else f"{len(counted)} dòng của bảng")
            issues.append(Issue(
                code="tong-khong-khop", file=table.file, line=total.number, column=table.headers[key],
                message=f"dòng {'cộng' if subtotal else 'tổng cộng'} ghi {number(found)} nhưng cộng {where} được "
                        f"{number(expected)}, lệch {number(found - expected)}.",
                hint="Sửa dòng tổng cộng hoặc số của các dòng; dòng nhóm không được cộng thêm lần nữa."))
    return issues


def _is_subtotal(total) -> bool:
    """"Cộng", "Cộng thôn Đông", "Cộng: 05 hộ": a section's own sum; "Tổng cộng", "Cộng chung": the table's."""
    for value in total.values.values():
        if isinstance(value, str):
            words = fold(value).split()
            if words[:1] == ["cong"] and words[1:2] != ["chung"]:
                return True
    return False
