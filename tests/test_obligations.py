"""The year's obligations: the rules file and its errors, each status worked out for a generated year of
disclosures, on the page, in the data package, in the portal's table, and remade only when it changes."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plugins.disclosures.day import BuildDay, same_answers
from plugins.disclosures.kinds import KINDS
from plugins.obligations.assess import Facts, Status, assess_year
from plugins.obligations.check import _choices
from plugins.obligations.rules import NATIONAL, load_rules, merged
from plugins.province.build import Result, write_portal
from plugins.vietnamese.holidays import official_calendar
from tests.conftest import ROOT, build, ckx, soup

TODAY = "2026-12-06"
SAMPLE = ROOT / "content"
BUDGET = SAMPLE / "disclosures" / "2026" / "du-toan-ngan-sach-2026"
POVERTY = SAMPLE / "disclosures" / "2026" / "ra-soat-ho-ngheo-2026"


def rules_of(text: str, file: str = "nghia-vu.yml"):
    return load_rules(text, file, *_choices(KINDS))


def test_the_projects_rules_read_without_a_problem():
    rules, issues = rules_of(NATIONAL.read_text(encoding="utf-8"))
    assert issues == []
    assert {"ngan-sach-du-toan", "ngan-sach-thuc-hien-ky", "ra-soat-ho-ngheo", "doc-tren-loa", "du-thao-quy-uoc",
            "niem-yet-toi-thieu"} <= {r.id for r in rules}
    assert all(r.level in ("verified", "secondary", "unverified") and r.basis for r in rules)


BAD_RULES = """\
version: 1
rules:
  - id: quy-dinh-tinh
    title: Công khai quỹ
    kinds: [quy]
    every: year
    due: {on: "31/02"}
    basis: Quyết định của tỉnh
    status: verified
  - id: quy-dinh-tinh
    title: Lặp mã
    kinds: [budget]
    every: disclosure
    min_posting: {days: 10}
    basis: x
    status: verified
  - id: khong-han
    title: Không có hạn
    kinds: [budget]
    every: periods
    periods: [q1]
    since: 2026-13-01
    basis: x
    status: chac-chan
"""


def test_a_bad_rules_file_names_each_line_in_vietnamese():
    rules, issues = rules_of(BAD_RULES)
    found = {(i.line, i.code) for i in issues}
    assert (5, "gia-tri-khong-hop-le") in found  # kinds: [quy]
    assert (7, "ngay-khong-hop-le") in found  # 31/02
    assert (10, "khoa-trung") in found  # the same id twice
    assert (22, "ngay-khong-hop-le") in found  # month 13
    assert (24, "gia-tri-khong-hop-le") in found  # status: chac-chan
    assert (7, "thieu-khoa") not in found  # the refused date says it once: no second message that it is missing
    assert any(i.code == "thieu-khoa" and "không có hạn" in i.message for i in issues)
    assert all(i.file == "nghia-vu.yml" for i in issues)
    assert rules == []
    for issue in issues:
        assert issue.message and issue.hint and not issue.message.isascii()


def test_a_communes_rules_replace_add_and_switch_off():
    national, _ = rules_of(NATIONAL.read_text(encoding="utf-8"))
    local, issues = rules_of("""\
rules:
  - {id: ket-qua-thu-tuc-hanh-chinh, off: true}
  - id: ngan-sach-thuc-hien-ky
    title: Tình hình thực hiện dự toán ngân sách {ky}
    kinds: [budget]
    stages: [q1, q2, h1, q3]
    every: periods
    periods: [q1, h1, 9m]
    due: {after: period_end, days: 10}
    basis: Quyết định của Ủy ban nhân dân tỉnh
    status: verified
