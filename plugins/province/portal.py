"""The province portal's content, worked out from each commune site's machine-readable index
(`du-lieu/danh-muc.json`): which communes there are, what each has posted today, every dataset, and the
budget figures across communes. Pure: the caller reads the files and writes the pages.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from plugins.obligations.assess import STATUS_LABELS, Status
from plugins.province.figures import Execution, budget_execution
from plugins.vietnamese.text import fold


@dataclass
class CommuneSite:
    slug: str  # its folder in the portal: "xa-hoa-an"
    name: str  # "Xã Hòa An"
    index: Mapping[str, Any] | None  # its danh-muc.json; None when it never built
    failed: bool = False  # its last build failed: the site shown (if any) is the one before

    @property
    def url(self) -> str:
        return f"{self.slug}/"

    @property
    def disclosures(self) -> list[Mapping[str, Any]]:
        return list((self.index or {}).get("disclosures", ()))

    @property
    def datasets(self) -> list[Mapping[str, Any]]:
        return list((self.index or {}).get("datasets", ()))

    def posted_on(self, today: dt.date) -> list[Mapping[str, Any]]:
        return [d for d in self.disclosures if _posted(d, today)]


@dataclass
class FigureRow:
    commune: CommuneSite
    disclosure: Mapping[str, Any]  # the budget dataset the figures come from
    revenue: Execution | None = None
    expenditure: Execution | None = None


@dataclass
class ObligationRow:
    commune: CommuneSite
    counts: Mapping[str, int]  # status -> findings (plugins/obligations: dat, thieu, tre-han, ...)
    cells: Mapping[str, tuple[str, str]]  # obligation of the year -> (status, label)
    total: int

    @property
    def met_share(self) -> float:
        return self.counts.get("dat", 0) / self.total if self.total else 0.0


@dataclass
class ObligationTable:
    """Every commune against every obligation of the year, read from each commune's `nghia-vu/<năm>/nghia-vu.json`."""

    year: int
    columns: list[str]  # the year's dated obligations, as the communes' pages name them
    rows: list[ObligationRow]  # communes by name; `ordered` gives the other orders
    statuses: list[tuple[str, str]]  # (status, label), worst first

    def ordered(self, order: str) -> list[ObligationRow]:
        return sorted(self.rows, key=ORDERS[order][1]) if ORDERS[order][1] else self.rows


# The portal's orders of the table, each a page of its own (no script): folder under nghia-vu/ -> (words, key).
ORDERS = {
    "": ("theo tên", None),
    "theo-thieu/": ("thiếu nhiều nhất", lambda r: (-r.counts.get("thieu", 0), -r.counts.get("tre-han", 0),
                                                  sort_name(r.commune.name))),
    "theo-tre-han/": ("trễ hạn nhiều nhất", lambda r: (-r.counts.get("tre-han", 0), -r.counts.get("thieu", 0),
                                                      sort_name(r.commune.name))),
    "theo-ty-le-dat/": ("tỷ lệ đạt thấp nhất", lambda r: (r.met_share, sort_name(r.commune.name))),
}
# The communes' statuses and their words, worst first, as their own pages write them.
OBLIGATION_STATUSES = [(status.value, STATUS_LABELS[status]) for status in Status]


@dataclass
class Portal:
    title: str
    province: str
    today: dt.date
    communes: list[CommuneSite]
    posted: list[tuple[CommuneSite, Mapping[str, Any]]] = field(default_factory=list)  # soonest end first
    figures: list[FigureRow] = field(default_factory=list)
    obligations: ObligationTable | None = None

    @property
    def unit(self) -> str:
        """"tỉnh" or "thành phố": the six centrally run cities are not provinces, and their people say so."""
        return "thành phố" if fold(self.province).removeprefix("thanh pho ").removeprefix("tp ") in CITIES else "tỉnh"


# The centrally run cities since 01/7/2025 (domain §9: 34 province-level units), folded.
CITIES = frozenset({"ha noi", "ho chi minh", "hai phong", "da nang", "can tho", "hue"})


def _posted(disclosure: Mapping[str, Any], today: dt.date) -> bool:
    posting = disclosure.get("posting")
    if not posting:
        return False
    return dt.date.fromisoformat(posting["from"]) <= today <= dt.date.fromisoformat(posting["to"])


