"""Downloads: the normalised project list as CSV (UTF-8 with BOM) and JSON."""

from __future__ import annotations

import json

from plugins.disclosures.kinds import Download
from plugins.tables.write import csv_bytes

FIELDS = ["dong", "stt", "ten", "ma_dat", "loai_dat", "dien_tich_ha", "hien_trang_ha", "tang_them_ha",
          "dia_diem", "thon", "nam", "ghi_chu", "su_dung_vao", "to_thua"]


def _record(p) -> dict:
    return {"dong": p.number, "stt": p.stt, "ten": p.name, "ma_dat": p.code, "loai_dat": p.type_name,
            "dien_tich_ha": str(p.area), "hien_trang_ha": None if p.current is None else str(p.current),
            "tang_them_ha": None if p.added is None else str(p.added), "dia_diem": p.place,
            "thon": "; ".join(v.name for v in p.villages), "nam": p.year, "ghi_chu": p.note,
            "su_dung_vao": p.used_for, "to_thua": p.map_place}


def land_use_downloads(disclosure, data) -> list[Download]:
    content = csv_bytes(FIELDS, ([_record(p)[k] for k in FIELDS] for p in data.projects))
    document = {"title": disclosure.title, "issued": disclosure.issued.isoformat(), "code_table": data.code_version,
                "projects": [_record(p) for p in data.projects],
                "by_type": [{"ma_dat": t.key, "loai_dat": t.label, "dien_tich_ha": str(t.area), "so_cong_trinh": t.projects}
                            for t in data.by_type]}
    return [Download("danh-muc-cong-trinh.chuan-hoa.csv", "Danh mục công trình (CSV chuẩn hóa)",
                     content),
            Download("du-lieu.json", "Toàn bộ số liệu (JSON)",
                     json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8"))]
