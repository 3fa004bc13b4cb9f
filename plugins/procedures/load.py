"""Reading and checking the one-stop desk's report: checks only, nothing drawn here.

Each row must add up (received = resolved + in progress, and = carried + online + in person when the report
splits it; resolved = early + on time + late; in progress = not yet due + late), a late record should have
its apology letter, and a total line must be the sum of the rows. Every problem names its
file, row and column; all of them in one run.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from decimal import Decimal

from plugins.disclosures.kinds import LoadContext
from plugins.disclosures.model import Disclosure
from plugins.issues import WARNING, Issue
from plugins.procedures.present import percent, rate_text
from plugins.procedures.schema import COUNTS, PROCEDURES_TABLE, RATE
from plugins.tables.hierarchy import total_line_issues
from plugins.vietnamese.format import number, short_date
from plugins.vietnamese.periods import period_in_title, period_label


@dataclass
class FieldResult:
    """One field's row (or the commune's total): counts of records."""

    name: str
    received: int = 0
    resolved: int = 0
    on_time: int = 0
    late: int = 0
    pending: int = 0
    early: int | None = None  # None: the report has no such column
    online: int | None = None
    in_person: int | None = None  # received at the desk or by post
    carried: int | None = None
    not_due: int | None = None  # in progress, not yet due
    pending_late: int | None = None  # in progress and already late
    letters: int | None = None
    note: str | None = None
    number: int = 0  # the row in the officer's file
    # the on-time rate the report itself writes for the row, as it writes it ("99,4"), when it agrees with the
    # counts: the figure the officer's own sheet shows is the one published (present.on_time_rate)
    written_rate: Decimal | None = None

    @property
    def in_time(self) -> int:
        """Resolved early or on time: what the on-time rate counts."""
        return (self.early or 0) + self.on_time


@dataclass
class ProceduresData:
    period_from: dt.date | None
    period_to: dt.date | None
    fields: list[FieldResult] = field(default_factory=list)
    total: FieldResult = field(default_factory=lambda: FieldResult("Tổng cộng"))
    columns: frozenset[str] = frozenset()  # the optional counts the report has: "early", "online", ...

    @property
    def late_fields(self) -> list[FieldResult]:
        return [f for f in self.fields if f.late]

    # What the templates read, worked out by present.py (loading only checks).
    @property
    def period_label(self) -> str:
        return period_label(self.period_from, self.period_to)

    @property
    def period_in_sentence(self) -> str:
        """"quý III năm 2026": lower case for the first word only (never "quý iii")."""
        label = self.period_label
        return label[:1].lower() + label[1:]

    @property
    def summary(self) -> list[str]:
        from plugins.procedures.present import summary

        return summary(self)

    @property
    def rate_text(self) -> str:
        return self.rate_of(self.total)

    def rate_of(self, result: FieldResult) -> str:
        from plugins.procedures.present import on_time_rate, rate_text

        return rate_text(on_time_rate(result))


NAMES = {column.key: name for column, name in COUNTS.items()}
OPTIONAL = {column.key: name for column, name in COUNTS.items() if not column.required}
REQUIRED = {column.key: name for column, name in COUNTS.items() if column.required}


def load_procedures(disclosure: Disclosure, bundle_dir: str, context: LoadContext) -> tuple[ProceduresData, list[Issue]]:
    period = disclosure.front.get("period") or {}
    data = ProceduresData(period.get("from"), period.get("to"))
    issues = _period_issues(disclosure, data)
    if not period:
        named = period_in_title(disclosure.title)
        if named is None:
            issues.append(Issue(code="thieu-khoa", file=f"{disclosure.source_dir}/index.md", key="period",
                                message="không biết kỳ báo cáo: thiếu khóa period và tiêu đề không nêu quý, tháng hay năm.",
                                hint='Thêm "period: {from: 01/07/2026, to: 30/09/2026}", hoặc ghi kỳ trong tiêu đề '
                                     '("... quý III năm 2026").'))
        else:
            data.period_from, data.period_to = named
    read, table_issues = context.read_tables(disclosure, bundle_dir, PROCEDURES_TABLE)
    issues += table_issues
    for _ref, table in read:
        present = {OPTIONAL[key] for key in OPTIONAL if key in table.headers}
        data.columns |= present
        for column in COUNTS:
            if column.key in table.headers:
                values = [row.values[column.key] for row in table.rows]
                issues += total_line_issues(table, column.key, values,
                                            any(column.key in row.unreadable for row in table.rows), exact=True)
        for row in table.rows:
            result = _result(row)
            if result is None:
                continue
            issues += _row_issues(table, row.number, result)
            issues += _with_written_rate(table, row, result)
            data.fields.append(result)
    data.total = _total(data.fields, data.columns)
    totals = [row for _ref, table in read for row in table.totals]
    if len(read) == 1 and len(totals) == 1:  # the report's own total line: its rate is the commune's
        issues += _with_written_rate(read[0][1], totals[0], data.total)
    return data, issues


def _result(row) -> FieldResult | None:
    """The row's counts, or None when a required count is empty or unreadable (already reported)."""
    values = row.values
    if not values["linh_vuc"] or any(values[key] is None for key in REQUIRED):
        return None
    return FieldResult(name=values["linh_vuc"], number=row.number, note=values["ghi_chu"],
                       **{name: values[key] for key, name in REQUIRED.items()},
                       **{name: values.get(key) for key, name in OPTIONAL.items()})


