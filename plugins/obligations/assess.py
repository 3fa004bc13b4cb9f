"""Each obligation of a year, expanded (four quarterly reports, one estimate, every draft quy ước) and matched
to the disclosures that meet it: on time, late, missing, not yet due, posted too briefly, or a channel short.

Pure: disclosures come in as `Facts` (what an obligation reads of one), the date as an argument, working days
from the holiday calendar. What a finding says changes only on the dates a status changes (a posting starts, a
deadline passes), never by counting days to today, so the year's page is remade only on those dates. The date
is asked as a `day.BuildDay` and only ever compared with such a date: a year's report holds on every later date
that answers the same, so a closed year's report is kept across days (check.py).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from plugins.disclosures.bundle import BOARD_PLACES
from plugins.disclosures.day import BuildDay
from plugins.disclosures.outputs import FingerprintedRecord
from plugins.obligations.rules import CHANNELS, EVENTS, PERIODS, Days, Rule
from plugins.vietnamese.format import number
from plugins.vietnamese.holidays import Calendar
from plugins.vietnamese.periods import period_in_title, year_in_title
from plugins.vietnamese.text import fold

MAX_YEARS = 30  # year pages of a commune: its content's first year to this one, at most this many


class Status(StrEnum):
    """Worst first: a finding counts under its worst status."""

    MISSING = "thieu"
    LATE = "tre-han"
    SHORT = "chua-du-ngay"
    NO_CHANNEL = "thieu-kenh"
    NO_DATE = "chua-ro-han"
    NOT_DUE = "chua-den-han"
    MET = "dat"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS = {
    Status.MISSING: "Thiếu",
    Status.LATE: "Trễ hạn",
    Status.SHORT: "Niêm yết chưa đủ ngày",
    Status.NO_CHANNEL: "Thiếu kênh",
    Status.NO_DATE: "Chưa tính được hạn",
    Status.NOT_DUE: "Chưa đến hạn",
    Status.MET: "Đạt",
}
SEVERITY = list(Status)


@dataclass(frozen=True)
class Facts:
    """What an obligation reads of a disclosure."""

    source_dir: str
    url: str
    title: str
    kind: str
    stage: str | None
    period: tuple[dt.date, dt.date]  # what it reports on: a quarter, 9 months, a budget year
    issued: dt.date
    posting: tuple[dt.date, dt.date] | None
    places: tuple[str, ...]
    events: Mapping[str, dt.date | None]  # EVENTS key -> its date, when known

    @property
    def disclosed(self) -> dt.date:
        """The day it reached the people: its posting's first day, else its issue date (website only)."""
        return self.posting[0] if self.posting else self.issued


@dataclass(frozen=True)
class Met:
    """A disclosure as a finding lists it, with what the warnings of the day name (check.py): its folder, and
    the last day of its posting."""

    title: str
    url: str
    disclosed: dt.date
    source_dir: str = ""
    posting_end: dt.date | None = None


@dataclass(frozen=True)
class Finding:
    rule: str  # its id
    obligation: str  # the rule's heading: "Tình hình thực hiện dự toán ngân sách"
    title: str  # "Tình hình thực hiện dự toán ngân sách 6 tháng đầu năm 2026"
    status: Status
    notes: tuple[str, ...]  # every reason, worst first: "Trễ 12 ngày", "Thiếu kênh: loa truyền thanh"
    due: dt.date | None
    requirement: str  # "15 ngày sau ngày kết thúc kỳ báo cáo", "niêm yết ít nhất 30 ngày"
    met_by: tuple[Met, ...]
    basis: str
    level: str
    late_days: int = 0
    since: dt.date | None = None  # the day this finding last changed: the day after a deadline, a posting's start
    each: bool = False  # one of a rule's findings for each disclosure (a posting minimum), not of the year
    posting_notes: tuple[str, ...] = ()  # those of `notes` about its posting: too short, a channel missing

    @property
    def label(self) -> str:
        if self.status is Status.LATE:
            return f"Trễ {number(self.late_days)} ngày"
        if self.status is Status.MET:
            return "Đúng hạn" if self.due else "Đạt"
        return self.status.label


