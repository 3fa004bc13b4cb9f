"""The procedures kind: results of the one-stop desk, per field, for a month, quarter, half-year or year."""

from plugins.disclosures.kinds import Exports, Kind, Shows, Tables
from plugins.disclosures.schema import Date, Record
from plugins.procedures.export import procedures_datasets
from plugins.procedures.load import load_procedures
from plugins.procedures.present import key_figure, read_aloud, with_trend
from plugins.procedures.schema import PROCEDURES_TABLE

PROCEDURES = Kind(
    id="procedures",
    label="Kết quả giải quyết thủ tục hành chính",
    slug="thu-tuc-hanh-chinh",
    description="Số hồ sơ thủ tục hành chính tiếp nhận, giải quyết đúng hạn, quá hạn và thư xin lỗi, theo lĩnh vực.",
    # The period may be left out when the title names it ("quý III năm 2026"): load.py reads it from there.
    front_keys={"period": Record(fields={"from": Date(required=True, label="Từ ngày"),
                                         "to": Date(required=True, label="Đến hết ngày")},
                                 label="Kỳ báo cáo", hint="Để trống nếu tiêu đề đã ghi kỳ, ví dụ quý III năm 2026.")},
    # Luật Thực hiện dân chủ ở cơ sở 2022 (Điều 11: thủ tục hành chính) and the one-stop desk's decree, Nghị định
    # 118/2025/NĐ-CP (09/6/2025), which replaced Nghị định 61/2018/NĐ-CP: docs/can-cu-phap-ly.md.
    legal_basis=("Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15",
                 "Nghị định số 118/2025/NĐ-CP về thực hiện thủ tục hành chính theo cơ chế một cửa, một cửa liên thông tại "
                 "Bộ phận Một cửa và Cổng Dịch vụ công quốc gia"),
    default_posting_days=30,
    order=35,
    reports_on=lambda disclosure: (disclosure.front["period"]["from"], disclosure.front["period"]["to"])
    if disclosure.front.get("period") else None,
    issue_codes=("tthc-tiep-nhan-khong-khop", "tthc-giai-quyet-khong-khop", "tthc-dang-giai-quyet-khong-khop",
                 "tthc-thieu-thu-xin-loi", "tthc-ty-le-khong-khop", "thieu-khoa", "tong-khong-khop", "khoang-thoi-gian-nguoc", "gia-tri-khong-hop-le",
                 "so-khong-hop-le"),
    tables=Tables(
        schema=PROCEDURES_TABLE,
        load=load_procedures,
        required=True,
        publish_originals=True,
    ),
    shows=Shows(
        key_figure=key_figure,
        read_aloud=read_aloud,
        across=with_trend,
        sheet_orientation="landscape",
    ),
    exports=Exports(
        datasets=procedures_datasets,
    ),
)