def province_of(communes: list[CommuneSite]) -> str:
    """The province most of the communes name (a province's portal holds its own communes)."""
    names = Counter(c.index["commune"]["province"] for c in communes if c.index)
    return names.most_common(1)[0][0] if names else ""


_UNIT = re.compile(r"^(?:xa|phuong|dac khu|thi tran)\s+")


def sort_name(name: str) -> str:
    """"Phường Tân Lập" sorts as "tan lap": communes by their names, as a citizen looks for them, not by their type."""
    return _UNIT.sub("", fold(name))


def portal(communes: list[CommuneSite], today: dt.date, read_file: Callable[[str], str] | None = None) -> Portal:
    """`read_file(path)`, a path inside the portal ("xa-hoa-an/cong-khai/.../datapackage.json"), gives a
    file's text for the figures; None leaves them out."""
    communes = sorted(communes, key=lambda c: sort_name(c.name))
    province = province_of(communes)
    posted = [(c, d) for c in communes for d in c.posted_on(today)]
    posted.sort(key=lambda pair: (pair[1]["posting"]["to"], pair[0].name, pair[1]["title"]))
    result = Portal(f"Công khai thông tin cấp xã – {province}" if province else "Công khai thông tin cấp xã",
                    province, today, communes, posted)
    if read_file is not None:
        result.figures = budget_rows(communes, read_file)
        result.obligations = obligation_table(communes, today.year, read_file)
    return result


def obligation_table(communes: list[CommuneSite], year: int, read_file: Callable[[str], str]) -> ObligationTable:
    """One row per commune that publishes its obligations of `year`; the columns are the dated obligations any
    of them lists, in the order of the first that lists it (a commune's own rules add columns)."""
    import json

    columns: dict[str, None] = {}
    rows = []
    for commune in communes:
        try:
            document = json.loads(read_file(f"{commune.slug}/nghia-vu/{year}/nghia-vu.json"))
            findings = list(document["findings"])
        except (OSError, ValueError, KeyError, TypeError):
            continue
        counts: Counter[str] = Counter()
        cells = {}
        for finding in findings:
            if not isinstance(finding, Mapping) or not isinstance(finding.get("status"), str):
                continue
            counts[finding["status"]] += 1
            if not finding.get("each"):
                columns.setdefault(str(finding.get("title")), None)
                cells[str(finding.get("title"))] = (finding["status"], str(finding.get("label", "")))
        rows.append(ObligationRow(commune, dict(counts), cells, sum(counts.values())))
    return ObligationTable(year, list(columns), rows, OBLIGATION_STATUSES)


def budget_rows(communes: list[CommuneSite], read_file: Callable[[str], str]) -> list[FigureRow]:
    """For each commune, its latest budget package with the commune's own estimate (issue date, then name)."""
    import json

    rows = []
    for commune in communes:
        budgets = sorted((d for d in commune.datasets if d.get("kind") == "budget"),
                         key=lambda d: (d["issued"], d["name"]), reverse=True)
        for dataset in budgets:
            package_path = f"{commune.slug}/{dataset['datapackage']}"
            folder = package_path.rsplit("/", 1)[0]
            try:
                package = json.loads(read_file(package_path))
                found = budget_execution(package, lambda path, folder=folder: read_file(f"{folder}/{path}"))
            except (OSError, ValueError, KeyError):
                continue
            if found:
                rows.append(FigureRow(commune, dataset, found.get("revenue"), found.get("expenditure")))
                break
    return rows


def catalogue(result: Portal) -> dict[str, Any]:
    """The province's machine-readable catalogue: every commune's datasets, paths from the portal's root."""
    return {
        "title": result.title,
        "province": result.province,
        "communes": [{
            "slug": c.slug, "name": c.name, "site": c.url, "catalogue": f"{c.slug}/du-lieu/danh-muc.json",
            "last_build_failed": c.failed,
            "datasets": [{**{k: v for k, v in d.items() if k not in ("page", "datapackage", "resources")},
                          "page": f"{c.slug}/{d['page']}", "datapackage": f"{c.slug}/{d['datapackage']}",
                          "resources": [{**r, "path": f"{c.slug}/{r['path']}"} for r in d.get("resources", ())]}
                         for d in c.datasets],
        } for c in result.communes if c.index],
    }
