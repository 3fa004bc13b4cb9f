"""The land-use project list (design §2, domain §4)."""

from plugins.tables import Column, TableSchema

STT = Column("STT", "stt", required=False, aliases=("TT", "Số TT", "Số thứ tự"))
NAME = Column("Tên công trình, dự án", "ten", not_empty=True,
              aliases=("Tên công trình", "Tên dự án", "Công trình, dự án", "Tên công trình dự án", "Hạng mục"))
CODE = Column("Mã loại đất", "ma_dat", not_empty=True, aliases=("Mã đất", "Loại đất", "Ký hiệu loại đất"))
AREA = Column("Diện tích (ha)", "dien_tich", type="number", not_empty=True,
              aliases=("Diện tích", "Tổng diện tích (ha)", "Diện tích quy hoạch (ha)", "Diện tích kế hoạch (ha)"))
PLACE = Column("Địa điểm", "dia_diem", aliases=("Vị trí", "Địa điểm (thôn, xứ đồng)"), prefixes=("Địa điểm",))
NOTE = Column("Ghi chú", "ghi_chu", required=False)
CURRENT = Column("Diện tích hiện trạng (ha)", "hien_trang", type="number", required=False, aliases=("Hiện trạng (ha)",))
ADDED = Column("Diện tích tăng thêm (ha)", "tang_them", type="number", required=False, aliases=("Tăng thêm (ha)",))
VILLAGE = Column("Thôn", "thon", required=False, aliases=("Thôn, tổ dân phố", "Tổ dân phố", "Thôn/Tổ dân phố"))
YEAR = Column("Năm thực hiện", "nam", required=False, aliases=("Năm", "Thời gian thực hiện"))  # "2026-2027" too

LAND_USE_TABLE = TableSchema(columns=(STT, NAME, CODE, AREA, PLACE, NOTE, CURRENT, ADDED, VILLAGE, YEAR))
