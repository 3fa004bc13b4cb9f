"""Reading a board's supervision results: each work with its village (when named) checked against
commune.yml; nothing else to add up."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from plugins.disclosures.kinds import LoadContext
from plugins.disclosures.model import Disclosure, Village
from plugins.issues import Issue
from plugins.supervision.schema import BOARDS, SUPERVISION_TABLE
from plugins.vietnamese.text import fold

NO_RECOMMENDATION = {"", "khong", "khong co", "khong co kien nghi", "-"}


@dataclass
class Work:
    number: int
    name: str
    findings: str
    recommendation: str | None
    answer: str | None
    investor: str | None = None
    investment: Decimal | None = None
    village: Village | None = None
    note: str | None = None

    @property
    def has_recommendation(self) -> bool:
        return fold(self.recommendation or "").strip(" .") not in NO_RECOMMENDATION

    @property
    def unanswered(self) -> bool:
        return self.has_recommendation and not (self.answer or "").strip()


@dataclass
class VillageWorks:
    village: Village
    works: list[Work]


@dataclass
class SupervisionData:
    board: str  # as a sentence names it: "Ban Thanh tra nhân dân"
    works: list[Work] = field(default_factory=list)
    villages: dict[str, VillageWorks] = field(default_factory=dict)  # slug -> works, commune.yml order
    columns: frozenset[str] = frozenset()  # the optional columns the table has
    investment_header: str | None = None  # "Tổng mức đầu tư (triệu đồng)": the unit is the officer's

    @property
    def ordered(self) -> list[Work]:
        """Recommendations still without an answer first, then the rest, each in the table's order."""
        return sorted(self.works, key=lambda w: not w.unanswered)

    @property
    def unanswered(self) -> list[Work]:
        return [w for w in self.works if w.unanswered]


def load_supervision(disclosure: Disclosure, bundle_dir: str, context: LoadContext) -> tuple[SupervisionData, list[Issue]]:
    data = SupervisionData(BOARDS.get(disclosure.front.get("board") or "", "Ban giám sát"))
    read, issues = context.read_tables(disclosure, bundle_dir, SUPERVISION_TABLE)
    for _ref, table in read:
        data.columns |= frozenset(k for k in ("chu_dau_tu", "tong_muc", "thon", "tra_loi") if k in table.headers)
        data.investment_header = data.investment_header or table.headers.get("tong_muc")
        for row in table.rows:
            values = row.values
            if values["tong_muc"] is not None and values["tong_muc"] < 0:
                issues.append(Issue(code="so-khong-hop-le", file=table.file, line=row.number,
                                    column=table.headers["tong_muc"], message="tổng mức đầu tư không được âm.",
                                    hint="Ghi số tiền như trên quyết định đầu tư."))
            village = (context.village(values["thon"], table.file, row.number, table.headers["thon"], issues)
                       if values.get("thon") else None)
            if values["noi_dung"] and values["ket_qua"]:
                data.works.append(Work(row.number, values["noi_dung"], values["ket_qua"], values["kien_nghi"],
                                       values.get("tra_loi"), values.get("chu_dau_tu"), values.get("tong_muc"),
                                       village, values.get("ghi_chu")))
    for village in context.commune.villages:
        works = [w for w in data.works if w.village == village]
        if works:
            data.villages[village.slug] = VillageWorks(village, works)
    return data, issues
