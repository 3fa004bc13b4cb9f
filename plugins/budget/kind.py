from plugins.disclosures.kinds import Kind
from plugins.disclosures.schema import Text

UNITS = {"đồng": "đồng", "nghìn đồng": "nghìn đồng", "triệu đồng": "triệu đồng"}
STAGES = {
    "draft": "Dự toán trình Hội đồng nhân dân",
    "approved": "Dự toán được Hội đồng nhân dân quyết định",
    "q1": "Thực hiện quý I",
    "q2": "Thực hiện quý II",
    "h1": "Thực hiện 6 tháng",
    "q3": "Thực hiện 9 tháng",
    "year": "Thực hiện cả năm",
    "final": "Quyết toán",
}

BUDGET = Kind(
    id="budget",
    label="Ngân sách",
    slug="ngan-sach",
    description="Dự toán, tình hình thực hiện và quyết toán ngân sách xã.",
    table_roles={"revenue": "Thu ngân sách", "expenditure": "Chi ngân sách", "balance": "Cân đối ngân sách"},
    extra_keys={"unit": Text(choices=UNITS), "stage": Text(choices=STAGES)},
    order=10,
)
