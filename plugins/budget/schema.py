"""The budget table: STT | Nội dung | Dự toán | Thực hiện | Ghi chú (design §2, domain §2).

Headers vary by form and year ("Dự toán năm 2026", "Thực hiện 9 tháng",
"Quyết toán", "TT"); prefixes catch them. The amounts and the comparison may
repeat: a form often gives each measure for two scopes (NSNN on the commune's
territory, the commune's own budget) or two periods (the quarter, the 9 months
cumulative; this year, the same period last year). Every column is kept and
shown; `load.commune_figure` picks the one the summary and chart use. A
comparison column the officer filled in is checked, never published: the site
computes TH/DT itself from the amounts.
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
ESTIMATE = Column("Dự toán", "du_toan", type="number", prefixes=("Dự toán",), repeats=True)
ACTUAL = Column("Thực hiện", "thuc_hien", type="number", required=False, repeats=True,
                prefixes=("Thực hiện", "Ước thực hiện", "Ước TH", "Quyết toán", "Lũy kế thực hiện", "Lũy kế",
                          "Cùng kỳ", "Quý"))
COMPARISON = Column("So sánh (%)", "so_sanh", type="number", required=False, percent=True, repeats=True,
                    aliases=("So sánh", "TH/DT", "Tỷ lệ", "So sánh TH/DT"), prefixes=("So sánh", "Tỷ lệ"))
NOTE = Column("Ghi chú", "ghi_chu", required=False)

BUDGET_TABLE = TableSchema(columns=(STT, CONTENT, ESTIMATE, ACTUAL, COMPARISON, NOTE), keeps_totals=True)
AMOUNTS = (ESTIMATE, ACTUAL)