@dataclass(frozen=True)
class YearReport(FingerprintedRecord):  # each of the year's six outputs names it: walked once, not six times
    year: int
    findings: tuple[Finding, ...]
    counts: Mapping[str, int] = field(default_factory=dict)  # Status value -> findings

    @property
    def groups(self) -> list[tuple[str, list[Finding]]]:
        """(obligation, its findings) in the rules' order: a rule's findings follow one another."""
        groups: list[tuple[str, list[Finding]]] = []
        for finding in self.findings:
            if groups and groups[-1][1][0].rule == finding.rule:
                groups[-1][1].append(finding)
            else:
                groups.append((finding.obligation, [finding]))
        return groups

    @property
    def changed(self) -> dt.date | None:
        """The last day anything on the page changed: what the page says holds from then to today."""
        return max((f.since for f in self.findings if f.since), default=None)


def first_year(disclosures: Iterable[Facts]) -> int | None:
    """The first year the commune's content covers (None: no disclosure)."""
    return min((min(f.disclosed.year, f.issued.year) for f in disclosures), default=None)


def years_of(first: int | None, today: dt.date) -> list[int]:
    """The years with a page: from the first year the commune's content covers to this year."""
    first = max(first if first is not None else today.year, today.year - MAX_YEARS + 1)
    return list(range(first, today.year + 1))


def assess_year(rules: list[Rule], disclosures: list[Facts], year: int, today: dt.date | BuildDay,
                calendar: Calendar, villages: Iterable[str] = ()) -> YearReport:
    """Every obligation of `year` as it stands on `today`."""
    return Assessment(rules, disclosures, calendar, villages).year(year, today)


class Assessment:
    """The rules matched against the disclosures once, whatever the number of years asked: a build and
    `make validate` run this over every disclosure."""

    def __init__(self, rules: list[Rule], disclosures: list[Facts], calendar: Calendar,
                 villages: Iterable[str] = ()) -> None:
        self.rules, self.calendar, self.villages = rules, calendar, frozenset(villages)
        ordered = sorted(disclosures, key=lambda f: (f.disclosed, f.source_dir))  # the first to meet one counts
        self.matched = {rule.id: [f for f in ordered if _matches(rule, f)] for rule in rules}
        self.with_minimum = {f.source_dir for rule in rules if rule.min_posting and not rule.fallback
                             for f in self.matched[rule.id]}

    def year(self, year: int, today: dt.date | BuildDay) -> YearReport:
        """Every obligation of `year` as it stands on the build date; asked through a `BuildDay`, the report
        holds on every date that answers its questions the same."""
        day = today if isinstance(today, BuildDay) else BuildDay(today)
        findings: list[Finding] = []
        for rule in self.rules:
            matched = self.matched[rule.id]
            if rule.every == "disclosure":
                for facts in matched:
                    if facts.disclosed.year != year or (rule.since and facts.disclosed < rule.since):
                        continue
                    if rule.fallback and (facts.source_dir in self.with_minimum or facts.posting is None):
                        continue
                    findings.append(_each(rule, facts, day, self.calendar, self.villages))
                continue
            subject = year + rule.year_offset
            for span in rule.periods if rule.every == "periods" else ("year",):
                _words, (m1, d1), (m2, d2) = PERIODS[span]
                period = (dt.date(subject, m1, d1), dt.date(subject, m2, d2))
                met = [f for f in matched if _reports_on(f, period, rule.every)]
                finding = _periodic(rule, span, period, year, met, day, self.calendar, self.villages)
                if finding is not None:
                    findings.append(finding)
        counts = Counter(f.status.value for f in findings)
        return YearReport(year, tuple(findings), {s.value: counts.get(s.value, 0) for s in Status})


def _before(day: BuildDay, date: dt.date) -> bool:
    """The build date is before `date`: asked as a question that holds until `date`."""
    return date > dt.date.min and day.is_between(dt.date.min, date - dt.timedelta(days=1))


