"""The poor-household list: STT | Họ và tên chủ hộ | Thôn | Phân loại | Số nhân khẩu | Ghi chú.

Only these columns are public (design §5, domain §7): anything else, and
above all ID, phone, birth date, insurance, ethnicity or health columns, is
refused by the table reader before a single row is read.
"""

from plugins.tables import Column, TableSchema
from plugins.vietnamese.text import fold

CATEGORIES = (
    "hộ nghèo",
    "hộ cận nghèo",
    "hộ thoát nghèo",
    "hộ thoát cận nghèo",
    "hộ nghèo phát sinh",
    "hộ cận nghèo phát sinh",
)


def category_for(value: str) -> str | None:
    """"Cận nghèo", "HỘ CẬN NGHÈO" -> "hộ cận nghèo"."""
    folded = fold(value)
    folded = folded if folded.startswith("ho ") else f"ho {folded}"
    return next((c for c in CATEGORIES if fold(c) == folded), None)


STT = Column("STT", "stt", required=False, aliases=("TT", "Số TT", "Số thứ tự"))
HEAD = Column("Họ và tên chủ hộ", "chu_ho", not_empty=True, aliases=("Họ tên chủ hộ", "Chủ hộ", "Tên chủ hộ"))
# The village may instead head its households ("I. Thôn Đồng Bến" alone on a row): load.py requires one of the two.
VILLAGE = Column("Thôn", "thon", required=False,
                 aliases=("Thôn, tổ dân phố", "Tổ dân phố", "Thôn/Tổ dân phố", "Thôn, xóm", "Ấp", "Bản", "Xóm", "Khu phố"))
CATEGORY = Column("Phân loại", "phan_loai", not_empty=True, aliases=("Phân loại hộ", "Loại hộ", "Kết quả rà soát"),
                  marks=category_for)  # or one column per category, marked "x": "Hộ nghèo | Hộ cận nghèo"
MEMBERS = Column("Số nhân khẩu", "so_khau", type="integer", not_empty=True,
                 aliases=("Số khẩu", "Nhân khẩu", "Số người", "Số thành viên"))
NOTE = Column("Ghi chú", "ghi_chu", required=False)

POVERTY_TABLE = TableSchema(columns=(STT, HEAD, VILLAGE, CATEGORY, MEMBERS, NOTE), sections=True)
