"""The `schedule` kind (lịch tiếp công dân, lịch họp): sessions from a table and/or a weekly
rule moved off public holidays, notice-period checks, the page, a home-page block and
iCalendar feeds (one per schedule, one for the commune).

Pure core: schema, load, ical (the official days off are `plugins.vietnamese.holidays`). Glue: the registration below.
"""


def register_kinds() -> None:
    from plugins.disclosures.kinds import KINDS
    from plugins.schedule.kind import SCHEDULE

    KINDS.add(SCHEDULE, __name__)


register = register_kinds  # Pelican's entry point: a kind connects no signal of its own