def _after(day: BuildDay, date: dt.date) -> bool:
    """The build date is after `date`: asked as a question that holds from the day after."""
    return date < dt.date.max and day.is_between(date + dt.timedelta(days=1), dt.date.max)


def _matches(rule: Rule, facts: Facts) -> bool:
    if rule.kinds and facts.kind not in rule.kinds:
        return False
    if facts.kind in rule.except_kinds:
        return False
    if rule.stages and facts.stage not in rule.stages:
        return False
    if rule.title_has:
        title = fold(facts.title)
        return any(fold(word) in title for word in rule.title_has)
    return True


def _reports_on(facts: Facts, period: tuple[dt.date, dt.date], every: str) -> bool:
    """A year's obligation is met by what reports on that year; a period's by what ends with that period (a
    second-quarter report or a six-month one both meet the six months)."""
    if every == "year":
        return facts.period[1].year == period[1].year
    return facts.period[1] == period[1]


def _periodic(rule: Rule, span: str, period: tuple[dt.date, dt.date], year: int, met: list[Facts], day: BuildDay,
              calendar: Calendar, villages: frozenset[str]) -> Finding | None:
    subject = period[1].year
    words = _span_words(span, subject)
    title = rule.title.replace("{ky}", words).replace("{nam}", str(subject))
    title = title if "{ky}" in rule.title or "{nam}" in rule.title else f"{title} {words}"
    first = met[0] if met else None
    due, requirement = _due(rule, period, year, first, calendar)
    if rule.since and due and due < rule.since:
        return None
    notes: list[tuple[Status, str]] = []
    since, late = None, 0
    if first is None or _before(day, first.disclosed):  # nothing has reached the people yet
        planned = f" Sẽ niêm yết từ {first.disclosed:%d/%m/%Y}." if first else ""
        if due is None:
            notes.append((Status.NO_DATE, f"Không tính được hạn: cần ghi {EVENTS[rule.after]}.{planned}"))
        elif _after(day, due):
            notes.append((Status.MISSING, f"Quá hạn {due:%d/%m/%Y}, chưa công khai.{planned}"))
            since = due + dt.timedelta(days=1)
        else:
            notes.append((Status.NOT_DUE, f"Hạn {due:%d/%m/%Y}.{planned}"))
    else:
        since = first.disclosed
        if due is None:
            notes.append((Status.NO_DATE, f"Công khai ngày {first.disclosed:%d/%m/%Y}; không tính được hạn: cần ghi "
                                          f"{EVENTS[rule.after]}."))
        elif first.disclosed > due:
            late = (first.disclosed - due).days
            notes.append((Status.LATE, f"Công khai ngày {first.disclosed:%d/%m/%Y}, hạn {due:%d/%m/%Y}."))
        else:
            notes.append((Status.MET, f"Công khai ngày {first.disclosed:%d/%m/%Y}, hạn {due:%d/%m/%Y}."))
    if first is not None:
        notes += _posting_notes(rule, first, calendar, villages)
    return _finding(rule, title, notes, due, requirement, met, late, since)


def _each(rule: Rule, facts: Facts, day: BuildDay, calendar: Calendar, villages: frozenset[str]) -> Finding:
    notes = _posting_notes(rule, facts, calendar, villages)
    to_come = _before(day, facts.disclosed)
    if to_come:
        notes.append((Status.NOT_DUE, f"Sẽ niêm yết từ {facts.disclosed:%d/%m/%Y}."))
    elif not notes:
        notes.append((Status.MET, "Đạt yêu cầu."))
    requirement = ", ".join(p for p in (f"niêm yết ít nhất {rule.min_posting.text}" if rule.min_posting else "",
                                        _channels_text(rule.channels)) if p)
    since = None if to_come else facts.disclosed
    return _finding(rule, facts.title, notes, None, requirement, [facts], 0, since, each=True)


