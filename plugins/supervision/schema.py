"""STT | Công trình, nội dung giám sát | Chủ đầu tư | Tổng mức đầu tư | Kết quả giám sát | Kiến nghị |
Trả lời, xử lý, with an optional Thôn (the per-village cut)."""

from plugins.disclosures.schema import Text
from plugins.tables import Column, TableSchema

BOARDS = {
    "people-inspection": "Ban Thanh tra nhân dân",
    "community-investment": "Ban Giám sát đầu tư của cộng đồng",
}
KEYS = {"board": Text(required=True, choices=BOARDS, label="Ban giám sát")}

STT = Column("STT", "stt", required=False, aliases=("TT", "Số TT", "Số thứ tự"))
WORK = Column("Công trình, nội dung giám sát", "noi_dung", not_empty=True,
              aliases=("Công trình, nội dung", "Nội dung giám sát", "Nội dung kiểm tra, giám sát", "Tên công trình",
                       "Tên công trình, dự án", "Công trình, dự án", "Công trình, dự án được giám sát"))
INVESTOR = Column("Chủ đầu tư", "chu_dau_tu", required=False, aliases=("Đơn vị chủ đầu tư", "Chủ đầu tư dự án"))
INVESTMENT = Column("Tổng mức đầu tư", "tong_muc", type="number", required=False,
                    aliases=("Tổng vốn đầu tư", "Giá trị công trình"), prefixes=("Tổng mức đầu tư",))
VILLAGE = Column("Thôn", "thon", required=False,
                 aliases=("Thôn, tổ dân phố", "Tổ dân phố", "Thôn/Tổ dân phố", "Địa điểm", "Xóm", "Ấp", "Bản"))
FINDINGS = Column("Kết quả giám sát", "ket_qua", not_empty=True,
                  aliases=("Kết quả kiểm tra, giám sát", "Kết quả kiểm tra", "Kết quả", "Nội dung phát hiện",
                           "Kết quả giám sát, kiểm tra"))
RECOMMENDATION = Column("Kiến nghị", "kien_nghi", aliases=("Kiến nghị, đề xuất", "Đề xuất, kiến nghị", "Nội dung kiến nghị"))
ANSWER = Column("Trả lời, xử lý", "tra_loi", required=False,
                aliases=("Kết quả trả lời, xử lý", "Kết quả xử lý", "Kết quả giải quyết kiến nghị", "Trả lời",
                         "Kết quả trả lời", "Trả lời của cơ quan có thẩm quyền"))
NOTE = Column("Ghi chú", "ghi_chu", required=False)
SUPERVISION_TABLE = TableSchema(columns=(STT, WORK, INVESTOR, INVESTMENT, VILLAGE, FINDINGS, RECOMMENDATION, ANSWER, NOTE))
