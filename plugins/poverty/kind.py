from plugins.disclosures.kinds import Kind

POVERTY = Kind(
    id="poverty",
    label="Hộ nghèo, hộ cận nghèo",
    slug="ho-ngheo",
    description="Kết quả rà soát hộ nghèo, hộ cận nghèo theo từng thôn.",
    table_roles=None,
    order=30,
)
