"""The land-use kind: annual plans and their project lists (design §2, domain §4)."""

from plugins.disclosures.kinds import Exports, Kind, Shows, Tables
from plugins.land_use.export import land_use_datasets, land_use_downloads
from plugins.land_use.load import load_land_use
from plugins.land_use.present import key_figure
from plugins.land_use.schema import LAND_USE_TABLE

LAND_USE = Kind(
    id="land-use",
    label="Đất đai",
    slug="dat-dai",
    description="Quy hoạch, kế hoạch sử dụng đất và danh mục công trình, dự án.",
    default_posting_days=365,  # kept public for the plan period (domain §4)
    order=20,
    issue_codes=("tong-khong-khop", "don-vi-khong-khop", "dong-ngoai-bang", "ma-dat-cu", "ma-dat-khong-co",
                 "so-khong-hop-le", "thon-khong-co"),
    tables=Tables(
        schema=LAND_USE_TABLE,
        load=load_land_use,
        required=True,
        publish_originals=True,
    ),
    shows=Shows(
        key_figure=key_figure,
        sheet_orientation="landscape",
    ),
    exports=Exports(
        downloads=land_use_downloads,
        datasets=land_use_datasets,
    ),
)
