"""The `budget` kind (công khai ngân sách). Declared so contract-v1 content builds;
its table reading, sums and charts arrive with the budget issue, and until then
its tables are withheld from the site with a warning."""

from plugins.budget.kind import BUDGET


def register() -> None:
    from plugins.disclosures.kinds import KINDS

    KINDS.add(BUDGET)