""")
    assert issues == []
    rules = {r.id: r for r in merged(national, local)}
    assert "ket-qua-thu-tuc-hanh-chinh" not in rules
    assert rules["ngan-sach-thuc-hien-ky"].within.count == 10


def facts(source, title, kind, posting, places=("commune-hq", "website"), stage=None, period=None, decided=None):
    start, end = (dt.date.fromisoformat(d) for d in posting)
    year = start.year
    return Facts(source, f"cong-khai/{source}/", title, kind, stage, period or (dt.date(year, 1, 1), dt.date(year, 12, 31)),
                 start, (start, end), places, {"decided": decided and dt.date.fromisoformat(decided)})


def a_year() -> list[Facts]:
    """A year that meets some obligations on time, some late, one not at all, one posting too short, one
    without its loudspeaker days, and one not due yet (on 6 December 2026)."""
    q1 = (dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    return [
        facts("du-toan", "Dự toán năm 2026", "budget", ("2026-01-06", "2026-02-05"), stage="approved",
              decided="2025-12-20"),
        facts("quy-1", "Thực hiện quý I năm 2026", "budget", ("2026-04-25", "2026-05-25"), stage="q1", period=q1),
        facts("quy-uoc", "Dự thảo quy ước thôn Đông", "notice", ("2026-11-01", "2026-11-20"), places=("dong",)),
        facts("ho-ngheo", "Rà soát hộ nghèo năm 2026", "poverty", ("2026-11-18", "2026-11-24"),
              places=("commune-hq", "all-villages", "website")),
    ]


def test_each_status_of_a_year():
    """A year that meets some obligations on time, some late, one not at all, one posting too short, one
    without its loudspeaker days, and one not due yet."""
    rules, _ = rules_of(NATIONAL.read_text(encoding="utf-8"))
    year = a_year()
    report = assess_year(rules, year, 2026, dt.date(2026, 12, 6), official_calendar(), ["dong"])
    by_title = {f.title: f for f in report.findings if not f.each}
    each = {(f.rule, f.title): f for f in report.findings if f.each}
    assert by_title["Dự toán ngân sách năm 2026 được Hội đồng nhân dân xã quyết định"].status is Status.MET
    late = by_title["Tình hình thực hiện dự toán ngân sách quý I năm 2026"]
    assert (late.status, late.late_days, late.label) == (Status.LATE, 10, "Trễ 10 ngày")
    assert by_title["Tình hình thực hiện dự toán ngân sách 6 tháng đầu năm 2026"].status is Status.MISSING
    assert by_title["Dự toán ngân sách năm 2027 trình Hội đồng nhân dân xã"].status is Status.NOT_DUE
    short = each[("du-thao-quy-uoc", "Dự thảo quy ước thôn Đông")]
    assert short.status is Status.SHORT and "cần ít nhất 30 ngày" in short.notes[0]
    silent = each[("doc-tren-loa", "Rà soát hộ nghèo năm 2026")]
    assert silent.status is Status.NO_CHANNEL and "loa truyền thanh" in silent.notes[0]
    assert report.counts["thieu"] >= 1 and report.counts["tre-han"] == 1
    # the quy ước's fallback minimum does not apply twice: its own rule sets one
    assert ("niem-yet-toi-thieu", "Dự thảo quy ước thôn Đông") not in each
    # a day later nothing changes but what a day does not change: same findings
    assert assess_year(rules, year, 2026, dt.date(2026, 12, 7), official_calendar(), ["dong"]) == report


def test_a_deadline_counts_working_days_and_holidays():
    """The draft estimate is due five working days after it is sent: over a weekend and Tết Dương lịch."""
    rules, _ = rules_of(NATIONAL.read_text(encoding="utf-8"))
    draft = Facts("du-thao", "cong-khai/du-thao/", "Dự thảo dự toán năm 2027", "budget", "draft",
                  (dt.date(2027, 1, 1), dt.date(2027, 12, 31)), dt.date(2026, 12, 28),
                  (dt.date(2027, 1, 6), dt.date(2027, 2, 6)), ("commune-hq",),
                  {"submitted": dt.date(2026, 12, 30)})
    report = assess_year(rules, [draft], 2026, dt.date(2027, 1, 10), official_calendar())
    finding = next(f for f in report.findings if f.rule == "ngan-sach-du-thao")
    # 31/12 (Thu), 02/01 (Fri), 05/01, 06/01, 07/01: 01/01 is a holiday, 03–04/01 a weekend
    assert finding.due == dt.date(2027, 1, 7)
    assert finding.status is Status.MET


def _bundle(content: Path, folder: str, front: str, source: Path | None = None) -> None:
    target = content / "disclosures" / "2026" / folder
    if source is not None:
        shutil.copytree(source, target)
    else:
        target.mkdir(parents=True)
    body = "Nội dung công khai theo quy định."
    (target / "index.md").write_text(f"---\n{front}---\n{body}\n", encoding="utf-8")


BUDGET_TABLES = """tables:
  - {file: thu.csv, role: revenue}
  - {file: chi.csv, role: expenditure}
