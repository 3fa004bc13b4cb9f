"""The poverty kind: review results of poor and near-poor households (design §2, §5; domain §3, §7)."""

from plugins.disclosures.kinds import Kind, Setting
from plugins.poverty.export import poverty_datasets
from plugins.poverty.load import load_poverty
from plugins.poverty.present import key_figure, read_aloud
from plugins.poverty.schema import POVERTY_TABLE

POVERTY = Kind(
    id="poverty",
    label="Hộ nghèo, hộ cận nghèo",
    slug="ho-ngheo",
    description="Kết quả rà soát hộ nghèo, hộ cận nghèo theo từng thôn.",
    table_required=True,
    table_roles=None,
    load_tables=load_poverty,
    key_figure=key_figure,
    read_aloud=read_aloud,
    datasets=poverty_datasets,
    names_leave_with_list=True,
    publish_original_tables=False,  # the officer's file is the named list: never copied to the site
    settings={"grace_days": Setting(0, "số ngày giữ tên chủ hộ trên trang sau ngày hết niêm yết"),
              "inline_list_limit": Setting(300, "số hộ tối đa liệt kê ngay trên trang của xã; dài hơn thì xem theo thôn")},
    table_schema=POVERTY_TABLE,
    default_posting_days=7,  # the review result is posted a few working days (domain §3)
    order=30,
)
