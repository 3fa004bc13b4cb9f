"""The `schedule` kind (lịch tiếp công dân, lịch họp). Declared so contract-v1 content
builds; sessions, the weekly rule and calendar feeds arrive with the schedule issue."""

from plugins.schedule.kind import SCHEDULE


def register() -> None:
    from plugins.disclosures.kinds import KINDS

    KINDS.add(SCHEDULE)
