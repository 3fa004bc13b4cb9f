"""The year's obligations over a loaded site: the rules (the project's and the commune's own), each year's
findings, and what an officer must act on now, as warnings of `make validate` and of the build.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from plugins.disclosures.cache import digest
from plugins.disclosures.channels import Build, Channel, ChannelOutputs
from plugins.disclosures.kinds import KINDS, KindRegistry
from plugins.disclosures.model import Disclosure
from plugins.issues import WARNING, Issue
from plugins.obligations.assess import (
    Assessment,
    Facts,
    Finding,
    Status,
    YearReport,
    first_year,
    reported_period,
    years_of,
)
from plugins.obligations.rules import LOCAL, NATIONAL, load_rules, merged
from plugins.vietnamese.format import number
from plugins.vietnamese.holidays import official_calendar, unknown_years_issue

NAME = "obligations"
FOLDER = "nghia-vu/"  # the years' pages
SOON_DAYS = 15  # `make validate` names what falls due within this many days
LATE_DAYS = 365  # and what passed its deadline within this many days with nothing posted


@dataclass(frozen=True)
class Obligations:
    """What the generator publishes: every year's report, newest first."""

    reports: tuple[YearReport, ...]
    local_rules: bool  # the commune's own content/nghia-vu.yml was read (without errors)


def check_obligations(site, tree, limits, kept) -> tuple[list[Issue], Obligations | None]:
    """The channel's check (plugins/disclosures/channels.py). Each year's report is kept by what it is worked out
    from (the rules, what each disclosure tells of its dates and places: `facts_of`; the code, with the holidays,
    and commune.yml are in every kept key) and by what it asked of the date (assess.py), its fingerprint with it:
    a rebuild after an edit to an explanation assesses nothing, the next day assesses only the years whose
    statuses change that day (a deadline passing, a posting starting), and the pages that name a report do not
    walk its thousands of findings again. What to act on now is worked out from the reports once a day."""
    if site.commune is None or site.build_date is None:
        return [], None
    kinds, stages = _choices(KINDS)
    rules, issues = load_rules(NATIONAL.read_text(encoding="utf-8"), "plugins/obligations/data/nghia-vu.yml",
                               kinds, stages)
    local_used = False
    if tree.has(LOCAL):
        text = tree.read_text(LOCAL, limits.yaml_bytes, issues)
        if text is not None:
            local, local_issues = load_rules(text, LOCAL, kinds, stages)
            issues += local_issues
            if not any(i.is_error for i in local_issues):  # a broken file is kept back whole: the national rules stand
                rules, local_used = merged(rules, local), True
    today = site.build_date
    disclosures = [d for d in site.disclosures if not d.draft]
    told = kept.apart("du-kien")
    source = digest(repr(rules), *(_told(d, told) for d in disclosures))
    facts = cache(lambda: [facts_of(d, KINDS) for d in disclosures])
    assessment = cache(lambda: Assessment(rules, facts(), official_calendar(), [v.slug for v in site.commune.villages]))
    first = kept.get(("nghia-vu-nam-dau", source), lambda: first_year(facts()))
    reports = tuple(kept.get_on(("nghia-vu-nam", str(year), source), today,
                                lambda day, year=year: _assessed(assessment(), year, day))
                    for year in reversed(years_of(first, today)))
    found = kept.get(("nghia-vu-viec-can-lam", source, today.isoformat()), lambda: _act_now(reports, today))
    return issues + found, Obligations(reports, local_used)


def _told(disclosure: Disclosure, kept) -> str:
    """The digest of what the obligations read of a disclosure (`facts_of`), kept by what it was loaded from
    (its files, its loader's date answers; the code, commune.yml and settings are in every kept key): working
    out and writing out the facts of every disclosure to key the assessment cost more than the rest of the
    check after one edit (0.06 s at 1x)."""
    def work_out() -> str:
        return digest(repr(facts_of(disclosure, KINDS)))
    return kept.get(("nghia-vu-du-kien", disclosure.loaded_from), work_out) if disclosure.loaded_from else work_out()


def _assessed(assessment: Assessment, year: int, day) -> YearReport:
    """One year's report, its fingerprint worked out, so it is kept with it."""
    report = assessment.year(year, day)
    report.__fingerprint__()
    return report


def _choices(kinds: KindRegistry) -> tuple[dict[str, str], dict[str, str]]:
    stages = {}
    for kind in kinds:
        spec = kind.front_keys.get("stage")
        if spec is not None and getattr(spec, "choices", None):
            stages |= dict(spec.choices)
    return kinds.labels(), stages