"""


@pytest.fixture(scope="module")
def year_site(tmp_path_factory) -> tuple[Path, Path]:
    """A commune's 2026 built on 06/12/2026: (content, output)."""
    work = tmp_path_factory.mktemp("nghia-vu")
    content = work / "content"
    content.mkdir()
    shutil.copy(SAMPLE / "commune.yml", content / "commune.yml")
    _bundle(content, "du-toan", "title: Công khai dự toán ngân sách năm 2026 đã được Hội đồng nhân dân xã quyết định\n"
            "kind: budget\nstage: approved\nunit: triệu đồng\nissued: 2026-01-05\nlegal_basis:\n"
            "  - Nghị quyết số 18/NQ-HĐND ngày 20/12/2025 của Hội đồng nhân dân xã\n"
            "posting: {from: 2026-01-06, to: 2026-02-05, places: [commune-hq, all-villages, website]}\n"
            + BUDGET_TABLES, BUDGET)
    _bundle(content, "quy-1", "title: Công khai tình hình thực hiện ngân sách quý I năm 2026\nkind: budget\nstage: q1\nunit: triệu đồng\n"
            "issued: 2026-04-24\nposting: {from: 2026-04-25, to: 2026-05-25, places: [commune-hq, website]}\n"
            + BUDGET_TABLES, BUDGET)
    _bundle(content, "quy-uoc", "title: Niêm yết dự thảo quy ước Thôn Đông\nkind: notice\nissued: 2026-10-30\n"
            "posting: {from: 2026-11-01, to: 2026-11-20, places: [thon-dong, website]}\n")
    poverty = (POVERTY / "index.md").read_text(encoding="utf-8").split("---\n")[1]
    _bundle(content, "ho-ngheo", poverty.replace("places: [commune-hq, all-villages, website, loudspeaker]",
                                                 "places: [commune-hq, all-villages, website]"), POVERTY)
    output = work / "xa-mau"
    result = build(content, output, build_date=TODAY)
    assert result.returncode == 0, result.stderr
    return content, output


STATUSES = {
    "Dự toán ngân sách năm 2026 được Hội đồng nhân dân xã quyết định": ("dat", "Đúng hạn"),
    "Tình hình thực hiện dự toán ngân sách quý I năm 2026": ("tre-han", "Trễ 10 ngày"),
    "Tình hình thực hiện dự toán ngân sách 6 tháng đầu năm 2026": ("thieu", "Thiếu"),
    "Dự toán ngân sách năm 2027 trình Hội đồng nhân dân xã": ("chua-den-han", "Chưa đến hạn"),
    "Niêm yết dự thảo quy ước Thôn Đông": ("chua-du-ngay", "Niêm yết chưa đủ ngày"),
    "Niêm yết công khai kết quả rà soát hộ nghèo, hộ cận nghèo năm 2026": ("thieu-kenh", "Thiếu kênh"),
}


