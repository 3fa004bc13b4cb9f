"""What the law requires a commune to disclose, by when, for how long and where: the rules as data.

The project's rules are `data/nghia-vu.yml`; a commune (or its province, through every commune's repository)
adds or changes rules in `content/nghia-vu.yml`, in the same shape: a rule with the id of a national one
replaces it, `off: true` drops it. Both are checked like front matter: every problem at once, in Vietnamese,
with its line. Pure: the caller reads the files.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from plugins.disclosures.schema import Checker, Flag, ListOf, Parsed, Record, Text
from plugins.disclosures.yamlsource import YamlSyntaxError, load
from plugins.issues import Issue
from plugins.vietnamese.format import number
from plugins.vietnamese.parse import ParseError, parse_date

NATIONAL = Path(__file__).parent / "data" / "nghia-vu.yml"
LOCAL = "nghia-vu.yml"  # in content/: the commune's or its province's own rules

# Spans of a year a report covers, as budget stages and one-stop desk reports name them.
PERIODS = {
    "q1": ("quý I", (1, 1), (3, 31)),
    "q2": ("quý II", (4, 1), (6, 30)),
    "q3": ("quý III", (7, 1), (9, 30)),
    "q4": ("quý IV", (10, 1), (12, 31)),
    "h1": ("6 tháng đầu", (1, 1), (6, 30)),
    "9m": ("9 tháng", (1, 1), (9, 30)),
    "year": ("cả năm", (1, 1), (12, 31)),
}
# What a posting must reach; `villages` is met by all-villages or by the village(s) a disclosure is for.
CHANNELS = {
    "website": "trang thông tin điện tử",
    "commune-hq": "trụ sở Ủy ban nhân dân",
    "villages": "nhà văn hóa thôn, tổ dân phố",
    "loudspeaker": "loa truyền thanh",
}
# What a deadline runs from.
EVENTS = {
    "period_end": "ngày kết thúc kỳ báo cáo",
    "decided": "ngày cấp có thẩm quyền quyết định, phê duyệt (khóa decided)",
    "submitted": "ngày gửi đại biểu Hội đồng nhân dân (khóa submitted)",
    "issued": "ngày ban hành",
}
EVERY = {
    "year": "một lần mỗi năm",
    "periods": "mỗi kỳ báo cáo trong năm",
    "disclosure": "mỗi văn bản thuộc loại này",
}
YEARS = {"this": 0, "next": 1, "previous": -1}  # the year a rule's disclosure is about, from the page's year
LEVELS = {
    "verified": "Đã đối chiếu văn bản",
    "secondary": "Theo nguồn thứ cấp",
    "unverified": "Chưa đối chiếu",
}


@dataclass(frozen=True)
class Days:
    count: int
    working: bool = False  # working days (no weekends, no public holidays), else calendar days

    @property
    def text(self) -> str:
        """"15 ngày", "05 ngày làm việc": as the decrees write them."""
        return f"{self.count:02d} ngày làm việc" if self.working else f"{number(self.count)} ngày"


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    every: str  # year | periods | disclosure
    basis: str  # the article: "Nghị định 163/2016/NĐ-CP, Điều 49"
    level: str  # verified | secondary | unverified
    kinds: tuple[str, ...] = ()  # empty: every kind (a `fallback` rule)
    except_kinds: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()  # the budget's `stage` values that meet it
    title_has: tuple[str, ...] = ()  # words one of which the title holds ("quy ước"), compared without marks
    periods: tuple[str, ...] = ()  # PERIODS keys, for `every: periods`
    year_offset: int = 0
    after: str | None = None  # EVENTS key the deadline runs from
    within: Days | None = None
    on: tuple[int, int] | None = None  # (month, day) of the page's year: a fixed deadline
    latest: tuple[int, int] | None = None  # (month, day): the deadline while the event is not known
    min_posting: Days | None = None
    channels: tuple[str, ...] = ()
    fallback: bool = False  # applies only to what no other per-disclosure rule with a posting minimum covers
    source: str = ""  # where the article was read
    since: dt.date | None = None  # first day the rule is in force

    @cached_property
    def heading(self) -> str:
        """The obligation without its year or period: what the page groups a rule's findings under."""
        return " ".join(word for word in self.title.replace("năm {nam}", "").split() if word not in ("{ky}", "{nam}"))


def _count(value: str) -> int:
    if not re.fullmatch(r"\d{1,3}", value.strip()) or int(value) == 0:
        raise ParseError("gia-tri-khong-hop-le", f'"{value}" không phải là số ngày (từ 1 đến 999).',
                         "Viết số ngày bằng chữ số, ví dụ 15.")
    return int(value)


