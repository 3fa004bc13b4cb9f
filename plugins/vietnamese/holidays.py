"""Public holidays and working days, from versioned data (`data/ngay-nghi-le.yml`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data" / "ngay-nghi-le.yml"


@dataclass(frozen=True)
class Calendar:
    holidays: dict[dt.date, str]  # date -> name

    def with_extra(self, dates: Iterable[dt.date], name: str = "Ngày nghỉ của địa phương") -> Calendar:
        return Calendar(self.holidays | dict.fromkeys(dates, name))

    def is_working_day(self, day: dt.date) -> bool:
        return day.weekday() < 5 and day not in self.holidays

    def next_working_day(self, day: dt.date) -> dt.date:
        while not self.is_working_day(day):
            day += dt.timedelta(days=1)
        return day

    def add_working_days(self, day: dt.date, count: int) -> dt.date:
        """The `count`-th working day after `day` ("05 ngày làm việc kể từ ngày ...")."""
        while count:
            day += dt.timedelta(days=1)
            count -= self.is_working_day(day)
        return day

    def working_days_before(self, start: dt.date, end: dt.date) -> int:
        """Working days from `start` (included) to `end` (excluded)."""
        return sum(1 for n in range((end - start).days) if self.is_working_day(start + dt.timedelta(days=n)))


@cache
def official_calendar(path: Path = DATA) -> Calendar:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    holidays: dict[dt.date, str] = {}
    for entries in data["years"].values():
        for entry in entries:
            first = entry.get("date") or entry["from"]
            last = entry.get("date") or entry["to"]
            for n in range((last - first).days + 1):
                holidays[first + dt.timedelta(days=n)] = entry["name"]
    return Calendar(holidays)
