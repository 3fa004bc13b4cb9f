"""A field's row of the one-stop desk's report: STT | Lĩnh vực | Tiếp nhận | Đã giải quyết | Trước hạn |
Đúng hạn | Quá hạn | Đang giải quyết | Thư xin lỗi | Ghi chú, with optional Trực tuyến (received online) and
Kỳ trước chuyển sang (carried over from the last period).

Aliases are the headers communes' reports use ("Tổng số hồ sơ tiếp nhận", "Trả đúng hạn", "Số thư xin
lỗi"). The official report form's header of three or four rows is read too: "Số hồ sơ nhận giải quyết" over
"Tổng số | Trong đó: Số kỳ trước chuyển qua | trực tuyến | trực tiếp, dịch vụ bưu chính", "Kết quả giải
quyết" over "Số hồ sơ đã giải quyết" (Tổng số | Trả trước hạn | Trả đúng thời hạn | Trả quá hạn) and "Số
hồ sơ đang giải quyết" (Tổng số | Chưa đến hạn | Quá hạn): the same word under two groups is two columns
(`Under`).
"""

from plugins.tables import Column, TableSchema, Under

STT = Column("STT", "stt", required=False, aliases=("TT", "Số TT", "Số thứ tự"))
FIELD = Column("Lĩnh vực", "linh_vuc", not_empty=True,
               aliases=("Lĩnh vực giải quyết", "Tên lĩnh vực", "Lĩnh vực thủ tục hành chính", "Lĩnh vực TTHC",
                        "Lĩnh vực, công việc giải quyết theo cấp", "Lĩnh vực, công việc giải quyết"))
TOTAL = ("Tổng số", "Tổng", "Cộng")  # the first part under a group header of the official form
RECEIVED_GROUP = ("Số hồ sơ nhận giải quyết", "Tổng số hồ sơ nhận giải quyết", "Số hồ sơ tiếp nhận", "Tiếp nhận",
                  "Hồ sơ tiếp nhận")
RESOLVED_GROUP = ("Số hồ sơ đã giải quyết", "Đã giải quyết", "Hồ sơ đã giải quyết", "Số hồ sơ đã trả kết quả")
PENDING_GROUP = ("Số hồ sơ đang giải quyết", "Đang giải quyết", "Hồ sơ đang giải quyết")

CARRIED = Column("Kỳ trước chuyển sang", "ky_truoc", type="integer", required=False,
                 aliases=("Kỳ trước chuyển qua", "Từ kỳ trước chuyển sang", "Số hồ sơ kỳ trước chuyển sang",
                          "Tồn kỳ trước", "Kỳ trước chuyển sang kỳ này", "Số kỳ trước chuyển qua",
                          "Số kỳ trước chuyển sang", "Trong đó: Số kỳ trước chuyển qua",
                          "Trong đó: Số kỳ trước chuyển sang", "Từ kỳ trước"))
ONLINE = Column("Trực tuyến", "truc_tuyen", type="integer", required=False,
                aliases=("Tiếp nhận trực tuyến", "Hồ sơ trực tuyến", "Nộp trực tuyến", "Số hồ sơ trực tuyến",
                         "Trong đó: trực tuyến", "Trong đó trực tuyến", "Trong đó: tiếp nhận trực tuyến",
                         "Trực tuyến (hồ sơ)", "Số mới tiếp nhận trực tuyến", "Mới tiếp nhận trực tuyến"))
IN_PERSON = Column("Trực tiếp, dịch vụ bưu chính", "truc_tiep", type="integer", required=False,
                   aliases=("Trực tiếp và qua dịch vụ bưu chính", "Trực tiếp, qua dịch vụ bưu chính",
                            "Trực tiếp và dịch vụ bưu chính", "Số mới tiếp nhận trực tiếp và qua dịch vụ bưu chính",
                            "Số mới tiếp nhận trực tiếp, dịch vụ bưu chính", "Tiếp nhận trực tiếp", "Trực tiếp",
                            "Nộp trực tiếp"))
