"""A budget table's row: the shared hierarchy row (plugins/tables/hierarchy.py) with the note and the
commune's own estimate and execution among its amounts."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from plugins.tables.hierarchy import TreeRow


@dataclass(eq=False)
class BudgetRow(TreeRow):
    note: str | None = None
    estimate_key: str = "du_toan"  # the commune's figures among the amounts (load.commune_figure)
    actual_key: str = "thuc_hien"

    @property
    def estimate(self) -> Decimal | None:
        return self.amounts.get(self.estimate_key)

    @property
    def actual(self) -> Decimal | None:
        return self.amounts.get(self.actual_key)

    @property
    def percent(self) -> Decimal | None:
        """TH/DT (%) to one decimal, when both amounts exist and the estimate is not zero."""
        return ratio(self.actual, self.estimate)


def ratio(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    """part / whole in %, to one decimal; None without both or over zero."""
    if part is None or whole is None or whole == 0:
        return None
    return (part * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)  # as Excel's ROUND
