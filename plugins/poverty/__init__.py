"""The `poverty` kind (danh sách hộ nghèo, cận nghèo): counts per category and village,
the named list per village only during the posting period, never personal data.

Pure core: schema, load, export. Glue: the registration below.
"""


def register_kinds() -> None:
    from plugins.disclosures.kinds import KINDS
    from plugins.poverty.kind import POVERTY

    KINDS.add(POVERTY, __name__)


register = register_kinds  # Pelican's entry point: a kind connects no signal of its own