def _row_issues(table, line: int, r: FieldResult) -> list[Issue]:
    def issue(key: str, **details) -> Issue:
        return Issue(file=table.file, line=line, column=table.headers[key], **details)

    issues = []
    for key, name in NAMES.items():
        value = getattr(r, name)
        if value is not None and value < 0:
            issues.append(issue(key, code="so-khong-hop-le", message=f"số hồ sơ {value} không được âm.",
                                hint="Ghi số hồ sơ, từ 0 trở lên."))
    handled = r.resolved + r.pending
    if handled != r.received and (r.carried is None or handled != r.received + r.carried):
        carried = f" (cộng {number(r.carried)} hồ sơ kỳ trước chuyển sang là {number(r.received + r.carried)})" if r.carried else ""
        issues.append(issue("tiep_nhan", code="tthc-tiep-nhan-khong-khop",
                            message=f"tiếp nhận {number(r.received)} hồ sơ{carried}, nhưng đã giải quyết "
                                    f"{number(r.resolved)} cộng đang giải quyết {number(r.pending)} là {number(handled)}.",
                            hint="Mỗi hồ sơ tiếp nhận hoặc đã giải quyết xong, hoặc đang giải quyết: kiểm tra lại ba cột này."))
    parts = (r.early or 0) + r.on_time + r.late
    if parts != r.resolved:
        named = ("trước hạn " + number(r.early) + " + " if r.early is not None else "")
        issues.append(issue("da_giai_quyet", code="tthc-giai-quyet-khong-khop",
                            message=f"đã giải quyết {number(r.resolved)} hồ sơ, nhưng {named}đúng hạn "
                                    f"{number(r.on_time)} + quá hạn {number(r.late)} là {number(parts)}.",
                            hint="Mỗi hồ sơ đã giải quyết được trả trước hạn, đúng hạn hoặc quá hạn: kiểm tra lại các cột này."))
    if r.online is not None and r.in_person is not None:
        new = r.online + r.in_person
        if new != r.received and new + (r.carried or 0) != r.received:
            carried = f" + kỳ trước chuyển sang {number(r.carried)}" if r.carried else ""
            issues.append(issue("tiep_nhan", code="tthc-tiep-nhan-khong-khop",
                                message=f"tiếp nhận {number(r.received)} hồ sơ, nhưng trực tuyến {number(r.online)} + "
                                        f"trực tiếp, dịch vụ bưu chính {number(r.in_person)}{carried} là "
                                        f"{number(new + (r.carried or 0))}.",
                                hint="Số tiếp nhận gồm hồ sơ kỳ trước chuyển sang (nếu có), nộp trực tuyến và nộp trực "
                                     "tiếp hoặc qua bưu chính: kiểm tra lại các cột này."))
    elif r.online is not None and r.online > r.received + (r.carried or 0):
        issues.append(issue("truc_tuyen", code="gia-tri-khong-hop-le",
                            message=f"{number(r.online)} hồ sơ trực tuyến, nhiều hơn {number(r.received)} hồ sơ tiếp nhận.",
                            hint="Số hồ sơ tiếp nhận trực tuyến là một phần của số tiếp nhận."))
    if r.not_due is not None and r.pending_late is not None and r.not_due + r.pending_late != r.pending:
        issues.append(issue("dang_giai_quyet", code="tthc-dang-giai-quyet-khong-khop",
                            message=f"đang giải quyết {number(r.pending)} hồ sơ, nhưng chưa đến hạn {number(r.not_due)} "
                                    f"+ quá hạn {number(r.pending_late)} là {number(r.not_due + r.pending_late)}.",
                            hint="Mỗi hồ sơ đang giải quyết hoặc chưa đến hạn, hoặc đã quá hạn: kiểm tra lại ba cột này."))
    if r.letters is not None and r.late and r.letters < r.late:
        issues.append(issue("thu_xin_loi", code="tthc-thieu-thu-xin-loi", severity=WARNING,
                            message=f"{number(r.late)} hồ sơ quá hạn nhưng chỉ có {number(r.letters)} thư xin lỗi.",
                            hint="Mỗi hồ sơ trả quá hạn cần văn bản xin lỗi người nộp; ghi đúng số thư đã gửi."))
    return issues


