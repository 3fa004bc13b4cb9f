"""Public holidays and working days, from versioned data (`data/ngay-nghi-le.yml`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from plugins.issues import WARNING, Issue

DATA = Path(__file__).parent / "data" / "ngay-nghi-le.yml"


@dataclass(frozen=True)
class Calendar:
    holidays: dict[dt.date, str]  # date -> name
    years: frozenset[int] = frozenset()  # the years whose holidays the data lists (Tết moves every year)
    # Saturdays worked in exchange for a weekday off ("làm bù", when the Government swaps days to join a
    # holiday to a weekend): working days like any other
    worked_weekends: frozenset[dt.date] = frozenset()

    def with_extra(self, dates: Iterable[dt.date], name: str = "Ngày nghỉ của địa phương") -> Calendar:
        return Calendar(self.holidays | dict.fromkeys(dates, name), self.years, self.worked_weekends)

    def unknown_years(self, first: dt.date, last: dt.date) -> list[int]:
        """The years from `first` to `last` whose holidays the data does not list: there, working days would
        count weekends only, and a session on Tết would not move."""
        return [year for year in range(first.year, last.year + 1) if year not in self.years]

    def is_working_day(self, day: dt.date) -> bool:
        return (day.weekday() < 5 or day in self.worked_weekends) and day not in self.holidays

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
    worked: set[dt.date] = set()
    for entries in data["years"].values():
        for entry in entries:
            first = entry.get("date") or entry["from"]
            last = entry.get("date") or entry["to"]
            for n in range((last - first).days + 1):
                if entry.get("worked"):  # a weekend day worked in exchange ("làm bù")
                    worked.add(first + dt.timedelta(days=n))
                else:
                    holidays[first + dt.timedelta(days=n)] = entry["name"]
    return Calendar(holidays, frozenset(int(year) for year in data["years"]), frozenset(worked))


def unknown_years_issue(years: list[int], file: str, key: str | None = None) -> Issue:
    """One warning for the years `unknown_years` found, where the dates of `file` fall in them."""
    named = ", ".join(map(str, years))
    return Issue(code="thieu-lich-nghi-le", file=file, key=key, severity=WARNING,
                 message=f"chưa có ngày nghỉ lễ, Tết của năm {named}: ngày làm việc ở đó được tính như không có ngày "
                         "lễ, và buổi nào rơi vào ngày lễ không được dời.",
                 hint=f"Người phụ trách kỹ thuật thêm các ngày nghỉ năm {named} theo thông báo của Bộ Nội vụ vào tệp "
                      "plugins/vietnamese/data/ngay-nghi-le.yml; trong lúc chờ, hồ sơ lịch có thể ghi holidays: [...].")
