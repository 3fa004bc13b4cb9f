"""Schedules: weekly rule with holiday shifts, table sessions, notice checks, iCalendar feeds."""

import datetime as dt
from types import SimpleNamespace

import icalendar
import pytest

from plugins.schedule import ical
from plugins.vietnamese.holidays import official_calendar
from tests.conftest import FIXTURES, build, ckx, copy_site, soup

SITE = FIXTURES / "sites/xa-lich"
PAGE = "cong-khai/2026/lich-tiep-dan/index.html"
SESSIONS = [  # Thursdays from 20/4, the 30/4 holiday moved to Monday 4/5, and the two meetings
    (dt.date(2026, 4, 23), "Tiếp công dân định kỳ"),
    (dt.date(2026, 4, 25), "Họp dân Thôn 1 về làm đường"),
    (dt.date(2026, 5, 4), "Tiếp công dân định kỳ"),
    (dt.date(2026, 5, 7), "Tiếp công dân định kỳ"),
    (dt.date(2026, 5, 8), "Họp dân Thôn 2"),
]


def test_holidays_and_working_days():
    calendar = official_calendar()
    assert calendar.next_working_day(dt.date(2026, 4, 30)) == dt.date(2026, 5, 4)  # 30/4, 1/5, weekend
    assert calendar.next_working_day(dt.date(2026, 2, 17)) == dt.date(2026, 2, 23)  # Tết
    # 27/4 (Giỗ Tổ, moved), 30/4 and 1/5 are holidays, 2-3/5 a weekend: 28/4, 29/4 and 4/5 remain
    assert calendar.working_days_before(dt.date(2026, 4, 27), dt.date(2026, 5, 5)) == 3


def events(path):
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return [(e.decoded("dtstart"), str(e["summary"]), str(e["uid"])) for e in calendar.walk("VEVENT")]


def test_each_session_is_on_the_page_and_one_event_in_each_feed(tmp_path):
    result = build(SITE, tmp_path / "out", build_date="2026-04-21")
    assert result.returncode == 0, result.stderr
    html = soup(tmp_path / "out" / PAGE)
    shown = [(li.select_one("time")["datetime"][:10], li.select_one(".ckx-sessions__what").get_text())
             for li in html.select(".ckx-schedule .ckx-sessions__item")]
    assert shown == [(d.isoformat(), what) for d, what in SESSIONS]
    moved = html.select_one(".ckx-sessions__moved").get_text()
    assert "30/04/2026" in moved and "Ngày Chiến thắng" in moved
    for feed in (tmp_path / "out/cong-khai/2026/lich-tiep-dan/lich.ics", tmp_path / "out/lich.ics"):
        found = events(feed)
        assert [(start.date(), what) for start, what, _ in found] == SESSIONS
        assert found[0][0] == dt.datetime(2026, 4, 23, 7, 30, tzinfo=found[0][0].tzinfo)
        assert str(found[0][0].tzinfo) == "Asia/Ho_Chi_Minh"
        assert len({uid for _, _, uid in found}) == len(SESSIONS)
    home = soup(tmp_path / "out/index.html")
    assert [t["datetime"][:10] for t in home.select("#ckx-lich-sap-toi ~ ul .ckx-sessions__when time")] == [
        "2026-04-23", "2026-04-25", "2026-05-04", "2026-05-07", "2026-05-08"]


def test_feeds_are_the_same_bytes_on_every_build(tmp_path):
    for name in ("a", "b"):
        assert build(SITE, tmp_path / name, build_date="2026-04-21").returncode == 0
    assert (tmp_path / "a/lich.ics").read_bytes() == (tmp_path / "b/lich.ics").read_bytes()


def test_schedule_checks(tmp_path):
    site = copy_site("xa-lich", tmp_path)
    bundle = site / "disclosures/2026/lich-tiep-dan"
    table = bundle / "hop.csv"
    table.write_text(table.read_text(encoding="utf-8").replace("25/04/2026,19:00,21:00", "25/04/2026,19:00,17:00")
                     .replace("08/05/2026", "20/05/2026"), encoding="utf-8")
    index = bundle / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("  from: 2026-04-20\n", ""), encoding="utf-8")
    result = ckx("validate", "--content", str(site))
    assert result.returncode == 1
    assert 'hop.csv:2 LỖI [gio-ket-thuc-truoc-bat-dau] Cột "Kết thúc"' in result.stderr
    assert 'hop.csv:3 CẢNH BÁO [lich-ngoai-thoi-gian-niem-yet] Cột "Ngày"' in result.stderr
    assert ('index.md CẢNH BÁO [niem-yet-chua-du-ngay] Khóa "posting.from": lịch niêm yết từ 13/04/2026, '
            "chỉ 3 ngày làm việc trước buổi đầu tiên (16/04/2026); Luật Tiếp công dân 2013, Điều 24") in result.stderr


def test_bad_weekday_is_reported_on_its_line(tmp_path):
    site = copy_site("xa-lich", tmp_path)
    index = site / "disclosures/2026/lich-tiep-dan/index.md"
    index.write_text(index.read_text(encoding="utf-8").replace("thứ Năm", "thứ Mười"), encoding="utf-8")
    result = ckx("validate", "--content", str(site))
    assert result.returncode == 1
    assert 'index.md:7 LỖI [gia-tri-khong-hop-le] Khóa "recurring.weekday": "thứ Mười"' in result.stderr


