"""The layouts of the forms officers fill in, as grids with their merged areas, written as .xlsx or as CSV.

Each layout has what the real sheet has around its table: the issuer and title band, the unit line, a
header of two rows with merged cells, the row numbering the columns, grand-total lines and the signature
footer with the names of the people who sign (which must never reach the site). A CSV export of a merged
area keeps the text in its first cell and leaves the others empty, which is what the grids hold.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Layout:
    rows: list[list[Any]]
    merges: list[str] = field(default_factory=list)  # "A6:A7"
    decimals: int | None = None  # the number format's decimals, as Excel writes the cells into a CSV


    def csv_bytes(self) -> bytes:
        """Excel's "CSV UTF-8" on Vietnamese Windows: BOM, `;`, decimal comma."""
        def cell(value):
            if value is None:
                return ""
            if isinstance(value, float):
                value = (f"{value:.{self.decimals}f}" if self.decimals is not None else f"{value:.10g}").replace(".", ",")
            text = str(value)
            return f'"{text}"' if ";" in text or '"' in text else text
        return ("\ufeff" + "\r\n".join(";".join(cell(v) for v in row) for row in self.rows) + "\r\n").encode("utf-8")


def write_xlsx(path: Path, sheets: dict[str, Layout]) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, layout in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in layout.rows:
            sheet.append(row)
        for area in layout.merges:
            sheet.merge_cells(area)
    workbook.save(path)
    return path


def write_csv(path: Path, layout: Layout) -> Path:
    path.write_bytes(layout.csv_bytes())
    return path


def write_form(folder: Path, stem: str, layout: Layout, shape: str, sheet: str = "Biểu") -> Path:
    """The form as the officer saves it into a bundle: `<stem>.xlsx` (one sheet) or `<stem>.csv`."""
    if shape == "xlsx":
        return write_xlsx(folder / f"{stem}.xlsx", {sheet: layout})
    return write_csv(folder / f"{stem}.csv", layout)


SIGNERS = ("Nguyễn Thị Lan", "Phạm Văn Đức", "Trần Văn Minh")  # the footer's names: never on the site

ISSUER = [["ỦY BAN NHÂN DÂN", None, None, None, None, "Biểu số 02"], ["XÃ HÒA AN"]]
ISSUER_MERGES = ["A1:B1", "A2:B2"]


def footer(first: int, width: int) -> tuple[list[list[Any]], list[str]]:
    """The date line, the signers' titles and their names, from row `first`."""
    pad = [None] * (width - 3)
    return ([
        [None, "Ghi chú: số liệu thực hiện lấy từ sổ kế toán đến ngày 30/9/2026."],
        [*pad, "Hòa An, ngày 12 tháng 10 năm 2026"],
        [None, "NGƯỜI LẬP BIỂU", None, "KẾ TOÁN", None, "TM. ỦY BAN NHÂN DÂN"],
        [None, None, None, None, None, "CHỦ TỊCH"],
        [None, SIGNERS[0], None, SIGNERS[1], None, SIGNERS[2]],
    ], [f"{chr(65 + width - 3)}{first + 1}:{chr(65 + width - 1)}{first + 1}"])