def test_each_status_on_the_page(year_site):
    _content, output = year_site
    page = soup(output / "nghia-vu" / "2026" / "index.html")
    shown = {}
    for item in page.select(".ckx-obligations__item"):
        title = item.select_one(".ckx-obligations__title").get_text(" ", strip=True)
        tag = item.select_one(".ckx-tag")
        shown.setdefault(title, set()).add((tag["class"][-1].removeprefix("ckx-tag--nv-"), tag.get_text(strip=True)))
    for title, status in STATUSES.items():
        assert status in shown[title], (title, shown.get(title))
    assert page.find("html")["lang"] == "vi"
    home, footer = soup(output / "index.html"), soup(output / "cong-khai" / "index.html").select_one("footer")
    assert home.select_one('a[href$="/nghia-vu/"]') and footer.select_one('a[href$="/nghia-vu/"]')
    assert "Theo nguồn thứ cấp" in page.get_text() and "Chưa đối chiếu" in page.get_text()


def test_each_status_in_the_data_package(year_site):
    _content, output = year_site
    folder = output / "nghia-vu" / "2026"
    rows = list(csv.DictReader(io.StringIO((folder / "nghia-vu.csv").read_text(encoding="utf-8-sig"))))
    statuses = {(r["Nghĩa vụ"], r["Mã tình trạng"]) for r in rows}
    for title, (status, _label) in STATUSES.items():
        assert (title, status) in statuses
    late = next(r for r in rows if r["Mã tình trạng"] == "tre-han")
    assert late["Số ngày trễ"] == "10" and late["Hạn"] == "2026-04-15"
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    fields = [f["name"] for f in package["resources"][0]["schema"]["fields"]]
    assert list(rows[0]) == fields


def test_the_calendar_lists_the_coming_deadlines(year_site):
    import icalendar

    _content, output = year_site
    calendar = icalendar.Calendar.from_ical((output / "nghia-vu" / "han-cong-khai.ics").read_bytes())
    events = {str(e["summary"]): e.decoded("dtstart") for e in calendar.walk("VEVENT")}
    assert events["Hạn công khai: Dự toán ngân sách năm 2027 trình Hội đồng nhân dân xã"] == dt.date(2026, 12, 31)
    assert not any("quý I năm 2026" in s for s in events)  # met, late or not: no longer a deadline to keep


def test_the_portal_tables_every_commune_against_every_obligation(year_site, tmp_path):
    _content, output = year_site
    portal = tmp_path / "cong"
    shutil.copytree(output, portal / "xa-mau", symlinks=True)
    counts = json.loads((output / "nghia-vu" / "2026" / "nghia-vu.json").read_text(encoding="utf-8"))["counts"]
    write_portal([Result("xa-mau", "Xã Hòa An", "content", True, 1.0, "", published=True)], portal,
                 dt.date.fromisoformat(TODAY))
    for order in ("", "theo-thieu/", "theo-tre-han/", "theo-ty-le-dat/"):
        page = soup(portal / "nghia-vu" / order / "index.html")
        table = page.select_one("table")
        headers = [th.get_text(strip=True) for th in table.select("thead th")]
        row = table.select_one("tbody tr")
        cells = dict(zip(headers[1:], [td.get_text(" ", strip=True) for td in row.select("td")], strict=True))
        assert cells["Thiếu"] == str(counts["thieu"]) and cells["Trễ hạn"] == "1" == str(counts["tre-han"])
        assert cells["Tình hình thực hiện dự toán ngân sách quý I năm 2026"] == "Trễ 10 ngày"
        assert cells["Tình hình thực hiện dự toán ngân sách 6 tháng đầu năm 2026"] == "Thiếu"
        assert row.select_one('a[href$="xa-mau/nghia-vu/2026/"]')


def test_validate_warns_of_what_is_late_and_what_falls_due(year_site):
    content, _output = year_site
    result = ckx("validate", "--content", str(content), build_date="2026-12-20")
    assert result.returncode == 0, result.stderr
    assert "[nghia-vu-qua-han]" in result.stderr and "6 tháng đầu năm 2026" in result.stderr
    assert "[nghia-vu-sap-den-han]" in result.stderr and "Dự toán ngân sách năm 2027" in result.stderr


