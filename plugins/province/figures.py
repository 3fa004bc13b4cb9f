"""The province's table of one figure across communes, read from the communes' data packages (never from
their pages): each commune's budget execution, revenue and expenditure, from its latest budget package.

A budget resource says which table it is (`role`: revenue, expenditure, balance) and which of its number
columns are the commune's own estimate and execution (`measure`); the total is the row at level 0
("Cấp" = 0), or the sum of the level-1 rows that are not "of which" rows when the form has no total line.
Amounts are brought to triệu đồng, so communes writing đồng or nghìn đồng compare.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

TO_MILLIONS = {"đồng": Decimal("0.000001"), "nghìn đồng": Decimal("0.001"), "triệu đồng": Decimal(1),
               "tỷ đồng": Decimal(1000)}
ROLES = ("revenue", "expenditure")


@dataclass(frozen=True)
class Execution:
    role: str  # revenue | expenditure
    estimate: Decimal | None  # triệu đồng
    actual: Decimal | None

    @property
    def rate(self) -> Decimal | None:
        if self.estimate is None or self.actual is None or self.estimate == 0:
            return None
        return (self.actual * 100 / self.estimate).quantize(Decimal("0.1"))


def budget_execution(package: Mapping[str, Any], read_text: Callable[[str], str]) -> dict[str, Execution]:
    """role -> the commune's totals, for each revenue or expenditure resource of a budget package that has the
    commune's estimate column. `read_text(path)` gives a resource's CSV (paths as in the package)."""
    found = {}
    for resource in package.get("resources", ()):
        role = resource.get("role")
        if role not in ROLES or role in found:
            continue
        fields = resource.get("schema", {}).get("fields", [])
        columns = {f.get("measure"): f for f in fields if f.get("measure") in ("estimate", "actual")}
        if "estimate" not in columns:
            continue
        rows = list(csv.DictReader(io.StringIO(read_text(resource["path"]).lstrip("\ufeff"))))
        found[role] = Execution(role, *(_total(rows, columns.get(m)) for m in ("estimate", "actual")))
    return found


def _total(rows: list[dict], field: Mapping[str, Any] | None) -> Decimal | None:
    if field is None:
        return None
    scale = TO_MILLIONS.get(field.get("unit", ""))
    if scale is None:
        return None
    name = field["name"]
    top = [r for r in rows if r.get("Cấp") == "0"]
    chosen = top[:1] or [r for r in rows if r.get("Cấp") == "1" and r.get("Trong đó") != "có"]
    values = [_number(r.get(name)) for r in chosen]
    if not values or any(v is None for v in values):
        return None
    return sum(values, Decimal(0)) * scale


def _number(text: str | None) -> Decimal | None:
    try:
        return Decimal(text) if text else None
    except InvalidOperation:
        return None