def budget_revenue() -> Layout:
    """Two scopes under each measure (NSNN on the commune's territory, the commune's own budget), the
    officer's comparison column, the column numbers, the grand total at the top."""
    rows = [
        *ISSUER,
        ["CÔNG KHAI THỰC HIỆN THU NGÂN SÁCH XÃ 9 THÁNG NĂM 2026"],
        ["(Kèm theo Báo cáo số 141/BC-UBND ngày 12/10/2026 của Ủy ban nhân dân xã Hòa An)"],
        [None, None, None, None, None, None, "Đơn vị tính: triệu đồng"],
        ["STT", "Nội dung", "Dự toán năm 2026", None, "Thực hiện 9 tháng", None, "So sánh (%)"],
        [None, None, "Tổng thu NSNN trên địa bàn", "Thu ngân sách xã", "Tổng thu NSNN trên địa bàn",
         "Thu ngân sách xã", None],
        ["A", "B", 1, 2, 3, 4, "5=4/2"],
        [None, "TỔNG THU", 12500, 9105.5, 9018.5, 6534, 71.8],
        ["A", "Các khoản thu xã hưởng 100%", 550, 550, 397.5, 397.5, 72.3],
        ["1", "Phí, lệ phí", 120, 120, 95, 95, 79.2],
        ["2", "Thu từ quỹ đất công ích và hoa lợi công sản", 350, 350, 262.5, 262.5, 75],
        ["3", "Thu khác", 80, 80, 40, 40, 50],
        ["B", "Các khoản thu phân chia theo tỷ lệ phần trăm", 3899.5, 505, 2843.5, 359, 71.1],
        ["1", "Thuế sử dụng đất phi nông nghiệp", 95, 95, 61, 61, 64.2],
        ["2", "Lệ phí trước bạ nhà, đất", 3804.5, 410, 2782.5, 298, 72.7],
        ["C", "Thu bổ sung từ ngân sách cấp trên", 8050.5, 8050.5, 5777.5, 5777.5, 71.8],
        ["1", "Thu bổ sung cân đối", 6850, 6850, 5137.5, 5137.5, 75],
        ["2", "Thu bổ sung có mục tiêu", 1200.5, 1200.5, 640, 640, 53.3],
    ]
    end, merges = footer(len(rows) + 1, 7)
    return Layout(rows + end, [*ISSUER_MERGES, "A3:G3", "A4:G4", "A6:A7", "B6:B7", "C6:D6", "E6:F6", "G6:G7",
                               *merges])


def budget_expenditure() -> Layout:
    """One header row, the column numbers, and the grand total written at the bottom as "Tổng cộng"."""
    rows = [
        *ISSUER,
        ["CÔNG KHAI THỰC HIỆN CHI NGÂN SÁCH XÃ 9 THÁNG NĂM 2026"],
        [None, None, None, None, None, "ĐVT: triệu đồng"],
        ["STT", "Nội dung", "Dự toán năm 2026", "Thực hiện 9 tháng", "So sánh TH/DT (%)", "Ghi chú"],
        ["A", "B", 1, 2, "3=2/1", "C"],
        ["I", "Chi đầu tư phát triển", 1950, 1430, 73.3, None],
        ["1", "Đường giao thông liên thôn Đông – Tây", 1200, 820, 68.3, "Đang thi công"],
        ["2", "Nhà văn hóa Thôn Phú Sơn", 750, 610, 81.3, None],
        ["II", "Chi thường xuyên", 6975.5, 4946, 70.9, None],
        ["1", "Chi quản lý nhà nước, Đảng, đoàn thể", 4100, 3050, 74.4, None],
        ["2", "Chi sự nghiệp giáo dục", 620, 455, 73.4, None],
        ["3", "Chi sự nghiệp văn hóa, thông tin", 310, 198, 63.9, None],
        ["4", "Chi sự nghiệp kinh tế", 1200.5, 702, 58.5, None],
        ["5", "Chi quốc phòng, an ninh", 545, 380, 69.7, None],
        ["6", "Chi đảm bảo xã hội", 200, 161, 80.5, None],
        ["III", "Dự phòng ngân sách", 180, 0, 0, None],
        [None, "Tổng cộng", 9105.5, 6376, 70.0, None],
    ]
    end, merges = footer(len(rows) + 1, 6)
    return Layout(rows + end, [*ISSUER_MERGES, "A3:F3", *merges])


def budget_balance() -> Layout:
    rows = [
        *ISSUER,
        ["CÂN ĐỐI NGÂN SÁCH XÃ 9 THÁNG NĂM 2026"],
        [None, None, None, "Đơn vị tính: triệu đồng"],
        ["STT", "Nội dung", "Dự toán năm 2026", "Thực hiện 9 tháng"],
        ["A", "B", 1, 2],
        ["A", "Tổng thu ngân sách xã", 9105.5, 6534],
        ["B", "Tổng chi ngân sách xã", 9105.5, 6376],
        ["C", "Kết dư ngân sách xã", 0, 158],
    ]
    end, merges = footer(len(rows) + 1, 6)
    return Layout(rows + end, [*ISSUER_MERGES, "A3:D3", *merges])


BUDGET_SHEETS = {"Thu": budget_revenue, "Chi": budget_expenditure, "Cân đối": budget_balance}