def facts_of(disclosure: Disclosure, kinds: KindRegistry) -> Facts:
    kind = kinds.get(disclosure.kind)
    own = kind.reports_on(disclosure) if kind is not None and kind.reports_on else None
    posting = disclosure.posting
    return Facts(
        source_dir=disclosure.source_dir, url=disclosure.url, title=disclosure.title, kind=disclosure.kind,
        stage=disclosure.front.get("stage"), period=reported_period(disclosure.title, disclosure.issued, own),
        issued=disclosure.issued, posting=(posting.start, posting.end) if posting else None,
        places=posting.places if posting else (),
        events={"decided": disclosure.decided, "submitted": disclosure.front.get("submitted"),
                "issued": disclosure.issued})


def _act_now(reports: tuple[YearReport, ...], today: dt.date) -> list[Issue]:
    """What an officer can still act on: a deadline within SOON_DAYS, a deadline passed with nothing posted, a
    date missing to work the deadline out, (once per disclosure) a posting not yet over that is too short or
    misses a channel, and this year's holidays not in the calendar."""
    issues = []
    posting: dict[str, dict[str, None]] = {}  # index.md -> what its posting lacks, each said once
    for report in reports:
        for finding in report.findings:
            issue = _warning(report.year, finding, today)
            if issue is not None:
                issues.append(issue)
            first = finding.met_by[0] if finding.met_by else None
            if finding.posting_notes and first is not None and first.posting_end and first.posting_end >= today:
                posting.setdefault(f"{first.source_dir}/index.md", {}).update(dict.fromkeys(finding.posting_notes))
    for file, notes in posting.items():  # one message for a posting, however many obligations it falls short of
        issues.append(Issue(code="nghia-vu-niem-yet-chua-dat", file=file, severity=WARNING, key="posting",
                            message=f"thời gian hoặc nơi niêm yết chưa đạt nghĩa vụ công khai: {' '.join(notes)}",
                            hint="Kéo dài thời gian niêm yết (to) hoặc thêm nơi niêm yết (places). Xem trang nghia-vu/."))
    if official_calendar().unknown_years(today, today):  # this year's deadlines are the ones still to meet
        issues.append(unknown_years_issue([today.year], f"nghia-vu/{today.year}"))
    return issues


def _warning(year: int, finding: Finding, today: dt.date) -> Issue | None:
    first = finding.met_by[0] if finding.met_by else None
    file = f"{first.source_dir}/index.md" if first else f"nghia-vu/{year}"
    page = f"Xem trang nghia-vu/{year}/."
    if finding.status is Status.NOT_DUE and finding.due and not finding.met_by \
            and (finding.due - today).days <= SOON_DAYS:
        return Issue(code="nghia-vu-sap-den-han", file=file, severity=WARNING,
                     message=f'"{finding.title}" đến hạn công khai ngày {finding.due:%d/%m/%Y} '
                             f"(còn {number((finding.due - today).days)} ngày), chưa có văn bản.",
                     hint=f"Tạo hồ sơ (make new) và niêm yết trước hạn. {page}")
    if finding.status is Status.MISSING and finding.due and (today - finding.due).days <= LATE_DAYS:
        return Issue(code="nghia-vu-qua-han", file=file, severity=WARNING,
                     message=f'"{finding.title}" quá hạn công khai từ ngày {finding.due:%d/%m/%Y}, chưa có văn bản.',
                     hint=f"Công khai ngay; trang nghĩa vụ ghi thiếu cho đến khi có văn bản. {page}")
    if finding.status is Status.NO_DATE and first is not None:
        return Issue(code="nghia-vu-thieu-ngay", file=file, severity=WARNING, key="decided",
                     message=f'không tính được hạn công khai của "{finding.title}": {finding.notes[0]}',
                     hint="Thêm khóa decided (ngày nghị quyết, quyết định) hoặc submitted (ngày gửi đại biểu Hội đồng "
                          "nhân dân) theo ngày ghi trên văn bản; hoặc ghi nghị quyết kèm ngày trong legal_basis.")
    return None


def start(build: Build) -> ChannelOutputs:
    """The home page's and the footer's link, when there are findings to link to."""
    return ChannelOutputs(view={"obligations_url": FOLDER} if build.site.checked.get(NAME) is not None else {})


CHANNEL = Channel(NAME, check=check_obligations, start=start)
