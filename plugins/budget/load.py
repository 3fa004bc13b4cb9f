"""Reading a budget disclosure's tables and checking them: the kind's `load_tables`.

Beyond the parent-equals-children rule: the unit line of each form agrees with
the front matter's `unit` (or gives it), a comparison column the officer filled
in agrees with the amounts, and the balance table's total revenue and total
expenditure agree with the revenue and expenditure tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from plugins.budget.rows import BudgetRow, ratio
from plugins.budget.schema import BUDGET_TABLE, STAGES, UNITS
from plugins.disclosures.kinds import LoadContext
from plugins.disclosures.model import Disclosure
from plugins.issues import WARNING, Issue
from plugins.tables.hierarchy import build_tree, check_sums, mismatch_issue, tolerance
from plugins.vietnamese.format import number
from plugins.vietnamese.text import fold

ROLE_TITLES = {"revenue": "Thu ngân sách xã", "expenditure": "Chi ngân sách xã", "balance": "Cân đối ngân sách xã"}
MEASURES = ("du_toan", "thuc_hien")


@dataclass(frozen=True)
class Measure:
    """One amount column as the form has it: "Dự toán năm 2026 – Thu ngân sách xã"."""

    key: str  # "du_toan", "du_toan_2"...
    header: str
    base: str  # "du_toan" or "thuc_hien"
    commune: bool  # the commune's own figure for the stage: the summary, the chart and TH/DT use it


@dataclass
class BudgetTable:
    role: str
    title: str
    file: str
    sheet: str | None
    headers: dict[str, str]  # column key -> the header as the officer wrote it
    rows: list[BudgetRow]
    tops: list[BudgetRow]
    measures: list[Measure]
    has_actual: bool
    unit: str = "đồng"
    position: int = 1  # its place among the disclosure's tables: the chart's id on the page

    # Presentation is worked out when a page, a sheet or the key figure first asks, never while checking:
    # `validate` words and draws nothing.
    @cached_property
    def summary(self) -> list[str]:
        """The main totals in words."""
        from plugins.budget.present import summarise

        return summarise(self, self.unit)

    @cached_property
    def chart_svg(self) -> str:
        """A static chart of the largest parts."""
        from plugins.budget.present import chart

        return chart(self, self.unit, chart_id=f"bieu-do-{self.position}")

    @property
    def several_scopes(self) -> bool:
        """More than one column per measure: the page says which one the summary reads."""
        return len(self.measures) > len({m.base for m in self.measures})


@dataclass
class BudgetData:
    unit: str
    stage: str | None
    tables: list[BudgetTable]

    @property
    def stage_label(self) -> str:
        return STAGES.get(self.stage or "", "Số liệu ngân sách")


def load_budget(disclosure: Disclosure, bundle_dir: str, context: LoadContext) -> tuple[BudgetData, list[Issue]]:
    stage = disclosure.front.get("stage")
    read, issues = context.read_tables(disclosure, bundle_dir, BUDGET_TABLE)
    unit, unit_issues = _unit(disclosure, [table for _, table in read])
    issues += unit_issues
    tables = []
    for ref, table in read:
        measures = _measures(table, stage)
        keys = [m.key for m in measures]
        estimate, actual = (next((m.key for m in measures if m.base == base and m.commune), base) for base in MEASURES)
        rows = [BudgetRow(number=row.number, stt=row.values["stt"] or "", content=row.values["noi_dung"] or "",
                          amounts={key: row.values[key] for key in keys}, note=row.values["ghi_chu"],
                          unreadable=row.unreadable, total=row.total, estimate_key=estimate, actual_key=actual,
                          as_text=row.as_text)
                 for row in table.rows]
        tops = build_tree(rows)
        issues += [mismatch_issue(m, table.file, table.headers[m.key]) for m in check_sums(rows, exact=unit == "đồng")]
        issues += _comparison_issues(table, rows, measures)
        budget_table = BudgetTable(role=ref.role or "revenue", title=ref.title or ROLE_TITLES.get(ref.role, "Ngân sách"),
                                   file=ref.file, sheet=ref.sheet, headers=table.headers, rows=rows, tops=tops,
                                   measures=measures, has_actual=any(r.actual is not None for r in rows),
                                   unit=unit, position=len(tables) + 1)
        tables.append(budget_table)
    issues += _balance_issues(tables, [table.file for _, table in read], unit)
    return BudgetData(unit=unit, stage=stage, tables=tables), issues


def _unit(disclosure: Disclosure, tables: list) -> tuple[str, list[Issue]]:
    """The front matter's `unit`, or the forms' unit line; every form that states one agrees with it."""
    declared = disclosure.front.get("unit")
    unit, source = declared, "khóa unit trong index.md"
    issues = []
    for table in tables:
        if table.unit is None:
            continue
        where = dict(file=table.file, line=table.unit_row, column=None)
        if table.unit not in UNITS:
            issues.append(Issue(code="don-vi-khong-khop", **where,
                                message=f'biểu ghi đơn vị tính "{table.unit_written}", không dùng được cho ngân sách.',
                                hint="Ngân sách tính bằng đồng, nghìn đồng hoặc triệu đồng; sửa dòng đơn vị tính."))
        elif unit is None:
            unit, source = table.unit, f"dòng {table.unit_row} của {table.file}"
        elif table.unit != unit:
            issues.append(Issue(code="don-vi-khong-khop", **where,
                                message=f'biểu ghi "Đơn vị tính: {table.unit_written}" nhưng {source} là "{unit}".',
                                hint="Sửa cho một đơn vị tính; nếu số liệu đúng theo biểu, sửa khóa unit cho khớp."))
    if unit is None:
        issues.append(Issue(code="thieu-khoa", file=f"{disclosure.source_dir}/index.md", key="unit",
                            message="chưa biết đơn vị tính: không có khóa unit và các biểu không có dòng đơn vị tính.",
                            hint="Thêm dòng unit: triệu đồng (hoặc đồng, nghìn đồng) vào phần khai báo."))
        unit = "đồng"
    return unit, issues


def _measures(table, stage: str | None) -> list[Measure]:
    """The amount columns in the form's order, with the commune's own one marked for each measure."""
    years = [int(y) for header in table.headers.values() for y in re.findall(r"\b(20\d\d)\b", header)]
    latest = max(years, default=None)
    measures = []
    for base in MEASURES:
        variants = table.variants(base)
        if not variants:
            continue
        scores = [_commune_score(table.headers[c.key], base, stage, latest) for c in variants]
        best = scores.index(max(scores))
        measures += [Measure(c.key, table.headers[c.key], base, i == best) for i, c in enumerate(variants)]
    order = {c.key: i for i, c in enumerate(table.columns)}
    return sorted(measures, key=lambda m: order[m.key])


_COMMUNE = re.compile(r"\b(ngan sach xa|ns xa|nsx|xa huong|thu ngan sach xa|chi ngan sach xa)\b")
_STATE = re.compile(r"\b(nsnn|ngan sach nha nuoc|tren dia ban)\b")
_EARLIER = re.compile(r"\b(cung ky|nam truoc|ky truoc)\b")
_QUARTER = re.compile(r"\bquy (i|ii|iii|iv|[1-4])\b")
_CUMULATIVE = {"q1": r"\b(quy i|quy 1|3 thang|luy ke)\b", "h1": r"\b(6 thang|luy ke)\b",
               "q3": r"\b(9 thang|luy ke)\b", "year": r"\b(ca nam|12 thang|luy ke)\b"}


def _commune_score(header: str, base: str, stage: str | None, latest: int | None) -> int:
    """How surely a column is the commune's own figure for the stage: its own budget over the state budget
    on its territory, this period over the same period last year, and for execution the cumulative figure
    the stage reports (`q3`: the 9 months, not the third quarter alone)."""
    folded = fold(header)
    score = 4 * bool(_COMMUNE.search(folded)) - 2 * bool(_STATE.search(folded))
    if _EARLIER.search(folded) or (latest and any(int(y) < latest for y in re.findall(r"\b(20\d\d)\b", folded))):
        score -= 10
    if base == "thuc_hien" and stage in _CUMULATIVE:
        if re.search(_CUMULATIVE[stage], folded):
            score += 2
        elif _QUARTER.search(folded) and stage != "q1":
            score -= 1
    return score


def _comparison_issues(table, rows: list[BudgetRow], measures: list[Measure]) -> list[Issue]:
    """A comparison (%) the officer filled in must be one of the ratios of the amounts: TH/DT for some scope,
    or execution against the same period (to the precision written; Excel's 0.718 formatted as % too)."""
    estimates = [m.key for m in measures if m.base == "du_toan"]
    actuals = [m.key for m in measures if m.base == "thuc_hien"]
    pairs = [(a, e) for a in actuals for e in estimates] + [(a, b) for a in actuals for b in actuals if a != b]
    issues = []
    earlier_shown = any(_EARLIER.search(fold(table.headers[a])) for a in actuals)
    for column in table.variants("so_sanh"):
        if _EARLIER.search(fold(table.headers[column.key])) and not earlier_shown:
            continue  # "so với cùng kỳ": the form does not give last year's figure to check it against
        for source, row in zip(table.rows, rows, strict=True):
            given = source.values[column.key]
            computed = [row.amounts[a] * 100 / row.amounts[b] for a, b in pairs
                        if row.amounts[a] is not None and row.amounts[b]]
            if given is None or not computed:
                continue
            if any(_agrees(given, c) or (abs(given) < 2 and _agrees(given * 100, c)) for c in computed):
                continue
            label = f"{row.stt} {row.content}".strip()
            shown = ratio(row.actual, row.estimate)
            against = (f'; {table.headers[row.actual_key]} / {table.headers[row.estimate_key]} là {number(shown, 1)}%'
                       if shown is not None else "")
            issues.append(Issue(
                code="so-sanh-khong-khop", file=table.file, line=row.number, column=table.headers[column.key],
                severity=WARNING, message=f'dòng "{label}" ghi {number(given)}%, không khớp với số liệu{against}.',
                hint="Kiểm tra số liệu hoặc công thức của cột so sánh. Trang tự tính tỷ lệ từ số liệu và không "
                     "đăng cột này."))
    return issues


def _agrees(written: Decimal, computed: Decimal) -> bool:
    """A percentage written to some precision (71,8 or 72) agrees with the exact ratio of rounded amounts."""
    return abs(written - computed) <= tolerance([written], exact=False) + Decimal("0.05")


def _balance_issues(tables: list[BudgetTable], files: list[str], unit: str) -> list[Issue]:
    """The balance table's "Tổng thu ..." and "Tổng chi ..." lines equal the revenue and expenditure totals."""
    issues = []
    for balance, file in zip(tables, files, strict=True):
        if balance.role != "balance":
            continue
        for row in balance.rows:
            folded = fold(row.content)
            role = "revenue" if folded.startswith("tong thu") else "expenditure" if folded.startswith("tong chi") else None
            for other, other_file in zip(tables, files, strict=True):
                if other.role != role or not other.tops:
                    continue
                total = other.tops[0] if len(other.tops) == 1 else None
                for base in MEASURES:
                    mine = row.amounts.get(row.estimate_key if base == "du_toan" else row.actual_key)
                    theirs = (total.estimate if base == "du_toan" else total.actual) if total else None
                    if mine is None or theirs is None:
                        continue
                    if abs(mine - theirs) > tolerance([mine, theirs], exact=unit == "đồng"):
                        key = row.estimate_key if base == "du_toan" else row.actual_key
                        issues.append(Issue(
                            code="bang-khong-khop", file=file, line=row.number, column=balance.headers[key],
                            severity=WARNING,
                            message=f'dòng "{row.content}" ghi {number(mine)} nhưng bảng "{other.title}" có tổng '
                                    f"{number(theirs)} (dòng {total.number} của {other_file}).",
                            hint="Sửa cho hai bảng khớp nhau: bảng cân đối lấy số từ dòng tổng của bảng thu, bảng chi."))
    return issues
