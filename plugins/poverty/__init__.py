"""The `poverty` kind (danh sách hộ nghèo, cận nghèo). Declared so contract-v1 content
builds; the named lists arrive with the poverty issue and are never published before
its privacy rules are in place."""

from plugins.poverty.kind import POVERTY


def register() -> None:
    from plugins.disclosures.kinds import KINDS

    KINDS.add(POVERTY)