def _with_written_rate(table, row, r: FieldResult) -> list[Issue]:
    """A report may carry its own on-time rate ("Tỷ lệ đúng và trước hạn (%)"): kept as `r.written_rate` when it
    agrees with the rate of the counts to its rounding, so the page shows the officer's figure ("99,4", where
    the counts give 99,4366...); one that disagrees by more means a count or the rate is wrong."""
    written = row.values.get(RATE.key)
    computed = percent(r.in_time, r.resolved)
    if written is None or computed is None:
        return []
    if abs(Decimal(str(written)) - computed) <= Decimal("0.1"):
        r.written_rate = Decimal(str(written))
        return []
    return [Issue(code="tthc-ty-le-khong-khop", file=table.file, line=row.number, column=table.headers[RATE.key],
                  message=f"tỷ lệ ghi {rate_text(Decimal(str(written)))}%, nhưng từ số hồ sơ (trước hạn + đúng hạn) / "
                          f"đã giải quyết thì là {rate_text(computed)}%.",
                  hint="Kiểm tra lại các cột số hồ sơ và cột tỷ lệ; trang đăng tỷ lệ ghi trong báo cáo khi nó khớp với số "
                       "hồ sơ.")]


def _total(results: list[FieldResult], columns: frozenset[str]) -> FieldResult:
    total = FieldResult("Tổng cộng")
    for item in fields(FieldResult):
        if item.name in ("name", "note", "number", "written_rate"):  # not counts
            continue
        if item.name in OPTIONAL.values() and item.name not in columns:
            continue
        setattr(total, item.name, sum(getattr(r, item.name) or 0 for r in results))
    return total


def _period_issues(disclosure: Disclosure, data: ProceduresData) -> list[Issue]:
    if data.period_from and data.period_to and data.period_to < data.period_from:
        return [Issue(code="khoang-thoi-gian-nguoc", file=f"{disclosure.source_dir}/index.md", key="period",
                      message=f"kỳ báo cáo từ {short_date(data.period_from)} đến {short_date(data.period_to)}: "
                              "ngày kết thúc trước ngày bắt đầu.",
                      hint="Kiểm tra lại period: {from: ..., to: ...}; có thể đã đảo ngày và tháng.")]
    return []
