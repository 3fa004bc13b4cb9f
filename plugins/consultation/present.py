"""Where a consultation stands on a date, in words: before, during ("còn N ngày để góp ý"), after without
an outcome ("đang tổng hợp ý kiến"), and with its outcome."""

from __future__ import annotations

import datetime as dt

from plugins.vietnamese.format import number, short_date

UPCOMING, OPEN, COLLATING, DONE = "sap-lay-y-kien", "dang-lay-y-kien", "dang-tong-hop", "da-co-ket-qua"


def phase(data, today: dt.date) -> str:
    if data.outcomes:
        return DONE
    if data.start and today < data.start:
        return UPCOMING
    if data.end and today > data.end:
        return COLLATING
    return OPEN


def days_left(data, today: dt.date) -> int:
    """Days to comment, today included: 1 on the last day."""
    return (data.end - today).days + 1 if data.end else 0


def status_text(data, today: dt.date) -> str:
    """The one sentence the page, the sheet, the home page and the share picture give."""
    current = phase(data, today)
    until = f"đến hết ngày {short_date(data.end)}" if data.end else ""
    if current == UPCOMING:
        return f"Lấy ý kiến Nhân dân từ ngày {short_date(data.start)} {until}."
    if current == OPEN:
        left = days_left(data, today)
        return (f"Hôm nay là ngày cuối để góp ý ({until})." if left == 1
                else f"Còn {number(left)} ngày để góp ý ({until}).")
    if current == COLLATING:
        return "Đã hết thời gian góp ý; Ủy ban nhân dân đang tổng hợp ý kiến."
    total = data.comment_count
    return (f"Đã tiếp thu, giải trình {number(total)} ý kiến của Nhân dân." if total
            else "Đã có kết quả tiếp thu, giải trình ý kiến của Nhân dân.")


def key_figure(data, day) -> str | None:
    """Its status sentence, which counts the days left: tied to the build date (day.py)."""
    return status_text(data, day.today)


def read_aloud(data, _today) -> list[str]:
    """The period and how to comment: what a listener must remember."""
    sentences = []
    if data.start and data.end:
        sentences.append(f"Thời gian lấy ý kiến từ ngày {short_date(data.start)} đến hết ngày {short_date(data.end)}.")
    if data.ways:
        sentences.append("Nhân dân góp ý " + ", ".join(data.ways) + ".")
    if data.send_to:
        sentences.append(f"Ý kiến gửi về {data.send_to.rstrip('.')}.")
    return sentences


def open_consultations(disclosures, today):
    """The home page's block: every consultation still to come or open on the date, the soonest end first."""
    entries = [(d, status_text(d.shown.data, today)) for d in disclosures
               if d.shown.data and phase(d.shown.data, today) in (UPCOMING, OPEN)]
    return sorted(entries, key=lambda e: (e[0].shown.data.end or dt.date.max, e[0].source_dir))
