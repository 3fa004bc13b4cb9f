"""The schedule kind: citizen reception and meetings, with calendar feeds (design §2, domain §5)."""

from __future__ import annotations

from plugins.disclosures.kinds import Download, Exports, Kind, Setting, Shows, Tables
from plugins.open_data.package import Field, Resource
from plugins.schedule.ical import calendar_bytes, calendar_of_events, event_bytes
from plugins.schedule.load import load_schedule
from plugins.schedule.present import key_figure, read_aloud
from plugins.schedule.schema import HOLIDAYS, RECURRING, SESSIONS_TABLE, hours_problem

UPCOMING_ON_HOME = 5


def schedule_downloads(disclosure, data) -> list[Download]:
    commune = data.commune
    content = calendar_bytes(disclosure.title, data.pairs(disclosure), commune, commune.site_url or "")
    return [Download("lich.ics", "Lịch để thêm vào điện thoại (iCalendar)", content)]


SESSION_FIELDS = (Field("Ngày", "date", required=True), Field("Bắt đầu", "time"), Field("Kết thúc", "time"),
                  Field("Nội dung"), Field("Địa điểm"), Field("Người chủ trì"), Field("Thành phần"),
                  Field("Ghi chú", description="Ngày lễ, Tết mà buổi này được dời khỏi."))


def schedule_datasets(disclosure, data) -> list[Resource]:
    """Every session, the weekly rule's too (holidays already moved), as the page lists them."""
    return [Resource("lich", "Các buổi tiếp công dân, cuộc họp", SESSION_FIELDS, lambda: (
        (s.date, s.start, s.end, s.content, s.place, s.host, s.attendees,
         f"Dời từ ngày {s.shifted_from:%d/%m/%Y} ({s.holiday})" if s.shifted_from else None)
        for s in data.sessions))]


def commune_calendar(disclosures, commune, kept) -> list[Download]:
    """Every session of every schedule, in the order of their days and hours. Each schedule's events are kept
    as its last build wrote them (`kept`): icalendar took 0.3 s for the 864 events of the bench's commune, on
    the build's own thread beside Pagefind, after any edit to any schedule."""
    site_url = commune.site_url or ""

    def events_of(d) -> list[tuple[tuple, bytes]]:
        return [((s.date, s.start), event_bytes(d, s, commune, site_url)) for _d, s in d.shown.data.pairs(d)]

    events = [event for d in disclosures if d.shown.data for event in kept(d, lambda d=d: events_of(d))]
    events.sort(key=lambda e: e[0])  # stable: a day's sessions stay in the order of the schedules and their rows
    content = calendar_of_events(f"Lịch công khai – Ủy ban nhân dân {commune.in_sentence}", [e for _, e in events])
    return [Download("lich.ics", "Toàn bộ lịch của xã (iCalendar)", content)]


def upcoming_sessions(disclosures, today):
    entries = [(d, s) for d in disclosures if d.shown.data for s in d.shown.data.upcoming(today)]
    return sorted(entries, key=lambda e: (e[1].date, e[1].start))[:UPCOMING_ON_HOME]


SCHEDULE = Kind(
    id="schedule",
    label="Lịch tiếp công dân, lịch họp",
    slug="lich",
    description="Lịch tiếp công dân của Chủ tịch Ủy ban nhân dân và lịch các cuộc họp, hội nghị.",
    front_keys={"recurring": RECURRING, "holidays": HOLIDAYS},
    settings={"min_notice_working_days": Setting(5, "số ngày làm việc tối thiểu giữa ngày niêm yết và buổi đầu tiên"),
              "reception_hours": Setting("07:30-11:30, 13:00-17:00",
                                         "giờ của các buổi khi bảng chỉ ghi ngày (bảng tháng của lịch tiếp công dân)",
                                         check=hours_problem)},
    default_posting_days=90,  # a quarter's reception schedule
    order=40,
    issue_codes=("gio-ket-thuc-truoc-bat-dau", "lich-ngoai-thoi-gian-niem-yet", "niem-yet-chua-du-ngay",
                 "gia-tri-khong-hop-le", "thieu-khoa", "ngay-khong-hop-le"),
    tables=Tables(
        schema=SESSIONS_TABLE,
        load=load_schedule,
    ),
    shows=Shows(
        key_figure=key_figure,
        read_aloud=read_aloud,
        home_data=upcoming_sessions,
    ),
    exports=Exports(
        downloads=schedule_downloads,
        datasets=schedule_datasets,
        site_files=commune_calendar,
    ),
)
