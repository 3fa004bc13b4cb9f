"""The land-use project list (design §2, domain §4)."""

from plugins.tables import Column, TableSchema
from plugins.tables.schema import Under

STT = Column("STT", "stt", required=False, aliases=("TT", "Số TT", "Số thứ tự"))
NAME = Column("Tên công trình, dự án", "ten", not_empty=True,
              aliases=("Tên công trình", "Tên dự án", "Công trình, dự án", "Tên công trình dự án", "Hạng mục"))
# Code and area may be empty on a group row ("I. Thôn Đồng Bến"); load.py requires them on every project.
CODE = Column("Mã loại đất", "ma_dat", aliases=("Mã đất", "Loại đất", "Ký hiệu loại đất", "Mã"))
# Areas in m² (recovery lists, "Diện tích (m2)" or "ĐVT: m2") are read and published in ha (load.py).
AREA = Column("Diện tích (ha)", "dien_tich", type="number",
              aliases=("Diện tích", "Tổng diện tích (ha)", "Diện tích quy hoạch (ha)", "Diện tích kế hoạch (ha)",
                       "Diện tích (m2)", "Diện tích (m²)", "Tổng diện tích (m2)", "Tổng diện tích (m²)"))
PLACE = Column("Địa điểm", "dia_diem", aliases=("Vị trí", "Địa điểm (thôn, xứ đồng)"), prefixes=("Địa điểm",))
NOTE = Column("Ghi chú", "ghi_chu", required=False)
# Under a merged "Diện tích (ha)" a form writes just "Hiện trạng" / "Tăng thêm".
CURRENT = Column("Diện tích hiện trạng (ha)", "hien_trang", type="number", required=False,
                 aliases=("Hiện trạng (ha)", "Hiện trạng", "Diện tích hiện trạng"))
# Biểu 10/CH merges "Tăng thêm" over "Diện tích (ha) | Sử dụng vào loại đất": that area is the added one.
ADDED = Column("Diện tích tăng thêm (ha)", "tang_them", type="number", required=False,
               aliases=("Tăng thêm (ha)", "Tăng thêm", "Diện tích tăng thêm"),
               under=(Under(("Tăng thêm", "Diện tích tăng thêm"), ("Diện tích (ha)", "Diện tích")),))
VILLAGE = Column("Thôn", "thon", required=False, aliases=("Thôn, tổ dân phố", "Tổ dân phố", "Thôn/Tổ dân phố"))
YEAR = Column("Năm thực hiện", "nam", required=False, aliases=("Năm", "Thời gian thực hiện"))  # "2026-2027" too

USED_FOR = Column("Sử dụng vào loại đất", "su_dung_vao", required=False,
                  aliases=("Sử dụng vào loại đất (mã)", "Loại đất sử dụng vào"))
MAP_PLACE = Column("Vị trí trên bản đồ địa chính (tờ, thửa)", "to_thua", required=False,
                   aliases=("Tờ, thửa", "Tờ bản đồ, thửa đất", "Số tờ, số thửa"), prefixes=("Vị trí trên bản đồ",))
# A name alone on its row ("I. Thôn Đồng Bến", "Công trình chuyển tiếp") heads the projects under it.
LAND_USE_TABLE = TableSchema(columns=(STT, NAME, CODE, AREA, PLACE, NOTE, CURRENT, ADDED, VILLAGE, YEAR, USED_FOR,
                                      MAP_PLACE), sections=True)
AREAS = ("dien_tich", "hien_trang", "tang_them")
