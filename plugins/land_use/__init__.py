"""The `land-use` kind (kế hoạch sử dụng đất): project lists with codes checked against
a versioned code table, totals by land type and village, a chart, village pages.

Pure core: codes, schema, load, present, export. Glue: the registration below.
"""


def register_kinds() -> None:
    from plugins.disclosures.kinds import KINDS
    from plugins.land_use.kind import LAND_USE

    KINDS.add(LAND_USE, __name__)


register = register_kinds  # Pelican's entry point: a kind connects no signal of its own
