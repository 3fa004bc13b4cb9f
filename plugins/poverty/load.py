"""Reading and checking a poor-household list, and deciding what may be shown.

Names are shown only from the first day of posting to the last day plus the
kind's `grace_days` (BUILD_DATE decides, never the clock). Outside that window
the data keeps village-level counts only: the names are not in the returned
data at all, so no template or download can publish them by mistake.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from plugins.disclosures.kinds import LoadContext
from plugins.disclosures.model import Commune, Disclosure, Posting, Village
from plugins.issues import Issue
from plugins.poverty.schema import CATEGORIES, POVERTY_TABLE, category_for
from plugins.tables.hierarchy import total_line_issues


@dataclass
class Household:
    number: int
    head: str
    category: str
    members: int
    note: str | None


@dataclass
class Count:
    households: int = 0
    members: int = 0

    def add(self, members: int) -> None:
        self.households += 1
        self.members += members


@dataclass
class VillageList:
    village: Village
    counts: dict[str, Count]  # category -> count, every category present
    households: list[Household] = field(default_factory=list)  # empty when names are hidden

    @property
    def total(self) -> Count:
        return Count(sum(c.households for c in self.counts.values()), sum(c.members for c in self.counts.values()))


@dataclass
class PovertyData:
    named: bool  # names may be shown on the build date
    names_until: dt.date | None
    inline_limit: int
    counts: dict[str, Count]
    villages: dict[str, VillageList]  # slug -> list, in commune.yml order, only villages with households

    @property
    def total(self) -> Count:
        return Count(sum(c.households for c in self.counts.values()), sum(c.members for c in self.counts.values()))

    @property
    def list_inline(self) -> bool:
        """A long named list stays on the village pages: the commune page keeps counts and links (small pages)."""
        return self.named and self.total.households <= self.inline_limit

    @property
    def noindex(self) -> bool:
        """Search engines must not keep a page whose names are gone (nor the counts-only page in their place)."""
        return not self.named

    @property
    def categories(self) -> list[str]:
        """The categories this list has households in, in the official order."""
        return [c for c, count in self.counts.items() if count.households]


def names_visible(posting: Posting | None, context: LoadContext, grace_days: int) -> bool:
    if posting is None:
        return False
    return context.is_between(posting.start, posting.end + dt.timedelta(days=grace_days))


def load_poverty(disclosure: Disclosure, bundle_dir: str, context: LoadContext) -> tuple[PovertyData, list[Issue]]:
    grace = context.settings["grace_days"]
    named = names_visible(disclosure.posting, context, grace)
    households_by_village: dict[str, list[Household]] = {}
    read, issues = context.read_tables(disclosure, bundle_dir, POVERTY_TABLE)
    for _ref, table in read:
        shown = table.file  # "<bundle>/<file>", as issues name it
        headings = {number: context.village(text, shown, number, "tên thôn ở dòng đầu nhóm", issues)
                    for number, text in table.sections}
        issues += total_line_issues(table, "so_khau", [row.values["so_khau"] for row in table.rows],
                                    any("so_khau" in row.unreadable for row in table.rows), exact=True)
        without_village = []
        for row in table.rows:
            values = row.values
            village = _village(row, table, headings, context, issues)
            if village is None and not row.values["thon"] and not any(n < row.number for n in headings):
                without_village.append(row.number)  # (under a heading naming no village: that heading is named)
            category = category_for(values["phan_loai"]) if values["phan_loai"] else None
            issues += _row_issues(shown, row.number, table.headers, values, category)
            if village and category and values["so_khau"] and values["chu_ho"]:
                households_by_village.setdefault(village.slug, []).append(
                    Household(row.number, values["chu_ho"], category, values["so_khau"], values["ghi_chu"]))
        if without_village:
            issues.append(_no_village_issue(table, without_village))
    data = _summarise(context.commune, households_by_village, named, disclosure, grace)
    data.inline_limit = context.settings["inline_list_limit"]
    return data, issues


def _village(row, table, headings: dict, context: LoadContext, issues: list[Issue]):
    """The `Thôn` cell, else the village heading the household's group ("I. Thôn Đồng Bến")."""
    if row.values["thon"]:
        return context.village(row.values["thon"], table.file, row.number, table.headers["thon"], issues)
    heading = max((n for n in headings if n < row.number), default=None)
    return headings[heading] if heading is not None else None


def _no_village_issue(table, rows: list[int]) -> Issue:
    """One message for every household without a village: a table with no "Thôn" column at all says so once,
    never once per row."""
    listed = ", ".join(map(str, rows[:12])) + (" ..." if len(rows) > 12 else "")
    if "thon" not in table.headers:
        message = (f"bảng không có cột Thôn và {len(rows)} hộ (dòng {listed}) không nằm dưới dòng tên thôn nào, nên "
                   "không biết hộ thuộc thôn nào.")
    else:
        message = f"{len(rows)} hộ (dòng {listed}) không có thôn: ô Thôn trống và không nằm dưới dòng tên thôn nào."
    return Issue(code="thieu-gia-tri", file=table.file, line=rows[0], column=table.headers.get("thon", "Thôn"),
                 message=message,
                 hint='Thêm cột "Thôn" và điền cho từng hộ, hoặc thêm dòng tên thôn (ví dụ "I. Thôn Đồng Bến") trên '
                      "mỗi nhóm hộ.")


def _row_issues(file, line, headers, values, category) -> list[Issue]:
    issues = []
    if values["phan_loai"] and category is None:
        issues.append(Issue(code="gia-tri-khong-hop-le", file=file, line=line, column=headers["phan_loai"],
                            message=f'"{values["phan_loai"]}" không phải là một phân loại hộ.',
                            hint=f"Ghi một trong: {', '.join(CATEGORIES)}."))
    if values["so_khau"] is not None and values["so_khau"] < 1:
        issues.append(Issue(code="so-khong-hop-le", file=file, line=line, column=headers["so_khau"],
                            message=f"số nhân khẩu {values['so_khau']} phải từ 1 trở lên.", hint="Ghi số người trong hộ."))
    return issues


def _summarise(commune: Commune, by_village: dict[str, list[Household]], named: bool, disclosure: Disclosure,
               grace: int) -> PovertyData:
    counts = {c: Count() for c in CATEGORIES}
    villages = {}
    for village in commune.villages:
        households = by_village.get(village.slug, [])
        if not households:
            continue
        village_counts = {c: Count() for c in CATEGORIES}
        for household in households:
            village_counts[household.category].add(household.members)
            counts[household.category].add(household.members)
        villages[village.slug] = VillageList(village, village_counts, households if named else [])
    until = disclosure.posting.end + dt.timedelta(days=grace) if disclosure.posting else None
    return PovertyData(named=named, names_until=until, inline_limit=0, counts=counts, villages=villages)
