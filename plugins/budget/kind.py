"""The budget kind: estimates, execution reports and final accounts (design §2, domain §2)."""

from plugins.budget.export import budget_datasets, budget_downloads
from plugins.budget.load import load_budget
from plugins.budget.present import key_figure, read_aloud
from plugins.budget.schema import BUDGET_TABLE, STAGES, UNITS
from plugins.disclosures.kinds import Exports, Kind, Shows, Tables
from plugins.disclosures.schema import Date, Text
from plugins.vietnamese.periods import months, period_in_title, year_in_title

# The months an execution report covers (`stage`): a quarter, six months, nine months; the rest a whole year.
STAGE_MONTHS = {"q1": (1, 3), "q2": (4, 6), "h1": (1, 6), "q3": (1, 9)}


def reports_on(disclosure):
    """The budget year its title names ("... năm 2026", "9 tháng năm 2026"), cut to what its stage reports."""
    named = period_in_title(disclosure.title)
    year = named[1].year if named else year_in_title(disclosure.title) or disclosure.issued.year
    return months(year, *STAGE_MONTHS.get(disclosure.front.get("stage"), (1, 12)))


BUDGET = Kind(
    id="budget",
    label="Ngân sách",
    slug="ngan-sach",
    description="Dự toán, tình hình thực hiện và quyết toán ngân sách xã.",
    front_keys={"unit": Text(choices=UNITS, label="Đơn vị tính", hint="Để trống: lấy dòng đơn vị tính của biểu."),
                "stage": Text(choices=STAGES, label="Giai đoạn", hint="Dự thảo, dự toán được quyết định, thực hiện "
                                                                     "hay quyết toán.",
                              if_missing="chưa ghi giai đoạn: hồ sơ vẫn đăng, nhưng không được tính cho nghĩa vụ công "
                                         "khai ngân sách nào của năm (trang nghia-vu/), và cột số liệu của xã được "
                                         "đoán theo tiêu đề biểu."),
                # what the deadline of a draft estimate and of the year's execution runs from (plugins/obligations)
                "submitted": Date(label="Ngày gửi đại biểu Hội đồng nhân dân",
                                  hint="Với dự toán trình Hội đồng nhân dân và thực hiện cả năm: ngày Ủy ban gửi báo cáo "
                                       "cho đại biểu; dùng để tính hạn công khai.")},
    order=10,
    reports_on=reports_on,
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
