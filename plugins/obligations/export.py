"""A year's obligations as files: JSON for the province portal, a data package (CSV and datapackage.json) for
reusers, and an iCalendar feed of the coming deadlines for the officers' phones. Deterministic bytes."""

from __future__ import annotations

import datetime as dt
import json

from plugins.obligations.assess import Finding, YearReport
from plugins.obligations.rules import LEVELS
from plugins.open_data.package import PACKAGE_FILE, Field, Resource, package_files

CSV_FILE = "nghia-vu.csv"
PACKAGE_FILES = (CSV_FILE, PACKAGE_FILE)
FIELDS = (
    Field("Mã nghĩa vụ", description="Mã của quy tắc (plugins/obligations/data/nghia-vu.yml hoặc content/nghia-vu.yml)."),
    Field("Nghĩa vụ", required=True),
    Field("Yêu cầu"),
    Field("Hạn", "date"),
    Field("Mã tình trạng", required=True, description="dat, chua-den-han, chua-ro-han, thieu-kenh, chua-du-ngay, "
                                                       "tre-han, thieu."),
    Field("Tình trạng", required=True),
    Field("Số ngày trễ", "integer"),
    Field("Ghi chú"),
    Field("Văn bản"),
    Field("Địa chỉ văn bản"),
    Field("Ngày công khai", "date"),
    Field("Căn cứ"),
    Field("Mức độ đối chiếu"),
)


def _row(finding: Finding, site_url: str) -> list:
    first = finding.met_by[0] if finding.met_by else None
    return [finding.rule, finding.title, finding.requirement, finding.due, finding.status.value, finding.label,
            finding.late_days or None, " ".join(finding.notes), first.title if first else None,
            f"{site_url}{first.url}" if first else None, first.disclosed if first else None, finding.basis,
            LEVELS[finding.level]]


def package(report: YearReport, commune, folder: str, license_) -> dict[str, bytes]:
    """File name -> bytes: `nghia-vu.csv` and its `datapackage.json`."""
    site_url = f"{commune.site_url.rstrip('/')}/" if commune.site_url else ""
    resource = Resource("nghia-vu", f"Nghĩa vụ công khai năm {report.year}", FIELDS,
                        lambda: [_row(f, site_url) for f in report.findings],
                        description="Mỗi dòng một nghĩa vụ công khai của năm và văn bản đáp ứng nó (nếu có).")
    meta = {"title": f"Tình hình thực hiện nghĩa vụ công khai năm {report.year} – {commune.full_name}",
            "issued": dt.date(report.year, 1, 1), "page": f"{site_url}{folder}", "issuer": commune.people_committee,
            "legal_basis": sorted({f.basis for f in report.findings}), "keywords": ["nghĩa vụ công khai", str(report.year)]}
    return package_files(f"nghia-vu-{report.year}", meta, [resource], license_)


def findings_json(report: YearReport, commune) -> bytes:
    """`nghia-vu.json`: what the province portal tables, one commune against every obligation of the year."""
    document = {
        "year": report.year,
        "commune": {"name": commune.full_name, "code": commune.code},
        "counts": dict(report.counts),
        "findings": [{
            "rule": f.rule, "obligation": f.obligation, "each": f.each,
            "title": f.title, "status": f.status.value, "label": f.label,
            "due": f.due.isoformat() if f.due else None, "late_days": f.late_days, "notes": list(f.notes),
            "level": f.level, "basis": f.basis,
            "disclosures": [{"title": m.title, "page": m.url, "disclosed": m.disclosed.isoformat()} for m in f.met_by],
        } for f in report.findings],
    }
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def calendar_bytes(coming: list[tuple[int, Finding]], commune) -> bytes:
    """One all-day event per deadline not yet met, on its day; stable UIDs, so a phone updates, never doubles.
    icalendar is imported here, as for the schedules' calendars (plugins/schedule/ical.py): at the top it
    cost every command 20 ms, a build where no deadline changed included."""
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Cong khai xa//Han cong khai//VI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"Hạn công khai – {commune.full_name}")
    site_url = f"{commune.site_url.rstrip('/')}/" if commune.site_url else ""
    for year, finding in sorted(coming, key=lambda pair: (pair[1].due, pair[1].title)):
        event = icalendar.Event()
        event.add("uid", f"{finding.rule}-{finding.due:%Y%m%d}@xa-{commune.code}.han-cong-khai")
        event.add("dtstamp", dt.datetime.combine(dt.date(year, 1, 1), dt.time(0, 0), tzinfo=dt.UTC))
        event.add("dtstart", finding.due)
        event.add("dtend", finding.due + dt.timedelta(days=1))
        event.add("summary", f"Hạn công khai: {finding.title}")
        event.add("description", "\n".join([finding.requirement, *finding.notes, f"Căn cứ: {finding.basis}"]))
        if site_url:
            event.add("url", f"{site_url}nghia-vu/{year}/")
        calendar.add_component(event)
    return calendar.to_ical()
