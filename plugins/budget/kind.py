"""The budget kind: estimates, execution reports and final accounts (design §2, domain §2)."""

from plugins.budget.export import budget_datasets, budget_downloads
from plugins.budget.load import load_budget
from plugins.budget.present import key_figure, read_aloud
from plugins.budget.schema import BUDGET_TABLE, STAGES, UNITS
from plugins.disclosures.kinds import Exports, Kind, Shows, Tables
from plugins.disclosures.schema import Text

BUDGET = Kind(
    id="budget",
    label="Ngân sách",
    slug="ngan-sach",
    description="Dự toán, tình hình thực hiện và quyết toán ngân sách xã.",
    front_keys={"unit": Text(choices=UNITS, label="Đơn vị tính", hint="Để trống: lấy dòng đơn vị tính của biểu."),
                "stage": Text(choices=STAGES, label="Giai đoạn", hint="Dự thảo, dự toán được quyết định, thực hiện "
                                                                     "hay quyết toán.")},
    order=10,
    issue_codes=("tong-khong-khop", "bang-khong-khop", "so-sanh-khong-khop", "don-vi-khong-khop", "thieu-khoa"),
    tables=Tables(
        schema=BUDGET_TABLE,
        load=load_budget,
        required=True,
        roles={"revenue": "Thu ngân sách", "expenditure": "Chi ngân sách", "balance": "Cân đối ngân sách"},
        publish_originals=True,
    ),
    shows=Shows(
        key_figure=key_figure,
        read_aloud=read_aloud,
    ),
    exports=Exports(
        downloads=budget_downloads,
        datasets=budget_datasets,
    ),
)