def test_a_broken_communes_rules_file_is_named_and_the_national_rules_stand(year_site, tmp_path):
    content, _output = year_site
    broken = tmp_path / "content"
    shutil.copytree(content, broken)
    (broken / "nghia-vu.yml").write_text("rules:\n  - id: x\n    title: Quỹ\n    kinds: [quy]\n    every: year\n"
                                         '    due: {on: "14/12"}\n    basis: x\n    status: verified\n', encoding="utf-8")
    result = ckx("validate", "--content", str(broken), build_date=TODAY)
    assert result.returncode == 1
    assert "nghia-vu.yml:4 LỖI [gia-tri-khong-hop-le]" in result.stderr
    output = tmp_path / "out"
    built = build(broken, output, build_date=TODAY)
    assert built.returncode == 1  # published, and the alarm raised
    assert (output / "nghia-vu" / "2026" / "index.html").exists()
    assert "nghia-vu.yml" in (tmp_path / "out-bao-cao" / "bao-cao.txt").read_text(encoding="utf-8")


def test_the_year_page_is_remade_only_when_what_it_says_changes(year_site, tmp_path):
    content, _output = year_site
    output, cache = tmp_path / "out", str(tmp_path / "cache")  # its own store: no other test's build touches it
    page = output / "nghia-vu" / "2026" / "index.html"

    def build_on(day: str):
        return ckx("build", "--content", str(content), "--output", str(output), build_date=day, cache=cache)

    assert build_on("2026-12-06").returncode == 0
    first = page.stat().st_ino
    assert build_on("2026-12-07").returncode == 0
    assert page.stat().st_ino == first  # carried over: nothing it says changed
    assert build_on("2027-01-16").returncode == 0
    assert page.stat().st_ino != first  # the fourth quarter's deadline passed
    assert "Quá hạn 15/01/2027" in page.read_text(encoding="utf-8")


def test_the_print_view_is_the_committees_report_with_every_obligation(year_site):
    _content, output = year_site
    sheet = soup(output / "nghia-vu" / "2026" / "in" / "index.html")
    assert [p.get_text() for p in sheet.select(".ckx-sheet__issuer-line")] == ["ỦY BAN NHÂN DÂN", "XÃ HÒA AN"]
    assert sheet.select_one(".ckx-sheet__type").get_text() == "BÁO CÁO"
    page = soup(output / "nghia-vu" / "2026" / "index.html")
    assert len(sheet.select("tbody tr")) == len(page.select(".ckx-obligations__item"))
    assert not sheet.find("script")


def test_a_posting_short_of_two_obligations_is_one_warning(year_site, tmp_path):
    content, _output = year_site
    changed = tmp_path / "content"
    shutil.copytree(content, changed)
    index = changed / "disclosures" / "2026" / "ho-ngheo" / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("to: 2026-11-24", "to: 2026-11-18"), encoding="utf-8")
    result = ckx("validate", "--content", str(changed), build_date="2026-11-10")
    lines = [line for line in result.stderr.splitlines()
             if "[nghia-vu-niem-yet-chua-dat]" in line and line.startswith("disclosures/2026/ho-ngheo/")]
    assert len(lines) == 1, result.stderr
    assert "03 ngày làm việc" in lines[0] and "loa truyền thanh" in lines[0]


def test_a_rules_file_past_its_limit_is_refused_with_the_limit():
    from plugins.obligations.rules import MAX_RULES

    text = "rules:\n" + "".join(f"  - {{id: r{i}, title: t, kinds: [budget], every: year, due: {{on: '14/12'}}, "
                                f"basis: b, status: verified}}\n" for i in range(MAX_RULES + 1))
    rules, issues = rules_of(text)
    assert rules == [] and [i.code for i in issues] == ["tep-qua-lon"] and "201 quy tắc" in issues[0].message


