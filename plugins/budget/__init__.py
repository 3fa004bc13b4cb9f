"""The `budget` kind (công khai ngân sách): tables with their row hierarchy checked,
TH/DT percentages, a summary in words, a static chart and data downloads.

Pure core: schema, rows (on the shared plugins/tables/hierarchy.py), load, present, export. Glue: the registration below.
"""


def register_kinds() -> None:
    from plugins.budget.kind import BUDGET
    from plugins.disclosures.kinds import KINDS

    KINDS.add(BUDGET, __name__)


register = register_kinds  # Pelican's entry point: a kind connects no signal of its own
