from plugins.disclosures.kinds import Kind
from plugins.disclosures.schema import ListOf, Record, Text

RECURRING = Record(fields={"weekday": Text(), "start": Text(), "end": Text(), "place": Text(), "host": Text()})

SCHEDULE = Kind(
    id="schedule",
    label="Lịch tiếp công dân, lịch họp",
    slug="lich",
    description="Lịch tiếp công dân của Chủ tịch Ủy ban nhân dân và lịch các cuộc họp, hội nghị.",
    table_roles=None,
    extra_keys={"recurring": RECURRING, "holidays": ListOf()},
    order=40,
)
