"""A field's row of the one-stop desk's report: STT | Lĩnh vực | Tiếp nhận | Đã giải quyết | Trước hạn |
Đúng hạn | Quá hạn | Đang giải quyết | Thư xin lỗi | Ghi chú, with optional Trực tuyến (received online) and
Kỳ trước chuyển sang (carried over from the last period).

Aliases are the headers communes' reports use ("Tổng số hồ sơ tiếp nhận", "Trả đúng hạn", "Số thư xin
lỗi"). The official form's three-row header, where "Quá hạn" stands both under the resolved and under the
pending records, is not read yet (docs/quyet-dinh.md).
"""

from plugins.tables import Column, TableSchema

STT = Column("STT", "stt", required=False, aliases=("TT", "Số TT", "Số thứ tự"))
FIELD = Column("Lĩnh vực", "linh_vuc", not_empty=True,
               aliases=("Lĩnh vực giải quyết", "Tên lĩnh vực", "Lĩnh vực thủ tục hành chính", "Lĩnh vực TTHC"))
CARRIED = Column("Kỳ trước chuyển sang", "ky_truoc", type="integer", required=False,
                 aliases=("Kỳ trước chuyển qua", "Từ kỳ trước chuyển sang", "Số hồ sơ kỳ trước chuyển sang",
                          "Tồn kỳ trước", "Kỳ trước chuyển sang kỳ này"))
ONLINE = Column("Trực tuyến", "truc_tuyen", type="integer", required=False,
                aliases=("Tiếp nhận trực tuyến", "Hồ sơ trực tuyến", "Nộp trực tuyến", "Số hồ sơ trực tuyến",
                         "Trực tuyến (hồ sơ)"))
RECEIVED = Column("Tiếp nhận", "tiep_nhan", type="integer", not_empty=True,
                  aliases=("Tổng số hồ sơ tiếp nhận", "Số hồ sơ tiếp nhận", "Hồ sơ tiếp nhận", "Tổng số hồ sơ",
                           "Số hồ sơ nhận giải quyết", "Tổng số hồ sơ nhận giải quyết", "Tiếp nhận hồ sơ"))
RESOLVED = Column("Đã giải quyết", "da_giai_quyet", type="integer", not_empty=True,
                  aliases=("Số hồ sơ đã giải quyết", "Hồ sơ đã giải quyết", "Đã giải quyết xong", "Đã trả kết quả",
                           "Tổng số hồ sơ đã giải quyết", "Số hồ sơ đã trả kết quả"))
EARLY = Column("Trước hạn", "truoc_han", type="integer", required=False,
               aliases=("Trả trước hạn", "Giải quyết trước hạn", "Trả kết quả trước hạn", "Sớm hạn"))
ON_TIME = Column("Đúng hạn", "dung_han", type="integer", not_empty=True,
                 aliases=("Trả đúng hạn", "Giải quyết đúng hạn", "Trả kết quả đúng hạn", "Đúng hẹn", "Trả đúng hẹn"))
LATE = Column("Quá hạn", "qua_han", type="integer", not_empty=True,
              aliases=("Trả quá hạn", "Giải quyết quá hạn", "Trả kết quả quá hạn", "Trễ hạn", "Trả trễ hạn", "Trễ hẹn"))
PENDING = Column("Đang giải quyết", "dang_giai_quyet", type="integer", not_empty=True,
                 aliases=("Số hồ sơ đang giải quyết", "Hồ sơ đang giải quyết", "Đang xử lý", "Đang giải quyết (hồ sơ)"))
LETTERS = Column("Thư xin lỗi", "thu_xin_loi", type="integer", required=False,
                 aliases=("Số thư xin lỗi", "Văn bản xin lỗi", "Số văn bản xin lỗi", "Thư xin lỗi (thư)"))
NOTE = Column("Ghi chú", "ghi_chu", required=False)

COUNTS = (CARRIED, ONLINE, RECEIVED, RESOLVED, EARLY, ON_TIME, LATE, PENDING, LETTERS)  # summed by a total line
PROCEDURES_TABLE = TableSchema(columns=(STT, FIELD, *COUNTS, NOTE))