def _month_day(value: str) -> tuple[int, int]:
    """"12-14" or "14/12": a day of every year."""
    text = value.strip()
    found = re.fullmatch(r"(\d{1,2})-(\d{1,2})", text) or re.fullmatch(r"(\d{1,2})/(\d{1,2})", text)
    if found:
        month, day = (int(g) for g in found.groups()) if "-" in text else reversed([int(g) for g in found.groups()])
        try:
            dt.date(2024, month, day)  # a leap year: 29/02 is a day of some years
            return month, day
        except ValueError:
            pass
    raise ParseError("ngay-khong-hop-le", f'"{value}" không phải là một ngày trong năm.',
                     'Viết ngày và tháng dạng "14/12" (ngày 14 tháng 12).')


DAYS = Record(fields={"days": Parsed(parser=_count, expected="một số ngày"),
                      "working_days": Parsed(parser=_count, expected="một số ngày làm việc")})
RULE = Record(fields={
    "id": Text(required=True),
    "title": Text(),  # required unless the rule only switches one off
    "off": Flag(),
    "every": Text(choices=EVERY),
    "kinds": ListOf(),
    "except_kinds": ListOf(),
    "stages": ListOf(),
    "title_has": ListOf(),
    "periods": ListOf(item=Text(choices={k: v[0] for k, v in PERIODS.items()})),
    "year": Text(choices={"this": "năm của trang", "next": "năm sau", "previous": "năm trước"}),
    "due": Record(fields={"after": Text(choices=EVENTS), "days": Parsed(parser=_count, expected="một số ngày"),
                          "working_days": Parsed(parser=_count, expected="một số ngày làm việc"),
                          "on": Parsed(parser=_month_day, expected="một ngày trong năm")}),
    "latest": Parsed(parser=_month_day, expected="một ngày trong năm"),
    "min_posting": DAYS,
    "channels": ListOf(item=Text(choices=CHANNELS)),
    "fallback": Flag(),
    "basis": Text(),
    "status": Text(choices=LEVELS),
    "source": Text(),
    "since": Parsed(parser=parse_date, expected="một ngày"),
})
class _Rules(ListOf):
    """The list of rules, each read on its own so a line's problems stay with that rule."""

    def read(self, value, path, checker):
        return value if isinstance(value, list) else self.wrong_type(value, path, checker)


FILE = Record(fields={"version": Text(choices={"1": "phiên bản 1"}), "rules": _Rules(required=True)})
MAX_RULES = 200  # a rules file's; the project's has a dozen
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def load_rules(text: str, file: str, kinds: Mapping[str, str], stages: Mapping[str, str] | None = None,
               max_bytes: int | None = None) -> tuple[list[Rule], list[Issue]]:
    """Every rule of a rules file and every problem in it. `kinds` are the kinds there are (id -> label);
    `stages` the values a `stage` key takes. A rule with `off: true` needs only its id."""
    try:
        document = load(text, max_bytes=max_bytes)
    except YamlSyntaxError as exc:
        return [], [exc.issue(file)]
    checker = Checker(file, document)
    if not isinstance(document.data, dict):
        checker.report("sai-kieu", (), "tệp quy tắc nghĩa vụ phải là một nhóm khóa có danh sách rules.",
                       "Xem mẫu trong docs/nghia-vu.md.")
        return [], checker.issues
    data = checker.check(FILE)
    if len(data.get("rules") or []) > MAX_RULES:  # each rule is worked out for every year and disclosure
        checker.report("tep-qua-lon", ("rules",), f"tệp có {number(len(data['rules']))} quy tắc, quá giới hạn "
                       f"{number(MAX_RULES)} quy tắc.", "Gộp các quy tắc giống nhau; một tỉnh thường chỉ cần vài chục.")
        return [], checker.issues
    rules, seen = [], set()
    for index, raw in enumerate(data.get("rules") or []):
        path = ("rules", index)
        values = RULE.read(raw, path, checker)
        if isinstance(values, dict):
            rule = _rule(values, raw, path, checker, kinds, stages, seen)
            if rule is not None:
                rules.append(rule)
    return rules, checker.issues


