"""Reading a consultation: its period checked against the kind's minimum, and its outcome table."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from plugins.consultation.schema import RESULTS_TABLE, WAYS
from plugins.disclosures.kinds import LoadContext
from plugins.disclosures.model import Disclosure
from plugins.issues import WARNING, Issue
from plugins.vietnamese.format import number, short_date
from plugins.vietnamese.text import fold


@dataclass
class Outcome:
    topic: str
    count: int | None
    answer: str
    note: str | None


@dataclass
class ConsultationData:
    start: dt.date | None
    end: dt.date | None
    ways: list[str]  # as the page names them
    send_to: str | None
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def comments_until(self) -> dt.date | None:
        """The feedback box's deadline: the end of the comment period, not of the posting."""
        return self.end

    @property
    def comment_count(self) -> int | None:
        counts = [o.count for o in self.outcomes if o.count is not None]
        return sum(counts) if counts else None


def load_consultation(disclosure: Disclosure, bundle_dir: str, context: LoadContext) -> tuple[ConsultationData, list[Issue]]:
    period = disclosure.front.get("comments") or {}
    data = ConsultationData(period.get("from"), period.get("to"),
                            [WAYS[w] for w in disclosure.front.get("ways") or () if w in WAYS],
                            disclosure.front.get("send_to"))
    issues = _period_issues(disclosure, data, context.settings["min_comment_days"] if is_village_rules(disclosure.title)
                            else None)
    read, table_issues = context.read_tables(disclosure, bundle_dir, RESULTS_TABLE)
    issues += table_issues
    for _ref, table in read:
        for row in table.rows:
            values = row.values
            if values["noi_dung"] and values["tiep_thu"]:
                data.outcomes.append(Outcome(values["noi_dung"], values.get("so_y_kien"), values["tiep_thu"],
                                             values.get("ghi_chu")))
            if values.get("so_y_kien") is not None and values["so_y_kien"] < 0:
                issues.append(Issue(code="so-khong-hop-le", file=table.file, line=row.number,
                                    column=table.headers["so_y_kien"], message=f"số ý kiến {values['so_y_kien']} không được âm.",
                                    hint="Ghi số ý kiến, từ 0 trở lên."))
    return data, issues


def is_village_rules(title: str) -> bool:
    """A draft hương ước or quy ước of a village: the one consultation a text gives a minimum period (Nghị định
    61/2023/NĐ-CP, Điều 9: posted at the village's cultural house at least 30 days) and the village issues."""
    folded = fold(title)
    return "quy uoc" in folded or "huong uoc" in folded


def _period_issues(disclosure: Disclosure, data: ConsultationData, minimum: int | None) -> list[Issue]:
    """A period that ends before it starts; for a village's rules, one shorter than the minimum."""
    if not (data.start and data.end):
        return []
    index = f"{disclosure.source_dir}/index.md"
    if data.end < data.start:
        return [Issue(code="khoang-thoi-gian-nguoc", file=index, key="comments",
                      message=f"thời gian lấy ý kiến từ {short_date(data.start)} đến {short_date(data.end)}: "
                              "ngày kết thúc trước ngày bắt đầu.",
                      hint="Kiểm tra lại comments: {from: ..., to: ...}; có thể đã đảo ngày và tháng.")]
    days = (data.end - data.start).days + 1
    if minimum is not None and days < minimum:
        return [Issue(code="lay-y-kien-qua-ngan", file=index, key="comments", severity=WARNING,
                      message=f"thời gian lấy ý kiến dự thảo hương ước, quy ước {number(days)} ngày, ngắn hơn "
                              f"{minimum} ngày (Nghị định 61/2023/NĐ-CP, Điều 9).",
                      hint=f"Kéo dài đến ít nhất ngày {short_date(data.start + dt.timedelta(days=minimum - 1))}, "
                           "hoặc đổi min_comment_days nếu quy định cho nội dung này khác.")]
    return []
