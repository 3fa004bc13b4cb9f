"""The build date as code that keeps its results asks it: each question recorded with its answer, so a result
is reused on any later date that gives the same answers, and made again on the first date that does not.

A household list's names are shown while the date is in their window: its loader asks `is_between` once, and
the daily build reads the list again only the day the answer changes. Code that reads `today` itself ties its
result to that one date, which is always right and only slower. Pure: no clock, no files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable


class BuildDay:
    """The build date, asked through `today` ("is") or `is_between` ("between"); `questions` holds both."""

    def __init__(self, date: dt.date) -> None:
        self.date = date
        self.questions: list[tuple] = []

    @property
    def today(self) -> dt.date:
        """The build date. Reading it ties the result to this date alone; prefer `is_between`."""
        self.questions.append(("is", self.date))
        return self.date

    def is_between(self, first: dt.date, last: dt.date) -> bool:
        """Whether the build date falls in [first, last]: the result then holds on every date with the same
        answer. `dt.date.min` or `dt.date.max` for a side with no bound."""
        answer = first <= self.date <= last
        self.questions.append(("between", first, last, answer))
        return answer


def same_answers(questions: Iterable[tuple], date: dt.date) -> bool:
    """Whether `date` answers every recorded question as the date they were asked on did."""
    for question in questions:
        if question[0] == "is" and question[1] != date:
            return False
        if question[0] == "between" and (question[1] <= date <= question[2]) != question[3]:
            return False
    return True