def _rule(values: dict, raw: dict, path: tuple, checker: Checker, kinds: Mapping[str, str], stages: Mapping[str, str] | None,
          seen: set[str]) -> Rule | None:
    """One rule, or None when it cannot be used (its problems reported) or only switches a rule off. `raw` is
    the rule as written: a value written but refused has its own message, never a second one saying it is missing."""
    rule_id = values.get("id")
    if rule_id is None:
        return None
    if not _ID.match(rule_id):
        checker.report("gia-tri-khong-hop-le", (*path, "id"), f'"{rule_id}" không dùng được làm mã quy tắc.',
                       "Chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ ngan-sach-quy.")
        return None
    if rule_id in seen:
        checker.report("khoa-trung", (*path, "id"), f'mã quy tắc "{rule_id}" đã dùng cho một quy tắc trước.',
                       "Mỗi quy tắc một mã riêng.")
        return None
    seen.add(rule_id)
    if values.get("off"):
        return Rule(rule_id, values.get("title") or rule_id, "off", "", "unverified")
    problems = len(checker.issues)
    for key in ("kinds", "except_kinds"):
        for position, kind in enumerate(values.get(key) or []):
            if kind not in kinds:
                checker.report("gia-tri-khong-hop-le", (*path, key, position), f'"{kind}" không phải là loại công khai.',
                               f"Chọn một trong: {', '.join(kinds)}.")
    for position, stage in enumerate(values.get("stages") or []):
        if stages is not None and stage not in stages:
            checker.report("gia-tri-khong-hop-le", (*path, "stages", position), f'"{stage}" không phải là giai đoạn.',
                           f"Chọn một trong: {', '.join(stages)}.")
    every = values.get("every")
    due = values.get("due") or {}
    within = _days(due, (*path, "due"), checker)
    min_posting = _days(values.get("min_posting") or {}, (*path, "min_posting"), checker)
    written_due = raw.get("due") if isinstance(raw.get("due"), dict) else {}
    for key in ("title", "every", "basis", "status"):
        if values.get(key) is None and key not in raw:
            checker.report("thieu-khoa", (*path, key), f'quy tắc "{rule_id}" thiếu khóa "{key}".',
                           "Mỗi quy tắc ghi title, every (year, periods hoặc disclosure), basis (điều khoản) và status "
                           "(verified, secondary hoặc unverified).")
    if "kinds" not in raw and not values.get("fallback"):
        checker.report("thieu-khoa", (*path, "kinds"), f'quy tắc "{rule_id}" không nói áp dụng cho loại công khai nào.',
                       "Thêm kinds: [budget] (hoặc fallback: true cho quy tắc áp dụng mọi loại).")
    if every == "periods" and "periods" not in raw:
        checker.report("thieu-khoa", (*path, "periods"), f'quy tắc "{rule_id}" theo kỳ nhưng không nêu kỳ nào.',
                       "Thêm periods: [q1, h1, 9m] (quý I, 6 tháng, 9 tháng) hoặc [q1, q2, q3, q4].")
    if every in ("year", "periods") and not (written_due.get("after") or written_due.get("on")):
        checker.report("thieu-khoa", (*path, "due"), f'quy tắc "{rule_id}" không có hạn công khai.',
                       'Thêm due: {after: decided, days: 30} (30 ngày sau ngày quyết định) hoặc due: {on: "14/12"}.')
    if due.get("after") and within is None and not (written_due.get("days") or written_due.get("working_days")):
        checker.report("thieu-khoa", (*path, "due", "days"), f'quy tắc "{rule_id}" không nói bao nhiêu ngày sau '
                       f"{EVENTS[due['after']]}.", "Thêm days: 15 hoặc working_days: 5 trong due.")
    if every == "disclosure" and "min_posting" not in raw and "channels" not in raw:
        checker.report("thieu-khoa", (*path, "min_posting"), f'quy tắc "{rule_id}" không đòi hỏi gì ở từng văn bản.',
                       "Thêm min_posting: {days: 30} hoặc channels: [loudspeaker].")
    if len(checker.issues) > problems and any(i.is_error for i in checker.issues[problems:]):
        return None
    return Rule(
        id=rule_id, title=values["title"], every=every, basis=values["basis"], level=values["status"],
        kinds=tuple(values.get("kinds") or ()), except_kinds=tuple(values.get("except_kinds") or ()),
        stages=tuple(values.get("stages") or ()), title_has=tuple(values.get("title_has") or ()),
        periods=tuple(values.get("periods") or ()), year_offset=YEARS[values.get("year") or "this"],
        after=due.get("after"), within=within, on=due.get("on"), latest=values.get("latest"),
        min_posting=min_posting, channels=tuple(values.get("channels") or ()), fallback=bool(values.get("fallback")),
        source=values.get("source") or "", since=values.get("since"))


def _days(values: dict, path: tuple, checker: Checker) -> Days | None:
    if values.get("days") and values.get("working_days"):
        checker.report("gia-tri-khong-hop-le", path, "ghi cả days và working_days.",
                       "Chỉ ghi một: days (ngày lịch) hoặc working_days (ngày làm việc).")
        return None
    if values.get("working_days"):
        return Days(values["working_days"], working=True)
    return Days(values["days"]) if values.get("days") else None


def merged(national: list[Rule], local: list[Rule]) -> list[Rule]:
    """The national rules with the commune's: same id replaces, `off` drops, new ones follow."""
    by_id = {rule.id: rule for rule in national}
    for rule in local:
        if rule.every == "off":
            by_id.pop(rule.id, None)
        else:
            by_id[rule.id] = rule
    return list(by_id.values())