def test_a_rebuild_assesses_a_year_again_only_when_a_date_place_or_its_statuses_change(tmp_path, monkeypatch):
    """Each year's report is kept by what it is worked out from and what it asked of the date
    (check.check_obligations): an edit to an explanation assesses nothing and gives the same reports,
    fingerprints and warnings; a later day does not assess a year whose every deadline and posting start has
    passed, and gives what a load without a store gives; a posting's new end assesses every year again."""
    import plugins.obligations.check as check
    from plugins.disclosures.site import load_site
    from plugins.obligations.check import facts_of

    content, store = tmp_path / "content", tmp_path / "store"
    shutil.copytree(SAMPLE, content)
    assessed = []
    original = check._assessed
    monkeypatch.setattr(check, "_assessed", lambda assessment, year, day: assessed.append((year, day.date))
                        or original(assessment, year, day))
    day = dt.date(2026, 11, 21)

    def loaded(on=day, store=store):
        site = load_site(content, KINDS, on, cache_folder=store)
        return site.checked[check.NAME], [i for i in site.issues if i.code.startswith("nghia-vu")]

    first, first_issues = loaded()
    assert assessed == [(2026, day), (2025, day)]
    notice = content / "disclosures" / "2026" / "quy-uoc-thon-dong-ben" / "index.md"
    notice.write_text(notice.read_text(encoding="utf-8") + "\nMột câu giải thích thêm.\n", encoding="utf-8")
    told = []  # what the obligations read of a disclosure is kept by what it was loaded from
    monkeypatch.setattr(check, "facts_of", lambda d, kinds: told.append(d.source_dir) or facts_of(d, kinds))
    [reports_file] = store.rglob("kiem-tra.pickle")
    written = reports_file.stat().st_mtime_ns, reports_file.stat().st_ino
    again, again_issues = loaded()
    assert told == ["disclosures/2026/quy-uoc-thon-dong-ben"]
    # apart from the reports (KeptValues.apart), which are not written again
    assert (reports_file.stat().st_mtime_ns, reports_file.stat().st_ino) == written
    assert reports_file.with_name("kiem-tra.du-kien.pickle").is_file()
    assert len(assessed) == 2 and again.reports == first.reports and again_issues == first_issues
    assert all("_fingerprint" in vars(r) for r in again.reports)  # kept with it: its findings are not walked again
    assert [r.__fingerprint__() for r in again.reports] == [r.__fingerprint__() for r in first.reports]
    assert first_issues, "the sample has something to act on"
    for on in (day + dt.timedelta(days=1), day + dt.timedelta(days=2), day + dt.timedelta(days=45)):
        del assessed[:]
        kept = loaded(on)
        assert 2025 not in [year for year, _ in assessed], "a year whose every deadline has passed is kept"
        assert kept == loaded(on, store=None)
    del assessed[:]
    notice.write_text(notice.read_text(encoding="utf-8").replace("to: 2026-12-16", "to: 2026-11-20"), encoding="utf-8")
    for on in (day, day + dt.timedelta(days=1)):
        kept = loaded(on)
        assert kept == loaded(on, store=None)
        assert kept[0].reports != first.reports  # the posting now ends before the obligation's minimum
    years = [year for year, _ in assessed]  # from the store's side, then without one, on each date
    assert years[:4] == [2026, 2025, 2026, 2025] and years[-2:] == [2026, 2025] and 2025 not in years[4:-2]


@given(asked=st.dates(dt.date(2025, 6, 1), dt.date(2027, 6, 1)), later=st.dates(dt.date(2025, 6, 1), dt.date(2027, 6, 1)))
@settings(max_examples=150, deadline=None)
def test_a_years_report_holds_on_every_date_that_answers_its_date_questions_the_same(asked, later):
    """The assessment compares the date only through the questions it asks (assess.py): a report kept on one
    date is the report of any other date with the same answers, or the kept one would be wrong."""
    rules, _ = rules_of(NATIONAL.read_text(encoding="utf-8"))
    year = a_year()
    day = BuildDay(asked)
    report = assess_year(rules, year, 2026, day, official_calendar(), ["dong"])
    assert day.questions, "the assessment asks the date"
    if same_answers(day.questions, later):
        assert assess_year(rules, year, 2026, later, official_calendar(), ["dong"]) == report
