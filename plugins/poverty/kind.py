"""The poverty kind: review results of poor and near-poor households (design §2, §5; domain §3, §7)."""

from plugins.disclosures.kinds import Exports, Kind, Setting, Shows, Tables
from plugins.poverty.export import poverty_datasets
from plugins.poverty.load import load_poverty
from plugins.poverty.present import key_figure, read_aloud
from plugins.poverty.schema import POVERTY_TABLE

POVERTY = Kind(
    id="poverty",
    label="Hộ nghèo, hộ cận nghèo",
    slug="ho-ngheo",
    description="Kết quả rà soát hộ nghèo, hộ cận nghèo theo từng thôn.",
    settings={"grace_days": Setting(0, "số ngày giữ tên chủ hộ trên trang sau ngày hết niêm yết"),
              "inline_list_limit": Setting(300, "số hộ tối đa liệt kê ngay trên trang của xã; dài hơn thì xem theo thôn")},
    default_posting_days=7,  # the review result is posted a few working days (domain §3)
    order=30,
    issue_codes=("tong-khong-khop", "thieu-gia-tri", "gia-tri-khong-hop-le", "so-khong-hop-le", "thon-khong-co"),
    tables=Tables(
        schema=POVERTY_TABLE,
        load=load_poverty,
        required=True,
        names_leave_with_list=True,
        publish_originals=False,  # the officer's file is the named list: never copied to the site
    ),
    shows=Shows(
        key_figure=key_figure,
        read_aloud=read_aloud,
    ),
    exports=Exports(
        datasets=poverty_datasets,
    ),
)
