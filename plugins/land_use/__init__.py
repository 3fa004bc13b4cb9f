"""The `land-use` kind (kế hoạch sử dụng đất). Declared so contract-v1 content builds;
code checks, totals and charts arrive with the land-use issue."""

from plugins.land_use.kind import LAND_USE


def register() -> None:
    from plugins.disclosures.kinds import KINDS

    KINDS.add(LAND_USE)