def _finding(rule: Rule, title: str, notes: list[tuple[Status, str]], due, requirement: str, met: list[Facts],
             late: int, since, each: bool = False) -> Finding:
    notes.sort(key=lambda pair: SEVERITY.index(pair[0]))
    status = notes[0][0]
    if status is Status.NOT_DUE and len(notes) > 1 and notes[1][0] in (Status.SHORT, Status.NO_CHANNEL):
        status = notes[1][0]  # a posting planned too short is already wrong
    return Finding(rule.id, rule.heading, title, status, tuple(text for _s, text in notes), due, requirement,
                   tuple(Met(f.title, f.url, f.disclosed, f.source_dir, f.posting[1] if f.posting else None) for f in met), rule.basis, rule.level, late, since, each,
                   tuple(text for s, text in notes if s in (Status.SHORT, Status.NO_CHANNEL)))


def _posting_notes(rule: Rule, facts: Facts, calendar: Calendar, villages: frozenset[str]) -> list[tuple[Status, str]]:
    notes = []
    if rule.min_posting:
        length = _posting_length(facts.posting, rule.min_posting, calendar)
        if facts.posting is None:
            notes.append((Status.SHORT, f"Không niêm yết; cần niêm yết ít nhất {rule.min_posting.text}."))
        elif length < rule.min_posting.count:
            unit = "ngày làm việc" if rule.min_posting.working else "ngày"
            notes.append((Status.SHORT, f"Niêm yết {number(length)} {unit} "
                                        f"({facts.posting[0]:%d/%m/%Y} – {facts.posting[1]:%d/%m/%Y}), "
                                        f"cần ít nhất {rule.min_posting.text}."))
    missing = [CHANNELS[c] for c in rule.channels if not _reaches(facts.places, c, villages)]
    if missing:
        notes.append((Status.NO_CHANNEL, f"Thiếu kênh: {', '.join(missing)}."))
    return notes


def _reaches(places: tuple[str, ...], channel: str, villages: frozenset[str]) -> bool:
    if channel == "website":
        return True  # it is on the site
    if channel == "villages":
        return "all-villages" in places or any(p in villages or p not in BOARD_PLACES for p in places)
    return channel in places


def _posting_length(posting, minimum: Days, calendar: Calendar) -> int:
    if posting is None:
        return 0
    start, end = posting
    if minimum.working:
        return calendar.working_days_before(start, end + dt.timedelta(days=1))
    return (end - start).days + 1


def _due(rule: Rule, period: tuple[dt.date, dt.date], year: int, first: Facts | None,
         calendar: Calendar) -> tuple[dt.date | None, str]:
    """The deadline and how the page words it."""
    if rule.on:
        due = _day_of(year, rule.on)
        return due, f"trước hết ngày {due:%d/%m/%Y}"
    event = period[1] if rule.after == "period_end" else (first.events.get(rule.after) if first else None)
    requirement = f"{rule.within.text} sau {EVENTS[rule.after].split(' (')[0]}"
    if event is None:
        if first is not None:
            return None, requirement
        fallback = _day_of(year, rule.latest) if rule.latest else dt.date(year, 12, 31)
        return fallback, requirement
    return _add(event, rule.within, calendar), requirement


def _add(day: dt.date, days: Days, calendar: Calendar) -> dt.date:
    return calendar.add_working_days(day, days.count) if days.working else day + dt.timedelta(days=days.count)


def _day_of(year: int, month_day: tuple[int, int]) -> dt.date:
    month, day = month_day
    try:
        return dt.date(year, month, day)
    except ValueError:  # 29/02 of a year without it
        return dt.date(year, 2, 28)


def _span_words(span: str, year: int) -> str:
    return f"năm {year}" if span == "year" else f"{PERIODS[span][0]} năm {year}"


def _channels_text(channels: tuple[str, ...]) -> str:
    shown = [CHANNELS[c] for c in channels if c != "website"]
    return f"qua {', '.join(shown)}" if shown else ""


def reported_period(title: str, issued: dt.date, own: tuple[dt.date, dt.date] | None = None) -> tuple[dt.date, dt.date]:
    """What a disclosure reports on: `own`, what its kind says (`Kind.reports_on`), else the period its title
    names, else the year its title names, else its issue year."""
    if own:
        return own
    named = period_in_title(title)
    if named:
        return named
    year = year_in_title(title) or issued.year
    return dt.date(year, 1, 1), dt.date(year, 12, 31)