RECEIVED = Column("Tiếp nhận", "tiep_nhan", type="integer", not_empty=True,
                  aliases=("Tổng số hồ sơ tiếp nhận", "Số hồ sơ tiếp nhận", "Hồ sơ tiếp nhận", "Tổng số hồ sơ",
                           "Số hồ sơ nhận giải quyết", "Tổng số hồ sơ nhận giải quyết", "Tiếp nhận hồ sơ"),
                  under=(Under(RECEIVED_GROUP, TOTAL),))
RESOLVED = Column("Đã giải quyết", "da_giai_quyet", type="integer", not_empty=True,
                  aliases=("Số hồ sơ đã giải quyết", "Hồ sơ đã giải quyết", "Đã giải quyết xong", "Đã trả kết quả",
                           "Tổng số hồ sơ đã giải quyết", "Số hồ sơ đã trả kết quả"),
                  under=(Under(RESOLVED_GROUP, TOTAL),))
EARLY = Column("Trước hạn", "truoc_han", type="integer", required=False,
               aliases=("Trả trước hạn", "Giải quyết trước hạn", "Trả kết quả trước hạn", "Sớm hạn",
                        "Trả trước thời hạn"))
ON_TIME = Column("Đúng hạn", "dung_han", type="integer", not_empty=True,
                 aliases=("Trả đúng hạn", "Giải quyết đúng hạn", "Trả kết quả đúng hạn", "Đúng hẹn", "Trả đúng hẹn",
                          "Trả đúng thời hạn", "Đúng thời hạn"))
LATE = Column("Quá hạn", "qua_han", type="integer", not_empty=True,
              aliases=("Trả quá hạn", "Giải quyết quá hạn", "Trả kết quả quá hạn", "Trễ hạn", "Trả trễ hạn", "Trễ hẹn"))
PENDING = Column("Đang giải quyết", "dang_giai_quyet", type="integer", not_empty=True,
                 aliases=("Số hồ sơ đang giải quyết", "Hồ sơ đang giải quyết", "Đang xử lý", "Đang giải quyết (hồ sơ)"),
                 under=(Under(PENDING_GROUP, TOTAL),))
NOT_DUE = Column("Đang giải quyết chưa đến hạn", "chua_den_han", type="integer", required=False,
                 aliases=("Chưa đến hạn", "Đang giải quyết trong hạn"),
                 under=(Under(PENDING_GROUP, ("Chưa đến hạn", "Trong hạn", "Còn hạn")),))
PENDING_LATE = Column("Đang giải quyết quá hạn", "dang_qua_han", type="integer", required=False,
                      aliases=("Số hồ sơ đang giải quyết quá hạn", "Quá hạn đang giải quyết"),
                      under=(Under(PENDING_GROUP, ("Quá hạn", "Trễ hạn", "Đã quá hạn")),))
LETTERS = Column("Thư xin lỗi", "thu_xin_loi", type="integer", required=False,
                 aliases=("Số thư xin lỗi", "Văn bản xin lỗi", "Số văn bản xin lỗi", "Thư xin lỗi (thư)"))
NOTE = Column("Ghi chú", "ghi_chu", required=False)
# The rate a report writes itself: checked against the counts (load.py), never shown instead of the page's own.
RATE = Column("Tỷ lệ đúng hạn (%)", "ty_le_ghi", type="number", required=False, percent=True,
              aliases=("Tỷ lệ đúng và trước hạn (%)", "Tỷ lệ trước và đúng hạn (%)", "Tỷ lệ đúng hạn",
                       "Tỷ lệ giải quyết đúng hạn (%)", "Tỷ lệ đúng hẹn (%)", "Tỷ lệ trả đúng hạn (%)"))

# Each count and the name the kind's data gives it, in the form's order; the columns not required are shown
# and published only when the report has them. A total line sums every one.
COUNTS = {RECEIVED: "received", CARRIED: "carried", ONLINE: "online", IN_PERSON: "in_person",
          RESOLVED: "resolved", EARLY: "early", ON_TIME: "on_time", LATE: "late", PENDING: "pending",
          NOT_DUE: "not_due", PENDING_LATE: "pending_late", LETTERS: "letters"}
PROCEDURES_TABLE = TableSchema(columns=(STT, FIELD, *COUNTS, NOTE, RATE))