VILLAGES = ("Thôn Đồng Bến", "Thôn Trại", "Thôn Phú Sơn")


def land_use_list() -> Layout:
    """Group rows carrying subtotals (I/II with NNP/PNN, "1" with the former group code DHT over 1.1, 1.2),
    the grand total at the top, a former code (BHK), area under a merged "Diện tích (ha)", the form's
    optional columns, and villages written as officers write them."""
    rows = [
        *ISSUER,
        ["DANH MỤC CÔNG TRÌNH, DỰ ÁN THỰC HIỆN TRONG KẾ HOẠCH SỬ DỤNG ĐẤT NĂM 2026"],
        [None, None, None, None, None, None, None, None, "ĐVT: ha"],
        ["STT", "Tên công trình, dự án", "Mã loại đất", "Diện tích (ha)", None, "Thôn", "Địa điểm",
         "Sử dụng vào loại đất", "Vị trí trên bản đồ địa chính (tờ, thửa)"],
        [None, None, None, "Tổng", "Tăng thêm", None, None, None, None],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)"],
        [None, "Tổng cộng", None, 13.5, 9.5, None, None, None, None],
        ["I", "Đất nông nghiệp", "NNP", 2.0, 0.0, None, None, None, None],
        ["1", "Chuyển đổi đất lúa sang trồng cây hằng năm", "BHK", 2.0, 0.0, "thôn đồng bến", "Xứ đồng Bàu", "LUC",
         "Tờ 12, thửa 45-52"],
        ["II", "Đất phi nông nghiệp", "PNN", 11.5, 9.5, None, None, None, None],
        ["1", "Đất phát triển hạ tầng", "DHT", 6.0, 4.0, None, None, None, None],
        ["1.1", "Đường giao thông liên thôn Đồng Bến – Trại", "DGT", 4.0, 2.5, "Đồng Bến; Xóm Trại", None, "LUC",
         "Tờ 5"],
        ["1.2", "Mở rộng trường mầm non", "DGD", 2.0, 1.5, "Thôn Trại", None, "HNK", "Tờ 7, thửa 101"],
        ["2", "Khu dân cư mới", "ONT", 5.5, 5.5, "PHÚ SƠN", None, "LUC", "Tờ 9"],
    ]
    end, merges = footer(len(rows) + 1, 9)
    return Layout(rows + end, decimals=2, merges=[*ISSUER_MERGES, "A3:I3", "A5:A6", "B5:B6", "C5:C6", "D5:E5", "F5:F6", "G5:G6",
                               "H5:H6", "I5:I6", *merges])


def poverty_list() -> Layout:
    """Category as "x" marks under one column per category, villages as heading rows, the header repeated
    at a page break (a table copied from Word), a total line and the signatures."""
    header = ["STT", "Họ và tên chủ hộ", "Phân loại", None, "Số nhân khẩu", "Ghi chú"]
    parts = [None, None, "Hộ nghèo", "Hộ cận nghèo", None, None]
    rows = [
        *ISSUER,
        ["DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2026"],
        ["(Kèm theo Thông báo số 52/TB-UBND ngày 20/11/2026 của Ủy ban nhân dân xã Hòa An)"],
        header, parts,
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
        ["I", "Thôn Đồng Bến"],
        [1, "Nguyễn Văn Một", "x", None, 4, None],
        [2, "Trần Thị Hai", None, "x", 3, None],
        ["II", "XÓM TRẠI"],
        [1, "Lê Văn Ba", "X", None, 5, "Mới phát sinh"],
        header, parts,
        [2, "Phạm Thị Bốn", None, "x", 2, None],
        ["Tổng cộng", None, 2, 2, 14, None],
    ]
    end, merges = footer(len(rows) + 1, 6)
    return Layout(rows + end, [*ISSUER_MERGES, "A3:F3", "A4:F4", "A5:A6", "B5:B6", "C5:D5", "E5:E6", "F5:F6",
                               "B8:F8", "B11:F11", "A13:A14", "B13:B14", "C13:D13", "E13:E14", "F13:F14", *merges])