@pytest.mark.parametrize(("day", "count", "due"), [
    ("2024-02-07", 5, "2024-02-21"),  # across Tết Giáp Thìn (8-14/2/2024, Thông báo 5015/TB-LĐTBXH)
    ("2024-04-26", 1, "2024-05-02"),  # across 27/4-1/5/2024, Monday 29/4 swapped off
    ("2023-04-28", 1, "2023-05-04"),  # Giỗ Tổ and 30/4 on the weekend of 2023: 2 and 3/5 off
    ("2023-08-31", 1, "2023-09-05"),  # Quốc khánh 2023: 1-4/9
    ("2024-05-03", 1, "2024-05-04"),  # Saturday 4/5/2024 worked in exchange for Monday 29/4 ("làm bù")
    ("2025-04-25", 1, "2025-04-26"),  # Saturday 26/4/2025 worked for Friday 2/5
    ("2025-04-29", 1, "2025-05-05"),  # 30/4-4/5/2025 off, Friday 2/5 swapped
])
def test_past_years_deadlines_count_their_holidays(day, count, due):
    """The working days of a deadline in 2023 and 2024 skip those years' Tết and holidays (the obligations'
    pages of past years), as those of 2025 on do; a Saturday worked in exchange for a weekday off counts."""
    calendar = official_calendar()
    assert calendar.add_working_days(dt.date.fromisoformat(day), count) == dt.date.fromisoformat(due)


def test_a_year_without_holiday_data_is_said_never_counted_silently(tmp_path):
    """Tết moves every year and is listed year by year: a schedule in a year the data does not list yet (and
    the year's obligations) get one warning each instead of working days counted as if there were no Tết."""
    unknown = official_calendar().unknown_years(dt.date(2026, 12, 1), dt.date(2031, 1, 5))
    assert 2026 not in unknown and unknown[-1] == 2031
    site = copy_site("xa-lich", tmp_path)
    bundle = site / "disclosures/2026/lich-tiep-dan"
    for path in (bundle / "index.md", bundle / "hop.csv"):
        path.write_text(path.read_text(encoding="utf-8").replace("2026", "2031"), encoding="utf-8")
    result = ckx("validate", "--content", str(site), build_date="2031-04-21")
    warnings = [line for line in result.stderr.splitlines() if "[thieu-lich-nghi-le]" in line]
    assert len(warnings) == 2, result.stderr
    assert warnings[0].startswith("disclosures/2026/lich-tiep-dan/index.md CẢNH BÁO") and "năm 2031" in warnings[0]
    assert warnings[1].startswith("nghia-vu/2031 CẢNH BÁO") and "ngay-nghi-le.yml" in warnings[1]
    assert ckx("validate", "--content", str(FIXTURES / "sites/xa-lich"), build_date="2026-04-21").stderr.count(
        "[thieu-lich-nghi-le]") == 0


def _session(day: int, content: str, **more):
    values = dict(date=dt.date(2026, 11, day), start=dt.time(7, 30), end=None, content=content, place=None, host=None,
                  attendees=None, shifted_from=None, holiday=None)
    values.update(more)
    return SimpleNamespace(**values, uid=lambda disclosure, code, day=day: f"{code}-{disclosure.url}-{day}@cong-khai")


def test_a_calendar_made_from_its_events_bytes_is_the_calendar_icalendar_writes_whole():
    """The commune's calendar is put together from each schedule's events as an earlier build wrote them
    (schedule.kind.commune_calendar): the same bytes as the calendar icalendar writes with those events in it,
    long Vietnamese lines folded, commas, semicolons and line ends escaped, and with no event at all."""
    disclosure = SimpleNamespace(issued=dt.date(2026, 11, 2), title="Lịch tiếp công dân; quý IV, năm 2026",
                                 url="cong-khai/2026/lich-tiep-cong-dan/")
    commune = SimpleNamespace(code="26734")
    sessions = [_session(5, "Tiếp công dân định kỳ"),
                _session(12, "Họp dân " + "bàn kế hoạch xây dựng đường giao thông nông thôn, " * 6, end=dt.time(11),
                         place="Nhà văn hóa Thôn Phú Sơn; hội trường", host="Chủ tịch Ủy ban nhân dân xã",
                         attendees="Đại diện\\các hộ\ntrong thôn", shifted_from=dt.date(2026, 11, 11),
                         holiday="Ngày lễ")]
    for events in (sessions, []):
        whole = icalendar.Calendar()
        for name, value in (("prodid", "-//Cong khai xa//Lich cong khai//VI"), ("version", "2.0"),
                            ("calscale", "GREGORIAN"), ("x-wr-calname", "Lịch của xã"),
                            ("x-wr-timezone", "Asia/Ho_Chi_Minh")):
            whole.add(name, value)
        made = [ical.event(disclosure, s, commune, "https://xa.example.vn") for s in events]
        for component in made:
            whole.add_component(component)
        if made:
            whole.subcomponents.insert(0, icalendar.Timezone.from_tzid(
                "Asia/Ho_Chi_Minh", first_date=icalendar.Timezone.DEFAULT_FIRST_DATE,
                last_date=icalendar.Timezone.DEFAULT_LAST_DATE))
        assert ical.calendar_of_events("Lịch của xã", [e.to_ical() for e in made]) == whole.to_ical()
        assert ical.calendar_bytes("Lịch của xã", [(disclosure, s) for s in events], commune,
                                   "https://xa.example.vn") == whole.to_ical()
