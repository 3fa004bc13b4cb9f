from plugins.disclosures.kinds import Kind

LAND_USE = Kind(
    id="land-use",
    label="Đất đai",
    slug="dat-dai",
    description="Quy hoạch, kế hoạch sử dụng đất và danh mục công trình, dự án.",
    table_roles=None,
    order=20,
)
