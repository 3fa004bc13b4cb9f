"""Reading a budget disclosure's tables and checking them: the kind's `load_tables`."""

from __future__ import annotations

from dataclasses import dataclass, field

from plugins.budget.hierarchy import BudgetRow, build_tree, check_sums
from plugins.budget.schema import BUDGET_TABLE, STAGES
from plugins.disclosures.kinds import LoadContext
from plugins.disclosures.model import Disclosure
from plugins.issues import Issue
from plugins.vietnamese.format import number

ROLE_TITLES = {"revenue": "Thu ngân sách xã", "expenditure": "Chi ngân sách xã", "balance": "Cân đối ngân sách xã"}


@dataclass
class BudgetTable:
    role: str
    title: str
    file: str
    sheet: str | None
    headers: dict[str, str]  # column key -> the header as the officer wrote it
    rows: list[BudgetRow]
    tops: list[BudgetRow]
    has_actual: bool
    summary: list[str] = field(default_factory=list)
    chart_svg: str = ""


@dataclass
class BudgetData:
    unit: str
    stage: str | None
    tables: list[BudgetTable]

    @property
    def stage_label(self) -> str:
        return STAGES.get(self.stage or "", "Số liệu ngân sách")


def load_budget(disclosure: Disclosure, bundle_dir: str, context: LoadContext) -> tuple[BudgetData, list[Issue]]:
    from plugins.budget.present import chart, summarise  # presentation, kept out of the checks

    unit = disclosure.extra.get("unit") or "đồng"
    tables = []
    read, issues = context.read_tables(disclosure, bundle_dir, BUDGET_TABLE)
    for ref, table in read:
        shown = table.file  # "<bundle>/<file>", as issues name it
        rows = [BudgetRow(number=row.number, stt=row.values["stt"] or "", content=row.values["noi_dung"] or "",
                          amounts={"du_toan": row.values["du_toan"], "thuc_hien": row.values["thuc_hien"]},
                          note=row.values["ghi_chu"], unreadable=row.unreadable) for row in table.rows]
        tops = build_tree(rows)
        headers = table.headers
        for mismatch in check_sums(rows, exact=unit == "đồng"):
            label = f"{mismatch.row.stt} {mismatch.row.content}".strip()
            children = ", ".join(str(c.number) for c in mismatch.row.children)
            issues.append(Issue(
                code="tong-khong-khop", file=shown, line=mismatch.row.number, column=headers[mismatch.key],
                message=f'dòng "{label}" ghi {number(mismatch.found)} nhưng tổng các dòng con '
                        f"(dòng {children}) là {number(mismatch.expected)}, lệch {number(mismatch.found - mismatch.expected)}.",
                hint="Sửa số của dòng này hoặc của các dòng con. Dòng \"Trong đó\" không được cộng vào tổng."))
        budget_table = BudgetTable(role=ref.role or "revenue", title=ref.title or ROLE_TITLES.get(ref.role, "Ngân sách"),
                                   file=ref.file, sheet=ref.sheet, headers=headers, rows=rows, tops=tops,
                                   has_actual=any(r.amounts["thuc_hien"] is not None for r in rows))
        budget_table.summary = summarise(budget_table, unit)
        budget_table.chart_svg = chart(budget_table, unit, chart_id=f"bieu-do-{len(tables) + 1}")
        tables.append(budget_table)
    return BudgetData(unit=unit, stage=disclosure.extra.get("stage"), tables=tables), issues
