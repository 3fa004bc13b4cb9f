"""The land-use kind: annual plans and their project lists (design §2, domain §4)."""

from plugins.disclosures.kinds import Kind
from plugins.land_use.export import land_use_datasets, land_use_downloads
from plugins.land_use.load import load_land_use
from plugins.land_use.present import key_figure
from plugins.land_use.schema import LAND_USE_TABLE

LAND_USE = Kind(
    id="land-use",
    label="Đất đai",
    slug="dat-dai",
    description="Quy hoạch, kế hoạch sử dụng đất và danh mục công trình, dự án.",
    table_required=True,
    table_roles=None,
    load_tables=load_land_use,
    key_figure=key_figure,
    downloads=land_use_downloads,
    datasets=land_use_datasets,
    publish_original_tables=True,
    sheet_orientation="landscape",
    table_schema=LAND_USE_TABLE,
    default_posting_days=365,  # kept public for the plan period (domain §4)
    order=20,
)
