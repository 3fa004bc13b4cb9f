"""What land use publishes as data: the project list and the areas by land type as open data
(plugins/open_data), and one JSON of it all. Areas in ha, as the page shows them (m² forms converted)."""

from __future__ import annotations

from plugins.disclosures.kinds import Download
from plugins.land_use.schema import CODE, MAP_PLACE, NAME, NOTE, PLACE, STT, USED_FOR, VILLAGE, YEAR
from plugins.open_data.package import Field, Resource


def _record(p) -> dict:
    return {"dong": p.number, "stt": p.stt, "ten": p.name, "ma_dat": p.code, "loai_dat": p.type_name,
            "dien_tich_ha": str(p.area), "hien_trang_ha": None if p.current is None else str(p.current),
            "tang_them_ha": None if p.added is None else str(p.added), "dia_diem": p.place,
            "thon": "; ".join(v.name for v in p.villages), "nam": p.year, "ghi_chu": p.note,
            "su_dung_vao": p.used_for, "to_thua": p.map_place}


PROJECT_FIELDS = (Field(STT.name), Field(NAME.name, required=True), Field(CODE.name, required=True),
                  Field("Loại đất", description="Tên loại đất theo bảng mã của Bộ Tài nguyên và Môi trường."),
                  Field("Diện tích", "number", "ha", required=True), Field("Diện tích hiện trạng", "number", "ha"),
                  Field("Diện tích tăng thêm", "number", "ha"), Field(PLACE.name),
                  Field(VILLAGE.name, description="Các thôn công trình đi qua, cách nhau bằng dấu chấm phẩy."),
                  Field(YEAR.name, description="Năm hoặc các năm thực hiện, như trên biểu."), Field(NOTE.name), Field(USED_FOR.name), Field(MAP_PLACE.name))
TYPE_FIELDS = (Field(CODE.name, required=True), Field("Loại đất"), Field("Diện tích", "number", "ha"),
               Field("Số công trình", "integer"))


def land_use_datasets(disclosure, data) -> list[Resource]:
    projects = Resource("danh-muc-cong-trinh", "Danh mục công trình, dự án", PROJECT_FIELDS, lambda: (
        (p.stt, p.name, p.code, p.type_name, p.area, p.current, p.added, p.place,
         "; ".join(v.name for v in p.villages), p.year, p.note, p.used_for, p.map_place) for p in data.projects))
    by_type = Resource("dien-tich-theo-loai-dat", "Diện tích theo loại đất", TYPE_FIELDS, lambda: (
        (t.key, t.label, t.area, t.projects) for t in data.by_type))
    return [projects, by_type]


def land_use_downloads(disclosure, data) -> list[Download]:
    document = {"title": disclosure.title, "issued": disclosure.issued.isoformat(), "code_table": data.code_version,
                "projects": [_record(p) for p in data.projects],
                "by_type": [{"ma_dat": t.key, "loai_dat": t.label, "dien_tich_ha": str(t.area), "so_cong_trinh": t.projects}
                            for t in data.by_type]}
    return [Download.json(document)]