def reception_month_table() -> Layout:
    """The month table of reception days: no times, no content, the month merged down, dates with weekdays."""
    rows = [
        *ISSUER,
        ["LỊCH TIẾP CÔNG DÂN ĐỊNH KỲ CỦA LÃNH ĐẠO ỦY BAN NHÂN DÂN XÃ THÁNG 12 NĂM 2026"],
        ["Tháng", "Người tiếp công dân", "Chức vụ", "Ngày tiếp công dân"],
        [12, "Trần Văn Minh", "Chủ tịch UBND xã", "Thứ Năm, 03/12/2026"],
        [None, "Nguyễn Văn Hùng", "Phó Chủ tịch UBND xã", "Thứ Năm, 10/12/2026"],
        [None, "Trần Văn Minh", "Chủ tịch UBND xã", "Thứ Năm, 17/12/2026"],
    ]
    end, merges = footer(len(rows) + 1, 6)
    return Layout(rows + end, [*ISSUER_MERGES, "A3:D3", "A5:A7", *merges])


def procedures_official(in_person_hoa_tich: int = 48, not_due_dat_dai: int = 3, header_rows: int = 3) -> Layout:
    """The one-stop desk's report on the official form: "Tổng số" stands under three groups and "Quá hạn"
    under both the resolved and the pending records. With four header rows, "Số mới tiếp nhận" stands over
    "Trực tuyến | Trực tiếp, dịch vụ bưu chính", as on the circular's form; with three, they are one row."""
    groups = ["STT", "Lĩnh vực, công việc giải quyết theo cấp", "Số hồ sơ nhận giải quyết", None, None, None,
              "Kết quả giải quyết", None, None, None, None, None, None, "Số thư xin lỗi", "Ghi chú"]
    parts = [None, None, "Tổng số", "Trong đó", None, None, "Số hồ sơ đã giải quyết", None, None, None,
             "Số hồ sơ đang giải quyết", None, None, None, None]
    lowest = ["Tổng số", "Trả trước hạn", "Trả đúng thời hạn", "Trả quá hạn", "Tổng số", "Chưa đến hạn", "Quá hạn"]
    if header_rows == 3:
        header = [groups, parts, [None, None, None, "Từ kỳ trước", "Trực tuyến", "Trực tiếp, dịch vụ bưu chính",
                                  *lowest, None, None]]
        merges = ["A4:A6", "B4:B6", "C4:F4", "G4:M4", "N4:N6", "O4:O6", "C5:C6", "D5:F5", "G5:J5", "K5:M5"]
    else:
        header = [groups, parts,
                  [None, None, None, "Số kỳ trước chuyển qua", "Số mới tiếp nhận", None, *lowest, None, None],
                  [None, None, None, None, "Trực tuyến", "Trực tiếp, dịch vụ bưu chính", *[None] * 9]]
        merges = ["A4:A7", "B4:B7", "C4:F4", "G4:M4", "N4:N7", "O4:O7", "C5:C7", "D5:F5", "G5:J5", "K5:M5",
                  "D6:D7", "E6:F6", *(f"{column}6:{column}7" for column in "GHIJKLM")]
    rows = [
        *ISSUER,
        ["TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH QUÝ I NĂM 2026"],
        *header,
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)", "(12)", "(13)", "(14)", "(15)"],
        ["1", "Hộ tịch", 120, 2, 70, in_person_hoa_tich, 118, 100, 17, 1, 2, 2, 0, 1, None],
        ["2", "Đất đai", 40, 0, 10, 30, 35, 20, 13, 2, 5, not_due_dat_dai, 2, 2, "Chờ ý kiến cơ quan thuế"],
        ["3", "Chứng thực", 200, 0, 50, 150, 200, 150, 50, 0, 0, 0, 0, 0, None],
        [None, "Tổng cộng", 360, 2, 130, 228, 353, 270, 80, 3, 7, 5, 2, 3, None],
    ]
    end, footer_merges = footer(len(rows) + 1, 15)
    return Layout(rows + end, [*ISSUER_MERGES, "A3:O3", *merges, *footer_merges])


