"""What a citizen reads first: the main totals in words, and a chart of the largest parts."""

from __future__ import annotations

from decimal import Decimal

from plugins.budget.rows import BudgetRow
from plugins.charts import Bar, bar_chart
from plugins.vietnamese.format import number
from plugins.vietnamese.text import fold

CHART_TITLES = {"revenue": "Thu ngân sách theo nguồn", "expenditure": "Chi ngân sách theo lĩnh vực"}


def sentence_case(text: str) -> str:
    """"TỔNG THU NGÂN SÁCH XÃ" -> "Tổng thu ngân sách xã"; mixed case is kept."""
    return text[:1] + text[1:].lower() if text.isupper() else text


def amount(value: Decimal | None, unit: str) -> str:
    return f"{number(value)} {unit}"


def summarise(table, unit: str) -> list[str]:
    sentences = []
    for row in table.tops:
        estimate, actual = row.estimate, row.actual
        if estimate is None and actual is None:
            continue
        text = f"{_named_total(row.content, table.role)}: dự toán {amount(estimate, unit)}"
        if actual is not None:
            text += f", thực hiện {amount(actual, unit)}"
            if row.percent is not None:
                text += f", đạt {number(row.percent, 1)}% dự toán"
        sentences.append(text + ".")
    parts = _parts(table)
    total = sum((p.estimate or Decimal(0) for p in parts), Decimal(0))
    if len(table.tops) == 1 and parts and total > 0:
        largest = sorted(parts, key=lambda r: r.estimate or 0, reverse=True)[:3]
        named = "; ".join(f"{sentence_case(r.content)} ({amount(r.estimate, unit)}, "
                          f"{number((r.estimate or 0) * 100 / total, 1)}%)"
                          for r in largest)
        sentences.append(f"Lớn nhất: {named}.")
    return sentences


GENERIC_TOTALS = frozenset({"tong cong", "tong so", "cong", "tong", "cong chung", "tong cong chung"})
ROLE_TOTALS = {"revenue": "Tổng thu ngân sách xã", "expenditure": "Tổng chi ngân sách xã"}


def _named_total(content: str, role: str) -> str:
    """"Tổng cộng" says nothing of what it totals, on a share picture or the loudspeaker: it is named by its
    table's role ("Tổng chi ngân sách xã"); every other label is the officer's, in sentence case."""
    if fold(content) in GENERIC_TOTALS and role in ROLE_TOTALS:
        return ROLE_TOTALS[role]
    return sentence_case(content)


def _parts(table) -> list[BudgetRow]:
    """The rows a chart compares: the children of a single grand total, else the top rows."""
    if len(table.tops) == 1 and table.tops[0].children:
        return table.tops[0].children
    return table.tops


def chart(table, unit: str, chart_id: str) -> str:
    if table.role not in CHART_TITLES:
        return ""
    parts = [r for r in _parts(table) if r.estimate is not None or r.actual is not None]
    if len(parts) < 2:
        return ""
    bars = [Bar(sentence_case(r.content), r.estimate, r.actual if table.has_actual else None) for r in parts]
    description = "; ".join(
        f"{b.label}: dự toán {amount(b.first, unit)}" + (f", thực hiện {amount(b.second, unit)}" if b.second is not None else "")
        for b in bars)
    legend = ("Dự toán", "Thực hiện" if table.has_actual else None)
    return bar_chart(f"{CHART_TITLES[table.role]} ({unit})", description, bars, legend,
                     format_value=number, chart_id=chart_id)


def read_aloud(data, _today) -> list[str]:
    """Each table's grand total (revenue, expenditure), estimate and execution: what a listener remembers."""
    return [t.summary[0] for t in data.tables if t.summary]


def key_figure(data, _day) -> str | None:
    """The first table's first summary sentence: the grand total, estimate and execution."""
    first = next((t for t in data.tables if t.summary), None)
    return first.summary[0] if first else None
