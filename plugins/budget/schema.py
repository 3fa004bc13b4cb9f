"""The budget table: STT | Nội dung | Dự toán | Thực hiện | Ghi chú (design §2, domain §2).

Headers vary by form and year ("Dự toán năm 2026", "Thực hiện 9 tháng",
"Quyết toán", "TT"); prefixes catch them. A "So sánh (%)" column is accepted
and ignored: the site computes TH/DT itself from the two amounts.
"""

from plugins.tables import Column, TableSchema

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

STT = Column("STT", "stt", aliases=("TT", "Số TT", "Số thứ tự"))
CONTENT = Column("Nội dung", "noi_dung", not_empty=True,
                 aliases=("Chỉ tiêu", "Nội dung thu", "Nội dung chi", "Khoản mục", "Nội dung thu, chi"))
ESTIMATE = Column("Dự toán", "du_toan", type="number", prefixes=("Dự toán",))
ACTUAL = Column("Thực hiện", "thuc_hien", type="number", required=False,
                prefixes=("Thực hiện", "Ước thực hiện", "Ước TH", "Quyết toán", "Lũy kế thực hiện"))
COMPARISON = Column("So sánh (%)", "so_sanh", type="number", required=False, percent=True,
                    aliases=("So sánh", "TH/DT", "Tỷ lệ", "So sánh TH/DT"), prefixes=("So sánh", "Tỷ lệ"))
NOTE = Column("Ghi chú", "ghi_chu", required=False)

BUDGET_TABLE = TableSchema(columns=(STT, CONTENT, ESTIMATE, ACTUAL, COMPARISON, NOTE))
AMOUNTS = (ESTIMATE, ACTUAL)