def budget_estimate_titled() -> Layout:
    """The estimate form as Thông tư 343 appendices lay it out: the issuer and "Biểu số 118/CK-NSNN" on the
    first row, the title merged across the whole sheet (the most common title there is: it reads over every
    column, so it must never be taken for the header), "Dự toán năm 2026" merged over its two scopes, the
    column numbers, an of-which line, and dashes for zero."""
    rows = [
        ["ỦY BAN NHÂN DÂN XÃ HÒA AN", None, "Biểu số 118/CK-NSNN", None],
        ["DỰ TOÁN THU NGÂN SÁCH XÃ NĂM 2026", None, None, None],
        ["Đơn vị tính: Đồng", None, None, None],
        ["STT", "Nội dung", "Dự toán năm 2026", None],
        [None, None, "Tổng thu NSNN trên địa bàn", "Thu ngân sách xã"],
        ["A", "B", 1, 2],
        [None, "TỔNG THU NGÂN SÁCH XÃ", 1_150_000_000, 2_350_000_000],
        ["I", "Các khoản thu xã hưởng 100%", 150_000_000, 150_000_000],
        ["1", "Phí, lệ phí", 150_000_000, 150_000_000],
        ["2", "Thu từ hoạt động kinh tế và sự nghiệp", "-", "-"],
        ["II", "Các khoản thu phân chia theo tỷ lệ phần trăm (%)", 1_000_000_000, 400_000_000],
        ["III", "Thu bổ sung từ ngân sách cấp trên", "-", 1_800_000_000],
        [None, "Trong đó: Chương trình MTQG xây dựng nông thôn mới", "-", 500_000_000],
    ]
    end, merges = footer(len(rows) + 1, 4)
    return Layout(rows + end, ["A2:D2", "A4:A5", "B4:B5", "C4:D4", *merges])


def land_use_10ch() -> Layout:
    """Biểu 10/CH: the planned area is the current one plus the added one ("(4)=(5)+(6)" in the column-number
    row), "Tăng thêm" merged over its "Diện tích (ha)" and "Sử dụng vào loại đất"."""
    rows = [
        ["Biểu 10/CH", None, None, None, None, None, None, None],
        ["DANH MỤC CÔNG TRÌNH, DỰ ÁN THỰC HIỆN TRONG NĂM 2026", None, None, None, None, None, None, None],
        ["STT", "Hạng mục", "Mã loại đất", "Diện tích kế hoạch (ha)", "Diện tích hiện trạng (ha)", "Tăng thêm", None,
         "Địa điểm (đến cấp xã)"],
        [None, None, None, None, None, "Diện tích (ha)", "Sử dụng vào loại đất", None],
        ["(1)", "(2)", "(3)", "(4)=(5)+(6)", "(5)", "(6)", "(7)", "(8)"],
        ["1", "Đường giao thông liên thôn", "DGT", 1.25, 0.4, 0.85, "LUC: 0,60; HNK: 0,25", "Thôn Đồng Bến"],
        ["2", "Nhà văn hóa thôn Trại", "DVH", 0.18, 0, 0.18, "HNK", "Thôn Trại"],
    ]
    end, merges = footer(len(rows) + 1, 8)
    return Layout(rows + end, ["A2:H2", "A3:A4", "B3:B4", "C3:C4", "D3:D4", "E3:E4", "F3:G3", "H3:H4", *merges],
                  decimals=2)


def reception_quarter_days() -> Layout:
    """A quarter's reception days as one row a month ("Ngày 01; 08; 15; 22; 29 (Thứ 5)"), and a note under the
    table that is no session."""
    rows = [
        ["LỊCH TIẾP CÔNG DÂN ĐỊNH KỲ CỦA CHỦ TỊCH UBND XÃ QUÝ IV NĂM 2026", None, None, None],
        ["Tháng", "Người tiếp công dân", "Chức vụ", "Ngày tiếp công dân"],
        ["Tháng 10", "Trần Văn Minh", "Chủ tịch", "Ngày 01; 08; 15; 22; 29 (Thứ 5)"],
        ["Tháng 11", "Trần Văn Minh", "Chủ tịch", "Ngày 05; 12; 19; 26 (Thứ 5)"],
        ["Tháng 12", "Trần Văn Minh", "Chủ tịch", "Ngày 03; 10; 17; 24; 31 (Thứ 5)"],
        [None, None, None, None],
        ["Trường hợp Chủ tịch có công tác đột xuất, có thông báo riêng.", None, None, None],
    ]
    return Layout(rows, ["A1:D1"])
